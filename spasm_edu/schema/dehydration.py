"""Dehydration tables: daily water needs, reference quantities, severity bands and signs."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, IdList, TableSpec, Text


class WaterNeedRow(FactRow):
    group_id: Id
    label: Text
    total_water_l_per_day: float = Field(gt=0, le=10)
    from_drinks_l_per_day: float | None = Field(default=None, gt=0, le=10)

    @model_validator(mode="after")
    def _drinks_within_total(self):
        if (
            self.from_drinks_l_per_day is not None
            and self.from_drinks_l_per_day > self.total_water_l_per_day
        ):
            raise ValueError(
                f"from_drinks_l_per_day {self.from_drinks_l_per_day} cannot exceed "
                f"total_water_l_per_day {self.total_water_l_per_day}"
            )
        return self


class ReferenceRow(FactRow):
    quantity_id: Id
    label: Text
    value: float = Field(ge=0, le=100)
    unit: Literal["percent", "L/h", "kg/L"]
    approximate: Literal["yes", "no"]


class SeverityRow(FactRow):
    band_id: Id
    label: Text
    published_range: Text
    min_loss_percent: float = Field(ge=0, le=100)
    max_loss_percent: float | None = Field(default=None, gt=0, le=100)
    approximate: Literal["yes", "no"]

    @model_validator(mode="after")
    def _range_is_ordered(self):
        if self.max_loss_percent is not None and self.max_loss_percent <= self.min_loss_percent:
            raise ValueError(
                f"max_loss_percent {self.max_loss_percent} must be above "
                f"min_loss_percent {self.min_loss_percent}"
            )
        return self


class SignRow(FactRow):
    sign_id: Id
    label: Text
    kind: Literal["sign", "urgent_sign"]
    level: Literal["self_care", "urgent", "emergency"]
    finding_ids: IdList | None = None  # the red_flags.csv findings this sign means, if any


TABLES = [
    TableSpec(
        "dehydration_water_needs.csv",
        WaterNeedRow,
        "group_id",
        "Adequate intake of total water per day by group (IOM 2004).",
    ),
    TableSpec(
        "dehydration_reference.csv",
        ReferenceRow,
        "quantity_id",
        "Reference quantities: food share of water, the ACSM 2 % limit, sweat rates.",
    ),
    TableSpec(
        "dehydration_severity.csv",
        SeverityRow,
        "band_id",
        "Approximate dehydration severity by percent body-mass loss.",
    ),
    TableSpec("dehydration_signs.csv", SignRow, "sign_id", "Signs of dehydration (NHS)."),
]

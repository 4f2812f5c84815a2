"""Pregnancy and after-birth tables: what is common when, the belly-muscle gap over time
(Sperstad 2016) and daily potassium and water needs."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text

Phase = Literal["pregnant", "after_birth"]


class CommonRow(FactRow):
    item_id: Id
    label: Text
    phase: Phase
    weeks_pregnant_from: int | None = Field(default=None, ge=1, le=42)
    weeks_pregnant_to: int | None = Field(default=None, ge=1, le=42)
    months_after_birth_from: int | None = Field(default=None, ge=0, le=24)
    months_after_birth_to: int | None = Field(default=None, ge=0, le=24)
    percent_low: float | None = Field(default=None, ge=0, le=100)
    percent_high: float | None = Field(default=None, ge=0, le=100)
    confidence: Literal["high", "medium", "low"]
    plain: Text

    @model_validator(mode="after")
    def _one_window(self):
        weeks = (self.weeks_pregnant_from, self.weeks_pregnant_to)
        months = (self.months_after_birth_from, self.months_after_birth_to)
        if self.phase == "pregnant":
            ok, used, other = None not in weeks and months == (None, None), weeks, "months"
        else:
            ok, used, other = None not in months and weeks == (None, None), months, "weeks"
        if not ok:
            raise ValueError(
                f"a {self.phase} row fills both of its from/to columns and leaves the "
                f"{other} columns empty"
            )
        if used[0] > used[1]:
            raise ValueError(f"the window starts ({used[0]}) after it ends ({used[1]})")
        if (self.percent_low is None) != (self.percent_high is None):
            raise ValueError("give both percent_low and percent_high, or neither")
        if self.percent_low is not None and self.percent_low > self.percent_high:
            raise ValueError("percent_low must not be above percent_high")
        return self


class DiastasisRow(FactRow):
    point_id: Id
    timepoint_label: Text
    weeks_pregnant: int | None = Field(default=None, ge=1, le=42)
    weeks_after_birth: int | None = Field(default=None, ge=0, le=104)
    percent_with_gap: float = Field(ge=0, le=100)
    women_studied: int = Field(ge=1)

    @model_validator(mode="after")
    def _one_time(self):
        if (self.weeks_pregnant is None) == (self.weeks_after_birth is None):
            raise ValueError("give exactly one of weeks_pregnant or weeks_after_birth")
        return self


class NeedsRow(FactRow):
    group_id: Literal["women", "pregnant", "lactation"]
    label: Text
    potassium_mg_per_day: float = Field(gt=0, le=10000)
    water_group_id: Id  # row of data/dehydration_water_needs.csv (water is not copied here)


TABLES = [
    TableSpec(
        "pregnancy_common.csv",
        CommonRow,
        "item_id",
        "What is common at which stage of pregnancy and after birth.",
    ),
    TableSpec(
        "pregnancy_diastasis.csv",
        DiastasisRow,
        "point_id",
        "Share of first-time mothers with a belly-muscle gap over time (Sperstad 2016).",
    ),
    TableSpec(
        "pregnancy_needs.csv",
        NeedsRow,
        "group_id",
        "Daily potassium needs in pregnancy and breastfeeding (water: dehydration table).",
    ),
]

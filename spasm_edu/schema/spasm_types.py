"""Types of spasm by body region, for the "what is a spasm" notebook (01)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text


class RegionRow(BaseModel):
    """A body region on the map (a label, not a fact: no source)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )

    region_id: Id
    label: Text
    order: int = Field(ge=0, le=99)

    @property
    def source_ids(self) -> list[str]:
        return []


class SpasmTypeRow(FactRow):
    type_id: Id
    name: Text
    region_id: Id
    muscle_kind: Literal["skeletal", "smooth"]
    plain: Text
    how_common: Text
    percent_low: float | None = Field(default=None, ge=0, le=100)
    percent_high: float | None = Field(default=None, ge=0, le=100)
    percent_of: Text | None = None
    usually_harmless: Literal["yes", "no"]
    see_doctor_if: Text
    cause_ids: str | None = Field(default=None, pattern=r"^[a-z_]+(;[a-z_]+)*$")

    @model_validator(mode="after")
    def _percent_complete(self):
        parts = (self.percent_low, self.percent_high, self.percent_of)
        if any(p is None for p in parts) and any(p is not None for p in parts):
            raise ValueError("fill percent_low, percent_high and percent_of together, or none")
        if self.percent_low is not None and self.percent_low > self.percent_high:
            raise ValueError("percent_low must not be above percent_high")
        return self

    @property
    def causes(self) -> list[str]:
        return self.cause_ids.split(";") if self.cause_ids else []


TABLES = [
    TableSpec("spasm_regions.csv", RegionRow, "region_id", "Body regions on the spasm map."),
    TableSpec(
        "spasm_types.csv",
        SpasmTypeRow,
        "type_id",
        "Types of spasm by body region, with how common they are and links to causes.",
    ),
]

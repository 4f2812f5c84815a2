"""Electrolyte tables: the blood tests (units and conversion), the bands of each test against
its reference range, the corrected-calcium constants, and dietary potassium."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text

Unit = Literal["mmol/L", "mEq/L", "mg/dL"]


class AnalyteRow(FactRow):
    analyte_id: Id
    label: Text
    plain_label: Text
    si_unit: Literal["mmol/L"]
    other_unit: Literal["mEq/L", "mg/dL"]
    other_per_mmol_l: float = Field(gt=0, le=100)  # 1 mmol/L = this many other units
    input_min_mmol_l: float = Field(gt=0, le=500)  # typing-error guard, not a clinical limit
    input_max_mmol_l: float = Field(gt=0, le=500)
    note: Text | None = None

    @model_validator(mode="after")
    def _guard_order(self):
        if self.input_min_mmol_l >= self.input_max_mmol_l:
            raise ValueError("input_min_mmol_l must be below input_max_mmol_l")
        if self.other_unit == "mEq/L" and self.other_per_mmol_l != 1:
            raise ValueError("for a monovalent ion, 1 mmol/L = 1 mEq/L (other_per_mmol_l = 1)")
        return self


class BandRow(FactRow):
    """A band of one test: from ``lower`` (inclusive; empty = no lower end) up to ``upper``
    (exclusive; inclusive for the reference range, rank 0; empty = no upper end)."""

    band_id: Id
    analyte_id: Id
    label: Text
    plain_label: Text
    lower: float | None = Field(default=None, ge=0, le=500)
    upper: float | None = Field(default=None, gt=0, le=500)
    unit: Unit
    rank: int = Field(ge=0, le=3)  # 0 reference range; 1-3 further and further below it
    approximate: Literal["yes", "no"]
    symptoms: Text | None = None

    @model_validator(mode="after")
    def _bounds(self):
        if self.lower is None and self.upper is None:
            raise ValueError("give lower, upper or both")
        if self.lower is not None and self.upper is not None and self.lower >= self.upper:
            raise ValueError(f"lower {self.lower} must be below upper {self.upper}")
        if self.rank == 0 and (self.lower is None or self.upper is None):
            raise ValueError("the reference range (rank 0) needs both lower and upper")
        return self


class ConstantRow(FactRow):
    constant_id: Id
    label: Text
    value: float = Field(gt=0, le=100)
    unit: Text


class PotassiumFoodRow(FactRow):
    food_id: Id
    label: Text
    serving: Text
    potassium_mg: float = Field(gt=0, le=3000)
    approximate: Literal["yes", "no"]


class PotassiumIntakeRow(FactRow):
    intake_id: Id
    label: Text
    sex: Literal["female", "male"] | None = None
    status: Literal["none", "pregnant", "lactating"] | None = None
    mg_per_day: float = Field(gt=0, le=10_000)
    kind: Literal["adequate_intake", "label_daily_value"]

    @model_validator(mode="after")
    def _who(self):
        if self.kind == "adequate_intake" and (self.sex is None or self.status is None):
            raise ValueError("an adequate_intake row needs sex and status")
        if self.status in ("pregnant", "lactating") and self.sex != "female":
            raise ValueError("pregnant or lactating rows need sex = female")
        return self


TABLES = [
    TableSpec(
        "electrolyte_analytes.csv",
        AnalyteRow,
        "analyte_id",
        "Serum electrolytes: units, conversion and accepted input range.",
    ),
    TableSpec(
        "electrolyte_bands.csv",
        BandRow,
        "band_id",
        "Reference range and low bands per electrolyte, with linked symptoms.",
    ),
    TableSpec(
        "electrolyte_constants.csv",
        ConstantRow,
        "constant_id",
        "Corrected-calcium constants and the albumin input guard.",
    ),
    TableSpec(
        "electrolyte_potassium_foods.csv",
        PotassiumFoodRow,
        "food_id",
        "Potassium per serving of common foods.",
    ),
    TableSpec(
        "electrolyte_potassium_intake.csv",
        PotassiumIntakeRow,
        "intake_id",
        "NASEM 2019 potassium adequate intakes and the FDA label Daily Value.",
    ),
]

"""Electrolyte tables: the blood tests (units and conversion), the bands of each test against
its reference range (below and above it, each with the care it needs), the symptoms a person
can tick with a result, the cautions shown with potassium foods and tingling, the
corrected-calcium constants, and dietary potassium."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from spasm_edu.schema.base import FactRow, Id, IdList, TableSpec, Text
from spasm_edu.schema.triage import Basis, LevelId

StudentText = Annotated[str, StringConstraints(min_length=1, max_length=1200)]
NO_SYMPTOMS = "usually none"
"""``symptoms`` value meaning: the source says most people have no symptoms in this band."""

Unit = Literal["mmol/L", "mEq/L", "mg/dL"]
Side = Literal["low", "reference", "high"]


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
    """A band of one test. ``side`` says where it lies: ``low`` bands run from ``lower``
    (inclusive; empty = no lower end) up to ``upper`` (exclusive); the ``reference`` range
    includes both ends; ``high`` bands run from ``lower`` (inclusive, but exclusive for the
    band that starts where the reference range ends) up to ``upper`` (exclusive; empty = no
    upper end). ``rank`` counts bands away from the reference range (0 = the range itself).

    ``level`` is the care the band needs (a triage level id). An ``urgent`` band names in
    ``emergency_if`` the symptoms that make it a 911 call; ``level_note`` says why the level
    was chosen, and says so where sources disagree and the safer level was taken."""

    band_id: Id
    analyte_id: Id
    side: Side
    label: Text
    plain_label: Text
    lower: float | None = Field(default=None, ge=0, le=500)
    upper: float | None = Field(default=None, gt=0, le=500)
    unit: Unit
    rank: int = Field(ge=0, le=3)
    approximate: Literal["yes", "no"]
    symptoms: Text | None = None
    level: LevelId
    emergency_if: Text | None = None
    level_note: Text | None = None

    @field_validator("symptoms")
    @classmethod
    def _symptoms_are_a_list(cls, value: str | None) -> str | None:
        if value is not None and value != NO_SYMPTOMS and value.lower().startswith("none"):
            raise ValueError(
                f"write {NO_SYMPTOMS!r} for a band without symptoms, or leave it empty"
            )
        return value

    @model_validator(mode="after")
    def _bounds(self):
        if self.lower is None and self.upper is None:
            raise ValueError("give lower, upper or both")
        if self.lower is not None and self.upper is not None and self.lower >= self.upper:
            raise ValueError(f"lower {self.lower} must be below upper {self.upper}")
        if (self.side == "reference") != (self.rank == 0):
            raise ValueError("the reference range, and only it, has rank 0")
        if self.side == "reference" and (self.lower is None or self.upper is None):
            raise ValueError("the reference range needs both lower and upper")
        if self.side == "low" and self.upper is None:
            raise ValueError("a low band needs an upper end (where the band above begins)")
        if self.side == "high" and self.lower is None:
            raise ValueError("a high band needs a lower end (where the band below ends)")
        if self.side == "reference" and self.level != "self_care":
            raise ValueError("the reference range is level self_care")
        if self.level in ("urgent", "emergency") and not self.emergency_if:
            raise ValueError(f"a {self.level} band needs emergency_if (when to call 911)")
        if self.level != "self_care" and not self.level_note:
            raise ValueError("a band above self_care needs level_note (why this level)")
        return self


class SymptomRow(FactRow):
    """A symptom a person can tick with a result. With a result outside the reference range
    it raises the care needed to ``level_if_out_of_range``. ``finding_ids`` are the
    data/red_flags.csv findings the box means (the patient session carries them into its
    red-flag step)."""

    symptom_id: Id
    label: Text
    finding_ids: IdList | None = None
    level_if_out_of_range: LevelId
    level_basis: Basis
    why: Text


class CautionRow(FactRow):
    """A caution shown with a topic: ``plain`` for patients, ``student`` for nursing
    students. ``drug_ids`` name rows of data/medication_drugs.csv the caution is about.
    A caution that is also a rule gives ``level`` and ``symptom_ids``: when the person says
    it applies (e.g. neck surgery) and ticks any of those symptoms, the care needed is at
    least ``level``."""

    caution_id: Id
    topic: Literal["potassium_foods", "potassium_high", "tingling"]
    plain: Text
    student: StudentText
    drug_ids: IdList | None = None
    level: LevelId | None = None
    symptom_ids: IdList | None = None

    @model_validator(mode="after")
    def _rule_is_whole(self):
        if (self.level is None) != (self.symptom_ids is None):
            raise ValueError("a caution rule needs both level and symptom_ids (or neither)")
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
        "Reference range, low and high bands per electrolyte: symptoms and the care needed.",
    ),
    TableSpec(
        "electrolyte_symptoms.csv",
        SymptomRow,
        "symptom_id",
        "Symptoms that make a result outside the range an emergency.",
    ),
    TableSpec(
        "electrolyte_cautions.csv",
        CautionRow,
        "caution_id",
        "Cautions: potassium foods and kidney disease or medicines; tingling from fast "
        "breathing or after neck surgery.",
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

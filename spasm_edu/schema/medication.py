"""Medication tables: classes of medicines linked to cramps or twitching, the medicines
themselves (generic, other and brand names), and the measured evidence per class."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text

Names = Annotated[str, StringConstraints(pattern=r"^[^;]+(;[^;]+)*$", max_length=300)]
"""Several names separated by ``;`` (search aliases or brand names)."""


def split_names(value: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in value.split(";")) if value else ()


class MedicationClassRow(FactRow):
    class_id: Id
    label: Text
    plain_label: Text
    other_names: Names | None = None
    how: Text  # one or two short plain sentences for patients: how it can cause spasms
    mechanism_student: Text


class MedicationRow(FactRow):
    drug_id: Id
    name: Text
    other_names: Names | None = None
    brand_names: Names | None = None
    class_id: Id  # a row of medication_classes.csv (checked by the model's loader)
    common: Literal["yes", "no"]  # shown before any search in the short patient explorer
    how: Text | None = None  # empty: the class's sentence applies


class MedicationEvidenceRow(FactRow):
    evidence_id: Id
    class_id: Id
    measure: Literal[
        "adjusted_sequence_ratio",
        "percent_reporting_muscle_symptoms",
        "percent_muscle_symptoms_blinded_statin",
        "percent_muscle_symptoms_blinded_placebo",
        "myopathy_one_in_n_users",
    ]
    value_low: float = Field(gt=0, le=100_000)
    value_high: float = Field(gt=0, le=100_000)
    significant: Literal["yes", "no"] | None = None
    label: Text

    @model_validator(mode="after")
    def _consistent(self):
        if self.value_low > self.value_high:
            raise ValueError(
                f"value_low {self.value_low} must not be above value_high {self.value_high}"
            )
        if self.measure == "adjusted_sequence_ratio":
            if self.significant is None:
                raise ValueError("an adjusted_sequence_ratio needs significant = yes or no")
            if self.value_low != self.value_high:
                raise ValueError("an adjusted_sequence_ratio is one value: low = high")
        if self.measure.startswith("percent_") and self.value_high > 100:
            raise ValueError("a percent must be at most 100")
        return self


class MedicationCautionRow(FactRow):
    """A medicine people take *for* cramps that a regulator advises against (e.g. quinine).

    Not a cause of cramps, so not in medication_drugs.csv: the explorer shows the caution when
    the search names it (``names``), and notebook 03 lists every caution.
    """

    caution_id: Id
    title: Text
    names: Names  # search words that bring the caution up (generic and brand names)
    plain: Text  # patient sentences (reading grade <= 7)
    student: Text  # what the regulators say, for nursing students


TABLES = [
    TableSpec(
        "medication_classes.csv",
        MedicationClassRow,
        "class_id",
        "Classes of medicines linked to cramps, twitching or spasms, with how.",
    ),
    TableSpec(
        "medication_drugs.csv",
        MedicationRow,
        "drug_id",
        "Medicines (generic, other and brand names) linked to cramps, by class.",
    ),
    TableSpec(
        "medication_evidence.csv",
        MedicationEvidenceRow,
        "evidence_id",
        "Measured evidence per class (Garrison 2012 sequence ratios, EAS 2015 and CTT 2022 "
        "statin figures).",
    ),
    TableSpec(
        "medication_cautions.csv",
        MedicationCautionRow,
        "caution_id",
        "Medicines taken for cramps that regulators advise against (quinine: MHRA, FDA 2010).",
    ),
]

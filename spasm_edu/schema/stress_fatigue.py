"""Stress and fatigue tables: sleep recommendations, what the evidence says, practical steps."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text

Topic = Literal["night_cramps", "hypnic_jerks", "eyelid_twitching"]


class SleepRecRow(FactRow):
    rec_id: Id
    label: Text
    age_min_years: int = Field(ge=0, le=120)
    age_max_years: int = Field(ge=0, le=120)
    min_h: float = Field(gt=0, le=24)
    max_h: float | None = Field(default=None, gt=0, le=24)

    @model_validator(mode="after")
    def _ordered(self):
        if self.age_max_years < self.age_min_years:
            raise ValueError("age_max_years must not be below age_min_years")
        if self.max_h is not None and self.max_h < self.min_h:
            raise ValueError(f"max_h {self.max_h} must not be below min_h {self.min_h}")
        return self


class EvidenceRow(FactRow):
    finding_id: Id
    topic: Topic
    label: Text
    percent_low: float | None = Field(default=None, ge=0, le=100)
    percent_high: float | None = Field(default=None, ge=0, le=100)
    says: Text
    does_not_say: Text | None = None

    @model_validator(mode="after")
    def _range(self):
        if (self.percent_low is None) != (self.percent_high is None):
            raise ValueError("give both percent_low and percent_high, or neither")
        if self.percent_low is not None and self.percent_high < self.percent_low:
            raise ValueError("percent_high must not be below percent_low")
        return self


class StepRow(FactRow):
    step_id: Id
    applies_when: Literal["short_sleep", "stress", "hard_to_cope"] | Topic
    text: Text


TABLES = [
    TableSpec(
        "stress_fatigue_sleep.csv",
        SleepRecRow,
        "rec_id",
        "Recommended hours of sleep per night for adults (AASM/SRS, CDC).",
    ),
    TableSpec(
        "stress_fatigue_evidence.csv",
        EvidenceRow,
        "finding_id",
        "What the evidence says and does not say about sleep, cramps, jerks and twitches.",
    ),
    TableSpec(
        "stress_fatigue_steps.csv",
        StepRow,
        "step_id",
        "Practical steps a patient can take, and when each applies.",
    ),
]

"""Caffeine tables: drinks, limits and half-lives."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text


class DrinkRow(FactRow):
    drink_id: Id
    label: Text
    serving: Text
    typical_mg: float = Field(ge=0, le=500)
    low_mg: float = Field(ge=0, le=500)
    high_mg: float = Field(ge=0, le=500)
    patient_default: Literal["yes", "no"]

    @model_validator(mode="after")
    def _range_holds_typical(self):
        if not self.low_mg <= self.typical_mg <= self.high_mg:
            raise ValueError(
                f"typical_mg {self.typical_mg} must lie between low_mg {self.low_mg} "
                f"and high_mg {self.high_mg}"
            )
        return self


class LimitRow(FactRow):
    limit_id: Id
    group: Literal["adult", "pregnant", "child"]
    label: Text
    age_min_years: int | None = Field(default=None, ge=0, le=120)
    age_max_years: int | None = Field(default=None, ge=0, le=120)
    max_mg_per_day: float | None = Field(default=None, gt=0, le=2000)
    max_mg_per_kg_per_day: float | None = Field(default=None, gt=0, le=20)
    kind: Literal["daily_limit", "toxic_rapid_intake"]

    @model_validator(mode="after")
    def _one_limit(self):
        if (self.max_mg_per_day is None) == (self.max_mg_per_kg_per_day is None):
            raise ValueError("give exactly one of max_mg_per_day or max_mg_per_kg_per_day")
        return self


class HalfLifeRow(FactRow):
    """A measured half-life (half_life_h with its reported range), or a relative one.

    A relative row gives no half-life of its own: it names the row it is relative to
    (``relative_to``) and the two means one study measured side by side (``study_h`` in this
    group, ``study_control_h`` in that study's comparison group). The model applies that
    within-study ratio to the other row's mean, so no figure is borrowed from another study's
    baseline and the arithmetic stays visible.
    """

    situation_id: Id
    label: Text
    half_life_h: float | None = Field(default=None, gt=0, le=100)
    low_h: float | None = Field(default=None, gt=0, le=100)
    high_h: float | None = Field(default=None, gt=0, le=100)
    relative_to: Id | None = None
    study_h: float | None = Field(default=None, gt=0, le=100)
    study_control_h: float | None = Field(default=None, gt=0, le=100)
    basis: Text

    @model_validator(mode="after")
    def _measured_or_relative(self):
        measured = (self.half_life_h, self.low_h, self.high_h)
        relative = (self.relative_to, self.study_h, self.study_control_h)
        if self.relative_to is None:
            if None in measured or any(v is not None for v in relative):
                raise ValueError(
                    "a measured row gives half_life_h, low_h and high_h and leaves "
                    "relative_to, study_h and study_control_h empty"
                )
            if not self.low_h <= self.half_life_h <= self.high_h:
                raise ValueError(
                    f"half_life_h {self.half_life_h} must lie between low_h {self.low_h} "
                    f"and high_h {self.high_h}"
                )
        elif None in relative or any(v is not None for v in measured):
            raise ValueError(
                "a relative row gives relative_to, study_h and study_control_h and leaves "
                "half_life_h, low_h and high_h empty (the model works the half-life out)"
            )
        return self


class TimingRow(FactRow):
    """When to stop caffeine: at least ``hours_before_bed`` before bed. ``example_bedtime_h``
    is only a worked example for a patient whose bedtime is not known (never their answer)."""

    timing_id: Id
    label: Text
    hours_before_bed: float = Field(gt=0, le=24)
    example_bedtime_h: float = Field(ge=18, le=30)


class AbsorptionRow(FactRow):
    """How fast caffeine is absorbed: ``percent_absorbed`` of a dose within ``within_min``
    minutes. The model absorbs each drink at once; the student box says how far that is from
    the real curve."""

    measure_id: Id
    label: Text
    percent_absorbed: float = Field(gt=0, le=100)
    within_min: float = Field(gt=0, le=600)


TABLES = [
    TableSpec("caffeine_drinks.csv", DrinkRow, "drink_id", "Typical caffeine per serving."),
    TableSpec("caffeine_limits.csv", LimitRow, "limit_id", "Daily caffeine limits by group."),
    TableSpec("caffeine_half_life.csv", HalfLifeRow, "situation_id", "Caffeine half-lives."),
    TableSpec(
        "caffeine_timing.csv",
        TimingRow,
        "timing_id",
        "How long before bed to stop caffeine (and a worked-example bedtime).",
    ),
    TableSpec(
        "caffeine_absorption.csv",
        AbsorptionRow,
        "measure_id",
        "How fast caffeine is absorbed (the model takes each drink as absorbed at once).",
    ),
]

"""Body-mechanics tables: the Revised NIOSH Lifting Equation (NIOSH Pub. 94-110, revised 2021).

Lengths are in the unit of the row's ``units`` (cm for metric, in for US); masses in kg or lb.
Every multiplier cell (frequency, coupling) is a number from 0 to 1 exactly as published.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text


class ConstantsRow(FactRow):
    """The constants of the published equation for one unit system.

    HM = h_reference / H (1 when H <= h_reference, 0 when H > h_max);
    VM = 1 - v_factor * |V - v_optimum| (0 when V > v_max);
    DM = d_intercept + d_factor / D (1 when D <= d_reference, 0 when D > d_max);
    AM = 1 - a_factor * A (0 when A > a_max_deg). ``v_split`` divides the FM and CM columns.
    """

    units: Literal["metric", "us"]
    mass_unit: Literal["kg", "lb"]
    length_unit: Literal["cm", "in"]
    load_constant: float = Field(gt=0, le=60)
    h_reference: float = Field(gt=0, le=50)
    h_max: float = Field(gt=0, le=100)
    v_optimum: float = Field(gt=0, le=100)
    v_factor: float = Field(gt=0, lt=0.01)
    v_max: float = Field(gt=0, le=200)
    v_split: float = Field(gt=0, le=100)
    d_reference: float = Field(gt=0, le=50)
    d_max: float = Field(gt=0, le=200)
    d_intercept: float = Field(gt=0, lt=1)
    d_factor: float = Field(gt=0, le=10)
    a_factor: float = Field(gt=0, lt=0.01)
    a_max_deg: float = Field(gt=0, le=180)

    @model_validator(mode="after")
    def _consistent(self):
        if not self.h_reference < self.h_max:
            raise ValueError("h_reference must be below h_max")
        if not self.d_reference < self.d_max:
            raise ValueError("d_reference must be below d_max")
        if abs(self.d_intercept + self.d_factor / self.d_reference - 1) > 1e-9:
            raise ValueError("d_intercept + d_factor / d_reference must equal 1 (DM = 1 at D_min)")
        if (self.mass_unit, self.length_unit) not in (
            ("kg", "cm") if self.units == "metric" else ("lb", "in"),
        ):
            raise ValueError(f"units {self.units!r} needs matching mass_unit and length_unit")
        return self


FM = Field(ge=0, le=1)


class FrequencyRow(FactRow):
    """One row of the frequency-multiplier table (Table 5 of the Applications Manual).

    ``v_low``: hands start below v_split (75 cm / 30 in); ``v_high``: at or above it.
    ``applies``: ``at_or_below`` (the 0.2 row also covers rarer lifts), ``exactly`` (only this
    frequency), ``above`` (every frequency above this one).
    """

    frequency_id: Id
    frequency_lifts_per_min: float = Field(gt=0, le=60)
    applies: Literal["at_or_below", "exactly", "above"]
    fm_le1h_v_low: float = FM
    fm_le1h_v_high: float = FM
    fm_1to2h_v_low: float = FM
    fm_1to2h_v_high: float = FM
    fm_2to8h_v_low: float = FM
    fm_2to8h_v_high: float = FM

    @model_validator(mode="after")
    def _high_v_never_worse(self):
        for duration in ("le1h", "1to2h", "2to8h"):
            low, high = (
                getattr(self, f"fm_{duration}_v_low"),
                getattr(self, f"fm_{duration}_v_high"),
            )
            if high < low:
                raise ValueError(
                    f"fm_{duration}_v_high ({high}) is below fm_{duration}_v_low ({low}); "
                    "the published table never lowers FM for higher hands"
                )
        return self

    def fm(self, duration: str, v_high: bool) -> float:
        return getattr(self, f"fm_{duration}_v_{'high' if v_high else 'low'}")


class CouplingRow(FactRow):
    coupling: Literal["good", "fair", "poor"]
    label: Text
    description: Text
    cm_v_low: float = Field(gt=0, le=1)
    cm_v_high: float = Field(gt=0, le=1)


class BandRow(FactRow):
    """A Lifting Index band: li_above < LI <= li_at_most (no upper end when empty)."""

    band_id: Id
    li_above: float = Field(ge=0, le=100)
    li_at_most: float | None = Field(default=None, gt=0, le=100)
    label: Text
    patient_text: Text
    student_text: Text

    @model_validator(mode="after")
    def _ordered(self):
        if self.li_at_most is not None and self.li_at_most <= self.li_above:
            raise ValueError("li_at_most must be above li_above")
        return self


class MultiplierRow(FactRow):
    multiplier_id: Literal["hm", "vm", "dm", "am", "fm", "cm"]
    symbol: Literal["HM", "VM", "DM", "AM", "FM", "CM"]
    factor: Text
    plain_name: Text
    fix: Text


class PatientHandlingRow(FactRow):
    limit_id: Id
    label: Text
    max_lb: float = Field(gt=0, le=100)
    max_kg: float = Field(gt=0, le=50)
    approximate: Literal["yes", "no"]


class ScopeRow(FactRow):
    limitation_id: Id
    situation: Text
    patient_text: Text


class DurationRow(FactRow):
    """One lifting-duration column of the frequency table (Table 5): more than
    ``longer_than_h`` (0: from the start) and at most ``at_most_h`` hours of lifting a day.
    ``duration_id`` names the column in body_mechanics_frequency.csv (``fm_<id>_v_low``)."""

    duration_id: Literal["le1h", "1to2h", "2to8h"]
    longer_than_h: float = Field(ge=0, le=24)
    at_most_h: float = Field(gt=0, le=24)

    @model_validator(mode="after")
    def _longer_than_below_at_most(self):
        if self.longer_than_h >= self.at_most_h:
            raise ValueError(
                f"longer_than_h ({self.longer_than_h}) must be below at_most_h ({self.at_most_h})"
            )
        return self


class TipRow(FactRow):
    tip_id: Id
    tip: Text


TABLES = [
    TableSpec(
        "body_mechanics_constants.csv",
        ConstantsRow,
        "units",
        "Constants of the Revised NIOSH Lifting Equation, metric and US.",
    ),
    TableSpec(
        "body_mechanics_frequency.csv",
        FrequencyRow,
        "frequency_id",
        "NIOSH frequency multiplier table (lifts/min x duration x hand height).",
    ),
    TableSpec(
        "body_mechanics_durations.csv",
        DurationRow,
        "duration_id",
        "The lifting-duration columns of the NIOSH frequency table (hours a day).",
    ),
    TableSpec(
        "body_mechanics_coupling.csv", CouplingRow, "coupling", "NIOSH coupling (grip) multipliers."
    ),
    TableSpec(
        "body_mechanics_bands.csv", BandRow, "band_id", "NIOSH Lifting Index interpretation."
    ),
    TableSpec(
        "body_mechanics_multipliers.csv",
        MultiplierRow,
        "multiplier_id",
        "What each multiplier measures and how to improve it.",
    ),
    TableSpec(
        "body_mechanics_patient_handling.csv",
        PatientHandlingRow,
        "limit_id",
        "Weight limit for patient-handling tasks (Waters 2007).",
    ),
    TableSpec(
        "body_mechanics_scope.csv",
        ScopeRow,
        "limitation_id",
        "Lifts the NIOSH equation does not apply to.",
    ),
    TableSpec("body_mechanics_tips.csv", TipRow, "tip_id", "Plain-language safe lifting tips."),
]

"""Electrolytes: a blood test value against its reference range and low bands, unit
conversion, corrected calcium, and a day of potassium-rich foods against the adequate intake.

Units are in the names: ``_mmol_l`` millimoles per litre, ``_mg_dl`` milligrams per decilitre,
``_g_dl`` grams per decilitre (albumin), ``_mg`` milligrams. Potassium and sodium: 1 mmol/L =
1 mEq/L. Calcium: mg/dL / 4.008 = mmol/L. Magnesium: mg/dL / 2.431 = mmol/L.
Corrected calcium (mg/dL) = measured + 0.8 x (4.0 - albumin g/dL).
Sources: data/electrolyte_*.csv (Merck Manual lab values and electrolyte chapters, the 2014
European hyponatraemia guideline, WikEM, NASEM 2019, the FDA Daily Value, USDA data).

Education, not diagnosis: a value is placed against published bands; only high is "above the
usual reference range" because the reference sheet gives no high bands.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from spasm_edu import facts
from spasm_edu import validation as check

ANALYTES = "electrolyte_analytes.csv"
BANDS = "electrolyte_bands.csv"
CONSTANTS = "electrolyte_constants.csv"
FOODS = "electrolyte_potassium_foods.csv"
INTAKES = "electrolyte_potassium_intake.csv"

MAX_SERVINGS_PER_FOOD = 20
SEXES = ("female", "male")
STATUSES = ("none", "pregnant", "lactating")

Position = Literal["below", "within", "above"]


@dataclass(frozen=True)
class Band:
    """A band as its source gives it: ``lower`` <= value < ``upper`` in ``unit`` (the reference
    range, rank 0, includes ``upper``). Values are compared in the band's own unit, rounded to
    2 decimals, so 2.12 mmol/L calcium (8.497 mg/dL) counts as the 8.5 mg/dL a lab would show."""

    band_id: str
    analyte_id: str
    label: str
    plain_label: str
    lower: float | None
    upper: float | None
    unit: str
    per_mmol_l: float  # 1 mmol/L = this many of ``unit``
    rank: int
    approximate: bool
    symptoms: str | None
    source_ids: tuple[str, ...]

    @property
    def lower_mmol_l(self) -> float | None:
        return None if self.lower is None else self.lower / self.per_mmol_l

    @property
    def upper_mmol_l(self) -> float | None:
        return None if self.upper is None else self.upper / self.per_mmol_l

    def holds(self, value_mmol_l: float) -> bool:
        v = round(value_mmol_l * self.per_mmol_l, 2)
        above_lower = self.lower is None or v >= self.lower
        if self.upper is None:
            return above_lower
        if self.rank == 0:
            return above_lower and v <= self.upper
        return above_lower and v < self.upper


@dataclass(frozen=True)
class Analyte:
    analyte_id: str
    label: str
    plain_label: str
    si_unit: str
    other_unit: str
    other_per_mmol_l: float
    input_min_mmol_l: float
    input_max_mmol_l: float
    note: str | None
    bands: tuple[Band, ...]  # reference first, then lower and lower
    source_ids: tuple[str, ...]

    @property
    def units(self) -> tuple[str, str]:
        return (self.si_unit, self.other_unit)

    @property
    def reference(self) -> Band:
        return self.bands[0]


@dataclass(frozen=True)
class LabResult:
    """One test value placed against the reference range and the low bands."""

    analyte: Analyte
    value: float
    unit: str
    measured_mmol_l: float
    value_mmol_l: float  # the value compared with the bands (corrected calcium when used)
    value_other: float  # the same in the other common unit
    albumin_g_dl: float | None
    corrected_mg_dl: float | None
    band: Band | None  # None when above the reference range (no high bands are published)
    position: Position
    source_ids: tuple[str, ...]

    @property
    def corrected(self) -> bool:
        return self.corrected_mg_dl is not None


@dataclass(frozen=True)
class FoodServing:
    food_id: str
    label: str
    serving: str
    count: int
    potassium_mg: float
    approximate: bool


@dataclass(frozen=True)
class PotassiumDay:
    """A day of foods against the adequate intake that fits the person."""

    servings: tuple[FoodServing, ...]
    total_mg: float
    sex: str
    status: str
    intake_label: str
    adequate_intake_mg: float
    percent_of_intake: float
    daily_value_mg: float
    upper_limit_mg: None  # NASEM 2019 set no upper limit for potassium
    source_ids: tuple[str, ...]


def constant(constant_id: str) -> float:
    """A constant from data/electrolyte_constants.csv (e.g. ``ca_correction_factor`` -> 0.8).

    constant_id: an id of that table (InputError naming ``constant_id`` otherwise).
    """
    return facts.table(CONSTANTS).pick("constant_id", constant_id).value


@functools.cache
def analytes() -> dict[str, Analyte]:
    """Every test in data/electrolyte_analytes.csv with its bands in mmol/L."""
    out = {}
    band_rows = list(enumerate(facts.table(BANDS), start=2))
    rows = facts.table(ANALYTES)
    for line, b in band_rows:
        if b.analyte_id not in rows.by_id:
            raise facts.FactsError(
                BANDS, f"analyte_id {b.analyte_id!r} is unknown", line, "analyte_id"
            )
    for a in rows:
        bands = []
        for line, b in band_rows:
            if b.analyte_id != a.analyte_id:
                continue
            if b.unit not in (a.si_unit, a.other_unit):
                raise facts.FactsError(
                    BANDS, f"unit {b.unit!r} is not a unit of {a.analyte_id}", line, "unit"
                )
            factor = 1.0 if b.unit == a.si_unit else a.other_per_mmol_l
            bands.append(
                Band(
                    b.band_id,
                    a.analyte_id,
                    b.label,
                    b.plain_label,
                    b.lower,
                    b.upper,
                    b.unit,
                    factor,
                    b.rank,
                    b.approximate == "yes",
                    b.symptoms,
                    tuple(b.source_ids),
                )
            )
        bands.sort(key=lambda x: x.rank)
        if not bands or bands[0].rank != 0:
            raise facts.FactsError(BANDS, f"{a.analyte_id} has no reference range (rank 0)")
        for upper, lower in zip(bands, bands[1:], strict=False):
            if lower.upper_mmol_l is None or abs(lower.upper_mmol_l - upper.lower_mmol_l) > 1e-6:
                raise facts.FactsError(
                    BANDS, f"band {lower.band_id} must end where {upper.band_id} begins"
                )
        if bands[-1].lower_mmol_l is not None:
            raise facts.FactsError(BANDS, f"the lowest band of {a.analyte_id} needs no lower end")
        sources = set(a.source_ids) | {s for b in bands for s in b.source_ids}
        out[a.analyte_id] = Analyte(
            a.analyte_id,
            a.label,
            a.plain_label,
            a.si_unit,
            a.other_unit,
            a.other_per_mmol_l,
            a.input_min_mmol_l,
            a.input_max_mmol_l,
            a.note,
            tuple(bands),
            tuple(sorted(sources)),
        )
    return out


def analyte(analyte_id: str) -> Analyte:
    """One test by id: potassium, sodium, calcium_total, calcium_ionized, magnesium."""
    return analytes()[check.choice("analyte_id", analyte_id, analytes())]


def to_mmol_l(analyte_id: str, value: float, unit: str) -> float:
    """``value`` in ``unit`` (mmol/L, or mEq/L for K/Na, mg/dL for Ca/Mg) as mmol/L.

    The value must lie in the test's accepted input range (a typing-error guard).
    """
    a = analyte(analyte_id)
    check.choice("unit", unit, a.units)
    factor = 1.0 if unit == a.si_unit else a.other_per_mmol_l
    lo, hi = a.input_min_mmol_l * factor, a.input_max_mmol_l * factor
    return check.number("value", value, round(lo, 3), round(hi, 3), unit) / factor


def from_mmol_l(analyte_id: str, value_mmol_l: float, unit: str) -> float:
    """A value in mmol/L expressed in ``unit`` (one of the test's two units)."""
    a = analyte(analyte_id)
    check.choice("unit", unit, a.units)
    check.number("value_mmol_l", value_mmol_l, 0, 1000, "mmol/L")
    return value_mmol_l * (1.0 if unit == a.si_unit else a.other_per_mmol_l)


def corrected_calcium_mg_dl(measured_mg_dl: float, albumin_g_dl: float) -> float:
    """Corrected total calcium, mg/dL = measured + 0.8 x (4.0 - albumin).

    measured_mg_dl 2-20 mg/dL; albumin_g_dl 1.0-6.0 g/dL (source: merck_hypocalcemia).
    """
    a = analyte("calcium_total")
    lo = round(a.input_min_mmol_l * a.other_per_mmol_l, 3)
    hi = round(a.input_max_mmol_l * a.other_per_mmol_l, 3)
    measured = check.number("measured_mg_dl", measured_mg_dl, lo, hi, "mg/dL")
    albumin = check.number(
        "albumin_g_dl",
        albumin_g_dl,
        constant("albumin_input_min"),
        constant("albumin_input_max"),
        "g/dL",
    )
    return measured + constant("ca_correction_factor") * (
        constant("ca_correction_albumin") - albumin
    )


def band_for(a: Analyte, value_mmol_l: float) -> Band | None:
    """The band of analyte ``a`` that holds the value, or None above the reference range.

    a: an :class:`Analyte` (see :func:`analyte`); value_mmol_l 0-1000 mmol/L (a corrected
    calcium may fall outside the typed-input range, so only a sanity bound is checked here).
    """
    if not isinstance(a, Analyte):
        raise check.InputError("a", a, "an electrolytes.Analyte (see analyte())")
    value = check.number("value_mmol_l", value_mmol_l, 0, 1000, "mmol/L")
    return next((b for b in a.bands if b.holds(value)), None)


def lab_result(
    analyte_id: str, value: float, unit: str, albumin_g_dl: float | None = None
) -> LabResult:
    """Place one test value against the reference range and the low bands.

    ``albumin_g_dl`` (1.0-6.0) is only for ``calcium_total``: then corrected calcium is used.
    """
    a = analyte(analyte_id)
    measured = to_mmol_l(analyte_id, value, unit)
    corrected = None
    compare = measured
    sources = set(a.source_ids)
    if albumin_g_dl is not None:
        if analyte_id != "calcium_total":
            raise check.InputError(
                "albumin_g_dl", albumin_g_dl, "None unless analyte_id is calcium_total"
            )
        corrected = corrected_calcium_mg_dl(measured * a.other_per_mmol_l, albumin_g_dl)
        compare = corrected / a.other_per_mmol_l
        sources |= {facts.table(CONSTANTS)["ca_correction_factor"].source_id}
    band = band_for(a, compare)
    ref = a.reference
    if band is not None and band.rank == 0:
        position: Position = "within"
    elif compare > ref.upper_mmol_l:
        position = "above"
    else:
        position = "below"
    return LabResult(
        analyte=a,
        value=float(value),
        unit=unit,
        measured_mmol_l=measured,
        value_mmol_l=compare,
        value_other=compare * a.other_per_mmol_l,
        albumin_g_dl=None if albumin_g_dl is None else float(albumin_g_dl),
        corrected_mg_dl=corrected,
        band=band,
        position=position,
        source_ids=tuple(sorted(sources)),
    )


def intake_for(sex: str, status: str = "none"):
    """The NASEM adequate-intake row for an adult of this sex and pregnancy/lactation status."""
    check.choice("sex", sex, SEXES)
    check.choice("status", status, STATUSES)
    if status != "none" and sex != "female":
        raise check.InputError("status", status, "none when sex is male")
    return next(
        r
        for r in facts.table(INTAKES)
        if r.kind == "adequate_intake" and r.sex == sex and r.status == status
    )


def potassium_day(
    servings: Mapping[str, int], sex: str = "female", status: str = "none"
) -> PotassiumDay:
    """Potassium from a day of foods against the adequate intake (adults 19+).

    ``servings`` maps food id (data/electrolyte_potassium_foods.csv) -> servings (0-20).
    """
    if not isinstance(servings, Mapping):
        raise check.InputError("servings", servings, "a mapping of food id to servings per day")
    foods = facts.table(FOODS)
    items = []
    for food_id, count in servings.items():
        check.choice("food_id", food_id, foods.by_id)
        n = check.whole_number(
            f"servings[{food_id!r}]", count, 0, MAX_SERVINGS_PER_FOOD, "servings per day"
        )
        row = foods[food_id]
        items.append(
            FoodServing(
                food_id, row.label, row.serving, n, n * row.potassium_mg, row.approximate == "yes"
            )
        )
    intake = intake_for(sex, status)
    dv = next(r for r in facts.table(INTAKES) if r.kind == "label_daily_value")
    total = sum(i.potassium_mg for i in items)
    sources = {intake.source_id, dv.source_id} | {foods[i.food_id].source_id for i in items}
    return PotassiumDay(
        servings=tuple(items),
        total_mg=total,
        sex=sex,
        status=status,
        intake_label=intake.label,
        adequate_intake_mg=intake.mg_per_day,
        percent_of_intake=100 * total / intake.mg_per_day,
        daily_value_mg=dv.mg_per_day,
        upper_limit_mg=None,
        source_ids=tuple(sorted(sources)),
    )


@dataclass(frozen=True)
class ElectrolyteCheck:
    """What the explorer shows: one lab value and one day of potassium-rich foods."""

    lab: LabResult
    day: PotassiumDay

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.lab.source_ids) | set(self.day.source_ids)))


def check_both(
    analyte_id: str,
    value: float,
    unit: str,
    servings: Mapping[str, int],
    sex: str = "female",
    status: str = "none",
    albumin_g_dl: float | None = None,
) -> ElectrolyteCheck:
    """:func:`lab_result` and :func:`potassium_day` together (the explorer's one call)."""
    return ElectrolyteCheck(
        lab_result(analyte_id, value, unit, albumin_g_dl), potassium_day(servings, sex, status)
    )

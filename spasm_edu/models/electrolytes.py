"""Electrolytes: a blood test value against its reference range and the bands below and above
it (each with the care it needs), unit conversion, corrected calcium, and a day of
potassium-rich foods against the adequate intake.

Units are in the names: ``_mmol_l`` millimoles per litre, ``_mg_dl`` milligrams per decilitre,
``_g_dl`` grams per decilitre (albumin), ``_mg`` milligrams. Potassium and sodium: 1 mmol/L =
1 mEq/L. Calcium: mg/dL / 4.008 = mmol/L. Magnesium: mg/dL / 2.431 = mmol/L.
Corrected calcium (mg/dL) = measured + 0.8 x (4.0 - albumin g/dL).
Sources: data/electrolyte_*.csv (Merck/MSD Manual, StatPearls, Mayo Clinic, Medscape, WikEM,
DynaMed, the 2014 European hyponatraemia guideline, hospital critical-value lists, IOM 2005,
NASEM 2019, the Dietary Guidelines appendix 10, the FDA Daily Value, USDA data).

Education, not diagnosis: a value is placed against published bands. Each band carries the
level of care its sources give (a triage level: see data/triage_levels.csv); where sources
disagree the safer level is stored, and the row's ``level_note`` says so. No score is made:
:func:`urgency` takes the highest of the band's level, the levels of ticked symptoms (their
red flags, and their stored level when the result is outside the reference range) and the
caution rules (e.g. tingling after neck surgery).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.models import triage
from spasm_edu.models.triage import Level
from spasm_edu.schema.electrolytes import NO_SYMPTOMS

ANALYTES = "electrolyte_analytes.csv"
BANDS = "electrolyte_bands.csv"
CONSTANTS = "electrolyte_constants.csv"
FOODS = "electrolyte_potassium_foods.csv"
INTAKES = "electrolyte_potassium_intake.csv"
SYMPTOMS = "electrolyte_symptoms.csv"
CAUTIONS = "electrolyte_cautions.csv"
TOPICS = ("potassium_foods", "potassium_high", "tingling")

MAX_SERVINGS_PER_FOOD = 20
SEXES = ("female", "male")
STATUSES = ("none", "pregnant", "lactating")

Position = Literal["below", "within", "above"]


@dataclass(frozen=True)
class Band:
    """A band as its source gives it, in ``unit``. Low bands hold ``lower`` <= value <
    ``upper``; the reference range holds both ends; high bands hold ``lower`` <= value <
    ``upper``, except that the band starting where the reference range ends excludes that
    edge (``lower_open``). Values are compared in the band's own unit, rounded to 2 decimals,
    so 2.12 mmol/L calcium (8.497 mg/dL) counts as the 8.5 mg/dL a lab would show.

    ``level`` is the care the band needs; ``emergency_if`` (urgent bands) completes the
    sentence "Call 911 ... now if you ..."; ``level_note`` says why (and where sources
    disagree, that the safer level was taken)."""

    band_id: str
    analyte_id: str
    side: Literal["low", "reference", "high"]
    label: str
    plain_label: str
    lower: float | None
    upper: float | None
    unit: str
    per_mmol_l: float  # 1 mmol/L = this many of ``unit``
    rank: int
    approximate: bool
    symptoms: str | None
    level: Level
    emergency_if: str | None
    level_note: str | None
    source_ids: tuple[str, ...]
    lower_open: bool = False

    @property
    def lower_mmol_l(self) -> float | None:
        return None if self.lower is None else self.lower / self.per_mmol_l

    @property
    def upper_mmol_l(self) -> float | None:
        return None if self.upper is None else self.upper / self.per_mmol_l

    @property
    def symptom_free(self) -> bool:
        """The source says most people have no symptoms in this band."""
        return self.symptoms == NO_SYMPTOMS

    @property
    def symptom_list(self) -> str | None:
        """The linked symptoms, or None (none listed, or usually none)."""
        return None if self.symptom_free else self.symptoms

    def holds(self, value_mmol_l: float) -> bool:
        v = round(value_mmol_l * self.per_mmol_l, 2)
        if self.lower is not None and (v <= self.lower if self.lower_open else v < self.lower):
            return False
        if self.upper is None:
            return True
        return v <= self.upper if self.side == "reference" else v < self.upper


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
    bands: tuple[Band, ...]  # lowest first: low bands, the reference range, high bands
    source_ids: tuple[str, ...]

    @property
    def units(self) -> tuple[str, str]:
        return (self.si_unit, self.other_unit)

    @property
    def reference(self) -> Band:
        return next(b for b in self.bands if b.side == "reference")


@dataclass(frozen=True)
class LabResult:
    """One test value placed against the reference range and the bands below and above it."""

    analyte: Analyte
    value: float
    unit: str
    measured_mmol_l: float
    value_mmol_l: float  # the value compared with the bands (corrected calcium when used)
    value_other: float  # the same in the other common unit
    albumin_g_dl: float | None
    corrected_mg_dl: float | None
    band: Band
    position: Position
    source_ids: tuple[str, ...]

    @property
    def corrected(self) -> bool:
        return self.corrected_mg_dl is not None

    @property
    def level(self) -> Level:
        """The care the band needs on its own (before any symptom is counted)."""
        return self.band.level


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


SIDE_ORDER = {"low": 0, "reference": 1, "high": 2}


def _ordered(bands: list[Band]) -> list[Band]:
    """Lowest first: low bands from the most severe, the reference range, then high bands."""
    return sorted(bands, key=lambda b: (SIDE_ORDER[b.side], -b.rank if b.side == "low" else b.rank))


@functools.cache
def analytes() -> dict[str, Analyte]:
    """Every test in data/electrolyte_analytes.csv with its bands, lowest first.

    Checked when loaded: each test has one reference range, its bands meet edge to edge from
    no lower end to no upper end, and ranks count outward from the reference range.
    """
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
                    b.side,
                    b.label,
                    b.plain_label,
                    b.lower,
                    b.upper,
                    b.unit,
                    factor,
                    b.rank,
                    b.approximate == "yes",
                    b.symptoms,
                    Level[b.level],
                    b.emergency_if,
                    b.level_note,
                    tuple(b.source_ids),
                    lower_open=b.side == "high" and b.rank == 1,
                )
            )
        bands = _ordered(bands)
        if [b.side for b in bands].count("reference") != 1:
            raise facts.FactsError(BANDS, f"{a.analyte_id} needs exactly one reference range")
        for side in ("low", "high"):
            ranks = [b.rank for b in bands if b.side == side]
            if sorted(ranks) != list(range(1, len(ranks) + 1)):
                raise facts.FactsError(
                    BANDS, f"{a.analyte_id} {side} bands must be ranked 1, 2, 3 outward"
                )
        for below, above in zip(bands, bands[1:], strict=False):
            if (
                below.upper_mmol_l is None
                or above.lower_mmol_l is None
                or abs(below.upper_mmol_l - above.lower_mmol_l) > 1e-6
            ):
                raise facts.FactsError(
                    BANDS, f"band {below.band_id} must end where {above.band_id} begins"
                )
        if bands[0].lower is not None:
            raise facts.FactsError(BANDS, f"the lowest band of {a.analyte_id} needs no lower end")
        if bands[-1].upper is not None:
            raise facts.FactsError(BANDS, f"the highest band of {a.analyte_id} needs no upper end")
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


def band_for(a: Analyte, value_mmol_l: float) -> Band:
    """The band of analyte ``a`` that holds the value (the bands cover every value).

    a: an :class:`Analyte` (see :func:`analyte`); value_mmol_l 0-1000 mmol/L (a corrected
    calcium may fall outside the typed-input range, so only a sanity bound is checked here).
    """
    if not isinstance(a, Analyte):
        raise check.InputError("a", a, "an electrolytes.Analyte (see analyte())")
    value = check.number("value_mmol_l", value_mmol_l, 0, 1000, "mmol/L")
    return next(b for b in a.bands if b.holds(value))


def lab_result(
    analyte_id: str, value: float, unit: str, albumin_g_dl: float | None = None
) -> LabResult:
    """Place one test value against the reference range and the bands below and above it.

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
        consts = facts.table(CONSTANTS)
        sources |= set(consts["ca_correction_factor"].source_ids)
        sources |= set(consts["ca_correction_albumin"].source_ids)
    band = band_for(a, compare)
    position: Position = {"low": "below", "reference": "within", "high": "above"}[band.side]
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
        source_ids=tuple(sorted(sources | set(band.source_ids))),
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
class Symptom:
    """A symptom a person can tick with a result (data/electrolyte_symptoms.csv)."""

    symptom_id: str
    label: str
    finding_ids: tuple[str, ...]  # data/red_flags.csv findings the box means
    level_if_out_of_range: Level
    why: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Caution:
    """A caution shown with a topic (data/electrolyte_cautions.csv). With ``level``, it is
    also a rule: when it applies and any of ``symptom_ids`` is ticked, the care needed is at
    least ``level``."""

    caution_id: str
    topic: str
    plain: str
    student: str
    drug_ids: tuple[str, ...]  # rows of data/medication_drugs.csv (named in ``student``)
    level: Level | None
    symptom_ids: tuple[str, ...]
    source_ids: tuple[str, ...]


def _ids(cell: str | None) -> tuple[str, ...]:
    return tuple(cell.split(";")) if cell else ()


@functools.cache
def symptoms() -> dict[str, Symptom]:
    """Every symptom box, in file order."""
    return {
        r.symptom_id: Symptom(
            r.symptom_id,
            r.label,
            _ids(r.finding_ids),
            Level[r.level_if_out_of_range],
            r.why,
            tuple(r.source_ids),
        )
        for r in facts.table(SYMPTOMS)
    }


@functools.cache
def cautions() -> dict[str, Caution]:
    """Every caution, in file order; symptom ids are checked against their table (drug ids
    against data/medication_drugs.csv by tests/test_electrolytes_model.py, so the medicine
    table is not read, and cited, wherever a caution is shown)."""
    out = {}
    for line, r in enumerate(facts.table(CAUTIONS), start=2):
        for sid in _ids(r.symptom_ids):
            if sid not in symptoms():
                raise facts.FactsError(
                    CAUTIONS, f"symptom id {sid!r} is not in {SYMPTOMS}", line, "symptom_ids"
                )
        out[r.caution_id] = Caution(
            r.caution_id,
            r.topic,
            r.plain,
            r.student,
            _ids(r.drug_ids),
            None if r.level is None else Level[r.level],
            _ids(r.symptom_ids),
            tuple(r.source_ids),
        )
    return out


def cautions_for(topic: str) -> tuple[Caution, ...]:
    """The cautions of one topic: ``potassium_foods``, ``potassium_high`` or ``tingling``."""
    check.choice("topic", topic, TOPICS)
    return tuple(c for c in cautions().values() if c.topic == topic)


@dataclass(frozen=True)
class Urgency:
    """How soon to get care, and why: the highest level among the band's own level, the
    ticked symptoms' red flags (data/red_flags.csv), each ticked symptom's stored level when
    the result is outside the reference range, and any caution rule that applies.

    ``lab`` is None when no result is looked at (then only symptoms and cautions count).
    """

    level: Level
    lab: LabResult | None
    ticked: tuple[Symptom, ...]
    raised_by: tuple[Symptom, ...]  # ticked symptoms that make an out-of-range result more urgent
    rules: tuple[Caution, ...]  # caution rules that applied (e.g. neck surgery + tingling)
    flag_level: Level  # the ticked symptoms' own level by the red-flag rules
    source_ids: tuple[str, ...]

    @property
    def finding_ids(self) -> tuple[str, ...]:
        """The red-flag findings the ticked boxes mean (for the patient session)."""
        return tuple(dict.fromkeys(f for s in self.ticked for f in s.finding_ids))

    @property
    def emergency_if(self) -> str | None:
        """When an urgent result becomes a 911 call (from the band), or None."""
        if self.lab is None or self.level != Level.urgent:
            return None
        return self.lab.band.emergency_if


def _symptom_ids(ticked: Iterable[str]) -> tuple[str, ...]:
    if isinstance(ticked, str) or not isinstance(ticked, Iterable):
        raise check.InputError("symptoms", ticked, "a list of symptom ids")
    known = symptoms()
    return tuple(check.choice("symptoms", s, known) for s in dict.fromkeys(ticked))


def urgency(
    lab: LabResult | None, ticked: Iterable[str] = (), applies: Iterable[str] = ()
) -> Urgency:
    """How soon to get care for a result (or none) and the symptoms ticked with it.

    lab: a :class:`LabResult`, or None when no result is looked at. ticked: symptom ids from
    data/electrolyte_symptoms.csv. applies: caution ids that the person says apply to them
    (e.g. ``neck_surgery``). No score: the highest level wins, so ticking more never lowers it.
    """
    if lab is not None and not isinstance(lab, LabResult):
        raise check.InputError("lab", lab, "an electrolytes.LabResult or None")
    ids = _symptom_ids(ticked)
    if isinstance(applies, str) or not isinstance(applies, Iterable):
        raise check.InputError("applies", applies, "a list of caution ids")
    rules = tuple(cautions()[check.choice("applies", c, cautions())] for c in applies)
    chosen = tuple(symptoms()[s] for s in ids)
    findings = [f for s in chosen for f in s.finding_ids]
    flag_level = triage.assess(findings).level if findings else Level.self_care
    level = max(flag_level, lab.level if lab is not None else Level.self_care)
    raised_by: tuple[Symptom, ...] = ()
    if lab is not None and lab.position != "within":
        raised_by = tuple(s for s in chosen if s.level_if_out_of_range > lab.level)
        level = max([level, *(s.level_if_out_of_range for s in chosen)])
    fired = tuple(c for c in rules if c.level is not None and set(c.symptom_ids) & set(ids))
    level = max([level, *(c.level for c in fired)])
    sources = set(lab.band.source_ids) if lab is not None else set()
    sources |= {x for s in chosen for x in s.source_ids}
    sources |= {x for c in fired for x in c.source_ids}
    return Urgency(
        level=level,
        lab=lab,
        ticked=chosen,
        raised_by=raised_by,
        rules=fired,
        flag_level=flag_level,
        source_ids=tuple(sorted(sources)),
    )


@dataclass(frozen=True)
class ElectrolyteCheck:
    """What the explorer shows: one lab value, the care it needs with the ticked symptoms,
    and one day of potassium-rich foods."""

    lab: LabResult
    day: PotassiumDay
    urgency: Urgency

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(
            sorted(
                set(self.lab.source_ids) | set(self.day.source_ids) | set(self.urgency.source_ids)
            )
        )


def check_both(
    analyte_id: str,
    value: float,
    unit: str,
    servings: Mapping[str, int],
    sex: str = "female",
    status: str = "none",
    albumin_g_dl: float | None = None,
    symptoms: Iterable[str] = (),
    applies: Iterable[str] = (),
    use_lab: bool = True,
) -> ElectrolyteCheck:
    """:func:`lab_result`, :func:`urgency` and :func:`potassium_day` together (the explorer's
    one call). ``use_lab`` False: the person has no result to look at, so the urgency counts
    only the symptoms and cautions."""
    lab = lab_result(analyte_id, value, unit, albumin_g_dl)
    check.flag("use_lab", use_lab)
    return ElectrolyteCheck(
        lab,
        potassium_day(servings, sex, status),
        urgency(lab if use_lab else None, symptoms, applies),
    )

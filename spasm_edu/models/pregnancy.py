"""Pregnancy and after birth: what is common at a stage, today's caffeine against the limit,
and potassium and fluid against the daily need.

Units are in the names: ``weeks_pregnant`` whole weeks 1-42, ``months_after_birth`` whole
months 0-24 (0 = the first weeks), ``_mg`` milligrams, ``_l`` litres, ``_ml`` millilitres.
Sources: data/pregnancy_common.csv (Duan 2018 and HSE/NHS leg cramps, Wu 2004 pelvic girdle
and low back pain, Sperstad 2016, seed article),
data/pregnancy_diastasis.csv (Sperstad 2016), data/pregnancy_needs.csv (NASEM 2019 potassium)
and the dehydration notebook's data/dehydration_water_needs.csv and dehydration_reference.csv
(IOM 2004 water, about 20 % of it from food).
Caffeine reuses :mod:`spasm_edu.models.caffeine` and its data, unchanged.

Honest limits, stated for students: the belly-gap study (Sperstad 2016) measured first-time
mothers at four times only (21 weeks pregnant; 6 weeks, 6 months and 12 months after birth).
The model shows the measured time nearest to the chosen stage; it does not draw a line between
them. The leg-cramp figures (28.2 % in the second, 50.2 % in the third trimester) come from one
national survey in China (Duan 2018, self-report).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real

from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.models import caffeine

COMMON = "pregnancy_common.csv"
DIASTASIS = "pregnancy_diastasis.csv"
NEEDS = "pregnancy_needs.csv"
WATER = "dehydration_water_needs.csv"  # shared with the dehydration notebook
WATER_REFERENCE = "dehydration_reference.csv"

PHASES = ("pregnant", "after_birth")
WEEKS_PER_MONTH = 52 / 12  # calendar arithmetic: 52 weeks in 12 months
MAX_WEEKS_PREGNANT = 42
MAX_MONTHS_AFTER_BIRTH = 24
MAX_DRINKS_L = 10.0
MAX_POTASSIUM_MG = 15000.0


@dataclass(frozen=True)
class CommonThing:
    """Something common at the chosen stage; percents are None where no figure is published."""

    item_id: str
    label: str
    plain: str
    percent_low: float | None
    percent_high: float | None
    confidence: str
    source_id: str


@dataclass(frozen=True)
class GapPoint:
    """One measured time in Sperstad 2016: share of first-time mothers with a belly gap."""

    point_id: str
    label: str
    phase: str
    weeks: int  # weeks pregnant, or weeks after birth
    percent: float
    women_studied: int


@dataclass(frozen=True)
class Needs:
    """Daily needs for a group; ``drinks_l_per_day`` is the part that usually comes from drinks."""

    group_id: str
    label: str
    potassium_mg_per_day: float
    total_water_l_per_day: float
    drinks_l_per_day: float
    source_id: str


@dataclass(frozen=True)
class Stage:
    """Everything the pregnancy explorer shows for one stage and one day.

    Patient mode leaves questions unanswered until the person answers them: ``caffeine_day``
    is None until a drink is told (``drinks_not_told`` lists the drinks still open),
    ``breastfeeding`` None until told, ``needs`` None after birth until breastfeeding is told,
    and ``drinks_l`` / ``drinks_short_l`` None until the day's drinks are told.
    """

    phase: str
    weeks_pregnant: int | None
    months_after_birth: int | None
    stage_label: str
    common: tuple[CommonThing, ...]
    gap_points: tuple[GapPoint, ...]
    nearest_gap: GapPoint | None
    gap_beyond_study: bool
    caffeine_day: caffeine.CaffeineDay | None
    drinks_not_told: tuple[str, ...]
    breastfeeding: bool | None
    needs: Needs | None
    women_needs: Needs
    drinks_l: float | None
    drinks_short_l: float | None
    potassium_mg: float | None
    potassium_short_mg: float | None
    source_ids: tuple[str, ...]


def _unused(name: str, value: object, phase: str) -> None:
    """The stage value a phase does not use: None or any whole number, then ignored."""
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, Real)
        or not math.isfinite(float(value))
        or not float(value).is_integer()
    ):
        raise check.InputError(
            name, value, f"None or a whole number (it is ignored when phase is {phase})"
        )


def _stage_args(
    phase: object, weeks_pregnant: object, months_after_birth: object
) -> tuple[str, int | None, int | None]:
    """Check a stage at the edge: (phase, weeks, months), the unused one set to None.

    phase "pregnant" needs weeks_pregnant (whole weeks 1-42); phase "after_birth" needs
    months_after_birth (whole months 0-24). The other one must be None or a whole number and
    is ignored.
    """
    check.choice("phase", phase, PHASES)
    if phase == "pregnant":
        weeks = check.whole_number("weeks_pregnant", weeks_pregnant, 1, MAX_WEEKS_PREGNANT, "weeks")
        _unused("months_after_birth", months_after_birth, phase)
        return phase, weeks, None
    _unused("weeks_pregnant", weeks_pregnant, phase)
    months = check.whole_number(
        "months_after_birth", months_after_birth, 0, MAX_MONTHS_AFTER_BIRTH, "months"
    )
    return phase, None, months


def gap_points() -> tuple[GapPoint, ...]:
    """The four Sperstad 2016 measurements, in time order (source: sperstad_2016)."""
    out = []
    for r in facts.table(DIASTASIS):
        pregnant = r.weeks_pregnant is not None
        out.append(
            GapPoint(
                r.point_id,
                r.timepoint_label,
                "pregnant" if pregnant else "after_birth",
                r.weeks_pregnant if pregnant else r.weeks_after_birth,
                r.percent_with_gap,
                r.women_studied,
            )
        )
    return tuple(sorted(out, key=lambda p: (p.phase != "pregnant", p.weeks)))


def nearest_gap(
    phase: str, weeks_pregnant: int | None, months_after_birth: int | None
) -> tuple[GapPoint | None, bool]:
    """The measured time nearest to a stage, and whether the stage is past the study's end.

    In pregnancy only the 21-week measurement exists: it is shown from week 21 on, and None
    before (the study did not measure earlier). After birth, months are turned into weeks
    (x 52/12) and the nearest of 6, 26 and 52 weeks is chosen (a tie goes to the earlier one).
    Arguments and ranges as in :func:`stage` (checked; the unused stage value is ignored).
    Source: sperstad_2016.
    """
    phase, weeks_pregnant, months_after_birth = _stage_args(
        phase, weeks_pregnant, months_after_birth
    )
    points = gap_points()
    if phase == "pregnant":
        during = [p for p in points if p.phase == "pregnant" and p.weeks <= weeks_pregnant]
        return (during[-1] if during else None), False
    after = [p for p in points if p.phase == "after_birth"]
    weeks = months_after_birth * WEEKS_PER_MONTH
    best = min(after, key=lambda p: abs(p.weeks - weeks))
    return best, weeks > after[-1].weeks


def needs_for(group_id: str) -> Needs:
    """Daily potassium (NASEM 2019) and water (IOM 2004) for women, pregnancy or breastfeeding.

    The part from drinks is the published figure where IOM gives one, otherwise the total
    less the food share (about 20 %, data/dehydration_reference.csv).
    """
    r = facts.table(NEEDS).pick("group_id", group_id)
    water = facts.table(WATER)[r.water_group_id]
    food_share = facts.table(WATER_REFERENCE)["food_share"]
    drinks = water.from_drinks_l_per_day
    if drinks is None:
        drinks = water.total_water_l_per_day * (1 - food_share.value / 100)
    sources = dict.fromkeys(r.source_ids + water.source_ids + food_share.source_ids)
    return Needs(
        r.group_id,
        r.label,
        r.potassium_mg_per_day,
        water.total_water_l_per_day,
        drinks,
        ";".join(sources),
    )


def common_at(
    phase: str, weeks_pregnant: int | None, months_after_birth: int | None
) -> tuple[CommonThing, ...]:
    """Rows of data/pregnancy_common.csv whose window holds the stage.

    Arguments and ranges as in :func:`stage` (checked; the unused stage value is ignored).
    """
    phase, weeks_pregnant, months_after_birth = _stage_args(
        phase, weeks_pregnant, months_after_birth
    )
    out = []
    for r in facts.table(COMMON):
        if r.phase != phase:
            continue
        if phase == "pregnant":
            inside = r.weeks_pregnant_from <= weeks_pregnant <= r.weeks_pregnant_to
        else:
            inside = r.months_after_birth_from <= months_after_birth <= r.months_after_birth_to
        if inside:
            out.append(
                CommonThing(
                    r.item_id,
                    r.label,
                    r.plain,
                    r.percent_low,
                    r.percent_high,
                    r.confidence,
                    r.source_id,
                )
            )
    return tuple(out)


def stage_label(phase: str, weeks_pregnant: int | None, months_after_birth: int | None) -> str:
    """The stage in words: "12 weeks pregnant", "the first weeks after birth", "3 months after
    birth". Arguments and ranges as in :func:`stage` (checked; the unused one is ignored)."""
    phase, weeks_pregnant, months_after_birth = _stage_args(
        phase, weeks_pregnant, months_after_birth
    )
    if phase == "pregnant":
        return f"{weeks_pregnant} weeks pregnant"
    if months_after_birth == 0:
        return "the first weeks after birth"
    unit = "month" if months_after_birth == 1 else "months"
    return f"{months_after_birth} {unit} after birth"


def stage(
    phase: str = "pregnant",
    weeks_pregnant: int | None = 20,
    months_after_birth: int | None = None,
    servings: Mapping[str, int | None] | None = None,
    breastfeeding: bool | None = False,
    drinks_l: float | None = 2.0,
    potassium_mg: float | None = None,
) -> Stage:
    """One stage of pregnancy or after birth, with today's caffeine, drinks and potassium.

    phase "pregnant" needs weeks_pregnant (whole weeks 1-42); phase "after_birth" needs
    months_after_birth (whole months 0-24). servings maps caffeine
    drink ids (data/caffeine_drinks.csv) to servings today (0-20). drinks_l 0-10 litres of
    drinks today. potassium_mg 0-15000 mg eaten today, or None when not known.
    The unused stage value must be None or a whole number; it is ignored.

    Not told yet (patient mode) is None: a drink's servings (None for every drink: no
    caffeine is worked out), breastfeeding (after birth the day's needs then stay unknown)
    and drinks_l. Nothing is assumed for them.
    """
    phase, weeks, months = _stage_args(phase, weeks_pregnant, months_after_birth)
    if breastfeeding is not None:
        check.flag("breastfeeding", breastfeeding)
    drinks = (
        None if drinks_l is None else check.number("drinks_l", drinks_l, 0, MAX_DRINKS_L, "litres")
    )
    if servings is not None and not isinstance(servings, Mapping):
        raise check.InputError("servings", servings, "a mapping of drink id to servings or None")
    told = {} if servings is None else {k: v for k, v in servings.items() if v is not None}
    not_told = () if servings is None else tuple(k for k, v in servings.items() if v is None)
    for drink_id in not_told:
        check.choice("drink_id", drink_id, facts.table(caffeine.DRINKS).by_id)
    potassium = (
        None
        if potassium_mg is None
        else check.number("potassium_mg", potassium_mg, 0, MAX_POTASSIUM_MG, "mg")
    )
    pregnant = phase == "pregnant"
    # Caffeine clears slowly in pregnancy and is back to normal about a month after birth
    # (knutti_1981): the pregnancy half-life is used only while pregnant.
    day = None
    if told or not not_told:  # some drink told, or none asked (0 mg, as before)
        day = caffeine.day(
            told, caffeine.Person(pregnant=pregnant), "pregnant" if pregnant else "adult"
        )
    need = None
    if pregnant or breastfeeding is not None:
        need = needs_for("pregnant" if pregnant else ("lactation" if breastfeeding else "women"))
    near, beyond = nearest_gap(phase, weeks, months)
    common = common_at(phase, weeks, months)
    sources = {c_id for c in common for c_id in c.source_id.split(";")}
    if day is not None:
        sources |= set(day.source_ids)
    if need is not None:
        sources |= set(need.source_id.split(";"))
    if near is not None:
        sources |= set(facts.table(DIASTASIS)[near.point_id].source_ids)
    return Stage(
        phase=phase,
        weeks_pregnant=weeks,
        months_after_birth=months,
        stage_label=stage_label(phase, weeks, months),
        common=common,
        gap_points=gap_points(),
        nearest_gap=near,
        gap_beyond_study=beyond,
        caffeine_day=day,
        drinks_not_told=not_told,
        breastfeeding=breastfeeding,
        needs=need,
        women_needs=needs_for("women"),
        drinks_l=drinks,
        drinks_short_l=None
        if drinks is None or need is None
        else max(0.0, need.drinks_l_per_day - drinks),
        potassium_mg=potassium,
        potassium_short_mg=None
        if potassium is None or need is None
        else max(0.0, need.potassium_mg_per_day - potassium),
        source_ids=tuple(sorted(sources)),
    )

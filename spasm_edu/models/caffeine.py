"""Caffeine: daily total against the limit that fits the person, and how much is left at bedtime.

Units are in the names: ``_mg`` milligrams, ``_h`` hours (clock hours after midnight of the
drinking day, so 23 is 11 pm and 25 is 1 am the next night), ``_kg`` kilograms.
Sources: data/caffeine_*.csv (Mayo Clinic servings, FDA/ACOG/Health Canada limits, Knutti 1981
and 1982 half-lives, and the pill and smoking studies listed there).

Half-lives: the healthy-adult and pregnancy rows are measured means (Knutti 1981). The pill and
smoking rows are ratios, each measured inside one study (Abernethy & Todd 1985: 7.88 h vs
5.37 h; Parsons & Neims 1978: 3.5 h vs 6.0 h) and applied to the adult mean:
half-life = 3.4 h x study_h / study_control_h. No figure is taken from another study's baseline.

Simplification, stated for students: each drink is treated as absorbed at once, and all drinks
of the day are spread evenly from the first to the last drink with the day's average dose.
Real absorption takes a while (data/caffeine_absorption.csv: most of a dose is absorbed within
the hour, IOM 2001); the shape after that is the same first-order fall:
amount(t) = dose x 0.5 ** (hours since the drink / half-life).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check

DRINKS = "caffeine_drinks.csv"
LIMITS = "caffeine_limits.csv"
HALF_LIVES = "caffeine_half_life.csv"
TIMING = "caffeine_timing.csv"

MAX_SERVINGS_PER_DRINK = 20
CURVE_STEP_H = 0.25
CURVE_SPAN_H = 24.0


@dataclass(frozen=True)
class Person:
    """Who is drinking. ``age_years`` whole years 0-120; ``body_mass_kg`` 2-300 or None."""

    age_years: int = 30
    pregnant: bool = False
    body_mass_kg: float | None = None

    def __post_init__(self):
        check.whole_number("age_years", self.age_years, 0, 120, "years")
        check.flag("pregnant", self.pregnant)
        if self.body_mass_kg is not None:
            check.number("body_mass_kg", self.body_mass_kg, 2, 300, "kg")
        if self.pregnant and self.age_years < 10:
            raise check.InputError("age_years", self.age_years, "10 or more when pregnant=True")


@dataclass(frozen=True)
class Limit:
    """The daily limit that applies, with where it comes from.

    ``mg_per_day`` is None when the limit is per kg and no body mass was given.
    """

    limit_id: str
    label: str
    mg_per_day: float | None
    mg_per_kg_per_day: float | None
    source_id: str


@dataclass(frozen=True)
class HalfLife:
    """One row of data/caffeine_half_life.csv with its half-life worked out (hours).

    ``ratio`` is None for a measured row; for a relative row it is study_h / study_control_h
    and ``half_life_h`` = the ``relative_to`` row's half-life x ratio.
    """

    situation_id: str
    label: str
    half_life_h: float
    low_h: float | None
    high_h: float | None
    relative_to: str | None
    ratio: float | None
    study_h: float | None
    study_control_h: float | None
    basis: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Serving:
    drink_id: str
    label: str
    count: int
    mg: float


@dataclass(frozen=True)
class CaffeineDay:
    """Everything the explorer shows for one day of drinks."""

    servings: tuple[Serving, ...]
    total_mg: float
    limit: Limit | None
    percent_of_limit: float | None
    over_limit: bool
    mg_per_kg: float | None
    half_life_h: float
    half_life_label: str
    half_life_source_ids: tuple[str, ...]
    half_life: HalfLife
    first_drink_h: float
    last_drink_h: float
    bedtime_h: float
    at_bedtime_mg: float
    peak_mg: float
    curve_h: tuple[float, ...]
    curve_mg: tuple[float, ...]
    toxic_rapid_mg: float
    source_ids: tuple[str, ...]


def servings_mg(servings: Mapping[str, int]) -> tuple[Serving, ...]:
    """Caffeine per drink type. ``servings`` maps drink id -> servings per day (0-20)."""
    if not isinstance(servings, Mapping):
        raise check.InputError("servings", servings, "a mapping of drink id to servings per day")
    drinks = facts.table(DRINKS)
    out = []
    for drink_id, count in servings.items():
        check.choice("drink_id", drink_id, drinks.by_id)
        n = check.whole_number(
            f"servings[{drink_id!r}]", count, 0, MAX_SERVINGS_PER_DRINK, "servings per day"
        )
        row = drinks[drink_id]
        out.append(Serving(drink_id, row.label, n, n * row.typical_mg))
    return tuple(out)


def limit_for(person: Person) -> Limit | None:
    """The daily limit for this person, or None when no source publishes one (under age 4)."""
    if not isinstance(person, Person):
        raise check.InputError("person", person, "a caffeine.Person")
    rows = [r for r in facts.table(LIMITS) if r.kind == "daily_limit"]
    if person.pregnant:
        chosen = next(r for r in rows if r.group == "pregnant")
    else:
        chosen = next(
            (
                r
                for r in rows
                if r.group != "pregnant" and r.age_min_years <= person.age_years <= r.age_max_years
            ),
            None,
        )
        if chosen is None:
            return None
    mg = chosen.max_mg_per_day
    if chosen.max_mg_per_kg_per_day is not None and person.body_mass_kg is not None:
        mg = chosen.max_mg_per_kg_per_day * person.body_mass_kg
    return Limit(chosen.limit_id, chosen.label, mg, chosen.max_mg_per_kg_per_day, chosen.source_id)


def half_lives() -> tuple[HalfLife, ...]:
    """Every half-life situation in data/caffeine_half_life.csv, relative rows worked out.

    A relative row's sources include those of the row it is relative to (its value rests on
    that mean too). A relative row must point at a measured row (FactsError otherwise).
    """
    table = facts.table(HALF_LIVES)
    out = []
    for line, row in enumerate(table, start=2):
        if row.relative_to is None:
            out.append(
                HalfLife(
                    row.situation_id,
                    row.label,
                    row.half_life_h,
                    row.low_h,
                    row.high_h,
                    None,
                    None,
                    None,
                    None,
                    row.basis,
                    tuple(row.source_ids),
                )
            )
            continue
        base = table.by_id.get(row.relative_to)
        if base is None or base.relative_to is not None:
            raise facts.FactsError(
                HALF_LIVES,
                f"relative_to {row.relative_to!r} must be a measured row of this table",
                line,
                "relative_to",
            )
        ratio = row.study_h / row.study_control_h
        sources = tuple(dict.fromkeys([*row.source_ids, *base.source_ids]))
        out.append(
            HalfLife(
                row.situation_id,
                row.label,
                base.half_life_h * ratio,
                None,
                None,
                row.relative_to,
                ratio,
                row.study_h,
                row.study_control_h,
                row.basis,
                sources,
            )
        )
    return tuple(out)


def half_life(situation_id: str) -> HalfLife:
    """The half-life for one situation (a row id of data/caffeine_half_life.csv)."""
    by_id = {h.situation_id: h for h in half_lives()}
    return by_id[check.choice("situation_id", situation_id, by_id)]


def dose_times_h(first_drink_h: float, last_drink_h: float, n: int) -> tuple[float, ...]:
    """``n`` drink times spread evenly from the first to the last drink (hours).

    first_drink_h 0-24, last_drink_h from first_drink_h to 24, n a whole number 0-1000.
    """
    first_drink_h = check.number("first_drink_h", first_drink_h, 0, 24, "o'clock")
    last_drink_h = check.number(
        "last_drink_h", last_drink_h, first_drink_h, 24, "o'clock, not before the first drink"
    )
    n = check.whole_number("n", n, 0, 1000, "drinks")
    if n == 0:
        return ()
    if n == 1:
        return (first_drink_h,)
    step = (last_drink_h - first_drink_h) / (n - 1)
    return tuple(first_drink_h + i * step for i in range(n))


def remaining_mg(doses: tuple[tuple[float, float], ...], half_life_h: float, t_h: float) -> float:
    """Caffeine left in the body at ``t_h`` from ``(time_h, mg)`` doses (first-order decay).

    Each dose: time 0-48 h, 0-10,000 mg; half_life_h 0.1-100; t_h 0-1,000 h.
    """
    if isinstance(doses, str | bytes) or not isinstance(doses, tuple | list):
        raise check.InputError("doses", doses, "a sequence of (time_h, mg) pairs")
    for i, dose in enumerate(doses):
        if not isinstance(dose, tuple | list) or len(dose) != 2:
            raise check.InputError(f"doses[{i}]", dose, "a (time_h, mg) pair")
        check.number(f"doses[{i}] time_h", dose[0], 0, 48, "hours")
        check.number(f"doses[{i}] mg", dose[1], 0, 10_000, "mg")
    check.number("half_life_h", half_life_h, 0.1, 100, "hours")
    check.number("t_h", t_h, 0, 1000, "hours")
    return _remaining_mg(doses, half_life_h, t_h)


def _remaining_mg(doses, half_life_h: float, t_h: float) -> float:
    """remaining_mg without the checks, for inputs :func:`day` has already validated."""
    return sum(mg * 0.5 ** ((t_h - t0) / half_life_h) for t0, mg in doses if t_h >= t0)


def day(
    servings: Mapping[str, int],
    person: Person | None = None,
    situation_id: str = "adult",
    first_drink_h: float = 8,
    last_drink_h: float = 15,
    bedtime_h: float = 23,
) -> CaffeineDay:
    """One day of caffeine: total, the fitting limit, and the amount left at bedtime.

    first_drink_h 0-24, last_drink_h from first_drink_h to 24, bedtime_h from last_drink_h to
    first_drink_h + 24 (so 23 = 11 pm, 25 = 1 am). situation_id is a row of
    data/caffeine_half_life.csv (adult, pregnant, oral_contraceptives, smoker).
    """
    person = Person() if person is None else person
    per_drink = servings_mg(servings)
    limit = limit_for(person)
    situation = half_life(situation_id)
    first = check.number("first_drink_h", first_drink_h, 0, 24, "o'clock (hours after midnight)")
    last = check.number(
        "last_drink_h", last_drink_h, first, 24, "o'clock, not before the first drink"
    )
    bed = check.number(
        "bedtime_h",
        bedtime_h,
        last,
        first + CURVE_SPAN_H,
        "hours after midnight, after the last drink and within a day of the first",
    )

    total = sum(s.mg for s in per_drink)
    n = sum(s.count for s in per_drink)
    doses = tuple((t, total / n) for t in dose_times_h(first, last, n)) if n else ()
    steps = int(CURVE_SPAN_H / CURVE_STEP_H)
    curve_h = tuple(first + i * CURVE_STEP_H for i in range(steps + 1))
    curve_mg = tuple(_remaining_mg(doses, situation.half_life_h, t) for t in curve_h)

    limit_mg = limit.mg_per_day if limit else None
    percent = 100 * total / limit_mg if limit_mg else None
    toxic = next(r for r in facts.table(LIMITS) if r.kind == "toxic_rapid_intake")
    sources = {*situation.source_ids, toxic.source_id}
    sources |= {facts.table(DRINKS)[s.drink_id].source_id for s in per_drink}
    if limit:
        sources.add(limit.source_id)
    return CaffeineDay(
        servings=per_drink,
        total_mg=total,
        limit=limit,
        percent_of_limit=percent,
        over_limit=bool(limit_mg) and total > limit_mg,
        mg_per_kg=total / person.body_mass_kg if person.body_mass_kg else None,
        half_life_h=situation.half_life_h,
        half_life_label=situation.label,
        half_life_source_ids=situation.source_ids,
        half_life=situation,
        first_drink_h=first,
        last_drink_h=last,
        bedtime_h=bed,
        at_bedtime_mg=_remaining_mg(doses, situation.half_life_h, bed),
        peak_mg=max(curve_mg),
        curve_h=curve_h,
        curve_mg=curve_mg,
        toxic_rapid_mg=toxic.max_mg_per_day,
        source_ids=tuple(sorted(sources)),
    )


@dataclass(frozen=True)
class Intake:
    """What a person has told so far about a day of caffeine (patient mode).

    ``servings`` holds only the drinks told; ``not_told`` the drink ids still unanswered.
    ``total_mg`` and ``over_limit`` are None until at least one drink is told. ``limits`` is
    the limit that fits, or the healthy-adult and the pregnancy limit side by side while
    ``pregnant`` is None (not told). ``day`` (with the bedtime amount and the curve) is there
    only once a drink, pregnancy, the last drink time and bedtime are all told.
    """

    servings: tuple[Serving, ...]
    not_told: tuple[str, ...]
    total_mg: float | None
    pregnant: bool | None
    limits: tuple[Limit, ...]
    over_limit: bool | None
    last_drink_h: float | None
    bedtime_h: float | None
    day: CaffeineDay | None
    source_ids: tuple[str, ...]


def intake(
    servings: Mapping[str, int | None],
    pregnant: bool | None = None,
    last_drink_h: float | None = None,
    bedtime_h: float | None = None,
) -> Intake:
    """An adult's answers so far: None anywhere means "not told yet" and nothing is assumed.

    servings maps drink id -> servings per day (0-20) or None (not told); pregnant True,
    False or None; last_drink_h 0-24 or None; bedtime_h after the last drink, up to 8 + 24
    (so 25 = 1 am), or None. The first drink is taken as 8 am (or the last drink time, if
    earlier), as in the explorer. Sources as :func:`day`.
    """
    if not isinstance(servings, Mapping):
        raise check.InputError("servings", servings, "a mapping of drink id to servings or None")
    if pregnant is not None:
        check.flag("pregnant", pregnant)
    told = {k: v for k, v in servings.items() if v is not None}
    not_told = tuple(k for k, v in servings.items() if v is None)
    for drink_id in not_told:
        check.choice("drink_id", drink_id, facts.table(DRINKS).by_id)
    per_drink = servings_mg(told)
    last = None if last_drink_h is None else check.number("last_drink_h", last_drink_h, 0, 24)
    bed = None
    if bedtime_h is not None:
        bed = check.number("bedtime_h", bedtime_h, 0, 8 + CURVE_SPAN_H, "hours after midnight")
        if last is not None and bed < last:
            raise check.InputError("bedtime_h", bedtime_h, "after the last drink")
    people = [Person(pregnant=False), Person(pregnant=True)]
    if pregnant is not None:
        people = [Person(pregnant=pregnant)]
    limits = tuple(x for x in (limit_for(p) for p in people) if x is not None)
    total = sum(s.mg for s in per_drink) if per_drink else None
    over = None
    if total is not None and pregnant is not None and limits and limits[0].mg_per_day:
        over = total > limits[0].mg_per_day
    day_ = None
    if per_drink and pregnant is not None and last is not None and bed is not None:
        day_ = day(
            told,
            Person(pregnant=pregnant),
            "pregnant" if pregnant else "adult",
            min(8, last),
            last,
            bed,
        )
    sources = {x.source_id for x in limits}
    sources |= {facts.table(DRINKS)[s.drink_id].source_id for s in per_drink}
    if day_ is not None:
        sources |= set(day_.source_ids)
    return Intake(
        servings=per_drink,
        not_told=not_told,
        total_mg=total,
        pregnant=pregnant,
        limits=limits,
        over_limit=over,
        last_drink_h=last,
        bedtime_h=bed,
        day=day_,
        source_ids=tuple(sorted(sources)),
    )


def servings_under_limit(limit_mg: float, drink_id: str) -> int:
    """How many whole servings of one drink stay at or under a daily limit.

    limit_mg: a daily limit in mg (more than 0, e.g. ``Limit.mg_per_day``); drink_id: a row of
    data/caffeine_drinks.csv (its ``typical_mg`` per serving, Mayo Clinic).
    """
    limit = check.number("limit_mg", limit_mg, 0, 10_000, "mg a day")
    drinks = facts.table(DRINKS)
    check.choice("drink_id", drink_id, drinks.by_id)
    per = drinks[drink_id].typical_mg
    return int(limit // per) if per > 0 else MAX_SERVINGS_PER_DRINK


def main_drink(day: CaffeineDay) -> Serving | None:
    """The drink that gives the most caffeine in this day (None when there is none).

    ``day``: a :class:`CaffeineDay` or an :class:`Intake` (anything with ``servings``)."""
    servings = getattr(day, "servings", None)
    if servings is None or isinstance(day, str | bytes):
        raise check.InputError("day", day, "a CaffeineDay or Intake from this module")
    drunk = [s for s in servings if getattr(s, "count", 0)]
    return max(drunk, key=lambda s: s.mg) if drunk else None


@dataclass(frozen=True)
class LastCaffeine:
    """The latest time for the last caffeine of the day: ``hours_before_bed`` before bed.

    ``bedtime_h`` is the patient's own bedtime, or, when ``example`` is True, the worked-example
    bedtime from the data (never to be reported as the patient's answer)."""

    by_h: float
    hours_before_bed: float
    bedtime_h: float
    example: bool
    source_ids: tuple[str, ...]


def last_caffeine_by(bedtime_h: float | None = None) -> LastCaffeine:
    """When to have the last caffeine: at least ``hours_before_bed`` (6 h, Drake et al. 2013,
    data/caffeine_timing.csv) before ``bedtime_h`` (hours after midnight, up to 8 + 24; 25 =
    1 am). With no bedtime, the file's example bedtime is used and ``example`` is True."""
    row = facts.table(TIMING)["stop_before_bed"]
    example = bedtime_h is None
    if example:
        bed = row.example_bedtime_h
    else:
        bed = check.number("bedtime_h", bedtime_h, 0, 8 + CURVE_SPAN_H, "hours after midnight")
    return LastCaffeine(
        by_h=bed - row.hours_before_bed,
        hours_before_bed=row.hours_before_bed,
        bedtime_h=bed,
        example=example,
        source_ids=tuple(row.source_ids),
    )

"""The Revised NIOSH Lifting Equation: recommended weight limit (RWL) and Lifting Index (LI).

    RWL = LC x HM x VM x DM x AM x FM x CM        LI = load / RWL

exactly as published in the NIOSH Applications Manual (Pub. 94-110, revised 2021; source id
``niosh_94_110``), in metric or US units. Every constant, cut-off and table cell is read from
``data/body_mechanics_*.csv``; this module holds only the shape of the formulas.

Units: ``units="metric"`` takes the load in kg and H, V, D in cm; ``units="us"`` takes lb and
inches. Each unit system uses its own published constants (LC 23 kg or 51 lb, HM = 25/H or
10/H, ...), so a metric and a US answer for "the same" lift differ slightly, as they do in the
manual. A is in degrees, F in lifts per minute.

Published rules implemented here (metric; US in brackets):

- H below 25 cm [10 in] is set to 25 [10] (HM = 1); H above 63 cm [25 in] gives HM = 0.
- V above 175 cm [70 in] gives VM = 0.
- D below 25 cm [10 in] is set to 25 [10] (DM = 1); D above 175 cm [70 in] gives DM = 0.
- A above 135 degrees gives AM = 0.
- FM comes from the frequency table (Table 5): lifts per minute x duration (1 h or less,
  more than 1 up to 2 h, more than 2 up to 8 h) x whether the hands start below 75 cm [30 in].
  Several cells are 0. Lifting less often than once per 5 minutes (F < 0.2) uses the 0.2 row;
  above 15 lifts/min FM is 0.
- CM comes from the coupling table (Table 7): a fair grip is 0.95 below 75 cm [30 in] and
  1.00 at or above it.

Frequencies between the rows of Table 5: the manual lists FM only at its discrete frequencies
(0.2, 0.5, 1, 2, ..., 15 lifts/min) and gives no rule for values in between. Rounding up to
the next listed frequency is a common conservative habit but is not what the manual says, and
linear interpolation is not in the manual either (it would also invent values next to the 0
cells). So this model does not guess: a frequency between two rows raises an InputError that
lists the table frequencies, and the user picks the row that describes the task.

Interpretation (NIOSH; CCOHS): LI <= 1 nearly all healthy workers; 1 < LI <= 3 increased
risk; LI > 3 high risk. When a multiplier is 0 the RWL is 0: no load is recommended and the
LI is infinite (reported as ``math.inf``; the command line prints ``null``).

The equation does not apply to one-handed, seated or kneeling lifts, shifts over 8 hours or
unstable loads such as people. For patient handling, Waters (2007) gives a 35 lb (about
16 kg) limit instead (``waters_2007``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spasm_edu import facts
from spasm_edu import validation as check

CONSTANTS = "body_mechanics_constants.csv"
FREQUENCY = "body_mechanics_frequency.csv"
DURATION = "body_mechanics_durations.csv"
COUPLING = "body_mechanics_coupling.csv"
BANDS = "body_mechanics_bands.csv"
MULTIPLIERS = "body_mechanics_multipliers.csv"
PATIENT_HANDLING = "body_mechanics_patient_handling.csv"
SCOPE = "body_mechanics_scope.csv"
TIPS = "body_mechanics_tips.csv"
DATA_FILES = (
    CONSTANTS,
    FREQUENCY,
    DURATION,
    COUPLING,
    BANDS,
    MULTIPLIERS,
    PATIENT_HANDLING,
    SCOPE,
    TIPS,
)

UNITS = ("metric", "us")
COUPLINGS = ("good", "fair", "poor")
SYMBOLS = ("HM", "VM", "DM", "AM", "FM", "CM")

# Input plausibility (what a person could type), not NIOSH limits: values past the NIOSH
# cut-offs inside these ranges are accepted and give a multiplier of 0.
INPUT_MAX = {
    "metric": {"load": 500.0, "h": 150.0, "v": 250.0, "d": 250.0},
    "us": {"load": 1100.0, "h": 60.0, "v": 100.0, "d": 100.0},
}
A_MAX_INPUT_DEG = 180.0
F_MAX_INPUT = 60.0
_TOL = 1e-9


def constants(units: str = "metric"):
    """The published constants for ``units`` ("metric" or "us")."""
    check.choice("units", units, UNITS)
    return facts.table(CONSTANTS)[units]


def _length(name: str, value: object, units: str) -> float:
    c = constants(units)
    return check.number(name, value, 0, INPUT_MAX[units][name], c.length_unit)


def horizontal_multiplier(h: float, units: str = "metric") -> float:
    """HM = 25/H (cm) or 10/H (in); 1 when H is at or below 25 cm [10 in]; 0 above 63 [25].

    H: hand distance from the mid-point between the ankles, 0-150 cm [0-60 in].
    Source: niosh_94_110.
    """
    c = constants(units)
    h = _length("h", h, units)
    if h > c.h_max:
        return 0.0
    return c.h_reference / max(h, c.h_reference)


def vertical_multiplier(v: float, units: str = "metric") -> float:
    """VM = 1 - 0.003|V - 75| (cm) or 1 - 0.0075|V - 30| (in); 0 above 175 cm [70 in].

    V: hand height above the floor at the start, 0-250 cm [0-100 in]. Source: niosh_94_110.
    """
    c = constants(units)
    v = _length("v", v, units)
    if v > c.v_max:
        return 0.0
    return 1 - c.v_factor * abs(v - c.v_optimum)


def distance_multiplier(d: float, units: str = "metric") -> float:
    """DM = 0.82 + 4.5/D (cm) or 0.82 + 1.8/D (in); 1 at or below 25 cm [10 in]; 0 above 175 [70].

    D: vertical travel of the hands, 0-250 cm [0-100 in]. Source: niosh_94_110.
    """
    c = constants(units)
    d = _length("d", d, units)
    if d > c.d_max:
        return 0.0
    return c.d_intercept + c.d_factor / max(d, c.d_reference)


def asymmetric_multiplier(a_deg: float, units: str = "metric") -> float:
    """AM = 1 - 0.0032 A; 0 above 135 degrees.

    A: twist angle, 0-180 degrees. Source: niosh_94_110.
    """
    c = constants(units)
    a = check.number("a_deg", a_deg, 0, A_MAX_INPUT_DEG, "degrees")
    if a > c.a_max_deg:
        return 0.0
    return 1 - c.a_factor * a


def durations() -> dict:
    """The lifting-duration columns of the frequency table by id ("le1h", "1to2h", "2to8h"),
    shortest first: each row says more than ``longer_than_h`` and at most ``at_most_h`` hours
    a day (body_mechanics_durations.csv, Table 5's column headings)."""
    return dict(facts.table(DURATION).by_id)


def longest_duration_h() -> float:
    """The most hours of lifting a day the frequency table covers (8: NIOSH's longest column)."""
    return max(r.at_most_h for r in facts.table(DURATION))


def table_frequencies() -> list[float]:
    """The lifts-per-minute values listed in the frequency table, in order."""
    return [r.frequency_lifts_per_min for r in facts.table(FREQUENCY) if r.applies != "above"]


def frequency_row(freq_per_min: float):
    """The row of the frequency table for ``freq_per_min`` (0-60 lifts per minute).

    F at or below 0.2 uses the 0.2 row; F above 15 uses the "above 15" row (all 0); any other F
    must be one of the table's frequencies (see the module docstring for why).
    """
    f = check.number("freq_per_min", freq_per_min, 0, F_MAX_INPUT, "lifts per minute")
    for row in facts.table(FREQUENCY):
        listed = row.frequency_lifts_per_min
        if (
            (row.applies == "at_or_below" and f <= listed + _TOL)
            or (row.applies == "exactly" and abs(f - listed) <= _TOL)
            or (row.applies == "above" and f > listed + _TOL)
        ):
            return row
    rows = facts.table(FREQUENCY)
    lowest = next(r.frequency_lifts_per_min for r in rows if r.applies == "at_or_below")
    listed = ", ".join(f"{x:g}" for x in table_frequencies() if x > lowest)
    highest = next(r.frequency_lifts_per_min for r in rows if r.applies == "above")
    raise check.InputError(
        "freq_per_min",
        freq_per_min,
        f"{lowest:g} or less, one of the NIOSH table frequencies {listed}, or more than "
        f"{highest:g} lifts per minute (the table has no values between its rows)",
    )


def frequency_multiplier(
    freq_per_min: float, duration: str, v: float, units: str = "metric"
) -> float:
    """FM from the frequency table: lifts/min x duration x hands below/at or above 75 cm [30 in].

    duration: "le1h", "1to2h" or "2to8h". Source: niosh_94_110 (Table 5).
    """
    row = frequency_row(freq_per_min)
    check.choice("duration", duration, durations())
    v = _length("v", v, units)
    return row.fm(duration, v_high=v >= constants(units).v_split)


def coupling_multiplier(coupling: str, v: float, units: str = "metric") -> float:
    """CM from the coupling table: good 1.00; fair 0.95 below 75 cm [30 in], else 1.00; poor 0.90.

    Source: niosh_94_110 (Table 7).
    """
    check.choice("coupling", coupling, COUPLINGS)
    v = _length("v", v, units)
    row = facts.table(COUPLING)[coupling]
    return row.cm_v_high if v >= constants(units).v_split else row.cm_v_low


def lifting_index(load: float, rwl: float) -> float:
    """LI = load / RWL (same mass unit); ``math.inf`` when the RWL is 0 (no load recommended).

    load: more than 0 (any unit, up to 1100); rwl: 0 to 60 in the same unit (LC is the most).
    """
    load_value = check.number("load", load, 0, INPUT_MAX["us"]["load"])
    if load_value <= 0:
        raise check.InputError("load", load, f"more than 0 and at most {INPUT_MAX['us']['load']:g}")
    rwl_value = check.number("rwl", rwl, 0, 60)
    if rwl_value == 0:
        return math.inf
    return load_value / rwl_value


def band_for(li: float):
    """The NIOSH interpretation band for a finite Lifting Index of 0 or more
    (data/body_mechanics_bands.csv). For an RWL of 0 use :func:`top_band`."""
    li = check.number("li", li, 0, 1e9)
    for row in facts.table(BANDS):
        above = li > row.li_above or (li == 0 and row.li_above == 0)
        if above and (row.li_at_most is None or li <= row.li_at_most):
            return row
    raise check.InputError("li", li, "covered by a band in data/body_mechanics_bands.csv")


def top_band():
    """The open-ended band (LI above 3): where an RWL of 0 (infinite LI) belongs."""
    return next(r for r in facts.table(BANDS) if r.li_at_most is None)


def patient_handling_limit(units: str = "metric") -> tuple[float, object]:
    """The patient-handling limit in the unit asked for (35 lb / about 16 kg; waters_2007)."""
    c = constants(units)
    row = facts.table(PATIENT_HANDLING)["patient_handling"]
    return (row.max_kg if c.mass_unit == "kg" else row.max_lb), row


def _multipliers(h, v, d, a_deg, freq_per_min, duration, coupling, units) -> dict[str, float]:
    """The six multipliers for checked inputs."""
    return {
        "HM": horizontal_multiplier(h, units),
        "VM": vertical_multiplier(v, units),
        "DM": distance_multiplier(d, units),
        "AM": asymmetric_multiplier(a_deg, units),
        "FM": frequency_multiplier(freq_per_min, duration, v, units),
        "CM": coupling_multiplier(coupling, v, units),
    }


def _costliest(multipliers: dict[str, float]) -> tuple[str, ...]:
    """The smallest multiplier(s) below 1 (ties: all of them); empty when all are 1."""
    lowest = min(multipliers.values())
    if lowest >= 1:
        return ()
    return tuple(k for k, m in multipliers.items() if abs(m - lowest) <= _TOL)


@dataclass(frozen=True)
class LiftResult:
    """One lift assessed with the Revised NIOSH Lifting Equation.

    Lengths are in ``length_unit`` and masses in ``mass_unit`` of ``units``. ``h_used`` and
    ``d_used`` are H and D after the published minimum (25 cm / 10 in) is applied.
    ``costliest`` names the smallest multiplier(s) below 1, i.e. what cuts the RWL most
    (empty when every multiplier is 1). ``li`` is ``math.inf`` when the RWL is 0.
    """

    units: str
    mass_unit: str
    length_unit: str
    load: float
    h: float
    v: float
    d: float
    a_deg: float
    freq_per_min: float
    duration: str
    coupling: str
    h_used: float
    d_used: float
    load_constant: float
    multipliers: dict[str, float]
    rwl: float
    li: float
    band_id: str
    band_label: str
    band_patient_text: str
    band_student_text: str
    costliest: tuple[str, ...]
    zero_multipliers: tuple[str, ...]
    frequency_row_id: str
    lifting_a_person: bool
    applies: bool
    patient_limit: float
    over_patient_limit: bool
    source_ids: tuple[str, ...] = field(default=())

    @property
    def li_is_finite(self) -> bool:
        return math.isfinite(self.li)


def _positive_load(load: object, units: str) -> float:
    c = constants(units)
    top = INPUT_MAX[units]["load"]
    value = check.number("load", load, 0, top, c.mass_unit)
    if value <= 0:
        raise check.InputError("load", load, f"more than 0 and at most {top:g} {c.mass_unit}")
    return value


def assess(
    load: float,
    h: float,
    v: float,
    d: float,
    a_deg: float = 0,
    freq_per_min: float = 0.2,
    duration: str = "le1h",
    coupling: str = "good",
    units: str = "metric",
    lifting_a_person: bool = False,
) -> LiftResult:
    """RWL, LI and its NIOSH band for one two-handed lift.

    load: mass lifted (kg or lb, more than 0); h, v, d in cm or in (see the module docstring);
    a_deg 0-180; freq_per_min 0-60 (see :func:`frequency_row`); duration le1h/1to2h/2to8h;
    coupling good/fair/poor; units metric/us. ``lifting_a_person`` marks a patient-handling
    task: the numbers are still worked out for teaching, but ``applies`` is False and the
    Waters (2007) limit is the one to use. Sources: niosh_94_110, ccohs_lifting, waters_2007.
    """
    check.choice("units", units, UNITS)
    c = constants(units)
    load_value = _positive_load(load, units)
    h_value, v_value, d_value = (
        _length("h", h, units),
        _length("v", v, units),
        _length("d", d, units),
    )
    a_value = check.number("a_deg", a_deg, 0, A_MAX_INPUT_DEG, "degrees")
    row = frequency_row(freq_per_min)
    check.choice("duration", duration, durations())
    check.choice("coupling", coupling, COUPLINGS)
    person = check.flag("lifting_a_person", lifting_a_person)

    multipliers = _multipliers(
        h_value, v_value, d_value, a_value, freq_per_min, duration, coupling, units
    )
    rwl = c.load_constant * math.prod(multipliers.values())
    li = lifting_index(load_value, rwl)
    band = band_for(li) if math.isfinite(li) else top_band()
    costliest = _costliest(multipliers)
    limit, limit_row = patient_handling_limit(units)
    sources = {c.source_id, row.source_id, band.source_id}
    sources |= set(facts.table(COUPLING)[coupling].source_ids)
    if person:
        sources |= set(limit_row.source_ids)
    return LiftResult(
        units=units,
        mass_unit=c.mass_unit,
        length_unit=c.length_unit,
        load=load_value,
        h=h_value,
        v=v_value,
        d=d_value,
        a_deg=a_value,
        freq_per_min=float(freq_per_min),
        duration=duration,
        coupling=coupling,
        h_used=max(h_value, c.h_reference),
        d_used=max(d_value, c.d_reference),
        load_constant=c.load_constant,
        multipliers=multipliers,
        rwl=rwl,
        li=li,
        band_id=band.band_id,
        band_label=band.label,
        band_patient_text=band.patient_text,
        band_student_text=band.student_text,
        costliest=costliest,
        zero_multipliers=tuple(k for k, m in multipliers.items() if m == 0),
        frequency_row_id=row.frequency_id,
        lifting_a_person=person,
        applies=not person,
        patient_limit=limit,
        over_patient_limit=load_value > limit,
        source_ids=tuple(sorted({s for ids in sources for s in ids.split(";")})),
    )


def multiplier_info(symbol: str):
    """The row of data/body_mechanics_multipliers.csv for HM, VM, DM, AM, FM or CM."""
    check.choice("symbol", symbol, SYMBOLS)
    return facts.table(MULTIPLIERS)[symbol.lower()]


# -- a patient's answers so far ------------------------------------------------------------------
LIFT_QUESTIONS = ("task", "h", "v", "d", "a_deg", "freq_per_min", "duration", "coupling")


@dataclass(frozen=True)
class LiftSoFar:
    """What a person has told about a lift so far (patient mode: None = not told).

    ``missing`` names the questions (of :data:`LIFT_QUESTIONS`) the limit still needs, in
    screen order; "task" stays missing until "an object" or "a person" is chosen. For an
    object, ``limit`` (the RWL), ``multipliers``, ``costliest`` and ``frequency_row_id`` are
    there once every question is told; ``lift`` (the full :class:`LiftResult` with the Lifting
    Index) once the load is told too. For a person, only the Waters (2007) limit applies.
    Masses in ``mass_unit`` of ``units`` ("metric" until the person picks).
    """

    units: str
    mass_unit: str
    length_unit: str
    task: str | None
    load: float | None
    missing: tuple[str, ...]
    limit: float | None
    multipliers: dict[str, float] | None
    costliest: tuple[str, ...]
    frequency_row_id: str | None
    freq_per_min: float | None
    duration: str | None
    lift: LiftResult | None
    patient_limit: float
    over_patient_limit: bool | None
    source_ids: tuple[str, ...]


def lift_so_far(
    units: str | None = None,
    task: str | None = None,
    load: float | None = None,
    h: float | None = None,
    v: float | None = None,
    d: float | None = None,
    a_deg: float | None = None,
    freq_per_min: float | None = None,
    duration: str | None = None,
    coupling: str | None = None,
) -> LiftSoFar:
    """A patient's answers so far: nothing that was not told is assumed.

    units metric/us or None (then metric); task "object", "person" or None; the rest as in
    :func:`assess` or None (not told). Sources: niosh_94_110, ccohs_lifting, waters_2007.
    """
    units = "metric" if units is None else check.choice("units", units, UNITS)
    c = constants(units)
    if task is not None:
        check.choice("task", task, ("object", "person"))
    load_value = None if load is None else _positive_load(load, units)
    told = {"h": h, "v": v, "d": d}
    for name, value in told.items():
        if value is not None:
            _length(name, value, units)
    if a_deg is not None:
        check.number("a_deg", a_deg, 0, A_MAX_INPUT_DEG, "degrees")
    row = None if freq_per_min is None else frequency_row(freq_per_min)
    if duration is not None:
        check.choice("duration", duration, durations())
    if coupling is not None:
        check.choice("coupling", coupling, COUPLINGS)
    given = {
        "task": task,
        "h": h,
        "v": v,
        "d": d,
        "a_deg": a_deg,
        "freq_per_min": freq_per_min,
        "duration": duration,
        "coupling": coupling,
    }
    missing = tuple(q for q in LIFT_QUESTIONS if given[q] is None)
    person_limit, person_row = patient_handling_limit(units)
    sources = set(person_row.source_ids) if task == "person" else set()
    limit = multipliers = row_id = lift = None
    costliest: tuple[str, ...] = ()
    if task == "object" and not missing:
        multipliers = _multipliers(h, v, d, a_deg, freq_per_min, duration, coupling, units)
        limit = c.load_constant * math.prod(multipliers.values())
        costliest = _costliest(multipliers)
        row_id = row.frequency_id
        sources |= {c.source_id, row.source_id}
        sources |= set(facts.table(COUPLING)[coupling].source_ids)
        if load_value is not None:
            lift = assess(load_value, h, v, d, a_deg, freq_per_min, duration, coupling, units)
            sources |= set(lift.source_ids)
    return LiftSoFar(
        units=units,
        mass_unit=c.mass_unit,
        length_unit=c.length_unit,
        task=task,
        load=load_value,
        missing=missing,
        limit=limit,
        multipliers=multipliers,
        costliest=costliest,
        frequency_row_id=row_id,
        freq_per_min=None if freq_per_min is None else float(freq_per_min),
        duration=duration,
        lift=lift,
        patient_limit=person_limit,
        over_patient_limit=None if load_value is None else load_value > person_limit,
        source_ids=tuple(sorted({s for ids in sources for s in ids.split(";")})),
    )


def better_lift(result: LiftResult) -> LiftResult | None:
    """The same lift done better: the load held close (hands at the published minimum, 25 cm
    / 10 in, where HM = 1) and no twist (AM = 1), all else as ``result``. None for lifting a
    person (the lifting equation does not apply) or when the lift is already like that."""
    if not isinstance(result, LiftResult):
        raise check.InputError("result", result, "a LiftResult (the result of a lift)")
    if result.lifting_a_person:
        return None
    c = constants(result.units)
    if result.h <= c.h_reference and result.a_deg == 0:
        return None
    return assess(
        result.load,
        c.h_reference,
        result.v,
        result.d,
        0,
        result.freq_per_min,
        result.duration,
        result.coupling,
        result.units,
    )


MOST_SPLIT = 6  # more loads than this is not a plan: a helper, a cart or a hoist instead


def split_loads(result: LiftResult, most: int = MOST_SPLIT) -> tuple[int, int] | None:
    """The load split into ``n`` equal parts that are each under the limit of the lift they make:
    ``(n, each)``, ``each`` rounded to a whole kg or lb as the handout says it ("3 loads of about
    15 lb"). Each part is lifted the better way (:func:`better_lift`: close, no twist) and
    **n times as often** (the same work in n times the lifts: the frequency multiplier of
    Table 5 falls), so the part is checked with :func:`assess` at that rate, not against the
    limit of today's lift. None when the load is already under the limit, for lifting a person,
    when no part fits within ``most`` loads, or when the new rate is past Table 5 (a helper or a
    cart instead)."""
    if not isinstance(result, LiftResult):
        raise check.InputError("result", result, "a LiftResult (the result of a lift)")
    if result.lifting_a_person or result.li <= 1 or result.rwl <= 0:
        return None
    for n in range(2, most + 1):
        each = round(result.load / n)
        if each <= 0:
            return None
        part = _part_lift(result, each, n)
        if part is None:
            return None
        if part.rwl > 0 and each <= part.rwl:
            return n, each
    return None


def _part_lift(result: LiftResult, each: float, n: int) -> LiftResult | None:
    """One of ``n`` parts of ``result``'s load, lifted close with no twist, ``n`` times as often;
    None when that rate is past the frequency table."""
    c = constants(result.units)
    h = min(result.h, c.h_reference)
    try:
        return assess(
            each, h, result.v, result.d, 0, result.freq_per_min * n, result.duration,
            result.coupling, result.units,
        )  # fmt: skip
    except check.InputError:
        return None


def split_lift(result: LiftResult) -> LiftResult | None:
    """One of :func:`split_loads`'s parts as it is lifted: close, no twist, n times as often;
    None when there is no split."""
    split = split_loads(result)
    if split is None:
        return None
    n, each = split
    return _part_lift(result, each, n)

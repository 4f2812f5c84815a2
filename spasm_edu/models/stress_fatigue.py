"""Stress and fatigue: a week of sleep against the recommendation, a stress check-in, and what
the evidence does and does not say about night cramps, hypnic jerks and eyelid twitching.

Units are in the names: ``_h`` hours, ``_years`` years. Sources: data/stress_fatigue_*.csv
(AASM/SRS 2015 and CDC sleep recommendations, Grandner & Winkelman 2017 NHANES analysis,
Sleep Foundation, American Academy of Ophthalmology, CDC sleep tips, NHS stress advice).

No score is computed. The stress check-in only echoes the person's own words back with the
sourced steps; no source publishes a stress rating that predicts spasms, so none is invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.models import triage

SLEEP = "stress_fatigue_sleep.csv"
EVIDENCE = "stress_fatigue_evidence.csv"
STEPS = "stress_fatigue_steps.csv"
CAUSE_ID = "stress_fatigue"

NIGHTS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MAX_SLEEP_H = 16.0
STRESS_WORDS = {
    "none": "not stressed",
    "a_little": "a little stressed",
    "some": "somewhat stressed",
    "a_lot": "very stressed",
    "extreme": "extremely stressed",
}
TOPICS = ("night_cramps", "hypnic_jerks", "eyelid_twitching")


@dataclass(frozen=True)
class SleepRec:
    rec_id: str
    label: str
    min_h: float
    max_h: float | None
    source_id: str


def sleep_recommendation(age_years: int) -> SleepRec:
    """The recommended hours per night for an adult aged 18-120 (AASM/SRS 2015, CDC)."""
    age = check.whole_number(
        "age_years", age_years, 18, 120, "years (the sleep advice here is for adults)"
    )
    row = next(r for r in facts.table(SLEEP) if r.age_min_years <= age <= r.age_max_years)
    return SleepRec(row.rec_id, row.label, row.min_h, row.max_h, row.source_id)


@dataclass(frozen=True)
class Night:
    night: str
    hours: float
    status: str  # "under", "within" or "over"
    short_by_h: float


@dataclass(frozen=True)
class SleepWeek:
    """Seven nights against the recommendation that fits the person's age."""

    age_years: int
    rec: SleepRec
    nights: tuple[Night, ...]
    average_h: float
    nights_under: int
    nights_over: int
    hours_short_total: float

    @property
    def short_sleep(self) -> bool:
        return self.nights_under > 0

    @property
    def nights_told(self) -> int:
        """How many of the 7 nights were given (all 7 unless some were left unanswered)."""
        return len(self.nights)


def sleep_week(hours: Sequence[float | None], age_years: int = 30) -> SleepWeek:
    """Hours slept on each of 7 nights (0-16 h each) against the recommendation.

    A night given as None has not been told (patient mode): it is left out, and the average
    and counts are over the nights told (at least one). ``under`` means below the minimum
    (7 h for every adult band), ``over`` above the band's maximum where one is published
    (61-64: 9 h; 65+: 8 h; none for 18-60). hours_short_total adds up how far each short
    night fell below the minimum.
    """
    if isinstance(hours, str | bytes) or not isinstance(hours, Sequence):
        raise check.InputError("hours", hours, "a list of 7 numbers (hours slept each night)")
    if len(hours) != len(NIGHTS):
        raise check.InputError("hours", hours, "a list of exactly 7 numbers, one per night")
    if all(value is None for value in hours):
        raise check.InputError("hours", hours, "a list of 7 nights with at least one told")
    rec = sleep_recommendation(age_years)
    nights = []
    for name, value in zip(NIGHTS, hours, strict=True):
        if value is None:
            continue
        h = check.number(f"hours[{name}]", value, 0, MAX_SLEEP_H, "hours")
        if h < rec.min_h:
            status = "under"
        elif rec.max_h is not None and h > rec.max_h:
            status = "over"
        else:
            status = "within"
        nights.append(Night(name, h, status, max(rec.min_h - h, 0.0)))
    return SleepWeek(
        age_years=int(age_years),
        rec=rec,
        nights=tuple(nights),
        average_h=sum(n.hours for n in nights) / len(nights),
        nights_under=sum(n.status == "under" for n in nights),
        nights_over=sum(n.status == "over" for n in nights),
        hours_short_total=sum(n.short_by_h for n in nights),
    )


@dataclass(frozen=True)
class Finding:
    finding_id: str
    topic: str
    label: str
    percent_low: float | None
    percent_high: float | None
    says: str
    does_not_say: str | None
    source_id: str


@dataclass(frozen=True)
class Step:
    step_id: str
    applies_when: str
    text: str
    source_id: str


@dataclass(frozen=True)
class DoctorReason:
    finding_id: str  # a finding or rule id from data/red_flags.csv / red_flag_rules.csv
    sign: str
    source_id: str


@dataclass(frozen=True)
class CheckIn:
    """A week of sleep, the person's own stress words, symptoms, and what applies.

    ``sleep`` is None until a night and the age are told; ``stress`` and ``stress_words``
    are None until the stress question is answered (patient mode).
    """

    sleep: SleepWeek | None
    nights_told: int
    stress: str | None
    stress_words: str | None
    hard_to_cope: bool
    symptoms: tuple[str, ...]
    findings: tuple[Finding, ...]
    steps: tuple[Step, ...]
    doctor_reasons: tuple[DoctorReason, ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        ids = set(self.sleep.rec.source_id.split(";")) if self.sleep else set()
        for item in (*self.findings, *self.steps, *self.doctor_reasons):
            ids |= set(item.source_id.split(";"))
        return tuple(sorted(ids))


def red_flags() -> tuple[triage.Flag, ...]:
    """This cause's own warning signs from the triage data (data/red_flags.csv rows whose
    ``shown_for`` names stress_fatigue); they become tick boxes in the explorer."""
    return triage.flags_for(CAUSE_ID, general=False)


def findings_for(topics: Iterable[str]) -> tuple[Finding, ...]:
    """Evidence rows for the given topics, in file order.

    topics: a list, tuple or set of topic ids (night_cramps, hypnic_jerks, eyelid_twitching);
    InputError naming ``topics`` otherwise. Source ids are on each row.
    """
    if isinstance(topics, str | bytes) or not isinstance(topics, Iterable):
        raise check.InputError("topics", topics, "a list of topic ids (" + ", ".join(TOPICS) + ")")
    wanted = {check.choice("topics", t, TOPICS) for t in topics}
    return tuple(
        Finding(
            r.finding_id,
            r.topic,
            r.label,
            r.percent_low,
            r.percent_high,
            r.says,
            r.does_not_say,
            r.source_id,
        )
        for r in facts.table(EVIDENCE)
        if r.topic in wanted
    )


def check_in(
    hours: Sequence[float | None],
    age_years: int | None = 30,
    stress: str | None = "none",
    hard_to_cope: bool = False,
    symptoms: Iterable[str] = (),
    flags: Iterable[str] = (),
) -> CheckIn:
    """Sleep week + stress check-in + symptoms -> the evidence and steps that apply.

    hours: 7 nights, each 0-16 h or None (not told). age_years 18-120, or None (not told:
    the sleep is then not compared). stress: one of none, a_little, some, a_lot, extreme
    (the person's own words, echoed back), or None (not told).
    symptoms: any of night_cramps, hypnic_jerks, eyelid_twitching.
    flags: ids of :func:`red_flags` (data/red_flags.csv rows shown for stress_fatigue).
    Nothing that was not told adds a step or a finding.
    """
    if isinstance(hours, str | bytes) or not isinstance(hours, Sequence):
        raise check.InputError("hours", hours, "a list of 7 numbers (hours slept each night)")
    if len(hours) != len(NIGHTS):
        raise check.InputError("hours", hours, "a list of exactly 7 numbers, one per night")
    told = sum(h is not None for h in hours)
    week = None
    if told:  # the nights are checked even while the age is not told
        checked = sleep_week(hours, 30 if age_years is None else age_years)
        week = None if age_years is None else checked
    elif age_years is not None:
        sleep_recommendation(age_years)  # the age is checked even with no night told
    if stress is not None:
        check.choice("stress", stress, STRESS_WORDS)
    check.flag("hard_to_cope", hard_to_cope)
    if isinstance(symptoms, str) or not isinstance(symptoms, Iterable):
        raise check.InputError("symptoms", symptoms, "a list of symptom ids")
    chosen = []
    for s in symptoms:
        check.choice("symptom", s, TOPICS)
        if s not in chosen:
            chosen.append(s)
    if isinstance(flags, str) or not isinstance(flags, Iterable):
        raise check.InputError("flags", flags, "a list of red-flag ids")
    doctor_rows = {r.id: r for r in red_flags()}
    reasons = []
    for f in flags:
        check.choice("flag", f, doctor_rows)
        row = doctor_rows[f]
        reason = DoctorReason(row.id, row.sign, row.source_id)
        if reason not in reasons:
            reasons.append(reason)
    short = week is not None and week.short_sleep
    applies = set(chosen)
    if short:
        applies.add("short_sleep")
    if stress not in (None, "none"):
        applies.add("stress")
    if hard_to_cope:
        applies |= {"stress", "hard_to_cope"}
    steps = tuple(
        Step(r.step_id, r.applies_when, r.text, r.source_id)
        for r in facts.table(STEPS)
        if r.applies_when in applies
    )
    return CheckIn(
        sleep=week,
        nights_told=told,
        stress=stress,
        stress_words=None if stress is None else STRESS_WORDS[stress],
        hard_to_cope=hard_to_cope,
        symptoms=tuple(chosen),
        findings=findings_for(set(chosen) | ({"night_cramps"} if short else set())),
        steps=steps,
        doctor_reasons=tuple(reasons),
    )

"""Overuse: exercise or work load echoed back with the sourced tips that apply. No score.

Units are in the names: ``_min`` minutes. Sources: data/overuse_*.csv (Mayo Clinic, AAOS
OrthoInfo, NHS, HHS Physical Activity Guidelines 2018, ACSM 2007).

No threshold is used because none is published: there is no published number of minutes of
exercise, or of holding one position, before a cramp, no break schedule and no weekly
build-up rate. A tip applies when its condition holds, and every condition is either a yes/no
answer or "more than zero" (e.g. any time spent holding one position). The questions no source
answers are listed in data/overuse_unknowns.csv and shown to the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check

TIPS = "overuse_tips.csv"
UNKNOWNS = "overuse_unknowns.csv"
MAX_MIN = 720
MAX_BREAKS = 50
INTENSITIES = {
    "light": "light (you can talk and sing)",
    "moderate": "moderate (you can talk, but not sing)",
    "hard": "hard (you can only say a few words)",
}


@dataclass(frozen=True)
class Tip:
    tip_id: str
    applies_when: str
    text: str
    student_note: str
    source_id: str


@dataclass(frozen=True)
class Unknown:
    question_id: str
    question: str
    answer: str
    student_note: str
    source_id: str


@dataclass(frozen=True)
class OveruseCheck:
    """The person's load as they gave it, the conditions that hold, and the tips that apply.

    A value left as None was not told (patient mode): it is echoed as not told and no
    condition rests on it."""

    exercise_min: float | None
    intensity: str | None
    hold_position_min: float | None
    breaks: int | None
    warmed_up: bool
    stretched: bool
    more_than_usual: bool
    conditions: tuple[str, ...]
    tips: tuple[Tip, ...]
    unknowns: tuple[Unknown, ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        ids: set[str] = set()
        for item in (*self.tips, *self.unknowns):
            ids |= set(item.source_id.split(";"))
        return tuple(sorted(ids))


def _checked(
    exercise_min: object,
    intensity: object,
    hold_position_min: object,
    breaks: object,
    warmed_up: object,
    stretched: object,
    more_than_usual: object,
) -> tuple[float | None, str | None, float | None, int | None]:
    """Validate the load at the edge: (exercise_min, intensity, hold_position_min, breaks),
    each None when not told."""
    minutes = (
        None
        if exercise_min is None
        else check.number("exercise_min", exercise_min, 0, MAX_MIN, "minutes")
    )
    if intensity is not None:
        check.choice("intensity", intensity, INTENSITIES)
    hold = (
        None
        if hold_position_min is None
        else check.number("hold_position_min", hold_position_min, 0, MAX_MIN, "minutes")
    )
    n_breaks = (
        None if breaks is None else check.whole_number("breaks", breaks, 0, MAX_BREAKS, "breaks")
    )
    check.flag("warmed_up", warmed_up)
    check.flag("stretched", stretched)
    check.flag("more_than_usual", more_than_usual)
    return minutes, intensity, hold, n_breaks


def conditions_for(
    exercise_min: float | None,
    intensity: str | None,
    hold_position_min: float | None,
    breaks: int | None,
    warmed_up: bool,
    stretched: bool,
    more_than_usual: bool,
) -> tuple[str, ...]:
    """Which tip conditions hold. Only yes/no answers and "more than zero" are used.

    Same arguments and ranges as :func:`load_check` (all required here; None = not told, and
    no condition rests on a value not told); each is checked.
    """
    exercise_min, intensity, hold_position_min, breaks = _checked(
        exercise_min, intensity, hold_position_min, breaks, warmed_up, stretched, more_than_usual
    )
    active = bool(exercise_min)
    holds = bool(hold_position_min)
    found = ["always"]
    if active:
        found.append("active")
        if not warmed_up:
            found.append("no_warm_up")
        if intensity == "hard":
            found.append("hard")
    if (active or holds) and not stretched:
        found.append("no_stretch")
    if more_than_usual:
        found.append("more_than_usual")
    if holds:
        found.append("holds_position")
    if (active or holds) and breaks == 0:
        found.append("no_breaks")
    return tuple(found)


def load_check(
    exercise_min: float | None = 0,
    intensity: str | None = "moderate",
    hold_position_min: float | None = 0,
    breaks: int | None = 0,
    warmed_up: bool = False,
    stretched: bool = False,
    more_than_usual: bool = False,
) -> OveruseCheck:
    """Echo a day's load and list the sourced tips that apply.

    exercise_min 0-720 minutes of exercise or hard physical work; intensity light, moderate or
    hard (the person's own rating, echoed, never scored); hold_position_min 0-720 minutes, the
    longest stretch spent in one position; breaks 0-50 (whole number); warmed_up, stretched,
    more_than_usual: True/False. exercise_min, intensity, hold_position_min and breaks may be
    None: not told (patient mode), echoed as such, and no tip rests on them.
    Sources: mayo_muscle_cramp, aaos_muscle_cramps, nhs_leg_cramps, hhs_pag_2018, acsm_2007.
    """
    minutes, intensity, hold, n_breaks = _checked(
        exercise_min, intensity, hold_position_min, breaks, warmed_up, stretched, more_than_usual
    )
    conditions = conditions_for(
        minutes, intensity, hold, n_breaks, warmed_up, stretched, more_than_usual
    )
    tips = tuple(
        Tip(r.tip_id, r.applies_when, r.text, r.student_note, r.source_id)
        for r in facts.table(TIPS)
        if r.applies_when in conditions
    )
    unknowns = tuple(
        Unknown(r.question_id, r.question, r.answer, r.student_note, r.source_id)
        for r in facts.table(UNKNOWNS)
    )
    return OveruseCheck(
        exercise_min=minutes,
        intensity=intensity,
        hold_position_min=hold,
        breaks=n_breaks,
        warmed_up=warmed_up,
        stretched=stretched,
        more_than_usual=more_than_usual,
        conditions=conditions,
        tips=tips,
        unknowns=unknowns,
    )

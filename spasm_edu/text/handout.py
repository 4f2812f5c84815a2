"""Wording for the take-home handout: a few short action lines per cause, built from the
cause's model result (reading grade <= 7).

Each cause's text module may define ``handout_actions(result) -> tuple[Action, ...]`` with this
patient's targets worked out from the model (never a number typed here). A cause without one,
or whose result is missing (nothing answered), gets its self-care tips from
data/self_care_tips.csv. A cause gives at most :data:`MAX_ACTIONS` lines
(:data:`MAX_ACTIONS_MANY` when three or more causes are picked).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spasm_edu import causes as cause_registry

log = logging.getLogger(__name__)

MAX_ACTIONS = 3
MAX_ACTIONS_MANY = 2  # with 3 or more causes, so the handout stays on two printed pages
NEXT_APPOINTMENT = "My next appointment:"
CLINIC_PHONE = "Clinic phone:"
STEPS_HEADING = "Your steps"
TOLD_US_HEADING = "What you told us"
NOT_ANSWERED = "You did not change any answers here."
NO_CAUSES = "You did not pick any causes today."
PICTURE_HOW = "Keep your bar to the left of the dashed line: that line is the limit."
SOURCES_NOTE = "The small numbers in [ ] on this page point to this list."
WHY_STEPS = "Why these steps:"
TRACKER = "This week, tick each day you did your steps:"
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Causes whose tips say "stay gently active" (NHS): no line may tell these patients to rest.
BACK_CAUSES = frozenset({"spine", "body_mechanics"})


@dataclass(frozen=True)
class Action:
    """One thing to do, in plain words, with the sources it rests on."""

    text: str
    source_ids: tuple[str, ...] = ()


def tip_actions(tips) -> tuple[Action, ...]:
    """Tips (data/self_care_tips.csv rows) as actions; "see a doctor" tips are left out (the
    warning signs say when to get care)."""
    return tuple(
        Action(t.tip, tuple(t.source_ids))
        for t in tips
        if not t.tip.lower().startswith("see a doctor")
    )


def says_rest(text: str) -> bool:
    """True when a line tells the reader to rest ('Rest it.', 'stretch, rest and drink'), not
    when it warns against bed rest or says rest alone will not fix it."""
    words = text.lower()
    words = re.sub(r"bed rest|rest alone|better with rest", "", words)
    return re.search(r"\brest\b", words) is not None


def without_rest(text: str) -> str:
    """``text`` without its sentences that tell the reader to rest (for a back patient: the
    NHS advice is to stay gently active, so the page must not also say "rest")."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(s for s in sentences if not says_rest(s))


def is_back(picked, ticked) -> bool:
    """A back patient: a back cause picked, or a back spasm ticked in the red-flag questions."""
    return bool(BACK_CAUSES & set(picked)) or "back_spasm" in set(ticked)


def complete_result(result):
    """A patient-mode result in the form the handout's wording expects: the full model result
    once enough is told (a lift's :class:`LiftResult`, a week of sleep), the caffeine intake as
    it is (its wording takes what was told), or None when too little was told yet."""
    kind = type(result).__name__
    if kind == "LiftSoFar":
        return result.lift
    if kind == "CheckIn" and result.sleep is None:
        return None
    return result


def cause_actions(
    cause_id: str, result, tips, answered: bool, back: bool = False, most: int = MAX_ACTIONS
) -> tuple[Action, ...]:
    """At most MAX_ACTIONS lines for one cause: this patient's targets from the model result
    (when they answered something), then the cause's tips; no "rest" line for a back patient."""
    lines: list[Action] = []
    if answered and result is not None:
        try:
            module = cause_registry.get(cause_id).module("text")
            make = getattr(module, "handout_actions", None)
            full = complete_result(result)
            if make is not None and full is not None:
                lines += make(full)
        except Exception:  # a cause's wording must not stop the handout: its tips still show
            log.warning("handout lines for %s failed", cause_id, exc_info=True)
    seen = {a.text for a in lines}
    lines += [a for a in tip_actions(tips) if a.text not in seen]
    if back:
        lines = [a for a in lines if not says_rest(a.text)]
    return tuple(lines[:most])


def signs_from(source_ids, sources) -> str:
    """'These signs come from NHS, CDC and Mayo Clinic, and 9 more health sites.' (the three
    organisations most of the signs rest on; ``sources`` is data/sources.csv)."""
    counts: dict[str, int] = {}
    for sid in source_ids:
        name = sources[sid].organisation.split(" (")[0]
        if name.startswith("Centers for Disease Control") or name.startswith("CDC"):
            name = "CDC"
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    top = sorted(counts, key=lambda n: (-counts[n], n))[:3]
    more = len(counts) - len(top)
    names = ", ".join(top[:-1]) + (" and " if len(top) > 1 else "") + top[-1]
    tail = f", and {more} more health sites" if more else ""
    return f"These signs come from {names}{tail}. Your nurse can show you the full list."

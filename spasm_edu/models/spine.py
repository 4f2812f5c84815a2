"""Underlying spinal problems: a condition in plain words, and a back-pain red-flag checklist
that says which level of care each ticked sign needs.

No score is made: each sign carries the level its source gives it (data/spine_red_flags.csv,
NHS cauda equina, NICE CKS red flags, seed article), and the checklist reports the highest level
among the ticked signs, using the course's level ladder (spasm_edu.models.triage.Level:
self-care < see a doctor soon < urgent same day < emergency).
Sources: data/spine_conditions.csv (URMC, NHS, seed article, NASS).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.models.triage import Level

CONDITIONS = "spine_conditions.csv"
FLAGS = "spine_red_flags.csv"


@dataclass(frozen=True)
class Condition:
    condition_id: str
    name: str
    plain_name: str
    what_happens: str
    nerve_signs: str
    why_spasm: str
    why_rest_is_not_enough: str
    student_note: str
    source_id: str


@dataclass(frozen=True)
class TickedFlag:
    flag_id: str
    sign: str
    group: str
    level: Level
    why: str
    source_id: str


@dataclass(frozen=True)
class SpineView:
    """One condition and the ticked red flags, most urgent first.

    ``condition`` is None when none was picked (patient mode: no condition is picked for the
    patient; one picked is a topic to read about, never a diagnosis)."""

    condition: Condition | None
    ticked: tuple[TickedFlag, ...]
    highest: Level | None  # None when nothing is ticked
    cauda_equina: bool
    source_ids: tuple[str, ...]


def condition_ids() -> list[str]:
    return facts.table(CONDITIONS).ids()


def flag_ids() -> list[str]:
    return facts.table(FLAGS).ids()


def condition(condition_id: str) -> Condition:
    """A spinal condition in plain words (one of degenerative_disc, spinal_stenosis,
    herniated_disc)."""
    r = facts.table(CONDITIONS).pick("condition_id", condition_id)
    return Condition(**{k: getattr(r, k) for k in Condition.__dataclass_fields__})


def ticked_flags(flags: Iterable[str]) -> tuple[TickedFlag, ...]:
    """The ticked red flags, most urgent first (file order within a level).

    ``flags`` is an iterable of flag ids from data/spine_red_flags.csv; repeats count once.
    """
    if isinstance(flags, str) or not isinstance(flags, Iterable):
        raise check.InputError("flags", flags, "a list of red-flag ids")
    table = facts.table(FLAGS)
    chosen = []
    for f in dict.fromkeys(flags):
        check.choice("flags", f, table.by_id)
        chosen.append(f)
    order = {f: i for i, f in enumerate(table.ids())}
    out = [
        TickedFlag(r.flag_id, r.sign, r.group, Level[r.level], r.why, r.source_id)
        for r in (table[f] for f in chosen)
    ]
    return tuple(sorted(out, key=lambda t: (-t.level, order[t.flag_id])))


def view(condition_id: str | None = "herniated_disc", flags: Iterable[str] = ()) -> SpineView:
    """A condition (or None: none picked) and a red-flag checklist; ``highest`` is the most
    urgent ticked level."""
    cond = None if condition_id is None else condition(condition_id)
    ticked = ticked_flags(flags)
    sources = set(cond.source_id.split(";")) if cond else set()
    sources |= {s for t in ticked for s in t.source_id.split(";")}
    return SpineView(
        condition=cond,
        ticked=ticked,
        highest=max((t.level for t in ticked), default=None),
        cauda_equina=any(t.group == "cauda_equina" for t in ticked),
        source_ids=tuple(sorted(sources)),
    )

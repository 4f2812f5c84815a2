"""Triage of red flags: which findings a person has -> how urgent it is, and why.

Levels, lowest first: ``self_care`` < ``see_doctor`` < ``urgent`` (same day) < ``emergency``.
Every finding (data/red_flags.csv) raises the level to its own ``level``; every rule
(data/red_flag_rules.csv) whose ``all_of`` findings are all present raises it to the rule's
``level``. The result is the highest of these, so adding a finding can never lower the level
(monotone by construction, and tested with hypothesis). Nothing is scored or weighted: each
level comes from a source named in the row (see ``level_basis`` for how sure it is).

Sources: the source ids in data/red_flags.csv and data/red_flag_rules.csv (NHS, Mayo Clinic,
Merck, NICE CKS, CDC/NIOSH, the seed article), summarised in the reference sheet §9.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Literal, get_args

from spasm_edu import causes as cause_registry
from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.schema.triage import LEVELS as LEVEL_IDS
from spasm_edu.schema.triage import Group

LEVELS_FILE = "triage_levels.csv"
FLAGS = "red_flags.csv"
RULES = "red_flag_rules.csv"
GROUPS = get_args(Group)
"""Question groups in the order they are asked, the emergency questions first: the schema's
``Group`` (the one list of groups data/red_flags.csv may use)."""

NEAR_GROUPS = ("back", "medicine")
"""Groups whose signs belong together: a tick in one brings the group's other signs forward."""

OPENED_BY = {"pregnancy": ("pregnant", "pregnancy_warning_signs")}
"""A cause-only group that a tick elsewhere also opens: a patient whose nurse did not pick the
pregnancy cause, but who ticks "Are you pregnant?", is still asked the pregnancy questions
(premature labour, held-back set 4)."""

# A group is asked only when a cause whose entry in spasm_edu/causes.py names it in
# ``warning_groups`` is picked (or one of the group's boxes is already ticked, e.g. from step
# 3); every other group is asked of everyone. The emergency group comes first for everyone, so
# no emergency question is ever skipped.


class Level(IntEnum):
    """Urgency, ordered: ``Level.urgent > Level.see_doctor``. ``str(level)`` is its id."""

    self_care = 0
    see_doctor = 1
    urgent = 2
    emergency = 3

    def __str__(self) -> str:
        return self.name


LEVELS: tuple[Level, ...] = tuple(Level)
assert tuple(x.name for x in LEVELS) == LEVEL_IDS


class UnknownFindingError(check.InputError):
    """One or more finding ids are not in data/red_flags.csv. ``unknown`` lists them."""

    def __init__(self, unknown: list[str], valid: list[str]):
        self.unknown, self.valid = unknown, valid
        check.InputError.__init__(
            self, "findings", unknown, "finding ids from data/red_flags.csv: " + ", ".join(valid)
        )
        self.args = (
            f"unknown finding id(s): {', '.join(unknown)}. "
            f"Valid ids (data/red_flags.csv): {', '.join(valid)}",
        )


@dataclass(frozen=True)
class Reason:
    """One finding or rule behind an assessment."""

    finding_or_rule: str  # a finding_id or a rule_id
    kind: Literal["finding", "rule"]
    level: Level
    why: str
    what_to_do: str | None
    source_ids: tuple[str, ...]
    basis: str  # level_basis: source, textbook or safety_choice
    findings: tuple[str, ...]  # the finding ids it rests on (one for a finding)

    def to_dict(self) -> dict:
        return {
            "id": self.finding_or_rule,
            "kind": self.kind,
            "level": self.level.name,
            "why": self.why,
            "what_to_do": self.what_to_do,
            "source_ids": list(self.source_ids),
            "basis": self.basis,
            "findings": list(self.findings),
        }


@dataclass(frozen=True)
class Assessment:
    """The level, every reason behind it (highest first) and what to do now."""

    level: Level
    reasons: tuple[Reason, ...]
    advice: str
    findings: tuple[str, ...]
    watch_for: tuple[str, ...]  # signs that would make it more urgent (general + the causes')
    source_ids: tuple[str, ...]
    causes: tuple[str, ...] = ()  # the picked causes whose signs count for watch_for
    if_worse: tuple[str, ...] = ()  # urgent only: the emergency signs that fit this person

    @property
    def top_reasons(self) -> tuple[Reason, ...]:
        """The reasons that set the level (none when the level is self_care)."""
        if self.level == Level.self_care:
            return ()
        return tuple(r for r in self.reasons if r.level == self.level)

    def to_dict(self) -> dict:
        return {
            "level": self.level.name,
            "reasons": [r.to_dict() for r in self.reasons],
            "advice": self.advice,
            "findings": list(self.findings),
            "source_ids": list(self.source_ids),
        }


@dataclass(frozen=True)
class _Engine:
    flags: dict  # finding_id -> RedFlagRow, in file order
    rules: tuple  # RuleRow
    levels: dict  # level id -> LevelRow
    finding_reasons: dict  # finding_id -> Reason
    rule_reasons: dict  # rule_id -> Reason
    order: dict  # finding/rule id -> position, for stable ordering


def _reason(row, kind: str) -> Reason:
    ident = row.finding_id if kind == "finding" else row.rule_id
    return Reason(
        finding_or_rule=ident,
        kind=kind,
        level=Level[row.level],
        why=row.why,
        what_to_do=row.what_to_do,
        source_ids=tuple(row.source_ids),
        basis=row.level_basis,
        findings=(ident,) if kind == "finding" else row.findings,
    )


@functools.cache
def engine(data_dir: Path = facts.DATA_DIR) -> _Engine:
    """Load and cross-check the three tables once (FactsError names file, row and column).

    ``data_dir`` exists so tests can point at a copy of ``data/`` with a broken file."""
    flags_table = facts.table(FLAGS, data_dir)
    rules_table = facts.table(RULES, data_dir)
    levels_table = facts.table(LEVELS_FILE, data_dir)
    if [r.level for r in levels_table] != list(LEVEL_IDS):
        raise facts.FactsError(LEVELS_FILE, f"rows must be the levels in order: {LEVEL_IDS}")
    causes = set(facts.table("causes.csv", data_dir).by_id) | {"all"}
    flags = flags_table.by_id
    for file, table in ((FLAGS, flags_table), (RULES, rules_table)):
        for line, row in enumerate(table, start=2):
            for cause in (row.shown_for or "").split(";") if row.shown_for else ():
                if cause not in causes:
                    raise facts.FactsError(
                        file, f"{cause!r} is not 'all' or a cause id", row=line, column="shown_for"
                    )
    for line, rule in enumerate(rules_table, start=2):
        for fid in rule.findings:
            if fid not in flags:
                raise facts.FactsError(
                    RULES, f"{fid!r} is not a finding_id in data/red_flags.csv", line, "all_of"
                )
        if Level[rule.level] < max(Level[flags[f].level] for f in rule.findings):
            raise facts.FactsError(
                RULES,
                "the rule's level is below the level of one of its findings (misleading)",
                line,
                "level",
            )
    order = {fid: i for i, fid in enumerate(flags)}
    order |= {r.rule_id: len(order) + i for i, r in enumerate(rules_table)}
    return _Engine(
        flags=dict(flags),
        rules=tuple(rules_table),
        levels=dict(levels_table.by_id),
        finding_reasons={fid: _reason(row, "finding") for fid, row in flags.items()},
        rule_reasons={r.rule_id: _reason(r, "rule") for r in rules_table},
        order=order,
    )


def finding_ids() -> list[str]:
    """Every valid finding id, in data order."""
    return list(engine().flags)


def questions() -> dict[str, list[tuple[str, str]]]:
    """``{group: [(finding_id, question), ...]}`` in data order, groups in GROUPS order."""
    out: dict[str, list[tuple[str, str]]] = {g: [] for g in GROUPS}
    for fid, row in engine().flags.items():
        out[row.group].append((fid, row.question))
    return out


def emergency_findings() -> list[str]:
    """Findings that the data put at ``emergency`` on their own."""
    return [fid for fid, row in engine().flags.items() if row.level == "emergency"]


def rule_findings(at_least: Level = Level.urgent) -> frozenset[str]:
    """Findings that are part of a rule at ``at_least`` or above (data/red_flag_rules.csv).

    A patient's page never leaves one of these out for a cause that was not picked: "a new
    medicine" is a 'see a doctor soon' sign of the medicines cause, but with stiff muscles all
    over it is an emergency for anyone (issue 11, questions hidden by the path). ``at_least``: a
    Level or a level id (InputError, a ValueError, for anything else)."""
    name = at_least.name if isinstance(at_least, Level) else None
    lowest = Level[name or check.choice("at_least", at_least, LEVEL_IDS)]
    eng = engine()
    return frozenset(f for r in eng.rules if Level[r.level] >= lowest for f in r.findings)


def _validated(findings: object) -> frozenset[str]:
    if isinstance(findings, str | bytes | Mapping) or not isinstance(findings, Iterable):
        raise check.InputError(
            "findings", findings, "a list, tuple or set of finding ids (strings), not one string"
        )
    items = list(findings)
    bad_types = [x for x in items if not isinstance(x, str)]
    if bad_types:
        raise check.InputError("findings", bad_types, "finding ids written as strings")
    valid = engine().flags
    unknown = sorted({x for x in items if x not in valid})
    if unknown:
        raise UnknownFindingError(unknown, list(valid))
    return frozenset(items)


def groups_for(causes: Iterable[str] = (), ticked: Iterable[str] = ()) -> tuple[str, ...]:
    """The question groups to ask, in order: every group except those a cause asks for
    (:func:`spasm_edu.causes.group_causes`) that fit none of ``causes`` and hold none of the
    ``ticked`` findings (nor one of the findings that open the group, :data:`OPENED_BY`)."""
    causes, ticked = set(_validated_causes(causes)), set(_validated(ticked))
    eng = engine()
    group_causes = cause_registry.group_causes()
    out = []
    for group in GROUPS:
        needs = group_causes.get(group)
        in_group = {fid for fid, row in eng.flags.items() if row.group == group}
        opened = ticked & set(OPENED_BY.get(group, ()))
        if needs is None or causes & set(needs) or ticked & in_group or opened:
            out.append(group)
    return tuple(out)


def _signs_that_fit(eng: _Engine, chosen: frozenset, causes: tuple[str, ...], above: Level):
    """Signs (finding or rule ``sign`` text) above ``above`` that fit this person: the
    emergency signs shown for everyone, the signs of a picked cause, and the signs that share a
    finding or a question group with what was ticked. Those sharing a finding
    or a group with what was ticked come first (a back spasm with numbness: the cauda equina
    signs first), then by level, then file order. Signs already ticked are left out."""
    groups = {eng.flags[f].group for f in chosen} & set(NEAR_GROUPS)
    rows = [(r, "finding") for r in eng.flags.values()] + [(r, "rule") for r in eng.rules]
    picked = []
    for row, kind in rows:
        ident = row.finding_id if kind == "finding" else row.rule_id
        needed = {ident} if kind == "finding" else set(row.findings)
        if not row.sign or Level[row.level] <= above or needed <= chosen:
            continue
        targets = set(_shown_for(row))
        row_groups = {eng.flags[f].group for f in needed}
        near = bool(needed & chosen) or bool(row_groups & groups)
        general = "all" in targets and Level[row.level] == Level.emergency
        if not (near or general or targets & set(causes)):
            continue  # general signs below emergency stay in the "when to see a doctor" list
        picked.append((not near, -Level[row.level], eng.order[ident], row.sign))
    return tuple(dict.fromkeys(sign for *_, sign in sorted(picked)))


def assess(findings: Iterable[str] = (), causes: Iterable[str] = ()) -> Assessment:
    """How urgent a set of findings is, with every reason and its sources.

    ``findings``: finding ids from data/red_flags.csv (list, tuple or set; order and repeats do
    not matter). No findings -> ``self_care`` with self-care advice and what to watch for.
    ``causes``: cause ids the person picked; their own warning signs join the general ones in
    ``watch_for`` and ``if_worse`` (the level never depends on them).
    Raises :class:`~spasm_edu.validation.InputError` (a ValueError) for a wrong type, and
    :class:`UnknownFindingError` (a ValueError listing every valid id) for an unknown id.
    """
    chosen = _validated(findings)
    eng = engine()
    reasons = [eng.finding_reasons[f] for f in chosen]
    reasons += [eng.rule_reasons[r.rule_id] for r in eng.rules if chosen.issuperset(r.findings)]
    # highest level first; at one level a rule (the more specific reason) before its findings
    reasons.sort(key=lambda r: (-r.level, r.kind == "finding", eng.order[r.finding_or_rule]))
    level = max((r.level for r in reasons), default=Level.self_care)
    top_actions = []
    if level > Level.self_care:
        for r in reasons:
            if r.level == level and r.what_to_do and r.what_to_do not in top_actions:
                top_actions.append(r.what_to_do)
    level_row = eng.levels[level.name]
    advice = " ".join(top_actions) if top_actions else level_row.advice
    if level == Level.self_care:  # e.g. a back spasm alone: "see a doctor if not better in weeks"
        extra = [r.what_to_do for r in reasons if r.what_to_do and r.what_to_do not in advice]
        advice = " ".join([advice, *dict.fromkeys(extra)])
    picked_causes = _validated_causes(causes)
    watch = _signs_that_fit(eng, chosen, picked_causes, level)
    if_worse = (
        _signs_that_fit(eng, chosen, picked_causes, Level.urgent) if level == Level.urgent else ()
    )
    sources = {s for r in reasons for s in r.source_ids} | set(level_row.source_ids)
    return Assessment(
        level=level,
        reasons=tuple(reasons),
        advice=advice,
        findings=tuple(sorted(chosen, key=eng.order.__getitem__)),
        watch_for=watch,
        source_ids=tuple(sorted(sources)),
        causes=picked_causes,
        if_worse=if_worse,
    )


def _validated_causes(causes: object) -> tuple[str, ...]:
    if isinstance(causes, str | bytes | Mapping) or not isinstance(causes, Iterable):
        raise check.InputError("causes", causes, "a list of cause ids from data/causes.csv")
    valid = facts.table("causes.csv").by_id
    out = []
    for cause in causes:
        check.choice("causes", cause, valid)
        if cause not in out:
            out.append(cause)
    return tuple(out)


@dataclass(frozen=True)
class Flag:
    """One sign in a "When to see a doctor" list: a finding or a rule with a ``sign``."""

    id: str  # the finding_id or rule_id
    kind: Literal["finding", "rule"]
    level: Level
    sign: str  # the statement shown in the list
    question: str | None  # the finding's yes/no question (None for a rule)
    findings: tuple[str, ...]  # the finding ids it rests on (one for a finding)
    source_ids: tuple[str, ...]
    general: bool  # shown for every cause (``shown_for`` is ``all``)

    @property
    def source_id(self) -> str:
        """The source ids joined with ``;``, as written in the CSV files."""
        return ";".join(self.source_ids)


def _shown_for(row) -> tuple[str, ...]:
    return tuple(row.shown_for.split(";")) if row.shown_for else ()


def flags_for(cause: str | None = None, general: bool = True) -> tuple[Flag, ...]:
    """The signs a cause's "When to see a doctor" lists, highest level first, then file order.

    ``cause``: a cause id from data/causes.csv, or None for the signs shown everywhere.
    ``general``: include the signs shown for every cause (``shown_for`` = ``all``); with
    ``general=False`` only the rows that name the cause are returned. Drawn from the rows of
    data/red_flags.csv and data/red_flag_rules.csv that have a ``sign`` and a ``shown_for``;
    the same sign text at two levels is kept once, at the higher level. Self-care rows are
    never listed. Raises InputError for an unknown cause id or a ``general`` that is not a bool.
    """
    eng = engine()
    if cause is not None:
        check.choice("cause", cause, facts.table("causes.csv").by_id)
    return _flags_for(eng, cause, check.flag("general", general))


def _flags_for(eng: _Engine, cause: str | None, general: bool) -> tuple[Flag, ...]:
    found: dict[str, Flag] = {}
    rows = [(row, "finding") for row in eng.flags.values()] + [(r, "rule") for r in eng.rules]
    for row, kind in rows:
        targets = _shown_for(row)
        is_general = "all" in targets
        wanted = (general and is_general) or (cause is not None and cause in targets)
        if not (wanted and row.sign) or row.level == "self_care":
            continue
        reason = (eng.finding_reasons if kind == "finding" else eng.rule_reasons)[
            row.finding_id if kind == "finding" else row.rule_id
        ]
        flag = Flag(
            id=reason.finding_or_rule,
            kind=kind,
            level=reason.level,
            sign=row.sign,
            question=row.question if kind == "finding" else None,
            findings=reason.findings,
            source_ids=reason.source_ids,
            general=is_general,
        )
        key = " ".join(row.sign.lower().split())
        if key not in found or flag.level > found[key].level:
            found[key] = flag
    return tuple(sorted(found.values(), key=lambda f: (-f.level, eng.order[f.id])))


HISTORY = ("cancer_history", "iv_drug_use", "long_term_steroids")
"""Findings about a person's past, not signs that can start later: a combined sign that rests
on one of them (``back_iv_drug_use``: "a back spasm and you have injected drugs") is left off
the handout of a patient who was asked and did not tick it."""


CORE = "handout_emergency_core.csv"


def core_emergency_ids() -> tuple[str, ...]:
    """The emergency findings every handout's 911 box lists (data/handout_emergency_core.csv:
    what a public "when to call 999" page names for everyone), in file order. Raises
    FactsError when a row is not a finding of red_flags.csv at level emergency."""
    eng = engine()
    out = []
    for line, row in enumerate(facts.table(CORE), start=2):
        flag = eng.flags.get(row.finding_id)
        if flag is None or flag.level != "emergency":
            raise facts.FactsError(
                CORE, f"{row.finding_id!r} is not an emergency finding of {FLAGS}", line,
                "finding_id",
            )  # fmt: skip
        out.append(row.finding_id)
    return tuple(out)


def _cause_sources(eng: _Engine, causes) -> set[str]:
    """The sources of the picked causes' own warning signs (rows whose shown_for names one)."""
    rows = [*eng.flags.values(), *eng.rules]
    return {s for r in rows if set(_shown_for(r)) & set(causes) for s in r.source_ids}


def handout_flags(causes: Iterable[str] = (), ticked: Iterable[str] = ()) -> tuple[Flag, ...]:
    """The warning signs for one patient's handout, each once at its highest level, highest
    level first. The rule (issue 12 item 5):

    * at each level this patient's own signs come first: the signs of the picked ``causes``
      (``shown_for`` names one), every sign below emergency the patient was shown on screen
      (``assess(ticked, causes)``'s ``if_worse`` and ``watch_for``, in that order: a back spasm
      with numbness puts cauda equina first) and every sign the patient ticked, so a patient's
      own emergency signs print on page 1 (the independent review, B fix 1);
    * then the short core list every handout gives (:func:`core_emergency_ids`, from a "when
      to call 999" page), in file order;
    * an emergency sign shown for everyone (``shown_for`` = ``all``) that is not in the core
      list is on it only when it fits this patient: it rests on a ticked finding, or it shares
      a source with the picked causes' own signs (heat stroke for a fluid or overuse cause).
      The box's last line, "Call 911 for any sudden, severe or frightening new symptom",
      stands for the rest (step 4 still asks every emergency question of everyone);
    * not on it: a sign of a question group the patient was not asked (``groups_for``; the
      emergency questions are asked of everyone), the general signs below emergency that fit
      none of the causes (as on screen), and a combined sign resting on a :data:`HISTORY`
      finding asked and not ticked. A sign below emergency shown on screen is never left off.
    """
    picked = _validated_causes(causes)
    chosen = _validated(ticked)
    eng = engine()
    core = core_emergency_ids()
    core_rank = {fid: i for i, fid in enumerate(core)}
    cause_sources = _cause_sources(eng, picked)
    asked = set(groups_for(picked, chosen))
    result = assess(chosen, picked)
    screen = list(dict.fromkeys((*result.if_worse, *result.watch_for)))
    rank = {sign: i for i, sign in enumerate(screen)}

    def was_asked(fid: str) -> bool:
        row = eng.flags[fid]
        return row.level == "emergency" or row.group in asked

    found: dict[str, tuple] = {}
    rows = [(row, "finding") for row in eng.flags.values()] + [(r, "rule") for r in eng.rules]
    for row, kind in rows:
        if not row.sign or row.level == "self_care":
            continue
        ident = row.finding_id if kind == "finding" else row.rule_id
        needed = (ident,) if kind == "finding" else tuple(row.findings)
        targets = set(_shown_for(row))
        level = Level[row.level]
        in_core = ident in core_rank
        everyone = "all" in targets and level == Level.emergency
        near = bool(set(needed) & chosen)
        mine = bool(targets & set(picked)) or set(needed) <= chosen or near
        if everyone and not in_core and not mine:
            mine = bool(set(row.source_ids) & cause_sources)  # fits a picked cause
        on_screen = row.sign in rank and not everyone  # everyone's signs: the core list
        if not (in_core or on_screen or mine):
            continue
        if not on_screen and not in_core:
            if not all(was_asked(f) for f in needed):
                continue
            if any(f in HISTORY and f not in chosen and was_asked(f) for f in needed):
                continue
        reason = (eng.finding_reasons if kind == "finding" else eng.rule_reasons)[ident]
        level = max(level, _with_what_she_has(eng, needed, chosen))
        flag = Flag(
            id=ident,
            kind=kind,
            level=level,
            sign=row.sign,
            question=row.question if kind == "finding" else None,
            findings=reason.findings,
            source_ids=reason.source_ids,
            general="all" in targets,
        )
        key = " ".join(row.sign.lower().split())
        own = mine or on_screen
        near_rank = rank.get(row.sign, len(rank)) if own else core_rank[ident]
        order = (-level, not own, near_rank, eng.order[ident])  # own signs before the core
        if key not in found or order < found[key][0]:
            found[key] = (order, flag)
    return tuple(flag for _, flag in sorted(found.values(), key=lambda x: x[0]))


def _with_what_she_has(eng, needed: tuple[str, ...], chosen: set[str]) -> Level:
    """The level a sign has for this patient: a sign that, with what she has ticked already,
    completes a rule of a higher level is said at that level (with numbness ticked, "a back
    spasm and a fever" is a 911 sign for her, not "today": the fourth independent review)."""
    have = set(needed) | chosen
    levels = [
        Level[r.level]
        for r in eng.rules
        if set(r.findings) & set(needed) and set(r.findings) <= have
    ]
    return max(levels, default=Level.self_care)


def level_row(level: Level | str):
    """The data/triage_levels.csv row of a level (badge word, heading, advice)."""
    name = level.name if isinstance(level, Level) else check.choice("level", level, LEVEL_IDS)
    return engine().levels[name]

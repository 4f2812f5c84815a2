"""Triage tables: urgency levels, red-flag findings and the rules that combine findings.

- ``triage_levels.csv``  the four levels in order, the word on the badge, the default advice.
- ``red_flags.csv``      one row per finding a patient can answer yes to (a question).
- ``red_flag_rules.csv`` combinations of findings that raise the level further.

A finding's ``level`` is the level it raises to *on its own*; a context finding (``self_care``)
raises nothing by itself and matters only through a rule. ``level_basis`` says how sure the
level is: ``source`` (the cited source puts it there), ``textbook`` (standard teaching, no
retrievable source found), or ``safety_choice`` (the sources put the finding at this level in a
combination; alone we choose the same or a lower level to be safe — see data/README.md).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from spasm_edu.schema.base import FactRow, Id, IdList, TableSpec, Text

LEVELS = ("self_care", "see_doctor", "urgent", "emergency")
"""Urgency levels, lowest first."""

LevelId = Literal["self_care", "see_doctor", "urgent", "emergency"]
Group = Literal[
    "act_now", "how_often", "what_else", "back", "injury_exertion", "medicine", "other", "pregnancy"
]
"""Question groups, in the order a patient is asked them (models.triage.GROUPS reads it)."""
Basis = Literal["source", "textbook", "safety_choice"]

EMERGENCY_WORDS = ("911", "emergency department")
URGENT_WORDS = ("today",)


def _check_what_to_do(level: str, what_to_do: str | None) -> None:
    """Urgent and emergency rows must say exactly what to do now, in plain words."""
    if level in ("urgent", "emergency") and not what_to_do:
        raise ValueError(f"what_to_do is required when level is {level}")
    if level == "emergency" and not any(w in what_to_do for w in EMERGENCY_WORDS):
        raise ValueError("an emergency what_to_do must say 'call 911 …' or 'emergency department'")
    if level == "urgent" and not any(w in what_to_do for w in URGENT_WORDS):
        raise ValueError("an urgent what_to_do must say what to do 'today'")


class LevelRow(FactRow):
    level: LevelId
    rank: int = Field(ge=0, le=3)
    badge: Text  # the word(s) on the badge, never colour alone
    heading: Text  # lead-in for a list of signs at this level ("See a doctor soon if")
    what_to_do: Text
    advice: Text  # what to do at this level, plain words

    @model_validator(mode="after")
    def _rank_matches_order(self):
        if LEVELS.index(self.level) != self.rank:
            raise ValueError(f"rank of {self.level} must be {LEVELS.index(self.level)}")
        _check_what_to_do(self.level, self.what_to_do)
        return self


class RedFlagRow(FactRow):
    finding_id: Id
    group: Group
    question: Text  # a yes/no question a patient can answer, FK grade <= 7
    level: LevelId  # the level this finding raises to on its own
    why: Text  # one plain sentence
    what_to_do: Text | None = None  # required for urgent and emergency
    sign: Text | None = None  # statement for "When to see a doctor" lists (None: not listed)
    shown_for: IdList | None = None  # "all" or ;-separated cause ids whose notebooks list it
    level_basis: Basis

    @field_validator("question")
    @classmethod
    def _is_a_question(cls, value: str) -> str:
        if not value.endswith("?"):
            raise ValueError("question must end with a question mark")
        return value

    @model_validator(mode="after")
    def _consistent(self):
        _check_what_to_do(self.level, self.what_to_do)
        if self.shown_for and not self.sign:
            raise ValueError("a row with shown_for needs a sign to show")
        return self


class RuleRow(FactRow):
    rule_id: Id
    all_of: IdList  # ;-separated finding ids that must all be present
    level: LevelId
    why: Text
    what_to_do: Text | None = None
    sign: Text | None = None
    shown_for: IdList | None = None
    level_basis: Basis

    @model_validator(mode="after")
    def _consistent(self):
        if len(self.findings) < 2:
            raise ValueError("a rule combines at least two findings (one finding: red_flags.csv)")
        if len(set(self.findings)) != len(self.findings):
            raise ValueError("all_of names a finding twice")
        _check_what_to_do(self.level, self.what_to_do)
        if self.shown_for and not self.sign:
            raise ValueError("a row with shown_for needs a sign to show")
        return self

    @property
    def findings(self) -> tuple[str, ...]:
        return tuple(self.all_of.split(";"))


TABLES = [
    TableSpec("triage_levels.csv", LevelRow, "level", "Triage urgency levels, lowest first."),
    TableSpec("red_flags.csv", RedFlagRow, "finding_id", "Red-flag findings and their level."),
    TableSpec(
        "red_flag_rules.csv", RuleRow, "rule_id", "Combinations of findings that raise urgency."
    ),
]

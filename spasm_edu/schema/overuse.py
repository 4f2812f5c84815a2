"""Overuse tables: sourced tips and when each applies, and the questions no source answers."""

from __future__ import annotations

from typing import Literal

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text

Condition = Literal[
    "always",
    "active",
    "no_warm_up",
    "no_stretch",
    "more_than_usual",
    "hard",
    "holds_position",
    "no_breaks",
]


class TipRow(FactRow):
    tip_id: Id
    applies_when: Condition
    text: Text
    student_note: Text


class UnknownRow(FactRow):
    question_id: Id
    question: Text
    answer: Text
    student_note: Text


TABLES = [
    TableSpec(
        "overuse_tips.csv",
        TipRow,
        "tip_id",
        "Sourced tips for exercise and work load, and the input condition each applies to.",
    ),
    TableSpec(
        "overuse_unknowns.csv",
        UnknownRow,
        "question_id",
        "Questions about load and cramps that no source answers with a number.",
    ),
]

"""Triage on the patient's own path: situations told in a patient's words, answered only from the
wording of the red-flag questions (tests/triage_situations.yaml).

Each situation names the boxes a layperson would tick by a piece of the question text, never by
finding id, so a question reworded until it no longer fits the story fails here. The level must
fall in the situation's acceptable range: below it is under-triage (unsafe), above it is
over-triage. Every emergency situation must reach emergency.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spasm_edu import facts
from spasm_edu.models import triage
from spasm_edu.models.triage import Level
from tests.conftest import rewrite

SITUATIONS_FILE = Path(__file__).with_name("triage_situations.yaml")
SITUATIONS = yaml.safe_load(SITUATIONS_FILE.read_text(encoding="utf-8"))


def question_for(piece: str) -> str:
    """The one finding whose question contains ``piece`` (case-insensitive)."""
    hits = [
        fid for fid, row in triage.engine().flags.items() if piece.lower() in row.question.lower()
    ]
    assert len(hits) == 1, (
        f"{piece!r} must match exactly one question in data/red_flags.csv; matches {hits}"
    )
    return hits[0]


def ticked(situation: dict) -> list[str]:
    return [question_for(piece) for piece in situation["ticks"]]


def test_there_are_at_least_forty_situations_with_every_part():
    assert len(SITUATIONS) >= 40
    ids = [s["id"] for s in SITUATIONS]
    assert len(ids) == len(set(ids)), "situation ids must be unique"
    sources = facts.table("sources.csv").by_id
    for s in SITUATIONS:
        assert set(s) == {"id", "says", "ticks", "level", "source"}, s["id"]
        assert len(s["says"].split()) >= 6, s["id"]  # a story, not a finding id
        low, high = (Level[x] for x in s["level"])
        assert low <= high, s["id"]
        assert s["source"] and set(s["source"]) <= set(sources), s["id"]
    emergencies = [s for s in SITUATIONS if s["level"][0] == "emergency"]
    assert len(emergencies) >= 15


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["id"] for s in SITUATIONS])
def test_situation_is_not_under_triaged(situation):
    result = triage.assess(ticked(situation))
    low = Level[situation["level"][0]]
    assert result.level >= low, (
        f"{situation['id']}: {situation['says']!r} gives {result.level.name}, needs at least "
        f"{low.name} (sources: {', '.join(situation['source'])})"
    )
    if low == Level.emergency:
        assert "911" in result.advice or "emergency department" in result.advice


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["id"] for s in SITUATIONS])
def test_situation_is_not_over_triaged(situation):
    result = triage.assess(ticked(situation))
    high = Level[situation["level"][1]]
    assert result.level <= high, (
        f"{situation['id']}: {situation['says']!r} gives {result.level.name}, at most "
        f"{high.name} expected"
    )


def test_a_question_piece_that_fits_no_question_fails_loudly():
    with pytest.raises(AssertionError, match="exactly one question"):
        question_for("this text is in no question at all")
    with pytest.raises(AssertionError, match="exactly one question"):
        question_for("you")  # too vague: matches many


def test_the_under_triage_check_can_fail(data_copy, monkeypatch):
    # a maintainer lowers the stroke question to 'see a doctor' and drops the sudden-signs rule:
    # the stroke story must then fail as under-triaged
    rewrite(
        data_copy / "red_flags.csv",
        'today or in the last few days?",emergency,',
        'today or in the last few days?",see_doctor,',
    )
    broken = triage.engine(data_copy)
    monkeypatch.setattr(triage, "engine", lambda data_dir=None: broken)
    stroke = next(s for s in SITUATIONS if s["id"] == "stroke_fast")
    with pytest.raises(AssertionError, match="stroke_fast.*needs at least emergency"):
        test_situation_is_not_under_triaged(stroke)

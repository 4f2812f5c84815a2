"""Classroom material: the instructor guide, the generated answer key, answers kept out of
student notebooks, and the licence footer of every notebook."""

from __future__ import annotations

import json
import re

import pytest

from spasm_edu import facts
from spasm_edu.tooling import answer_key, course, guide

NOTEBOOKS = sorted(course.NOTEBOOK_DIR.glob("*.ipynb"))
GUIDE = guide.GUIDE_PATH.read_text(encoding="utf-8")


def test_answer_key_is_up_to_date():
    assert answer_key.KEY_PATH.read_text(encoding="utf-8") == answer_key.answer_key_markdown(), (
        "run `make sync` (python -m spasm_edu.tooling.answer_key --write)"
    )


def test_answer_key_marks_every_right_answer():
    key = answer_key.answer_key_markdown()
    for q in facts.table("quiz.csv"):
        right = dict((x, c) for x, c, _ in q.choices())[q.correct]
        assert f"Answer: **{q.correct}) {right}** · id `{q.question_id}`" in key


def test_answer_key_check_flag_reports_staleness(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(answer_key, "KEY_PATH", tmp_path / "answer-key.md")
    assert answer_key.main(["--check"]) == 1
    assert answer_key.main(["--write"]) == 0
    assert answer_key.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_no_notebook_holds_an_answer():
    """Student notebooks carry only Quiz(...) calls; answers live in data/quiz.csv."""
    for path in NOTEBOOKS:
        raw = path.read_text(encoding="utf-8")
        assert "answer key" not in raw.lower(), path.name
        for q in facts.table("quiz.csv"):
            right_feedback = dict((x, f) for x, _, f in q.choices())[q.correct]
            assert json.dumps(right_feedback)[1:-1] not in raw, (path.name, q.question_id)


def test_guide_objectives_are_up_to_date():
    assert guide.render(GUIDE) == GUIDE, "run `make sync` (python -m spasm_edu.tooling.guide)"


def test_guide_covers_every_notebook_in_the_contents():
    for row in facts.table("notebooks.csv"):
        assert f"(`{row.notebook}`" in GUIDE, row.notebook


def test_guide_objectives_come_from_the_notebooks():
    bullets, minutes = guide.objectives(course.NOTEBOOK_DIR / "spasm_diary.ipynb")
    assert 3 <= len(bullets) <= 5 and minutes == 40
    for b in bullets:
        assert f"- {b}" in GUIDE


def test_guide_check_flag_reports_staleness(tmp_path, monkeypatch):
    stale = tmp_path / "guide.md"
    stale.write_text(GUIDE.replace("| 13 | Spasm diary", "| 13 | Old title"), encoding="utf-8")
    monkeypatch.setattr(guide, "GUIDE_PATH", stale)
    assert guide.main(["--check"]) == 1
    assert guide.main([]) == 0 and guide.main(["--check"]) == 0


def _plan_minutes(heading: str) -> list[int]:
    section = GUIDE.split(heading, 1)[1].split("\n## ", 1)[0]
    return [int(m) for m in re.findall(r"^\| (\d+) \| \d:\d\d–\d:\d\d \|", section, re.M)]


@pytest.mark.parametrize(
    ("heading", "total"), [("## A 50-minute lesson", 50), ("## A 2-hour lab", 120)]
)
def test_lesson_plans_add_up(heading, total):
    minutes = _plan_minutes(heading)
    assert len(minutes) >= 5 and sum(minutes) == total


@pytest.mark.parametrize(
    ("heading", "total"), [("## A 50-minute lesson", 50), ("## A 2-hour lab", 120)]
)
def test_lesson_plan_clock_times_follow_the_minutes(heading, total):
    section = GUIDE.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+) \| (\d):(\d\d)–(\d):(\d\d) \|", section, re.M)
    clock = 0
    for minutes, h1, m1, h2, m2 in rows:
        assert int(h1) * 60 + int(m1) == clock
        clock += int(minutes)
        assert int(h2) * 60 + int(m2) == clock
    assert clock == total


def test_guide_has_every_part_the_issue_asks_for():
    for part in (
        "## Learning objectives per notebook",
        "## A 50-minute lesson",
        "## A 2-hour lab",
        "Discussion prompts",
        "## Running the patient-education role play",
        "make present",
        "[answer key](answer-key.md)",
        "## Student and instructor variants",
    ):
        assert part in GUIDE, part


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_footer_states_both_licences(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    footers = [
        "".join(c["source"])
        for c in nb["cells"]
        if "footer" in c.get("metadata", {}).get("tags", [])
    ]
    assert len(footers) == 1, "exactly one cell tagged 'footer'"
    assert "MIT" in footers[0] and "CC BY 4.0" in footers[0]


def test_every_cause_notebook_has_three_to_five_questions():
    counts = guide.quiz_counts()
    for cause in facts.table("causes.csv"):
        if (course.NOTEBOOK_DIR / cause.notebook).exists():
            assert 3 <= counts.get(cause.notebook, 0) <= 5, cause.notebook

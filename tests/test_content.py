"""Content rules every notebook follows (the template in DESIGN.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spasm_edu import DISCLAIMER, facts
from spasm_edu.tooling import course

NOTEBOOKS = sorted(course.NOTEBOOK_DIR.glob("*.ipynb"))
TEMPLATE = [
    "## What you will learn",
    "## In plain words",
    "## Try it",
    "## For nursing students",
    "## Check your understanding",
    "## When to see a doctor",
    "## Sources",
]
APPS = {"patient_session.ipynb"}  # Voila apps follow their own layout, checked by their tests


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def markdown(nb: dict) -> str:
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"00_start_here.ipynb", "02_caffeine.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_is_listed_in_the_contents(path):
    assert path.name in facts.table("notebooks.csv").by_id


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name not in APPS], ids=lambda p: p.name)
def test_notebook_follows_the_template(path):
    nb = load(path)
    text = markdown(nb)
    assert DISCLAIMER in text, "the disclaimer is missing"
    assert re.search(r"^# \S", text, re.M), "no # Title"
    assert "**Who this is for:**" in text
    assert re.search(r"\*\*Time:\*\* \d+ minutes", text)
    positions = [text.find(h) for h in TEMPLATE]
    missing = [h for h, pos in zip(TEMPLATE, positions, strict=True) if pos < 0]
    assert not missing, f"missing sections: {missing}"
    assert positions == sorted(positions), "sections are out of template order"
    outcomes = text.split("## What you will learn")[1].split("**Time:**")[0]
    assert 3 <= outcomes.count("\n- ") <= 5, "give 3-5 learning outcomes"
    assert "Call 911" in text or "emergency" in text.lower()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    nb = load(path)
    assert "widgets" not in nb["metadata"], "stored widget state"
    for c in nb["cells"]:
        if c["cell_type"] != "code":
            continue
        tags = c.get("metadata", {}).get("tags", [])
        if c.get("outputs"):
            assert "nbval-check-output" in tags, f"untagged stored output: {c['source'][:60]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_code_cells_are_one_liners_not_logic(path):
    """Notebooks hold narrative and short calls; logic lives in spasm_edu."""
    for c in load(path)["cells"]:
        if c["cell_type"] == "code":
            src = "".join(c["source"])
            assert "def " not in src and "class " not in src, src[:80]


def test_generated_cells_are_up_to_date():
    stale = course.sync(check=True)
    assert not stale, f"run `make sync`: {stale}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_sources_section_lists_what_the_notebook_uses(path):
    nb = load(path)
    meta = nb["metadata"].get("spasm", {})
    ids = course.notebook_source_ids(meta, path.name)
    sources_cell = next(
        (
            "".join(c["source"])
            for c in nb["cells"]
            if "gen:sources" in c.get("metadata", {}).get("tags", [])
        ),
        None,
    )
    if path.name in APPS and sources_cell is None:
        return
    assert sources_cell is not None
    listed = re.findall(r"\(`([a-z0-9_]+)`\)", sources_cell)
    assert listed == ids
    for data_file in meta.get("data", []):
        assert data_file in facts.specs(), f"{data_file} named in metadata is not a data table"


def test_contents_links_every_notebook_that_exists():
    start = markdown(load(course.NOTEBOOK_DIR / "00_start_here.ipynb"))
    for path in NOTEBOOKS:
        if path.name != "00_start_here.ipynb":
            assert f"]({path.name})" in start


def test_every_cause_notebook_has_a_quiz():
    quizzed = {q.notebook for q in facts.table("quiz.csv")}
    for cause in facts.table("causes.csv"):
        if (course.NOTEBOOK_DIR / cause.notebook).exists():
            assert cause.notebook in quizzed, cause.cause_id


@pytest.mark.parametrize("file", ["red_flags.csv", "red_flag_rules.csv"])
def test_shown_for_causes_exist(file):
    causes = set(facts.table("causes.csv").by_id) | {"all"}
    for row in facts.table(file):
        for cause in row.shown_for.split(";") if row.shown_for else ():
            assert cause in causes, (row, cause)


def test_the_when_to_see_a_doctor_notebook_lists_every_causes_signs():
    every = course.doctor_items(None, every=True)
    signs = {sign for _, sign, _ in every}
    for cause in facts.table("causes.csv").by_id:
        for level, sign, _ in course.doctor_items(cause):
            assert sign in signs, (cause, sign)
            assert (level, sign) in {(lvl, s) for lvl, s, _ in every} or level != "emergency"
    levels = [lvl for lvl, _, _ in every]
    order = ["emergency", "urgent", "see_doctor"]
    assert levels == sorted(levels, key=order.index), "highest level first"
    md = markdown(load(course.NOTEBOOK_DIR / "when_to_see_a_doctor.ipynb"))
    assert all(sign in md for sign in signs)

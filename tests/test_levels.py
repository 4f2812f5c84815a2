"""The urgency levels' words, colours and symbols live in one place (spasm_edu/text/levels.py,
the words in data/triage_levels.csv), and every screen reads them from there."""

from __future__ import annotations

import ast
import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spasm_edu import facts, handout, paths
from spasm_edu.models import triage
from spasm_edu.plots import triage as triage_plots
from spasm_edu.text import levels
from spasm_edu.text import session as wording

ROOT = Path(__file__).resolve().parent.parent
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


@pytest.mark.parametrize("level", [lv.name for lv in triage.LEVELS])
def test_badge_text_on_its_colour_has_wcag_contrast_of_at_least_4_5(level):
    ratio = levels.contrast(levels.INK, levels.colour(level))
    assert ratio >= 4.5, f"{level}: ink on {levels.colour(level)} is {ratio:.2f}:1 (needs 4.5:1)"


def test_the_contrast_check_can_fail():
    assert levels.contrast("#0072B2", levels.INK) < 4.5  # the old "see a doctor" blue
    assert levels.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    with pytest.raises(ValueError, match="#rrggbb"):
        levels.contrast("blue", "#ffffff")


def test_every_level_has_a_distinct_colour_a_symbol_and_words():
    assert set(levels.COLOURS) == set(levels.SYMBOLS) == {lv.name for lv in triage.LEVELS}
    assert len(set(levels.COLOURS.values())) == len(levels.COLOURS)
    for lv in triage.LEVELS:
        assert levels.badge(lv) and levels.heading(lv)


def test_no_other_module_spells_a_level_colour_or_heading():
    """The duplicates are gone: no runtime module but text/levels.py (and the palette in
    plots/__init__.py) writes a level colour, and none writes a level's heading from the data
    (except the written-out fallback list, checked below)."""
    colours = {c.lower() for c in levels.COLOURS.values()}
    headings = {r.heading for r in facts.table("triage_levels.csv")}
    allowed = {paths.PACKAGE_DIR / "text/levels.py", paths.PACKAGE_DIR / "plots/__init__.py"}
    found = []
    for path in sorted(paths.PACKAGE_DIR.rglob("*.py")):
        if path in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        for c in HEX.findall(text):
            if c.lower() in colours:
                found.append(f"{path.relative_to(ROOT)}: level colour {c}")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.strip().rstrip(":") in headings:
                    found.append(f"{path.relative_to(ROOT)}: level heading {node.value!r}")
    assert not found, "level words or colours outside spasm_edu/text/levels.py:\n" + "\n".join(
        found
    )


def test_the_written_out_fallback_headings_start_with_the_datas_headings():
    assert wording.FALLBACK_EMERGENCY_HEADING.startswith(levels.heading("emergency"))
    assert wording.FALLBACK_URGENT_HEADING.startswith(levels.heading("urgent"))


def test_a_level_colour_changed_in_levels_reaches_every_screen(monkeypatch):
    """One edit (the see_doctor fill) changes the triage badge and ladder, the neuro and spine
    chips, the electrolyte strip and the handout's level edge."""
    new = "#abcdef"
    monkeypatch.setitem(levels.COLOURS, "see_doctor", new)
    assert new in triage_plots.badge("see_doctor")
    assert new in handout.level_badge("see_doctor", levels.badge("see_doctor"))
    assessment = triage.assess(["new_medicine", "takes_water_pills"])
    assert assessment.level == triage.Level.see_doctor
    assert new in triage_plots.ladder(assessment)


# Run in a fresh process: facts are read once per process, from $SPASM_DATA_DIR.
PROBE = """
import json
from spasm_edu import handout
from spasm_edu.tooling import course
from spasm_edu.text import levels
session = handout.demo_session()
body = handout.render_body(session.handout_data())
print(json.dumps({
    "heading": levels.heading("see_doctor"),
    "session": [h for h, _ in session.doctor_list()],
    "handout": body,
    "notebook": course.doctor_markdown(None, every=True),
}))
"""


def test_a_level_heading_changed_in_the_data_reaches_session_handout_and_notebook(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(facts.DATA_DIR, data)
    path = data / "triage_levels.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    new = "Ask your doctor for a visit soon if"
    for row in rows:
        if row["level"] == "see_doctor":
            row["heading"] = new
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    env = {**os.environ, facts.DATA_ENV: str(data)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=240
    )
    assert out.returncode == 0, out.stderr[-3000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["heading"] == new
    assert new in seen["session"], seen["session"]  # step 4's and the summary's sign list
    assert new in seen["handout"]
    assert f"**{new}:**" in seen["notebook"]  # what make sync writes into gen:doctor cells

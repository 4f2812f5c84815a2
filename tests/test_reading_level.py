"""Every block of patient text reads at Flesch-Kincaid grade 7 or below (textstat 0.7.4).

Blocks are found, not listed: every notebook's "## In plain words", every explorer's
patient-mode summary in its default and driven states (and its bad-input message), the
"When to see a doctor" list per cause, data/red_flags.csv questions, the handout text, the
session's fixed sentences and the urgency levels' words
(see spasm_edu/tooling/readability.py). A block above target fails with its text and grade: rewrite
the text (short sentences, everyday words), never loosen the bound.

The full table is written to test-artifacts/reading_level.md on every run
(also: `python -m spasm_edu.tooling.readability`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spasm_edu import paths
from spasm_edu.tooling import readability as rl

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SOURCES = {
    "notebook": rl.notebook_blocks,
    "explorer": rl.explorer_blocks,
    "see_a_doctor": rl.see_a_doctor_blocks,
    "red_flags": rl.red_flag_blocks,
    "handout": rl.handout_blocks,
    "session": rl.session_blocks,
    "levels": rl.level_blocks,
}


def _collect() -> list:
    """Blocks from every source; a source that cannot even be read becomes a failing case."""
    cases = []
    for name, find in SOURCES.items():
        try:
            cases += [pytest.param(b, id=b.block_id) for b in find()]
        except Exception as exc:  # noqa: BLE001 - report it as a failing case, not a crash
            cases.append(pytest.param(exc, id=f"{name}:could-not-collect"))
    return cases


CASES = _collect()


@pytest.mark.parametrize("block", CASES)
def test_block_reads_at_grade_7_or_below(block):
    if isinstance(block, Exception):
        pytest.fail(f"could not collect patient text: {type(block).__name__}: {block}")
    grade = block.grade
    assert grade <= rl.TARGET_GRADE, (
        f"{block.block_id} reads at grade {grade:.1f} (target <= {rl.TARGET_GRADE:g}). "
        f"Use shorter sentences and everyday words. The text:\n{block.text}"
    )


def test_there_is_patient_text_from_every_kind_of_source_that_exists():
    kinds = {c.values[0].block_id.split(":")[0] for c in CASES if isinstance(c.values[0], rl.Block)}
    assert {"notebook", "explorer", "see_a_doctor", "session", "levels"} <= kinds
    if (rl.facts.DATA_DIR / "red_flags.csv").exists():
        assert "red_flags" in kinds, "data/red_flags.csv has no column the gate recognises"
    if (paths.PACKAGE_DIR / "handout.py").exists():
        assert "handout" in kinds, "spasm_edu/handout.py offers no patient_text_blocks()"


def test_every_explorer_has_patient_text():
    found = {c.values[0].block_id.split(":")[1] for c in CASES if isinstance(c.values[0], rl.Block)}
    missing = set(rl.discover.explorer_modules()) - found
    assert not missing, f"explorers with no patient-mode summary: {sorted(missing)}"


def test_report_table_is_written():
    blocks = [c.values[0] for c in CASES if isinstance(c.values[0], rl.Block)]
    ARTIFACTS.mkdir(exist_ok=True)
    report = ARTIFACTS / "reading_level.md"
    report.write_text("# Reading level per block\n\n" + rl.table(blocks) + "\n", encoding="utf-8")
    print(rl.table(blocks))
    assert report.stat().st_size > 0


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("<p>One <strong>two</strong>.</p><p>Three &amp; four</p>", "One two.\nThree & four."),
        ("## Heading\n\n- item one\n- **item** two.", "Heading.\nitem one.\nitem two."),
        ("See [the notes](notes.ipynb) now:", "See the notes now."),
        ("<style>.x{}</style><svg><text>9 mg</text></svg>Hi!", "Hi!"),
    ],
)
def test_plain_text_strips_markup(markup, plain):
    assert rl.plain_text(markup) == plain


def test_the_gate_can_fail():
    article_like = (
        "Muscle spasms are involuntary contractions of a muscle or group of muscles, frequently "
        "associated with dehydration, electrolyte imbalances, medication side effects and "
        "underlying neurological conditions that necessitate comprehensive evaluation."
    )
    assert rl.grade(article_like) > rl.TARGET_GRADE

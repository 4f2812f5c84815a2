"""Reading level of every block of patient-facing text, found automatically.

A *block* is what a patient reads in one go: a notebook's "## In plain words" section, an
explorer's patient-mode summary (default state and driven states) or its bad-input message,
the "When to see a doctor" list for a cause, each red-flag question in ``data/red_flags.csv``,
the handout text, the session's fixed sentences (``text/session.py``) and each urgency level's
words (``data/triage_levels.csv``). Each is measured with textstat 0.7.4's Flesch-Kincaid
grade after HTML tags and Markdown marks are stripped. Target: grade <= 7 (``TARGET_GRADE``).

``python -m spasm_edu.tooling.readability`` prints a table of every block (``--over`` only those
above target); ``tests/test_reading_level.py`` fails on any block above target.
"""

from __future__ import annotations

import argparse
import csv
import html
import importlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from spasm_edu import facts, paths
from spasm_edu.tooling import discover

TARGET_GRADE = 7.0
PLAIN_WORDS = "## In plain words"


@dataclass(frozen=True)
class Block:
    """One block of patient text: where it comes from and its plain text."""

    block_id: str
    text: str

    @property
    def grade(self) -> float:
        return grade(self.text)


def plain_text(markup: str) -> str:
    """Text a person reads: HTML tags, Markdown marks, links and list bullets removed.

    Each line (a heading, a list item, a paragraph) ends as a sentence, as it is read."""
    text = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>|</p>|</li>|</h\d>|</div>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[ \t]+([.,!?;:])", r"\1", text)
    text = html.unescape(text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](link) -> words
    text = re.sub(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.|>)\s+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.splitlines()]
    # A line is read as a unit (a heading, a list item): end it like a sentence if it is not.
    lines = [ln if ln[-1] in ".!?" else ln.rstrip(":;,") + "." for ln in lines if ln]
    return "\n".join(lines)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain text (textstat 0.7.4)."""
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


# -- where patient text lives ---------------------------------------------------------------
def notebook_blocks() -> Iterator[Block]:
    """The "## In plain words" section of every notebook that has one."""
    import json

    for path in discover.notebooks():
        nb = json.loads(path.read_text(encoding="utf-8"))
        md = "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        if PLAIN_WORDS not in md:
            continue
        section = md.split(PLAIN_WORDS, 1)[1]
        section = re.split(r"^#{1,2} ", section, maxsplit=1, flags=re.M)[0]
        yield Block(f"notebook:{path.stem}", plain_text(section))


def explorer_states(explorer) -> Iterator[tuple[str, object]]:
    """Drive an explorer: its default, then each control at its first, middle and last valid
    value (one control at a time, back to default after). Yields (state name, explorer)."""
    yield "default", explorer
    for name, control in explorer.controls.items():
        values = discover.control_values(control)
        picks = values if len(values) <= 3 else [values[0], values[len(values) // 2], values[-1]]
        original = control.value
        for value in picks:
            if value == original:
                continue
            control.value = value
            yield f"{name}={value}", explorer
        control.value = original


def explorer_blocks() -> Iterator[Block]:
    """Every distinct patient-mode summary (and bad-input message) of every explorer."""
    for cid, cls in discover.explorer_classes().items():
        seen: set[str] = set()
        for state, explorer in explorer_states(cls(mode="patient")):
            for part, markup in (
                ("summary", explorer.summary.value),
                ("message", explorer.message.value),
            ):
                if explorer.error is None and part == "message":
                    continue
                if explorer.error is not None and part == "summary":
                    continue  # the summary still shows the last good result
                text = plain_text(markup)
                if text and text not in seen:
                    seen.add(text)
                    yield Block(f"explorer:{cid}:{part}:{state}", text)


def see_a_doctor_blocks() -> Iterator[Block]:
    """The "When to see a doctor" list as each cause's notebook shows it."""
    from spasm_edu.tooling import course

    causes = [None, *sorted(discover.cause_ids())]
    for cause in causes:
        yield Block(f"see_a_doctor:{cause or 'all'}", plain_text(course.doctor_markdown(cause)))


# data/red_flags.csv: what a patient reads per row. The question is shown on its own; the
# sign, why and what-to-do are read together as the answer.
RED_FLAG_PARTS = {"question": ("question",), "answer": ("sign", "why", "what_to_do")}


def red_flag_blocks() -> Iterator[Block]:
    """Per row of data/red_flags.csv (when it exists): the question, and the answer text."""
    path = facts.DATA_DIR / "red_flags.csv"
    if not path.exists():
        return
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        if not any(c in header for cols in RED_FLAG_PARTS.values() for c in cols):
            raise ValueError(f"data/red_flags.csv has none of the columns {RED_FLAG_PARTS}")
        for n, row in enumerate(reader, start=2):
            row_id = row.get(header[0]) or f"row{n}"
            for part, cols in RED_FLAG_PARTS.items():
                markup = "\n".join(row[c] for c in cols if row.get(c))
                if markup:
                    yield Block(f"red_flags:{row_id}:{part}", plain_text(markup))


def handout_blocks() -> Iterator[Block]:
    """The handout's patient text, when ``spasm_edu/handout.py`` exists: the demo session's
    handout body, one block per ``<h2>`` section (the citation list under Sources is left out:
    names of organisations and papers are not patient prose; its heading is checked)."""
    if not (paths.PACKAGE_DIR / "handout.py").exists():
        return
    handout = importlib.import_module("spasm_edu.handout")
    sessions = [("", handout.demo_session)]
    if hasattr(handout, "reference_session"):  # the two sessions docs/handout-scoring.md uses
        sessions += [(f"{k}:", lambda k=k: handout.reference_session(k)) for k in "AB"]
    for tag, make in sessions:
        body = handout.render_body(make().handout_data())
        body = re.sub(  # the date
            r'<(p|span) class="spasm-made">Made on .*?</\1>', "", body, flags=re.S
        )
        sections = re.split(r"(?=<h2>)", body)
        for n, section in enumerate(sections):
            heading = re.match(r"<h2>(.*?)</h2>", section)
            name = plain_text(heading.group(1)).rstrip(".") if heading else "top"
            if name.lower() == "sources":
                continue
            # the citation list itself (names of organisations and papers) is not prose
            section = re.sub(r'<ol class="spasm-sources">.*?</ol>', "", section, flags=re.S)
            text = plain_text(section)
            if text:
                slug = re.sub(r"[^a-z]+", "_", name.lower()).strip("_")
                yield Block(f"handout:{tag}{n}:{slug}", text)


def session_blocks() -> Iterator[Block]:
    """The session's fixed sentences (every capitalised string, or tuple of strings, in
    ``spasm_edu/text/session.py``), one block per name."""
    from spasm_edu.text import session as wording

    for name, value in vars(wording).items():
        if not name.isupper() or name.endswith("_SOURCES"):
            continue
        parts = (value,) if isinstance(value, str) else value
        if isinstance(parts, tuple) and parts and all(isinstance(x, str) for x in parts):
            yield Block(f"session:{name.lower()}", plain_text("\n".join(parts)))


def level_blocks() -> Iterator[Block]:
    """Each urgency level's words as a patient reads them together (data/triage_levels.csv:
    badge, heading, what to do, advice; :mod:`spasm_edu.text.levels` shows them)."""
    for row in facts.table("triage_levels.csv"):
        parts = (row.badge, row.heading + " you have these signs", row.what_to_do, row.advice)
        yield Block(f"levels:{row.level}", plain_text("\n".join(parts)))


def all_blocks() -> list[Block]:
    """Every block of patient text the course has today."""
    return [
        *notebook_blocks(),
        *explorer_blocks(),
        *see_a_doctor_blocks(),
        *red_flag_blocks(),
        *handout_blocks(),
        *session_blocks(),
        *level_blocks(),
    ]


def table(blocks: list[Block]) -> str:
    """A Markdown table: block, grade, verdict, words."""
    lines = [
        f"| block | FK grade | target <= {TARGET_GRADE:g} | words |",
        "|---|---:|---|---:|",
    ]
    for b in blocks:
        g = b.grade
        verdict = "ok" if g <= TARGET_GRADE else "**ABOVE**"
        lines.append(f"| `{b.block_id}` | {g:.1f} | {verdict} | {len(b.text.split())} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.tooling.readability",
        description="Flesch-Kincaid grade of every block of patient text.",
    )
    parser.add_argument("--over", action="store_true", help="only blocks above the target")
    parser.add_argument("--text", action="store_true", help="print each block's text too")
    args = parser.parse_args(argv)
    blocks = all_blocks()
    shown = [b for b in blocks if b.grade > TARGET_GRADE] if args.over else blocks
    print(table(shown))
    if args.text:
        for b in shown:
            print(f"\n--- {b.block_id} (grade {b.grade:.1f})\n{b.text}")
    return 1 if any(b.grade > TARGET_GRADE for b in blocks) else 0


if __name__ == "__main__":
    sys.exit(main())

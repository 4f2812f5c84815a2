"""Keep the generated parts of docs/instructor-guide.md in step with the notebooks.

    python -m spasm_edu.tooling.guide            # rewrite the generated block(s)
    python -m spasm_edu.tooling.guide --check    # exit 1 when the guide is out of date

The learning objectives table is built from each notebook's own "## What you will learn"
bullets and "**Time:** N minutes" (the notebooks are the single source), for every notebook in
data/notebooks.csv; a notebook not written yet is listed as such. Everything outside the
``<!-- BEGIN GENERATED: name -->`` / ``<!-- END GENERATED: name -->`` markers is written by hand.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from spasm_edu import factref, facts
from spasm_edu.paths import CHECKOUT
from spasm_edu.tooling import course

GUIDE_PATH = CHECKOUT / "docs" / "instructor-guide.md"


def _markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    text = "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return factref.COMMENT.sub("", text)  # the values stay, the <!--fact …--> notes go


def objectives(path: Path) -> tuple[list[str], int | None]:
    """(bullets, minutes) from a notebook's "What you will learn" section; ([], None) if none."""
    text = _markdown(path)
    if "## What you will learn" not in text:
        return [], None
    section = text.split("## What you will learn", 1)[1]
    section = re.split(r"^## ", section, maxsplit=1, flags=re.M)[0]
    minutes = re.search(r"\*\*Time:\*\*\s*(\d+)\s*minutes", section)
    body = section.split("**Time:**")[0]
    bullets: list[str] = []
    for line in body.splitlines():
        if line.startswith("- "):
            bullets.append(line[2:].strip())
        elif bullets and line.startswith("  ") and line.strip():
            bullets[-1] += " " + line.strip()  # a wrapped bullet
    return bullets, int(minutes.group(1)) if minutes else None


def quiz_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in facts.table("quiz.csv"):
        counts[q.notebook] = counts.get(q.notebook, 0) + 1
    return counts


def objectives_markdown() -> str:
    rows = sorted(facts.table("notebooks.csv"), key=lambda r: r.order)
    quizzes = quiz_counts()
    lines = [
        "| # | Notebook | For | Time | Quiz |",
        "|---|---|---|---|---|",
    ]
    details: list[str] = []
    for r in rows:
        path = course.NOTEBOOK_DIR / r.notebook
        exists = path.exists()
        bullets, minutes = objectives(path) if exists else ([], None)
        quiz = f"{quizzes[r.notebook]} questions" if r.notebook in quizzes else "—"
        time = f"{minutes or r.minutes} min"
        lines.append(f"| {r.order} | {r.title} (`{r.notebook}`) | {r.audience} | {time} | {quiz} |")
        details += ["", f"**{r.order}. {r.title}** (`{r.notebook}`, {time})", ""]
        if not exists:
            details.append("- *Not written yet: run `make sync` when it lands.*")
        elif not bullets:
            details.append(
                '- *No "What you will learn" section (an app, not a lesson): see the role play.*'
            )
        else:
            details += [f"- {b}" for b in bullets]
    return "\n".join(lines + details)


BLOCKS = {"objectives": objectives_markdown}


def render(text: str) -> str:
    """``text`` with every generated block refreshed."""
    for name, build in BLOCKS.items():
        begin = f"<!-- BEGIN GENERATED: {name} (python -m spasm_edu.tooling.guide) -->"
        end = f"<!-- END GENERATED: {name} -->"
        if begin not in text or end not in text:
            raise ValueError(f"{GUIDE_PATH.name} has no '{begin}' ... '{end}' markers")
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{begin}\n{build()}\n{end}{tail}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spasm_edu.tooling.guide", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the guide is stale")
    args = parser.parse_args(argv)
    current = GUIDE_PATH.read_text(encoding="utf-8")
    fresh = render(current)
    if args.check:
        if fresh != current:
            print("docs/instructor-guide.md is out of date: run `make sync`")
            return 1
        print("docs/instructor-guide.md is up to date.")
        return 0
    if fresh != current:
        GUIDE_PATH.write_text(fresh, encoding="utf-8")
        print("Updated docs/instructor-guide.md")
    else:
        print("docs/instructor-guide.md is up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

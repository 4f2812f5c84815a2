"""Course tooling: the generated cells every notebook shares.

Cells tagged ``gen:<kind>`` are written from ``data/`` by ``python -m spasm_edu.course sync``
(``make sync``), never by hand:

- ``gen:nav``         previous · contents · next links (from data/notebooks.csv)
- ``gen:disclaimer``  the disclaimer (spasm_edu.DISCLAIMER)
- ``gen:contents``    the course contents with links (00_start_here only)
- ``gen:doctor``      "see a doctor if…" for the notebook's cause (the triage data:
                      data/red_flags.csv and data/red_flag_rules.csv, by ``shown_for``)
- ``gen:sources``     citations for every source the notebook uses

A notebook names what it uses in its metadata: ``{"spasm": {"cause": "caffeine",
"data": ["caffeine_drinks.csv", ...], "sources": ["seed_article"]}}``. ``sync --check``
(run by the tests) fails when a generated cell is out of date with the data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spasm_edu import DISCLAIMER, facts
from spasm_edu.models import triage
from spasm_edu.paths import folder

NOTEBOOK_DIR = folder("notebooks")  # the checkout's, or the copy in an installed wheel
LEVEL_WORDS = {
    "see_doctor": "See a doctor soon if",
    "urgent": "Get medical help today if",
    "emergency": "Call 911 or your local emergency number now if",
}


def contents() -> list:
    """Rows of data/notebooks.csv whose notebook exists, in course order."""
    rows = sorted(facts.table("notebooks.csv"), key=lambda r: r.order)
    return [r for r in rows if (NOTEBOOK_DIR / r.notebook).exists()]


def nav_markdown(name: str) -> str:
    rows = contents()
    names = [r.notebook for r in rows]
    if name not in names:
        return "[Contents](00_start_here.ipynb)"
    i = names.index(name)
    parts = []
    if i > 0:
        parts.append(f"← [{rows[i - 1].title}]({rows[i - 1].notebook})")
    if name != "00_start_here.ipynb":
        parts.append("[Contents](00_start_here.ipynb)")
    if i + 1 < len(rows):
        parts.append(f"[{rows[i + 1].title}]({rows[i + 1].notebook}) →")
    return " · ".join(parts)


def disclaimer_markdown() -> str:
    return f"> **Please note:** {DISCLAIMER}"


def contents_markdown() -> str:
    lines = ["## Contents", "", "| # | Notebook | Time | For |", "|---|---|---|---|"]
    for r in contents():
        if r.notebook == "00_start_here.ipynb":
            continue
        lines.append(f"| {r.order} | [{r.title}]({r.notebook}) | {r.minutes} min | {r.audience} |")
    return "\n".join(lines)


def doctor_items(cause: str | None, every: bool = False) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(level, sign, source_ids)`` for a notebook's "When to see a doctor", highest first.

    The same data as the triage engine: the rows of data/red_flags.csv and
    data/red_flag_rules.csv whose ``shown_for`` is ``all`` or names the cause
    (:func:`spasm_edu.models.triage.flags_for`). ``every`` lists the signs of every cause
    (the when_to_see_a_doctor notebook: metadata ``"doctor": "every"``).
    """
    if not every:
        return [(f.level.name, f.sign, f.source_ids) for f in triage.flags_for(cause)]
    best: dict[str, triage.Flag] = {}
    for cid in facts.table("causes.csv").by_id:
        for f in triage.flags_for(cid):
            if f.sign not in best or f.level > best[f.sign].level:
                best[f.sign] = f
    ordered = sorted(best.values(), key=lambda f: -f.level)  # stable: file order within a level
    return [(f.level.name, f.sign, f.source_ids) for f in ordered]


def doctor_markdown(cause: str | None, every: bool = False) -> str:
    items = doctor_items(cause, every)
    headings = {r.level: r.heading for r in facts.table("triage_levels.csv")}
    lines = ["## When to see a doctor", ""]
    for level in ("emergency", "urgent", "see_doctor"):
        chosen = [text for lvl, text, _ in items if lvl == level]
        if chosen:
            lines.append(f"**{headings.get(level, LEVEL_WORDS[level])}:**")
            lines.append("")
            lines += [f"- {text}" for text in chosen]
            lines.append("")
    lines.append(
        "Otherwise, most spasms are harmless. Stretch gently, rest, drink fluids and use warmth."
    )
    return "\n".join(lines)


def notebook_source_ids(meta: dict, name: str | None = None) -> list[str]:
    """Every source id a notebook uses: its data files' sources, its doctor advice, extras.

    From quiz.csv only the questions of notebook ``name`` count (a quiz shows only its own).
    """
    files = list(meta.get("data", []))
    ids = set(facts.sources_for(*(f for f in files if f != "quiz.csv")))
    if "quiz.csv" in files:
        quiz = facts.table("quiz.csv")
        ids |= {s for q in quiz if name is None or q.notebook == name for s in q.source_ids}
    every = meta.get("doctor") == "every"
    ids |= {s for _, _, sources in doctor_items(meta.get("cause"), every) for s in sources}
    ids |= set(meta.get("sources", []))
    return sorted(ids)


def sources_markdown(meta: dict, name: str | None = None) -> str:
    src = facts.table("sources.csv")
    lines = [
        "## Sources",
        "",
        "Every number in this notebook comes from `data/`, where each row names its source.",
        "",
    ]
    for n, sid in enumerate(notebook_source_ids(meta, name), start=1):
        row = src[sid]
        lines.append(
            f"{n}. {row.organisation}. *{row.title}*. {row.year_text.rstrip('.')}. "
            f"[{row.url_or_doi}]({row.href}) "
            f"(`{sid}`)"
        )
    return "\n".join(lines)


def generated(kind: str, name: str, meta: dict) -> str:
    if kind == "nav":
        return nav_markdown(name)
    if kind == "disclaimer":
        return disclaimer_markdown()
    if kind == "contents":
        return contents_markdown()
    if kind == "doctor":
        return doctor_markdown(meta.get("cause"), meta.get("doctor") == "every")
    if kind == "sources":
        return sources_markdown(meta, name)
    raise ValueError(f"unknown generated cell kind {kind!r} in {name}")


def sync(check: bool = False, paths: list[Path] | None = None) -> list[str]:
    """Rewrite every ``gen:*`` cell; with ``check``, only report notebooks that would change."""
    stale = []
    for path in paths or sorted(NOTEBOOK_DIR.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        meta = nb.get("metadata", {}).get("spasm", {})
        changed = False
        for cell in nb["cells"]:
            for tag in cell.get("metadata", {}).get("tags", []):
                if tag.startswith("gen:"):
                    new = generated(tag[4:], path.name, meta)
                    if "".join(cell["source"]) != new:
                        cell["source"] = new
                        changed = True
        if changed:
            stale.append(path.name)
            if not check:
                path.write_text(
                    json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
                )
    return stale


def cell(kind: str, source: str, *tags: str) -> dict:
    """A notebook cell for :func:`write_notebook`: kind is "md" or "code"."""
    import nbformat.v4 as v4

    made = v4.new_markdown_cell(source) if kind == "md" else v4.new_code_cell(source)
    if tags:
        made["metadata"]["tags"] = list(tags)
    return made


def gen(kind: str) -> dict:
    """A generated cell, filled in by :func:`sync`."""
    return cell("md", "", f"gen:{kind}")


def write_notebook(name: str, cells: list[dict], spasm_meta: dict) -> Path:
    """Write ``notebooks/<name>`` with no outputs, then fill its generated cells.

    Authoring helper: a notebook is built once from a short script, then edited in JupyterLab.
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata = {
        "kernelspec": {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        },
        "language_info": {"name": "python"},
        "spasm": spasm_meta,
    }
    nbformat.validator.normalize(nb)
    path = NOTEBOOK_DIR / name
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sync()  # fills this notebook and refreshes every other notebook's navigation
    return path


def record(paths: list[Path]) -> None:
    """Run notebooks and keep only the outputs of cells tagged ``nbval-check-output``.

    Those stored outputs are what nbval compares on every test run: teaching facts, checked.
    Every other output (and widget state) is removed, so notebooks are committed clean.
    """
    import nbformat
    from nbclient import NotebookClient

    for path in paths:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
        for c in nb.cells:
            if c.cell_type == "code":
                keep = "nbval-check-output" in c.get("metadata", {}).get("tags", [])
                if not keep:
                    c.outputs = []
                    c.execution_count = None
                c.get("metadata", {}).pop("execution", None)
        nb.metadata.pop("widgets", None)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.course", description="Regenerate the shared notebook cells."
    )
    parser.add_argument(
        "command",
        choices=["sync", "record"],
        help="sync: rewrite generated cells; record: store checked outputs",
    )
    parser.add_argument("notebooks", nargs="*", help="record: notebook paths")
    parser.add_argument(
        "--check", action="store_true", help="only report stale notebooks; exit 1 if any"
    )
    args = parser.parse_args(argv)
    if args.command == "record":
        record([Path(p) for p in args.notebooks])
        return 0
    stale = sync(check=args.check)
    if args.check and stale:
        print("Out of date (run `make sync`): " + ", ".join(stale))
        return 1
    print(("Updated: " + ", ".join(stale)) if stale else "All notebooks up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

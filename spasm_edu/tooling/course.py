"""Course tooling: the notebooks written from their text sources, and the generated cells.

Each notebook's cells live in ``content/notebooks/NAME.md`` (MyST Markdown, see
:mod:`spasm_edu.tooling.sources`); ``python -m spasm_edu.tooling.course sync`` (``make sync``)
writes ``notebooks/NAME.ipynb`` from it, keeping the notebook's stored outputs.

Cells tagged ``gen:<kind>`` are written from ``data/`` by the same sync, in the ``.md`` and the
``.ipynb``, never by hand:

- ``gen:nav``         previous · contents · next links (from data/notebooks.csv)
- ``gen:disclaimer``  the disclaimer (spasm_edu.DISCLAIMER)
- ``gen:contents``    the course contents with links (00_start_here only)
- ``gen:doctor``      "see a doctor if…" for the notebook's cause (the triage data:
                      data/red_flags.csv and data/red_flag_rules.csv, by ``shown_for``)
- ``gen:sources``     citations for every source the notebook uses

A notebook names what it uses in its metadata (the ``.md``'s front matter):
``{"spasm": {"cause": "caffeine", "data": ["caffeine_drinks.csv", ...], "sources":
["seed_article"]}}``. ``sync --check``
(run by ``make test``) fails when a notebook or a generated cell is out of date with its
source or the data, and every sync refuses to overwrite a notebook edited by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spasm_edu import DISCLAIMER, factref, facts
from spasm_edu import causes as cause_registry
from spasm_edu.models import triage
from spasm_edu.paths import folder
from spasm_edu.text import levels
from spasm_edu.tooling import sources

NOTEBOOK_DIR = folder("notebooks")  # the checkout's, or the copy in an installed wheel
STAMP_KEY = sources.STAMP


def contents() -> list:
    """Rows of data/notebooks.csv whose notebook exists, in course order."""
    rows = sorted(facts.table("notebooks.csv"), key=lambda r: r.order)
    return [
        r
        for r in rows
        if (NOTEBOOK_DIR / r.notebook).exists() or sources.source_for(r.notebook).exists()
    ]


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
    for cid in cause_registry.ids():
        for f in triage.flags_for(cid):
            if f.sign not in best or f.level > best[f.sign].level:
                best[f.sign] = f
    ordered = sorted(best.values(), key=lambda f: -f.level)  # stable: file order within a level
    return [(f.level.name, f.sign, f.source_ids) for f in ordered]


def doctor_markdown(cause: str | None, every: bool = False) -> str:
    items = doctor_items(cause, every)
    lines = ["## When to see a doctor", ""]
    for level in levels.HIGHEST_FIRST:
        chosen = [text for lvl, text, _ in items if lvl == level]
        if chosen:
            lines.append(f"**{levels.heading(level)}:**")
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
    ids |= {s for _, _, srcs in doctor_items(meta.get("cause"), every) for s in srcs}
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


def fill_generated(nb, name: str) -> bool:
    """Write every ``gen:*`` cell of ``nb`` (a notebook node) from the data; True if any changed."""
    meta = nb.metadata.get("spasm", {})
    changed = False
    for c in nb.cells:
        for tag in c.get("metadata", {}).get("tags", []):
            if tag.startswith("gen:"):
                new = generated(tag[4:], name, meta)
                if c.source != new:
                    c.source = new
                    changed = True
    return changed


def data_digest(data_dir: Path | None = None) -> str:
    """SHA-256 of every file in ``data/``: the data a notebook's stored outputs were made from."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(Path(data_dir or facts.DATA_DIR).glob("*.csv")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _has_checked_outputs(nb: dict) -> bool:
    return any(
        "nbval-check-output" in c.get("metadata", {}).get("tags", []) for c in nb.get("cells", [])
    )


def _outputs_data(nb: dict | None) -> str | None:
    return (nb or {}).get("metadata", {}).get(sources.STAMP, {}).get("data_sha256")


def sync(
    check: bool = False,
    paths: list[Path] | None = None,
    force: bool = False,
    notebook_dir: Path | None = None,
    source_dir: Path | None = None,
) -> list[str]:
    """Write each notebook from its source ``content/notebooks/NAME.md``, with fresh ``gen:*``
    cells (in both files) and the notebook's stored outputs kept; return the names of the
    notebooks that changed (with ``check``: that would change; nothing is written).

    Raises :class:`spasm_edu.tooling.sources.HandEdited` (before writing anything) when a notebook
    was edited directly since the last sync, unless ``force``; ``FileNotFoundError`` for a notebook
    without a source.
    """
    nb_dir = notebook_dir or NOTEBOOK_DIR
    src_dir = source_dir or sources.SOURCE_DIR
    if paths:
        names = [Path(p).stem for p in paths]
    else:
        names = sorted(
            {p.stem for p in nb_dir.glob("*.ipynb")} | {p.stem for p in src_dir.glob("*.md")}
        )
    plan = []
    digest = data_digest()
    for stem in names:
        notebook, source = nb_dir / f"{stem}.ipynb", src_dir / f"{stem}.md"
        if not source.exists():
            raise FileNotFoundError(
                f"{sources._rel(notebook)} has no source {sources._rel(source)}: create it with "
                f"`python -m spasm_edu.tooling.course pull {sources._rel(notebook)}`"
            )
        src = sources.read_source(source)
        fill_generated(src, notebook.name)
        try:
            factref.fill_facts(src)  # <!--fact …--> values from data/
        except factref.FactRefError as err:
            raise factref.FactRefError(f"{sources._rel(source)}, {err}") from None
        text = sources.as_text(src)
        old = sources.read_notebook(notebook) if notebook.exists() else None
        if old is not None and not force and sources.state(notebook, text) == "edited":
            raise sources.HandEdited(notebook, source)
        built = sources.build(src, old, notebook, source)
        # stored nbval outputs are re-made when data/ changed since they were recorded
        # (a new notebook has none yet: `make record` stores them the first time)
        rerun = old is not None and _has_checked_outputs(built) and _outputs_data(old) != digest
        if _has_checked_outputs(built):
            built["metadata"][sources.STAMP]["data_sha256"] = _outputs_data(old) or digest
        plan.append((stem, source, text, notebook, sources.dumps(built), rerun))
    stale = []
    for stem, source, text, notebook, new_nb, rerun in plan:
        md_changed = source.read_text(encoding="utf-8") != text
        nb_changed = not notebook.exists() or notebook.read_text(encoding="utf-8") != new_nb
        if md_changed or nb_changed or rerun:
            stale.append(f"{stem}.ipynb")
            if not check:
                if md_changed:
                    source.write_text(text, encoding="utf-8")
                if nb_changed:
                    notebook.write_text(new_nb, encoding="utf-8")
                if rerun:
                    record([notebook], data_sha256=digest)
    return stale


def pull(notebook: Path, source_dir: Path | None = None) -> Path:
    """Copy a notebook's cells and metadata into its source ``.md`` (after an edit made in the
    ``.ipynb``); :func:`sync` then regenerates the notebook from it."""
    source = sources.source_for(notebook, source_dir)
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(sources.as_text(sources.read_notebook(notebook)), encoding="utf-8")
    return source


def record(paths: list[Path], data_sha256: str | None = None) -> None:
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
        if STAMP_KEY in nb.metadata:  # the data these outputs were made from (sync re-makes them)
            nb.metadata[STAMP_KEY]["data_sha256"] = data_sha256 or data_digest()
        path.write_text(sources.dumps(nb), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.tooling.course",
        description="Write the notebooks from their sources in content/notebooks/.",
    )
    parser.add_argument(
        "command",
        choices=["sync", "record", "pull"],
        help="sync: write each notebook from its .md (and refresh generated cells); "
        "record: store checked outputs; pull: copy an edited .ipynb back into its .md",
    )
    parser.add_argument("notebooks", nargs="*", help="notebook paths (default for sync: all)")
    parser.add_argument(
        "--check", action="store_true", help="only report stale notebooks; exit 1 if any"
    )
    parser.add_argument(
        "--force", action="store_true", help="sync: overwrite notebooks edited by hand"
    )
    args = parser.parse_args(argv)
    if args.command == "record":
        record([Path(p) for p in args.notebooks])
        return 0
    if args.command == "pull":
        if not args.notebooks:
            parser.error("pull needs the notebooks to copy, e.g. notebooks/02_caffeine.ipynb")
        for p in args.notebooks:
            print(f"Wrote {sources._rel(pull(Path(p)))} from {p}")
        paths = [Path(p) for p in args.notebooks]
    else:
        paths = [Path(p) for p in args.notebooks] or None
    try:
        stale = sync(check=args.check, paths=paths, force=args.force)
    except (sources.HandEdited, FileNotFoundError, factref.FactRefError) as err:
        print(f"Not synced: {err}", file=sys.stderr)
        return 1
    problems = factref.check_all()  # derived statements to re-read, numbers that cite nothing
    if problems:
        print("Numbers to check (see CONTRIBUTING.md, 'Numbers'):", file=sys.stderr)
        print("\n".join(f"- {p}" for p in problems), file=sys.stderr)
    if args.check and stale:
        print("Out of date with content/notebooks/ or data/ (run `make sync`): " + ", ".join(stale))
        return 1
    print(("Updated: " + ", ".join(stale)) if stale else "All notebooks up to date.")
    # sync writes, then lists what to re-read; --check (make test) fails on a number that cites
    # nothing or a bad reference. A derived statement resting on a changed value fails the tests
    # (tests/test_oracle.py or tests/test_factref.py), which name it with the rest to re-read.
    blocking = [p for p in problems if p.stale is None]
    return 1 if blocking and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

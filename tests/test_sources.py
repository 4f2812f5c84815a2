"""Sources: every number in data/ cites a source that resolves; every notebook's Sources
section lists exactly what it shows; nothing is fetched from the network at run time.

Everything here is discovered (data files by glob, notebooks by glob, explorers from each
notebook's imports), so new data, notebooks and explorers are covered without editing this file.
"""

from __future__ import annotations

import ast
import csv
import json
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from spasm_edu import facts
from spasm_edu.tooling import course, discover
from spasm_edu.tooling.readability import explorer_states

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(facts.DATA_DIR.glob("*.csv"))
NOTEBOOKS = discover.notebooks()
KNOWN_SOURCES = set(facts.table("sources.csv").by_id)

# Numbers that are not facts: course layout and bibliographic data.
NOT_FACTS = {
    "sources.csv": {"year", "accessed"},
    "notebooks.csv": {"order", "minutes"},
}
# Made-up practice data, labelled as such where it is used: no fact to source.
SYNTHETIC = {"spasm_diary_synthetic.csv"}
# Columns that name things or set display order, not quantities.
NAME_COLUMNS = {"source_id", "notebook", "url_or_doi", "shown_for", "order", "rank"}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    "path", [p for p in DATA_FILES if p.name not in SYNTHETIC], ids=lambda p: p.name
)
def test_every_number_in_data_has_a_source_that_resolves(path):
    """Any row holding a number (a numeric cell, or a digit in its text) cites a source."""
    problems = unsourced_numbers(path)
    assert not problems, f"data/{path.name}:\n" + "\n".join(problems)


def unsourced_numbers(path: Path) -> list[str]:
    spec = facts.specs().get(path.name)
    id_column = spec.id_column if spec else None
    skip = NOT_FACTS.get(path.name, set()) | NAME_COLUMNS | {id_column}
    problems = []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        for line_no, row in enumerate(reader, start=2):
            numeric = [
                col
                for col, value in row.items()
                if col not in skip
                and value
                and (_is_number(value.strip()) or re.search(r"\d", value))
            ]
            if not numeric:
                continue
            ids = [s.strip() for s in (row.get("source_id") or "").split(";") if s.strip()]
            if not ids:
                problems.append(f"row {line_no}: numbers in {numeric} but no source_id")
            for sid in ids:
                if sid not in KNOWN_SOURCES:
                    problems.append(f"row {line_no}: source id {sid!r} is not in sources.csv")
    return problems


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_synthetic_data_says_so(name):
    readme = (facts.DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"### {name}", 1)
    assert len(section) == 2, f"data/README.md has no section for {name}"
    assert "synthetic" in section[1].split("###", 1)[0].lower()


def test_the_number_check_can_fail(tmp_path):
    """The check above looks at raw CSV text: a number without a source is caught."""
    bad = tmp_path / "bad.csv"
    bad.write_text("thing_id,amount_mg,note,source_id\nx,12,,\ny,,about 5 a day,nope\n")
    assert unsourced_numbers(bad) == [
        "row 2: numbers in ['amount_mg'] but no source_id",
        "row 3: source id 'nope' is not in sources.csv",
    ]


# -- notebooks ------------------------------------------------------------------------------
def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _own_cells(nb: dict) -> list[dict]:
    """Cells written by the author (generated cells are checked by test_content)."""
    return [
        c
        for c in nb["cells"]
        if not any(t.startswith("gen:") for t in c["metadata"].get("tags", []))
    ]


def _code(nb: dict) -> str:
    return "\n".join("".join(c["source"]) for c in _own_cells(nb) if c["cell_type"] == "code")


def _listed(nb: dict) -> list[str] | None:
    for c in nb["cells"]:
        if "gen:sources" in c["metadata"].get("tags", []):
            return re.findall(r"\(`([a-z0-9_]+)`\)", "".join(c["source"]))
    return None


@contextmanager
def tables_read(monkeypatch):
    """Record every data file read through facts.table while the block runs."""
    seen: set[str] = set()
    real = facts.table

    def spy(file, *args, **kwargs):
        seen.add(file)
        return real(file, *args, **kwargs)

    monkeypatch.setattr(facts, "table", spy)
    try:
        yield seen
    finally:
        monkeypatch.setattr(facts, "table", real)


def _explorers_shown(code: str) -> list[type]:
    from spasm_edu.explorers.base import Explorer

    found = []
    for module, names in re.findall(r"from (spasm_edu\.explorers\.\w+) import ([\w ,]+)", code):
        mod = __import__(module, fromlist=["_"])
        for name in (n.strip() for n in names.split(",")):
            obj = getattr(mod, name, None)
            if isinstance(obj, type) and issubclass(obj, Explorer):
                found.append(obj)
    return found


def _row_shown(row, cause: str | None, name: str) -> bool | None:
    """For shared tables (rows per notebook or cause), whether this notebook shows the row;
    None for a table whose rows are not split by notebook or cause."""
    verdicts = []
    if hasattr(row, "notebook"):
        verdicts.append(row.notebook == name)
    if hasattr(row, "cause_id"):
        verdicts.append(row.cause_id in ("all", cause))
    if hasattr(row, "shown_for"):  # empty: shown in no list
        verdicts.append(bool({"all", cause} & set((row.shown_for or "").split(";"))))
    return any(verdicts) if verdicts else None


def _sources_of(files: set[str], cause: str | None, name: str) -> tuple[set[str], set[str]]:
    """(sources of rows surely shown, sources of every row) of the given data files."""
    shown, every = set(), set()
    for file in files - {"sources.csv"}:
        for row in facts.table(file):
            if _row_shown(row, cause, name) in (True, None):
                shown |= set(row.source_ids)
            if file != "quiz.csv":  # a quiz never shows another notebook's questions
                every |= set(row.source_ids)
    return shown, shown | every


def _used_source_ids(nb: dict, name: str, monkeypatch) -> tuple[set[str], set[str]]:
    """(sources the notebook surely shows, sources it may list) for one notebook.

    Surely shown: its metadata 'sources', its "When to see a doctor" list, the data its
    explorers read as a person drives them and the data its code names (for tables shared by
    many notebooks, only the rows for this notebook or cause), and any source id written in its
    own cells or their stored outputs. May list: also every row of those tables and of the
    data files its metadata names (quiz.csv: only this notebook's questions).
    """
    meta = nb["metadata"].get("spasm", {})
    cause = meta.get("cause")
    code = _code(nb)
    needed: set[str] = set(meta.get("sources", []))
    needed |= {s for _, _, sources in course.doctor_items(cause) for s in sources}
    with tables_read(monkeypatch) as files:
        for cls in _explorers_shown(code):
            for mode in ("student", "patient"):
                for _ in explorer_states(cls(mode=mode)):
                    pass
    files |= set(re.findall(r"""["']([a-z0-9_]+\.csv)["']""", code))
    if "Quiz(" in code:
        files.add("quiz.csv")
    shown, every = _sources_of(files, cause, name)
    needed |= shown
    text = json.dumps(_own_cells(nb))
    needed |= {sid for sid in KNOWN_SOURCES if re.search(rf"\b{re.escape(sid)}\b", text)}
    _, declared = _sources_of(set(meta.get("data", [])), cause, name)
    return needed, needed | every | declared


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_sources_section_lists_exactly_what_the_notebook_shows(path, monkeypatch):
    nb = _load(path)
    if _listed(nb) is None:
        pytest.skip("no generated Sources section (an app notebook)")
    # What `make sync` writes there (test_content checks the cell is in sync with it).
    listed = course.notebook_source_ids(nb["metadata"].get("spasm", {}), path.name)
    needed, allowed = _used_source_ids(nb, path.name, monkeypatch)
    missing = sorted(needed - set(listed))
    extra = sorted(set(listed) - allowed)
    assert not missing, (
        f"{path.name} shows facts from sources its Sources section does not list: {missing}. "
        "Add the data files its explorers read to the notebook metadata 'data' (or the ids to "
        "'sources'), then run `make sync`."
    )
    assert not extra, (
        f"{path.name} lists sources it does not show: {extra} (e.g. quiz rows of other notebooks)."
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_data_files_named_in_notebook_code_are_declared(path):
    nb = _load(path)
    declared = set(nb["metadata"].get("spasm", {}).get("data", []))
    named = set(re.findall(r"""["']([a-z0-9_]+\.csv)["']""", _code(nb)))
    assert named <= declared, f"declare in metadata spasm.data: {sorted(named - declared)}"


# -- nothing fetched at run time --------------------------------------------------------------
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http.client",
    "http.server",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "telnetlib",
    "xmlrpc.client",
    "websocket",
    "websockets",
}
# file (relative to the repository) -> modules it may import, and why.
ALLOWED = {
    "spasm_edu/present.py": {"socket"},  # the Voila launcher checks 127.0.0.1:PORT is free
    # the browser benchmark polls its own Voila server on 127.0.0.1 (never run in a session)
    "spasm_edu/tooling/bench_browser.py": {"urllib.request"},
}
FETCH_CALL = re.compile(r"""\b(read_\w+|urlopen|urlretrieve|get)\(\s*f?["']https?://""")


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def _network_imports(source: str) -> set[str]:
    found = set()
    for name in _imports(ast.parse(source)):
        for mod in NETWORK_MODULES:
            if name == mod or name.startswith(mod + "."):
                found.add(mod)
    return found


PY_FILES = sorted((ROOT / "spasm_edu").rglob("*.py"))


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_package_fetches_nothing_at_run_time(path):
    rel = str(path.relative_to(ROOT))
    source = path.read_text(encoding="utf-8")
    extra = _network_imports(source) - ALLOWED.get(rel, set())
    assert not extra, f"{rel} imports network modules {sorted(extra)}; the course runs offline"
    assert not FETCH_CALL.search(source), f"{rel} reads from a URL"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_fetch_nothing_at_run_time(path):
    code = _code(_load(path))
    assert not re.search(r"^\s*[!%]\s*(pip|conda|wget|curl|apt)", code, re.M), (
        "installs or downloads"
    )
    python = "\n".join(ln for ln in code.splitlines() if not ln.lstrip().startswith(("%", "!")))
    assert not _network_imports(python), "imports a network module"
    assert not FETCH_CALL.search(python), "reads from a URL"


def test_the_fetch_check_can_fail():
    assert _network_imports("import urllib.request\nfrom requests import get") == {
        "urllib.request",
        "requests",
    }
    assert _network_imports("from urllib.parse import quote") == set()
    assert FETCH_CALL.search('pd.read_csv("https://example.org/x.csv")')


# -- where in the source each number or level stands ------------------------------------------
def _numeric_fields(model) -> list[str]:
    import typing

    out = []
    for name, info in model.model_fields.items():
        args = typing.get_args(info.annotation) or (info.annotation,)
        if name != "rank" and any(a in (int, float) for a in args):
            out.append(name)
    return out


def _rows_needing_where():
    from spasm_edu.schema.base import FactRow

    for name, spec in sorted(facts.specs().items()):
        if not issubclass(spec.row, FactRow):
            continue
        numbers = _numeric_fields(spec.row)
        has_level = "level" in spec.row.model_fields
        if not (numbers or has_level):
            continue
        for line, row in enumerate(facts.table(name), start=2):
            if has_level or any(getattr(row, f) is not None for f in numbers):
                yield name, line, row


def test_every_number_and_level_says_where_in_the_source_it_stands():
    missing = [
        f"data/{name}, row {line}" for name, line, row in _rows_needing_where() if not row.where
    ]
    assert not missing, (
        "these rows hold a number or an urgency level but their 'where' column is empty "
        "(write the page, table or section of the source): " + "; ".join(missing)
    )


def test_the_where_gate_sees_numbers_and_levels():
    files = {name for name, _, _ in _rows_needing_where()}
    assert {"caffeine_limits.csv", "red_flags.csv", "electrolyte_bands.csv"} <= files
    assert "causes.csv" not in files  # plain text rows need no 'where'

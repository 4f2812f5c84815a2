"""Load and validate every table in ``data/`` once.

Each CSV file in ``data/`` has a row model (a pydantic class) declared in
``spasm_edu/schema/<topic>.py``. :func:`table` reads a file, checks its header, validates
every row against its model, checks the id column is unique and that every ``source_id``
resolves to a row of ``data/sources.csv``. A problem raises :class:`FactsError`, whose
message names the file, the row (as a spreadsheet shows it: the header is row 1) and the
column, so a maintainer can go straight to the cell to fix.

Tables are cached: the first call reads the file, later calls are free.

The data folder is ``data/`` in the checkout, or the folder named by ``$SPASM_DATA_DIR`` (read
once, at import: a deployment or a test can point every process, kernels included, at a copy).
"""

from __future__ import annotations

import codecs
import csv
import functools
import importlib
import io
import os
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import pydantic

from spasm_edu import paths, schema
from spasm_edu.schema.base import FactRow, TableSpec

DATA_ENV = "SPASM_DATA_DIR"
# $SPASM_DATA_DIR, else the checkout's data/, else the copy inside an installed wheel
# (see spasm_edu/paths.py)
DATA_DIR = Path(os.environ.get(DATA_ENV) or paths.folder("data"))

Row = TypeVar("Row", bound=FactRow)


class FactsError(ValueError):
    """A data file is missing, malformed or inconsistent.

    ``file``, ``row`` and ``column`` say where; ``row`` counts like a spreadsheet
    (header = row 1, first data row = row 2).
    """

    def __init__(self, file: str, problem: str, row: int | None = None, column: str | None = None):
        self.file, self.problem, self.row, self.column = file, problem, row, column
        where = f"data/{file}"
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Table(Generic[Row]):
    """The validated rows of one data file, in file order, with lookup by id."""

    spec: TableSpec
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @functools.cached_property
    def by_id(self) -> dict[str, Row]:
        return {getattr(r, self.spec.id_column): r for r in self.rows}

    def __getitem__(self, row_id: str) -> Row:
        try:
            return self.by_id[row_id]
        except KeyError:
            valid = ", ".join(self.by_id)
            raise KeyError(
                f"{row_id!r} is not an id in data/{self.spec.file}; valid ids: {valid}"
            ) from None

    def pick(self, argument: str, row_id: object) -> Row:
        """The row ``row_id`` for a model argument, or an InputError (a ValueError) naming the
        argument, the value and the valid ids — the edge check every model uses for ids."""
        from spasm_edu import validation

        return self[validation.choice(argument, row_id, self.by_id)]

    def ids(self) -> list[str]:
        return list(self.by_id)

    def source_ids(self) -> set[str]:
        return {sid for r in self.rows for sid in r.source_ids}

    def frame(self):
        """The table as a pandas DataFrame (pandas is imported only when asked)."""
        import pandas as pd

        return pd.DataFrame([r.model_dump() for r in self.rows])


@functools.cache
def specs() -> dict[str, TableSpec]:
    """Every table spec declared in ``spasm_edu/schema/`` (and in the schema module of a cause
    registered from elsewhere, :func:`spasm_edu.causes.schema_modules`), keyed by file name."""
    from spasm_edu import causes

    found: dict[str, TableSpec] = {}
    names = [f"{schema.__name__}.{info.name}" for info in pkgutil.iter_modules(schema.__path__)]
    for name in [*names, *causes.schema_modules()]:
        module = importlib.import_module(name)
        for spec in getattr(module, "TABLES", ()):
            if spec.file in found:
                raise RuntimeError(f"data/{spec.file} is declared twice in spasm_edu/schema")
            found[spec.file] = spec
    return found


def _where_bytes_break(raw: bytes) -> tuple[int, str | None]:
    """The row (header = 1) and column of the first cell holding bytes that are not UTF-8."""
    text = raw.decode("utf-8", errors="surrogateescape")  # bad bytes become U+DC80-U+DCFF
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = records[0] if records else []
    for row_no, record in enumerate(records, start=1):
        for i, cell in enumerate(record):
            if any("\udc80" <= ch <= "\udcff" for ch in cell):
                name = header[i] if i < len(header) and row_no > 1 else None
                return row_no, name.strip() if name else None
    return 1, None


def _decode(path: Path, spec: TableSpec) -> str:
    """The file as text: UTF-8, with a byte order mark or other bytes named as such."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FactsError(spec.file, "file not found") from None
    if raw.startswith(codecs.BOM_UTF8):
        first = raw[len(codecs.BOM_UTF8) :].split(b",", 1)[0].split(b"\n", 1)[0]
        raise FactsError(
            spec.file,
            "starts with a UTF-8 byte order mark (BOM), an invisible mark some spreadsheet "
            "programs add; save it again as UTF-8 without a BOM",
            row=1,
            column=first.decode("utf-8", errors="replace").strip() or None,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        row, column = _where_bytes_break(raw)
        bad = raw[exc.start : exc.end].hex(" ")
        raise FactsError(
            spec.file,
            f"is not UTF-8 text: byte {bad} cannot be read as UTF-8 (was the file saved as "
            "Windows-1252 or Latin-1?); save it again as UTF-8",
            row=row,
            column=column,
        ) from None


def _read_rows(path: Path, spec: TableSpec) -> list[dict[str, str]]:
    text = _decode(path, spec)
    try:
        with io.StringIO(text, newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            expected = list(spec.row.model_fields)
            missing = [c for c in expected if c not in header]
            unknown = [c for c in header if c not in expected]
            if missing or unknown:
                parts = []
                if missing:
                    parts.append(f"missing column(s) {', '.join(missing)}")
                if unknown:
                    parts.append(f"unknown column(s) {', '.join(unknown)}")
                raise FactsError(
                    spec.file, "; ".join(parts) + f" (expected: {', '.join(expected)})", row=1
                )
            rows = []
            for line_no, raw in enumerate(reader, start=2):
                if None in raw or any(v is None for v in raw.values()):
                    raise FactsError(
                        spec.file,
                        f"has {len(header)} columns in the header but a different number here "
                        "(a stray or missing comma?)",
                        row=line_no,
                    )
                rows.append(raw)
            return rows
    except csv.Error as exc:
        raise FactsError(spec.file, f"is not valid CSV ({exc})") from None


def _validate(
    spec: TableSpec, raw_rows: list[dict[str, str]], data_dir: Path = DATA_DIR
) -> tuple[FactRow, ...]:
    rows: list[FactRow] = []
    seen: dict[str, int] = {}
    for line_no, raw in enumerate(raw_rows, start=2):
        if spec.templated:
            from spasm_edu import factref

            raw = factref.render_row(spec, raw, line_no, data_dir)
        cleaned = {k: (v.strip() if v.strip() != "" else None) for k, v in raw.items()}
        try:
            row = spec.row.model_validate(cleaned)
        except pydantic.ValidationError as exc:
            err = exc.errors()[0]
            column = str(err["loc"][0]) if err["loc"] else None
            value = raw.get(column, "") if column else ""
            msg = err["msg"].removeprefix("Value error, ")
            raise FactsError(
                spec.file, f"{msg} (found {value!r})", row=line_no, column=column
            ) from None
        key = getattr(row, spec.id_column)
        if key in seen:
            raise FactsError(
                spec.file,
                f"id {key!r} is used twice (also in row {seen[key]}); ids must be unique",
                row=line_no,
                column=spec.id_column,
            )
        seen[key] = line_no
        rows.append(row)
    if not rows:
        raise FactsError(spec.file, "has a header but no rows")
    return tuple(rows)


def _check_sources(spec: TableSpec, rows: tuple[FactRow, ...], data_dir: Path) -> None:
    if spec.file == "sources.csv":
        return
    known = table("sources.csv", data_dir).by_id
    for line_no, row in enumerate(rows, start=2):
        for sid in row.source_ids:
            if sid not in known:
                raise FactsError(
                    spec.file,
                    f"source id {sid!r} is not in data/sources.csv; add a row there first",
                    row=line_no,
                    column="source_id",
                )


@functools.cache
def table(file: str, data_dir: Path = DATA_DIR) -> Table:
    """Load, validate and cache ``data/<file>``.

    ``data_dir`` exists so tests can point at a copy of ``data/`` with a deliberately broken file.
    """
    try:
        spec = specs()[file]
    except KeyError:
        raise FactsError(
            file,
            f"no schema declared for it in spasm_edu/schema (known: {', '.join(sorted(specs()))})",
        ) from None
    rows = _validate(spec, _read_rows(Path(data_dir) / file, spec), Path(data_dir))
    _check_sources(spec, rows, Path(data_dir))
    return Table(spec, rows)


def load_all(data_dir: Path = DATA_DIR) -> dict[str, Table]:
    """Validate every declared table (and find CSV files that have no schema)."""
    data_dir = Path(data_dir)
    undeclared = sorted(p.name for p in data_dir.glob("*.csv") if p.name not in specs())
    if undeclared:
        raise FactsError(undeclared[0], "has no schema in spasm_edu/schema; declare one")
    return {name: table(name, data_dir) for name in specs()}


def sources_for(*files: str) -> list[str]:
    """Sorted source ids used by the rows of the given data files."""
    ids: set[str] = set()
    for f in files:
        ids |= table(f).source_ids()
    return sorted(ids)

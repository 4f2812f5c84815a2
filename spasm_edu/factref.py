"""Facts quoted by reference: prose and quiz text cite the ``data/`` cell a number comes from.

A number that ``data/`` holds is never typed by hand. Text cites the cell, and the number shown
is rendered from the data (by ``make sync`` for the notebooks, at load time for CSV text).

**In notebook Markdown** (``content/notebooks/*.md`` and the ``.ipynb`` made from it) the value
stays visible, followed by an HTML comment that names it. Both survive a JupyterLab save (Lab
keeps the cell source as it is and does not show the comment), and both read well in a text
editor, on GitHub and in Voila::

    up to 400 mg<!--fact caffeine_limits.csv adult max_mg_per_day--> a day

``fact FILE ROW COLUMN`` names the table, the row (the value of the table's id column, see
``spasm_edu/schema/``) and the column. ``make sync`` rewrites the number (and its unit) just
before the comment from the data. The unit comes from the column's name (``_mg`` → mg, ``_h``
→ h, ``percent`` → %, a ``unit`` column in the row …); ``unit=X`` sets it (``unit=none``: the
number alone, ``unit=mg_per_kg`` → "mg per kg": underscores are spaces); ``dp=N`` shows N
decimals.

A statement computed from data values declares them; when one no longer matches, ``sync``
and the tests fail and name the paragraph to re-read::

    about four cups<!--derived caffeine_limits.csv adult max_mg_per_day=400;
    caffeine_drinks.csv brewed_coffee typical_mg=96-->   (on one line)

A number quoted from a source that ``data/`` does not hold names that source (an id in
``data/sources.csv``); a number that is the text's own (an example's input, a course time)
says so::

    3.5 h against 6.0 h in non-smokers<!--quote parsons_1978-->
    Two cups at 8 am and 3 pm<!--example-->
    the "60–70 %" often quoted<!--unsourced--> could not be traced, so the course gives none

``unsourced`` marks a figure named only to say that no source gives it. A ``derived``,
``quote``, ``example`` or ``unsourced`` comment covers the numbers before it on its line (back
to the previous comment). :func:`unreferenced` is the gate: every other number with a unit in
a Markdown cell is an error naming the file, the line and the number.

**In CSV text** a reader sees (the quiz's questions, choices and feedback; a table declares
its columns in :attr:`spasm_edu.schema.base.TableSpec.templated`), a field in braces is
replaced at load time: ``the {caffeine_limits.csv:adult:max_mg_per_day} daily limit`` reads
"the 400 mg daily limit" (``{FILE:ROW:COLUMN|unit=none}``, ``|dp=1``; options separated by
``|``). The same
``derived``/``quote``/``example`` comments may follow a number; they are removed at load time.

**In Python** a fixed sentence reads the number with :func:`say`
(``say("caffeine_limits.csv:adult:max_mg_per_day")`` → "400 mg").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spasm_edu import facts
from spasm_edu.paths import CHECKOUT

# Units a number may carry in prose (the gate's list); longest first so "mg/dL" wins over "mg"
UNIT_WORDS = [
    "mg per kg", "mmol/L", "mEq/L", "mg/dL", "g/dL", "L/h", "kg/L", "°C", "°F", "mg", "mcg",
    "µg", "kg", "lbs", "lb", "g", "mL", "L", "litres", "litre", "liters", "liter", "hours",
    "hour", "hrs", "h", "minutes", "minute", "min", "seconds", "%", "percent", "cups", "cup",
    "oz", "kcal", "weeks", "week", "days", "day", "months", "years",
]  # fmt: skip
_UNIT = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"
_NUM = r"[-−]?\d[\d,]*(?:\.\d+)?"
# a number with a unit; a range ("3 to 5 hours", "24–25 %") counts as one
UNIT_NUMBER = re.compile(rf"(?<![\w.]){_NUM}(?:\s*(?:-|–|to)\s*{_NUM})?[ \u00a0]?{_UNIT}(?!\w)")
COMMENT = re.compile(r"<!--\s*(fact|derived|quote|example|unsourced)\b(.*?)-->", re.S)
# the value a fact comment owns: the number (and unit) just before it
FACT = re.compile(rf"(?P<shown>{_NUM}(?:[ \u00a0]?{_UNIT}(?!\w))?)?<!--\s*fact\b(?P<args>.*?)-->")
TEMPLATE = re.compile(r"\{([a-z0-9_]+\.csv):([^:{}|]+):([^:{}|]+)(?:\|([^{}]*))?\}")
ANY_COMMENT = re.compile(r"<!--.*?-->", re.S)
SOURCE_DIR = CHECKOUT / "content" / "notebooks"  # the notebooks' text (spasm_edu.tooling.sources)

# column name -> unit, first match wins (see data/README.md: names carry their units)
_COLUMN_UNITS = [
    (r"_mg_per_kg", "mg per kg"),
    (r"(^|_)mg(_|$)", "mg"),
    (r"_l_per_day$", "L"),
    (r"(^|_)h$", "h"),
    (r"_lb$", "lb"),
    (r"_kg$", "kg"),
    (r"percent", "%"),
    (r"^minutes$|_min$", "minutes"),
    (r"_years$", "years"),
    (r"^weeks_", "weeks"),
]
_ROW_UNITS = {"percent": "%"}  # a row's own unit column, spelled as prose spells it


class FactRefError(ValueError):
    """A reference names a table, row or column that does not exist, or is malformed."""


@dataclass(frozen=True)
class Cell:
    """One data cell: ``file``, ``row`` (its id) and ``column``."""

    file: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.file} {self.row} {self.column}"

    @property
    def key(self) -> str:
        return f"{self.file}:{self.row}:{self.column}"


def cell(file: str, row: str, column: str, data_dir: Path | None = None):
    """The value of a data cell, or a :class:`FactRefError` naming what does not exist."""
    if file not in facts.specs():
        raise FactRefError(
            f"no table {file!r} in data/ (known: {', '.join(sorted(facts.specs()))})"
        )
    tbl = _table(file, data_dir)
    if row not in tbl.by_id:
        raise FactRefError(
            f"no row {row!r} in data/{file} (its id column {tbl.spec.id_column!r} holds: "
            f"{', '.join(tbl.ids())})"
        )
    fields = tbl.spec.row.model_fields
    if column not in fields:
        raise FactRefError(f"no column {column!r} in data/{file} (columns: {', '.join(fields)})")
    value = getattr(tbl[row], column)
    if value is None:
        raise FactRefError(f"data/{file} row {row!r} column {column!r} is empty")
    return value


def _table(file: str, data_dir: Path | None):
    return facts.table(file) if data_dir is None else facts.table(file, Path(data_dir))


def unit_of(c: Cell, data_dir: Path | None = None) -> str:
    """The unit a value of this column is shown with ("" for none)."""
    fields = facts.specs()[c.file].row.model_fields
    if "unit" in fields and c.column in ("value", "lower", "upper"):
        unit = cell(c.file, c.row, "unit", data_dir)
        return _ROW_UNITS.get(unit, unit)
    for pattern, unit in _COLUMN_UNITS:
        if re.search(pattern, c.column):
            return unit
    return ""


def number(value, dp: int | None = None) -> str:
    """A value as the course writes numbers: 400, 62.5, 3,400; ``dp`` fixes the decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if dp is not None:
        return f"{value:,.{dp}f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def render(c: Cell, options: dict[str, str] | None = None, data_dir: Path | None = None) -> str:
    """The shown text of a cell: number and unit ("400 mg"), formatted once for everything."""
    options = options or {}
    value = cell(c.file, c.row, c.column, data_dir)
    dp = int(options["dp"]) if "dp" in options else None
    unit = options.get("unit", unit_of(c, data_dir)).replace("_", " ")
    if unit == "none":
        unit = ""
    text = number(value, dp)
    return f"{text} {unit}" if unit else text


def say(key: str, **options) -> str:
    """A data value for a fixed sentence in Python.

    ``say("caffeine_limits.csv:adult:max_mg_per_day")`` → "400 mg"."""
    file, row, column = key.split(":")
    return render(Cell(file, row, column), {k: str(v) for k, v in options.items()})


def _parse_fact(args: str) -> tuple[Cell, dict[str, str]]:
    words = args.split()
    plain = [w for w in words if "=" not in w]
    options = dict(w.split("=", 1) for w in words if "=" in w)
    if len(plain) != 3:
        raise FactRefError(
            f"<!--fact{args}--> must name FILE ROW COLUMN, e.g. "
            "<!--fact caffeine_limits.csv adult max_mg_per_day-->"
        )
    unknown = set(options) - {"unit", "dp"}
    if unknown:
        raise FactRefError(f"<!--fact{args}--> has unknown option(s) {', '.join(sorted(unknown))}")
    return Cell(*plain), options


def _parse_derived(args: str) -> list[tuple[Cell, str]]:
    out = []
    for part in args.split(";"):
        m = re.fullmatch(r"\s*(\S+\.csv)\s+(\S+)\s+(\S+?)\s*=\s*(\S+)\s*", part)
        if not m:
            raise FactRefError(
                f"<!--derived{args}-->: {part.strip()!r} must read FILE ROW COLUMN=VALUE, e.g. "
                "caffeine_limits.csv adult max_mg_per_day=400"
            )
        out.append((Cell(m[1], m[2], m[3]), m[4]))
    return out


def _same(declared: str, value) -> bool:
    try:
        return float(declared.replace(",", "")) == float(value)
    except (TypeError, ValueError):
        return declared == str(value)


@dataclass(frozen=True)
class Place:
    """Where a text stands: a file and a line (Markdown) or a row and column (CSV)."""

    file: str
    line: int | None = None
    row_id: str | None = None
    column: str | None = None
    excerpt: str = ""

    def __str__(self) -> str:
        if self.row_id is not None:
            return f"{self.file} row {self.row_id!r}, column '{self.column}'"
        return f"{self.file}:{self.line} ({self.excerpt})"


@dataclass(frozen=True)
class Problem:
    place: Place
    message: str
    stale: Cell | None = None
    """For a derived statement whose declared value no longer matches: the cell it rests on."""

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


def _excerpt(line: str) -> str:
    text = ANY_COMMENT.sub("", line).strip()
    return text if len(text) <= 60 else text[:57] + "…"


# ---- notebook Markdown -------------------------------------------------------------------


def render_markdown(text: str, data_dir: Path | None = None) -> str:
    """``text`` with every ``<!--fact …-->`` value rendered from the data."""

    def one(m: re.Match) -> str:
        c, options = _parse_fact(m["args"])
        return render(c, options, data_dir) + f"<!--fact{m['args']}-->"

    return FACT.sub(one, text)


def fill_facts(nb, data_dir: Path | None = None) -> bool:
    """Render the facts of every Markdown cell of ``nb`` (a notebook node); True if any changed.

    A bad reference raises :class:`FactRefError` naming the cell."""
    changed = False
    for i, c in enumerate(nb.cells):
        if c.cell_type != "markdown" or "<!--" not in c.source:
            continue
        try:
            new = render_markdown(c.source, data_dir)
        except FactRefError as err:
            where = _excerpt(c.source.splitlines()[0])
            raise FactRefError(f"cell {i + 1} ({where}): {err}") from None
        if new != c.source:
            c.source = new
            changed = True
    return changed


def _markdown_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of the hand-written Markdown cells of a MyST notebook source
    (code cells and the generated ``gen:*`` cells are left out)."""
    in_code = in_generated = False
    in_front = False
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if no == 1 and line == "---":
            in_front = True
            continue
        if in_front:
            in_front = line != "---"
            continue
        if line.startswith("```{code-cell}"):
            in_code = True
            continue
        if in_code:
            in_code = not line.startswith("```")
            continue
        if line.startswith("+++"):
            in_generated = '"gen:' in line
            continue
        if not in_generated:
            yield no, line


def _comments(text: str) -> Iterator[tuple[str, str, int, int]]:
    for m in COMMENT.finditer(text):
        yield m[1], m[2], m.start(), m.end()


def _check_text(text: str, place: Place, data_dir: Path | None) -> list[Problem]:
    """Problems of one line of text: bad references, stale derived values, bare numbers."""
    problems = []
    covered: list[tuple[int, int]] = []
    last = 0
    for m in FACT.finditer(text):
        try:
            c, options = _parse_fact(m["args"])
            shown = render(c, options, data_dir)
        except FactRefError as err:
            problems.append(Problem(place, str(err)))
            continue
        if m["shown"] is None:
            problems.append(Problem(place, f"<!--fact {c}--> has no number before it"))
        elif m["shown"] != shown:
            problems.append(
                Problem(place, f"shows {m['shown']!r} but data/ holds {shown!r}: run `make sync`")
            )
        covered.append((m.start(), m.end()))
    for kind, args, start, end in _comments(text):
        if kind == "fact":
            last = end
            continue
        covered.append((last, end))
        statement = _statement(text[last:start], text[:start])
        last = end
        if kind == "derived":
            try:
                declared = _parse_derived(args)
            except FactRefError as err:
                problems.append(Problem(place, str(err)))
                continue
            for c, value in declared:
                try:
                    now = cell(c.file, c.row, c.column, data_dir)
                except FactRefError as err:
                    problems.append(Problem(place, f"derived statement: {err}"))
                    continue
                if not _same(value, now):
                    problems.append(
                        Problem(
                            place,
                            f"the statement {statement!r} rests on "
                            f"data/{c.file} {c.row} {c.column}={value}, but data/ now holds "
                            f"{number(now)}: re-read it, correct it, then write "
                            f"{c.column}={number(now)} in its <!--derived …-->",
                            stale=c,
                        )
                    )
        elif kind == "quote":
            ids = args.split()
            known = _table("sources.csv", data_dir).by_id
            if not ids:
                problems.append(Problem(place, "<!--quote--> must name a source id"))
            for sid in ids[:1]:
                if sid not in known:
                    problems.append(
                        Problem(place, f"<!--quote {sid}-->: {sid!r} is not in data/sources.csv")
                    )
    # a cited value (a fact, a {template}) is masked out, so "24<!--fact…-->–25 %<!--fact…-->"
    # leaves no number behind
    masked = FACT.sub(lambda m: "\0" * len(m[0]), text)
    masked = TEMPLATE.sub(lambda m: "\0" * len(m[0]), masked)
    masked = re.sub(r"`[^`]*`", lambda m: "\0" * len(m[0]), masked)  # inline code is not prose
    for m in UNIT_NUMBER.finditer(masked):
        if any(a <= m.start() and m.end() <= b for a, b in covered):
            continue
        problems.append(Problem(place, _bare_number_message(m[0], place)))
    return problems


def _statement(segment: str, before: str) -> str:
    """The words a derived note follows (back to the previous note), as a reader sees them."""

    def shown(text: str) -> str:
        try:
            return render_template(text)
        except FactRefError:
            return ANY_COMMENT.sub("", text)

    words = shown(segment).strip(" ,;:")
    if len(words) < 12:  # "about four cups" after a fact: show some of the sentence too
        words = shown(before).strip()[-60:]
    return words if len(words) <= 70 else "…" + words[-69:]


def _bare_number_message(shown: str, place: Place) -> str:
    if place.row_id is not None:
        ref = "{FILE:ROW:COLUMN}"
    else:
        ref = f"{shown}<!--fact FILE ROW COLUMN-->"
    return (
        f"{shown!r} is a number with a unit that cites nothing. If data/ holds it, write {ref}; "
        "if it is computed from data, follow it with <!--derived FILE ROW COLUMN=VALUE; …-->; "
        "if a source that data/ does not hold gives it, <!--quote SOURCE_ID-->; if it is the "
        "text's own (an example's input), <!--example-->. See CONTRIBUTING.md, 'Numbers'."
    )


def check_markdown(path: Path, data_dir: Path | None = None) -> list[Problem]:
    """Every problem of a notebook source: the gate for ``content/notebooks/*.md``."""
    rel = _rel(path)
    problems = []
    for no, line in _markdown_lines(path):
        problems += _check_text(line, Place(rel, line=no, excerpt=_excerpt(line)), data_dir)
    return problems


# ---- CSV text ----------------------------------------------------------------------------


def render_template(text: str, data_dir: Path | None = None) -> str:
    """CSV text with its ``{FILE:ROW:COLUMN}`` fields rendered and its comments removed."""

    def one(m: re.Match) -> str:
        options = dict(o.split("=", 1) for o in (m[4] or "").split("|") if "=" in o)
        return render(Cell(m[1], m[2], m[3]), options, data_dir)

    return ANY_COMMENT.sub("", TEMPLATE.sub(one, text))


def render_row(spec, raw: dict[str, str], line_no: int, data_dir: Path) -> dict[str, str]:
    """A CSV row with its templated columns rendered; a bad field is a FactsError naming the
    row (by id and spreadsheet row) and the column."""
    out = dict(raw)
    for column in getattr(spec, "templated", ()):
        value = raw.get(column)
        if not value or ("{" not in value and "<!--" not in value):
            continue
        try:
            out[column] = render_template(value, data_dir)
        except FactRefError as err:
            row_id = raw.get(spec.id_column, "?")
            raise facts.FactsError(
                spec.file, f"row {row_id!r}: {err}", row=line_no, column=column
            ) from None
    return out


def check_csv(file: str, data_dir: Path | None = None) -> list[Problem]:
    """Every problem of a templated table's raw text (bare numbers, stale derived values)."""
    import csv

    data_dir = Path(data_dir or facts.DATA_DIR)
    spec = facts.specs()[file]
    problems = []
    with open(data_dir / file, encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            for column in spec.templated:
                text = raw.get(column) or ""
                place = Place(f"data/{file}", row_id=raw[spec.id_column], column=column)
                problems += _check_text(text, place, data_dir)
    return problems


# ---- who quotes a cell -------------------------------------------------------------------


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(CHECKOUT))
    except ValueError:
        return str(path)


def quoters(c: Cell, data_dir: Path | None = None) -> list[str]:
    """Every place that quotes or rests on cell ``c``: notebook lines, CSV rows, Python."""
    found = []
    for path in sorted(SOURCE_DIR.glob("*.md")):
        for no, line in _markdown_lines(path):
            for kind, args, _, _ in _comments(line):
                if kind == "fact":
                    hit = _safe(lambda a=args: _parse_fact(a)[0] == c) and "quotes it"
                elif kind == "derived":
                    hit = _safe(lambda a=args: any(d == c for d, _ in _parse_derived(a)))
                    hit = hit and "rests on it: correct the words"
                else:
                    hit = False
                if hit:
                    found.append(f"{_rel(path)}:{no} ({_excerpt(line)}) {hit}")
                    break
    import csv

    data_dir = Path(data_dir or facts.DATA_DIR)
    for file, spec in sorted(facts.specs().items()):
        if not spec.templated:
            continue
        with open(data_dir / file, encoding="utf-8", newline="") as fh:
            for raw in csv.DictReader(fh):
                for column in spec.templated:
                    text = raw.get(column) or ""
                    how = [
                        *(["quotes it"] if c.key in text else []),
                        *(["rests on it: correct the words"] if f"{c}=" in text else []),
                    ]
                    if how:
                        found.append(
                            f"data/{file} row {raw[spec.id_column]!r}, column '{column}' "
                            + ", ".join(how)
                        )
    package = Path(__file__).parent
    for path in sorted(p for p in package.rglob("*.py") if p.name != "factref.py"):
        text = path.read_text(encoding="utf-8")
        for no, line in enumerate(text.splitlines(), start=1):
            if f'"{c.key}"' in line:
                found.append(f"{_rel(path)}:{no} quotes it")
    return found


def _safe(fn) -> bool:
    try:
        return bool(fn())
    except FactRefError:
        return False


def check_all(data_dir: Path | None = None, source_dir: Path | None = None) -> list[Problem]:
    """The whole gate: every notebook source and every templated table."""
    problems = []
    for path in sorted((source_dir or SOURCE_DIR).glob("*.md")):
        problems += check_markdown(path, data_dir)
    for file, spec in sorted(facts.specs().items()):
        if spec.templated:
            problems += check_csv(file, data_dir)
    return problems

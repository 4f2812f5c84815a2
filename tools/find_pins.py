"""List test lines whose literal numbers equal a number in data/: leads for pins to move.

    .venv/bin/python tools/find_pins.py [--all] [tests/test_x.py ...]

A test that types a value data/ holds fails when a clinician changes that value, next to
tests/test_oracle.py, and says nothing useful about where else the value is quoted. Such a pin
belongs in tests/oracle.yaml, read with ``tests.helpers.oracle("FILE:ROW:COLUMN")``; an
expectation worked out from data values is computed from oracle values in the test.

This script collects every numeric cell of data/*.csv and prints each number literal (or
number inside a string) in the test files that equals one of them, with its context: ``assert``,
``approx``, ``param`` (a ``pytest.mark.parametrize`` row), ``cmp`` (a comparison), ``raises``.
By default only literals in one of these contexts are listed (``--all``: every literal); 0 and
1 are left out. Many hits are inputs (an example weight, a typed lab value) that only happen to
equal a cell: read each line, then confirm with a mutation (change the cell in a scratch copy
of data/ and run the test file): only tests/test_oracle.py should fail.
"""

from __future__ import annotations

import ast
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spasm_edu import facts  # noqa: E402

NUM = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
IGNORED = {0.0, 1.0}


def data_numbers() -> dict[float, list[str]]:
    """value -> ["FILE:ROW:COLUMN", ...] for every numeric cell of every table."""
    cells: dict[float, list[str]] = collections.defaultdict(list)
    for file, spec in sorted(facts.specs().items()):
        for row in facts.table(file):
            row_id = getattr(row, spec.id_column)
            for column in spec.row.model_fields:
                value = getattr(row, column)
                if column == spec.id_column or isinstance(value, bool):
                    continue
                if isinstance(value, (int, float)):
                    cells[float(value)].append(f"{file}:{row_id}:{column}")
    return cells


def _contexts(stack: list[ast.AST]) -> set[str]:
    out = set()
    for node in stack:
        if isinstance(node, ast.Assert):
            out.add("assert")
        elif isinstance(node, ast.Compare):
            out.add("cmp")
        elif isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            for word in ("approx", "parametrize", "raises"):
                if name.endswith(word):
                    out.add("param" if word == "parametrize" else word)
    return out


def literals(path: Path):
    """(line, shown text, value, contexts) of every number literal in a Python file."""
    found = []

    def walk(node: ast.AST, stack: list[ast.AST]) -> None:
        if isinstance(node, ast.Constant):
            values = []
            if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                values = [(repr(node.value), float(node.value))]
            elif isinstance(node.value, str):
                values = [(m[0], float(m[0].replace(",", ""))) for m in NUM.finditer(node.value)]
            for shown, value in values:
                found.append((node.lineno, shown, value, _contexts(stack)))
        for child in ast.iter_child_nodes(node):
            walk(child, [*stack, node])

    walk(ast.parse(path.read_text(encoding="utf-8")), [])
    return found


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    paths = paths or sorted((ROOT / "tests").glob("**/*.py"))
    cells = data_numbers()
    hits = 0
    for path in paths:
        for line, shown, value, contexts in literals(path):
            if value in IGNORED or value not in cells or not (contexts or show_all):
                continue
            where = cells[value]
            more = f" (+{len(where) - 3} more)" if len(where) > 3 else ""
            rel = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
            print(f"{rel}:{line}: {shown} [{','.join(sorted(contexts))}] = "
                  f"{'; '.join(where[:3])}{more}")  # fmt: skip
            hits += 1
    print(f"{hits} literal(s) equal a data cell", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

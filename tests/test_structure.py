"""Runtime apart from tooling: the import graph points only from spasm_edu.tooling to the
runtime (the patient session, the notebooks' kernels), never back."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from spasm_edu import paths

PACKAGE = paths.PACKAGE_DIR
TOOLING = "spasm_edu.tooling"


def _module_name(path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_files():
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if (PACKAGE / "tooling") not in p.parents and "data" not in p.relative_to(PACKAGE).parts
    ]


def _imports(path) -> set[str]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_of(path.read_text(encoding="utf-8"), package)


def _imports_of(source: str, package: str) -> set[str]:
    """Every module a source imports: import statements (absolute or relative, at any depth,
    also inside functions) and literal importlib.import_module("...") names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, base] if base else up)
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
        ):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                found.add(str(arg.values[0].value))  # f"spasm_edu.plots.{cid}" -> its prefix
    return found


def test_no_runtime_module_imports_a_tooling_module():
    files = _runtime_files()
    assert len(files) > 40, "found too few runtime modules: is the package layout different?"
    bad = {
        _module_name(p): sorted(m for m in _imports(p) if m.startswith(TOOLING))
        for p in files
        if any(m.startswith(TOOLING) for m in _imports(p))
    }
    assert not bad, f"runtime modules import tooling (move the code, or invert the import): {bad}"


def test_the_static_check_can_fail():
    relative = "def f():\n    from ..tooling import course\n"
    assert "spasm_edu.tooling.course" in _imports_of(relative, "spasm_edu.text")
    dynamic = "import importlib\nimportlib.import_module('spasm_edu.tooling.bench')\n"
    assert "spasm_edu.tooling.bench" in _imports_of(dynamic, "spasm_edu")


RUNTIME = """
import importlib, json, pkgutil, sys
import spasm_edu
from spasm_edu import explorers, models, plots, text
names = ["spasm_edu.session", "spasm_edu.present", "spasm_edu.handout", "spasm_edu.facts",
         "spasm_edu.triage", "spasm_edu.lifting", "spasm_edu.diary", "spasm_edu.kernels"]
for pkg in (models, text, plots, explorers):
    names += [f"{pkg.__name__}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]
for name in names:
    importlib.import_module(name)
from spasm_edu.session import PatientSession
PatientSession()  # what notebooks/patient_session.ipynb runs
print(json.dumps({"imported": names, "tooling": sorted(m for m in sys.modules
                                                       if m.startswith("spasm_edu.tooling"))}))
"""


def test_the_runtime_imports_no_tooling_module_in_a_fresh_process():
    out = subprocess.run(
        [sys.executable, "-c", RUNTIME], capture_output=True, text=True, timeout=240
    )
    assert out.returncode == 0, out.stderr[-3000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert len(seen["imported"]) > 40
    assert seen["tooling"] == [], f"the runtime pulled in tooling: {seen['tooling']}"

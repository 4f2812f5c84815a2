"""Find what the course holds today, so quality gates and benchmarks cover new work unasked.

- :func:`explorer_classes`: the one :class:`~spasm_edu.explorers.base.Explorer` subclass of
  each cause's explorer (``spasm_edu/causes.py``), then of each course-wide module in
  ``spasm_edu/explorers/`` (triage, spasm types, diary, …).
- :func:`model_modules`: every module in ``spasm_edu/models/``.
- :func:`notebooks`: every ``notebooks/*.ipynb``.

Nothing here is imported by the course itself; tests, ``spasm_edu.tooling.readability`` and
``spasm_edu.tooling.bench`` use it.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from spasm_edu import causes, paths

PACKAGE_DIR = paths.PACKAGE_DIR  # spasm_edu/, not this tooling folder
NOTEBOOK_DIR = paths.folder("notebooks")


def cause_ids() -> list[str]:
    """Cause ids in data/causes.csv order (each with its entry in spasm_edu/causes.py)."""
    return causes.ids()


NOT_EXPLORERS = {"base", "quiz"}  # the shared base class and the quiz widget


def explorer_modules() -> dict[str, str]:
    """name -> module for every explorer module: each cause's explorer first (its entry in
    spasm_edu/causes.py, in causes.csv order), then the course-wide ones in
    ``spasm_edu/explorers/`` (triage, spasm types, diary, …)."""
    from spasm_edu import explorers

    out = {cid: spec.explorer for cid, spec in causes.all_causes().items() if spec.explorer}
    taken = set(out.values())
    for info in sorted(pkgutil.iter_modules(explorers.__path__), key=lambda i: i.name):
        name = f"spasm_edu.explorers.{info.name}"
        if info.name.startswith("_") or info.name in NOT_EXPLORERS or name in taken:
            continue
        out[info.name] = name
    return out


explorer_class = causes.explorer_class  # the single Explorer subclass a module defines


def explorer_classes() -> dict[str, type]:
    """name -> Explorer subclass, importing each explorer module."""
    return {
        cid: explorer_class(importlib.import_module(name))
        for cid, name in explorer_modules().items()
    }


def model_modules() -> dict[str, ModuleType]:
    """module short name -> module, for every module in ``spasm_edu/models/``."""
    from spasm_edu import models

    return {
        info.name: importlib.import_module(f"{models.__name__}.{info.name}")
        for info in pkgutil.iter_modules(models.__path__)
        if not info.name.startswith("_")
    }


def notebooks(pattern: str = "*.ipynb") -> list[Path]:
    """Every notebook in ``notebooks/`` matching ``pattern``, sorted by name."""
    return sorted(NOTEBOOK_DIR.glob(pattern))


def control_values(control) -> list:
    """Valid values a person can pick with this control: every option, or a spread of a
    numeric range (min, max and points between), or True/False. Empty for free text."""
    import ipywidgets as w

    if isinstance(control, w.widgets.widget_selection._Selection):
        return list(control._options_values)
    if isinstance(control, w.Checkbox | w.ToggleButton):
        return [False, True]
    lo, hi = getattr(control, "min", None), getattr(control, "max", None)
    if lo is None or hi is None:
        return []
    step = getattr(control, "step", None) or 1
    n = 6
    raw = [lo + (hi - lo) * i / (n - 1) for i in range(n)]
    values = []
    for v in raw:
        v = lo + round((v - lo) / step) * step
        v = min(max(v, lo), hi)
        if isinstance(control.value, int) and not isinstance(control.value, bool):
            v = int(round(v))
        if v not in values:
            values.append(v)
    return values

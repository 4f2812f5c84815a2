"""Find what the course holds today, so quality gates and benchmarks cover new work unasked.

- :func:`explorer_classes`: the one :class:`~spasm_edu.explorers.base.Explorer` subclass in
  each ``spasm_edu/explorers/<name>.py`` (the causes', then triage, spasm types, diary, …).
- :func:`model_modules`: every module in ``spasm_edu/models/``.
- :func:`notebooks`: every ``notebooks/*.ipynb``.

Nothing here is imported by the course itself; tests, ``spasm_edu.tooling.readability`` and
``spasm_edu.tooling.bench`` use it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType

from spasm_edu import facts, paths

PACKAGE_DIR = paths.PACKAGE_DIR  # spasm_edu/, not this tooling folder
NOTEBOOK_DIR = paths.folder("notebooks")


def cause_ids() -> list[str]:
    """Cause ids in data/causes.csv order."""
    return list(facts.table("causes.csv").by_id)


NOT_EXPLORERS = {"base", "quiz"}  # the shared base class and the quiz widget


def explorer_modules() -> dict[str, str]:
    """name -> module for every explorer module: each cause's ``explorers/<cause_id>.py`` first
    (in causes.csv order), then the course-wide ones (triage, spasm types, diary, …)."""
    from spasm_edu import explorers

    found = {
        info.name
        for info in pkgutil.iter_modules(explorers.__path__)
        if not info.name.startswith("_") and info.name not in NOT_EXPLORERS
    }
    ordered = [cid for cid in cause_ids() if cid in found] + sorted(found - set(cause_ids()))
    return {name: f"spasm_edu.explorers.{name}" for name in ordered}


def explorer_class(module: ModuleType) -> type:
    """The single Explorer subclass a cause module defines (ValueError if not exactly one)."""
    from spasm_edu.explorers.base import Explorer

    found = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, Explorer)
        and obj is not Explorer
        and obj.__module__ == module.__name__
    ]
    if len(found) != 1:
        names = ", ".join(c.__name__ for c in found) or "none"
        raise ValueError(
            f"{module.__name__} must define exactly one Explorer subclass (found {names})"
        )
    return found[0]


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

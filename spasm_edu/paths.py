"""Where the course's data and notebooks are: the checkout's own, or the installed copy.

The repository's top-level ``data/`` (and ``notebooks/``) is the one place to edit. Two ways
to run the package, one rule each:

- **From a checkout** (``make``, ``pip install -e .``, Binder, a hub's ``/srv/spasm-edu``): the
  folder next to ``spasm_edu/``, found because the checkout's ``pyproject.toml`` is there.
  An edit to a CSV file shows at the next kernel start; nothing needs rebuilding.
- **From a wheel or** ``pip install .``: the copy that the build put inside the package
  (``spasm_edu/data/``, ``spasm_edu/notebooks/``; pyproject.toml maps the top-level folders
  there, so git holds each file once), found with :mod:`importlib.resources`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT = PACKAGE_DIR.parent
# The folders pyproject.toml copies into the package ([tool.setuptools] package-dir).
SHIPPED = ("data", "notebooks")


def in_checkout() -> bool:
    """True when the package runs from the repository (or an unpacked sdist), not from an
    installed wheel: the project's pyproject.toml sits beside ``spasm_edu/``."""
    return (CHECKOUT / "pyproject.toml").is_file()


def folder(name: str) -> Path:
    """The folder ``name`` ("data" or "notebooks"): the checkout's when there is one, else the
    installed package's copy. When neither exists, the checkout's path, so a missing file is
    reported where a maintainer would look for it."""
    if name not in SHIPPED:
        raise ValueError(f"name must be one of {', '.join(SHIPPED)} (got {name!r})")
    mine = CHECKOUT / name
    if in_checkout() and mine.is_dir():
        return mine
    shipped = resources.files(__package__).joinpath(name)
    # An installed wheel is a plain folder on disk (pip never installs this package zipped).
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return mine

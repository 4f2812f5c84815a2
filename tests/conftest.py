"""Shared fixtures. Plain pytest needs no kernel or browser for model and explorer tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from spasm_edu import facts

# Shared checks live in tests/helpers.py; rewrite their asserts to report values on failure.
pytest.register_assert_rewrite("tests.helpers")

ROOT = Path(__file__).resolve().parent.parent

# tests/hub starts a real JupyterHub with several student servers (minutes, the `hub` extra,
# npm): only `make test-hub` runs it (HUB_TEST=1), after `make test` in CI.
if os.environ.get("HUB_TEST") != "1":
    collect_ignore = ["hub"]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(facts.DATA_DIR, target)
    return target


def rewrite(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a CSV file (fails loudly if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

"""Checks and input strategies shared by the model, explorer and command-line tests.

conftest.py registers this module for pytest's assertion rewriting, so a failing check here
reports its values the same way an assert written in the test itself would.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import strategies as st

from spasm_edu.validation import InputError
from tests.conftest import ROOT

T = TypeVar("T")
MODES = ("student", "patient")


def any_input(
    *extra: st.SearchStrategy,
    integers: tuple[int | None, int | None] = (-(10**6), 10**6),
    text_size: int = 5,
) -> st.SearchStrategy:
    """Any value a careless caller might pass: None, booleans, whole numbers in `integers`
    (`(None, None)` for no bound), every float (NaN and infinities too), short text, and then
    each `extra` strategy (near-valid ids, lists, ...)."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(*integers),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=text_size),
        *extra,
    )


def ids_or_text(ids: list[str]) -> st.SearchStrategy:
    """Short lists mixing real ids with junk text (up to 3 items)."""
    return st.lists(st.one_of(st.text(max_size=5), st.sampled_from(ids)), max_size=3)


def assert_names_argument(call: Callable[[], Any], name: str) -> InputError:
    """`call()` raises InputError naming `name`, and its message starts with that name and
    quotes the bad value ("(got ...)"). Returns the error for further checks."""
    with pytest.raises(InputError) as info:
        call()
    assert info.value.name == name
    assert str(info.value).startswith(name) and "(got " in str(info.value)
    return info.value


def result_or_value_error(call: Callable[[], T]) -> T | None:
    """The result of `call()`, or None when it refused with a ValueError saying what the input
    "must be". Any other exception fails the test; so does a call that returns None."""
    try:
        result = call()
    except ValueError as exc:
        assert "must be" in str(exc)
        return None
    assert result is not None
    return result


def run_cli(module: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m module args...` from the project root, text output captured, 60 s at most."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def plain(html: str) -> str:
    """The words of an HTML snippet: tags dropped, runs of white space folded to one space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def assert_controls_labelled(explorer_class: type, modes: tuple[str, ...] = MODES) -> None:
    """Every control of `explorer_class(mode=m)`, for each mode, has a non-blank label."""
    for mode in modes:
        for control in explorer_class(mode=mode).controls.values():
            assert control.description.strip()


def assert_bad_mode_rejected(explorer_class: type) -> None:
    """An unknown mode is refused with a ValueError saying what the mode must be."""
    with pytest.raises(ValueError, match="mode must be"):
        explorer_class(mode="teacher")


def finish_questions(triage_explorer) -> None:
    """Tick "None of these" on every group of red-flag questions not answered yet, as a
    patient who has nothing more to tick would (the level shows only when all are answered)."""
    for group in triage_explorer.groups_asked():
        if not triage_explorer.answered(group):
            triage_explorer.none_boxes[group].value = True
    assert triage_explorer.complete


ORACLE_FILE = ROOT / "tests" / "oracle.yaml"


@functools.cache
def oracle_entries() -> dict[str, object]:
    """``{"FILE:ROW:COLUMN": expected value}`` from tests/oracle.yaml."""
    import yaml

    tree = yaml.safe_load(ORACLE_FILE.read_text(encoding="utf-8"))
    return {
        f"{file}:{row}:{column}": value
        for file, rows in tree.items()
        for row, columns in rows.items()
        for column, value in columns.items()
    }


def oracle(key: str):
    """A pinned data value, ``oracle("caffeine_limits.csv:adult:max_mg_per_day")``.

    It must be listed in tests/oracle.yaml; the value returned is the one data/ holds, and
    tests/test_oracle.py is the one test that compares it with the oracle's. A test that pins
    a number therefore fails only there when a clinician changes it."""
    from spasm_edu import factref

    if key not in oracle_entries():
        raise KeyError(f"{key} is not in tests/oracle.yaml: add it there with its value")
    return factref.cell(*key.split(":"))


def oracle_text(key: str) -> str:
    """A pinned value as the course writes it (400, 62.5, 3,400): for matching shown text."""
    from spasm_edu import factref

    return factref.number(oracle(key))

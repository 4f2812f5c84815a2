"""The test oracle (tests/oracle.yaml) against data/: the one test a clinician's edit fails."""

from __future__ import annotations

import pytest

from spasm_edu import factref
from tests.helpers import ORACLE_FILE, oracle, oracle_entries


def mismatches(entries: dict[str, object], data_dir=None) -> list[str]:
    out = []
    for key, expected in entries.items():
        c = factref.Cell(*key.split(":"))
        try:
            now = factref.cell(c.file, c.row, c.column, data_dir)
        except factref.FactRefError as err:
            out.append(f"tests/oracle.yaml names {key}, but {err}")
            continue
        if not factref._same(str(expected), now):
            places = factref.quoters(c, data_dir) or ["(nothing quotes it)"]
            out.append(
                f"data/{c.file} {c.row} {c.column} is {factref.number(now)}, tests/oracle.yaml "
                f"expects {factref.number(expected)}: if the change is intended, update the "
                "oracle and re-read:\n    " + "\n    ".join(places)
            )
    return out


def test_data_matches_the_oracle():
    problems = mismatches(oracle_entries())
    assert not problems, "\n".join(problems)


def test_the_oracle_can_fail_and_names_the_places_to_re_read():
    now = factref.cell("caffeine_limits.csv", "adult", "max_mg_per_day")
    problems = mismatches({"caffeine_limits.csv:adult:max_mg_per_day": now + 1})
    assert len(problems) == 1
    msg = problems[0]
    assert msg.startswith(
        f"data/caffeine_limits.csv adult max_mg_per_day is {factref.number(now)}, "
        f"tests/oracle.yaml expects {factref.number(now + 1)}: if the change is intended"
    )
    assert "content/notebooks/02_caffeine.md:" in msg
    assert "data/quiz.csv row 'caf_total', column 'question'" in msg


def test_an_unknown_cell_in_the_oracle_is_named():
    problems = mismatches({"caffeine_limits.csv:adult:max_mgg": 400})
    assert "no column 'max_mgg' in data/caffeine_limits.csv" in problems[0]


def test_a_test_may_only_pin_what_the_oracle_lists():
    with pytest.raises(KeyError, match="not in tests/oracle.yaml"):
        oracle("caffeine_limits.csv:adult:label")
    assert ORACLE_FILE.name == "oracle.yaml"

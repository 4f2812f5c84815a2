"""`make present` checks every data file before Voila starts (no server started here)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from spasm_edu import facts, present
from tests.conftest import ROOT, rewrite


def run_present(data_dir, timeout_s: float = 120) -> subprocess.CompletedProcess:
    """``python -m spasm_edu.present`` reading ``data_dir`` (as a kernel would: $SPASM_DATA_DIR)."""
    env = dict(os.environ, **{facts.DATA_ENV: str(data_dir)})
    return subprocess.run(
        [sys.executable, "-m", "spasm_edu.present", "--port", str(present.free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )


def test_the_shipped_data_has_no_problem():
    assert present.data_problem() is None


def _bom(path):
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _latin1(path):
    raw = path.read_bytes()
    assert b"\ncaffeine,Caffeine," in raw
    path.write_bytes(raw.replace(b"\ncaffeine,Caffeine,", b"\ncaffeine,Caf\xe9ine,", 1))


def _stray_comma(path):
    rewrite(path, "caffeine,Caffeine,", "caffeine,Caffeine,,")


def _empty_name(path):
    rewrite(path, "caffeine,Caffeine,", "caffeine,,")


@pytest.mark.parametrize(
    ("damage", "where", "words"),
    [
        (_bom, "data/causes.csv, row 1, column 'cause_id'", "byte order mark (BOM)"),
        (_latin1, "data/causes.csv, row 3, column 'name'", "is not UTF-8 text: byte e9"),
        (_stray_comma, "data/causes.csv, row 3", "different number"),
        (_empty_name, "data/causes.csv, row 3, column 'name'", "(found '')"),
    ],
    ids=["bom", "latin1", "stray-comma", "empty-cell"],
)
def test_a_broken_data_file_stops_present_with_status_2(data_copy, damage, where, words):
    damage(data_copy / "causes.csv")
    done = run_present(data_copy)
    assert done.returncode == 2, done.stderr
    assert where in done.stderr and words in done.stderr
    assert "The session was not started" in done.stderr and str(data_copy) in done.stderr
    assert "Traceback" not in done.stderr
    assert present.data_problem(data_copy) is not None  # the same check, in this process


def test_red_flag_tables_are_checked_against_each_other(data_copy):
    # every column valid on its own, but a rule names a finding that does not exist
    rewrite(
        data_copy / "red_flag_rules.csv",
        "one_calf_swollen_warm;breathless_or_chest_pain",
        "one_calf_swollen_warm;no_such_finding",
    )
    problem = present.data_problem(data_copy)
    assert problem and "red_flag_rules.csv" in problem and "no_such_finding" in problem

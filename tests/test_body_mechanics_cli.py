"""`python -m spasm_edu.lifting`: JSON in the units asked for; bad input exits non-zero."""

from __future__ import annotations

import json
import math
import subprocess

import pytest

from tests.helpers import run_cli
from tests.test_body_mechanics_model import K, by_hand, cm, fm


def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli("spasm_edu.lifting", *args)


def test_json_us_example_matches_the_hand_calculation():
    # Example C (tests/test_body_mechanics_model.py): RWL 6.74059554 lb, LI 4.4506.
    out = run(
        "--json", "--units", "us", "--load", "30", "--h", "15", "--v", "10", "--d", "40",
        "--a", "45", "--freq", "5", "--duration", "2to8h", "--coupling", "poor",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    expected = by_hand("us", 15, 10, 40, 45, fm("f5", "2to8h", "low"), cm("poor", "low"))
    rwl = K("us").load_constant * math.prod(expected.values())
    assert data["rwl"] == pytest.approx(rwl, abs=1e-6)
    assert data["li"] == pytest.approx(30 / rwl, abs=1e-6)
    assert data["multipliers"] == pytest.approx(expected, abs=1e-6)
    assert data["mass_unit"] == "lb" and data["band"] == "high" and data["costliest"] == ["FM"]


def test_json_metric_example_and_zero_rwl():
    # Example B: RWL 8.162753 kg, LI 1.470092.
    out = run(
        "--json", "--units", "metric", "--load", "12", "--h", "40", "--v", "30", "--d", "50",
        "--a", "30", "--freq", "2", "--duration", "1to2h", "--coupling", "fair",
    )  # fmt: skip
    data = json.loads(out.stdout)
    expected = by_hand("metric", 40, 30, 50, 30, fm("f2", "1to2h", "low"), cm("fair", "low"))
    rwl = K().load_constant * math.prod(expected.values())
    assert data["rwl"] == pytest.approx(rwl, abs=1e-6) and data["mass_unit"] == "kg"
    assert list(data["multipliers"]) == ["HM", "VM", "DM", "AM", "FM", "CM"]
    zero = json.loads(run("--json", "--load", "5", "--h", "70", "--v", "75", "--d", "25").stdout)
    assert zero["rwl"] == 0 and zero["li"] is None and zero["multipliers"]["HM"] == 0


def test_plain_output_is_a_sentence():
    lc = f"{K().load_constant:g}"  # an ideal lift of the load constant: RWL 23 kg, LI 1
    out = run("--load", lc, "--h", "25", "--v", "75", "--d", "25")
    assert out.returncode == 0 and f"RWL = {lc} kg" in out.stdout and "LI = 1.00" in out.stdout


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--h", "abc"], "--h"),
        (["--h", "-5"], "--h"),
        (["--v", "nan"], "--v"),
        (["--d", "300"], "--d"),
        (["--a", "200"], "--a"),
        (["--load", "0"], "--load"),
        (["--freq", "2.5"], "--freq"),
        (["--duration", "12h"], "--duration"),
        (["--coupling", "great"], "--coupling"),
        (["--units", "imperial"], "--units"),
    ],
)
def test_invalid_input_exits_non_zero_naming_the_argument(args, flag):
    base = {"--load": "10", "--h": "30", "--v": "70", "--d": "40"}
    for k, v in zip(args[::2], args[1::2], strict=True):
        base[k] = v
    out = run("--json", *[x for kv in base.items() for x in kv])
    assert out.returncode != 0
    assert f"argument {flag}" in out.stderr
    assert out.stdout == ""


def test_missing_required_argument_is_named():
    out = run("--json", "--load", "10", "--h", "30", "--v", "70")
    assert out.returncode != 0 and "--d" in out.stderr

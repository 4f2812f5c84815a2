"""Revised NIOSH Lifting Equation: hand-worked examples, every cut-off, every table cell.

The published constants and tables (NIOSH Pub. 94-110 Table 5 and Table 7, as copied in
../shared/reference/medical-facts.md section 7) are typed once, independently of
data/body_mechanics_*.csv, in tests/oracle.yaml: a wrong cell in a CSV fails
tests/test_oracle.py, which names it. The tests here read them from the oracle and work the
examples out by hand from them (the comments show the arithmetic with today's values).
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import body_mechanics as bm
from spasm_edu.validation import InputError
from tests.helpers import (
    any_input,
    assert_names_argument,
    oracle,
    oracle_entries,
    result_or_value_error,
)


def pinned(file: str, row: str) -> SimpleNamespace:
    """Every column of one data row that tests/oracle.yaml pins, read through the oracle."""
    prefix = f"{file}:{row}:"
    cols = [k[len(prefix) :] for k in oracle_entries() if k.startswith(prefix)]
    return SimpleNamespace(**{c: oracle(prefix + c) for c in cols})


def K(units: str = "metric") -> SimpleNamespace:
    """The NIOSH constants of one unit system (LC, HM, VM, DM, AM and their cut-offs)."""
    return pinned("body_mechanics_constants.csv", units)


def fm(row_id: str, duration: str, band: str) -> float:
    return oracle(f"body_mechanics_frequency.csv:{row_id}:fm_{duration}_v_{band}")


def cm(coupling: str, band: str) -> float:
    return oracle(f"body_mechanics_coupling.csv:{coupling}:cm_v_{band}")


def by_hand(units, h, v, d, a_deg, fm_, cm_) -> dict[str, float]:
    """The six multipliers worked out from the pinned constants (inside every cut-off)."""
    c = K(units)
    return {
        "HM": c.h_reference / max(h, c.h_reference),
        "VM": 1 - c.v_factor * abs(v - c.v_optimum),
        "DM": c.d_intercept + c.d_factor / max(d, c.d_reference),
        "AM": 1 - c.a_factor * a_deg,
        "FM": fm_,
        "CM": cm_,
    }


# ---------------------------------------------------------------------------------------------
# Hand-computed examples (arithmetic written out; the model must match to 1e-9 relative).
# ---------------------------------------------------------------------------------------------


def test_example_a_ideal_lift_gives_the_load_constant():
    # H 25 cm, V 75 cm, D 25 cm, A 0, F 0.2/min for <= 1 h, good grip:
    # HM = 25/25 = 1; VM = 1 - 0.003*|75-75| = 1; DM = 0.82 + 4.5/25 = 0.82 + 0.18 = 1;
    # AM = 1 - 0.0032*0 = 1; FM(0.2, le1h) = 1.00; CM(good) = 1.00.
    # RWL = 23 * 1 = 23 kg; load 23 kg -> LI = 23/23 = 1.0 -> "nearly all" band (LI <= 1).
    c = K()
    assert c.d_intercept + c.d_factor / c.d_reference == pytest.approx(1)  # DM = 1 at 25 cm
    lc = c.load_constant
    r = bm.assess(lc, h=c.h_reference, v=c.v_optimum, d=c.d_reference, a_deg=0,
                  freq_per_min=0.2, duration="le1h")  # fmt: skip
    assert r.multipliers["FM"] == fm("f0_2", "le1h", "high")
    assert r.multipliers["CM"] == cm("good", "high")
    assert r.rwl == pytest.approx(lc * r.multipliers["FM"] * r.multipliers["CM"])
    assert all(m == pytest.approx(1) for m in r.multipliers.values())
    assert r.li == pytest.approx(1.0) and r.band_id == "nearly_all"
    assert r.costliest == ()  # nothing cuts the limit


def test_example_b_metric_warehouse_box():
    # 12 kg box, H 40 cm, V 30 cm, D 50 cm, A 30 deg, 2 lifts/min for 1-2 h, fair grip.
    # HM = 25/40 = 0.625
    # VM = 1 - 0.003*|30-75| = 1 - 0.135 = 0.865
    # DM = 0.82 + 4.5/50 = 0.82 + 0.09 = 0.91
    # AM = 1 - 0.0032*30 = 1 - 0.096 = 0.904
    # FM(F=2, 1to2h, V<75) = 0.84 (table)
    # CM(fair, V<75) = 0.95 (table)
    # RWL = 23 * 0.625 = 14.375; *0.865 = 12.434375; *0.91 = 11.31528125;
    #       *0.904 = 10.22901425; *0.84 = 8.592371970; *0.95 = 8.162753372 kg
    # LI = 12 / 8.162753372 = 1.4701 -> "increased" (1 < LI <= 3); smallest multiplier HM.
    r = bm.assess(12, h=40, v=30, d=50, a_deg=30, freq_per_min=2, duration="1to2h", coupling="fair")
    expected = by_hand("metric", 40, 30, 50, 30, fm("f2", "1to2h", "low"), cm("fair", "low"))
    assert r.multipliers == pytest.approx(expected)
    rwl = K().load_constant * math.prod(expected.values())
    assert r.rwl == pytest.approx(rwl, rel=1e-9)
    assert r.li == pytest.approx(12 / rwl, rel=1e-9)
    assert r.band_id == "increased" and r.costliest == ("HM",)
    assert (r.mass_unit, r.length_unit) == ("kg", "cm")


def test_example_c_us_units_frequent_floor_lift():
    # 30 lb, H 15 in, V 10 in, D 40 in, A 45 deg, 5 lifts/min for 2-8 h, poor grip (US).
    # HM = 10/15 = 0.666667
    # VM = 1 - 0.0075*|10-30| = 1 - 0.15 = 0.85
    # DM = 0.82 + 1.8/40 = 0.82 + 0.045 = 0.865
    # AM = 1 - 0.0032*45 = 1 - 0.144 = 0.856
    # FM(F=5, 2to8h, V<30 in) = 0.35; CM(poor) = 0.90
    # RWL = 51 * 2/3 = 34; *0.85 = 28.9; *0.865 = 24.9985; *0.856 = 21.398716;
    #       *0.35 = 7.4895506; *0.90 = 6.74059554 lb
    # LI = 30 / 6.74059554 = 4.4506 -> "high" (LI > 3); smallest multiplier FM (0.35).
    r = bm.assess(
        30, h=15, v=10, d=40, a_deg=45, freq_per_min=5, duration="2to8h", coupling="poor",
        units="us",
    )  # fmt: skip
    expected = by_hand("us", 15, 10, 40, 45, fm("f5", "2to8h", "low"), cm("poor", "low"))
    assert r.multipliers == pytest.approx(expected)
    rwl = K("us").load_constant * math.prod(expected.values())
    assert r.rwl == pytest.approx(rwl, rel=1e-9)
    assert r.li == pytest.approx(30 / rwl, rel=1e-9)
    assert r.band_id == "high" and r.costliest == ("FM",)
    assert (r.mass_unit, r.length_unit, r.load_constant) == ("lb", "in", K("us").load_constant)


def test_example_d_high_shelf_lift_uses_the_v_split_cells():
    # 10 kg from a shelf: H 30 cm, V 150 cm, D 40 cm, A 0, 9 lifts/min for 2-8 h, fair grip.
    # HM = 25/30 = 0.833333; VM = 1 - 0.003*|150-75| = 1 - 0.225 = 0.775
    # DM = 0.82 + 4.5/40 = 0.82 + 0.1125 = 0.9325; AM = 1
    # FM(9, 2to8h, V >= 75) = 0.15 (the split cell; below 75 cm it would be 0)
    # CM(fair, V >= 75) = 1.00
    # RWL = 23 * 0.833333 = 19.166667; *0.775 = 14.854167; *0.9325 = 13.851510;
    #       *0.15 = 2.077727 kg; LI = 10 / 2.077727 = 4.8130 -> "high"; costliest FM.
    r = bm.assess(10, h=30, v=150, d=40, freq_per_min=9, duration="2to8h", coupling="fair")
    split_cell = fm("f9", "2to8h", "high")
    assert r.multipliers["FM"] == split_cell and r.multipliers["CM"] == cm("fair", "high")
    expected = by_hand("metric", 30, 150, 40, 0, split_cell, cm("fair", "high"))
    rwl = K().load_constant * math.prod(expected.values())
    assert r.rwl == pytest.approx(rwl)
    assert r.li == pytest.approx(10 / rwl) and r.costliest == ("FM",)
    assert fm("f9", "2to8h", "low") == 0  # the test needs the 0 cell below the split
    low = bm.assess(10, h=30, v=74, d=40, freq_per_min=9, duration="2to8h", coupling="fair")
    assert low.multipliers["FM"] == 0 and low.rwl == 0 and math.isinf(low.li)
    assert low.zero_multipliers == ("FM",) and low.band_id == "high"


def test_example_e_short_reach_and_travel_are_raised_to_the_minimum():
    # H 10 cm -> set to 25 (HM = 1); D 5 cm -> set to 25 (DM = 0.82 + 4.5/25 = 1).
    c = K()
    r = bm.assess(5, h=10, v=75, d=5)
    assert (r.h_used, r.d_used) == (c.h_reference, c.d_reference)
    assert r.multipliers["HM"] == 1 and r.multipliers["DM"] == pytest.approx(1)
    rwl = c.load_constant * r.multipliers["FM"] * r.multipliers["CM"]
    assert r.rwl == pytest.approx(rwl)
    # LI = 5/23 = 0.2174
    assert r.li == pytest.approx(5 / rwl)


def test_example_f_patient_handling_limit():
    # Waters 2007: 35 lb (about 16 kg) for most patient-handling tasks.
    limit = pinned("body_mechanics_patient_handling.csv", "patient_handling")
    r = bm.assess(limit.max_kg + 4, h=25, v=75, d=25, lifting_a_person=True)
    assert r.applies is False and r.patient_limit == limit.max_kg and r.over_patient_limit
    assert "waters_2007" in r.source_ids
    us = bm.assess(limit.max_lb - 5, h=10, v=30, d=10, units="us", lifting_a_person=True)
    assert us.patient_limit == limit.max_lb and not us.over_patient_limit
    assert bm.assess(limit.max_lb + 0.5, h=10, v=30, d=10, units="us").over_patient_limit
    assert bm.assess(20, h=25, v=75, d=25).applies is True


# ---------------------------------------------------------------------------------------------
# Every published cut-off, on both sides, metric and US.
# ---------------------------------------------------------------------------------------------


# Each row: (multiplier, the value as a function of the unit system's pinned constants c,
# units, the expected multiplier as a function of c); today's numbers in the comments.
H, V, D, A = (bm.horizontal_multiplier, bm.vertical_multiplier, bm.distance_multiplier,
              bm.asymmetric_multiplier)  # fmt: skip
CUT_OFFS = [
    # HM = 25/H, 1 at or below 25 cm, 0 above 63 cm
    (H, lambda c: 0, "metric", lambda c: 1.0),
    (H, lambda c: c.h_reference - 0.1, "metric", lambda c: 1.0),  # 24.9
    (H, lambda c: c.h_reference, "metric", lambda c: 1.0),
    (H, lambda c: 50, "metric", lambda c: c.h_reference / 50),  # 25/50 = 0.5
    (H, lambda c: c.h_max, "metric", lambda c: c.h_reference / c.h_max),  # 25/63 = 0.3968
    (H, lambda c: c.h_max + 0.01, "metric", lambda c: 0.0),
    # US: HM = 10/H, 1 at or below 10 in, 0 above 25 in
    (H, lambda c: c.h_reference, "us", lambda c: 1.0),
    (H, lambda c: 20, "us", lambda c: c.h_reference / 20),  # 10/20 = 0.5
    (H, lambda c: c.h_max, "us", lambda c: c.h_reference / c.h_max),  # 10/25 = 0.4
    (H, lambda c: c.h_max + 0.01, "us", lambda c: 0.0),
    # VM = 1 - 0.003|V-75|, 0 above 175 cm
    (V, lambda c: 0, "metric", lambda c: 1 - c.v_factor * c.v_optimum),  # 0.775
    (V, lambda c: c.v_optimum, "metric", lambda c: 1.0),
    (V, lambda c: c.v_max, "metric", lambda c: 1 - c.v_factor * (c.v_max - c.v_optimum)),  # 0.7
    (V, lambda c: c.v_max + 0.01, "metric", lambda c: 0.0),
    # US: VM = 1 - 0.0075|V-30|, 0 above 70 in
    (V, lambda c: 0, "us", lambda c: 1 - c.v_factor * c.v_optimum),  # 0.775
    (V, lambda c: c.v_optimum, "us", lambda c: 1.0),
    (V, lambda c: c.v_max, "us", lambda c: 1 - c.v_factor * (c.v_max - c.v_optimum)),  # 0.7
    (V, lambda c: c.v_max + 0.01, "us", lambda c: 0.0),
    # DM = 0.82 + 4.5/D, 1 at or below 25 cm, 0 above 175 cm
    (D, lambda c: 0, "metric", lambda c: c.d_intercept + c.d_factor / c.d_reference),  # 1.0
    (D, lambda c: c.d_reference, "metric", lambda c: c.d_intercept + c.d_factor / c.d_reference),
    (D, lambda c: 100, "metric", lambda c: c.d_intercept + c.d_factor / 100),  # 0.865
    (D, lambda c: c.d_max, "metric", lambda c: c.d_intercept + c.d_factor / c.d_max),  # 0.8457
    (D, lambda c: c.d_max + 0.01, "metric", lambda c: 0.0),
    # US: DM = 0.82 + 1.8/D, 1 at or below 10 in, 0 above 70 in
    (D, lambda c: c.d_reference, "us", lambda c: c.d_intercept + c.d_factor / c.d_reference),
    (D, lambda c: 40, "us", lambda c: c.d_intercept + c.d_factor / 40),  # 0.865
    (D, lambda c: c.d_max, "us", lambda c: c.d_intercept + c.d_factor / c.d_max),  # 0.8457
    (D, lambda c: c.d_max + 0.01, "us", lambda c: 0.0),
    # AM = 1 - 0.0032A, 0 above 135 degrees (same in both unit systems)
    (A, lambda c: 0, "metric", lambda c: 1.0),
    (A, lambda c: 90, "metric", lambda c: 1 - c.a_factor * 90),  # 0.712
    (A, lambda c: c.a_max_deg, "metric", lambda c: 1 - c.a_factor * c.a_max_deg),  # 0.568
    (A, lambda c: c.a_max_deg + 0.1, "metric", lambda c: 0.0),
    (A, lambda c: c.a_max_deg, "us", lambda c: 1 - c.a_factor * c.a_max_deg),
    (A, lambda c: c.a_max_deg + 1, "us", lambda c: 0.0),
]


def test_the_reference_values_are_what_the_cut_off_rows_assume():
    # 1 at the reference distance: DM = 0.82 + 4.5/25 = 1 (metric), 0.82 + 1.8/10 (US)
    for units in ("metric", "us"):
        c = K(units)
        assert c.d_intercept + c.d_factor / c.d_reference == pytest.approx(1)


@pytest.mark.parametrize(("func", "value", "units", "expected"), CUT_OFFS)
def test_multiplier_formulas_and_cut_offs(func, value, units, expected):
    c = K(units)
    assert func(value(c), units) == pytest.approx(expected(c), abs=1e-12)


def test_a_zero_multiplier_makes_rwl_zero_and_li_infinite():
    for kwargs in (dict(h=64), dict(v=176), dict(d=176), dict(a_deg=136)):
        args = dict(h=25, v=75, d=25) | kwargs
        r = bm.assess(10, **args)
        assert r.rwl == 0 and math.isinf(r.li) and r.band_id == "high"
        assert len(r.zero_multipliers) == 1 and r.costliest == r.zero_multipliers


# ---------------------------------------------------------------------------------------------
# Every frequency-table cell: CSV against a literal copy, and the model's lookup.
# ---------------------------------------------------------------------------------------------

# F: (le1h V<75, le1h V>=75, 1to2h V<75, 1to2h V>=75, 2to8h V<75, 2to8h V>=75): the published
# Table 5 as pinned in tests/oracle.yaml (row ids f0_2 ... f15)
COLUMNS = [(dur, band) for dur in ("le1h", "1to2h", "2to8h") for band in ("low", "high")]
FM_ROWS = sorted(
    {k.split(":")[1] for k in oracle_entries() if k.startswith("body_mechanics_frequency.csv:")},
    key=lambda row_id: oracle(f"body_mechanics_frequency.csv:{row_id}:frequency_lifts_per_min"),
)
FM_TABLE = {
    oracle(f"body_mechanics_frequency.csv:{row_id}:frequency_lifts_per_min"): tuple(
        fm(row_id, dur, band) for dur, band in COLUMNS
    )
    for row_id in FM_ROWS
}
CELLS = [(f, dur, band, FM_TABLE[f][i]) for f in FM_TABLE for i, (dur, band) in enumerate(COLUMNS)]
# Just below / at the split: 74.9 / 75 cm and 29.9 / 30 in.
V_FOR = {("metric", "low"): 74.9, ("metric", "high"): 75, ("us", "low"): 29.9, ("us", "high"): 30}


def test_frequency_table_has_exactly_the_published_rows():
    rows = facts.table(bm.FREQUENCY)
    listed = [r.frequency_lifts_per_min for r in rows if r.applies != "above"]
    assert listed == list(FM_TABLE)
    assert [r.applies for r in rows][0] == "at_or_below" and rows.rows[-1].applies == "above"
    assert len(CELLS) == 17 * 6 == 102


@pytest.mark.parametrize(("freq", "duration", "band", "expected"), CELLS)
def test_every_frequency_cell(freq, duration, band, expected):
    row = bm.frequency_row(freq)
    assert getattr(row, f"fm_{duration}_v_{band}") == expected, "CSV differs from the table"
    for units in ("metric", "us"):
        fm = bm.frequency_multiplier(freq, duration, V_FOR[units, band], units)
        assert fm == expected


@pytest.mark.parametrize("duration", ["le1h", "1to2h", "2to8h"])
@pytest.mark.parametrize("freq", [15.01, 16, 30, 60])
def test_above_15_lifts_per_minute_fm_is_zero(freq, duration):
    for v in (10, 100):
        assert bm.frequency_multiplier(freq, duration, v) == 0


@pytest.mark.parametrize("freq", [0, 0.05, 0.1, 0.2])
def test_rarer_than_once_in_5_minutes_uses_the_0_2_row(freq):
    # Table 5 footnote: lifting less often than once per 5 minutes -> F = 0.2
    assert bm.frequency_row(freq).frequency_id == "f0_2"
    assert bm.frequency_multiplier(freq, "2to8h", 30) == fm("f0_2", "2to8h", "low")


@pytest.mark.parametrize("freq", [0.3, 0.75, 1.5, 2.5, 9.99, 14.5])
def test_between_table_frequencies_is_refused_not_guessed(freq):
    with pytest.raises(InputError) as info:
        bm.frequency_row(freq)
    assert info.value.name == "freq_per_min"
    assert "0.5, 1, 2, 3" in str(info.value) and "no values between" in str(info.value)


def test_fm_columns_never_rise_with_frequency():
    rows = [r for r in facts.table(bm.FREQUENCY)]
    for dur, band in COLUMNS:
        values = [getattr(r, f"fm_{dur}_v_{band}") for r in rows]
        assert values == sorted(values, reverse=True), (dur, band)


# ---------------------------------------------------------------------------------------------
# Coupling table (Table 7): every cell, both sides of the V split.
# ---------------------------------------------------------------------------------------------

CM_TABLE = {c: (cm(c, "low"), cm(c, "high")) for c in ("good", "fair", "poor")}  # Table 7


@pytest.mark.parametrize("coupling", list(CM_TABLE))
@pytest.mark.parametrize("units", ["metric", "us"])
def test_every_coupling_cell(coupling, units):
    low, high = CM_TABLE[coupling]
    row = facts.table(bm.COUPLING)[coupling]
    assert (row.cm_v_low, row.cm_v_high) == (low, high)
    assert bm.coupling_multiplier(coupling, V_FOR[units, "low"], units) == low
    assert bm.coupling_multiplier(coupling, V_FOR[units, "high"], units) == high


def test_constants_match_the_reference_sheet():
    for units in ("metric", "us"):
        pinned_now = vars(K(units))
        row = bm.constants(units)
        assert {col: getattr(row, col) for col in pinned_now} == pinned_now
        assert set(pinned_now) >= {"load_constant", "h_reference", "v_split", "a_max_deg"}


# ---------------------------------------------------------------------------------------------
# LI bands and the costliest multiplier.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("li", "band"),
    [
        (0, "nearly_all"),
        (0.5, "nearly_all"),
        ("nearly_all:li_at_most", "nearly_all"),  # LI 1
        ("nearly_all:li_at_most+", "increased"),
        ("increased:li_at_most", "increased"),  # LI 3
        ("increased:li_at_most+", "high"),
    ],
)
def test_li_bands(li, band):
    if isinstance(li, str):
        li = oracle("body_mechanics_bands.csv:" + li.rstrip("+")) + 0.0001 * li.endswith("+")
    assert bm.band_for(li).band_id == band


def test_zero_rwl_belongs_to_the_open_ended_band():
    assert bm.top_band().band_id == "high" and bm.top_band().li_at_most is None
    assert bm.lifting_index(10, 0) == math.inf
    assert bm.lifting_index(12, 8) == 1.5


def test_ties_name_every_costliest_multiplier():
    # H 50 cm -> HM = 0.5; F 6 for 1-2 h -> FM = 0.50: both cut the RWL in half.
    half = fm("f6", "1to2h", "high")
    h = K().h_reference / half  # the reach that gives HM = FM
    r = bm.assess(5, h=h, v=75, d=25, freq_per_min=6, duration="1to2h")
    assert r.costliest == ("HM", "FM")
    assert r.rwl == pytest.approx(K().load_constant * half * half)  # 23 x 0.5 x 0.5 = 5.75 kg


def test_every_multiplier_has_a_plain_name_and_a_fix():
    for symbol in bm.SYMBOLS:
        info = bm.multiplier_info(symbol)
        assert info.symbol == symbol and info.plain_name and info.fix


# ---------------------------------------------------------------------------------------------
# Bad input names the argument.
# ---------------------------------------------------------------------------------------------

GOOD = dict(load=10, h=30, v=70, d=40, a_deg=0, freq_per_min=1, duration="le1h", coupling="good")


@pytest.mark.parametrize(
    ("change", "name"),
    [
        (dict(load=0), "load"),
        (dict(load=-1), "load"),
        (dict(load=501), "load"),
        (dict(load="10"), "load"),
        (dict(load=math.nan), "load"),
        (dict(load=True), "load"),
        (dict(h=-1), "h"),
        (dict(h=151), "h"),
        (dict(h=None), "h"),
        (dict(v=-0.1), "v"),
        (dict(v=math.inf), "v"),
        (dict(d=251), "d"),
        (dict(d="far"), "d"),
        (dict(a_deg=-5), "a_deg"),
        (dict(a_deg=181), "a_deg"),
        (dict(freq_per_min=-1), "freq_per_min"),
        (dict(freq_per_min=61), "freq_per_min"),
        (dict(freq_per_min=2.5), "freq_per_min"),
        (dict(freq_per_min=math.nan), "freq_per_min"),
        (dict(duration="9h"), "duration"),
        (dict(duration=None), "duration"),
        (dict(coupling="great"), "coupling"),
        (dict(units="imperial"), "units"),
        (dict(lifting_a_person="yes"), "lifting_a_person"),
        (dict(units="us", h=61), "h"),
        (dict(units="us", load=1101), "load"),
    ],
)
def test_bad_input_names_the_argument(change, name):
    assert_names_argument(lambda: bm.assess(**(GOOD | change)), name)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: bm.horizontal_multiplier(-3), "h"),
        (lambda: bm.vertical_multiplier(10, "metres"), "units"),
        (lambda: bm.frequency_multiplier(1, "le1h", "high"), "v"),
        (lambda: bm.coupling_multiplier("fair", -2), "v"),
        (lambda: bm.band_for(-1), "li"),
        (lambda: bm.band_for(math.nan), "li"),
        (lambda: bm.band_for(math.inf), "li"),
        (lambda: bm.band_for("2"), "li"),
        (lambda: bm.lifting_index(math.inf, 5), "load"),
        (lambda: bm.lifting_index(0, 5), "load"),
        (lambda: bm.lifting_index(5, None), "rwl"),
        (lambda: bm.lifting_index(5, -1), "rwl"),
        (lambda: bm.multiplier_info("XM"), "symbol"),
    ],
)
def test_helpers_name_the_argument(call, name):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.name == name


anything = any_input(st.sampled_from([0.2, 0.5, 1, 5, 9, 12, 15, 16]), integers=(-1000, 1000))
word = st.one_of(st.sampled_from(["le1h", "1to2h", "2to8h", "good", "fair", "poor"]), anything)


@given(
    load=anything,
    h=anything,
    v=anything,
    d=anything,
    a=anything,
    f=anything,
    duration=word,
    coupling=word,
    units=st.one_of(st.sampled_from(["metric", "us"]), anything),
)
def test_any_input_gives_a_result_or_a_value_error(load, h, v, d, a, f, duration, coupling, units):
    r = result_or_value_error(lambda: bm.assess(load, h, v, d, a, f, duration, coupling, units))
    if r is not None:
        assert 0 <= r.rwl <= r.load_constant
        assert all(0 <= m <= 1 for m in r.multipliers.values())
        assert r.li > 0 and (math.isinf(r.li) == (r.rwl == 0))


@given(
    h1=st.floats(0, 150),
    h2=st.floats(0, 150),
    v=st.floats(0, 250),
    d=st.floats(0, 250),
    f=st.sampled_from([0.2, 1, 4, 9, 13, 20]),
)
def test_moving_the_load_away_never_raises_the_limit(h1, h2, v, d, f):
    near, far = sorted((h1, h2))
    a = bm.assess(10, near, v, d, freq_per_min=f, duration="1to2h")
    b = bm.assess(10, far, v, d, freq_per_min=f, duration="1to2h")
    assert b.rwl <= a.rwl + 1e-12


# ---------------------------------------------------------------------------------------------
# A patient's answers so far (lift_so_far): nothing that was not told is assumed.
# ---------------------------------------------------------------------------------------------
def test_lift_so_far_gives_no_limit_until_every_question_is_told():
    r = bm.lift_so_far()
    assert r.missing == bm.LIFT_QUESTIONS and r.limit is None and r.lift is None
    assert r.units == "metric" and r.load is None and r.over_patient_limit is None
    told = dict(task="object", h=40, v=30, d=25, a_deg=0, freq_per_min=1, duration="2to8h")
    r = bm.lift_so_far(**told)
    assert r.missing == ("coupling",) and r.limit is None and r.multipliers is None


def test_lift_so_far_limit_is_the_rwl_of_assess_and_the_load_adds_the_lifting_index():
    told = dict(h=40, v=30, d=25, a_deg=0, freq_per_min=1, duration="2to8h", coupling="fair")
    r = bm.lift_so_far(task="object", **told)
    full = bm.assess(10, **told)
    assert r.limit == pytest.approx(full.rwl) and r.multipliers == full.multipliers
    assert r.frequency_row_id == "f1" and r.costliest == ("HM",) and r.lift is None
    r = bm.lift_so_far(task="object", load=10, **told)
    assert r.lift.li == pytest.approx(full.li) and r.lift.rwl == pytest.approx(full.rwl)


def test_lift_so_far_for_a_person_is_the_patient_handling_limit_only():
    r = bm.lift_so_far(units="us", task="person", load=40)
    limit = oracle("body_mechanics_patient_handling.csv:patient_handling:max_lb")
    assert r.limit is None and r.patient_limit == limit and r.over_patient_limit
    assert "waters_2007" in r.source_ids


@pytest.mark.parametrize(
    ("change", "name"),
    [
        (dict(units="si"), "units"),
        (dict(task="box"), "task"),
        (dict(load=0), "load"),
        (dict(h=math.nan), "h"),
        (dict(a_deg="30"), "a_deg"),
        (dict(freq_per_min=2.5), "freq_per_min"),
        (dict(duration="all_day"), "duration"),
        (dict(coupling="great"), "coupling"),
    ],
)
def test_lift_so_far_names_a_bad_answer(change, name):
    assert_names_argument(lambda: bm.lift_so_far(**change), name)

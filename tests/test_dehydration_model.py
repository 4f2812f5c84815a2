"""Dehydration model: numbers checked by hand against the sources, and bad input rejected."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import dehydration
from tests.helpers import any_input, assert_names_argument, oracle, result_or_value_error


def water(group: str, column: str = "total_water_l_per_day") -> float:
    """IOM 2004 water figures pinned in tests/oracle.yaml (dehydration_water_needs.csv)."""
    return oracle(f"dehydration_water_needs.csv:{group}:{column}")


def ref(quantity_id: str) -> float:
    """A dehydration_reference.csv value pinned in tests/oracle.yaml."""
    return oracle(f"dehydration_reference.csv:{quantity_id}:value")


FOOD = ref("food_share") / 100  # about 20 % of total water comes from food
LIMIT = ref("acsm_loss_limit")  # ACSM: lose no more than 2 % of body mass


def test_women_drinking_the_drinks_ai_about_break_even():
    # IOM 2004: women 2.7 L total water, 2.2 L of it from drinks; food ~20 % of total.
    # in = 2.2 + 0.20 x 2.7 = 2.2 + 0.54 = 2.74 L; out = 2.7 L; balance = +0.04 L.
    total, drinks = water("women"), water("women", "from_drinks_l_per_day")
    day = dehydration.fluid_day("women", drinks_l=drinks)
    assert day.food_l == pytest.approx(FOOD * total)  # 0.54 L
    assert day.fluid_in_l == pytest.approx(drinks + FOOD * total)  # 2.74 L
    assert day.fluid_out_l == pytest.approx(total)
    assert day.balance_l == pytest.approx(drinks + FOOD * total - total)  # +0.04 L
    # about break-even: the food share of the total about covers the rest (+0.04 L today)
    assert day.short is (day.balance_l < 0) and day.drinks_ai_l == drinks


def test_exercise_sweat_adds_to_fluid_out():
    # Men: 3.7 L baseline. 90 min at 1.2 L/h = 1.5 h x 1.2 = 1.8 L sweat; out = 5.5 L.
    # in = 2.5 + 0.20 x 3.7 = 2.5 + 0.74 = 3.24 L; balance = 3.24 - 5.5 = -2.26 L.
    day = dehydration.fluid_day("men", drinks_l=2.5, exercise_min=90, sweat_rate_l_h=1.2)
    assert day.sweat_l == pytest.approx(1.8)
    assert day.fluid_out_l == pytest.approx(water("men") + 1.8)  # 5.5 L
    assert day.balance_l == pytest.approx(2.5 + FOOD * water("men") - water("men") - 1.8)
    assert day.short


@pytest.mark.parametrize(
    ("group", "has_drinks_ai"),
    [("women", True), ("men", True), ("pregnant", False), ("lactating", False)],
)
def test_baseline_is_the_iom_adequate_intake(group, has_drinks_ai):
    total = water(group)  # women 2.7 L (2.2 from drinks), men 3.7 (3.0), pregnant 3.0, 3.8
    drinks_ai = water(group, "from_drinks_l_per_day") if has_drinks_ai else None
    day = dehydration.fluid_day(group, drinks_l=0)
    assert day.baseline_l == total and day.drinks_ai_l == drinks_ai
    assert day.food_l == pytest.approx(FOOD * total)
    assert "iom_water_2004" in day.source_ids


@pytest.mark.parametrize(
    ("rate", "band"),
    [
        (("sweat_rate_typical_low", -0.2), "below_typical"),
        (("sweat_rate_typical_low", 0), "typical"),  # ACSM typical range 0.5-2.0 L/h, ends in
        (("sweat_rate_typical_high", 0), "typical"),
        (("sweat_rate_typical_high", 0.5), "above_typical"),
        (("sweat_rate_very_high", 0), "above_typical"),
        (("sweat_rate_very_high", 0.5), "very_high"),  # "sometimes > 3 L/h"
    ],
)
def test_sweat_rate_against_the_typical_range(rate, band):
    edge, step = rate
    assert dehydration.sweat_rate_band(ref(edge) + step) == band


def test_weigh_in_by_hand():
    # ACSM: sweat (L) = pre - post + drunk - urine, 1 kg ~ 1 L.
    # 70.0 - 68.8 + 0.75 - 0.1 = 1.85 L over 1.5 h -> 1.2333 L/h.
    # loss = 1.2 / 70.0 x 100 = 1.714 % -> within the 2 % limit; WHO: no signs (under 5 %).
    run = dehydration.weigh_in(70.0, 68.8, fluid_drunk_l=0.75, urine_l=0.1, hours=1.5)
    sweat = 1.2 / ref("kg_per_litre_sweat") + 0.75 - 0.1  # 1.85 L
    assert run.sweat_l == pytest.approx(sweat)
    assert run.sweat_rate_l_h == pytest.approx(sweat / 1.5)
    assert 1.2 / 70 * 100 <= LIMIT
    assert run.loss_percent == pytest.approx(1.2 / 70 * 100)
    assert run.mass_change_kg == pytest.approx(-1.2)
    assert not run.over_acsm_limit and run.band.band_id == "no_signs" and not run.gained_weight


def test_losing_more_than_two_percent_is_over_the_limit():
    # 60 kg -> 58.5 kg: 1.5 / 60 x 100 = 2.5 % > 2 %.
    post = 60 * (1 - (LIMIT + 0.5) / 100)
    run = dehydration.weigh_in(60, post)
    assert run.loss_percent == pytest.approx(LIMIT + 0.5) and run.over_acsm_limit
    assert run.band.band_id == "no_signs"  # over the ACSM 2 % limit, but under WHO's 5 %


def test_exactly_two_percent_is_not_over():
    run = dehydration.weigh_in(50, 50 * (1 - LIMIT / 100))  # 1 / 50 = 2 %
    assert run.loss_percent == pytest.approx(LIMIT) and not run.over_acsm_limit


def test_weight_gain_is_flagged():
    # Drank 1.5 L, sweated 1.0 L: 70 -> 70.5 kg. sweat = 70 - 70.5 + 1.5 = 1.0 L.
    run = dehydration.weigh_in(70, 70.5, fluid_drunk_l=1.5, hours=1)
    assert run.gained_weight and run.loss_percent < 0 and run.sweat_l == pytest.approx(1.0)
    assert run.band is None and not run.over_acsm_limit


@pytest.mark.parametrize(
    ("loss", "band"),
    [
        # WHO 2005, fluid deficit by class: no signs < 5 %, some 5-10 %, severe > 10 %.
        (0, "no_signs"),
        (("some", -0.1), "no_signs"),  # 4.9 %
        (("some", 0), "some"),  # WHO's "5-10 %" starts at 5
        (("severe", -0.1), "some"),  # 9.9 %
        (("severe", 0), "severe"),  # where "5-10 %" and "> 10 %" meet, the cautious side
        (20, "severe"),
    ],
)
def test_severity_bands_are_the_published_approximate_ones(loss, band):
    if isinstance(loss, tuple):
        starts = oracle(f"dehydration_severity.csv:{loss[0]}:min_loss_percent")
        loss = round(starts + loss[1], 3)
    found = dehydration.severity_band(loss)
    assert (found.band_id if found else None) == band
    if found:
        assert found.source_id == "dehydration_severity_scheme"


def test_weigh_in_reaches_the_bands():
    run = dehydration.weigh_in(70, 66, fluid_drunk_l=0.5, hours=2)  # 4 / 70 = 5.71 %
    some = (
        oracle(f"dehydration_severity.csv:some:{c}")
        for c in ("min_loss_percent", "max_loss_percent")
    )
    low, high = some
    assert low <= 4 / 70 * 100 < high and LIMIT < 4 / 70 * 100  # the test's premise
    assert run.band.band_id == "some" and run.over_acsm_limit  # WHO: 5-10 %
    sweat = 4 / ref("kg_per_litre_sweat") + 0.5
    assert run.sweat_rate_l_h == pytest.approx(sweat / 2)  # 2.25 L/h, above typical
    assert run.sweat_rate_band == "above_typical"


def test_signs_take_the_highest_level():
    assert dehydration.signs_check([]).level == "none"
    assert dehydration.signs_check(["thirst", "dark_urine"]).level == "self_care"
    urgent = dehydration.signs_check(["thirst", "no_pee_8h"])
    assert urgent.level == "urgent" and [s.sign_id for s in urgent.urgent] == ["no_pee_8h"]
    assert dehydration.signs_check(["seizure", "confused"]).level == "emergency"
    assert len(dehydration.signs_check(["thirst", "thirst"]).ticked) == 1


def test_nhs_urgent_signs_are_all_present():
    urgent = {r.sign_id for r in facts.table(dehydration.SIGNS) if r.kind == "urgent_sign"}
    assert urgent == {"confused", "dizzy_standing", "no_pee_8h", "weak_fast_pulse", "seizure"}


def test_check_bundles_sources():
    day = dehydration.fluid_day()
    check = dehydration.hydration_check(day, dehydration.weigh_in(70, 66, 0.5, 0, 2))
    assert set(check.source_ids) == {
        "acsm_2007",
        "iom_water_2004",
        "nhs_dehydration",
        "dehydration_severity_scheme",
    }
    assert check.signs.level == "none"


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: dehydration.fluid_day("children"), "group_id"),
        (lambda: dehydration.fluid_day(drinks_l=-0.5), "drinks_l"),
        (lambda: dehydration.fluid_day(drinks_l=13), "drinks_l"),
        (lambda: dehydration.fluid_day(drinks_l=math.nan), "drinks_l"),
        (lambda: dehydration.fluid_day(drinks_l="2"), "drinks_l"),
        (lambda: dehydration.fluid_day(exercise_min=-5), "exercise_min"),
        (lambda: dehydration.fluid_day(exercise_min=math.inf), "exercise_min"),
        (lambda: dehydration.fluid_day(sweat_rate_l_h=4.5), "sweat_rate_l_h"),
        (lambda: dehydration.fluid_day(sweat_rate_l_h=True), "sweat_rate_l_h"),
        (lambda: dehydration.weigh_in(10, 9), "pre_kg"),
        (lambda: dehydration.weigh_in(70, 50), "post_kg"),  # a 29 % loss: not physiological
        (lambda: dehydration.weigh_in(70, 71), "post_kg"),  # heavier with nothing drunk
        (lambda: dehydration.weigh_in(70, 69, fluid_drunk_l=-1), "fluid_drunk_l"),
        (lambda: dehydration.weigh_in(70, 69, urine_l=6), "urine_l"),
        (lambda: dehydration.weigh_in(70, 69, hours=0), "hours"),
        (lambda: dehydration.weigh_in(70, None), "post_kg"),
        (lambda: dehydration.severity_band(-1), "loss_percent"),
        (lambda: dehydration.signs_check("thirst"), "sign_ids"),
        (lambda: dehydration.signs_check(["headache"]), "sign_id"),
        (lambda: dehydration.hydration_check("day"), "day"),
        (lambda: dehydration.reference("no_such_id"), "quantity_id"),
        (lambda: dehydration.reference(5), "quantity_id"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(
    st.sampled_from(["women", "men", "pregnant", "lactating"]), integers=(-(10**4), 10**4)
)


@given(group=anything, drinks=anything, minutes=anything, rate=anything)
def test_any_day_input_gives_a_day_or_a_value_error(group, drinks, minutes, rate):
    day = result_or_value_error(lambda: dehydration.fluid_day(group, drinks, minutes, rate))
    if day is not None:
        assert day.fluid_in_l >= 0 and day.fluid_out_l > 0 and math.isfinite(day.balance_l)


@given(pre=anything, post=anything, drunk=anything, urine=anything, hours=anything)
def test_any_weigh_in_gives_a_result_or_a_value_error(pre, post, drunk, urine, hours):
    run = result_or_value_error(lambda: dehydration.weigh_in(pre, post, drunk, urine, hours))
    if run is not None:
        assert run.sweat_l >= 0 and math.isfinite(run.sweat_rate_l_h)


@given(
    pre=st.floats(20, 300),
    frac=st.floats(0.8, 1.0),
    drunk=st.floats(0, 10),
    hours=st.floats(0.1, 24),
)
def test_valid_weigh_ins_always_work(pre, frac, drunk, hours):
    run = dehydration.weigh_in(pre, pre * frac, drunk, 0, hours)
    assert run.sweat_l == pytest.approx(pre - pre * frac + drunk, abs=1e-6)
    assert run.over_acsm_limit == (run.loss_percent > LIMIT)

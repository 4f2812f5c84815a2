"""Overuse model: the right sourced tips for each input, no invented threshold, bad input
rejected."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import overuse
from spasm_edu.validation import InputError
from tests.helpers import any_input, assert_names_argument, result_or_value_error


def tip_ids(result) -> set[str]:
    return {t.tip_id for t in result.tips}


def test_a_quiet_day_only_gets_the_cramp_first_aid():
    result = overuse.load_check()
    assert result.conditions == ("always",)
    assert tip_ids(result) == {"if_cramp"}  # NHS/AAOS: stop, stretch, rub


def test_the_worked_example():
    # 45 min hard exercise, no warm-up, 120 min in one position, no breaks.
    result = overuse.load_check(exercise_min=45, intensity="hard", hold_position_min=120)
    assert tip_ids(result) == {
        "warm_up",  # AAOS
        "stretch",  # Mayo
        "not_to_fatigue",  # AAOS
        "change_position",  # Mayo: holding a position for a prolonged period
        "take_breaks",
        "drink",
        "if_cramp",
    }
    assert "build_up" not in tip_ids(result)  # only when more than usual


@pytest.mark.parametrize(
    ("kwargs", "present", "absent"),
    [
        (dict(exercise_min=30, warmed_up=True), set(), {"warm_up"}),
        (dict(exercise_min=30), {"warm_up", "drink"}, set()),
        (dict(exercise_min=30, stretched=True), set(), {"stretch"}),
        (dict(hold_position_min=15), {"stretch", "change_position", "take_breaks"}, {"drink"}),
        (dict(hold_position_min=15, breaks=1), set(), {"take_breaks"}),
        (dict(exercise_min=30, intensity="light"), set(), {"not_to_fatigue"}),
        (dict(exercise_min=30, intensity="hard"), {"not_to_fatigue"}, set()),
        (dict(more_than_usual=True), {"build_up"}, set()),  # HHS: increase gradually
    ],
)
def test_each_input_switches_its_tip(kwargs, present, absent):
    ids = tip_ids(overuse.load_check(**kwargs))
    assert present <= ids and not (absent & ids)


def test_any_time_counts_no_hidden_cut_off():
    # No threshold is published, so 1 minute and 480 minutes in one position give the same tips.
    assert tip_ids(overuse.load_check(hold_position_min=1)) == tip_ids(
        overuse.load_check(hold_position_min=480)
    )
    assert tip_ids(overuse.load_check(exercise_min=5)) == tip_ids(
        overuse.load_check(exercise_min=300)
    )


def test_inputs_are_echoed_and_nothing_is_scored():
    result = overuse.load_check(exercise_min=50, intensity="light", hold_position_min=30, breaks=2)
    assert (result.exercise_min, result.intensity, result.hold_position_min, result.breaks) == (
        50,
        "light",
        30,
        2,
    )
    assert not any(hasattr(result, n) for n in ("score", "risk", "risk_percent", "limit_min"))


def test_the_unknowns_are_always_listed():
    result = overuse.load_check()
    assert {u.question_id for u in result.unknowns} == {
        "minutes_to_cramp",
        "minutes_in_one_position",
        "build_up_rate",
        "number_of_breaks",
    }
    assert "No source gives a number" in facts.table(overuse.UNKNOWNS)["minutes_to_cramp"].answer


def test_every_tip_is_reachable_and_sourced():
    everything = overuse.load_check(
        exercise_min=10, intensity="hard", hold_position_min=10, more_than_usual=True
    )
    assert tip_ids(everything) == set(facts.table(overuse.TIPS).ids())
    assert {"mayo_muscle_cramp", "aaos_muscle_cramps", "hhs_pag_2018"} <= set(everything.source_ids)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        (dict(exercise_min=-1), "exercise_min"),
        (dict(exercise_min=721), "exercise_min"),
        (dict(exercise_min=math.nan), "exercise_min"),
        (dict(exercise_min="60"), "exercise_min"),
        (dict(intensity="extreme"), "intensity"),
        (dict(intensity=3), "intensity"),
        (dict(hold_position_min=-5), "hold_position_min"),
        (dict(hold_position_min=math.inf), "hold_position_min"),
        (dict(breaks=1.5), "breaks"),
        (dict(breaks=-1), "breaks"),
        (dict(breaks=51), "breaks"),
        (dict(warmed_up="yes"), "warmed_up"),
        (dict(stretched=1), "stretched"),
        (dict(more_than_usual=None), "more_than_usual"),
    ],
)
def test_bad_input_names_the_argument(kwargs, name):
    assert_names_argument(lambda: overuse.load_check(**kwargs), name)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        (dict(exercise_min=math.nan), "exercise_min"),
        (dict(hold_position_min="12"), "hold_position_min"),
        (dict(breaks="2"), "breaks"),
        (dict(warmed_up=1), "warmed_up"),
        (dict(intensity="extreme"), "intensity"),
    ],
)
def test_conditions_for_checks_its_arguments_too(kwargs, name):
    good = dict(
        exercise_min=30,
        intensity="moderate",
        hold_position_min=0,
        breaks=1,
        warmed_up=True,
        stretched=True,
        more_than_usual=False,
    )
    assert overuse.conditions_for(**good) == ("always", "active")
    with pytest.raises(InputError) as info:
        overuse.conditions_for(**{**good, **kwargs})
    assert info.value.name == name


anything = any_input(st.sampled_from(["light", "moderate", "hard"]), integers=(-100, 1000))


@given(
    minutes=anything,
    intensity=anything,
    hold=anything,
    breaks=anything,
    warm=anything,
    stretch=anything,
    more=anything,
)
def test_any_input_gives_a_check_or_a_value_error(
    minutes, intensity, hold, breaks, warm, stretch, more
):
    result = result_or_value_error(
        lambda: overuse.load_check(minutes, intensity, hold, breaks, warm, stretch, more)
    )
    if result is not None:
        assert "if_cramp" in tip_ids(result)
        assert result.exercise_min is None or result.exercise_min >= 0  # None: not told
        if minutes is None:  # nothing rests on a value not told
            assert not {"active", "hard", "no_warm_up"} & set(result.conditions)

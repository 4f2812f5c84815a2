"""Stress and fatigue model: numbers checked by hand against the sources, bad input rejected."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import stress_fatigue as model
from tests.helpers import any_input, assert_names_argument, oracle, result_or_value_error

# AASM/SRS adults 18-60: at least MIN h (no upper end); CDC 61-64 and 65+: a range
MIN = oracle("stress_fatigue_sleep.csv:adult_18_60:min_h")  # 7 h
MIN_61, MAX_61 = (oracle(f"stress_fatigue_sleep.csv:adult_61_64:{c}") for c in ("min_h", "max_h"))
MIN_65, MAX_65 = (oracle(f"stress_fatigue_sleep.csv:adult_65_plus:{c}") for c in ("min_h", "max_h"))
# a week worked around the minimum (with MIN = 7: 6, 6.5, 7, 5.5, 8, 9, 7.5)
WEEK = [MIN - 1, MIN - 0.5, MIN, MIN - 1.5, MIN + 1, MIN + 2, MIN + 0.5]


@pytest.mark.parametrize(
    ("age", "rec_id", "min_h", "max_h"),
    [
        (18, "adult_18_60", MIN, None),  # AASM/SRS: >= 7 h, no upper limit set
        (60, "adult_18_60", MIN, None),
        (61, "adult_61_64", MIN_61, MAX_61),  # CDC 61-64: 7-9 h
        (64, "adult_61_64", MIN_61, MAX_61),
        (65, "adult_65_plus", MIN_65, MAX_65),  # CDC 65+: 7-8 h
        (100, "adult_65_plus", MIN_65, MAX_65),
    ],
)
def test_recommendation_fits_the_age(age, rec_id, min_h, max_h):
    rec = model.sleep_recommendation(age)
    assert (rec.rec_id, rec.min_h, rec.max_h) == (rec_id, min_h, max_h)


def test_week_by_hand():
    # sum = 6 + 6.5 + 7 + 5.5 + 8 + 9 + 7.5 = 49.5; mean = 49.5 / 7 = 7.0714 h.
    # under 7 h: 6, 6.5, 5.5 -> 3 nights, short by 1 + 0.5 + 1.5 = 3.0 h. 7 h is not under.
    week = model.sleep_week(WEEK, age_years=45)
    assert week.average_h == pytest.approx(sum(WEEK) / 7)  # 49.5 / 7
    assert week.nights_under == 3 and week.nights_over == 0
    assert week.hours_short_total == pytest.approx(1 + 0.5 + 1.5)
    assert [n.status for n in week.nights] == [
        "under",
        "under",
        "within",
        "under",
        "within",
        "within",
        "within",
    ]
    assert week.short_sleep


def test_older_adults_have_an_upper_end():
    # CDC 65+: 7-8 h, so the 9 h night is "over" and the 8 h night is within.
    week = model.sleep_week(WEEK, age_years=67)
    assert week.nights_over == sum(h > MAX_65 for h in WEEK)
    assert week.nights[5].status == ("over" if WEEK[5] > MAX_65 else "within")
    assert week.nights[4].status == ("over" if WEEK[4] > MAX_65 else "within")


def test_a_full_week_is_not_short():
    week = model.sleep_week([MIN] * 7)
    assert not week.short_sleep and week.hours_short_total == 0 and week.average_h == MIN


def test_check_in_echoes_the_persons_words_and_gives_no_score():
    result = model.check_in([MIN] * 7, stress="a_lot")
    assert result.stress_words == "very stressed"
    assert {s.applies_when for s in result.steps} == {"stress"}
    assert not any(hasattr(result, name) for name in ("score", "risk", "risk_percent"))


def test_steps_follow_what_applies():
    short = model.check_in(WEEK)
    assert {s.applies_when for s in short.steps} == {"short_sleep"}
    # short sleep brings in the NHANES association (association, not cause)
    assert "nhanes_sleep" in {f.finding_id for f in short.findings}
    cope = model.check_in([8] * 7, hard_to_cope=True)
    assert {s.applies_when for s in cope.steps} == {"stress", "hard_to_cope"}
    nothing = model.check_in([8] * 7)
    assert nothing.steps == () and nothing.findings == ()


@pytest.mark.parametrize(
    ("symptom", "finding", "step"),
    [
        ("night_cramps", "nhanes_mild", "cramps_stretch"),
        ("hypnic_jerks", "hypnic_common", "hypnic_less_caffeine"),
        ("eyelid_twitching", "eyelid_doctor", "eyelid_rest"),
    ],
)
def test_each_symptom_brings_its_evidence_and_steps(symptom, finding, step):
    result = model.check_in([8] * 7, symptoms=[symptom])
    assert finding in {f.finding_id for f in result.findings}
    assert step in {s.step_id for s in result.steps}


def test_published_figures():
    rows = facts.table(model.EVIDENCE)
    assert (rows["nhanes_mild"].percent_low, rows["nhanes_mild"].percent_high) == (24, 25)
    assert rows["nhanes_severe"].percent_low == 6
    # No survey of how many people have hypnic jerks was found: no figure, and it says so.
    assert rows["hypnic_common"].percent_low is None and "hypnic_daily" not in rows.by_id
    assert "could not be traced" in rows["hypnic_common"].does_not_say
    assert "association, not a cause" in rows["nhanes_sleep"].does_not_say


def test_red_flags_come_from_the_triage_data():
    ids = {r.id for r in model.red_flags()}
    own = {"eyelid_twitch_weeks", "eyelid_twitch_spreads", "disturbs_sleep", "stress_hard_to_cope"}
    assert own <= ids
    assert "lasts_over_10_min" not in ids  # the general signs are listed in the notebook instead
    result = model.check_in([7] * 7, flags=["eyelid_twitch_weeks", "eyelid_twitch_weeks"])
    assert [r.finding_id for r in result.doctor_reasons] == ["eyelid_twitch_weeks"]
    assert "aao_eyelid_myokymia" in result.source_ids


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: model.sleep_week([7] * 6), "hours"),
        (lambda: model.sleep_week("7777777"), "hours"),
        (lambda: model.sleep_week(None), "hours"),
        (lambda: model.sleep_week([7, 7, 7, -1, 7, 7, 7]), "hours[Thu]"),
        (lambda: model.sleep_week([7, 7, 7, 7, 7, 7, 17]), "hours[Sun]"),
        (lambda: model.sleep_week([math.nan] + [7] * 6), "hours[Mon]"),
        (lambda: model.sleep_week(["7"] + [7] * 6), "hours[Mon]"),
        (lambda: model.sleep_week([7] * 7, age_years=12), "age_years"),
        (lambda: model.sleep_week([7] * 7, age_years=30.5), "age_years"),
        (lambda: model.check_in([7] * 7, stress="7/10"), "stress"),
        (lambda: model.check_in([7] * 7, hard_to_cope="yes"), "hard_to_cope"),
        (lambda: model.check_in([7] * 7, symptoms="night_cramps"), "symptoms"),
        (lambda: model.check_in([7] * 7, symptoms=["headache"]), "symptom"),
        (lambda: model.check_in([7] * 7, flags=["calf_clot"]), "flag"),
        (lambda: model.check_in([7] * 7, flags=3), "flags"),
        (lambda: model.findings_for(3), "topics"),
        (lambda: model.findings_for("night_cramps"), "topics"),
        (lambda: model.findings_for(["leg_pain"]), "topics"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(st.sampled_from(["none", "a_lot", "night_cramps"]), integers=(-100, 200))


@given(
    hours=st.one_of(st.lists(anything, min_size=0, max_size=8), anything),
    age=anything,
    stress=anything,
    cope=anything,
    symptoms=st.one_of(st.lists(anything, max_size=3), anything),
)
def test_any_input_gives_a_check_in_or_a_value_error(hours, age, stress, cope, symptoms):
    result = result_or_value_error(lambda: model.check_in(hours, age, stress, cope, symptoms))
    if result is not None:
        assert 0 <= result.sleep.nights_under <= 7
        assert math.isfinite(result.sleep.average_h)


@given(st.lists(st.floats(0, 16), min_size=7, max_size=7), st.integers(18, 120))
def test_valid_weeks_add_up(hours, age):
    week = model.sleep_week(hours, age)
    least = model.sleep_recommendation(age).min_h  # the band's minimum for this age
    assert week.nights_under == sum(h < least for h in hours)
    assert week.hours_short_total == pytest.approx(sum(max(least - h, 0) for h in hours))

"""The caffeine explorer, driven in plain pytest: set controls, check result and words."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.caffeine import CaffeineExplorer
from spasm_edu.factref import number
from spasm_edu.tooling.readability import plain_text
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled, oracle, oracle_text

ADULT = oracle_text("caffeine_limits.csv:adult:max_mg_per_day")  # 400 (FDA)
PREGNANT = oracle_text("caffeine_limits.csv:pregnant:max_mg_per_day")  # 200 (ACOG)
COFFEE = oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")  # 96 (Mayo Clinic)
SHOT = oracle("caffeine_drinks.csv:energy_shot:typical_mg")  # 200


@pytest.fixture
def explorer():
    return CaffeineExplorer()


def test_starts_with_two_coffees_under_the_adult_limit(explorer):
    assert explorer.result.total_mg == 2 * COFFEE
    assert f"{number(2 * COFFEE)} mg" in explorer.summary.value
    assert f"healthy adults is {ADULT} mg" in explorer.summary.value
    assert "under this limit" in explorer.summary.value
    assert "<svg" in explorer.figure.value and "Bedtime" in explorer.figure.value


def test_every_drink_slider_changes_the_total(explorer):
    for name, control in explorer.controls.items():
        if name.startswith("drink:"):
            before = explorer.result.total_mg
            control.value += 1
            assert explorer.result.total_mg > before, name


def test_over_the_limit_is_said_in_words_and_shown(explorer):
    explorer.controls["drink:energy_shot"].value = 2  # 192 + 400 mg
    assert explorer.result.total_mg == 2 * COFFEE + 2 * SHOT
    assert "over this limit" in explorer.summary.value
    assert "over the limit" in explorer.figure.value  # never colour alone
    assert "cut down slowly" in explorer.summary.value


def test_pregnancy_uses_the_pregnancy_limit(explorer):
    explorer.controls["pregnant"].value = True
    assert explorer.result.limit.limit_id == "pregnant"
    assert f"pregnancy is {PREGNANT} mg" in explorer.summary.value


def test_age_and_body_mass_pick_the_teen_limit(explorer):
    explorer.controls["age_years"].value = 15
    explorer.controls["body_mass_kg"].value = 48
    teen = oracle("caffeine_limits.csv:teen_13_18:max_mg_per_kg_per_day") * 48  # 2.5 x 48
    assert explorer.result.limit.mg_per_day == pytest.approx(teen)
    assert f"{teen:g} mg" in explorer.summary.value


def test_half_life_situation_changes_bedtime_amount(explorer):
    adult = explorer.result.at_bedtime_mg
    explorer.controls["situation_id"].value = "oral_contraceptives"
    # Abernethy & Todd 1985 ratio on the adult mean: 3.4 h x 7.88 / 5.37 = 4.99 h.
    mean = oracle("caffeine_half_life.csv:adult:half_life_h")
    pill = oracle("caffeine_half_life.csv:oral_contraceptives:study_h")
    control = oracle("caffeine_half_life.csv:oral_contraceptives:study_control_h")
    assert explorer.result.half_life_h == pytest.approx(mean * pill / control)
    assert explorer.result.at_bedtime_mg > adult
    assert f"{mean * pill / control:.1f} h" in explorer.summary.value
    worked = (
        f"{pill:g} h ÷ {control:g} h = {pill / control:.2f} × the healthy-adult mean {mean:.1f} h"
    )
    assert worked in explorer.summary.value


def test_times_move_the_curve(explorer):
    explorer.controls["first_drink_h"].value = 6
    assert explorer.result.curve_h[0] == 6
    explorer.controls["last_drink_h"].value = 20
    late = explorer.result.at_bedtime_mg
    explorer.controls["last_drink_h"].value = 10
    assert explorer.result.at_bedtime_mg < late
    explorer.controls["bedtime_h"].value = 26
    assert explorer.result.bedtime_h == 26 and "2 am" in explorer.summary.value


def test_impossible_times_show_a_kind_message_not_a_traceback(explorer):
    explorer.controls["last_drink_h"].value = 22
    explorer.controls["bedtime_h"].value = 21
    assert explorer.error and "bedtime_h" in explorer.error
    assert "Bedtime must be after the last drink" in explorer.message.value
    assert "Traceback" not in explorer.message.value
    assert explorer.result.bedtime_h == 23  # the last good result stays
    explorer.controls["bedtime_h"].value = 23
    assert explorer.error is None and explorer.message.value == ""


PATIENT_CONTROLS = {
    "drink:brewed_coffee",
    "drink:black_tea",
    "drink:cola",
    "drink:energy_drink",
    "pregnant",
    "last_drink_h",
    "bedtime_h",
}


def test_patient_mode_is_short_and_plain():
    patient = CaffeineExplorer(mode="patient")
    assert set(patient.controls) == PATIENT_CONTROLS
    assert "For nursing students" not in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes


def test_untouched_patient_mode_has_no_answers_and_says_so():
    # Issue 12: before, an untouched explorer said "You get about 192 mg ... under this limit".
    patient = CaffeineExplorer(mode="patient")
    assert all(c.value is None for c in patient.controls.values())
    assert patient.answers() == {} and patient.answers_in_words() == ()
    assert set(patient.unanswered()) == PATIENT_CONTROLS
    s = plain_text(patient.summary.value)
    assert (
        s
        == "You have not said what you drink yet. Choose how many of each drink you have in a day."
    )
    assert patient.figure.value == "" and patient.result.total_mg is None


def test_patient_total_counts_only_the_drinks_told_and_both_limits_until_pregnancy_is_told():
    patient = CaffeineExplorer(mode="patient")
    patient.controls["drink:brewed_coffee"].value = 2
    r = patient.result
    assert r.total_mg == 2 * COFFEE and r.not_told == ("black_tea", "cola", "energy_drink")
    s = plain_text(patient.summary.value)
    assert f"From the drinks you told us about, you get about {number(2 * COFFEE)} mg" in s
    assert f"{ADULT} mg for healthy adults and {PREGNANT} mg in pregnancy" in s
    assert "You have not said if you are pregnant" in s
    assert "bedtime (" not in s and "under this limit" not in s  # nothing assumed
    assert patient.answers_in_words() == (("Brewed coffee per day — 1 cup (8 oz / 237 mL)", "2"),)
    patient.controls["drink:brewed_coffee"].value = 5  # 5 x 96 = 480 mg
    assert "You are over both limits" in plain_text(patient.summary.value)
    assert "cut down slowly" in patient.summary.value


def test_patient_pregnancy_and_times_once_told_give_the_bedtime_amount():
    patient = CaffeineExplorer(mode="patient")
    for name in ("drink:brewed_coffee", "drink:black_tea", "drink:cola", "drink:energy_drink"):
        patient.controls[name].value = 0
    assert "You chose no drinks with caffeine" in patient.summary.value
    patient.controls["drink:brewed_coffee"].value = 1
    patient.controls["pregnant"].value = "yes"
    assert [x.limit_id for x in patient.result.limits] == ["pregnant"]
    told = plain_text(patient.summary.value)
    assert f"pregnancy is {PREGNANT} mg. You are under this limit" in told
    assert patient.result.day is None  # no times told: no bedtime amount
    patient.controls["last_drink_h"].value = 15
    patient.controls["bedtime_h"].value = 23
    day = patient.result.day
    # the pregnancy half-life (8.3 h, Knutti 1981) without a dropdown
    assert day.half_life_h == oracle("caffeine_half_life.csv:pregnant:half_life_h")
    assert f"{day.at_bedtime_mg:.0f} mg is still in your body" in plain_text(patient.summary.value)
    assert "Bedtime" in patient.figure.value
    patient.controls["pregnant"].value = "no"
    assert f"healthy adults is {ADULT} mg" in plain_text(patient.summary.value)


def test_patient_bedtime_before_the_last_drink_is_a_kind_message():
    patient = CaffeineExplorer(mode="patient")
    patient.controls["last_drink_h"].value = 22
    patient.controls["bedtime_h"].value = 21
    assert (
        "Choose a later bedtime" in patient.message.value and "slider" not in patient.message.value
    )


def test_student_mode_marks_the_deeper_text(explorer):
    assert "For nursing students" in explorer.summary.value
    assert "0.5<sup>" in explorer.summary.value


def test_every_control_has_a_visible_label():
    assert_controls_labelled(CaffeineExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(CaffeineExplorer)

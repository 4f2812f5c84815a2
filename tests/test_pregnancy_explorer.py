"""The pregnancy explorer, driven in plain pytest: set controls, check result and words."""

from __future__ import annotations

import pytest
import textstat

from spasm_edu.explorers.pregnancy import PregnancyExplorer
from tests.helpers import (
    assert_bad_mode_rejected,
    assert_controls_labelled,
    oracle,
    oracle_text,
    plain,
)

COFFEE_KEY = "caffeine_drinks.csv:brewed_coffee:typical_mg"
COFFEE = oracle(COFFEE_KEY)  # 96 mg (Mayo Clinic)
PREGNANT = "caffeine_limits.csv:pregnant:max_mg_per_day"  # 200 mg (ACOG)


@pytest.fixture
def explorer():
    return PregnancyExplorer()


def test_starts_at_20_weeks_with_one_coffee(explorer):
    r = explorer.result
    assert r.phase == "pregnant" and r.weeks_pregnant == 20
    assert r.caffeine_day.total_mg == COFFEE
    assert "20 weeks pregnant" in explorer.summary.value
    assert f"limit for pregnancy is {oracle_text(PREGNANT)} mg" in explorer.summary.value
    assert "not measured this early" in explorer.summary.value  # Sperstad starts at 21 weeks
    assert explorer.figure.value.count("<svg") == 4  # gap, caffeine, drinks, potassium


def test_weeks_slider_moves_the_stage(explorer):
    explorer.controls["weeks_pregnant"].value = 30
    assert "30 weeks pregnant" in explorer.summary.value
    assert "Leg cramps" in explorer.summary.value
    # Duan 2018, 2nd-3rd trimester: 28.2-50.2 %, medium confidence, so no "not well measured".
    low, high = (
        oracle(f"pregnancy_common.csv:leg_cramps:{c}") for c in ("percent_low", "percent_high")
    )
    assert f"It affects about {low:.0f} to {high:.0f} in 100 women." in explorer.summary.value
    assert "not well measured" not in explorer.summary.value
    gap = oracle("pregnancy_diastasis.csv:gestation_21w:percent_with_gap")  # 33.1 %
    assert f"about {gap:.0f} in 100" in explorer.summary.value
    explorer.controls["weeks_pregnant"].value = 5
    assert "Leg cramps" not in explorer.summary.value


def test_after_birth_shows_the_sperstad_figure_and_swaps_sliders(explorer):
    explorer.controls["phase"].value = "after_birth"
    explorer.controls["months_after_birth"].value = 6
    gap = oracle("pregnancy_diastasis.csv:postpartum_6m:percent_with_gap")  # 45.4 %
    assert explorer.result.nearest_gap.percent == gap
    words = f"about {gap:.0f} in 100 had a belly gap at 6 months after birth"
    assert words in explorer.summary.value
    assert "not linked to back or pelvic pain" in explorer.summary.value
    assert "nearest to you" in explorer.figure.value
    assert explorer.controls["weeks_pregnant"].layout.display == "none"
    assert explorer.controls["months_after_birth"].layout.display is None
    explorer.controls["months_after_birth"].value = 18
    assert "The study stopped at 12 months." in explorer.summary.value


def test_breastfeeding_changes_the_needs(explorer):
    explorer.controls["phase"].value = "after_birth"
    explorer.controls["breastfeeding"].value = True
    assert explorer.result.needs.group_id == "lactation"
    lactation = oracle_text("pregnancy_needs.csv:lactation:potassium_mg_per_day")
    assert f"{lactation} mg of potassium" in explorer.summary.value
    assert "no special limit for breastfeeding" in explorer.summary.value


def test_every_caffeine_slider_adds_caffeine(explorer):
    for name, control in explorer.controls.items():
        if name.startswith("drink:"):
            before = explorer.result.caffeine_day.total_mg
            control.value += 1
            assert explorer.result.caffeine_day.total_mg > before, name


def test_over_the_pregnancy_limit_in_words_and_figure(explorer):
    explorer.controls["drink:brewed_coffee"].value = 3  # 288 mg > 200 mg
    assert "over this limit" in explorer.summary.value
    assert "over the limit" in explorer.figure.value


def test_drinks_and_potassium_against_the_need(explorer):
    water = oracle("dehydration_water_needs.csv:pregnant:total_water_l_per_day")
    drinks = water * (1 - oracle("dehydration_reference.csv:food_share:value") / 100)
    explorer.controls["drinks_l"].value = 1.5  # need 2,400 mL in pregnancy -> 900 mL short
    assert f"drink about {1000 * (drinks - 1.5):,.0f} mL more" in explorer.summary.value
    assert "less than the need" in explorer.figure.value
    explorer.controls["drinks_l"].value = 3
    assert "That is enough." in explorer.summary.value
    explorer.controls["potassium_mg"].value = 2000  # 2,900 - 2,000
    short = oracle("pregnancy_needs.csv:pregnant:potassium_mg_per_day") - 2000
    assert f"about {short:,.0f} mg short" in explorer.summary.value
    assert "Potassium today" in explorer.figure.value


def test_patient_mode_is_short_and_plain():
    patient = PregnancyExplorer(mode="patient")
    assert "potassium_mg" not in patient.controls
    assert "drink:espresso" not in patient.controls and "drink:brewed_coffee" in patient.controls
    assert "For nursing students" not in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes
    for phase in ("pregnant", "after_birth"):
        patient.controls["phase"].value = phase
        grade = textstat.flesch_kincaid_grade(plain(patient.summary.value))
        assert grade <= 7, (phase, grade)


def test_untouched_patient_mode_picks_no_stage():
    # Issue 12: before, an untouched explorer said "At 20 weeks pregnant, these things are
    # common ... Today you had about 96 mg of caffeine ... You drank about 2,000 mL today."
    patient = PregnancyExplorer(mode="patient")
    assert patient.answers() == {} and patient.result is None
    assert plain(patient.summary.value) == (
        "You have not said if you are pregnant or have had your baby yet. "
        "One swollen, warm or red calf is not a cramp. Get medical help the same day."
    )
    assert patient.figure.value == ""
    shown = [n for n, c in patient.controls.items() if c.layout.display != "none"]
    assert "weeks_pregnant" not in shown and "months_after_birth" not in shown


def test_patient_summary_speaks_only_of_what_was_told():
    patient = PregnancyExplorer(mode="patient")
    patient.controls["phase"].value = "pregnant"
    assert "how many weeks pregnant" in patient.summary.value and patient.result is None
    patient.controls["weeks_pregnant"].value = 30
    s = plain(patient.summary.value)
    assert "At 30 weeks pregnant" in s
    assert "You have not said which drinks with caffeine you had today" in s
    assert "You have not said how much you drank today" in s and "mL today" not in s
    assert patient.result.caffeine_day is None and patient.result.drinks_l is None
    patient.controls["drink:brewed_coffee"].value = 1
    patient.controls["drinks_l"].value = 1.5
    s = plain(patient.summary.value)
    assert f"From the drinks you told us about, you had about {oracle_text(COFFEE_KEY)} mg" in s
    assert "You drank about 1,500 mL today" in s and "900 mL more" in s  # 2,400 mL need
    # After birth the needs depend on breastfeeding: nothing is said until it is told.
    patient.controls["phase"].value = "after_birth"
    assert patient.controls["weeks_pregnant"].value is None  # no stale answer is reported
    patient.controls["months_after_birth"].value = 3
    assert patient.result.needs is None
    assert "Say if you are breastfeeding" in patient.summary.value
    patient.controls["breastfeeding"].value = "yes"
    assert patient.result.needs.group_id == "lactation"
    assert dict(patient.answers_in_words())["Breastfeeding?"] == "Yes"


def test_student_mode_marks_the_deeper_text(explorer):
    assert "For nursing students" in explorer.summary.value
    assert "sperstad_2016" in explorer.summary.value or "Sperstad 2016" in explorer.summary.value


def test_every_control_has_a_visible_label():
    assert_controls_labelled(PregnancyExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(PregnancyExplorer)

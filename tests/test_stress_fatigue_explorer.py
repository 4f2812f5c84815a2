"""The stress and fatigue explorer, driven in plain pytest."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.stress_fatigue import StressFatigueExplorer
from spasm_edu.models import stress_fatigue as model
from spasm_edu.tooling.readability import plain_text
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled, oracle

MIN = oracle("stress_fatigue_sleep.csv:adult_18_60:min_h")  # AASM/SRS adults: 7 h or more


@pytest.fixture
def explorer():
    return StressFatigueExplorer()


def test_starts_at_the_minimum_every_night(explorer):
    week = explorer.result.sleep
    assert week.average_h == MIN and week.nights_under == 0
    assert "None of your nights were too short" in explorer.summary.value
    assert f"{MIN:g} hours or more" in explorer.summary.value
    assert "<svg" in explorer.figure.value and f"{MIN:g} h minimum" in explorer.figure.value


def test_every_night_slider_is_driven(explorer):
    for i, night in enumerate(model.NIGHTS, start=1):
        explorer.controls[f"night:{night}"].value = MIN - 1
        assert explorer.result.sleep.nights_under == i
    # 7 nights x 1 h short = 7 h
    assert explorer.result.sleep.hours_short_total == pytest.approx(7 * 1)
    assert "7 of your 7 nights" in explorer.summary.value
    assert "short" in explorer.figure.value  # said in words, not colour alone
    assert "Go to bed and get up at the same times" in explorer.summary.value


def test_age_picks_the_band(explorer):
    explorer.controls["night:Sat"].value = 9
    explorer.controls["age_years"].value = 70  # CDC 65+: 7-8 h
    assert explorer.result.sleep.rec.rec_id == "adult_65_plus"
    assert explorer.result.sleep.nights_over == 1
    assert "7 to 8 hours" in explorer.summary.value
    assert "8 h maximum" in explorer.figure.value


def test_stress_is_echoed_back_not_scored(explorer):
    for _label, value in explorer.controls["stress"].options:
        explorer.controls["stress"].value = value
        assert explorer.result.stress == value
        assert model.STRESS_WORDS[value] in explorer.summary.value or value == "none"
    assert "score" in explorer.summary.value  # "not a score", in the student box
    explorer.controls["flag:stress_hard_to_cope"].value = True  # one box, no duplicate
    assert "hard_to_cope" not in explorer.controls
    assert explorer.result.hard_to_cope is True
    assert "see your doctor" in explorer.summary.value
    assert "hard to cope" in explorer.summary.value


def test_every_symptom_box_is_driven(explorer):
    expected = {
        "night_cramps": "association, not a cause",
        "hypnic_jerks": "harmless",
        "eyelid_twitching": "lasts for weeks",
    }
    for topic, words in expected.items():
        explorer.controls[f"symptom:{topic}"].value = True
        assert topic in explorer.result.symptoms
        assert words in explorer.summary.value
        explorer.controls[f"symptom:{topic}"].value = False


def test_every_red_flag_box_is_driven(explorer):
    for row in model.red_flags():
        box = explorer.controls[f"flag:{row.id}"]
        box.value = True
        assert row.id in {r.finding_id for r in explorer.result.doctor_reasons}
        assert "Please see a doctor soon" in explorer.summary.value
        box.value = False
    assert explorer.result.doctor_reasons == ()


def test_age_below_adult_is_clamped_by_the_control(explorer):
    # The advice here is for adults: the age box will not go below 18, so the model's
    # InputError for younger ages cannot be reached from the widget.
    explorer.controls["age_years"].value = 12
    assert explorer.controls["age_years"].value == 18
    assert explorer.error is None and explorer.result.sleep.age_years == 18


def test_a_model_error_shows_a_kind_message(explorer):
    explorer.controls["stress"].options = [("Invented", "invented")]
    assert explorer.error and "stress" in explorer.error
    assert "Please check" in explorer.message.value and "Traceback" not in explorer.message.value


def test_patient_mode_is_plain():
    patient = StressFatigueExplorer(mode="patient")
    assert "For nursing students" not in patient.summary.value
    assert patient.controls["age_years"].description == "Your age"
    patient.controls["age_years"].value = 61  # the "61 to 64" band
    for night in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        patient.controls[f"night:{night}"].value = 7.5
    assert patient.result.sleep.rec.rec_id == "adult_61_64"
    patient.controls["night:Mon"].value = 5
    assert "1 of your 7 nights</strong> was shorter" in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes


def test_untouched_patient_mode_says_nothing_was_told():
    # Issue 12: before, an untouched explorer said "You slept about 7 hours a night ... Well
    # done. You said you do not feel stressed right now."
    patient = StressFatigueExplorer(mode="patient")
    assert patient.answers() == {}
    assert patient.result.sleep is None and patient.result.stress is None
    s = plain_text(patient.summary.value)
    assert (
        s == "You have not said how long you sleep yet.\nYou have not said how stressed you feel."
    )
    assert patient.result.steps == () and patient.figure.value == ""


def test_patient_sleep_is_compared_over_the_nights_told_once_the_age_is_told():
    patient = StressFatigueExplorer(mode="patient")
    patient.controls["night:Mon"].value = MIN - 1  # 6 h
    assert "Choose your age" in patient.summary.value and patient.result.sleep is None
    patient.controls["age_years"].value = 18
    patient.controls["night:Tue"].value = MIN + 1  # 8 h
    week = patient.result.sleep
    assert [n.night for n in week.nights] == ["Mon", "Tue"] and week.average_h == MIN
    s = plain_text(patient.summary.value)
    said = f"You told us about 2 nights. You slept about {MIN:g} hours a night on those nights."
    assert said in s
    assert f"1 of those nights was shorter than {MIN:g} hours" in s
    assert "Well done" not in s and "stressed" in s  # the stress question is still open
    assert "short_sleep" in {st.applies_when for st in patient.result.steps}
    patient.controls["stress"].value = "none"
    assert "You said you do not feel stressed right now" in patient.summary.value
    assert patient.answers_in_words()[0] == ("Your age", "Adults 18 to 60")


def test_every_control_has_a_visible_label():
    assert_controls_labelled(StressFatigueExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(StressFatigueExplorer)

"""The spine explorer, driven in plain pytest: pick a condition, tick signs, check the words."""

from __future__ import annotations

import pytest
import textstat

from spasm_edu.explorers.spine import SpineExplorer
from spasm_edu.models.triage import Level
from tests.helpers import assert_controls_labelled, plain


@pytest.fixture
def explorer():
    return SpineExplorer()


def test_starts_with_a_slipped_disc_and_no_signs(explorer):
    assert explorer.result.condition.condition_id == "herniated_disc"
    assert "Slipped disc" in explorer.summary.value
    assert "Why rest alone may not fix it" in explorer.summary.value
    assert "none of the warning signs" in explorer.summary.value
    assert "onto the nerve" in explorer.figure.value


@pytest.mark.parametrize(
    ("cid", "words"),
    [
        ("degenerative_disc", "Worn, thin disc"),
        ("spinal_stenosis", "Narrow tunnel squeezes the nerve"),
        ("herniated_disc", "pushes out onto the nerve"),
    ],
)
def test_each_condition_has_its_own_diagram(explorer, cid, words):
    explorer.controls["condition_id"].value = cid
    assert words in explorer.figure.value
    assert explorer.figure.value.count("<svg") == 1


def test_every_flag_checkbox_is_listed_with_its_level(explorer):
    for name, control in explorer.controls.items():
        if name.startswith("flag:"):
            control.value = True
            flag = name.split(":", 1)[1]
            assert flag in [t.flag_id for t in explorer.result.ticked], flag
            control.value = False
    assert explorer.result.ticked == ()


def test_cauda_equina_sign_is_an_emergency_in_words_and_colour(explorer):
    explorer.controls["flag:bladder_change"].value = True
    assert explorer.result.highest is Level.emergency
    assert "Emergency: call 911 or your local emergency number now" in explorer.summary.value
    assert "Do not wait" in explorer.summary.value
    # the chip says it in words
    assert "Emergency: call 911 or your local emergency number now" in explorer.figure.value
    assert "#D55E00" in explorer.figure.value


def test_mixed_signs_show_each_level(explorer):
    explorer.controls["flag:spasm_injury"].value = True
    assert explorer.result.highest is Level.see_doctor
    assert "See a doctor soon" in explorer.summary.value
    explorer.controls["flag:cancer_history"].value = True
    assert explorer.result.highest is Level.urgent
    text = plain(explorer.summary.value)
    assert "Urgent: get help today: Back pain and you have had cancer" in text
    assert "See a doctor soon: A back spasm hurt you" in text


def test_patient_mode_is_plain_and_readable():
    patient = SpineExplorer(mode="patient")
    assert "For nursing students" not in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes
    for cid in ("degenerative_disc", "spinal_stenosis", "herniated_disc"):
        patient.controls["condition_id"].value = cid
        for name, control in patient.controls.items():
            if name.startswith("flag:"):
                control.value = True
        grade = textstat.flesch_kincaid_grade(plain(patient.summary.value))
        assert grade <= 7, (cid, grade)


def test_untouched_patient_mode_picks_no_condition():
    # Issue 12: before, an untouched explorer showed "Slipped disc (herniated disc)" and the
    # handout carried it into the notes for the doctor as if it were a diagnosis.
    patient = SpineExplorer(mode="patient")
    assert patient.controls["condition_id"].value is None and patient.answers() == {}
    assert patient.result.condition is None
    text = plain(patient.summary.value)
    assert "You have not picked a back problem to read about" in text
    assert "disc" not in text.lower() and "stenosis" not in text.lower()
    assert "You have not ticked any warning signs yet" in text
    assert "none of the warning signs" not in text  # an empty list is not an answer
    assert "<svg" not in patient.figure.value


def test_a_picked_condition_is_explained_and_never_called_a_diagnosis():
    patient = SpineExplorer(mode="patient")
    patient.controls["condition_id"].value = "herniated_disc"
    text = plain(patient.summary.value)
    assert text.startswith("You picked slipped disc to read about. This is not a diagnosis.")
    assert "About: Slipped disc (herniated disc)" in text and "Why spasms happen" in text
    assert "onto the nerve" in patient.figure.value
    assert patient.answers_in_words() == (("Learn about", "Slipped disc"),)


def test_none_of_these_is_an_answer_and_excludes_the_signs():
    patient = SpineExplorer(mode="patient")
    none = patient.controls["no_flags"]
    none.value = True
    assert "You said you have none of these warning signs" in plain(patient.summary.value)
    patient.controls["flag:fever"].value = True
    assert none.value is False and [t.flag_id for t in patient.result.ticked] == ["fever"]
    none.value = True
    assert patient.controls["flag:fever"].value is False and patient.result.ticked == ()
    assert patient.triage_findings("no_flags") == ()  # not a red flag for step 4


def test_student_mode_has_the_details(explorer):
    explorer.controls["flag:fever"].value = True
    assert "For nursing students" in explorer.summary.value
    assert "nice_back_red_flags" in explorer.summary.value


def test_every_control_has_a_visible_label():
    assert_controls_labelled(SpineExplorer)

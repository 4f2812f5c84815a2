"""The neuro explorer, driven in plain pytest: tick features, check the honest wording."""

from __future__ import annotations

import pytest
import textstat

from spasm_edu.explorers.neuro import NeuroExplorer
from spasm_edu.models import triage
from spasm_edu.models.triage import Level
from tests.helpers import assert_controls_labelled, plain


@pytest.fixture
def explorer():
    return NeuroExplorer()


def test_starts_reassuring_with_an_example(explorer):
    assert explorer.result.highest is None
    assert "none of these signs" in explorer.summary.value
    assert "Stiff person syndrome" in explorer.summary.value
    assert "About 1 in a million people" in explorer.summary.value
    assert explorer.figure.value == ""


def test_every_feature_box_is_explained(explorer):
    for name, control in explorer.controls.items():
        if name.startswith("feature:"):
            control.value = True
            feature = explorer.result.ticked[0]
            assert feature.feature_id == name.split(":", 1)[1]
            assert feature.what_it_means in explorer.summary.value.replace("&#x27;", "'")
            badge = triage.level_row(feature.level).badge  # see a doctor soon, or today (Merck)
            assert badge in explorer.figure.value
            control.value = False


def test_no_diagnosis_and_a_pointer_to_the_guidance(explorer):
    explorer.controls["feature:weakness"].value = True
    text = explorer.summary.value
    assert "This is not a diagnosis" in text
    assert "when_to_see_a_doctor.ipynb" in text
    assert "score" not in plain(text).lower().replace("no score", "")


def test_sudden_raises_to_emergency_in_words_and_colour(explorer):
    explorer.controls["feature:repetitive"].value = True
    assert explorer.result.highest is Level.see_doctor
    explorer.controls["feature:trouble_walking"].value = True
    explorer.controls["sudden"].value = True
    assert explorer.result.highest is Level.emergency
    text = explorer.summary.value
    assert "It came on suddenly, so call 911 or your local emergency number now." in text
    assert "Emergency: call 911" in explorer.figure.value


@pytest.mark.parametrize(
    ("cid", "words"),
    [
        ("neuromyotonia", "Our sources give no number"),
        ("dystonia", "Our sources give no number"),
        ("spasticity", "Our sources give no number"),
        ("benign_fasciculations", "About 70 in 100 people have them"),
    ],
)
def test_examples_state_rarity_honestly(explorer, cid, words):
    explorer.controls["example"].value = cid
    assert words in explorer.summary.value


def test_patient_mode_is_the_checklist_only():
    patient = NeuroExplorer(mode="patient")
    assert "example" not in patient.controls
    assert "For nursing students" not in patient.summary.value
    for name, control in patient.controls.items():
        control.value = name != "no_features"
    assert len(patient.result.ticked) == len(patient.controls) - 2  # all but sudden and none
    grade = textstat.flesch_kincaid_grade(plain(patient.summary.value))
    assert grade <= 7, grade
    assert "spasm-patient" in patient.widget._dom_classes


def test_untouched_patient_mode_gives_no_reassurance():
    # Issue 12: before, an untouched checklist said "You ticked none of these signs. Most
    # spasms and twitches are harmless." as if the patient had answered.
    patient = NeuroExplorer(mode="patient")
    assert patient.answers() == {}
    text = plain(patient.summary.value)
    assert text == (
        "You have not ticked any of these signs yet. "
        "Tick any you notice, or tick the last box if none fit you."
    )
    patient.controls["no_features"].value = True
    text = plain(patient.summary.value)
    assert text.startswith("You said none of these signs fit you.") and "harmless" in text
    assert patient.answers_in_words() == (("None of these fit me", "Yes"),)


def test_none_of_these_and_a_feature_untick_each_other():
    patient = NeuroExplorer(mode="patient")
    feature = next(n for n in patient.controls if n.startswith("feature:"))
    patient.controls["no_features"].value = True
    patient.controls[feature].value = True
    assert patient.controls["no_features"].value is False
    assert [t.feature_id for t in patient.result.ticked] == [feature.split(":", 1)[1]]
    patient.controls["no_features"].value = True
    assert patient.controls[feature].value is False and patient.result.ticked == ()
    assert patient.triage_findings("no_features") == ()  # not a red flag for step 4


def test_every_control_has_a_visible_label():
    assert_controls_labelled(NeuroExplorer)

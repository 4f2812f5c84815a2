"""The spasm-types explorer, driven in plain pytest: pick regions, check words and the map."""

from __future__ import annotations

import pytest
import textstat

from spasm_edu.explorers.spasm_types import SpasmTypesExplorer
from spasm_edu.models import spasm_types
from tests.helpers import assert_controls_labelled, plain


@pytest.fixture
def explorer():
    return SpasmTypesExplorer()


def test_starts_on_the_legs_with_a_charley_horse(explorer):
    assert explorer.result.region_id == "legs"
    assert "Charley horse" in explorer.summary.value
    assert "About 24 to 25 in 100 adults" in explorer.summary.value
    assert 'href="05_dehydration.ipynb"' in explorer.summary.value
    assert "Chosen: Legs and feet" in explorer.figure.value  # named in words, not colour alone


@pytest.mark.parametrize(
    ("region", "words"),
    [
        ("head_face", "Eyelid twitch"),
        ("arms_hands", "Call 911 if they come together"),
        ("back", "Back spasm"),
        ("belly_pelvis", "overactive bladder"),
        ("whole_body", "hypnic jerk"),
    ],
)
def test_every_region_button_shows_its_types(explorer, region, words):
    explorer.controls["region_id"].value = region
    assert words in explorer.summary.value
    assert explorer.result.region_id == region
    assert "#E69F00" in explorer.figure.value


def test_the_muscle_filter_hides_other_kinds(explorer):
    explorer.controls["region_id"].value = "belly_pelvis"
    explorer.controls["muscle_kind"].value = "skeletal"
    assert explorer.result.types == ()
    assert "No spasm of this kind" in explorer.summary.value
    explorer.controls["muscle_kind"].value = "smooth"
    assert [t.type_id for t in explorer.result.types] == ["overactive_bladder"]
    assert "detrusor" in explorer.summary.value


def test_bladder_has_no_cause_notebook_and_says_so(explorer):
    explorer.controls["region_id"].value = "belly_pelvis"
    assert "No notebook in this course covers its causes" in explorer.summary.value


def test_patient_mode_is_the_picker_only_and_readable():
    patient = SpasmTypesExplorer(mode="patient")
    assert set(patient.controls) == {"region_id"}
    assert "For nursing students" not in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes
    for region in spasm_types.region_ids():
        patient.controls["region_id"].value = region
        grade = textstat.flesch_kincaid_grade(plain(patient.summary.value))
        assert grade <= 7, (region, grade)


def test_untouched_patient_mode_picks_no_body_part():
    # Issue 12: before, an untouched patient explorer showed the legs as if picked.
    patient = SpasmTypesExplorer(mode="patient")
    assert patient.controls["region_id"].value is None and patient.result is None
    assert plain(patient.summary.value) == "Pick a body part to see the kinds of spasm found there."
    assert patient.figure.value == "" and patient.answers() == {}
    patient.controls["region_id"].value = "legs"
    assert "Charley horse" in patient.summary.value and "<svg" in patient.figure.value


def test_every_control_has_a_visible_label():
    assert_controls_labelled(SpasmTypesExplorer)

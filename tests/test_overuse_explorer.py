"""The overuse explorer, driven in plain pytest."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.overuse import OveruseExplorer
from spasm_edu.tooling.readability import plain_text
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled


@pytest.fixture
def explorer():
    return OveruseExplorer()


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def tips(explorer) -> set[str]:
    return {t.tip_id for t in explorer.result.tips}


def test_starts_with_an_hour_of_moderate_exercise(explorer):
    assert explorer.result.exercise_min == 60 and explorer.result.intensity == "moderate"
    assert "active for 1 hour, at a moderate level" in explorer.summary.value
    assert {"warm_up", "stretch", "take_breaks", "drink", "if_cramp"} == tips(explorer)
    assert "no published limit" in explorer.figure.value
    assert "No published threshold" in explorer.summary.value  # student box lists unknowns
    assert "How many minutes of exercise bring on a cramp?" in explorer.summary.value


def test_every_control_is_driven(explorer):
    c = explorer.controls
    c["exercise_min"].value = 0
    assert "no exercise or hard work" in explorer.summary.value and "drink" not in tips(explorer)
    c["hold_position_min"].value = 90
    assert "change_position" in tips(explorer)
    assert "one position for up to 1 hour 30 minutes" in explorer.summary.value
    c["breaks"].value = 2
    assert "take_breaks" not in tips(explorer) and "You took 2 breaks" in explorer.summary.value
    c["exercise_min"].value = 30
    c["intensity"].value = "hard"
    assert "not_to_fatigue" in tips(explorer) and "hard level" in explorer.summary.value
    c["more_than_usual"].value = True
    assert "build_up" in tips(explorer) and "Build up slowly" in explorer.summary.value
    c["warmed_up"].value = True
    assert "warm_up" not in tips(explorer)
    c["stretched"].value = True
    assert "stretch" not in tips(explorer)


def test_no_threshold_appears_anywhere():
    explorer = OveruseExplorer(mode="patient")
    for minutes in (15, 60, 300, 720):
        explorer.controls["exercise_min"].value = minutes
        text = explorer.summary.value
        assert "too long" not in text and "limit of" not in text and "score" not in text.lower()
    assert "stroke-dasharray" not in explorer.figure.value  # no reference line drawn


def test_patient_mode_is_short_and_plain():
    patient = OveruseExplorer(mode="patient")
    assert set(patient.controls) == {
        "exercise_min",
        "intensity",
        "hold_position_min",
        "breaks",
        "more_than_usual",
    }
    assert "For nursing students" not in patient.summary.value
    assert "no set number of minutes" in patient.summary.value
    patient.controls["hold_position_min"].value = 60
    assert "Change position" in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes


def test_untouched_patient_mode_echoes_nothing():
    # Issue 12: before, an untouched explorer said "You said you were active for 1 hour, at a
    # moderate level. You took no breaks."
    patient = OveruseExplorer(mode="patient")
    assert all(c.value in (None, False) for c in patient.controls.values())
    assert patient.answers() == {}
    s = plain_text(patient.summary.value)
    assert s.startswith("You have not told us about your day yet.")
    assert "You said" not in s and "breaks" not in s
    assert tips(patient) == {"if_cramp"}  # only the tip for everyone
    assert patient.figure.value == ""


def test_patient_echo_and_tips_follow_only_what_was_told():
    patient = OveruseExplorer(mode="patient")
    c = patient.controls
    c["exercise_min"].value = 60
    s = plain_text(patient.summary.value)
    assert "You said you were active for 1 hour." in s  # no level until it is told
    assert "breaks" not in s and "take_breaks" not in tips(patient)  # breaks not told
    c["breaks"].value = 0
    assert "You took no breaks" in patient.summary.value and "take_breaks" in tips(patient)
    c["intensity"].value = "hard"
    assert "at a hard level" in patient.summary.value and "not_to_fatigue" in tips(patient)
    assert patient.answers_in_words() == (
        ("Exercise or hard work today", "1 hour"),
        ("How hard was it?", "Hard (you can only say a few words)"),
        ("Breaks taken (number)", "0"),
    )


def test_a_capped_choice_says_so_beside_the_box():
    patient = OveruseExplorer(mode="patient")
    notes = [x.note for x in walk(patient.widget) if hasattr(x, "note")]
    assert len(notes) == 2 and all(n.value == "" for n in notes)
    patient.controls["hold_position_min"].value = 720
    assert "Counted as 12 hours" in notes[1].value and notes[0].value == ""
    assert "for 12 hours or more" in patient.summary.value
    patient.controls["hold_position_min"].value = 480
    assert notes[1].value == ""


def test_every_control_has_a_visible_label():
    assert_controls_labelled(OveruseExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(OveruseExplorer)

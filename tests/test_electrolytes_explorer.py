"""The electrolytes explorer, driven in plain pytest: pick a test, type a value, change the
unit, correct calcium for albumin, build a day of food."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.electrolytes import FOOD, ElectrolytesExplorer
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled


@pytest.fixture
def explorer():
    return ElectrolytesExplorer()


def test_starts_within_range_with_one_banana(explorer):
    assert explorer.result.lab.analyte.analyte_id == "potassium"
    assert explorer.result.lab.value == 4.2 and explorer.result.lab.position == "within"
    text = explorer.summary.value
    assert "4.2 mmol/L" in text and "3.5 to 5.0 mmol/L" in text
    assert "within the usual reference range" in text
    assert "Ask your doctor about this result." in text
    assert "422 mg" in text and "2,600 mg" in text
    assert "no upper limit" in text
    assert "<svg" in explorer.figure.value and "Usual range" in explorer.figure.value


def test_a_low_value_says_below_and_lists_symptoms(explorer):
    explorer.controls["value"].value = 3.2
    text = explorer.summary.value
    assert "a little below the usual reference range" in text
    assert "cramps" in text and "Ask your doctor about this result." in text
    assert "hypokal" not in text.split("For nursing students")[0]  # no diagnosis words
    assert "A little below" in explorer.figure.value  # said in words, not only colour


def test_unit_choice_changes_the_reading(explorer):
    explorer.controls["value"].value = 3.2
    explorer.controls["unit"].value = "mEq/L"
    assert explorer.result.lab.value_mmol_l == 3.2
    assert "3.2 mEq/L = 3.2 mmol/L" in explorer.summary.value


def test_every_test_offers_its_units_and_a_neutral_start(explorer):
    expected = {
        "potassium": ("mmol/L", "mEq/L"),
        "sodium": ("mmol/L", "mEq/L"),
        "calcium_total": ("mmol/L", "mg/dL"),
        "calcium_ionized": ("mmol/L", "mg/dL"),
        "magnesium": ("mmol/L", "mg/dL"),
    }
    for analyte_id, units in expected.items():
        explorer.controls["analyte_id"].value = analyte_id
        assert tuple(explorer.controls["unit"].options) == units
        assert explorer.result.lab.analyte.analyte_id == analyte_id
        assert explorer.result.lab.position == "within" and explorer.error is None


def test_calcium_in_mg_dl_is_worked_for_students(explorer):
    explorer.controls["analyte_id"].value = "calcium_total"
    explorer.controls["unit"].value = "mg/dL"
    explorer.controls["value"].value = 8.0
    text = explorer.summary.value
    assert "8 mg/dL ÷ 4.008 = 2.00 mmol/L" in text
    assert "about 8.5 to 10.5 mg/dL" in text and "a little below" in text


def test_albumin_correction_for_total_calcium(explorer):
    explorer.controls["analyte_id"].value = "calcium_total"
    explorer.controls["unit"].value = "mg/dL"
    explorer.controls["value"].value = 7.6
    explorer.controls["albumin_g_dl"].value = 2.5
    assert not explorer.result.lab.corrected
    explorer.controls["use_albumin"].value = True
    lab = explorer.result.lab
    assert lab.corrected and lab.corrected_mg_dl == pytest.approx(8.8)
    assert "7.6 + 0.8 × (4.0 − 2.5) = <strong>8.8 mg/dL</strong>" in explorer.summary.value
    assert "Corrected calcium: 8.8 mg/dL" in explorer.figure.value


def test_albumin_is_ignored_for_other_tests(explorer):
    explorer.controls["use_albumin"].value = True
    assert explorer.result.lab.analyte.analyte_id == "potassium"
    assert not explorer.result.lab.corrected and explorer.error is None


def test_every_food_slider_adds_potassium(explorer):
    for name, control in explorer.controls.items():
        if name.startswith(FOOD):
            before = explorer.result.day.total_mg
            control.value += 1
            assert explorer.result.day.total_mg > before, name


def test_sex_and_status_pick_the_adequate_intake(explorer):
    explorer.controls["sex"].value = "male"
    assert explorer.result.day.adequate_intake_mg == 3400
    explorer.controls["sex"].value = "female"
    explorer.controls["status"].value = "pregnant"
    assert explorer.result.day.adequate_intake_mg == 2900
    explorer.controls["status"].value = "lactating"
    assert explorer.result.day.adequate_intake_mg == 2800
    assert "2,800 mg" in explorer.summary.value


def test_impossible_choices_show_a_kind_message(explorer):
    explorer.controls["status"].value = "pregnant"
    explorer.controls["sex"].value = "male"
    assert explorer.error and "status" in explorer.error
    assert "only when Female is chosen" in explorer.message.value
    explorer.controls["sex"].value = "female"
    assert explorer.error is None


def test_a_value_out_of_range_names_the_unit(explorer):
    explorer.controls["value"].value = 42
    assert explorer.error and explorer.error.startswith("value")
    assert "1 to 10 mmol/L" in explorer.message.value and "Traceback" not in explorer.message.value
    assert explorer.result.lab.value == 4.2  # the last good result stays


def test_patient_mode_is_short_and_plain():
    patient = ElectrolytesExplorer(mode="patient")
    assert "albumin_g_dl" not in patient.controls and "use_albumin" not in patient.controls
    patient.controls["value"].value = 2.4
    # no result is shown as the patient's until they say they have one
    assert "not entered a blood test result" in patient.summary.value
    assert "2.4" not in patient.summary.value and "band" not in patient.figure.value.lower()
    assert "potassium" in patient.figure.value.lower()  # the food chart still shows
    patient.controls["has_result"].value = True
    text = patient.summary.value
    assert "For nursing students" not in text and "far below the usual reference range" in text
    assert "spasm-patient" in patient.widget._dom_classes


def test_every_control_has_a_visible_label():
    assert_controls_labelled(ElectrolytesExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(ElectrolytesExplorer)

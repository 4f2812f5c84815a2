"""The electrolytes explorer, driven in plain pytest: pick a test, type a value, change the
unit, correct calcium for albumin, tick symptoms, build a day of food. The care each result
needs is asserted in the model output and in the rendered words."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.electrolytes import FOOD, NECK_SURGERY, SYMPTOM, ElectrolytesExplorer
from spasm_edu.models import electrolytes as el
from spasm_edu.models.triage import Level
from spasm_edu.tooling import readability as rl
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled, oracle, oracle_text

CALL_911 = "Call 911 or your local emergency number now"
# the neutral start: the middle of the potassium reference range at lab precision (4.25 -> 4.2)
START = round(
    (
        oracle("electrolyte_bands.csv:k_reference:lower")
        + oracle("electrolyte_bands.csv:k_reference:upper")
    )
    / 2,
    1,
)
TODAY = "Call your doctor today"


@pytest.fixture
def explorer():
    return ElectrolytesExplorer()


def test_starts_within_range_with_one_banana(explorer):
    assert explorer.result.lab.analyte.analyte_id == "potassium"
    assert explorer.result.lab.value == START and explorer.result.lab.position == "within"
    text = explorer.summary.value
    low = oracle_text("electrolyte_bands.csv:k_reference:lower")
    high = oracle("electrolyte_bands.csv:k_reference:upper")
    assert f"{START} mmol/L" in text and f"{low} to {high:.1f} mmol/L" in text
    assert "within the usual reference range" in text
    assert "Ask your doctor about this result." in text
    banana = oracle_text("electrolyte_potassium_foods.csv:banana:potassium_mg")
    women = oracle_text("electrolyte_potassium_intake.csv:women:mg_per_day")
    assert f"{banana} mg" in text and f"{women} mg" in text
    assert "no upper limit" in text and "for healthy people" in text
    assert "kidney disease" in text  # NASEM/IOM: not for kidney disease or such medicines
    assert explorer.urgency.level == Level.self_care and CALL_911 not in text
    assert "<svg" in explorer.figure.value and "Usual range" in explorer.figure.value


def test_a_low_value_says_below_and_lists_symptoms(explorer):
    explorer.controls["value"].value = 3.2
    text = explorer.summary.value
    assert "a little below the usual reference range" in text
    assert "cramps" in text and "Ask your doctor about this result." in text
    assert "See a doctor soon" in text and explorer.urgency.level == Level.see_doctor
    assert "heart" not in text.split("For nursing students")[0]  # mild band: no arrhythmia
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
    factor = oracle("electrolyte_analytes.csv:calcium_total:other_per_mmol_l")
    assert f"8 mg/dL ÷ {factor:g} = {8 / factor:.2f} mmol/L" in text
    low, high = (oracle_text(f"electrolyte_bands.csv:ca_reference:{e}") for e in ("lower", "upper"))
    assert f"about {low} to {high} mg/dL" in text and "below the usual reference range" in text


def test_albumin_correction_for_total_calcium(explorer):
    explorer.controls["analyte_id"].value = "calcium_total"
    explorer.controls["unit"].value = "mg/dL"
    explorer.controls["value"].value = 7.6
    explorer.controls["albumin_g_dl"].value = 2.5
    assert not explorer.result.lab.corrected
    explorer.controls["use_albumin"].value = True
    lab = explorer.result.lab
    factor = oracle("electrolyte_constants.csv:ca_correction_factor:value")
    normal = oracle("electrolyte_constants.csv:ca_correction_albumin:value")
    corrected = 7.6 + factor * (normal - 2.5)  # 7.6 + 0.8 x (4.0 - 2.5) = 8.8
    assert lab.corrected and lab.corrected_mg_dl == pytest.approx(corrected)
    worked = f"7.6 + {factor:g} × ({normal:.1f} − 2.5) = <strong>{corrected:.1f} mg/dL</strong>"
    assert worked in explorer.summary.value
    assert f"Corrected calcium: {corrected:.1f} mg/dL" in explorer.figure.value


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
    def ai(intake_id):
        return oracle(f"electrolyte_potassium_intake.csv:{intake_id}:mg_per_day")

    explorer.controls["sex"].value = "male"
    assert explorer.result.day.adequate_intake_mg == ai("men")
    explorer.controls["sex"].value = "female"
    explorer.controls["status"].value = "pregnant"
    assert explorer.result.day.adequate_intake_mg == ai("pregnant")
    explorer.controls["status"].value = "lactating"
    assert explorer.result.day.adequate_intake_mg == ai("lactating")
    lactating = oracle_text("electrolyte_potassium_intake.csv:lactating:mg_per_day")
    assert f"{lactating} mg" in explorer.summary.value


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
    assert explorer.result.lab.value == START  # the last good result stays


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


def patient_with_result() -> ElectrolytesExplorer:
    patient = ElectrolytesExplorer(mode="patient")
    patient.controls["has_result"].value = True
    return patient


def set_result(explorer, analyte_id, value, unit=None):
    explorer.controls["analyte_id"].value = analyte_id
    if unit:
        explorer.controls["unit"].value = unit
    explorer.controls["value"].value = value


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "why"),
    [
        ("potassium", 2.7, "mmol/L", "very weak muscles"),
        ("potassium", 6.3, "mmol/L", "chest pain"),
        ("sodium", 122, "mmol/L", "have a seizure"),
        ("calcium_total", 6.2, "mg/dL", "hands or feet that lock"),
        ("magnesium", 0.4, "mmol/L", "have a seizure"),
    ],
)
def test_a_critical_result_says_today_and_when_to_call_911(analyte_id, value, unit, why):
    patient = patient_with_result()
    set_result(patient, analyte_id, value, unit)
    assert patient.urgency.level == Level.urgent
    text = patient.summary.value
    assert "Urgent: get help today" in text and TODAY in text
    assert f"{CALL_911} if you" in text and why in text
    assert 'role="alert"' in text


@pytest.mark.parametrize(("value", "band_id"), [(2.3, "k_severe"), (6.8, "k_very_high")])
def test_a_potassium_result_in_an_emergency_band_says_call_911_now(value, band_id):
    # issue 11: below 2.5 mmol/L, A+E even without symptoms (PaperGP); 6.5 or more, hospital at
    # once (GPnotebook): "call your doctor today" does not meet either
    patient = patient_with_result()
    set_result(patient, "potassium", value, "mmol/L")
    assert patient.result.lab.band.band_id == band_id
    assert patient.urgency.level == Level.emergency
    text = patient.summary.value
    assert "Emergency: call 911 or your local emergency number now" in text
    assert TODAY not in text and 'role="alert"' in text


def test_every_urgent_band_renders_today_and_911():
    patient = patient_with_result()
    for a in el.analytes().values():
        for b in a.bands:
            if b.level != Level.urgent:
                continue
            lo, hi = b.lower_mmol_l, b.upper_mmol_l
            value = (lo + hi) / 2 if lo is not None and hi is not None else None
            if value is None:
                value = hi * 0.95 if lo is None else lo * 1.05
            set_result(patient, a.analyte_id, round(value, 2), "mmol/L")
            assert patient.result.lab.band == b, b.band_id
            text = patient.summary.value
            assert TODAY in text and CALL_911 in text, b.band_id


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "symptom"),
    [
        ("potassium", 3.2, "mmol/L", "mouth_tingling"),
        ("calcium_total", 8.0, "mg/dL", "hands_feet_lock"),
        ("sodium", 128, "mmol/L", "confused"),
        ("magnesium", 1.2, "mmol/L", "seizure"),
        ("potassium", 6.3, "mmol/L", "chest_breathing"),
    ],
)
def test_a_symptom_with_a_result_outside_the_range_says_call_911_now(
    analyte_id, value, unit, symptom
):
    patient = patient_with_result()
    set_result(patient, analyte_id, value, unit)
    patient.controls[SYMPTOM + symptom].value = True
    assert patient.urgency.level == Level.emergency
    assert [s.symptom_id for s in patient.urgency.raised_by] == [symptom]
    text = patient.summary.value
    assert "Emergency: call 911 or your local emergency number now" in text
    assert el.symptoms()[symptom].why in text
    assert TODAY not in text  # 911 now is not mixed with "call your doctor today"
    assert "not usually dangerous" not in text


def test_within_range_a_symptom_counts_as_its_red_flag():
    patient = patient_with_result()
    set_result(patient, "calcium_total", 9.5, "mg/dL")
    assert "not usually dangerous" in patient.summary.value  # fast breathing, calm state
    patient.controls[SYMPTOM + "mouth_tingling"].value = True
    assert patient.urgency.level == Level.urgent  # red flag tingling_around_mouth
    assert "not usually dangerous" not in patient.summary.value
    patient.controls[SYMPTOM + "hands_feet_lock"].value = True
    assert patient.urgency.level == Level.emergency  # red-flag rule tetany


def test_tingling_after_neck_surgery_is_low_calcium_and_needs_care_today():
    patient = ElectrolytesExplorer(mode="patient")  # no result entered
    patient.controls[SYMPTOM + "hands_feet_lock"].value = True
    patient.controls[NECK_SURGERY].value = True
    assert patient.urgency is None  # no result: the session takes the ticked findings
    assert patient.result.urgency.level == Level.urgent
    assert [c.caution_id for c in patient.result.urgency.rules] == ["neck_surgery"]
    text = patient.summary.value
    assert "can mean low calcium" in text and TODAY in text
    assert "not usually dangerous" not in text


def test_symptom_boxes_name_their_red_flag_findings():
    patient = ElectrolytesExplorer(mode="patient")
    assert patient.triage_findings(SYMPTOM + "mouth_tingling") == ("tingling_around_mouth",)
    assert patient.triage_findings(SYMPTOM + "seizure") == ("seizure",)
    assert patient.triage_findings(NECK_SURGERY) == ()
    patient.controls[SYMPTOM + "confused"].value = True
    assert patient.result.urgency.finding_ids == ("mental_changes",)


def test_high_potassium_says_not_to_add_potassium_foods():
    patient = patient_with_result()
    patient.controls["value"].value = 5.6
    assert "Do not add potassium foods" in patient.summary.value
    patient.controls["value"].value = 3.2
    assert "Do not add potassium foods" not in patient.summary.value


def test_the_hyperventilation_sentence_and_student_depth_are_shown_with_calcium():
    student = ElectrolytesExplorer()
    student.controls["analyte_id"].value = "calcium_total"
    text = student.summary.value
    assert "Fast breathing from panic" in text
    assert "For nursing students — tingling and hand spasm" in text and "Steurer" in text


def test_student_band_table_names_the_care_each_band_needs():
    student = ElectrolytesExplorer()
    student.controls["value"].value = 6.7
    text = student.summary.value
    assert "Care needed" in text and "Urgent: get help today" in text
    assert "911 if the person is unwell" in text and "k_very_high" not in text
    assert "spironolactone" in text and "ACE inhibitors" in text


def reading_states():
    """Every band of every test, and the symptom and caution states, in patient mode."""
    patient = patient_with_result()
    for a in el.analytes().values():
        for b in a.bands:
            lo, hi = b.lower_mmol_l, b.upper_mmol_l
            value = (lo + hi) / 2 if lo is not None and hi is not None else None
            if value is None:
                value = hi * 0.95 if lo is None else lo * 1.05
            set_result(patient, a.analyte_id, round(value, 2), "mmol/L")
            yield b.band_id, patient.summary.value
    set_result(patient, "calcium_total", 2.0, "mmol/L")
    for name in [SYMPTOM + s for s in el.symptoms()] + [NECK_SURGERY]:
        patient.controls[name].value = True
        yield name, patient.summary.value


def test_every_patient_state_reads_at_grade_7_or_below():
    for state, markup in reading_states():
        grade = rl.grade(rl.plain_text(markup))
        assert grade <= rl.TARGET_GRADE, (state, grade, rl.plain_text(markup))

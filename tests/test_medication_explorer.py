"""The medication explorer, driven in plain pytest: type, tick, filter, read the words."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.medication import TAKE, MedicationExplorer
from spasm_edu.models import medication
from spasm_edu.text.medication import PRESCRIBER_REMINDER
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled, oracle


@pytest.fixture
def explorer():
    return MedicationExplorer()


def visible(explorer) -> set[str]:
    return {
        k[len(TAKE) :]
        for k, c in explorer.controls.items()
        if k.startswith(TAKE) and c.layout.display != "none"
    }


def test_starts_empty_with_the_common_medicines_and_the_reminder(explorer):
    assert explorer.result.taking == () and explorer.result.matches == ()
    assert visible(explorer) == {m.drug_id for m in medication.medicines() if m.common}
    assert PRESCRIBER_REMINDER in explorer.summary.value
    assert "<svg" in explorer.figure.value and "1.0 = no signal" in explorer.figure.value


def test_typing_part_of_a_brand_finds_and_explains_it(explorer):
    explorer.controls["query"].value = "sudaf"
    assert explorer.result.matches[0].medicine.drug_id == "pseudoephedrine"
    assert "Sudafed is a brand of pseudoephedrine" in explorer.summary.value
    assert "speeds up your nerves" in explorer.summary.value
    assert visible(explorer) == {"pseudoephedrine"}
    assert PRESCRIBER_REMINDER in explorer.summary.value


def test_an_unknown_name_is_said_kindly_with_the_reminder(explorer):
    explorer.controls["query"].value = "tylenol"
    assert explorer.result.matches == ()
    assert "did not find" in explorer.summary.value and "pharmacist" in explorer.summary.value
    assert PRESCRIBER_REMINDER in explorer.summary.value


def test_every_tick_box_adds_its_medicine_with_the_reminder(explorer):
    for name, control in explorer.controls.items():
        if name.startswith(TAKE):
            control.value = True
            med = medication.medicine(name[len(TAKE) :])
            assert med in explorer.result.taking, name
            assert med.name in explorer.summary.value
            assert PRESCRIBER_REMINDER in explorer.summary.value
            control.value = False
            assert med not in explorer.result.taking


def test_ticked_medicines_stay_visible_after_a_new_search(explorer):
    explorer.controls[TAKE + "atorvastatin"].value = True
    explorer.controls["query"].value = "ventolin"
    assert visible(explorer) == {"atorvastatin", "albuterol"}
    assert "You ticked 1 medicine" in explorer.summary.value
    assert "← you ticked" in explorer.figure.value  # said in words on the chart


def test_student_table_shows_ratio_no_signal_and_not_significant(explorer):
    explorer.controls[TAKE + "furosemide"].value = True
    explorer.controls[TAKE + "salmeterol"].value = True
    text = explorer.summary.value
    assert "For nursing students" in text
    loop, laba = (
        oracle(f"medication_evidence.csv:garrison_{c}:value_low") for c in ("loop", "laba")
    )
    assert f"{loop:.2f} (not significant)" in text and f"{laba:.2f} (significant)" in text
    assert "1.0 = no signal" in text and "garrison_2012" in text
    assert f"{loop:.2f} (not significant)" in explorer.figure.value


def test_statin_figures_reach_the_student(explorer):
    explorer.controls["query"].value = "lipitor"

    def ev(row, col="value_low"):
        return f"{oracle(f'medication_evidence.csv:{row}:{col}'):,g}"

    symptoms = f"{ev('eas_statin_symptoms')}–{ev('eas_statin_symptoms', 'value_high')}%"
    assert f"{symptoms} of users in registries and observational studies" in explorer.summary.value
    blinded = (
        f"{ev('ctt_statin_blinded_statin')}% on a statin vs {ev('ctt_statin_blinded_placebo')}%"
    )
    assert f"{blinded} on placebo" in explorer.summary.value
    assert "people on a dummy pill had them almost as often" in explorer.summary.value
    myopathy = f"1 in {ev('eas_statin_myopathy')} to 1 in {ev('eas_statin_myopathy', 'value_high')}"
    assert myopathy in explorer.summary.value


def test_class_filter_lists_a_whole_class(explorer):
    explorer.controls["class_id"].value = "potassium_sparing"
    assert visible(explorer) == {"spironolactone", "amiloride", "triamterene"}
    explorer.controls["class_id"].value = None
    assert "spironolactone" in visible(explorer)


def test_a_too_long_query_shows_a_kind_message(explorer):
    explorer.controls["query"].value = "sudaf"
    explorer.controls["query"].value = "x" * 80
    assert explorer.error and "query" in explorer.error
    assert "shorter name" in explorer.message.value and "Traceback" not in explorer.message.value
    assert explorer.result.query == "sudaf"  # the last good result stays
    explorer.controls["query"].value = ""
    assert explorer.error is None and explorer.message.value == ""


def test_patient_mode_is_short_and_plain():
    patient = MedicationExplorer(mode="patient")
    assert "class_id" not in patient.controls and "query" in patient.controls
    patient.controls[TAKE + "albuterol"].value = True
    text = patient.summary.value
    assert "For nursing students" not in text and "sequence ratio" not in text
    assert "Albuterol (Ventolin, ProAir)" in text and PRESCRIBER_REMINDER in text
    assert "spasm-patient" in patient.widget._dom_classes


def test_patient_mode_explains_at_most_five_matches():
    patient = MedicationExplorer(mode="patient")
    patient.controls["query"].value = "water pill"
    assert len(patient.result.matches) == 9
    assert patient.summary.value.count("<li>") == 5 and "There are 4 more" in patient.summary.value


def test_every_control_has_a_visible_label():
    assert_controls_labelled(MedicationExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(MedicationExplorer)


def test_searching_quinine_shows_the_caution_instead_of_not_found(explorer):
    explorer.controls["query"].value = "quinine"
    text = explorer.summary.value
    assert "Quinine is not for everyday leg cramps." in text
    assert "serious bleeding" in text and "We did not find" not in text
    assert "mhra_quinine_2010" in text and "fda_quinine_2010" in text  # student box
    assert PRESCRIBER_REMINDER in text


def test_new_patient_sentences_read_at_grade_seven_or_below():
    # Free-text searches are not driven by the reading-level gate, so check these directly.
    import textstat

    (quinine,) = medication.cautions()
    for text in (quinine.title + ". " + quinine.plain, medication.medicine("omeprazole").how):
        assert textstat.flesch_kincaid_grade(text) <= 7, text


def test_untouched_patient_mode_has_no_answers_and_lists_what_is_ticked():
    # Issue 12 audit: untouched, it already asked rather than assumed ("Type the name ...").
    patient = MedicationExplorer(mode="patient")
    assert patient.answers() == {} and patient.result.taking == ()
    assert patient.summary.value.startswith("<p>Type the name of a medicine you take.")
    name = next(n for n in patient.controls if n.startswith("take:"))
    patient.controls[name].value = True
    assert patient.answers() == {name: True}
    assert patient.answers_in_words() == ((patient.controls[name].description, "Yes"),)

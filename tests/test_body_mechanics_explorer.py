"""The lifting explorer, driven in plain pytest: set controls, check result, words and pictures."""

from __future__ import annotations

import re

import pytest
import textstat

from spasm_edu.explorers.body_mechanics import BodyMechanicsExplorer
from spasm_edu.models import body_mechanics as bm
from spasm_edu.tooling.readability import plain_text
from spasm_edu.validation import InputError
from tests.helpers import assert_bad_mode_rejected


@pytest.fixture
def explorer():
    return BodyMechanicsExplorer()


def test_starts_with_example_b(explorer):
    # Example B (test_body_mechanics_model.py): RWL 8.1628 kg, LI 1.4701, costliest HM.
    r = explorer.result
    assert r.rwl == pytest.approx(8.162753372) and r.li == pytest.approx(1.470092, rel=1e-6)
    s = explorer.summary.value
    assert "8.2 kg" in s and "Your load is 12 kg" in s
    assert "raises the risk of a back injury" in s  # the 1 < LI <= 3 band, in words
    assert "how far the load is from your body" in s and "Bring the load close" in s
    assert "LI = load ÷ RWL = 12.00 ÷ 8.16 = 1.47" in s
    fig = explorer.figure.value
    assert fig.count("<svg") == 3 and "Side view of the lift" in fig
    assert "H = 40 cm" in fig and "V = 30 cm" in fig and "D = 50 cm" in fig
    assert "0.62 costs most" in fig  # HM 0.625, marked in words, not colour alone
    assert "over the limit" in fig


@pytest.mark.parametrize(
    ("name", "value", "check"),
    [
        ("load", 6.0, lambda r: r.li == pytest.approx(6 / 8.162753372)),
        ("h", 25.0, lambda r: r.multipliers["HM"] == 1),
        ("v", 75.0, lambda r: r.multipliers["VM"] == 1 and r.multipliers["CM"] == 1),
        ("d", 100.0, lambda r: r.multipliers["DM"] == pytest.approx(0.865)),
        ("a_deg", 90, lambda r: r.multipliers["AM"] == pytest.approx(0.712)),
        ("freq_per_min", 10.0, lambda r: r.multipliers["FM"] == 0.26),
        ("duration", "2to8h", lambda r: r.multipliers["FM"] == 0.65),
        ("coupling", "poor", lambda r: r.multipliers["CM"] == 0.90),
        ("task", "person", lambda r: r.lifting_a_person and not r.applies),
        ("units", "us", lambda r: r.mass_unit == "lb" and r.load_constant == 51),
    ],
)
def test_every_control_drives_the_result(explorer, name, value, check):
    explorer.controls[name].value = value
    assert explorer.error is None
    assert check(explorer.result)


def test_units_toggle_converts_the_sliders_and_back(explorer):
    explorer.controls["units"].value = "us"
    c = explorer.controls
    assert c["load"].description.endswith("(lb)") and c["h"].description.endswith("(in)")
    # 12 kg = 26.46 lb -> 26 (1 lb steps); 40 cm = 15.75 in -> 15.5 (0.5 in steps)
    assert (c["load"].value, c["h"].value, c["v"].value, c["d"].value) == (26, 15.5, 12, 19.5)
    assert explorer.result.units == "us" and "lb" in explorer.summary.value
    assert "H = 15.5 in" in explorer.figure.value
    explorer.controls["units"].value = "metric"
    assert c["load"].value == pytest.approx(12, abs=0.5) and c["h"].value == 39
    assert explorer.result.mass_unit == "kg"


def test_reach_cut_off_is_explained(explorer):
    explorer.controls["h"].value = 70
    r = explorer.result
    assert r.multipliers["HM"] == 0 and r.rwl == 0
    assert "Every load is over the limit when you lift this way" in explorer.summary.value
    assert "HM = 0 because H is over 63 cm" in explorer.summary.value
    assert "infinite" in explorer.summary.value


def test_frequency_slider_offers_exactly_the_table_rows(explorer):
    labels = [label for label, _ in explorer.controls["freq_per_min"].options]
    assert labels[0] == "0.2 or less" and labels[-1] == "more than 15" and len(labels) == 18
    explorer.controls["freq_per_min"].value = explorer.controls["freq_per_min"].options[-1][1]
    assert explorer.result.multipliers["FM"] == 0 and explorer.result.frequency_row_id == "over_15"
    assert "FM = 0 because this frequency-table cell is 0" in explorer.summary.value


def test_lifting_a_person_states_the_waters_limit(explorer):
    explorer.controls["task"].value = "person"
    s = explorer.summary.value
    assert "not made for that" in s and "16 kg" in s and "35 lb" in s
    assert "Use a lift device" not in s or "over this limit" not in s  # 12 kg is under 16 kg
    assert "under this limit" in s
    assert "the equation does not apply" in s and "waters_2007" in s
    for words in ("one hand", "sit or kneel", "more than 8 hours", "shift or slosh"):
        assert words in s, words
    assert "one-handed lifts; lifting while seated or kneeling" in s  # student box
    assert "Limit for lifting a person" in explorer.figure.value
    explorer.controls["load"].value = 40
    assert explorer.result.over_patient_limit and "over this limit" in explorer.summary.value


PATIENT_CONTROLS = {
    "units", "task", "load", "h", "v", "d", "a_deg", "coupling", "freq_per_min", "duration",
}  # fmt: skip
# A box held 40 cm out from the ankles, hands starting at 30 cm, a short move, no twist, a
# fair grip: HM 25/40 = 0.625, VM 1 - 0.003 x 45 = 0.865, DM 1, AM 1, CM 0.95 (below 75 cm).
LIFT = {"task": "object", "h": 40, "v": 30, "d": 25, "a_deg": 0, "coupling": "fair"}
REST = 23 * 0.625 * 0.865 * 0.95  # the limit before the frequency multiplier FM


def answer(patient, **values):
    for name, value in values.items():
        patient.controls[name].value = value
    return patient


def notes(patient) -> dict[str, str]:
    return {n: plain_text(b.note.value) for n, b in patient._note_boxes.items() if b.note.value}


def test_untouched_patient_mode_assumes_no_lift():
    # Issue 12: before, an untouched explorer said "For this lift, the safe limit is about
    # 12 kg. Your load is 10 kg." for a lift the patient never described (an occasional lift,
    # fair grip, short move).
    patient = BodyMechanicsExplorer(mode="patient")
    assert set(patient.controls) == PATIENT_CONTROLS
    assert all(c.value is None for c in patient.controls.values()) and patient.answers() == {}
    r = patient.result
    assert r.limit is None and r.lift is None and r.missing == bm.LIFT_QUESTIONS
    s = plain_text(patient.summary.value)
    assert s.startswith("You have not told us about your lift yet.")
    assert "How often you lift." in s and "How long you lift each day." in s
    assert "limit is about" not in s and "Tips for safe lifting" in s
    assert patient.figure.value == "" and notes(patient) == {}
    assert "For nursing students" not in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes


def test_once_a_minute_all_shift_uses_the_1_per_minute_2_to_8_hour_cell():
    patient = answer(BodyMechanicsExplorer(mode="patient"), **LIFT)
    assert patient.result.limit is None and patient.result.missing == ("freq_per_min", "duration")
    answer(patient, freq_per_min=1.0, duration="2to8h")
    r = patient.result
    assert r.frequency_row_id == "f1" and r.multipliers["FM"] == 0.75  # V 30 < 75 cm
    assert r.limit == pytest.approx(REST * 0.75)  # 8.86 kg
    s = plain_text(patient.summary.value)
    assert "You lift about once a minute, for most of the shift (2 to 8 hours)." in s
    assert "your recommended limit is about 8.9 kg" in s
    assert "Choose the weight of the load" in s  # no load assumed
    assert (
        notes(patient)["freq_per_min"] == "Counted in the lifting table's row for 1 lift a minute."
    )
    # The same lift now and then: FM 1 (0.2-or-less row, up to 1 hour), so a higher limit.
    answer(patient, freq_per_min=0.2, duration="le1h")
    assert patient.result.multipliers["FM"] == 1.0
    assert patient.result.limit == pytest.approx(REST)  # 11.8 kg
    assert "your recommended limit is about 12 kg" in plain_text(patient.summary.value)
    answer(patient, load=10)
    assert patient.result.lift.li == pytest.approx(10 / REST)
    assert "Your load is 10 kg" in patient.summary.value and patient.figure.value.count("<svg") == 2
    # NIOSH's recommended weight limit is not a line between safe and unsafe: patient mode
    # says "your limit" / "recommended limit", never "safe limit" (as the handout does)
    said = plain_text(patient.summary.value) + patient.figure.value
    assert "safe limit" not in said.lower() and "Your limit" in patient.figure.value


def test_the_issue_example_occasional_7_5_kg_against_all_shift_4_9_kg():
    # Arms out at 63 cm (HM 25/63): about 7.5 kg lifted now and then, about 4.9 kg when the
    # worker lifts twice a minute all shift (FM 0.65, 2 lifts/min, 2-8 h, V < 75 cm).
    patient = answer(BodyMechanicsExplorer(mode="patient"), **(LIFT | {"h": 63}))
    answer(patient, freq_per_min=0.2, duration="le1h")
    assert patient.result.limit == pytest.approx(23 * 25 / 63 * 0.865 * 0.95)  # 7.50 kg
    answer(patient, freq_per_min=2.0, duration="2to8h")
    assert patient.result.multipliers["FM"] == 0.65
    assert patient.result.limit == pytest.approx(23 * 25 / 63 * 0.865 * 0.95 * 0.65)  # 4.88
    assert "your recommended limit is about 4.9 kg" in plain_text(patient.summary.value)


@pytest.mark.parametrize(
    ("words", "lifts_per_min", "row", "fm_2to8h"),
    [
        ("About once an hour or less", 1 / 60, "f0_2", 0.85),
        ("About once every 5 minutes", 0.2, "f0_2", 0.85),
        ("About once a minute", 1.0, "f1", 0.75),
        ("About twice a minute", 2.0, "f2", 0.65),
        ("About 10 times a minute (every 6 seconds)", 10.0, "f10", 0.0),  # V < 75 cm cell
        ("More than 15 times a minute", 16.0, "over_15", 0.0),
    ],
)
def test_each_how_often_choice_is_one_row_of_the_table(words, lifts_per_min, row, fm_2to8h):
    patient = answer(BodyMechanicsExplorer(mode="patient"), **LIFT, duration="2to8h")
    menu = patient.controls["freq_per_min"]
    menu.value = lifts_per_min
    assert menu.label == words
    assert patient.result.frequency_row_id == row and patient.result.multipliers["FM"] == fm_2to8h
    assert "Counted in the lifting table's row for" in notes(patient)["freq_per_min"]


def test_how_long_choices_and_more_than_8_hours_says_it_is_counted_at_8():
    patient = answer(BodyMechanicsExplorer(mode="patient"), **LIFT, freq_per_min=1.0)
    fm = {}
    for key in ("le1h", "1to2h", "2to8h", "over8h"):
        patient.controls["duration"].value = key
        fm[key] = patient.result.multipliers["FM"]
    assert fm == {"le1h": 0.94, "1to2h": 0.88, "2to8h": 0.75, "over8h": 0.75}
    assert "not made for more than 8 hours" in notes(patient)["duration"]
    assert "not made for more than 8 hours of lifting" in patient.summary.value


def test_choices_at_the_edge_say_what_they_are_counted_as_beside_the_box():
    patient = answer(BodyMechanicsExplorer(mode="patient"), h=25, d=25, load=100)
    n = notes(patient)
    assert n["h"] == "Counted as 25 cm. Closer than that does not change the limit."
    assert n["d"] == "Counted as 25 cm. A shorter move does not change the limit."
    assert n["load"].startswith("Counted as 100 kg.")
    answer(patient, h=64, a_deg=140)
    assert notes(patient)["h"] == "Past 63 cm, no weight is safe to lift this way."
    assert notes(patient)["a_deg"] == "Past 135 degrees, no weight is safe to lift this way."


def test_units_follow_the_patients_choice():
    patient = answer(BodyMechanicsExplorer(mode="patient"), **LIFT, load=10)
    answer(patient, freq_per_min=1.0, duration="2to8h", units="us")
    c = patient.controls
    for name, unit in (("load", "lb"), ("h", "in"), ("v", "in"), ("d", "in")):
        assert c[name].description.endswith(f"({unit})"), name
    assert (c["load"].value, c["h"].value, c["v"].value, c["d"].value) == (22, 16, 12, 10)
    assert patient.result.mass_unit == "lb" and " lb" in patient.summary.value
    assert " kg" not in plain_text(patient.summary.value).split("Tips")[0]
    assert notes(patient)["d"] == "Counted as 10 in. A shorter move does not change the limit."
    answer(patient, h=26)  # beyond the reach cut-off stays beyond it in either unit
    answer(patient, units="metric")
    assert c["h"].value == 64 and c["h"].label == "more than 63" and c["load"].value == 10


def test_patient_screen_has_no_equation_letters():
    patient = answer(BodyMechanicsExplorer(mode="patient"), **LIFT, load=10)
    answer(patient, freq_per_min=1.0, duration="2to8h")
    shown = [plain_text(patient.summary.value), patient.figure.value]
    for control in patient.controls.values():
        shown.append(control.description)
        shown += [label for label, _ in getattr(control, "options", ())]
    text = "\n".join(shown)
    for symbol in ("H", "V", "D", "A", "F", "RWL", "LI", "HM", "VM", "FM", "CM"):
        assert not re.search(rf"\b{symbol}\b( =|,|\))", text), symbol
    assert "hands out 40 cm" in patient.figure.value and "Your limit" in patient.figure.value


def test_lifting_a_person_in_patient_mode_needs_no_lift_answers():
    patient = answer(BodyMechanicsExplorer(mode="patient"), task="person")
    s = plain_text(patient.summary.value)
    assert "not made for that" in s and "16 kg (35 lb)" in s and "weight you lift" not in s
    answer(patient, load=40)
    assert "(40 kg) is over this limit" in patient.summary.value
    assert "Limit for lifting a person" in patient.figure.value
    answer(patient, units="us")
    assert "35 lb (16 kg)" in plain_text(patient.summary.value)


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"task": "object"},
        LIFT,
        LIFT | {"freq_per_min": 1.0, "duration": "2to8h"},
        LIFT | {"freq_per_min": 1.0, "duration": "over8h", "load": 30},
        LIFT | {"h": 64, "freq_per_min": 16.0, "duration": "le1h", "load": 5},
        {"task": "person", "load": 60},
        LIFT | {"units": "us", "freq_per_min": 0.5, "duration": "1to2h", "load": 20},
    ],
)
def test_patient_text_reads_at_grade_7_or_below(state):
    patient = answer(BodyMechanicsExplorer(mode="patient"), **state)
    grade = textstat.flesch_kincaid_grade(plain_text(patient.summary.value))
    assert grade <= 7, plain_text(patient.summary.value)


def test_every_control_has_a_visible_label_with_units():
    for mode in ("student", "patient"):
        controls = BodyMechanicsExplorer(mode=mode).controls
        for name, control in controls.items():
            assert control.description.strip(), name
        for name in ("load", "h", "v"):
            assert re.search(r"\((kg|cm)\)$", controls[name].description), name


def test_bad_values_reaching_compute_name_the_argument(explorer):
    values = explorer.values() | {"freq_per_min": 2.5}
    with pytest.raises(InputError) as info:
        explorer.compute(**values)
    assert info.value.name == "freq_per_min"


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(BodyMechanicsExplorer)

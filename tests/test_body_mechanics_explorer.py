"""The lifting explorer, driven in plain pytest: set controls, check result, words and pictures."""

from __future__ import annotations

import math
import re

import pytest
import textstat

from spasm_edu.explorers.body_mechanics import BodyMechanicsExplorer
from spasm_edu.models import body_mechanics as bm
from spasm_edu.tooling.readability import plain_text
from spasm_edu.validation import InputError
from tests.conftest import rewrite
from tests.helpers import assert_bad_mode_rejected, oracle, oracle_text
from tests.test_body_mechanics_model import K, by_hand, cm, fm


def kg(x: float) -> str:
    """A limit as the patient reads it: whole kilograms from 10 up, else one decimal."""
    return f"{x:.0f} kg" if x >= 10 else f"{x:.1f} kg"


# Example B (test_body_mechanics_model.py): 12 kg, H 40, V 30, D 50, A 30, 2/min 1-2 h, fair
EXAMPLE_B = by_hand("metric", 40, 30, 50, 30, fm("f2", "1to2h", "low"), cm("fair", "low"))
RWL_B = K().load_constant * math.prod(EXAMPLE_B.values())  # 8.1628 kg
WATERS_KG = oracle_text("body_mechanics_patient_handling.csv:patient_handling:max_kg")
WATERS_LB = oracle_text("body_mechanics_patient_handling.csv:patient_handling:max_lb")
LONGEST_H = oracle_text("body_mechanics_durations.csv:2to8h:at_most_h")


@pytest.fixture
def explorer():
    return BodyMechanicsExplorer()


def test_starts_with_example_b(explorer):
    # Example B (test_body_mechanics_model.py): RWL 8.1628 kg, LI 1.4701, costliest HM.
    r = explorer.result
    assert r.rwl == pytest.approx(RWL_B) and r.li == pytest.approx(12 / RWL_B)
    s = explorer.summary.value
    assert kg(RWL_B) in s and "Your load is 12 kg" in s
    assert "raises the risk of a back injury" in s  # the 1 < LI <= 3 band, in words
    assert "how far the load is from your body" in s and "Bring the load close" in s
    assert f"LI = load ÷ RWL = 12.00 ÷ {RWL_B:.2f} = {12 / RWL_B:.2f}" in s
    fig = explorer.figure.value
    assert fig.count("<svg") == 3 and "Side view of the lift" in fig
    assert "H = 40 cm" in fig and "V = 30 cm" in fig and "D = 50 cm" in fig
    assert f"{EXAMPLE_B['HM']:.2f} costs most" in fig  # HM 0.625, in words, not colour alone
    assert "over the limit" in fig


@pytest.mark.parametrize(
    ("name", "value", "check"),
    [
        ("load", 6.0, lambda r: r.li == pytest.approx(6 / RWL_B)),
        ("h", 25.0, lambda r: r.multipliers["HM"] == 1),
        ("v", 75.0, lambda r: r.multipliers["VM"] == 1 and r.multipliers["CM"] == 1),
        (
            "d",
            100.0,
            lambda r: r.multipliers["DM"] == pytest.approx(K().d_intercept + K().d_factor / 100),
        ),
        ("a_deg", 90, lambda r: r.multipliers["AM"] == pytest.approx(1 - K().a_factor * 90)),
        ("freq_per_min", 10.0, lambda r: r.multipliers["FM"] == fm("f10", "1to2h", "low")),
        ("duration", "2to8h", lambda r: r.multipliers["FM"] == fm("f2", "2to8h", "low")),
        ("coupling", "poor", lambda r: r.multipliers["CM"] == cm("poor", "low")),
        ("task", "person", lambda r: r.lifting_a_person and not r.applies),
        ("units", "us", lambda r: r.mass_unit == "lb" and r.load_constant == K("us").load_constant),
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
    assert f"HM = 0 because H is over {K().h_max:g} cm" in explorer.summary.value
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
    assert "not made for that" in s and f"{WATERS_KG} kg" in s and f"{WATERS_LB} lb" in s
    assert "Use a lift device" not in s or "over this limit" not in s  # 12 kg is under 16 kg
    assert "under this limit" in s
    assert "the equation does not apply" in s and "waters_2007" in s
    for words in ("one hand", "sit or kneel", f"more than {LONGEST_H} hours", "shift or slosh"):
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
# the limit before the frequency multiplier FM: 23 x 0.625 x 0.865 x 0.95 = 11.8 kg
REST = K().load_constant * math.prod(
    m for s, m in by_hand("metric", 40, 30, 25, 0, 1, cm("fair", "low")).items() if s != "FM"
)


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
    all_shift = fm("f1", "2to8h", "low")  # 0.75: V 30 < 75 cm
    assert r.frequency_row_id == "f1" and r.multipliers["FM"] == all_shift
    assert r.limit == pytest.approx(REST * all_shift)  # 8.86 kg
    s = plain_text(patient.summary.value)
    assert f"You lift about once a minute, for most of the shift (2 to {LONGEST_H} hours)." in s
    assert f"your recommended limit is about {kg(REST * all_shift)}" in s
    assert "Choose the weight of the load" in s  # no load assumed
    assert (
        notes(patient)["freq_per_min"] == "Counted in the lifting table's row for 1 lift a minute."
    )
    # The same lift now and then: FM 1 (0.2-or-less row, up to 1 hour), so a higher limit.
    answer(patient, freq_per_min=0.2, duration="le1h")
    now_and_then = fm("f0_2", "le1h", "low")  # 1.00
    assert patient.result.multipliers["FM"] == now_and_then
    assert patient.result.limit == pytest.approx(REST * now_and_then)  # 11.8 kg
    said = plain_text(patient.summary.value)
    assert f"your recommended limit is about {kg(REST * now_and_then)}" in said
    answer(patient, load=10)
    assert patient.result.lift.li == pytest.approx(10 / (REST * now_and_then))
    assert "Your load is 10 kg" in patient.summary.value and patient.figure.value.count("<svg") == 2
    # NIOSH's recommended weight limit is not a line between safe and unsafe: patient mode
    # says "your limit" / "recommended limit", never "safe limit" (as the handout does)
    said = plain_text(patient.summary.value) + patient.figure.value
    assert "safe limit" not in said.lower() and "Your limit" in patient.figure.value


def test_the_issue_example_occasional_7_5_kg_against_all_shift_4_9_kg():
    # Arms out at 63 cm (HM 25/63): about 7.5 kg lifted now and then, about 4.9 kg when the
    # worker lifts twice a minute all shift (FM 0.65, 2 lifts/min, 2-8 h, V < 75 cm).
    c = K()
    patient = answer(BodyMechanicsExplorer(mode="patient"), **(LIFT | {"h": c.h_max}))
    answer(patient, freq_per_min=0.2, duration="le1h")
    arms_out = REST * (c.h_reference / c.h_max) / (c.h_reference / 40)  # 23 x 25/63 x ...
    assert patient.result.limit == pytest.approx(arms_out * fm("f0_2", "le1h", "low"))  # 7.50
    answer(patient, freq_per_min=2.0, duration="2to8h")
    twice = fm("f2", "2to8h", "low")  # 0.65
    assert patient.result.multipliers["FM"] == twice
    assert patient.result.limit == pytest.approx(arms_out * twice)  # 4.88 kg
    said = plain_text(patient.summary.value)
    assert f"your recommended limit is about {kg(arms_out * twice)}" in said


@pytest.mark.parametrize(
    ("words", "lifts_per_min", "row", "fm_2to8h"),
    [
        ("About once an hour or less", 1 / 60, "f0_2", fm("f0_2", "2to8h", "low")),
        ("About once every 5 minutes", 0.2, "f0_2", fm("f0_2", "2to8h", "low")),
        ("About once a minute", 1.0, "f1", fm("f1", "2to8h", "low")),
        ("About twice a minute", 2.0, "f2", fm("f2", "2to8h", "low")),
        ("About 10 times a minute (every 6 seconds)", 10.0, "f10", fm("f10", "2to8h", "low")),
        ("More than 15 times a minute", 16.0, "over_15", 0.0),  # the row above the table
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
    table = {
        d: oracle(f"body_mechanics_frequency.csv:f1:fm_{d}_v_low")
        for d in ("le1h", "1to2h", "2to8h")
    }
    assert fm == table | {"over8h": table["2to8h"]}
    assert f"not made for more than {LONGEST_H} hours" in notes(patient)["duration"]
    assert f"not made for more than {LONGEST_H} hours of lifting" in patient.summary.value


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
    assert f"{WATERS_KG} kg ({WATERS_LB} lb)" in s
    assert "not made for that" in s and "weight you lift" not in s
    answer(patient, load=40)
    assert "(40 kg) is over this limit" in patient.summary.value
    assert "Limit for lifting a person" in patient.figure.value
    answer(patient, units="us")
    assert f"{WATERS_LB} lb ({WATERS_KG} kg)" in plain_text(patient.summary.value)


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


def test_the_patient_menus_follow_the_niosh_cut_offs_in_data(data_copy, monkeypatch):
    """The patient's H, V, D and twist menus end at the cut-offs of body_mechanics_constants.csv
    and one choice past them: change H max 63 -> 60 cm and the twist max 135 -> 120 degrees in
    a copy of data/ and the menus move with them (they are not typed copies)."""
    from spasm_edu import facts
    from spasm_edu.explorers import body_mechanics as explorer_module

    c = K()
    row = f"metric,kg,cm,{c.load_constant:g},{c.h_reference:g},{c.h_max:g},"
    rewrite(data_copy / "body_mechanics_constants.csv", row, row.replace(f",{c.h_max:g},", ",60,"))
    text = (data_copy / "body_mechanics_constants.csv").read_text(encoding="utf-8")
    twist = f",{c.a_factor:g},{c.a_max_deg:g},"
    (data_copy / "body_mechanics_constants.csv").write_text(
        text.replace(twist, f",{c.a_factor:g},120,"), encoding="utf-8"
    )
    real = facts.table
    monkeypatch.setattr(facts, "table", lambda file, data_dir=data_copy: real(file, data_dir))
    monkeypatch.setattr(explorer_module, "PATIENT_CHOICES", explorer_module._Choices())
    assert explorer_module.PATIENT_CHOICES["metric"]["h"][-3:] == [55, 60, 61]
    assert explorer_module.patient_twist()[-2:] == [120, 125]
    # and with the real data: the published cut-offs, then one past
    monkeypatch.setattr(facts, "table", real)
    monkeypatch.setattr(explorer_module, "PATIENT_CHOICES", explorer_module._Choices())
    menus = explorer_module.PATIENT_CHOICES
    for units in ("metric", "us"):
        k = K() if units == "metric" else bm.constants("us")
        assert menus[units]["h"][-2:] == [k.h_max, k.h_max + 1]
        assert menus[units]["v"][-2:] == [k.v_max, k.v_max + 1]
        assert menus[units]["d"][-2:] == [k.d_max, k.d_max + 1]
        assert menus[units]["h"][0] == k.h_reference
    assert explorer_module.patient_twist()[-2:] == [c.a_max_deg, c.a_max_deg + 5]

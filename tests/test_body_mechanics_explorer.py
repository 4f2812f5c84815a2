"""The lifting explorer, driven in plain pytest: set controls, check result, words and pictures."""

from __future__ import annotations

import re

import pytest
import textstat

from spasm_edu.explorers.body_mechanics import BodyMechanicsExplorer
from spasm_edu.readability import plain_text
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
    assert "No weight is safe to lift this way" in explorer.summary.value
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


def test_patient_mode_is_short_plain_and_has_the_tips():
    patient = BodyMechanicsExplorer(mode="patient")
    assert set(patient.controls) == {"units", "task", "load", "h", "v", "a_deg"}
    r = patient.result
    # Hidden: D 25 cm (DM 1), occasional lift (FM 1), fair grip (CM 0.95 below 75 cm).
    assert r.d == 25 and r.multipliers["FM"] == 1 and r.multipliers["CM"] == 0.95
    s = patient.summary.value
    assert "For nursing students" not in s and "Tips for safe lifting" in s
    assert "Turn your feet and step" in s
    assert "spasm-patient" in patient.widget._dom_classes
    assert patient.figure.value.count("<svg") == 2


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"h": 80.0},
        {"v": 200.0},
        {"a_deg": 180},
        {"task": "person"},
        {"task": "person", "load": 60.0},
        {"units": "us"},
        {"h": 25.0, "v": 75.0, "a_deg": 0},
    ],
)
def test_patient_text_reads_at_grade_7_or_below(state):
    patient = BodyMechanicsExplorer(mode="patient")
    for name, value in state.items():
        patient.controls[name].value = value
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

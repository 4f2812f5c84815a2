"""The dehydration explorer, driven in plain pytest: set controls, check result and words."""

from __future__ import annotations

import pytest

from spasm_edu import facts
from spasm_edu.explorers.dehydration import DehydrationExplorer
from spasm_edu.models import dehydration
from spasm_edu.tooling.readability import plain_text
from tests.helpers import assert_bad_mode_rejected, assert_controls_labelled, oracle, oracle_text
from tests.test_dehydration_model import FOOD, LIMIT, water


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


@pytest.fixture
def explorer():
    return DehydrationExplorer()


def test_starts_at_the_womens_intake_with_a_weigh_in(explorer):
    day = explorer.result.day
    drinks, total = water("women", "from_drinks_l_per_day"), water("women")
    assert day.group_id == "women" and day.drinks_l == pytest.approx(drinks)
    assert day.balance_l == pytest.approx(drinks + FOOD * total - total)  # 2.2 + 0.54 - 2.7
    assert "enough fluid" in explorer.summary.value
    # default weigh-in: 70 -> 69 kg, 0.5 L drunk, 1 h: 1.5 L sweat, 1.43 % lost
    assert explorer.result.weigh_in.sweat_rate_l_h == pytest.approx(1.5)
    assert "1.4% of your weight" in explorer.summary.value
    assert "<svg" in explorer.figure.value and "Fluid in and out" in explorer.figure.value


def test_group_changes_the_baseline(explorer):
    explorer.controls["group_id"].value = "men"
    assert explorer.result.day.baseline_l == water("men")
    men = oracle_text("dehydration_water_needs.csv:men:total_water_l_per_day")
    assert f"about {men} L" in explorer.summary.value
    explorer.controls["group_id"].value = "lactating"
    assert explorer.result.day.baseline_l == water("lactating")


def test_drinks_and_exercise_move_the_balance(explorer):
    explorer.controls["drinks_l"].value = 3.0
    more = explorer.result.day.balance_l
    assert more == pytest.approx(3.0 + FOOD * water("women") - water("women"))  # 3 + 0.54 - 2.7
    explorer.controls["exercise_min"].value = 120  # 2 h x 1.0 L/h = 2 L sweat
    assert explorer.result.day.sweat_l == pytest.approx(2.0)
    assert explorer.result.day.balance_l == pytest.approx(more - 2.0)
    assert "short" in explorer.summary.value and "short" in explorer.figure.value


def test_sweat_rate_slider(explorer):
    explorer.controls["exercise_min"].value = 60
    explorer.controls["sweat_rate_l_h"].value = 3.5
    assert explorer.result.day.sweat_l == pytest.approx(3.5)
    assert "very high" in explorer.summary.value


def test_every_weigh_in_control_changes_the_result(explorer):
    c = explorer.controls
    c["pre_kg"].value = 80  # 69 kg is within 80-110 % of 80 kg (64-88 kg)
    assert explorer.result.weigh_in.pre_kg == 80
    post = round(80 * (1 - (LIMIT + 0.5) / 100), 1)  # 78 kg: 2 / 80 = 2.5 % lost, over the limit
    c["post_kg"].value = post
    assert explorer.result.weigh_in.over_acsm_limit
    assert f"more than {LIMIT:g}%" in explorer.summary.value
    lost_l = (80 - post) / oracle("dehydration_reference.csv:kg_per_litre_sweat:value")
    c["fluid_drunk_l"].value = 1.0
    assert explorer.result.weigh_in.sweat_l == pytest.approx(lost_l + 1.0)  # 3.0 L
    c["urine_l"].value = 0.2
    assert explorer.result.weigh_in.sweat_l == pytest.approx(lost_l + 0.8)  # 2.8 L
    c["hours"].value = 2
    assert explorer.result.weigh_in.sweat_rate_l_h == pytest.approx((lost_l + 0.8) / 2)
    c["weigh_in"].value = False
    assert explorer.result.weigh_in is None
    assert "Weight lost during exercise" not in explorer.figure.value


def test_weight_gain_warns_about_over_drinking(explorer):
    explorer.controls["fluid_drunk_l"].value = 2.0
    explorer.controls["post_kg"].value = 70.5
    assert explorer.result.weigh_in.gained_weight
    assert "Drinking too much can be harmful" in explorer.summary.value
    assert "hyponatraemia" in explorer.summary.value
    assert "weight went up" in explorer.figure.value


def test_approximate_bands_are_labelled(explorer):
    explorer.controls["post_kg"].value = 66  # 4 / 70 = 5.7 %: WHO's "some dehydration" (5-10 %)
    low = oracle("dehydration_severity.csv:some:min_loss_percent")
    high = oracle("dehydration_severity.csv:some:max_loss_percent")
    assert low <= 4 / 70 * 100 < high  # the premise
    assert explorer.result.weigh_in.band.band_id == "some"
    assert "approximate for adults" in explorer.summary.value
    # the row's own words: "5-10 % (WHO: some dehydration)"
    assert facts.table("dehydration_severity.csv")["some"].published_range in (
        explorer.summary.value
    )
    assert "approximate" in explorer.figure.value


def test_every_sign_checkbox_is_driven(explorer):
    for sign in facts.table(dehydration.SIGNS):
        box = explorer.controls[f"sign:{sign.sign_id}"]
        box.value = True
        assert explorer.result.signs.level == sign.level, sign.sign_id
        assert sign.label.lower() in explorer.summary.value.lower() or sign.level == "emergency"
        box.value = False
    assert explorer.result.signs.level == "none"


def test_urgent_and_emergency_words(explorer):
    explorer.controls["sign:no_pee_8h"].value = True
    assert "Get medical help today" in explorer.summary.value
    explorer.controls["sign:seizure"].value = True
    assert "Call 911" in explorer.summary.value


def test_impossible_weights_show_a_kind_message(explorer):
    explorer.controls["post_kg"].value = 72  # heavier than pre + 0.5 L drunk
    assert explorer.error and "post_kg" in explorer.error
    assert "does not fit" in explorer.message.value and "Traceback" not in explorer.message.value
    assert explorer.result.weigh_in.post_kg == 69  # the last good result stays
    explorer.controls["post_kg"].value = 69.5
    assert explorer.error is None and explorer.message.value == ""


def test_patient_mode_is_short_and_plain():
    patient = DehydrationExplorer(mode="patient")
    signs = {f"sign:{s.sign_id}" for s in facts.table(dehydration.SIGNS)}
    assert (
        set(patient.controls)
        == {
            "group_id",
            "drinks_l",
            "exercise_min",
            "sweat_rate_l_h",
        }
        | signs
    )
    assert "For nursing students" not in patient.summary.value
    assert patient.result.weigh_in is None
    patient.controls["group_id"].value = "women"
    patient.controls["drinks_l"].value = 2.25
    patient.controls["exercise_min"].value = 60
    patient.controls["sweat_rate_l_h"].value = 2.0  # "a lot": the typical high end
    assert patient.result.day.sweat_l == pytest.approx(2.0)
    assert "short" in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes


def test_untouched_patient_mode_compares_nothing():
    # Issue 12: before, an untouched explorer said "You drink about 2.2 L a day ... That looks
    # like enough fluid for this day."
    patient = DehydrationExplorer(mode="patient")
    assert patient.answers() == {} and patient.result.day is None
    s = plain_text(patient.summary.value)
    assert s == (
        "To see if you drink enough, tell us.\nWho you are.\nHow much you drank today.\n"
        "How long you were active.\nHow much you sweat."
    )
    assert patient.figure.value == ""


def test_patient_day_is_compared_once_told_and_sweat_only_matters_after_exercise():
    patient = DehydrationExplorer(mode="patient")
    patient.controls["group_id"].value = "men"
    patient.controls["drinks_l"].value = 1.5
    assert "How long you were active" in patient.summary.value
    assert patient.result.day is None
    patient.controls["exercise_min"].value = 0  # no exercise: the sweat question is not needed
    day = patient.result.day
    assert day.sweat_l == 0 and day.sweat_rate_l_h is None  # no rate invented
    men = water("men")  # IOM 3.7 L, 20 % from food
    assert day.balance_l == pytest.approx(1.5 + men * FOOD - men)
    s = plain_text(patient.summary.value)
    assert "You drank about 1.5 L today" in s and "1.5 L short" in s
    patient.controls["exercise_min"].value = 90
    assert patient.result.day is None and "How much you sweat" in patient.summary.value
    patient.controls["exercise_min"].value = 720
    notes = [x.note.value for x in walk(patient.widget) if hasattr(x, "note")]
    assert notes == [
        '<p class="spasm-note" role="status">Counted as 12 hours, the most this check takes.</p>'
    ]


def test_student_mode_marks_the_deeper_text(explorer):
    assert "For nursing students" in explorer.summary.value
    assert "Balance = in − out" in explorer.summary.value


def test_every_control_has_a_visible_label():
    assert_controls_labelled(DehydrationExplorer)


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(DehydrationExplorer)

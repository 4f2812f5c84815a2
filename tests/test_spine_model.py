"""Spine model: conditions, red-flag levels from the reference sheet, and bad input rejected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import spine
from spasm_edu.models.triage import Level
from tests.helpers import any_input, assert_names_argument, ids_or_text, result_or_value_error


def test_three_conditions_in_plain_words():
    assert spine.condition_ids() == ["degenerative_disc", "spinal_stenosis", "herniated_disc"]
    for cid in spine.condition_ids():
        c = spine.condition(cid)
        assert c.plain_name and c.why_rest_is_not_enough and c.source_id
    assert "seed_article" in spine.condition("herniated_disc").source_id  # rest alone, seed


# Reference sheet section 9: cauda equina signs, major trauma and fever with neurological
# signs are emergencies; fever, cancer history, unexplained weight loss, IV drug use, long-term
# steroids and night pain are urgent the same day; pain or injury from a back spasm needs a
# prompt visit.
EXPECTED = {
    "saddle_numbness": Level.emergency,
    "bladder_change": Level.emergency,
    "bowel_change": Level.emergency,
    "leg_weakness_worse": Level.emergency,
    "fever_nerve_signs": Level.emergency,
    "major_trauma": Level.emergency,
    "fever": Level.urgent,
    "cancer_history": Level.urgent,
    "weight_loss": Level.urgent,
    "iv_drug_use": Level.urgent,
    "long_term_steroids": Level.urgent,
    "night_pain": Level.urgent,
    "spasm_injury": Level.see_doctor,
    "spasms_return": Level.see_doctor,
}


def test_every_flag_has_the_level_the_sheet_gives():
    assert set(spine.flag_ids()) == set(EXPECTED)
    for flag_id, level in EXPECTED.items():
        assert spine.ticked_flags([flag_id])[0].level is level, flag_id


def test_cauda_equina_group_is_the_four_nhs_signs():
    table = facts.table(spine.FLAGS)
    group = {r.flag_id for r in table if r.group == "cauda_equina"}
    assert group == {"saddle_numbness", "bladder_change", "bowel_change", "leg_weakness_worse"}
    assert all("nhs_cauda_equina" in r.source_ids for r in table if r.group == "cauda_equina")


def test_highest_ticked_level_wins_and_most_urgent_is_listed_first():
    v = spine.view("spinal_stenosis", ["spasm_injury", "fever", "saddle_numbness"])
    assert v.highest is Level.emergency and v.cauda_equina
    assert [t.flag_id for t in v.ticked] == ["saddle_numbness", "fever", "spasm_injury"]
    v2 = spine.view("herniated_disc", ["spasm_injury", "night_pain"])
    assert v2.highest is Level.urgent and not v2.cauda_equina


def test_no_condition_is_picked_for_the_patient():
    v = spine.view(None, ["fever"])
    assert v.condition is None and [t.flag_id for t in v.ticked] == ["fever"]
    assert v.source_ids == tuple(sorted(set(v.ticked[0].source_id.split(";"))))


def test_nothing_ticked_means_no_level_not_an_invented_all_clear():
    v = spine.view()
    assert v.ticked == () and v.highest is None


def test_repeats_count_once_and_sources_resolve():
    v = spine.view("degenerative_disc", ["fever", "fever"])
    assert len(v.ticked) == 1
    assert set(v.source_ids) <= set(facts.table("sources.csv").by_id)
    assert "nice_back_red_flags" in v.source_ids and "urmc_degenerative_disc" in v.source_ids


@given(st.lists(st.sampled_from(sorted(EXPECTED)), max_size=6), st.sampled_from(sorted(EXPECTED)))
def test_adding_a_flag_never_lowers_the_level(flags, extra):
    before = spine.view("herniated_disc", flags).highest
    after = spine.view("herniated_disc", [*flags, extra]).highest
    assert after >= (before if before is not None else Level.self_care)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: spine.condition("sciatica"), "condition_id"),
        (lambda: spine.condition(3), "condition_id"),
        (lambda: spine.view("herniated_disc", ["fever", "headache"]), "flags"),
        (lambda: spine.view("herniated_disc", "fever"), "flags"),
        (lambda: spine.view("herniated_disc", 5), "flags"),
        (lambda: spine.view("herniated_disc", [None]), "flags"),
        (lambda: spine.view(""), "condition_id"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(
    st.sampled_from(spine.condition_ids() + spine.flag_ids()),
    ids_or_text(spine.flag_ids()),
    integers=(None, None),
    text_size=8,
)


@given(condition=anything, flags=anything)
def test_any_input_gives_a_view_or_a_value_error(condition, flags):
    v = result_or_value_error(lambda: spine.view(condition, flags))
    if v is not None:
        assert v.condition is None if condition is None else v.condition.condition_id == condition
        assert (v.highest is None) == (v.ticked == ())

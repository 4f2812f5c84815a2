"""Rare neurological causes: levels from the reference sheet, honest rarity, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import neuro
from spasm_edu.models.triage import Level
from tests.helpers import any_input, assert_names_argument, ids_or_text, result_or_value_error


def test_features_cover_the_seed_article_and_the_sheet():
    # Seed article: repetitive, larger-scale, weakness, trouble walking, numbness/tingling;
    # sheet section 9/10: wasting, loss of balance, mental changes.
    assert set(neuro.feature_ids()) == {
        "repetitive",
        "large_scale",
        "weakness",
        "wasting",
        "trouble_walking",
        "numbness",
        "mental_changes",
    }


TODAY = {"weakness", "numbness"}  # Merck Quick Facts: weakness or losing feeling -> right away


def test_every_feature_needs_a_doctor_and_sudden_raises_to_emergency():
    # Sheet section 9: "see a doctor soon; sudden weakness, balance loss, confusion = emergency".
    for f in neuro.feature_ids():
        slow = neuro.check_features([f])
        assert slow.highest is (Level.urgent if f in TODAY else Level.see_doctor), f
    fast = neuro.check_features(["weakness", "repetitive"], sudden=True)
    assert fast.highest is Level.emergency
    levels = {t.feature_id: (t.level, t.raised_by_sudden) for t in fast.ticked}
    assert levels == {
        "weakness": (Level.emergency, True),
        "repetitive": (Level.see_doctor, False),  # a slow pattern, not a sudden sign
    }
    assert [t.feature_id for t in fast.ticked] == ["weakness", "repetitive"]  # highest first


def test_each_feature_agrees_with_the_triage_engine():
    from spasm_edu.models import triage

    for row in facts.table("neuro_features.csv"):
        if row.finding_ids:
            engine = triage.assess(row.finding_ids.split(";")).level
            assert Level[row.level] == engine, row.feature_id
            if row.emergency_if_sudden == "yes":
                sudden = triage.assess([*row.finding_ids.split(";"), "sudden_nerve_signs"])
                assert sudden.level is Level.emergency


def test_sudden_alone_gives_no_level():
    assert neuro.check_features([], sudden=True).highest is None


def test_rarity_is_a_number_only_where_the_source_gives_one():
    stiff = neuro.condition("stiff_person")
    assert stiff.per_million == 1 and stiff.source_id.startswith("crane_2024")  # 1-2 per million
    benign = neuro.condition("benign_fasciculations")
    assert benign.percent_of_people == 70 and benign.benign  # ~70 % of healthy people
    for cid in ("neuromyotonia", "dystonia", "spasticity"):
        c = neuro.condition(cid)
        assert c.per_million is None and c.percent_of_people is None, cid
        assert "no number" in c.how_common, cid


def test_the_example_is_never_picked_from_the_features():
    r = neuro.check_features(["weakness", "trouble_walking", "numbness"])
    assert r.example is None
    assert neuro.check_features(["weakness"], example="dystonia").example.condition_id == (
        "dystonia"
    )


def test_sources_resolve():
    r = neuro.check_features(neuro.feature_ids(), True, "neuromyotonia")
    assert set(r.source_ids) <= set(facts.table("sources.csv").by_id)
    assert "nord_neuromyotonia" in r.source_ids


@given(st.lists(st.sampled_from(neuro.feature_ids()), max_size=5), st.booleans())
def test_adding_a_feature_or_sudden_never_lowers_the_level(features, sudden):
    base = neuro.check_features(features).highest or Level.self_care
    more = neuro.check_features([*features, "weakness"], sudden).highest
    assert more >= base


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: neuro.check_features(["tremor"]), "features"),
        (lambda: neuro.check_features("weakness"), "features"),
        (lambda: neuro.check_features(None), "features"),
        (lambda: neuro.check_features([1]), "features"),
        (lambda: neuro.check_features([], sudden="yes"), "sudden"),
        (lambda: neuro.check_features([], sudden=1), "sudden"),
        (lambda: neuro.check_features([], example="als"), "condition_id"),
        (lambda: neuro.condition(None), "condition_id"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(
    st.sampled_from(neuro.feature_ids() + neuro.condition_ids()),
    ids_or_text(neuro.feature_ids()),
    integers=(None, None),
    text_size=8,
)


@given(features=anything, sudden=anything, example=anything)
def test_any_input_gives_a_check_or_a_value_error(features, sudden, example):
    r = result_or_value_error(lambda: neuro.check_features(features, sudden, example))
    if r is not None:
        assert (r.highest is None) == (r.ticked == ())

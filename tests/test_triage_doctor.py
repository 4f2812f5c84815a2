"""Every notebook's "When to see a doctor" draws on the triage data (data/red_flags.csv and
data/red_flag_rules.csv), the same rows the triage engine assesses."""

from __future__ import annotations

import pytest

from spasm_edu import causes, facts
from spasm_edu.models import triage
from spasm_edu.tooling import course

CAUSES = [None, *causes.ids()]


def signs(cause):
    return [text for _, text, _ in course.doctor_items(cause)]


@pytest.mark.parametrize("cause", CAUSES)
def test_no_sign_is_listed_twice(cause):
    listed = [" ".join(s.lower().split()) for s in signs(cause)]
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize("cause", CAUSES)
def test_general_triage_signs_show_everywhere(cause):
    shown = signs(cause)
    for row in facts.table("red_flags.csv"):
        if row.shown_for == "all":
            assert row.sign in shown, row.finding_id
    assert facts.table("red_flag_rules.csv")["clot_in_lung"].sign in shown


def test_every_cause_keeps_its_own_advice():
    # The per-cause advice that used to live in data/see_a_doctor.csv, one sign per cause.
    expected = {
        "caffeine": ["caffeine_overdose", "seizure"],
        "medication": ["new_medicine", "water_pills_weakness", "muscle_breakdown_pain"],
        "electrolytes": ["tetany", "heavy_fluid_loss", "water_pills_weakness"],
        "dehydration": [
            "dizzy_on_standing",
            "no_pee_8_hours",
            "fluid_loss_confusion",
            "drank_too_much",
            "seizure",
            "heavy_fluid_loss",
        ],
        "stress_fatigue": [
            "eyelid_twitch_weeks",
            "eyelid_twitch_spreads",
            "disturbs_sleep",
            "stress_hard_to_cope",
        ],
        "overuse": ["muscle_breakdown_exertion", "muscle_breakdown_pain"],
        "body_mechanics": ["back_hurt_lifting", "saddle_numbness", "muscle_breakdown_exertion"],
        "pregnancy": ["pelvic_pain_hard_to_move", "back_hurt_lifting", "disturbs_sleep"],
        "spine": ["saddle_numbness", "major_trauma", "back_cancer_history", "back_not_better"],
        "neuro": ["muscle_wasting", "trouble_walking", "wound_dirty_or_unsure_shots"],
    }
    # the causes the seed article names keep their signs; a new cause is checked by
    # tests/test_causes.py (it shows signs of its own)
    assert set(expected) <= set(causes.ids())
    for cause, ids in expected.items():
        own = {f.id for f in triage.flags_for(cause, general=False)}
        assert set(ids) <= own, cause
        assert not any(f.general for f in triage.flags_for(cause, general=False))
        assert set(ids).isdisjoint(f.id for f in triage.flags_for(None)), cause


def test_flags_for_is_what_the_notebook_lists():
    for cause in CAUSES:
        flags = triage.flags_for(cause)
        assert [(f.level.name, f.sign, f.source_ids) for f in flags] == course.doctor_items(cause)
        assert [f.level for f in flags] == sorted((f.level for f in flags), reverse=True)
        assert all(f.level > triage.Level.self_care for f in flags)
        for f in flags:
            # ticking what a sign describes gives at least the level the list shows it under
            assert triage.assess(f.findings).level >= f.level, f.id


def test_flags_for_refuses_an_unknown_cause():
    with pytest.raises(ValueError, match="cause"):
        triage.flags_for("sleep")


def test_cause_specific_triage_signs_show_only_for_their_causes():
    saddle = facts.table("red_flags.csv")["saddle_numbness"].sign
    assert saddle in signs("spine") and saddle in signs("body_mechanics")
    assert saddle not in signs("caffeine") and saddle not in signs(None)
    tetany = facts.table("red_flag_rules.csv")["tetany"].sign
    assert tetany in signs("electrolytes") and tetany not in signs("spine")


def test_levels_are_listed_highest_first_with_their_headings():
    items = course.doctor_items("spine")
    order = ["emergency", "urgent", "see_doctor"]
    assert [order.index(level) for level, _, _ in items] == sorted(
        order.index(level) for level, _, _ in items
    )
    md = course.doctor_markdown("spine")
    assert (
        md.index("Call 911 or your local emergency number now if")
        < md.index("Get medical help today if")
        < md.index("See a doctor soon if")
    )
    assert f"- {facts.table('red_flags.csv')['saddle_numbness'].sign}" in md
    assert "inner thighs" in md


def test_sources_of_shown_signs_are_cited():
    ids = course.notebook_source_ids({"cause": "spine"})
    assert {"nhs_cauda_equina", "nice_back_red_flags", "nhs_dvt"} <= set(ids)
    assert "nhs_cauda_equina" not in course.notebook_source_ids({"cause": "caffeine"})


@pytest.mark.parametrize("general", [1, "yes", None])
def test_flags_for_wants_a_real_bool(general):
    with pytest.raises(ValueError, match="general"):
        triage.flags_for("caffeine", general=general)

"""Every notebook's "When to see a doctor" draws on the triage data, merged with
data/see_a_doctor.csv until the lead folds that file into red_flags.csv."""

from __future__ import annotations

import pytest

from spasm_edu import course, facts

CAUSES = [None, *facts.table("causes.csv").by_id]


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


@pytest.mark.parametrize("cause", CAUSES)
def test_replaced_see_a_doctor_rows_are_not_shown(cause):
    shown = signs(cause)
    triage_signs = {r.sign for r in facts.table("red_flags.csv")}
    for advice_id in ("calf_clot", "other_symptoms", "skin_changes"):
        advice = facts.table("see_a_doctor.csv")[advice_id].advice
        assert advice not in triage_signs  # worded differently, so only `replaces` drops it
        assert advice not in shown


def test_cause_rows_of_see_a_doctor_are_kept():
    caffeine = signs("caffeine")
    for row in facts.table("see_a_doctor.csv"):
        if row.cause_id == "caffeine":
            assert row.advice in caffeine


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
    assert "- You have numbness between your legs or around your bottom." in md


def test_sources_of_shown_signs_are_cited():
    ids = course.notebook_source_ids({"cause": "spine"})
    assert {"nhs_cauda_equina", "nice_back_red_flags", "nhs_dvt"} <= set(ids)
    assert "nhs_cauda_equina" not in course.notebook_source_ids({"cause": "caffeine"})

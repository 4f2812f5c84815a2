"""Teach-back prompts come from this patient's own result; nothing is recorded until the nurse
picks an outcome (AHRQ toolkit, Tool 5)."""

from __future__ import annotations

from spasm_edu import facts, handout, teach_back
from spasm_edu.models import triage
from spasm_edu.text import teach_back as wording
from spasm_edu.tooling import readability


def notes(level="urgent", what="Call your doctor today.", if_worse=("Your jaw is stiff.",)):
    return handout.TriageNotes(level=level, label=level, what_to_do=what, if_worse=if_worse)


def cause(cid="caffeine", name="Caffeine", tips=("Cut down slowly.", "No caffeine after 2 pm.")):
    return handout.CauseNotes(cause_id=cid, name=name, summary="", tips=tips)


def test_three_prompts_from_the_patients_result():
    got = teach_back.prompts(notes(), [cause()])
    assert [p.prompt_id for p in got] == ["action", "call_911", "cause:caffeine"]
    assert got[0].ask == wording.ASK_ACTION["urgent"] and got[0].listen_for == (
        "Call your doctor today.",
    )
    assert got[1].ask == "Ask: In your own words, when would you call 911?"
    assert got[1].listen_for == ("Your jaw is stiff.",)  # this patient's emergency signs
    assert "caffeine" in got[2].ask and got[2].listen_for == (
        "Cut down slowly.",
        "No caffeine after 2 pm.",
    )


def test_without_urgent_signs_the_911_prompt_lists_the_general_emergencies():
    got = teach_back.prompts(notes(level="self_care", if_worse=()), [])
    general = [f.sign for f in triage.flags_for(None) if f.level.name == "emergency"]
    assert got[1].listen_for == tuple(general[:3])
    assert [p.prompt_id for p in got] == ["action", "call_911", "questions"]  # no cause picked


def test_nothing_is_recorded_until_the_nurse_picks_and_answers_survive_a_refresh():
    panel = teach_back.TeachBack()
    panel.refresh(notes(), [cause()])
    assert panel.gone_over() == ()
    assert all(c.value is None for c in panel.choices.values())
    panel.choices["call_911"].value = wording.WENT_OVER
    panel.refresh(notes(), [cause()])  # same result: the answer stays
    assert panel.gone_over() == (
        ("In your own words, when would you call 911?", wording.WENT_OVER),
    )
    panel.refresh(notes(if_worse=("Your pee is dark.",)), [cause()])  # new signs: ask again
    assert panel.gone_over() == ()
    panel.choices["action"].value = wording.EXPLAINED
    panel.clear()
    assert panel.gone_over() == ()


def test_prompts_are_plain_words():
    for p in teach_back.prompts(notes(), [cause()]):
        assert readability.grade(p.ask) <= readability.TARGET_GRADE, p.ask
    for ask in wording.ASK_ACTION.values():
        assert readability.grade(ask) <= readability.TARGET_GRADE, ask


def test_the_method_is_cited():
    row = teach_back.source_row()
    assert "Teach-Back" in row.title and row.organisation.endswith("(AHRQ)")
    assert teach_back.SOURCE_ID in facts.table("sources.csv").by_id

"""A handout focused on this patient (issue 12 item 5, the review's open failures): the warning
signs that fit the patient (never one shown on screen left off), self-care advice from the
patient's causes, and a last-caffeine time from Drake et al. 2013.

Before these changes the reference handouts listed 32 (A) and 45 (B) signs; now 19 and 30.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spasm_edu import facts, handout
from spasm_edu.models import caffeine, triage
from spasm_edu.text import caffeine as caffeine_text
from spasm_edu.text import handout as handout_text


@pytest.fixture(scope="module")
def data_of():
    made = {name: handout.reference_session(name).handout_data() for name in ("A", "B")}
    return made.__getitem__


def _signs(data) -> list[str]:
    return [s for _, signs in handout.warning_groups(data) for s in signs]


def _row_sign(ident: str) -> str:
    eng = triage.engine()
    if ident in eng.flags:
        return eng.flags[ident].sign
    return next(r.sign for r in eng.rules if r.rule_id == ident)


def _universal() -> list[str]:
    return [
        f.sign for f in triage.flags_for(None) if f.level == triage.Level.emergency and f.general
    ]


# -- warning signs ---------------------------------------------------------------------------
def test_a_handout_lists_the_911_signs_and_its_own_not_every_sign(data_of):
    # Before the focus changes A listed 32 and B 45 signs (of ~60 then). The count moves as
    # emergency rows are added, so it is pinned relative to the whole list, and the signs beyond
    # the everyone-911 ones must be few: A (caffeine, sleep, eyelid) has a handful, B (lifting,
    # back, numbness) the back and nerve signs.
    every = {f.sign for c in CAUSES for f in triage.flags_for(c)}
    every |= {f.sign for f in triage.flags_for(None)}
    universal = set(_universal())
    a, b = _signs(data_of("A")), _signs(data_of("B"))
    assert len(a) <= len(every) // 3 and len(b) <= len(every) // 2, (len(a), len(b), len(every))
    assert len([s for s in a if s not in universal]) <= 8
    assert len([s for s in a if s not in universal]) < len([s for s in b if s not in universal])


def test_the_patients_own_911_signs_come_first_then_everyones_then_the_catch_all_line(data_of):
    universal = _universal()
    assert len(universal) >= 5
    for name in ("A", "B"):
        first_heading, first = handout.warning_groups(data_of(name))[0]
        assert first_heading == triage.level_row(triage.Level.emergency).heading
        own = [s for s in first if s not in set(universal)]
        # own signs first, then every sign for everyone, in file order: none dropped
        assert list(first) == [*own, *universal], name
        body = handout.render_body(data_of(name))
        box = re.search(r'<section class="spasm-911.*?</section>', body, re.S).group(0)
        assert handout_text.ANY_SUDDEN in handout.plain_text(box)
    # A's own (caffeine) seizure sign leads her box
    assert handout.warning_groups(data_of("A"))[0][1][0] == _row_sign("seizure")


def test_b_has_cauda_equina_first_in_the_911_box_in_the_screens_order(data_of):
    first = handout.warning_groups(data_of("B"))[0][1]
    assert first[0] == _row_sign("saddle_numbness")  # the box's very first line: page 1
    assert first[1] == _row_sign("bladder_bowel_change")
    weaker = next(s for s in first if "weaker" in s)
    assert first.index(weaker) < first.index(_universal()[0])
    # the own signs shown on screen keep the screen's order (if_worse, then watch_for)
    result = triage.assess(["back_spasm", "numbness_tingling"], ["body_mechanics", "spine"])
    screen = list(dict.fromkeys((*result.if_worse, *result.watch_for)))
    shown = [s for s in first if s in screen and s not in set(_universal())]
    assert shown == [s for s in screen if s in shown]
    assert len(shown) >= 3


def test_every_ticked_sign_is_on_the_handout(data_of):
    assert _row_sign("numbness_tingling") in _signs(data_of("B"))


def test_no_sign_from_an_unrelated_group(data_of):
    a = set(_signs(data_of("A")))
    for fid in ("pregnancy_warning_signs", "pelvic_pain_hard_to_move", "saddle_numbness"):
        assert _row_sign(fid) not in a, fid
    unrelated = ("child_limp_one_leg", "blood_in_pee", "tingling_around_mouth", "back_iv_drug_use")
    for ident in unrelated:
        assert _row_sign(ident) not in a and _row_sign(ident) not in set(_signs(data_of("B")))


def test_a_history_sign_asked_and_not_ticked_is_left_off_unless_shown_on_screen():
    ticked = ["back_spasm", "numbness_tingling"]  # urgent: the screen lists emergencies only
    off = {f.id for f in triage.handout_flags(["spine"], ticked)}
    assert "back_iv_drug_use" not in off and "back_cancer_history" not in off
    # a back spasm alone (self-care): the screen's watch-for list names it, so the handout does
    shown = triage.assess(["back_spasm"], ["spine"]).watch_for
    assert _row_sign("back_iv_drug_use") in shown
    assert "back_iv_drug_use" in {f.id for f in triage.handout_flags(["spine"], ["back_spasm"])}


CAUSES = sorted(facts.table("causes.csv").by_id)
FINDINGS = triage.finding_ids()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    causes=st.lists(st.sampled_from(CAUSES), max_size=4, unique=True),
    ticked=st.lists(st.sampled_from(FINDINGS), max_size=3, unique=True),
)
def test_no_sign_shown_on_screen_is_missing_from_the_handout(causes, ticked):
    """Every sign the patient sees on screen (the triage's watch-for list and, when urgent,
    its 'if it gets worse' list), and every emergency sign shown for everyone, is among the
    handout's signs, once, at one level."""
    result = triage.assess(ticked, causes)
    flags = triage.handout_flags(causes, ticked)
    signs = [f.sign for f in flags]
    assert len(signs) == len(set(signs))
    shown = set(result.watch_for) | set(result.if_worse)
    assert shown <= set(signs), shown - set(signs)
    assert set(_universal()) <= set(signs) | {_row_sign(t) for t in ticked}
    emergency = [f.sign for f in flags if f.level == triage.Level.emergency]
    # this patient's own emergency signs first, then everyone's, in file order
    everyone = [s for s in _universal() if s in emergency]
    assert emergency[len(emergency) - len(everyone) :] == everyone


def test_the_rule_can_fail_when_a_screen_sign_is_dropped(monkeypatch):
    """The property above is not empty: a handout_flags that loses one screen sign fails it."""
    real = triage.handout_flags
    monkeypatch.setattr(triage, "handout_flags", lambda c, t: real(c, t)[1:])
    with pytest.raises(AssertionError):
        test_no_sign_shown_on_screen_is_missing_from_the_handout.hypothesis.inner_test(
            causes=["caffeine"], ticked=[]
        )


# -- self-care advice --------------------------------------------------------------------------
def test_an_eyelid_twitch_gets_eyelid_advice_not_stretching(data_of):
    what = data_of("A").triage.what_to_do
    assert "stretch" not in what.lower() and not handout_text.says_rest(what)
    assert "stop on their own" in what and "caffeine" in what and "Sleep 7 hours" in what
    body = handout.plain_text(handout.render_body(data_of("A")))
    assert "Stretch the muscle gently" not in body and "Rest it." not in body
    assert "aao_eyelid_myokymia" in data_of("A").triage.source_ids


def test_self_care_advice_follows_the_data_file():
    rows = facts.table("self_care_advice.csv").by_id
    level = triage.level_row(triage.Level.self_care)
    what, sources = handout_text.fit_self_care(
        level.advice, level.source_ids, ["overuse"], level.advice, level.source_ids, rows
    )
    assert what == rows["overuse"].advice and "stretch" in what
    same, _ = handout_text.fit_self_care(
        level.advice, level.source_ids, ["neuro"], level.advice, level.source_ids, rows
    )
    assert same == level.advice  # no row for the cause: the level's advice stays
    extra = level.advice + " See a doctor if it is not better."
    kept, _ = handout_text.fit_self_care(
        extra, (), ["caffeine"], level.advice, level.source_ids, rows
    )
    assert kept.endswith("See a doctor if it is not better.") and "stretch" not in kept.lower()


# -- last caffeine time ------------------------------------------------------------------------
def test_last_caffeine_is_six_hours_before_the_patients_bedtime(data_of):
    row = facts.table("caffeine_timing.csv")["stop_before_bed"]
    assert row.hours_before_bed == 6 and row.source_ids == ["drake_2013"]
    assert "minimum of 6 hours" in row.where
    stop = caffeine.last_caffeine_by(23)
    assert (stop.by_h, stop.example) == (17, False)
    steps = [a.text for c in data_of("A").causes for a in c.actions]
    line = next(t for t in steps if "last caffeine" in t)
    assert "by 5 pm" in line and "11 pm" in line and "earlier" not in line
    assert "drake_2013" in {s for c in data_of("A").causes for a in c.actions for s in a.source_ids}


def test_no_bedtime_told_gives_a_labelled_example_never_the_patients_answer():
    words = caffeine_text.last_caffeine_sentence(None)
    assert words.startswith("Stop caffeine at least 6 hours before bed")
    assert "for example, for a 10 pm bedtime, by 4 pm" in words and "your bedtime" not in words
    told = caffeine.intake({"brewed_coffee": 3}, pregnant=False)
    lines = [a.text for a in caffeine_text.handout_actions(told)]
    assert any("for example" in t for t in lines)


def test_the_caffeine_explorers_patient_text_gives_the_time():
    day = caffeine.intake({"brewed_coffee": 3}, False, last_drink_h=15, bedtime_h=22).day
    assert "by 4 pm" in caffeine_text.patient_summary(day)
    told = caffeine.intake({"brewed_coffee": 3}, False, last_drink_h=15, bedtime_h=22)
    assert "by 4 pm" in caffeine_text.intake_summary(told)


def test_a_late_last_drink_is_told_to_move(data_of):
    day = caffeine.intake({"brewed_coffee": 3}, False, last_drink_h=20, bedtime_h=23).day
    line = next(a.text for a in caffeine_text.handout_actions(day) if "last caffeine" in a.text)
    assert line.startswith("Have your last caffeine by 5 pm") and "8 pm" in line


# -- the lift picture --------------------------------------------------------------------------
def test_bs_picture_shows_the_better_lift_from_the_models_numbers(data_of):
    from spasm_edu.models import body_mechanics as bm
    from spasm_edu.text import amount

    lift = bm.assess(20, 40, 30, 25, 45, 1.0, "2to8h", "fair")
    better = bm.better_lift(lift)
    assert (better.h, better.a_deg) == (bm.constants("metric").h_reference, 0)
    assert better.rwl > lift.rwl and better.load == lift.load
    svg = next(c.picture_svg for c in data_of("B").causes if c.picture_svg)
    assert f"Now: limit {amount(lift.rwl, 'kg')}" in svg
    assert f"Better: limit {amount(better.rwl, 'kg')}" in svg
    assert "hands out 40 cm" in svg and "hands out 25 cm" in svg and "no twist" in svg
    assert "reach limit" not in svg and ">floor<" not in svg  # nothing to crowd the drawing
    sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) >= 17  # readable when printed at half the page width
    assert svg.count("<title") == 1 and svg.count("<desc") == 1
    assert bm.better_lift(better) is None  # already close and straight: nothing to show


def test_lifting_a_person_keeps_its_bar():
    from spasm_edu.models import body_mechanics as bm

    person = bm.assess(20, 40, 30, 25, 45, 1.0, "2to8h", "fair", lifting_a_person=True)
    assert bm.better_lift(person) is None

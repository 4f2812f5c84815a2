"""The triage explorer, driven in plain pytest: tick boxes, check level, badge and reasons."""

from __future__ import annotations

import pytest

from spasm_edu.explorers.triage import TriageExplorer
from spasm_edu.models import triage
from spasm_edu.models.triage import Level
from spasm_edu.text import levels
from spasm_edu.tooling import readability as rl
from tests.helpers import assert_bad_mode_rejected, finish_questions


@pytest.fixture
def explorer():
    return TriageExplorer()


def test_starts_at_self_care_with_advice_and_signs_to_watch(explorer):
    assert explorer.result.level == Level.self_care
    assert "Self-care at home" in explorer.badge.value
    assert "Stretch the muscle gently" in explorer.summary.value
    assert "Watch for these signs" in explorer.summary.value
    assert "<svg" in explorer.figure.value and "your result" in explorer.figure.value


def in_group_order(finding_ids: list[str]) -> list[str]:
    """Finding ids by question group (GROUPS order), file order within a group: rows appended
    at the end of data/red_flags.csv (held-back set 4) still sit with their group."""
    flags = triage.engine().flags
    return sorted(finding_ids, key=lambda fid: triage.GROUPS.index(flags[fid].group))


def test_there_is_one_checkbox_per_finding_in_groups(explorer):
    assert list(explorer.controls) == in_group_order(triage.finding_ids())
    layout = explorer.layout_controls()
    headings = [
        child.value
        for box in layout
        for child in getattr(box, "children", ())
        if "<h3>" in str(getattr(child, "value", ""))
    ]
    for label in (
        "How often",
        "What else you notice",
        "in your back",
        "After an injury, hard work or heat",
        "Signs that need help right away",
        "Medicines",
    ):
        assert any(label in h for h in headings), label


@pytest.mark.parametrize("fid", triage.finding_ids())
def test_every_box_updates_the_result(explorer, fid):
    explorer.controls[fid].value = True
    assert fid in explorer.result.findings
    assert explorer.result.level == triage.assess([fid]).level
    row = triage.level_row(explorer.result.level)
    assert row.badge in explorer.badge.value  # the level in words, not colour alone
    assert row.badge in explorer.figure.value
    explorer.controls[fid].value = False
    assert explorer.result.level == Level.self_care


def test_ticking_more_boxes_raises_the_level_and_shows_why(explorer):
    explorer.controls["back_spasm"].value = True
    assert explorer.result.level == Level.self_care  # NHS: home care first
    assert "not better after a few weeks" in explorer.summary.value
    explorer.controls["fever"].value = True
    assert explorer.result.level == Level.urgent
    assert "infection in or near the spine" in explorer.summary.value
    explorer.controls["numbness_tingling"].value = True
    assert explorer.result.level == Level.emergency
    assert "Emergency: call 911 or your local emergency number now" in explorer.badge.value
    assert "Go to the emergency department now" in explorer.summary.value
    assert "NICE Clinical Knowledge Summaries" in explorer.summary.value  # the source, named


def test_badge_has_colour_and_word_for_every_level():
    from spasm_edu.plots import triage as plots

    colours = set()
    for level in triage.LEVELS:
        html = plots.badge(level)
        assert triage.level_row(level).badge in html
        assert 'aria-label="Level: ' in html
        colours.add(levels.colour(level))
    assert len(colours) == 4


def test_clear_unticks_everything_with_one_update(explorer, monkeypatch):
    explorer.tick("saddle_numbness", "pregnant")
    assert explorer.result.level == Level.emergency
    calls = []
    original = explorer.update
    monkeypatch.setattr(explorer, "update", lambda: (calls.append(1), original()))
    explorer.clear()
    assert len(calls) == 1
    assert explorer.result.level == Level.self_care
    assert not any(c.value for c in explorer.controls.values())


def test_clear_button_clears(explorer):
    explorer.tick("lasts_over_10_min")
    explorer.clear_button.click()
    assert explorer.result.level == Level.self_care


def test_tick_rejects_unknown_ids(explorer):
    with pytest.raises(ValueError, match="headache"):
        explorer.tick("headache")


def test_patient_mode_asks_every_question_without_student_detail():
    patient = TriageExplorer(mode="patient")
    assert list(patient.controls) == in_group_order(triage.finding_ids())  # none left out
    patient.tick("tingling_around_mouth", "claw_hand_spasm")
    assert patient.result.level == Level.emergency
    assert "For nursing students" not in patient.summary.value
    assert "Call 911" in patient.summary.value
    assert "spasm-patient" in patient.widget._dom_classes


def test_student_mode_shows_rules_basis_and_source_ids(explorer):
    explorer.tick("tingling_around_mouth", "claw_hand_spasm")
    value = explorer.summary.value
    assert "For nursing students" in value
    assert "<code>tetany</code>" in value and "textbook" in value
    assert "<code>merck_hypocalcemia</code>" in value


def test_pregnant_is_shown_as_good_to_know_not_a_warning():
    patient = TriageExplorer(mode="patient")
    patient.tick("pregnant")
    assert patient.result.level == Level.self_care
    assert "Good to know" not in patient.summary.value  # no result before all is answered
    finish_questions(patient)
    assert "Good to know" in patient.summary.value


def test_widget_shows_controls_badge_and_summary(explorer):
    children = explorer.widget.children
    assert explorer.badge in children and explorer.summary in children
    assert children.index(explorer.badge) < children.index(explorer.summary)


def test_every_control_has_a_visible_label():
    for mode in ("student", "patient"):
        for control in TriageExplorer(mode=mode).controls.values():
            assert control.description.strip().endswith("?")


def test_bad_mode_is_rejected():
    assert_bad_mode_rejected(TriageExplorer)


STATES = [
    [],
    ["pregnant"],
    ["recurring", "disturbs_sleep"],
    ["one_calf_swollen_warm"],
    ["one_calf_swollen_warm", "breathless_or_chest_pain"],
    ["back_spasm", "fever", "weakness"],
    ["back_spasm", "cancer_history"],
    ["tingling_around_mouth", "claw_hand_spasm"],
    ["hard_exertion", "severe_muscle_pain", "dark_urine"],
    ["recent_wound", "jaw_stiffness"],
    ["new_medicine", "takes_water_pills", "weakness"],
    ["heavy_fluid_loss"],
    ["sudden_nerve_signs"],
]


@pytest.mark.parametrize("findings", STATES, ids=lambda f: "+".join(f) or "none")
def test_patient_summary_reads_at_grade_7_or_below(findings):
    patient = TriageExplorer(mode="patient")
    if findings:
        patient.tick(*findings)
    text = rl.plain_text(patient.summary.value)
    assert rl.grade(text) <= rl.TARGET_GRADE, text


@pytest.mark.parametrize("fid", triage.finding_ids())
def test_each_single_finding_summary_reads_at_grade_7_or_below(fid):
    patient = TriageExplorer(mode="patient")
    patient.tick(fid)
    text = rl.plain_text(patient.summary.value)
    assert rl.grade(text) <= rl.TARGET_GRADE, text


# -- the patient's pages: emergencies first, one page at a time, nothing shown as an answer --
def test_every_emergency_question_is_asked_first_of_everyone():
    for causes in ([], ["caffeine"], ["spine"], ["pregnancy", "dehydration"]):
        patient = TriageExplorer(mode="patient", causes=causes)
        asked = patient.groups_asked()
        first = [k for k in asked if patient.pages[k][0] == "act_now"]
        assert asked[: len(first)] == tuple(first)  # the emergency pages come first
        on_first = {fid for k in first for fid in patient.questions_on(k)}
        assert set(triage.emergency_findings()) <= on_first, causes


def test_pages_fit_the_causes_and_are_short():
    caffeine = TriageExplorer(mode="patient", causes=["caffeine"])
    asked = {fid for k in caffeine.groups_asked() for fid in caffeine.questions_on(k)}
    assert "back_spasm" not in asked and "night_pain" not in asked  # no back questions
    assert "eyelid_twitch_weeks" in asked  # a caffeine sign
    assert "pelvic_pain_hard_to_move" not in asked  # a pregnancy-only 'see a doctor' sign
    back = TriageExplorer(mode="patient", causes=["body_mechanics"])
    asked = {fid for k in back.groups_asked() for fid in back.questions_on(k)}
    assert {"back_spasm", "cancer_history", "night_pain"} <= asked
    for key in back.pages:
        assert len(back.pages[key][1]) <= 7


def test_no_level_until_every_page_is_answered_but_an_emergency_shows_at_once():
    patient = TriageExplorer(mode="patient", causes=["caffeine"])
    assert patient.widget is not None  # built, as on screen
    self_care = triage.level_row(Level.self_care).badge
    assert not patient.complete and self_care not in patient.top.value
    assert "still to answer" in patient.top.value and patient.summary.value == ""
    assert "Questions 1 of" in patient.page_progress.value
    patient.none_boxes[patient.groups_asked()[0]].value = True
    assert "Answered" in patient.page_progress.value
    patient.next_button.click()
    assert patient.page == 1 and "Questions 2 of" in patient.page_progress.value
    finish_questions(patient)
    assert self_care in patient.top.value
    patient.clear()
    assert not patient.complete and patient.page == 0
    patient.controls["stroke_signs"].value = True  # nothing else answered: 911 at once
    assert "Emergency: call 911" in patient.top.value


def test_none_of_these_and_a_tick_on_the_same_page_exclude_each_other():
    patient = TriageExplorer(mode="patient")
    page = patient.groups_asked()[0]
    fid = patient.questions_on(page)[0]
    patient.none_boxes[page].value = True
    patient.controls[fid].value = True
    assert not patient.none_boxes[page].value and patient.answered(page)
    patient.none_boxes[page].value = True
    assert not patient.controls[fid].value and patient.answered(page)


def test_student_mode_shows_every_question_and_the_level_at_once(explorer):
    assert explorer.complete and explorer.shows_level
    assert triage.level_row(Level.self_care).badge in explorer.badge.value

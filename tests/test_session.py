"""The patient session, driven in plain pytest (no kernel, no browser)."""

from __future__ import annotations

import json
import re
import socket
from dataclasses import replace
from datetime import datetime

import ipywidgets as w
import pytest
import textstat

from spasm_edu import facts, handout, present
from spasm_edu import session as session_mod
from spasm_edu.explorers.base import NumberBox
from spasm_edu.explorers.caffeine import CaffeineExplorer
from spasm_edu.models import triage
from spasm_edu.session import N_STEPS, PatientSession, explorer_class, patient_control
from spasm_edu.text import handout as handout_text
from spasm_edu.text import session as wording
from tests.conftest import ROOT
from tests.helpers import finish_questions, oracle


@pytest.fixture
def session(tmp_path):
    return PatientSession(handout_folder=tmp_path / "handouts")


def html_of(widget) -> str:
    """All HTML and labels shown inside a widget tree."""
    out = []
    if isinstance(widget, w.HTML):
        out.append(widget.value)
    if getattr(widget, "description", None):
        out.append(widget.description)
    for child in getattr(widget, "children", ()):
        out.append(html_of(child))
    return "\n".join(out)


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_starts_at_step_one_with_back_disabled(session):
    assert session.step == 0
    assert "Step 1 of 5" in session.progress.value
    assert "tightens on its own" in html_of(session.body)
    assert session.back_button.disabled and not session.next_button.disabled


def test_back_and_next_move_and_stop_at_the_ends(session):
    for expected in range(1, N_STEPS):
        session.next_button.click()
        assert session.step == expected
        assert f"Step {expected + 1} of {N_STEPS}" in session.progress.value
    assert session.next_button.disabled
    session.go(99)
    assert session.step == N_STEPS - 1
    session.back_button.click()
    assert session.step == N_STEPS - 2
    session.go(-3)
    assert session.step == 0 and session.back_button.disabled


def test_the_first_page_holds_step_one_only_and_nothing_is_built_ahead(session):
    # what the browser draws before the patient can start: step 1, nothing hidden behind it
    assert session.steps_box.children == (session.pages[0],)
    assert session.triage is None and not session.explorers
    assert "spasm-prefetch-due" in session.prefetch_button._dom_classes  # after it shows


def test_a_step_change_shows_one_page_and_hides_the_rest_without_rebuilding(session):
    session.prefetch()  # what the page's script does once step 1 is on screen
    assert "spasm-prefetch-due" not in session.prefetch_button._dom_classes
    assert session.step == 0 and session.steps_box.children[:2] == tuple(session.pages[:2])
    assert session.pages[1].layout.display == "none"  # built, hidden: no screen reader finds it
    assert session.triage is None  # not yet: pages opened together would all build it at once
    session.go(1)
    session.prefetch()  # step 3's page and the red-flag questions, while the patient picks
    assert session.triage is not None
    session.cause_boxes["caffeine"].value = True  # its panel goes into hidden step 3 at once
    panel = session.panels["caffeine"]
    assert session.pages[2].children == (panel,) and session.pages[2].layout.display == "none"
    pick_children = session.pages[1].children
    session.go(2)
    assert session.body is session.pages[2] and session.body.children == (panel,)
    shown = [p.layout.display for p in session.pages]
    assert shown == [("none" if i != 2 else None) for i in range(N_STEPS)]
    for step in (1, 2, 3, 4, 3, 2, 1):  # Back and Next again: the same widgets, only shown
        session.go(step)
    assert session.pages[1].children == pick_children
    assert session.pages[2].children[0] is panel
    session.cause_boxes["caffeine"].value = False  # unticked at step 2: out of step 3
    assert session.pages[2].children != (panel,)
    assert len(session.steps_box.children) == N_STEPS


def test_step_two_offers_every_cause_from_the_data(session):
    session.go(1)
    shown = html_of(session.body)
    for cause in facts.table("causes.csv"):
        assert cause.name in shown and cause.summary in shown
    assert set(session.cause_boxes) == set(facts.table("causes.csv").by_id)


def test_no_cause_picked_says_so_kindly(session):
    session.go(2)
    assert wording.NO_CAUSES in html_of(session.body)


def test_explorers_are_discovered_by_cause_id():
    assert explorer_class("caffeine") is CaffeineExplorer
    assert explorer_class("no_such_cause") is None


def test_picked_caffeine_shows_its_patient_explorer_without_sliders(session):
    session.cause_boxes["caffeine"].value = True
    session.go(2)
    explorer = session.explorers["caffeine"]
    assert isinstance(explorer, CaffeineExplorer) and explorer.mode == "patient"
    shown = list(walk(session.body))
    assert not [x for x in shown if isinstance(x, w.IntSlider | w.FloatSlider | w.SelectionSlider)]
    menus = [x for x in shown if isinstance(x, w.Dropdown)]
    assert menus and all(m.description for m in menus)  # every input has a visible label
    assert all(m.value is None and m.label == "Choose…" for m in menus)  # nothing answered
    assert any(x.description == "Bedtime" for x in menus)
    text = html_of(session.body)
    assert "You have not said what you drink yet" in text and " mg " not in text
    assert "What you can do" in text and "Cut down slowly" in text


def test_the_shown_lists_drive_the_explorer(session):
    session.cause_boxes["caffeine"].value = True
    session.go(2)
    explorer = session.explorers["caffeine"]
    shown = {x.description: x for x in walk(session.body) if isinstance(x, w.Dropdown)}
    coffee = shown["Brewed coffee per day — 1 cup (8 oz / 237 mL)"]
    assert coffee is explorer.controls["drink:brewed_coffee"]
    coffee.value = 4
    cup = oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")  # 96 mg (Mayo Clinic)
    assert explorer.result.total_mg == 4 * cup
    coffee.value = 5
    assert explorer.result.total_mg == 5 * cup and "over both limits" in explorer.summary.value
    shown["Last drink at"].value = 15
    shown["Bedtime"].value = 25
    explorer.controls["pregnant"].value = "no"
    assert explorer.result.day.bedtime_h == 25 and "1 am" in explorer.summary.value


def test_number_boxes_and_buttons_stand_in_for_a_slider():
    # The patient explorers of issue 12 ask with lists that start on "Choose…", but a slider
    # (electrolytes' foods, or any new one) is still shown as a labelled number box.
    slider = w.IntSlider(value=2, min=0, max=10, description="Cups of coffee")
    box = patient_control(slider)
    assert isinstance(box, NumberBox) and box.stand_in_for is slider
    box.text.value = "4"  # typed
    assert slider.value == 4
    box.more.click()
    assert slider.value == 5 and box.text.value == "5"
    box.less.click()
    box.less.click()
    assert slider.value == 3 and box.text.value == "3"
    slider.value = 6  # and the other way round
    assert box.text.value == "6"


OLD_DEFAULT_WORDS = (  # what untouched explorers used to print as the patient's answers
    "192 mg",
    "You slept about",
    "Well done",
    "do not feel stressed",
    "active for 1 hour",
    "You drink about",
    "enough fluid",
    "recommended limit is about",
    "At 20 weeks pregnant",
    "Slipped disc",
    "You ticked none",
)


def test_untouched_explorers_report_no_answers_in_the_handout(session):
    """Issue 12: nothing is an answer until the patient gives it."""
    for cid in session.causes:
        session.cause_boxes[cid].value = True
    session.go(2)
    data = session.handout_data()
    for notes in data.causes:
        assert notes.values == (), notes.cause_id  # "What you told us" stays empty
        if notes.cause_id == "electrolytes":  # its food and sex defaults belong to its owners
            continue
        explorer = session.explorers.get(notes.cause_id)
        shown = [a.text for a in notes.actions]  # the handout's lines for this cause
        if explorer is not None:
            shown.append(explorer.summary.value)  # and the screen
        text = handout.plain_text(" ".join(shown))
        for words in OLD_DEFAULT_WORDS:
            assert words not in text, (notes.cause_id, words)
        if explorer is not None:
            assert explorer.answers() == {}, notes.cause_id
    page = handout.plain_text(session.make_handout())
    assert "What you told us" not in page


def test_answers_reach_the_handout_as_the_patient_gave_them(session):
    for cid in ("stress_fatigue", "spine", "body_mechanics"):
        session.cause_boxes[cid].value = True
    session.go(2)
    sleep, spine, lift = (
        session.explorers[c] for c in ("stress_fatigue", "spine", "body_mechanics")
    )
    sleep.controls["night:Mon"].value = 6.0
    sleep.controls["stress"].value = "none"  # a "Not at all" is an answer, and is listed
    spine.controls["condition_id"].value = "spinal_stenosis"
    lift.controls["freq_per_min"].value = 1.0
    lift.controls["duration"].value = "2to8h"
    data = {c.cause_id: c for c in session.handout_data().causes}
    assert data["stress_fatigue"].values == (
        ("Sleep Mon night (hours)", "6"),
        ("How stressed do you feel?", "Not at all"),
    )
    assert data["spine"].values == (("Learn about", "Narrow spinal canal"),)
    spine_text = handout.plain_text(spine.summary.value)
    assert "It is not a diagnosis" in spine_text or "This is not a diagnosis" in spine_text
    assert data["body_mechanics"].values == (
        ("How often you lift", "About once a minute"),
        ("How long you lift each day", "Most of the shift (2 to 8 hours)"),
    )
    for cid, notes in data.items():  # the explorers' own list agrees with the session's
        assert session.explorers[cid].answers_in_words() == notes.values, cid
    sleep.controls["stress"].value = None  # back to "Choose…": no longer an answer
    assert session.cause_notes("stress_fatigue").values == (("Sleep Mon night (hours)", "6"),)


def test_every_control_change_records_its_kernel_time(session):
    # Speed itself is measured by `python -m spasm_edu.tooling.bench`, never asserted here
    # (standard 6).
    for cid in session.causes:
        session.cause_boxes[cid].value = True
    session.go(2)
    explorer = session.explorers["caffeine"]
    for n in range(1, 11):
        explorer.controls["drink:black_tea"].value = n % 5  # 10 real changes
    session.go(3)
    session.tick_red_flag("recurring")
    assert len(session.update_ms) >= 11
    assert all(ms >= 0 for ms in session.update_ms)


def test_a_cause_without_explorer_shows_summary_and_tips(session, monkeypatch):
    monkeypatch.setattr(session_mod, "explorer_class", lambda cid: None)
    session.cause_boxes["overuse"].value = True
    session.go(2)
    text = html_of(session.body)
    assert facts.table("causes.csv")["overuse"].summary in text
    assert wording.NO_EXPLORER in text and "stretch the muscle gently" in text


def test_a_broken_explorer_never_breaks_the_session(session, monkeypatch):
    class Broken(CaffeineExplorer):
        def __init__(self, mode="student"):
            raise RuntimeError("half-finished")

    monkeypatch.setattr(session_mod, "explorer_class", lambda cid: Broken)
    session.cause_boxes["caffeine"].value = True
    session.go(2)
    assert wording.NO_EXPLORER in html_of(session.body)


def test_red_flags_come_from_the_triage_engine(session):
    session.go(3)
    assert set(session.red_flag_ids()) == set(triage.finding_ids())
    assert "Tick every box" in html_of(session.body)
    session.tick_red_flag("recurring")
    assert session.handout_data().triage.level == "unknown"  # not every group answered yet
    assert session.handout_data().triage.label == wording.TRIAGE_NOT_FINISHED_LABEL
    finish_questions(session.triage)
    data = session.handout_data()
    assert data.triage.level == "see_doctor"
    assert data.triage.label == triage.level_row(triage.Level.see_doctor).badge
    assert data.triage.reasons and data.triage.what_to_do
    with pytest.raises(ValueError, match="finding_id"):
        session.tick_red_flag("not_a_finding")


def test_every_emergency_finding_says_what_to_do_now(tmp_path):
    findings = triage.emergency_findings()
    assert findings
    for finding in findings:
        session = PatientSession(handout_folder=tmp_path)
        session.tick_red_flag(finding)
        notes = session.handout_data().triage
        assert notes.level == "emergency", finding
        page = handout.render(session.handout_data())
        assert notes.label in page and notes.what_to_do in handout.plain_text(page)
        assert 'data-level="emergency"' in page  # the coloured edge, next to the words


def test_a_failing_triage_step_still_shows_the_see_a_doctor_list(session, monkeypatch):
    def broken(mode="student"):
        raise RuntimeError("data being edited")

    monkeypatch.setattr(session_mod, "TriageExplorer", broken)
    session.go(3)
    text = html_of(session.body)
    assert wording.TRIAGE_FAILED in text and "Call 911" in text
    assert "Traceback" not in text
    session.go(4)
    page = session.make_handout()
    assert wording.TRIAGE_FAILED in handout.plain_text(page)


def test_large_text_switch_adds_and_removes_the_class(session):
    session.large_text.value = True
    assert "spasm-hc" in session.widget._dom_classes
    session.large_text.value = False
    assert "spasm-hc" not in session.widget._dom_classes


def test_summary_and_handout_hold_the_choices(session):
    for cid in ("caffeine", "dehydration", "overuse"):
        session.cause_boxes[cid].value = True
    session.go(2)
    session.explorers["caffeine"].controls["drink:brewed_coffee"].value = 5
    session.explorers["caffeine"].controls["pregnant"].value = "no"  # the limit that fits
    session.go(3)
    session.tick_red_flag("recurring")
    finish_questions(session.triage)
    session.go(4)
    assert "See a doctor" in html_of(session.body)
    assert "Caffeine" in html_of(session.body)
    page = session.make_handout()
    text = handout.plain_text(page)
    cup = oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")
    assert f"about {5 * cup:,.0f} mg a day" in text  # 5 cups x 96 mg, from the model
    coffee = session.explorers["caffeine"].controls["drink:brewed_coffee"].description
    told = coffee.split(" \u2014 ")[0].removesuffix(" per day").lower()  # as a sentence
    assert f"You have 5 cups of {told} a day" in text
    assert "Cut down slowly" in text and "Drink through the day" in text
    assert "See a doctor soon if" in text and "Call 911" in text
    assert handout_text.DISCLAIMER in text  # the disclaimer, "prescriber" in plain words
    assert "Sources" in text and "fda.gov" in page
    assert "stretch the muscle gently" in text.lower() or "Stretch" in text
    assert "<script" not in page and "http://127" not in page
    assert not re.search(r'(src|href)="http', page.replace('href="https://', ""))


def test_nothing_is_saved_until_save_is_pressed(session, tmp_path, monkeypatch):
    monkeypatch.setattr(handout, "pdf_bytes", lambda *a, **k: None)
    folder = tmp_path / "handouts"
    session.go(4)
    session.make_button.click()
    assert not folder.exists()
    assert "Your muscle spasm notes" in session.preview.value
    assert not session.save_button.disabled
    session.save_button.click()
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 1
    assert re.fullmatch(r"spasm-handout-\d{8}-\d{6}\.html", files[0])  # no personal data
    assert "Saved" in session.handout_status.value
    assert session.save_button.disabled  # saved: a second click (a double click) saves nothing
    session.save_button.click()
    assert len(list(folder.iterdir())) == 1
    session.make_button.click()  # another copy: make it again, then save
    session.save_button.click()
    assert len(list(folder.iterdir())) == 2  # never overwrites


def test_save_makes_a_pdf_when_chromium_is_present(tmp_path):
    if handout.find_chromium() is None:
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    session = PatientSession(handout_folder=tmp_path)
    saved = session.save_handout()
    assert saved.pdf_path and saved.pdf_path.read_bytes()[:5] == b"%PDF-"


def test_session_wording_reads_at_grade_seven_or_below():
    blocks = [" ".join(wording.WHAT_IS_A_SPASM), wording.PICK_CAUSES, wording.NO_CAUSES]
    blocks += [wording.NO_EXPLORER, wording.HANDOUT_INTRO, wording.HANDOUT_READY]
    blocks += [t.tip for t in facts.table("self_care_tips.csv")]
    for block in blocks:
        assert textstat.flesch_kincaid_grade(block) <= 7, block


def test_every_cause_has_practical_steps():
    with_tips = {t.cause_id for t in facts.table("self_care_tips.csv")}
    assert with_tips == set(facts.table("causes.csv").by_id)


def test_patient_control_leaves_other_widgets_alone():
    box = w.Checkbox(description="x")
    assert patient_control(box) is box


def test_demo_handout_command_writes_a_file(tmp_path, capsys):
    assert handout.main(["--demo", "--out", str(tmp_path), "--no-pdf"]) == 0
    out = capsys.readouterr().out
    (path,) = tmp_path.glob("spasm-handout-*.html")
    assert str(path) in out
    assert "Caffeine" in path.read_text(encoding="utf-8")


def test_present_says_clearly_when_the_port_is_taken(capsys):
    with socket.socket() as s:
        s.bind((present.HOST, 0))
        s.listen()
        port = s.getsockname()[1]
        assert not present.port_is_free(port)
        assert present.main(["--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"Port {port} is already in use" in err and "PORT=" in err


def test_present_serves_on_loopback_with_code_hidden():
    cmd = present.voila_command(8866)
    assert "--Voila.ip=127.0.0.1" in cmd and "--strip_sources=True" in cmd
    assert "--preheat_kernel=True" in cmd
    assert any("cull_idle_timeout" in c for c in cmd)
    assert str(present.NOTEBOOK) in cmd
    assert "--template=spasm" in cmd
    env = present.voila_env({"JUPYTER_PATH": "/elsewhere"})
    assert env["JUPYTER_PATH"].split(":")[0] == str(present.TEMPLATE_ROOT)
    template = present.TEMPLATE_ROOT / "voila" / "templates" / "spasm" / "index.html.j2"
    assert "fontawesome" in template.read_text() and "<main" in template.read_text()


def test_notebook_is_one_cell_that_builds_the_session():
    nb = json.loads((ROOT / "notebooks" / "patient_session.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and "PatientSession()" in "".join(code[0]["source"])


def test_a_red_flag_ticked_in_step_three_is_the_same_answer_in_step_four(session):
    session.cause_boxes["stress_fatigue"].value = True
    session.go(2)
    step3_box = session.explorers["stress_fatigue"].controls["flag:disturbs_sleep"]
    step3_box.value = True  # "Cramps often wake you up at night", ticked before step 4 exists
    session.go(3)
    assert session.triage.controls["disturbs_sleep"].value
    assert session.triage.result.level == triage.Level.see_doctor
    finish_questions(session.triage)
    data = session.handout_data()
    assert data.triage.level == "see_doctor"
    assert 'data-level="see_doctor"' in handout.render(data)
    session.tick_red_flag("disturbs_sleep", False)  # untick in step 4
    assert not step3_box.value
    assert session.handout_data().triage.level == "unknown"  # that group has no answer now
    finish_questions(session.triage)
    assert session.handout_data().triage.level == "self_care"


def test_a_red_flag_links_when_the_cause_is_picked_after_step_four(session):
    session.go(3)
    session.tick_red_flag("night_pain")
    session.cause_boxes["spine"].value = True  # picked later: the box starts ticked
    session.go(2)
    step3_box = session.explorers["spine"].controls["flag:night_pain"]
    assert step3_box.value
    step3_box.value = False
    assert not session.triage.controls["night_pain"].value
    session.explorers["spine"].controls["flag:saddle_numbness"].value = True
    assert session.handout_data().triage.level == "emergency"


def test_an_urgent_result_says_which_signs_make_it_an_emergency(session):
    session.go(3)
    session.tick_red_flag("one_calf_swollen_warm")
    finish_questions(session.triage)
    assert session.triage.result.level == triage.Level.urgent
    emergency = triage.level_row(triage.Level.emergency).heading  # from the data
    assert "or your local emergency number" in emergency
    clot = next(r.sign for r in triage.engine().rules if r.rule_id == "clot_in_lung")
    general = triage.engine().flags["breathless_or_chest_pain"].sign
    for shown in (html_of(session.body), session.make_handout()):
        assert "If it gets worse" in shown and emergency in shown
        assert clot in shown and general in shown
    session.tick_red_flag("breathless_or_chest_pain")  # now an emergency: no "if it gets worse"
    assert "If it gets worse" not in html_of(session.body)


def test_the_if_worse_list_follows_the_ticked_findings(session):
    session.go(3)
    session.tick_red_flag("back_spasm")
    session.tick_red_flag("fever")
    finish_questions(session.triage)
    text = session.triage.summary.value
    assert "numbness, weakness or trouble walking" in text  # back_fever_numbness_tingling
    assert "claw shape" not in text  # tetany shares no ticked finding
    session.tick_red_flag("back_spasm", False)
    session.tick_red_flag("fever", False)
    session.tick_red_flag("recurring")  # see a doctor: no "if it gets worse" list
    assert "If it gets worse" not in html_of(session.body)


def test_step_four_shows_the_result_above_the_questions(session):
    session.go(3)
    shown = [x for x in walk(session.body) if isinstance(x, w.HTML | w.Checkbox)]
    top = session.triage.top
    first_question = next(x for x in shown if isinstance(x, w.Checkbox))
    assert shown.index(top) < shown.index(first_question)
    # nothing answered yet: no level, and no green "self-care" shown as the patient's
    assert triage.level_row(triage.Level.self_care).badge not in top.value
    assert "still to answer" in top.value
    finish_questions(session.triage)
    assert triage.level_row(triage.Level.self_care).badge in top.value
    session.tick_red_flag("lasts_over_10_min")
    assert triage.level_row(triage.Level.urgent).badge in top.value
    assert "If it gets worse" in top.value
    assert "spasm-ladder" in session.triage.figure._dom_classes
    assert ".spasm-ladder svg {max-width: 840px" in session_mod.SESSION_STYLE


def test_step_one_does_not_alarm():
    text = " ".join(wording.WHAT_IS_A_SPASM)
    assert "hurt the spine" not in text and "A back spasm can be very painful" in text


def test_handout_lists_only_general_and_picked_signs_and_their_sources(session):
    session.cause_boxes["caffeine"].value = True
    data = session.handout_data()
    listed = {line for _, lines in data.doctor_list for line in lines}
    # the core 911 list + caffeine's own (+ what the screen showed below emergency)
    wanted = {f.sign for f in triage.handout_flags(["caffeine"], [])}
    assert listed == wanted
    core = {triage.engine().flags[f].sign for f in triage.core_emergency_ids()}
    assert core | {f.sign for f in triage.flags_for("caffeine", general=False)} <= listed
    cold = triage.engine().flags["leg_cold_pale"].sign  # for everyone, not in the core list
    assert cold not in listed
    assert triage.engine().flags["jaw_stiffness"].sign not in listed  # neuro only
    assert not set(wording.WHAT_IS_A_SPASM_SOURCES) - {"seed_article"} & set(data.source_ids)
    text = handout.plain_text(handout.render_body(data))
    assert "?." not in text and "et al.." not in text


def test_untouched_controls_are_not_shown_as_answers(session):
    session.cause_boxes["caffeine"].value = True
    session.go(2)
    explorer = session.explorers["caffeine"]
    assert session.cause_notes("caffeine").values == ()  # nothing changed yet
    explorer.controls["drink:cola"].value = 3
    labels = [label for label, _ in session.cause_notes("caffeine").values]
    assert labels == [explorer.controls["drink:cola"].description]


def test_every_finding_ids_cell_names_real_triage_findings():
    from spasm_edu.tooling import discover

    known = set(triage.finding_ids())
    tables = [cls.findings_table for cls in discover.explorer_classes().values()]
    assert {t[0] for t in tables if t} >= {
        "spine_red_flags.csv",
        "dehydration_signs.csv",
        "neuro_features.csv",
    }
    for table, _prefix in filter(None, tables):
        for row in facts.table(table):
            if row.finding_ids:
                assert set(row.finding_ids.split(";")) <= known, (table, row)


@pytest.mark.parametrize(
    ("sign", "level"),
    [
        ("bladder_change", "emergency"),  # cauda equina: bladder_bowel_change
        ("leg_weakness_worse", "emergency"),
        ("fever_nerve_signs", "emergency"),  # back + fever + numbness rule
        ("fever", "urgent"),  # back + fever rule, not fever alone (see a doctor)
        ("weight_loss", "urgent"),
        ("spasms_return", "see_doctor"),
    ],
)
def test_a_spine_sign_ticked_in_step_three_sets_the_step_four_level(sign, level):
    session = PatientSession()
    session.cause_boxes["spine"].value = True
    session.go(3)
    session.explorer_for("spine").controls[f"flag:{sign}"].value = True
    finish_questions(session.triage)
    session.go(4)
    assert session.triage.result.level.name == level
    assert session.handout_data().triage.level == level


@pytest.mark.parametrize(
    ("cause", "control", "level"),
    [
        ("dehydration", "sign:seizure", "emergency"),
        ("dehydration", "sign:confused", "emergency"),  # fluid loss + confusion (NHS: 999)
        ("dehydration", "sign:no_pee_8h", "urgent"),
        ("dehydration", "sign:dark_urine", "self_care"),  # dark yellow is not cola-coloured
        ("neuro", "feature:weakness", "urgent"),  # Merck: weakness -> right away
        ("neuro", "feature:wasting", "see_doctor"),
    ],
)
def test_a_sign_ticked_in_step_three_reaches_step_four_either_order(cause, control, level):
    for triage_first in (False, True):
        session = PatientSession()
        session.cause_boxes[cause].value = True
        if triage_first:
            session.go(4)
        session.go(3)
        session.explorer_for(cause).controls[control].value = True
        session.go(4)
        assert session.triage.result.level.name == level, (triage_first, control)


def test_a_blood_result_that_needs_care_today_reaches_step_four_and_the_handout(session):
    session.cause_boxes["electrolytes"].value = True
    session.go(2)
    lab = session.explorers["electrolytes"]
    lab.controls["analyte_id"].value = "potassium"
    lab.controls["value"].value = 6.2  # 6.0 to under 6.5: care today (6.5 or more is an emergency)
    session.go(3)
    finish_questions(session.triage)
    assert session.handout_data().triage.level == "self_care"  # no result given: not theirs
    session.go(2)
    lab.controls["has_result"].value = True  # "I have a blood test result"
    session.go(3)
    assert "Your blood test." in html_of(session.body)
    notes = session.handout_data().triage
    assert notes.level == "urgent" and "today" in notes.what_to_do and "911" in notes.what_to_do
    assert notes.reasons[0] == "Your potassium result is well above the usual reference range."
    lab.controls["symptom:chest_breathing"].value = True
    assert session.handout_data().triage.level == "emergency"


# -- broken data never strands a patient --------------------------------------------------------
@pytest.fixture
def break_tables(monkeypatch):
    """Make ``facts.table`` fail for the named files, as a broken data file would."""
    real = facts.table

    def _break(*files: str) -> None:
        def table(file, *args, **kwargs):
            if file in files:
                raise facts.FactsError(file, "broken on purpose", row=3, column="name")
            return real(file, *args, **kwargs)

        monkeypatch.setattr(facts, "table", table)
        triage.engine.cache_clear()  # the engine caches what it read

    yield _break
    triage.engine.cache_clear()


def test_broken_causes_data_shows_a_plain_page_with_the_warning_signs(break_tables, tmp_path):
    break_tables("causes.csv")
    session = PatientSession(handout_folder=tmp_path)  # no exception for Voila to show
    text = html_of(session.widget)
    assert wording.DATA_FAILED in text and wording.DATA_FAILED_TITLE in text
    assert wording.FALLBACK_EMERGENCY_HEADING in text
    assert all(sign in text for sign in wording.FALLBACK_EMERGENCY_SIGNS)
    assert "broken on purpose" not in text and "causes.csv" not in text  # no developer words
    assert session.back_button.disabled and session.next_button.disabled
    session.go(3)
    assert wording.DATA_FAILED in html_of(session.body)


def test_the_red_flag_fallback_needs_no_data_file(break_tables, tmp_path):
    break_tables("red_flags.csv", "red_flag_rules.csv", "triage_levels.csv")
    session = PatientSession(handout_folder=tmp_path)
    session.cause_boxes["caffeine"].value = True
    session.go(3)
    text = html_of(session.body)
    assert wording.TRIAGE_FAILED in text and "Call 911" in text
    for sign in wording.FALLBACK_EMERGENCY_SIGNS + wording.FALLBACK_URGENT_SIGNS:
        assert sign in text
    session.go(4)
    page = handout.plain_text(session.make_handout())
    assert wording.FALLBACK_EMERGENCY_HEADING in page
    assert all(sign in page for sign in wording.FALLBACK_EMERGENCY_SIGNS)


# Each emergency finding and emergency rule in the data, and the written-out sign that covers it.
FALLBACK_COVERS = {
    "stroke_signs": "A face that droops",
    "sudden_nerve_signs": "All of a sudden you get weak, lose your balance",
    "sudden_bad_headache": "A sudden, very bad headache",
    "breathless_or_chest_pain": "Chest pain or trouble breathing",
    "allergy_swelling": "A tight throat, or a tongue, lips or face",
    "arm_jaw_heart_pain": "A new ache or tightness in your arm, jaw, neck or back",
    "seizure": "A seizure (a fit)",
    "fever_stiff_neck": "A fever with a stiff neck",  # and the sepsis skin line below
    "fever_confusion": "A fever with a stiff neck, a rash that does not fade, or confusion",
    "fever_body_stiff": "A fever or a new medicine, and stiff muscles all over",
    "new_medicine_body_stiff": "a new medicine, and stiff muscles all over",
    "serotonin_signs": "agitated, sweaty, shaky or twitchy after a new medicine",
    "exertion_confusion": "Being confused after hard work, heat, a long race",
    "fluid_loss_confusion": "a bad stomach bug",
    "alcohol_confusion": "or heavy drinking",
    "alcohol_withdrawal": "after you stop heavy drinking",
    "drank_too_much": "after you drank a lot in a long race or hike",
    "heat_stroke": "Very hot skin and confusion after heat or hard work",
    "heat_not_better_30_min": "Still feeling unwell after 30 minutes of cooling down",
    "low_blood_sugar": "Diabetes, and feeling shaky, sweaty or confused, when sugar does not help",
    "party_drug_overheating": "A party drug, and now you feel very hot",
    "pregnancy_headache_no_relief": "A headache that does not go away with pain pills",
    "leg_cold_pale": "suddenly turns cold, pale and very painful",
    "cannot_pee": "Needing to pee but not being able to pee at all",
    "jaw_stiffness": "A stiff or locked jaw",
    "saddle_numbness": "New numbness between your inner thighs",
    "bladder_bowel_change": "New trouble peeing or pooping",
    "worsening_leg_weakness": "One or both legs getting weaker",
    "both_legs_symptoms": "numbness or weakness in both legs",
    "major_trauma": "after a big accident",
    "pain_worse_after_break_or_cast": "Pain that gets worse after an injury, a break or a new cast",
    "clot_in_lung": "Chest pain or trouble breathing",
    "tetany": "hands that lock in a claw shape",
    "back_fever_numbness_tingling": "A back spasm with a fever, and numbness",
    "back_fever_weakness": "A back spasm with a fever, and numbness, weakness",
    "back_fever_trouble_walking": "fever, and numbness, weakness or trouble walking",
    "back_after_trauma": "after a big accident",
    "muscle_breakdown_pain": "Very bad muscle pain or weakness, and pee that is dark",
    "muscle_breakdown_weak": "weakness, and pee that is dark",
    "muscle_breakdown_exertion": "pee that is dark, like cola or tea",
    "dark_urine_little_pee": "Dark pee, like cola or tea, and very little of it",
    "water_pills_weak_heart_flutter": "Water pills, weak muscles and a heart that races",
    "potassium_medicine_weak_heart_flutter": "A pill that raises potassium, weak muscles",
    "wound_large_or_deep": "A large or deep wound",
    "botulism_signs": "Both eyelids droop, you see double, or it is hard to swallow",
    "stiff_or_spasms_after_wound": "Painful spasms or stiffness, or a stiff jaw, after a cut",
    "tetanus_jaw": "a stiff jaw, after a cut or wound",
    "tetanus_spasms": "Painful spasms or stiffness",
    "tetanus_breathing": "Chest pain or trouble breathing",
    "tetanus_body_stiff": "Painful spasms or stiffness, or a stiff jaw, after a cut or wound",
    "child_fever_joint_pain": "A child with a fever who will not stand on a leg",
    "poison_spasms": "after you may have swallowed or touched a poison",
    "spreading_tingling_weakness": "spreads up from your feet or hands",
    "very_cold_confused": "Getting very cold, and then being confused",
    "testicle_sudden_pain": "starts suddenly in a testicle (ball)",
    "diabetes_very_ill": "Diabetes and feeling very ill",
    "lithium_confusion": "Taking lithium, and being sick, shaky or unsteady",
}


def test_the_written_out_signs_cover_every_emergency_in_the_data():
    rules = {r.rule_id for r in triage.engine().rules if r.level == "emergency"}
    assert set(FALLBACK_COVERS) == set(triage.emergency_findings()) | rules
    signs = " ".join(wording.FALLBACK_EMERGENCY_SIGNS)
    for finding, words in FALLBACK_COVERS.items():
        assert words in signs, finding
    assert "calf" in " ".join(wording.FALLBACK_URGENT_SIGNS)  # the clot warning sign
    for block in (wording.DATA_FAILED, *wording.FALLBACK_EMERGENCY_SIGNS):
        assert textstat.flesch_kincaid_grade(block) <= 7, block


@pytest.mark.parametrize("file", sorted(p.name for p in facts.DATA_DIR.glob("*.csv")))
def test_any_broken_data_file_leaves_a_page_with_the_warning_signs(break_tables, file, tmp_path):
    break_tables(file)
    session = PatientSession(handout_folder=tmp_path)
    for cid in session.causes:
        session.cause_boxes[cid].value = True
    shown = []
    for step in range(N_STEPS):
        session.go(step)
        shown.append(html_of(session.body))
    text = "\n".join(shown)
    assert "Traceback" not in text and "broken on purpose" not in text
    written_out = all(sign in text for sign in wording.FALLBACK_EMERGENCY_SIGNS)
    if not written_out:  # step 4 asks the red-flag questions: the emergency ones first
        asked = session.triage.groups_asked()
        first = {
            fid for k in asked if k.startswith("act_now") for fid in session.triage.questions_on(k)
        }
        assert set(triage.emergency_findings()) <= first, file
        flags = triage.engine().flags
        on_screen = [flags[f].question for f in session.triage.questions_on(asked[0])]
        assert on_screen and all(q in shown[3] for q in on_screen), file
    page = session.make_handout()
    assert "broken on purpose" not in page and "Call 911" in page


# -- number boxes: what is typed is checked, never quietly changed ------------------------------
def _box(session, cause_id: str, control: str) -> NumberBox:
    session.cause_boxes[cause_id].value = True
    session.go(2)
    target = session.explorers[cause_id].controls[control]
    return next(x for x in walk(session.body) if getattr(x, "stand_in_for", None) is target)


# The patient questions of issue 12 are lists that start on "Choose…"; the sliders left in
# patient mode (the electrolytes explorer's foods) and any new slider still get a number box.
@pytest.mark.parametrize("typed", ["2.5", "2,5", "two", "", "1e3", "nan", "-"])
def test_a_whole_number_box_refuses_what_is_not_a_whole_number(session, typed):
    box = _box(session, "electrolytes", "food:banana")
    explorer = session.explorers["electrolytes"]
    box.text.value = "1"  # a good number first (the box starts at none: not answered)
    before = explorer.result.day.total_mg
    box.text.value = typed
    assert explorer.controls["food:banana"].value == 1  # the last good number stays
    assert explorer.result.day.total_mg == before
    assert "We still count 1." in box.note.value and 'role="alert"' in box.note.value
    assert box.text.value == typed  # never changed behind the person's back
    if typed == "2.5":
        assert "whole numbers only" in box.note.value
    box.text.value = "3"
    assert explorer.result.day.total_mg > before and "alert" not in box.note.value


def test_a_number_past_the_limit_says_so_beside_the_box(session):
    box = _box(session, "electrolytes", "food:banana")
    explorer = session.explorers["electrolytes"]
    box.text.value = "9"  # the box stops at 6
    assert explorer.controls["food:banana"].value == 6
    assert "The most this box takes is 6, so we count 6." in box.note.value
    assert box.text.value == "9" and box.capped_from == "9"
    notes = dict(session.cause_notes("electrolytes").values)
    assert notes[box.description] == "6 (you typed 9; 6 is the most it counts)"
    box.text.value = "4"
    assert explorer.controls["food:banana"].value == 4 and box.capped_from is None
    assert "alert" not in box.note.value and "from 0 to 6" in box.note.value


def test_a_decimal_box_takes_decimals_and_names_a_comma():
    control = w.FloatSlider(value=2.2, min=0, max=6, step=0.1, description="Drinks today (L)")
    box = patient_control(control)
    box.text.value = "1.75"
    assert control.value == 1.75
    box.text.value = "1,5"
    assert control.value == 1.75 and "Use a point, not a comma: 1.5" in box.note.value
    box.text.value = "1."  # half typed: counts as 1
    assert control.value == 1.0 and box.text.value == "1."
    box.more.click()
    assert control.value == 1.1 and box.text.value == "1.1"
    box.text.value = "-1"
    assert control.value == 0 and "The least this box takes is 0" in box.note.value


def test_every_patient_number_box_shows_its_limits(session):
    for cid in session.causes:
        session.cause_boxes[cid].value = True
    session.go(2)
    boxes = [x for x in walk(session.body) if isinstance(x, NumberBox)]
    assert boxes  # the electrolytes foods
    for box in boxes:
        assert f"from {box.format(box.lo)} to {box.format(box.hi)}" in box.note.value
        box.text.value = "2.5" if box.whole else "9999"
        assert 'role="alert"' in box.note.value, box.description


# -- start again for a new patient --------------------------------------------------------------
def _answer_everything(session) -> None:
    """Pick every cause, change every control of every explorer, tick red flags, save."""
    for box in session.cause_boxes.values():
        box.value = True
    session.go(2)
    for explorer in session.explorers.values():
        for control in explorer.controls.values():
            if isinstance(control.value, bool):
                control.value = not control.value
            elif hasattr(control, "options") and len(control.options) > 1:
                control.index = len(control.options) - 1
            elif hasattr(control, "max"):
                control.value = control.max
    session.go(3)
    session.tick_red_flag("recurring")
    session.tick_red_flag("night_pain")
    session.go(4)
    session.make_handout()


def _screens(session) -> list[str]:
    """What every step shows with every cause picked (ticking them is the only answer)."""
    for box in session.cause_boxes.values():
        box.value = True
    shown = []
    for step in range(N_STEPS):
        session.go(step)
        shown.append(re.sub(r"spasm-svg-\d+", "spasm-svg-N", html_of(session.body)))  # svg ids
    return shown


def test_start_again_clears_every_answer(tmp_path, monkeypatch):
    monkeypatch.setattr(handout, "pdf_bytes", lambda *a, **k: None)
    session = PatientSession(handout_folder=tmp_path)
    _answer_everything(session)
    assert session.save_handout() is not None
    before = session.handout_data()
    assert before.causes and before.triage.level != "self_care"
    assert any(c.values for c in before.causes)  # answers were really given
    session.large_text.value = True
    old_explorers = list(session.explorers.values())

    session.new_patient_button.click()  # asks first
    assert session.step == 4 and wording.CLEAR_QUESTION in html_of(session.body)
    assert session.clear_row.layout.display != "none"
    session.clear_no.click()
    assert session.picked() and session.clear_row.layout.display == "none"
    session.new_patient_button.click()
    session.clear_yes.click()

    assert session.step == 0 and session.picked() == []
    assert session.saved is None and session.preview.value == "" and session._page is None
    assert session.large_text.value  # a screen setting, not an answer
    assert all(e.widget.comm is None for e in old_explorers)  # old widgets freed
    assert list(tmp_path.iterdir())  # the saved handout stays saved
    fresh = PatientSession(handout_folder=tmp_path / "fresh")
    made = datetime(2026, 1, 1)
    assert handout.render_body(replace(session.handout_data(), made_at=made)) == (
        handout.render_body(replace(fresh.handout_data(), made_at=made))
    )
    assert _screens(session) == _screens(fresh)  # every step as for a new session
    assert session.triage.result.level == triage.Level.self_care
    assert all(c.values == () for c in session.handout_data().causes)


def test_a_red_flag_link_after_start_again_is_a_new_one(session):
    session.cause_boxes["stress_fatigue"].value = True
    session.go(2)
    session.explorers["stress_fatigue"].controls["flag:disturbs_sleep"].value = True
    session.go(3)
    assert session.triage.controls["disturbs_sleep"].value
    session.start_again()
    session.cause_boxes["stress_fatigue"].value = True
    session.go(2)
    box = session.explorers["stress_fatigue"].controls["flag:disturbs_sleep"]
    assert not box.value
    session.go(3)
    assert not session.triage.controls["disturbs_sleep"].value
    box.value = True  # the new explorer and the new triage step are linked again
    assert session.triage.controls["disturbs_sleep"].value


def test_teach_back_comes_before_the_handout_and_the_handout_says_what_was_gone_over(session):
    session.cause_boxes["caffeine"].value = True
    session.go(3)
    session.tick_red_flag("one_calf_swollen_warm")
    finish_questions(session.triage)
    session.go(4)
    body = html_of(session.body)
    assert "Check what the patient will do" in body
    assert "when would you call 911" in body
    assert "who will you call today" in body  # the urgent result's own prompt
    assert "What we went over today" not in handout.plain_text(session.make_handout())
    session.teach_back.choices["call_911"].value = "Explained it back"
    text = handout.plain_text(session.make_handout())
    assert (
        "What we went over today" in text and "when would you call 911? (explained it back)" in text
    )
    session.start_again()
    assert session.teach_back.gone_over() == ()

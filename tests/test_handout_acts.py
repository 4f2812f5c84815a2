"""The handout a patient acts on (issue 12, item 5): at most two printed pages, "What to do
now" first with this patient's targets from the model, each warning sign once, no explorer
HTML, one picture, page numbers, only the sources it cites.

The two reference sessions (``handout.reference_session``): "A" an office worker (5 cups of
coffee, short sleep, eyelid twitch), "B" a warehouse worker (back spasm after lifting, leg
numbness: urgent). Page counts need Chromium (Debian's ``chromium``); without it they skip.
"""

from __future__ import annotations

import math
import re
import zlib
from pathlib import Path

import pytest

from spasm_edu import factref, facts, handout
from spasm_edu.models import triage
from spasm_edu.session import PatientSession
from spasm_edu.text import handout as handout_text
from tests.conftest import rewrite
from tests.helpers import finish_questions, oracle, oracle_text

SESSIONS = ("A", "B")


@pytest.fixture(scope="module")
def data_of():
    made = {name: handout.reference_session(name).handout_data() for name in SESSIONS}
    made["demo"] = handout.demo_session().handout_data()  # 3 causes and an emergency
    made["B-us"] = handout.reference_session("B", units="us").handout_data()  # lb and inches
    return made.__getitem__


def _pdf(page: str, tmp_path: Path, name: str = "h") -> bytes:
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    pdf = handout.pdf_bytes(path)
    assert pdf is not None, "Chromium is present but printed no PDF"
    return pdf


needs_chromium = pytest.mark.skipif(
    handout.find_chromium() is None,
    reason="no Chromium to print the PDF (apt-get install chromium)",
)


# -- printed pages ---------------------------------------------------------------------------
@needs_chromium
@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("name", [*SESSIONS, "demo", "B-us"])
def test_the_handout_prints_on_at_most_two_pages(data_of, name, paper, tmp_path):
    page = handout.render(data_of(name), paper=paper)
    assert f"size: {handout.PAPER_SIZES[paper]};" in page
    assert 1 <= handout.pdf_page_count(_pdf(page, tmp_path)) <= 2


def _with_teach_back(name: str):
    """A reference handout with three teach-back lines recorded (as in the browser walk)."""
    import dataclasses

    session = handout.reference_session(name)
    data = session.handout_data()
    session.teach_back.refresh(data.triage, data.causes)
    asked = [p.ask.removeprefix("Ask: ") for p in session.teach_back.prompts][:3]
    assert len(asked) == 3
    return dataclasses.replace(data, gone_over=tuple((q, "Explained it back") for q in asked))


@needs_chromium
@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("name", SESSIONS)
def test_the_handout_with_three_teach_back_lines_prints_on_at_most_two_pages(name, paper, tmp_path):
    # before: B with three teach-back lines printed 3 Letter pages (its last sources spilled)
    data = _with_teach_back(name)
    page = handout.render(data, paper=paper)
    assert "Explained it back".lower() in handout.plain_text(page)
    assert 1 <= handout.pdf_page_count(_pdf(page, tmp_path)) <= 2


@needs_chromium
def test_the_page_count_is_read_from_the_pdf(data_of, tmp_path):
    """The counter is not fixed at 1 or 2: the same page with huge type prints on more."""
    page = handout.render(data_of("B")).replace(
        "</style>", "body {font-size: 40pt !important}</style>"
    )
    assert handout.pdf_page_count(_pdf(page, tmp_path)) > 2


def _text_runs(pdf: bytes) -> int:
    """Text-showing operations in the PDF's page streams."""
    runs = 0
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            body = zlib.decompress(m.group(1))
        except zlib.error:
            continue
        runs += body.count(b"Tj") + body.count(b"TJ")
    return runs


@needs_chromium
def test_page_numbers_are_printed_in_the_page_margin(data_of, tmp_path):
    page = handout.render(data_of("A"))
    counter = 'content: "Page " counter(page) " of " counter(pages);'
    assert counter in page
    with_numbers = _pdf(page, tmp_path, "with")
    without = _pdf(page.replace(counter, 'content: "";'), tmp_path, "without")
    pages = handout.pdf_page_count(with_numbers)
    assert handout.pdf_page_count(without) == pages
    assert _text_runs(with_numbers) >= _text_runs(without) + pages  # a footer on every page


def test_paper_must_be_letter_or_a4(data_of):
    with pytest.raises(ValueError, match="paper"):
        handout.render(data_of("A"), paper="legal")


# -- what to do now first, with this patient's targets ---------------------------------------
def test_what_to_do_now_comes_first_with_the_level_in_words(data_of):
    for name in SESSIONS:
        data = data_of(name)
        body = handout.render_body(data)
        now = body.index("What to do now")
        box = body.index('class="spasm-911')
        # what she told us fills page 1's foot: the 911 box is never split over two pages
        assert now < body.index("What you told us") < box
        assert now < body.index(data.triage.label, now) < box  # badge in words
    assert data_of("B").triage.level == "urgent"


def test_each_cause_gives_at_most_three_short_lines(data_of):
    for name in SESSIONS:
        for cause in data_of(name).causes:
            assert 1 <= len(cause.actions) <= handout_text.MAX_ACTIONS, cause.cause_id
    assert any(len(c.actions) == handout_text.MAX_ACTIONS for c in data_of("A").causes)
    demo = data_of("demo").causes
    assert len(demo) == 3
    assert all(1 <= len(c.actions) <= handout_text.MAX_ACTIONS_MANY for c in demo)


def test_caffeine_target_is_this_patients_coffee_from_the_model(data_of):
    text = handout.plain_text(handout.render_body(data_of("A")))
    # 400 mg (FDA) // 96 mg a cup (Mayo Clinic) = 4 cups; 5 cups = 480 mg
    limit = oracle("caffeine_limits.csv:adult:max_mg_per_day")
    cup = oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")
    # cups first, mg in brackets (CDC CCI 15: the numbers she uses)
    assert (
        f"Have no more than about {int(limit // cup)} cups of brewed coffee a day "
        f"(under {factref.number(limit)} mg of caffeine)." in text
    )
    assert 5 * cup > limit
    assert f"Now you have more (about {factref.number(5 * cup)} mg a day). That is over" in text
    assert "milligrams" not in text.split(handout_text.SOURCES_HEADING)[0]


def test_targets_follow_the_data_files(data_copy, monkeypatch):
    """Change the limit, a cup's caffeine and the sleep advice in a copy of data/: the
    handout's targets change with them (nothing is typed into the wording)."""
    limit = oracle_text("caffeine_limits.csv:adult:max_mg_per_day")
    rewrite(
        data_copy / "caffeine_limits.csv",
        f"Healthy adults,19,120,{limit},",
        "Healthy adults,19,120,250,",
    )
    cup = ",".join(
        oracle_text(f"caffeine_drinks.csv:brewed_coffee:{c}")
        for c in ("typical_mg", "low_mg", "high_mg")
    )
    rewrite(data_copy / "caffeine_drinks.csv", f"237 mL),{cup},", "237 mL),120,96,120,")
    real = facts.table
    monkeypatch.setattr(facts, "table", lambda file, data_dir=data_copy: real(file, data_dir))
    triage.engine.cache_clear()
    try:
        text = handout.plain_text(
            handout.render_body(handout.reference_session("A").handout_data())
        )
    finally:
        triage.engine.cache_clear()
    assert "Have no more than about 2 cups of brewed coffee a day (under 250 mg of caffeine)." in (
        text
    )
    assert "Now you have more (about 600 mg a day)." in text  # 5 cups x 120 mg
    assert f"{limit} mg" not in text and "480 mg" not in text


def test_lifting_target_is_the_models_limit(data_of):
    from spasm_edu.models import body_mechanics as bm

    limit = bm.assess(
        load=20, h=40, v=30, d=25, a_deg=45, freq_per_min=1.0, duration="2to8h", coupling="fair"
    ).rwl
    text = handout.plain_text(handout.render_body(data_of("B")))
    from spasm_edu.text import amount

    # kg whole on paper (CDC CCI 15, PEMAT-P 6), a limit rounded down: 7.6 kg -> "about 7 kg"
    assert amount(limit, "kg") == "7.6 kg"
    limit_kg = math.floor(limit)
    said = f"keep loads under about {limit_kg} kg. Your load is 20 kg. That is over the limit."
    assert said in text
    assert f"The recommended limit is {math.floor(limit)} kg." in text  # the picture too
    assert not re.search(r"\d\.\d+ kg", text.split(handout_text.SOURCES_HEADING)[0])


def test_b_is_told_the_better_lift_is_still_over_her_limit_and_what_to_do(data_of):
    from spasm_edu.models import body_mechanics as bm
    from spasm_edu.text import body_mechanics as bm_text

    now = bm.assess(
        load=20, h=40, v=30, d=25, a_deg=45, freq_per_min=1.0, duration="2to8h", coupling="fair"
    )
    better = bm.better_lift(now)
    assert better.li > 1  # the model: even the better lift is over the limit
    text = handout.plain_text(handout.render_body(data_of("B")))
    # the split worked out for her (PEMAT-P 7, 24; CCI 17): each part under the limit of the
    # lift it makes (close, no twist, n times as often)
    n, each = bm.split_loads(now)
    part = bm.split_lift(now)
    assert n * each == pytest.approx(20, abs=n / 2) and each <= part.rwl
    assert part.freq_per_min == n * now.freq_per_min
    assert (
        f"Your 20 kg load is too heavy, even lifted close. Split it into {n} loads of about "
        f"{each} kg each. Lift each one close to your body, without twisting. Or use a helper "
        "or a cart." in text
    )
    assert "Even lifted this way" not in text
    tip = facts.table("body_mechanics_tips.csv")["help"]  # split, a helper, a cart or hoist
    assert tip.where and "cart or hoist" in tip.tip

    assert "safe limit" not in text.lower() and "recommended limit" in text
    # the stay-active step says when to stop, in the words of its 911 signs
    assert f"try walking. Too much bed rest can slow healing. {handout_text.STAY_ACTIVE_STOP}" in (
        text
    )
    # a lift whose better form is under the limit gets no such line
    light = bm.assess(
        load=10, h=40, v=30, d=25, a_deg=45, freq_per_min=1.0, duration="2to8h", coupling="fair"
    )
    assert bm.better_lift(light).li <= 1
    assert not [a for a in bm_text.handout_actions(light) if "Even lifted" in a.text]


def test_nothing_answered_gives_tips_not_targets(tmp_path):
    session = PatientSession(handout_folder=tmp_path)
    session.cause_boxes["caffeine"].value = True
    session.go(2)
    (cause,) = session.handout_data().causes
    assert cause.values == () and cause.picture_svg == ""
    assert not any("Aim for" in a.text for a in cause.actions)
    assert "Cut down slowly. Stopping at once can give you headaches." in [
        a.text for a in cause.actions
    ]


# -- no widget HTML; one picture -----------------------------------------------------------------
def test_no_explorer_html_reaches_the_handout(data_of):
    session = handout.reference_session("A")
    body = handout.render_body(session.handout_data())
    for explorer in session.explorers.values():
        screen = explorer.summary.value
        assert screen and screen not in body
        for paragraph in re.findall(r"<p>.*?</p>", screen):
            assert paragraph not in body
    assert "spasm-student" not in body and "<script" not in body.lower()
    assert not hasattr(handout.CauseNotes, "result_html")


def test_what_the_browser_sends_reaches_the_page_as_text_only(tmp_path):
    session = PatientSession(handout_folder=tmp_path)
    session.cause_boxes["body_mechanics"].value = True
    session.go(2)
    session.explorers["body_mechanics"].controls["load"].description = "<b>Load</b> (kg)"
    session.explorers["body_mechanics"].controls["load"].value = 15
    body = handout.render_body(session.handout_data())
    assert "<b>Load</b>" not in body and "&lt;b&gt;Load&lt;/b&gt;" in body


def test_one_picture_with_a_text_alternative_and_no_network(data_of):
    for name in SESSIONS:
        body = handout.render_body(data_of(name))
        assert body.count("<svg xmlns") == 1  # one image (B's: two drawings inside it)
        # (the phones by the calls to action are decoration: aria-hidden, words beside them)
        assert all('aria-hidden="true"' in p for p in re.findall(r"<svg class=[^>]*>", body))
        svg = re.search(r"<svg xmlns.*?</svg>", body, re.S).group(0)
        assert 'role="img"' in svg and "aria-labelledby" in svg and "<desc" in svg
        assert not re.search(r"(href|src)=", svg)
    five = 5 * oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")
    assert f"{factref.number(five)} mg" in re.search(
        r"<desc[^>]*>(.*?)</desc>", handout.render_body(data_of("A"))
    ).group(1)


# -- warning signs: each once, at the most urgent level -----------------------------------------
def _groups(body: str) -> dict[str, list[str]]:
    """{heading: signs}; the 911 box's second part ("Also call 911 now if:") counts with the
    box's own heading."""
    out: dict[str, list[str]] = {}
    last = None
    subs = set(handout_text.SIGN_GROUP_HEADINGS.values()) | {handout_text.DARK_PEE_HEADING}
    for heading, items in re.findall(
        r'<p(?: class="spasm-(?:911|sub)-head")?>(?:<svg class="spasm-call".*?</svg>)?'
        r"(?:<strong>If it gets worse\.</strong> )?<strong>([^<]*?):?</strong></p>"
        r'(?:<div class="spasm-911-subs[^"]*">)?(?:<div class="spasm-911-sub">)?'
        r"(?:<ul>(.*?)</ul>)?",
        body,
        re.S,
    ):
        if heading == handout_text.ALSO_911.rstrip(":") or heading in subs:
            heading = last
        signs = [handout.plain_text(i) for i in re.findall(r"<li>(.*?)</li>", items, re.S)]
        out.setdefault(heading, []).extend(signs)
        last = heading
    return out


def test_each_warning_sign_appears_once(data_of):
    for name in SESSIONS:
        data = data_of(name)
        text = handout.plain_text(handout.render_body(data))
        signs = set(data.triage.if_worse) | {s for _, lines in data.doctor_list for s in lines}
        assert signs
        picked = [c.cause_id for c in data.causes]
        printed = {s for _, lines in handout.warning_groups(data) for s in lines}
        for sign in signs:  # each once: as it is, in its merged line, or with its examples fitted
            merged = [m for m in printed if handout_text.merged_from(m, [sign]) == sign]
            said = merged[0] if merged else handout_text.fit_example(sign, picked)
            assert text.count(said) == 1, (name, sign)
        shown = [s for group in _groups(handout.render_body(data)).values() for s in group]
        mine = handout_text.YOURS_NOW
        expected = [handout_text.fit_example(s, picked) for s in printed]
        assert sorted(s.removesuffix(f" {mine}") for s in shown) == sorted(expected)


def test_an_emergency_sign_is_not_repeated_lower_down_and_cauda_equina_comes_first(data_of):
    data = data_of("B")
    groups = _groups(handout.render_body(data))
    emergency = triage.level_row(triage.Level.emergency).heading
    first = next(iter(groups))
    # B's own emergency signs first, nearest to her ticks first, then the core list
    picked = [c.cause_id for c in data.causes]
    core = [
        handout_text.fit_example(triage.engine().flags[f].sign, picked)
        for f in triage.core_emergency_ids()
    ]
    assert first == emergency and groups[first][-len(core) :] == core
    # every "if it gets worse" sign is in the box: as it is, or in the one dark-pee line
    for sign in data.triage.if_worse:
        said = handout_text.fit_example(sign, picked)
        assert said in groups[first] or any(
            handout_text.merged_from(g, [sign]) == sign for g in groups[first]
        ), sign
    saddle = triage.engine().flags["saddle_numbness"].sign
    assert groups[first][0] == saddle
    lower = [s for h, signs in groups.items() if h != emergency for s in signs]
    assert not set(lower) & set(groups[emergency])
    assert "If it gets worse." in handout.plain_text(handout.render_body(data))


def test_warning_groups_drop_a_repeat_at_a_lower_level():
    notes = handout.TriageNotes(
        "urgent",
        "Urgent",
        "Call today.",
        if_worse=("Sign A", "Sign B"),
        if_worse_heading="Call 911 if",
    )
    data = handout.HandoutData(
        (), notes, (("Call 911 if", ("Sign B", "Sign C")), ("Today if", ("sign a.", "Sign D"))), ()
    )
    # in the see-a-doctor list's order; an "if it gets worse" sign it lacks goes at the end
    assert handout.warning_groups(data) == (
        ("Call 911 if", ("Sign B", "Sign C", "Sign A")),
        ("Today if", ("Sign D",)),
    )


# -- no contradictions -------------------------------------------------------------------------
def test_a_back_patient_is_never_told_to_rest(tmp_path):
    session = PatientSession(handout_folder=tmp_path)
    session.cause_boxes["spine"].value = True
    session.go(3)
    session.tick_red_flag("back_spasm")
    finish_questions(session.triage)
    data = session.handout_data()
    assert data.triage.level == "self_care"
    assert "Rest it" in triage.level_row(triage.Level.self_care).advice  # what it would say
    lines = [data.triage.what_to_do, *(a.text for c in data.causes for a in c.actions)]
    assert not [line for line in lines if handout_text.says_rest(line)]
    assert any("Stay gently active" in line for line in lines)


def test_says_rest_tells_advice_from_warnings():
    assert handout_text.says_rest("Stretch the muscle gently. Rest it.")
    assert handout_text.says_rest("Until then, stretch, rest and drink fluids.")
    assert not handout_text.says_rest("Stay gently active. Too much bed rest can slow healing.")
    assert (
        handout_text.without_rest("Stretch gently. Rest it. Drink fluids.")
        == "Stretch gently. Drink fluids."
    )


# -- the rest of the page ------------------------------------------------------------------------
def test_appointment_lines_disclaimer_and_only_cited_sources(data_of):
    for name in SESSIONS:
        data = data_of(name)
        body = handout.render_body(data)
        text = handout.plain_text(body)
        assert handout_text.NEXT_APPOINTMENT in text and handout_text.CLINIC_PHONE in text
        assert handout_text.DISCLAIMER in text and "prescriber" not in text
        cited = {
            int(n)
            for group in re.findall(r"<sup[^>]*>\[([\d,]+)\]</sup>", body)
            for n in group.split(",")
        }
        listed = re.findall(r'<li id="src-([^"]+)"', body)
        assert cited == set(range(1, len(listed) + 1))  # every listed source is cited, in order
        assert len(listed) <= 12
        sources = body.split(f"<h2>{handout_text.SOURCES_HEADING}")[1]
        assert "http" not in handout.plain_text(sources)
        # short entries for the patient's paper: no journal titles or page numbers
        said = handout.plain_text(sources)
        assert "pharmacokinetics" not in said and not re.search(r"\d+\(\d+\):\d+", said)


def test_the_bedtime_amount_is_said_as_a_share_of_the_patients_drink(data_of):
    from spasm_edu.text import caffeine as words

    assert words.share_words(0.54, "brewed_coffee") == "half a cup of brewed coffee"
    assert words.share_words(0.1, "espresso") == "a few sips of a shot of espresso"
    assert words.share_words(2.2, "black_tea") == "2 cups of black tea"
    # A's last drink (4 pm) meets the "by 5 pm" rule: a verdict, no bedtime number to worry at
    text = handout.plain_text(handout.render_body(data_of("A")))
    assert "Your last drink at 4 pm already does this." in text
    assert "still in your body at bedtime" not in text
    # a last drink after the rule's time: what is left at bedtime, said as a drink
    session = handout.reference_session("A")
    session.explorers["caffeine"].controls["last_drink_h"].value = 21  # 9 pm
    day = session.explorers["caffeine"].result.day
    share = words.share_words(day.at_bedtime_mg / 96, "brewed_coffee")
    late = " ".join(a.text for a in words.handout_actions(day))
    assert f"is still in your body at bedtime: like having {share} as you go to bed." in late
    assert "already does this" not in late


def test_the_400_mg_limit_says_what_it_is_about(data_of):
    from spasm_edu.text import caffeine as words

    text = handout.plain_text(handout.render_body(data_of("A")))
    assert handout_text.paper_words(words.LIMIT_MEANS["adult"]) in text
    assert "U.S. health experts say" in text
    where = facts.table("caffeine_limits.csv")["adult"].where
    assert "not generally associated with" in where  # the FDA's words the sentence rests on
    # the picture of cups comes with the caffeine steps, before the sleep steps
    cups = int(
        oracle("caffeine_limits.csv:adult:max_mg_per_day")
        // oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")
    )
    sleep = oracle_text("stress_fatigue_sleep.csv:adult_18_60:min_h")
    assert text.index(f"keep {cups}") < text.index(f"Aim for {sleep} hours of sleep")


def test_a_tick_box_week_and_how_to_read_the_picture(data_of):
    for name in SESSIONS:
        body = handout.render_body(data_of(name))
        assert body.count("&#9744;") == len(handout_text.DAYS)
        pictured = next(c for c in data_of(name).causes if c.picture_svg)
        how = handout_text.picture_how(pictured.cause_id)
        assert how != handout_text.PICTURE_HOW  # a caption that says what to do, per picture
        assert f"<figcaption>{how}</figcaption>" in body


def test_a_missing_or_failing_result_gives_the_tips(monkeypatch):
    """None means not answered (patient-mode explorers may leave a result unset); a cause's
    wording that fails must not stop the handout either: its tips still show."""
    tips = [t for t in facts.table("self_care_tips.csv") if t.cause_id == "caffeine"]
    expected = handout_text.tip_actions(tips)
    assert handout_text.cause_actions("caffeine", None, tips, answered=True) == expected
    from spasm_edu.text import caffeine as words

    def broken(result):
        raise AttributeError("total_mg is None")

    monkeypatch.setattr(words, "handout_actions", broken)
    assert handout_text.cause_actions("caffeine", object(), tips, answered=True) == expected
    assert len(expected) <= handout_text.MAX_ACTIONS


# -- docs/handout-review-2026-12.md fixes: main message, benefit, known / not known --------------
def _why():
    return facts.table("handout_why.csv")


def test_the_main_message_is_the_first_text_after_the_title(data_of):
    for name in SESSIONS:
        data = data_of(name)
        body = handout.render_body(data)
        first = re.sub(r"^<h1>.*?</h1>", "", body)
        assert re.match(
            r'<p class="spasm-main">(<svg class="spasm-call".*?</svg>)?'
            r"<strong>Main message:</strong>",
            first,
        )
        said = handout.plain_text(re.match(r"<p[^>]*>(.*?)</p>", first).group(1))
        assert said.startswith("Main message: " + handout_text.MAIN_MESSAGE[data.triage.level])
    a = handout.plain_text(handout.render_body(data_of("A")))
    # the key steps come from the model (4 cups: 400 mg // 96 mg; 7 hours: AASM)
    assert (
        "Main message: You can care for this at home. Your key steps: have no more than "
        f"{_cups_to_keep()} cups of brewed coffee a day and sleep "
        f"{oracle_text('stress_fatigue_sleep.csv:adult_18_60:min_h')} hours or more a night." in a
    )
    # urgent: get help today first, then what to do until then (the lifting and back steps,
    # from the model), then when to call 911
    b = handout.plain_text(handout.render_body(data_of("B")))
    assert (
        "Main message: Call your doctor today. Until you are seen: keep loads under about "
        "7 kg, close to your body, and stay gently active. Call 911 if a sign in the 911 box "
        "starts." in b
    )
    assert "Your key steps" not in b


def test_main_message_follows_the_level_and_the_model():
    assert handout_text.main_message("emergency", ["have 2 cups a day"]) == (
        "Call 911 or your local emergency number now."
    )
    assert handout_text.main_message("self_care", ["a", "b", "c"]) == (
        "You can care for this at home. Your key steps: a and b. "
        "Get help if a warning sign on this sheet starts."
    )
    assert handout_text.main_message("urgent", ["a, b", "c"]) == (
        "Call your doctor today. Until you are seen: a, b, and c. "
        "Call 911 if a sign in the 911 box starts."
    )
    assert handout_text.main_message("nonsense", []).startswith(
        handout_text.MAIN_MESSAGE["unknown"]
    )


def test_each_cause_with_steps_has_a_benefit_line_from_the_data(data_of):
    why = _why()
    for name in SESSIONS:
        data = data_of(name)
        body = handout.render_body(data)
        lines = re.findall(r'<li class="spasm-why">(.*?)</li>', body, re.S)
        with_steps = [c for c in data.causes if c.actions]
        assert len(lines) == len(with_steps) >= 2
        for cause, line in zip(with_steps, lines, strict=True):
            row = why[cause.cause_id]
            said = handout.plain_text(line)
            assert said.startswith(f"{handout_text.BENEFIT_LEAD} {row.benefit}")
            if row.not_known:
                assert f"{handout_text.NOT_KNOWN_LEAD} {row.not_known}" in said
            assert re.search(r"\[[\d,]+\]$", said), "each benefit line cites its source"


def test_benefit_lines_change_with_the_data_file(data_copy, monkeypatch):
    rewrite(
        data_copy / "handout_why.csv",
        "Less caffeine takes away one thing that can set off a twitch",
        "Less caffeine is a test line",
    )
    real = facts.table
    monkeypatch.setattr(facts, "table", lambda file, data_dir=data_copy: real(file, data_dir))
    text = handout.plain_text(handout.render_body(handout.reference_session("A").handout_data()))
    assert "How it helps: Less caffeine is a test line" in text
    assert "takes away one thing that can set off a twitch" not in text


def test_benefit_and_not_known_lines_hold_no_invented_figures():
    for row in _why():
        for words in (row.benefit, row.not_known or ""):
            assert not re.search(r"\d", words), (row.cause_id, words)
        assert row.where and row.source_ids


def test_the_handout_says_what_is_known_and_not_known(data_of):
    for name in SESSIONS:
        text = handout.plain_text(handout.render_body(data_of(name)))
        assert f"{handout_text.KNOWN_HEADING} {handout_text.KNOWN_UNKNOWN}" in text
        assert "This sheet does not diagnose the cause of your spasms." in text
        assert text.count(handout_text.NOT_KNOWN_LEAD) >= 1


def _cups_to_keep() -> int:
    """Session A drinks 5 cups: it keeps limit // cup of them (400 mg // 96 mg = 4)."""
    limit = oracle("caffeine_limits.csv:adult:max_mg_per_day")
    return int(limit // oracle("caffeine_drinks.csv:brewed_coffee:typical_mg"))


def test_cutting_down_is_in_the_patients_own_cups(data_of):
    data = data_of("A")
    (caffeine,) = [c for c in data.causes if c.cause_id == "caffeine"]
    (line,) = [a for a in caffeine.actions if a.text.startswith("Cut down")]
    assert line.text == (
        "Cut down little by little: have one cup less, or a smaller cup, each day until you "
        f"are at {_cups_to_keep()} cups of brewed coffee. Stopping at once can give you headaches."
    )
    assert "mayo_caffeine_too_much" in line.source_ids and "fda_caffeine" in line.source_ids


def test_the_pictures_show_the_action(data_of):
    from spasm_edu.models import body_mechanics as bm
    from spasm_edu.plots import VERMILLION

    a = re.search(r"<svg xmlns.*?</svg>", handout.render_body(data_of("A")), re.S).group(0)
    keep = _cups_to_keep()  # 4
    assert f"Your brewed coffee a day: keep {keep}" in a
    assert a.count("<polyline") == keep  # a tick on each of the 4 cups to keep
    assert a.count(f'stroke="{VERMILLION}"') == 2 * (5 - keep)  # a cross (2 strokes): the 5th
    b = re.search(r"<figure.*?</figure>", handout.render_body(data_of("B")), re.S).group(0)
    assert "Now: limit" in b and "hands out 40 cm" in b  # the patient's own lift
    # the one to aim for: a split load, lifted close (under the limit: the only tick)
    n, each = bm.split_loads(bm.assess(20, 40, 30, 25, 45, 1.0, "2to8h", "fair"))
    assert f"Better: {n} loads of {each} kg" in b and "hands out 25 cm" in b
    assert " H = " not in b and "RWL" not in b  # plain words on a patient's paper


def _told(data) -> str:
    text = handout.plain_text(handout.render_body(data))
    return text.split(handout_text.TOLD_US_HEADING, 1)[1].split(handout_text.NEXT_APPOINTMENT)[0]


def test_what_you_told_us_is_short(data_of):
    told = _told(data_of("A"))
    assert "You sleep about 5 hours a night." in told and "Sleep Mon night" not in told
    assert "You have 5 cups of brewed coffee a day (a cup is 8 oz)." in told
    assert "(8 oz / 237 mL)" not in told
    assert "Black tea" not in told  # 0 a day
    assert handout_text.told_lines(
        [("Sleep Mon night (hours)", "5"), ("Sleep Tue night (hours)", "6"), ("Units", "kg")]
    ) == (("Sleep, night by night (hours)", "5, 6"),)


def test_what_you_told_us_is_sentences_not_form_labels(data_of):
    a, b = _told(data_of("A")), _told(data_of("B"))
    assert "You are not pregnant." in a and "years old" not in a  # the usual adult band
    assert "You feel somewhat stressed." in a and "You have eyelid twitching." in a
    assert "You lift 20 kg about once a minute for most of the shift." in b
    assert "Your hands start 40 cm in front of your ankles and 30 cm off the floor." in b
    assert "You twist 45 degrees, with a fair grip." in b
    for form in ("?:", "(kg)", "(cm)", "What you lift", "An object", "Your age:", "Adults"):
        assert form not in a + b, form
    assert len(b.split()) < 60  # was 85 words of form labels
    # an answer with no sentence of its own is still said, as asked
    assert handout_text.told_sentences([("Something new", "3")]) == ("Something new: 3.",)
    assert handout_text.told_sentences([("Are you pregnant?", "Yes")]) == ("You are pregnant.",)
    twist = ("How much you twist your body (degrees)", "0 (no twist)")
    assert handout_text.told_sentences([twist]) == ("You do not twist.",)

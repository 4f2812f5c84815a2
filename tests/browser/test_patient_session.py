"""The patient session in a real browser: Voila + Debian Chromium, walked as a nurse would.

Screenshots and axe-core reports go to test-artifacts/ (git-ignored). Timings are printed
(run with -s to see them) and written to test-artifacts/session-timings.json.
"""

from __future__ import annotations

import json
import re
import statistics
import time

import pytest

from spasm_edu import present
from tests.browser.conftest import ARTIFACTS

SERIOUS = ("serious", "critical")
CODE_MARKERS = ("PatientSession", "import ", "spasm_edu", "def ", "In [")
TIMINGS: dict[str, float | list[float]] = {}


def record(name: str, value) -> None:
    TIMINGS[name] = value
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "session-timings.json").write_text(json.dumps(TIMINGS, indent=1))
    print(f"{name}: {value}")


def shot(page, name: str) -> None:
    """Screenshot of the whole session (Voila scrolls an inner box, so grow the window)."""
    size = page.viewport_size
    height = page.evaluate("document.querySelector('.spasm-session').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 80, 8000)})
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size(size)


def axe(page, name: str, axe_path) -> list[dict]:
    """Run axe-core on the page; save the report; fail on serious or critical violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_path))
    violations = page.evaluate(
        """() => axe.run(document).then(r => r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.html.slice(0, 200))})))"""
    )
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(violations, indent=1))
    bad = [v for v in violations if v["impact"] in SERIOUS]
    assert not bad, json.dumps(bad, indent=1)
    return violations


def open_session(open_page, width=1280, height=720):
    page = open_page(width, height)
    start = time.perf_counter()
    page.goto(page_url(open_page), wait_until="commit")
    page.get_by_text("Step 1 of 5").wait_for(timeout=60_000)
    next_button = page.get_by_role("button", name="Next", exact=True)
    next_button.wait_for()
    assert next_button.is_enabled()
    return page, time.perf_counter() - start


def page_url(open_page) -> str:
    return open_page.url


@pytest.fixture
def session_page(open_page, voila_url):
    open_page.url = voila_url
    return open_page


def visible_text(page) -> str:
    return page.locator("body").inner_text()


def assert_no_code(page) -> None:
    text = visible_text(page)
    for marker in CODE_MARKERS:
        assert marker not in text, f"source code on screen: {marker!r}"
    # Code inputs only: the licence footer is a markdown cell, which Voila shows on purpose.
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    assert page.locator(".jp-MarkdownCell").count() <= 1


def go_next(page, step: int) -> None:
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_text(f"Step {step} of 5").wait_for()  # the session sets the title last


def test_nurse_walks_the_whole_session_at_1280x720(session_page, axe_path, handout_dir):
    page, first_usable_s = open_session(session_page)
    record("first_usable_step_s_1280", round(first_usable_s, 2))
    # Speed is recorded (test-artifacts/session-timings.json), never asserted (standard 6).

    # Step 1: what a spasm is
    assert "A muscle spasm is when a muscle tightens on its own" in visible_text(page)
    assert page.get_by_role("button", name="Back", exact=True).is_disabled()
    assert_no_code(page)
    shot(page, "step1-what-is-a-spasm")
    axe(page, "step1", axe_path)

    # Step 2: pick causes
    go_next(page, 2)
    assert "Tick each one that may fit you" in visible_text(page)
    for name in ("Caffeine", "Not enough fluid", "Overuse"):
        page.get_by_role("checkbox", name=name, exact=True).check()
    shot(page, "step2-pick-causes")
    axe(page, "step2", axe_path)

    # Step 3: explorers; answer the caffeine questions (lists that start on "Choose…")
    go_next(page, 3)
    page.get_by_role("heading", name="Caffeine").wait_for()
    assert "You have not said what you drink yet" in visible_text(page)  # nothing assumed
    assert "192 mg" not in visible_text(page)
    coffee = page.get_by_role("combobox", name=re.compile(r"^Brewed coffee"))
    round_trips = []
    for cups, expected in ((4, "384 mg"), (5, "480 mg"), (3, "288 mg"), (4, "384 mg")):
        start = time.perf_counter()
        coffee.select_option(label=str(cups))
        page.get_by_text(f"you get about {expected} of caffeine a day").wait_for()
        round_trips.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    coffee.select_option(label="5")
    page.get_by_text("you get about 480 mg of caffeine a day").wait_for()
    round_trips.append((time.perf_counter() - start) * 1000)
    assert "over both limits" in visible_text(page)  # said in words, not only in colour
    page.get_by_role("button", name="No", exact=True).first.click()  # "Are you pregnant?"
    page.get_by_text("You are over this limit").wait_for()
    page.get_by_role("combobox", name="Last drink at").select_option(label="6 pm")
    page.get_by_role("combobox", name="Bedtime").select_option(label="11 pm")
    page.get_by_text(re.compile(r"At bedtime \(11 pm\), about \d+ mg")).wait_for()
    record("browser_round_trip_ms_median", round(statistics.median(round_trips), 1))
    record("browser_round_trip_ms_max", round(max(round_trips), 1))
    assert "Not enough fluid" in visible_text(page) and "What you can do" in visible_text(page)
    assert_no_code(page)
    shot(page, "step3-explore-causes")
    axe(page, "step3", axe_path)

    # Step 4: red flags from the triage engine
    go_next(page, 4)
    assert "Tick every box that is true for you" in visible_text(page)
    text = visible_text(page)
    assert "still to answer" in text and "Self-care at home" not in text  # no level yet
    pages = int(re.search(r"Questions 1 of (\d+)", text).group(1))
    for n in range(1, pages + 1):  # one page at a time: a tick, or "None of these"
        page.get_by_text(f"Questions {n} of {pages}.").wait_for()
        spoil = page.get_by_role("checkbox", name=re.compile(r"spoil your sleep"))
        if spoil.count():
            spoil.check()
        else:
            page.get_by_role("checkbox", name="None of these", checked=False).check()
        page.get_by_text(f"Questions {n} of {pages}. Answered.").wait_for()
        if n == 1:
            shot(page, "step4-red-flags-first-page")
        if n < pages:
            page.get_by_role("button", name="Next questions").click()
            # the page before is gone (its line said "Answered.") before the next one is read
            page.get_by_text(f"Questions {n} of {pages}. Answered.").wait_for(state="detached")
    page.get_by_text("See a doctor soon").first.wait_for()
    shot(page, "step4-red-flags")
    axe(page, "step4", axe_path)

    # Step 5: summary and handout
    go_next(page, 5)
    assert page.get_by_role("button", name="Next", exact=True).is_disabled()
    assert "You looked at: Caffeine, Overuse, Not enough fluid" in visible_text(page)
    assert "Nothing is saved yet" in visible_text(page)
    assert not list(handout_dir.glob("*"))
    page.get_by_role("button", name="Make the handout").click()
    page.get_by_text("Your muscle spasm notes").wait_for()
    text = visible_text(page)
    assert "about 480 mg a day" in text, text  # from the model, as on screen
    assert "Cut down slowly" in text and "See a doctor soon if" in text
    assert not list(handout_dir.glob("*"))  # nothing saved before Save
    shot(page, "step5-summary-and-handout")
    axe(page, "step5", axe_path)
    page.get_by_role("button", name="Save the handout").click()
    page.get_by_text(re.compile(r"Saved in the folder")).wait_for(timeout=60_000)
    saved = sorted(p.name for p in handout_dir.iterdir())
    assert any(re.fullmatch(r"spasm-handout-\d{8}-\d{6}\.html", n) for n in saved), saved
    assert any(n.endswith(".pdf") for n in saved), saved
    html_file = next(handout_dir.glob("*.html"))
    assert "Caffeine" in html_file.read_text(encoding="utf-8")
    assert_no_code(page)
    assert not page.errors, page.errors
    assert page.blocked == []  # the page asks nothing from off this machine (no CDN fonts)
    assert page.title() == "Muscle spasms: patient session"

    # the next patient: every answer cleared, after one question
    page.get_by_role("button", name="Start again for a new patient").click()
    page.get_by_role("button", name="Yes, clear every answer").click()
    page.get_by_text("Step 1 of 5").wait_for()
    go_next(page, 2)
    assert not page.get_by_role("checkbox", name="Caffeine", exact=True).is_checked()
    go_next(page, 3)
    assert "You did not pick any causes" in visible_text(page)


def test_typing_2_5_in_a_whole_number_box_is_refused_in_words(session_page):
    # The number boxes left in patient mode are the electrolytes explorer's foods (the other
    # explorers ask with lists that start on "Choose…", issue 12).
    page, _ = open_session(session_page)
    go_next(page, 2)
    page.get_by_role("checkbox", name="Low body salts (electrolytes)", exact=True).check()
    go_next(page, 3)
    page.get_by_text("Pick the foods you eat in a day.").wait_for()  # no food is theirs yet
    banana = page.get_by_role("textbox", name=re.compile(r"^Banana"))
    assert banana.evaluate("e => e.inputMode") == "numeric"  # tablet keyboard
    banana.click()
    banana.press("Control+a")
    banana.press_sequentially("2.5", delay=60)  # typed key by key, as a person does
    page.get_by_text(re.compile(r"whole numbers only, like 2 or 3 \(not 2\.5\)")).wait_for()
    assert banana.input_value() == "2.5"  # not changed behind the person's back
    # key by key, "2" counted first (2 bananas, 844 mg); "2.5" is then refused and 2 stays
    assert "We still count 2." in visible_text(page)
    assert "Your foods have about 844 mg of potassium" in visible_text(page)
    banana.fill("9")
    page.get_by_text("The most this box takes is 6, so we count 6.").wait_for()
    assert banana.input_value() == "9"
    shot(page, "step3-number-box-messages")
    assert not page.errors, page.errors


def test_a_request_for_another_host_name_is_refused(voila_url):
    """Against DNS rebinding: only requests addressed to this computer are answered."""
    import http.client
    from urllib.parse import urlsplit

    port = urlsplit(voila_url).port
    unknown_kernel = "/api/kernels/00000000-0000-0000-0000-000000000000"  # starts no kernel
    answers = {}
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port}", f"localhost:{port}"):
        conn = http.client.HTTPConnection(present.HOST, port, timeout=30)
        try:
            conn.request("GET", unknown_kernel, headers={"Host": host})
            answers[host] = conn.getresponse().status
        finally:
            conn.close()
    assert answers == {
        "evil.example": 403,
        f"evil.example:{port}": 403,
        f"127.0.0.1:{port}": 404,  # answered: no such kernel
        f"localhost:{port}": 404,
    }


def test_keyboard_only_with_large_text_at_tablet_width(session_page, axe_path):
    page, first_usable_s = open_session(session_page, 768, 1024)
    record("first_usable_step_s_768", round(first_usable_s, 2))

    def tab_to(predicate_js: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(
                f"(() => {{ const e = document.activeElement; return {predicate_js}; }})()"
            ):
                return
        raise AssertionError(f"Tab never reached: {predicate_js}")

    # the large-text switch, by keyboard
    tab_to("e && e.type === 'checkbox' && e.parentElement.textContent.includes('Large text')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "no visible focus"
    h1_size = "parseFloat(getComputedStyle(document.querySelector('.spasm-session h1')).fontSize)"
    before = page.evaluate(h1_size)
    page.keyboard.press("Space")
    page.wait_for_function(f"{h1_size} > {before}")
    # Next, by keyboard
    tab_to("e && e.tagName === 'BUTTON' && e.textContent.trim() === 'Next'")
    page.keyboard.press("Enter")
    page.get_by_text("Step 2 of 5").wait_for()
    tab_to("e && e.type === 'checkbox' && e.parentElement.textContent.trim() === 'Caffeine'")
    page.keyboard.press("Space")
    assert page.get_by_role("checkbox", name="Caffeine", exact=True).is_checked()
    tab_to("e && e.tagName === 'BUTTON' && e.textContent.trim() === 'Next'")
    page.keyboard.press("Enter")
    page.get_by_text("Step 3 of 5").wait_for()
    page.get_by_text("You have not said what you drink yet").wait_for()
    tab_to("e && e.tagName === 'SELECT' && !!e.closest('.spasm-explorer')")  # brewed coffee
    page.keyboard.press("ArrowDown")  # "Choose…" -> 0
    page.keyboard.press("ArrowDown")  # -> 1 cup
    page.get_by_text("you get about 96 mg").wait_for()  # 1 cup x 96 mg
    label_px = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.spasm-session .widget-label'))"
        ".fontSize)"
    )
    assert label_px >= 24, f"control labels stay small in large-text mode ({label_px} px)"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 768, f"page scrolls sideways at 768 px ({width} px wide)"
    assert_no_code(page)
    shot(page, "tablet-768-large-text-step3")
    axe(page, "tablet-768-large-text", axe_path)


def test_every_cause_explorer_in_the_session_passes_axe(session_page, axe_path):
    page, _ = open_session(session_page)
    go_next(page, 2)
    boxes = page.locator(".spasm-cause-card input[type=checkbox]")
    for i in range(boxes.count()):
        boxes.nth(i).check()
    start = time.perf_counter()
    go_next(page, 3)
    page.get_by_text("What you can do").last.wait_for()
    record("step3_all_causes_s", round(time.perf_counter() - start, 2))
    assert "Something went wrong" not in visible_text(page)
    assert page.locator(".noUi-handle, .slider-container").count() == 0  # no unnamed handles
    assert_no_code(page)
    shot(page, "step3-all-causes")
    axe(page, "step3-all-causes", axe_path)

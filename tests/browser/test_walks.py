"""The two reference sessions walked end to end in the browser, as a nurse clicks them (issue 12,
"Done when"): pick the causes, answer the explorers, answer every red-flag page, teach-back,
make and save the handout.

The answers are those of ``spasm_edu.handout.reference_session`` ("A": an office worker, 5 cups
of coffee, 5 hours of sleep, some stress, an eyelid twitch; "B": a warehouse worker, a 20 kg
lift with a 45-degree twist, back spasm and leg numbness), so the page must reach what the
reference session reaches in plain Python: the same level, the same first warning sign, the
same targets on the handout.

Every step (and every red-flag page) is screenshot and checked with axe-core (0 violations),
and every printed handout page is rendered to a picture (the saved PDF, by ``pdftoppm``; the
saved HTML with print media and page-sized clips where ``pdftoppm`` is missing), in
test-artifacts/walks/<scenario>/NN-<what>.png. One walk per scenario; no timing is asserted.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from spasm_edu import handout
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_patient_session import assert_no_code, go_next, open_session

# what the nurse clicks, per cause: (combobox name pattern, option label) or a button / box
ANSWERS = {
    "A": {
        "causes": ("Caffeine", "Stress and tiredness"),
        "lists": (
            (r"^Brewed coffee", "5"),
            (r"^Black tea", "0"),
            (r"^Cola", "0"),
            (r"^Energy drink", "0"),
            (r"^Last drink at", "4 pm"),
            (r"^Bedtime", "11 pm"),
            (r"^Your age", "Adults 18 to 60"),
            *((rf"^Sleep {day} night", "5") for day in "Mon Tue Wed Thu Fri Sat Sun".split()),
            (r"^How stressed do you feel", "Somewhat"),
        ),
        "buttons": (("Caffeine", "No"),),  # "Are you pregnant?" in the caffeine panel
        "boxes": ("Eyelid twitching",),
        "red_flags": (),
        "level": "Self-care at home",
        "key_sentences": (
            "Have no more than about 4 cups of brewed coffee a day (under 400 mg of caffeine).",
            "Now you have more (about 480 mg a day). That is over the limit.",
            "Aim for 7 hours of sleep or more a night. Last week you slept about 5 hours a night.",
        ),
    },
    "B": {
        "causes": ("Lifting and body position", "Back and spine problems"),
        "buttons": (
            ("Lifting and body position", "kg and cm"),
            ("Lifting and body position", "An object"),
        ),
        "lists": (
            (r"^Weight of the load \(kg\)", "20"),
            (r"^How far your hands are in front", "40"),
            (r"^Height of your hands at the start", "30"),
            (r"^How far the load moves", "25 or less (a short move)"),
            (r"^How much you twist your body", "45"),
            (r"^Your grip", re.compile(r"^Fair grip")),
            (r"^How often you lift", "About once a minute"),
            (r"^How long you lift each day", "Most of the shift (2 to 8 hours)"),
        ),
        "boxes": (),
        "red_flags": (
            "Is the spasm in your back?",
            "Do you have numbness, or pins and needles, with the spasms?",
        ),
        "level": "Urgent: get help today",
        "first_watch_for": (  # cauda equina first
            "It is numb or tingly between your inner thighs, around your private parts "
            "or around your bottom."
        ),
        "key_sentences": (
            "Call your doctor today.",
            "Your load is 20 kg. That is over the limit.",
            "Stay gently active: keep up daily tasks and try walking.",
            "Split it into 2 loads of about 10 kg each.",
        ),
    },
}


@pytest.fixture
def session_page(open_page, voila_url):
    open_page.url = voila_url  # open_session() opens this
    return open_page


@pytest.fixture(scope="module")
def reference():
    """What each scenario reaches in plain Python (no browser)."""
    return {name: handout.reference_session(name).handout_data() for name in ANSWERS}


class Walk:
    """Screenshots (numbered in walk order) and axe checks into test-artifacts/walks/<name>."""

    def __init__(self, page, name: str, axe_path: Path):
        self.page, self.axe_path, self.n = page, axe_path, 0
        self.folder = ARTIFACTS / "walks" / name
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)

    def shot(self, what: str) -> Path:
        """The whole session (Voila scrolls an inner box, so the window grows to fit)."""
        self.n += 1
        path = self.folder / f"{self.n:02d}-{what}.png"
        size = self.page.viewport_size
        height = self.page.evaluate("document.querySelector('.spasm-session').scrollHeight")
        self.page.set_viewport_size({"width": size["width"], "height": min(int(height) + 80, 8000)})
        self.page.screenshot(path=str(path))
        self.page.set_viewport_size(size)
        return path

    def axe(self, what: str) -> None:
        """axe-core on the page as shown: no violation of any impact."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(path=str(self.axe_path))
        violations = self.page.evaluate(
            """() => axe.run(document).then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.html.slice(0, 200))})))"""
        )
        (self.folder / f"axe-{self.n:02d}-{what}.json").write_text(json.dumps(violations, indent=1))
        assert violations == [], f"{what}: " + json.dumps(violations, indent=1)

    def step(self, what: str) -> None:
        self.shot(what)
        self.axe(what)


def panel(page, cause_name: str):
    """The step-3 panel of one cause (its card, found by its heading)."""
    return page.locator(".spasm-explorer.spasm-cause-card").filter(
        has=page.get_by_role("heading", name=cause_name, exact=True)
    )


def answer_explorers(page, answers: dict) -> None:
    for cause_name, label in answers["buttons"]:
        panel(page, cause_name).get_by_role("button", name=label, exact=True).click()
    for name, option in answers["lists"]:
        menu = page.get_by_role("combobox", name=re.compile(name))
        assert menu.count() == 1, f"one list named {name!r} (found {menu.count()})"
        if isinstance(option, re.Pattern):
            texts = [o.replace("\xa0", " ") for o in menu.locator("option").all_inner_texts()]
            option = next(o for o in texts if option.match(o))
        menu.select_option(label=option)
        page.wait_for_function(  # the kernel's answer: the list shows what was chosen
            "([el, label]) => el.options[el.selectedIndex].text.replace(/\\u00a0/g, ' ') === label",
            arg=[menu.element_handle(), option],
        )
    for name in answers["boxes"]:
        page.get_by_role("checkbox", name=name, exact=True).check()


def answer_red_flags(page, walk: Walk, ticks: tuple[str, ...]) -> int:
    """Every red-flag page: the scenario's ticks where they are asked, else "None of these".
    Returns how many pages were answered."""
    ticked: set[str] = set()
    n = 1
    while True:
        progress = page.get_by_text(re.compile(rf"^Questions {n} of \d+\.")).first
        progress.wait_for()
        total = int(re.search(r" of (\d+)\.", progress.inner_text()).group(1))
        here = [t for t in ticks if page.get_by_role("checkbox", name=t, exact=True).count()]
        for name in here:
            page.get_by_role("checkbox", name=name, exact=True).check()
            ticked.add(name)
        if not here:
            page.get_by_role("checkbox", name="None of these", checked=False).check()
        page.get_by_text(re.compile(rf"^Questions {n} of \d+\. Answered\.")).first.wait_for()
        walk.step(f"red-flags-{n:02d}-of-{total:02d}")
        if n >= total:
            break
        page.get_by_role("button", name="Next questions").click()
        # the page before is gone (its line said "Answered.") before the next one is read
        page.get_by_text(re.compile(rf"^Questions {n} of \d+\. Answered\.")).first.wait_for(
            state="detached"
        )
        n += 1
    assert ticked == set(ticks), f"never asked: {set(ticks) - ticked}"
    return n


def handout_pages(walk: Walk, pdf: Path, html_file: Path, browser) -> list[Path]:
    """Each printed page of the saved handout as a picture."""
    out = walk.folder / "handout"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "96", str(pdf), str(out)], check=True)
        made = sorted(walk.folder.glob("handout-*.png"))
        pages = []
        for i, path in enumerate(made, start=1):
            walk.n += 1
            pages.append(path.rename(walk.folder / f"{walk.n:02d}-handout-page-{i}.png"))
        return pages
    # no pdftoppm: the saved HTML with print media, one Letter page (816 x 1056 px) per clip
    context = browser.new_context(viewport={"width": 816, "height": 1056})
    try:
        page = context.new_page()
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(html_file.as_uri())
        page.emulate_media(media="print")
        height = page.evaluate("document.documentElement.scrollHeight")
        pages = []
        for i in range(max(1, -(-height // 1056))):
            walk.n += 1
            path = walk.folder / f"{walk.n:02d}-handout-page-{i + 1}.png"
            page.screenshot(
                path=str(path),
                full_page=True,
                clip={"x": 0, "y": i * 1056, "width": 816, "height": 1056},
            )
            pages.append(path)
        return pages
    finally:
        context.close()


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_reference_session_walked_as_a_nurse_clicks_it(
    name, session_page, axe_path, handout_dir, reference, browser
):
    answers, expected = ANSWERS[name], reference[name]
    assert expected.triage.label == answers["level"]  # the scenario is still what it was
    page, _ = open_session(session_page)
    walk = Walk(page, name, axe_path)
    walk.step("what-is-a-spasm")

    go_next(page, 2)
    for cause in answers["causes"]:
        page.get_by_role("checkbox", name=cause, exact=True).check()
    walk.step("pick-causes")

    go_next(page, 3)
    for cause in answers["causes"]:
        page.get_by_role("heading", name=cause, exact=True).wait_for()
    answer_explorers(page, answers)
    assert_no_code(page)
    walk.step("explore-causes")

    go_next(page, 4)
    answer_red_flags(page, walk, answers["red_flags"])
    page.get_by_text(answers["level"]).first.wait_for()

    go_next(page, 5)
    text = page.locator(".spasm-session").inner_text()
    assert answers["level"] in text
    if "first_watch_for" in answers:  # the on-screen watch-for list: cauda equina first
        assert expected.triage.if_worse[0] == answers["first_watch_for"]
        first = page.locator(".spasm-session li:visible").first  # step 5's summary
        assert first.inner_text().strip() == answers["first_watch_for"]
    explained = page.get_by_role("button", name="Explained it back", exact=True)
    assert explained.count() == 3  # three teach-back prompts from this patient's result
    for i in range(3):
        explained.nth(i).click()
        page.wait_for_function(
            "n => [...document.querySelectorAll('.spasm-teach-back button.mod-active')]"
            ".length >= n",
            arg=i + 1,
        )
    walk.step("teach-back")

    page.get_by_role("button", name="Make the handout").click()
    page.get_by_text("Your muscle spasm notes").first.wait_for()
    walk.step("handout-preview")
    before = set(handout_dir.iterdir())
    page.get_by_role("button", name="Save the handout").click()
    page.get_by_text(re.compile(r"Saved in the folder")).wait_for(timeout=60_000)
    walk.shot("saved")
    new = set(handout_dir.iterdir()) - before
    html_file = next(p for p in new if p.suffix == ".html")
    pdf = next(p for p in new if p.suffix == ".pdf")
    saved = handout.plain_text(html_file.read_text(encoding="utf-8"))

    # the result this scenario must reach, on the handout the patient takes home
    for sentence in answers["key_sentences"]:
        assert sentence in saved, sentence
    assert expected.triage.label in saved and expected.triage.what_to_do in saved
    for cause in expected.causes:  # the same targets as the plain-Python session
        assert cause.actions[0].text in saved, cause.actions[0].text
    if "first_watch_for" in answers:
        worse = saved.index(expected.triage.if_worse_heading)
        assert saved.index(answers["first_watch_for"], worse) < saved.index(
            expected.triage.if_worse[1], worse
        )
    assert "What we went over today" in saved and saved.count("(explained it back)") == 3
    pages = handout.pdf_page_count(pdf.read_bytes())
    pictures = handout_pages(walk, pdf, html_file, browser)
    assert pictures and all(p.stat().st_size > 1000 for p in pictures)
    if shutil.which("pdftoppm"):
        assert len(pictures) == pages
    assert not page.errors, page.errors
    assert page.blocked == []
    assert 1 <= pages <= 2, f"the handout prints on {pages} pages"

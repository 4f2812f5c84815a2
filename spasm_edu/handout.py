"""Take-home handout: a printable page (HTML, and PDF where Chromium is present).

The handout holds what the patient chose in the session (the causes and the values they set),
the practical steps for each cause, the triage result with what to do, the "see a doctor if…"
list, the disclaimer and the sources, in large type.

Privacy: :func:`render` only builds a string. Nothing touches the disk until :func:`save` is
called (the session calls it only when the nurse presses Save). Files go to
:func:`default_folder` and their names carry only the date and time
(``spasm-handout-YYYYMMDD-HHMMSS.html``). Saving never overwrites: each file is created
exclusively (``O_EXCL``), two handouts saved in the same second get ``-2``, ``-3``… and files
are readable by their owner only (mode 0600; a new folder 0700). A folder that cannot be
written raises :class:`SaveError` with a plain message. The page loads nothing from the
network, and the PDF is printed by a local headless Chromium that cannot look up any host
(``--host-resolver-rules``) with its background network features switched off.

``python -m spasm_edu.handout --demo`` (``make handouts``) writes a demo handout from sample
choices and prints its path.
"""

from __future__ import annotations

import argparse
import errno
import html
import itertools
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from spasm_edu import facts
from spasm_edu.text import handout as handout_text
from spasm_edu.text import levels
from spasm_edu.text import session as wording
from spasm_edu.text import teach_back as teach_wording
from spasm_edu.text.handout import Action

esc = html.escape
log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
FOLDER_ENV = "SPASM_HANDOUT_DIR"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# every Chromium the package starts (the PDF here, the benchmark and the browser tests): as root,
# no GPU, no background network
BROWSER_BASE_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_FLAGS = (
    "--headless",
    *BROWSER_BASE_FLAGS,
    "--no-pdf-header-footer",
    "--virtual-time-budget=10000",
    # no host name resolves, so nothing can be fetched or looked up (without it, headless
    # Chromium looks up accounts.google.com, clients2.google.com, update.googleapis.com)
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-proxy-server",  # no proxy auto-detection (a WPAD lookup)
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--no-default-browser-check",
    "--no-pings",
    "--metrics-recording-only",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
)
FILE_MODE = 0o600  # a handout is health information: its owner only
FOLDER_MODE = 0o700


@dataclass(frozen=True)
class CauseNotes:
    """One cause the patient picked: what they set and what to do, from the model result
    through the text layer (no widget HTML: nothing a browser sends reaches the page as markup).
    """

    cause_id: str
    name: str
    summary: str
    values: tuple[tuple[str, str], ...] = ()  # (control label, value in words)
    tips: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()  # 2-3 lines: this patient's targets, then tips
    picture_svg: str = ""  # an inline SVG built by spasm_edu.plots from the model result
    summary_source_ids: tuple[str, ...] = ()  # where the summary (data/causes.csv) comes from


@dataclass(frozen=True)
class TriageNotes:
    """The red-flag check: the level in words, what to do now, and the reasons behind it."""

    level: str
    label: str
    what_to_do: str
    reasons: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    if_worse: tuple[str, ...] = ()  # for an urgent level: the signs that make it an emergency
    if_worse_heading: str = ""  # e.g. "Call 911 or your local emergency number now if"


def if_worse_html(notes: TriageNotes) -> str:
    """'If it gets worse. Call 911 … now if any of these start:' and the signs ('' if none)."""
    if not notes.if_worse:
        return ""
    items = "".join(f"<li>{esc(s)}</li>" for s in notes.if_worse)
    return (
        f'<p class="spasm-if-worse"><strong>If it gets worse.</strong> '
        f"{esc(notes.if_worse_heading)} any of these start:</p><ul>{items}</ul>"
    )


def fit_self_care(notes: TriageNotes, picked) -> TriageNotes:
    """The self-care advice of the picked causes (data/self_care_advice.csv) in place of the
    level's general cramp advice; unchanged when that file cannot be read."""
    from spasm_edu.models import triage

    try:
        row = triage.level_row(triage.Level.self_care)
        advice = facts.table("self_care_advice.csv").by_id
        what, sources = handout_text.fit_self_care(
            notes.what_to_do, notes.source_ids, picked, row.advice, row.source_ids, advice
        )
    except Exception:
        log.exception("the self-care advice could not be read")
        return notes
    return replace(notes, what_to_do=what, source_ids=sources)


@dataclass(frozen=True)
class HandoutData:
    causes: tuple[CauseNotes, ...]
    triage: TriageNotes
    doctor_list: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, advice lines) by urgency
    source_ids: tuple[str, ...]
    made_at: datetime = field(default_factory=datetime.now)
    gone_over: tuple[tuple[str, str], ...] = ()  # teach-back: (question, outcome) recorded
    sign_source_ids: tuple[str, ...] = ()  # where the warning signs come from
    core_signs: tuple[str, ...] = ()  # the 911 signs every handout gives (handout_emergency_core)
    # (sign, question group of the finding it rests on: data/red_flags.csv `group`)
    sign_groups: tuple[tuple[str, str], ...] = ()
    own_signs: tuple[str, ...] = ()  # the signs of the findings this patient ticked


@dataclass(frozen=True)
class SavedHandout:
    html_path: Path
    pdf_path: Path | None


class SaveError(OSError):
    """The handout could not be written; ``message`` says so in plain words."""

    def __init__(self, folder: Path, exc: OSError):
        self.folder, self.reason = Path(folder), exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why = "this computer does not let the session write in it"
        elif exc.errno == errno.ENOSPC:
            why = "the disk is full"
        elif exc.errno in (errno.ENOTDIR, errno.EEXIST):
            why = "a file is in the way where the folder should be"
        else:
            why = exc.strerror or type(exc).__name__
        self.message = (
            f"The handout was not saved: {why} (folder: {self.folder}). Nothing was written. "
            "Print it from the preview below, or ask for help to pick another folder."
        )
        super().__init__(exc.errno, self.message)


PAPER_SIZES = {"letter": "letter", "a4": "A4"}  # CSS @page sizes

STYLE = """
body {font-family: Verdana, Arial, sans-serif; font-size: 20px; line-height: 1.45; color: #111;
  background: #fff; max-width: 46em; margin: 1.5em auto; padding: 0 1em;}
h1 {font-size: 1.6em; margin: 0 0 0.1em;} h2 {font-size: 1.25em; margin: 0.9em 0 0.3em;
  border-bottom: 2px solid #111;} h3 {font-size: 1.05em; margin: 0.5em 0 0.1em;}
p {margin: 0.3em 0;} ul {margin: 0.2em 0 0.4em; padding-left: 1.3em;}
.spasm-now {border: 3px solid #111; padding: 0.2em 0.8em 0.5em; margin-top: 0.4em;}
.spasm-now h2 {border: 0; margin-top: 0.3em;}
.spasm-level {border: 3px solid #111; border-left-width: 16px; padding: 0.3em 0.8em;
  font-size: 1.15em; background: #fff; margin: 0.3em 0;}
.spasm-picture {max-width: 26em; margin: 0.3em 0;}
.spasm-now::after {content: ""; display: block; clear: both;}
.spasm-911 {border: 4px solid #111; padding: 0.2em 0.8em 0.4em; margin-top: 0.8em;}
.spasm-911 .spasm-911-head {font-size: 1.15em;}
.spasm-call {vertical-align: middle; margin-right: 0.3em;}
.spasm-signs li {break-inside: avoid;}
.spasm-values {margin: 0.1em 0 0.3em;}
.spasm-fill {line-height: 2;} figure {margin: 0.2em 0;} figcaption {font-size: 0.9em;}
.spasm-tracker {margin-top: 0.4em;}
.spasm-main {border-left: 16px solid #111; padding: 0.1em 0.6em; font-size: 1.1em;
  margin: 0.3em 0;}
.spasm-why {list-style: none; margin-left: -1.3em; font-size: 0.95em;}
.spasm-disclaimer {border: 2px solid #111; padding: 0.3em 0.8em; margin-top: 0.8em;}
.spasm-sources {font-size: 0.75em; line-height: 1.3;} .spasm-sources li {margin: 0;}
.spasm-made {font-size: 0.9em; color: #333;}
.spasm-step-head {font-size: 1em; margin: 0.3em 0 0;}
.spasm-remember {border: 2px solid #111; padding: 0.2em 0.6em; margin-top: 0.5em;}
sup {font-size: 0.65em;}
a {color: #0b4f8a;}
@media print {
  body {margin: 0; max-width: none; padding: 0; font-size: 12pt; line-height: 1.22;}
  h1 {font-size: 20pt;} h2 {font-size: 15pt; margin: 0.5em 0 0.2em;} h3 {font-size: 13pt;}
  .spasm-signs ul {columns: 2; column-gap: 1.4em;}
  .spasm-signs {font-size: 11pt; line-height: 1.17;}
  .spasm-signs > p {margin: 0.4em 0 0.1em;}
  .spasm-911 .spasm-911-head {font-size: 13pt;}
  .spasm-picture {display: flex; align-items: center; gap: 0.8em; margin: 0; max-width: none;}
  .spasm-picture > svg {flex: 0 0 auto; width: 58%;}
  .spasm-picture > figcaption {flex: 1 1 0; min-width: 8em;}
  .spasm-step-head {font-size: 12.5pt; margin: 0.15em 0 0;}
  .spasm-remember {font-size: 12pt; margin-top: 0.3em; padding: 0.1em 0.6em;}
  .spasm-made {font-size: 10pt;} .spasm-main {font-size: 13pt; line-height: 1.25;}
  .spasm-now h2 {margin: 0.2em 0 0.1em; float: left; padding: 0.15em 0.8em 0 0;}
  .spasm-now .spasm-level {overflow: hidden;}
  .spasm-level {font-size: 13.5pt; padding: 0.15em 0.6em; margin: 0.15em 0;}
  .spasm-now ul {margin-bottom: 0.1em;}
  h2, h3 {break-after: avoid;} .spasm-now {break-inside: avoid;}
  /* the emergency box may go on over a page break (its frame drawn on both parts), but its
     heading keeps at least 3 signs with it */
  .spasm-911 {box-decoration-break: clone; -webkit-box-decoration-break: clone;}
  .spasm-911-head {break-after: avoid;} .spasm-911 ul {orphans: 3; widows: 3;}
  .spasm-911-part {break-inside: avoid;} .spasm-911-whole {break-inside: avoid;}
  .spasm-911-part:has(.spasm-911-subs) {break-inside: auto;}
  .spasm-sub-head {margin: 0.1em 0 0; font-size: 11.5pt;}
  .spasm-911-subs-whole {columns: 2; column-gap: 1.4em;} .spasm-911-subs-whole ul {columns: auto;}
  .spasm-911-sub {break-inside: avoid;} .spasm-911-sub:first-child .spasm-sub-head {margin-top: 0;}
  .spasm-sources {font-size: 8.5pt; line-height: 1.18; columns: 3; column-gap: 1.8em;
    padding-left: 1.6em;}
  h2 .spasm-sources {font-weight: normal; padding-left: 0.5em; columns: auto;}
  .spasm-sources li {break-inside: avoid;}
  .spasm-gone {columns: 2; column-gap: 1.4em; font-size: 11pt;}
  .spasm-gone li {break-inside: avoid;}
}
"""


def page_style(paper: str = "letter") -> str:
    """CSS @page: the paper size, margins and "Page 1 of 2" at the foot of each printed page
    (margin boxes, which Chromium prints from version 131)."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)} (got {paper!r})")
    return (
        f"@page {{size: {PAPER_SIZES[paper]}; margin: 8mm 12mm 11mm;"
        ' @bottom-center {content: "Page " counter(page) " of " counter(pages);'
        " font-family: Verdana, Arial, sans-serif; font-size: 10pt;}}"
    )


def level_badge(level: str, label: str) -> str:
    """The urgency level as a word with a coloured edge (never colour alone)."""
    colour = levels.colour(level)
    return (
        f'<p class="spasm-level" style="border-left-color: {colour}" data-level="{esc(level)}">'
        f"<strong>{esc(label)}</strong></p>"
    )


class _Citations:
    """Numbers sources in the order the page first cites them."""

    def __init__(self):
        self.numbers: dict[str, int] = {}

    def __call__(self, source_ids) -> str:
        ids = [s for s in dict.fromkeys(source_ids) if s]
        if not ids:
            return ""
        nums = sorted(self.numbers.setdefault(s, len(self.numbers) + 1) for s in ids)
        return f'<sup class="spasm-cite">[{",".join(str(n) for n in nums)}]</sup>'


def warning_groups(data: HandoutData) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The warning signs, each once, at the most urgent level it is listed at, in the order of
    the see-a-doctor list (this patient's own signs first, nearest to what was ticked first,
    then the emergency signs for everyone). For an urgent result the "if it gets worse" signs join
    the emergency group (any the list lacks go at its end), so none shown on screen is lost."""
    groups: dict[str, list[str]] = {}
    seen: set[str] = set()
    lists = list(data.doctor_list)
    if data.triage.if_worse:
        heading = data.triage.if_worse_heading
        same = [signs for h, signs in lists if h == heading]
        lists = [(h, signs) for h, signs in lists if h != heading]
        merged = tuple(dict.fromkeys((*(s for g in same for s in g), *data.triage.if_worse)))
        lists.insert(0, (heading, merged))
    for heading, signs in lists:
        for sign in signs:
            key = sign.strip().rstrip(".").lower()
            if key not in seen:
                seen.add(key)
                groups.setdefault(heading, []).append(sign)
    return tuple((h, handout_text.merge_signs(signs)) for h, signs in groups.items())


def sub_lists(signs, sign_groups) -> list[tuple[str, list[str]]]:
    """``signs`` in labelled sub-lists by the question group each rests on
    (``HandoutData.sign_groups``, labels from the text layer), in the order the groups first
    come; a merged dark-pee line goes under its own heading, a sign with no group under
    "Other signs"."""
    group_of = dict(sign_groups)
    out: dict[str, list[str]] = {}
    for sign in signs:
        if handout_text.merged_from(sign, group_of):
            label = handout_text.DARK_PEE_HEADING
        else:
            label = handout_text.SIGN_GROUP_HEADINGS.get(
                group_of.get(sign), handout_text.OTHER_SIGNS
            )
        out.setdefault(label, []).append(sign)
    return list(out.items())


WHOLE_BOX = 14  # signs: a 911 box this long or shorter is never split over two pages

PHONE_PATH = (
    "M7.6 4.2c.6-.5 1.5-.4 2 .2l2.1 2.9c.4.6.4 1.4-.1 1.9l-1.3 1.3c.9 1.9 2.4 3.4 4.3 4.3"
    "l1.3-1.3c.5-.5 1.3-.6 1.9-.1l2.9 2.1c.6.5.7 1.4.2 2l-1.3 1.6c-.8 1-2.2 1.4-3.4 1"
    "C10.9 18.7 6.3 14.1 4.9 8.8c-.4-1.2 0-2.6 1-3.4z"
)


def call_icon(level: str, size: int = 30) -> str:
    """A small phone in the level's colour (text/levels.py) beside a call to action: 911 in the
    emergency colour, "call your doctor" in the urgent or see-a-doctor colour. Decoration
    only (aria-hidden): the words beside it say the same."""
    fill = levels.colour(level)
    return (
        f'<svg class="spasm-call" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
        f'width="{size}" height="{size}" aria-hidden="true" focusable="false">'
        f'<rect x="0.5" y="0.5" width="23" height="23" rx="5" fill="{fill}" stroke="#111"/>'
        f'<path d="{PHONE_PATH}" fill="#111"/></svg>'
    )


def _signs_html(groups, if_worse: bool, core=(), sign_groups=(), picked=(), own=()) -> str:
    """The first (most urgent) group in a thick box, the others below it. In the box this
    patient's own signs come first; the signs every handout gives (``core``) follow under
    their own heading, so a part that a page break carries over still has one."""
    if not groups:
        return ""
    # each sign's examples only for the picked causes ("for example after a lot of caffeine")
    fitted = {s: handout_text.fit_example(s, picked) for _, signs in groups for s in signs}
    for sign in own:  # which of the signs is hers now
        if sign in fitted:
            fitted[sign] = f"{fitted[sign]} {handout_text.YOURS_NOW}"

    def esc(sign: str) -> str:
        return html.escape(fitted.get(sign, sign))

    first, *rest = groups
    out = []
    heading, signs = first
    core = set(core)
    own = [s for s in signs if s not in core]
    everyone = [s for s in signs if s in core]
    lead = "<strong>If it gets worse.</strong> " if if_worse else ""
    icon = call_icon("emergency") if "911" in heading else ""  # no data needed (the fallback)

    def part(words: str, items, extra: str = "") -> str:
        lis = "".join(f"<li>{esc(s)}</li>" for s in items)
        return (
            f'<div class="spasm-911-part"><p class="spasm-911-head">{words}</p>'
            f"<ul>{lis}</ul>{extra}</div>"
        )

    any_sudden = f'<p class="spasm-any"><strong>{esc(handout_text.ANY_SUDDEN)}</strong></p>'
    first_head = f"{icon}{lead}<strong>{esc(heading)}:</strong>"
    subs = sub_lists(signs, sign_groups) if sign_groups else []
    # a box of up to WHOLE_BOX signs prints whole on one page; a longer one (an emergency
    # result's) may go on over a page break, but only between its labelled sub-lists
    whole = " spasm-911-whole" if len(signs) <= WHOLE_BOX else ""
    if len(subs) > 1:  # one heading, then a labelled sub-list per question group (CCI 8)
        inner = "".join(
            f'<div class="spasm-911-sub"><p class="spasm-sub-head"><strong>{esc(label)}</strong>'
            f"</p><ul>{''.join(f'<li>{esc(s)}</li>' for s in items)}</ul></div>"
            for label, items in subs
        )
        body = (
            f'<div class="spasm-911-part"><p class="spasm-911-head">{first_head}</p>'
            f'<div class="spasm-911-subs{whole and "-whole"}">{inner}</div>{any_sudden}</div>'
        )
    elif own and everyone:
        body = part(first_head, own) + part(
            f"<strong>{esc(handout_text.ALSO_911)}</strong>", everyone, any_sudden
        )
    else:
        body = part(first_head, own or everyone, any_sudden)
    out.append(
        f'<section class="spasm-911 spasm-signs{whole}" aria-label="{esc(heading)}">'
        f"{body}</section>"
    )
    for heading, signs in rest:
        items = "".join(f"<li>{esc(s)}</li>" for s in signs)
        out.append(
            f'<div class="spasm-signs"><p><strong>{esc(heading)}:</strong></p>'
            f"<ul>{items}</ul></div>"
        )
    return "".join(out)


def _short_source(sid: str, row) -> str:
    """'Mayo Clinic, 2024. mayoclinic.org' (a DOI in full): who, when and where to find it, in
    short, so the list stays small and free of journal titles on the patient's paper."""
    year = str(row.year_text).rstrip(".")
    if row.url_or_doi.startswith("doi:"):  # a journal paper: authors, year and DOI only
        said = f"{esc(row.organisation)}, {esc(year)}. {esc(row.url_or_doi)}"
        return f'<li id="src-{esc(sid)}">{said}</li>'
    host = re.sub(r"^https?://(www\.)?", "", row.url_or_doi).split("/")[0]
    title = re.split(r"[:(]|\. ", row.title)[0].strip(" -.")  # the page's name, no subtitle
    return (
        f'<li id="src-{esc(sid)}">{esc(row.organisation)}: {esc(title)}, {esc(year)}. '
        f"{esc(host)}</li>"
    )


def _stop(words: str) -> str:
    return "" if str(words).rstrip().endswith((".", "?", "!")) else "."


def _sources_html(numbers: dict[str, int]) -> str:
    if not numbers:
        return ""
    try:
        table = facts.table("sources.csv")
        items = "".join(
            _short_source(sid, table[sid]) for sid, _ in sorted(numbers.items(), key=lambda x: x[1])
        )
    except Exception:  # a broken sources file must not stop the handout
        log.exception("the handout's sources could not be read")
        heading = esc(handout_text.SOURCES_HEADING)
        return f"<h2>{heading}</h2><p>{esc(wording.SOURCES_FAILED)}</p>"
    note = f' <span class="spasm-sources">{esc(handout_text.SOURCES_NOTE)}</span>'
    heading = esc(handout_text.SOURCES_HEADING)
    return f'<h2>{heading}{note}</h2><ol class="spasm-sources">{items}</ol>'


def _what_you_told_us(causes: tuple[CauseNotes, ...]) -> str:
    rows = []
    for cause in causes:
        told = handout_text.told_sentences(cause.values)
        if told:
            said = " ".join(told)
            rows.append(f"<li><strong>{esc(cause.name)}.</strong> {esc(said)}</li>")
    if not rows:
        return ""
    heading = esc(handout_text.TOLD_US_HEADING)
    return f'<h2>{heading}</h2><ul class="spasm-values">{"".join(rows)}</ul>'


def main_message_html(data: HandoutData) -> str:
    """The one thing to remember, first on the page: the level's call to action and this
    patient's key steps (each cause's first action with a ``short`` form, from the model)."""
    shorts = [a.short for c in data.causes for a in c.actions if a.short]
    text = handout_text.main_message(data.triage.level, shorts)
    # a call to make (911, the doctor today or soon): the phone in the level's colour
    icon = call_icon(data.triage.level) if data.triage.level in levels.HIGHEST_FIRST else ""
    return (
        f'<p class="spasm-main">{icon}<strong>{esc(handout_text.MAIN_HEADING)}</strong> '
        f"{esc(text)}</p>"
    )


def cause_why() -> dict:
    """data/handout_why.csv by cause ({} when it cannot be read: the handout still prints)."""
    try:
        return dict(facts.table("handout_why.csv").by_id)
    except Exception:
        log.exception("the handout's 'how it helps' lines could not be read")
        return {}


def render_body(data: HandoutData) -> str:
    """The handout's content as an HTML fragment (also shown as the preview in the session).

    Built only from the model results through the text layer (``CauseNotes.actions``), the
    triage result and the warning-sign list: each sign once, at its most urgent level."""
    cite = _Citations()
    parts = [
        f"<h1>{esc(wording.HANDOUT_TITLE)}</h1>",
        main_message_html(data),
        '<section class="spasm-now"><h2>What to do now</h2>',
        level_badge(data.triage.level, data.triage.label),
    ]
    why = " ".join(esc(r) for r in data.triage.reasons)
    parts.append(
        f"<p><strong>{esc(data.triage.what_to_do)}</strong>"
        + (f" Why: {why}" if why else "")
        + f"{cite(data.triage.source_ids)}</p>"
    )
    if data.causes:
        parts.append(f"<h3>{esc(handout_text.STEPS_HEADING)}</h3>")
        # why the steps matter; for a level with its own reasons those come first, and two
        # printed pages leave room for one "why" only: each cause's "How it helps" line
        # (data/handout_why.csv), else the causes' summaries (cited only when printed)
        why = cause_why()
        has_benefit = any(c.cause_id in why for c in data.causes if c.actions)
        summaries = [c for c in data.causes if c.summary]
        if summaries and not data.triage.reasons and not has_benefit:
            why_steps = " ".join(esc(c.summary) + cite(c.summary_source_ids) for c in summaries)
            parts.append(f"<p>{esc(handout_text.WHY_STEPS)} {why_steps}</p>")
        pictured = next((c for c in data.causes if c.picture_svg), None)
        bedtime = next(
            (v for c in data.causes for label, v in c.values if label == "Bedtime"), None
        )
        # one idea per chunk (CDC CCI 9): each cause's steps under its own sub-heading
        heads = sum(1 for c in data.causes if c.actions) > 1
        parts.append("<ul>")
        for cause in data.causes:
            if heads and cause.actions:
                head = handout_text.STEP_HEADINGS.get(cause.cause_id, cause.name)
                parts.append(f'</ul><h4 class="spasm-step-head">{esc(head)}</h4><ul>')
            for action in handout_text.sleep_plan(cause.actions, bedtime):
                parts.append(f"<li>{esc(action.text)}{cite(action.source_ids)}</li>")
            row = why.get(cause.cause_id)
            if row is not None and cause.actions:
                unknown = (
                    f" <strong>{esc(handout_text.NOT_KNOWN_LEAD)}</strong> {esc(row.not_known)}"
                    if row.not_known
                    else ""
                )
                parts.append(
                    f'<li class="spasm-why"><strong>{esc(handout_text.BENEFIT_LEAD)}</strong> '
                    f"{esc(row.benefit)}{unknown}{cite(row.source_ids)}</li>"
                )
            if cause is pictured:  # the picture next to its own cause's steps
                how = handout_text.picture_how(pictured.cause_id)
                parts.append(
                    f'</ul><figure class="spasm-picture">{pictured.picture_svg}'
                    f"<figcaption>{esc(how)}</figcaption></figure><ul>"
                )
        parts.append("</ul>")
        boxes = " ".join(f"{esc(d)}&nbsp;&#9744;" for d in handout_text.DAYS)
        parts.append(f'<p class="spasm-tracker">{esc(handout_text.TRACKER)} {boxes}</p>')
    else:
        parts.append(f"<p>{esc(handout_text.NO_CAUSES)}</p>")
    parts.append("</section>")
    # what she told us before the warning signs: the 911 box is never split over two pages, and
    # this short part fills the foot of page 1 rather than pushing the sources to a third
    parts.append(_what_you_told_us(data.causes))
    if data.gone_over:
        parts.append(f'<h2>{esc(teach_wording.GONE_OVER_HEADING)}</h2><ul class="spasm-gone">')
        parts += [f"<li>{esc(q)} ({esc(outcome.lower())})</li>" for q, outcome in data.gone_over]
        parts.append("</ul>")
    blank = "_" * 18
    parts.append(
        f'<p class="spasm-fill"><strong>{esc(handout_text.NEXT_APPOINTMENT)}</strong> {blank} '
        f"&nbsp; <strong>{esc(handout_text.CLINIC_PHONE)}</strong> {blank}<br>"
        f'<span class="spasm-made">Made on {data.made_at:%d %B %Y}. '
        f"{esc(wording.HANDOUT_INTRO)}</span></p>"
    )
    groups = warning_groups(data)
    if groups:
        parts.append(
            _signs_html(
                groups,
                bool(data.triage.if_worse),
                data.core_signs,
                data.sign_groups,
                tuple(c.cause_id for c in data.causes),
                data.own_signs,
            )
        )
        try:
            where = handout_text.signs_from(data.sign_source_ids, facts.table("sources.csv"))
        except Exception:
            log.exception("the warning signs' sources could not be read")
            where = ""
        if where:
            parts.append(f'<p class="spasm-made">{esc(where)}</p>')
    shorts = [a.short for c in data.causes for a in c.actions if a.short]
    remember = handout_text.remember_line(data.triage.level, shorts)
    if remember:  # the closing recap of this patient's own steps (PEMAT-P 11)
        head, _, rest = remember.partition(" ")
        parts.append(f'<p class="spasm-remember"><strong>{esc(head)}</strong> {esc(rest)}</p>')
    parts.append(
        f'<p class="spasm-disclaimer spasm-known"><strong>{esc(handout_text.KNOWN_HEADING)}'
        f"</strong> {esc(handout_text.KNOWN_UNKNOWN)} <strong>Please note:</strong> "
        f"{esc(handout_text.DISCLAIMER)}</p>"
    )
    parts.append(_sources_html(cite.numbers))
    return "".join(parts)


def render(data: HandoutData, paper: str = "letter") -> str:
    """The whole printable page: one self-contained HTML document (no network needed), laid
    out for ``paper`` ("letter" or "a4") when printed."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(wording.HANDOUT_TITLE)}</title><style>{page_style(paper)}{STYLE}</style>"
        f"</head><body><main>{render_body(data)}</main></body></html>"
    )


def pdf_page_count(pdf: bytes) -> int:
    """The number of pages in a PDF Chromium printed (its ``/Type /Page`` objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def default_folder() -> Path:
    """Where saved handouts go: $SPASM_HANDOUT_DIR, else ~/spasm-handouts on a JupyterHub (each
    student's own home, never the shared checkout the hub's package runs from), else ./handouts
    in the project checkout (git-ignored), else ~/spasm-handouts."""
    if os.environ.get(FOLDER_ENV):
        return Path(os.environ[FOLDER_ENV])
    if os.environ.get("JUPYTERHUB_USER"):  # set by JupyterHub in every single-user server
        return Path.home() / "spasm-handouts"
    if (ROOT / "pyproject.toml").exists():
        return ROOT / "handouts"
    return Path.home() / "spasm-handouts"


def file_stem(when: datetime) -> str:
    """A file name with no personal data: only the date and time."""
    return f"spasm-handout-{when:%Y%m%d-%H%M%S}"


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_bytes(
    html_path: Path, chromium: str | None = None, launcher: tuple[str, ...] = ()
) -> bytes | None:
    """``html_path`` printed to PDF by local headless Chromium (no host name resolves); None if
    no Chromium is found or printing fails (the HTML handout can still be printed).

    Chromium writes into its own private temporary folder; ``launcher`` goes in front of the
    command (tests run it under ``strace`` or ``unshare -n``).
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        return None
    with tempfile.TemporaryDirectory(prefix="spasm-chromium-") as work:
        out = Path(work) / "handout.pdf"
        cmd = [
            *launcher,
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={out}",
            Path(html_path).resolve().as_uri(),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=60, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        data = out.read_bytes() if out.exists() else b""
    return data if data.startswith(b"%PDF") else None


def _create_new(folder: Path, stem: str, suffixes: tuple[str, ...]) -> list[Path]:
    """Create empty files ``stem.<suffix>`` (or ``stem-2.<suffix>``, ``-3``… the first number
    free for every suffix) exclusively, mode 0600: never an existing file, even when two saves
    run at the same moment."""
    for n in itertools.count(1):
        name = stem if n == 1 else f"{stem}-{n}"
        made: list[Path] = []
        try:
            for suffix in suffixes:
                path = folder / f"{name}{suffix}"
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
                made.append(path)
            return made
        except FileExistsError:
            for path in made:  # ours, still empty: give the name back and try the next
                path.unlink()
    raise AssertionError("not reached")


def save(
    page: str, folder: Path | None = None, when: datetime | None = None, pdf: bool = True
) -> SavedHandout:
    """Write the handout (and its PDF when possible) to ``folder`` as new files (mode 0600);
    never overwrites. Raises :class:`SaveError` when the folder cannot be written."""
    folder = Path(folder) if folder is not None else default_folder()
    stem = file_stem(when or datetime.now())
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        paths = _create_new(folder, stem, (".html", ".pdf") if pdf else (".html",))
        html_path = paths[0]
        with html_path.open("w", encoding="utf-8") as fh:  # the file made above, still 0600
            fh.write(page)
    except OSError as exc:
        raise SaveError(folder, exc) from exc
    pdf_path = None
    if pdf:
        data = pdf_bytes(html_path)
        try:
            if data is None:
                paths[1].unlink()
            else:
                paths[1].write_bytes(data)
                pdf_path = paths[1]
        except OSError:
            log.exception("the PDF could not be written (the HTML handout is saved)")
    return SavedHandout(html_path, pdf_path)


def plain_text(page: str) -> str:
    """The words of a page without tags (for reading-level checks and tests)."""
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))).strip()


def demo_session():
    """A session with sample choices: caffeine, fluid and overuse picked, one red flag ticked."""
    from spasm_edu.session import PatientSession

    session = PatientSession()
    for cause_id in ("caffeine", "dehydration", "overuse"):
        session.cause_boxes[cause_id].value = True
    session.go(2)
    caffeine = session.explorers.get("caffeine")
    if caffeine is not None:
        caffeine.controls["drink:brewed_coffee"].value = 4
        caffeine.controls["last_drink_h"].value = 17
    session.go(3)
    session.tick_red_flag(session.red_flag_ids()[0])
    session.go(4)
    return session


def _finish_questions(session) -> None:
    """Tick "None of these" on each red-flag group not answered yet (nothing more to tick)."""
    answers = session.triage
    for group in answers.groups_asked():
        if not answers.answered(group):
            answers.none_boxes[group].value = True


def reference_session(name: str, units: str = "metric"):
    """One of the two sessions the handout is measured on (docs/handout-scoring.md).

    "A": an office worker: 5 cups of brewed coffee a day, 5 hours of sleep a night, somewhat
    stressed, an eyelid twitch (causes caffeine and stress_fatigue; no red flag).
    "B": a warehouse worker: back spasms after lifting 20 kg with a 45-degree twist, and leg
    numbness (causes body_mechanics and spine; red flags back_spasm and numbness_tingling).
    ``units`` "us": B told in pounds and inches (44 lb, hands 16 in out and 12 in up, a move
    of 10 in or less: the US options nearest her metric answers).
    """
    if units not in ("metric", "us"):
        raise ValueError(f"units must be 'metric' or 'us' (got {units!r})")
    from spasm_edu.session import PatientSession

    if name not in ("A", "B"):
        raise ValueError(f"name must be 'A' or 'B' (got {name!r})")
    session = PatientSession()
    causes = ("caffeine", "stress_fatigue") if name == "A" else ("body_mechanics", "spine")
    for cause_id in causes:
        session.cause_boxes[cause_id].value = True
    session.go(2)
    if name == "A":
        coffee = session.explorers["caffeine"].controls
        coffee["drink:brewed_coffee"].value = 5
        for drink in ("black_tea", "cola", "energy_drink"):
            if f"drink:{drink}" in coffee:
                coffee[f"drink:{drink}"].value = 0
        coffee["pregnant"].value = "no"
        coffee["last_drink_h"].value = 16  # 4 pm
        coffee["bedtime_h"].value = 23  # 11 pm
        mood = session.explorers["stress_fatigue"].controls
        for key, control in mood.items():
            if key.startswith("night:"):
                control.value = 5.0
        mood["stress"].value = "some"
        mood["age_years"].value = 18
        mood["symptom:eyelid_twitching"].value = True
    else:
        lift = session.explorers["body_mechanics"].controls
        answers = {"units": "metric", "task": "object", "load": 20, "h": 40, "v": 30, "d": 25}
        if units == "us":
            answers = {"units": "us", "task": "object", "load": 44, "h": 16, "v": 12, "d": 10}
        answers |= {"a_deg": 45, "coupling": "fair", "freq_per_min": 1.0, "duration": "2to8h"}
        for key, value in answers.items():
            lift[key].value = value
    session.go(3)
    if name == "B":
        session.tick_red_flag("back_spasm")
        session.tick_red_flag("numbness_tingling")
    _finish_questions(session)
    session.go(4)
    return session


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.handout", description="Write a take-home handout."
    )
    parser.add_argument(
        "--demo", action="store_true", help="write a demo handout from sample choices"
    )
    parser.add_argument("--out", type=Path, default=None, help="folder (default: ./handouts)")
    parser.add_argument("--no-pdf", action="store_true", help="write the HTML page only")
    args = parser.parse_args(argv)
    if not args.demo:
        parser.error("the handout is made in the patient session (make present); use --demo here")
    session = demo_session()
    saved = save(render(session.handout_data()), args.out, pdf=not args.no_pdf)
    print(f"Demo handout written: {saved.html_path}")
    if saved.pdf_path:
        print(f"PDF: {saved.pdf_path}")
    elif not args.no_pdf:
        print("No PDF: Chromium was not found (install it: sudo apt-get install chromium).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

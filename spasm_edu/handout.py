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
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from spasm_edu import DISCLAIMER
from spasm_edu.text import session as wording
from spasm_edu.text import sources_html
from spasm_edu.text import teach_back as teach_wording

esc = html.escape
log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
FOLDER_ENV = "SPASM_HANDOUT_DIR"
LEVEL_COLOURS = {  # Okabe-Ito; always next to the level in words
    "self_care": "#009E73",
    "see_doctor": "#0072B2",
    "urgent": "#E69F00",
    "emergency": "#D55E00",
}
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
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
    """One cause the patient picked: what they set, what it showed, and what to do."""

    cause_id: str
    name: str
    summary: str
    values: tuple[tuple[str, str], ...] = ()  # (control label, value in words)
    result_html: str = ""  # the explorer's patient summary (trusted HTML built by the package)
    tips: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class HandoutData:
    causes: tuple[CauseNotes, ...]
    triage: TriageNotes
    doctor_list: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, advice lines) by urgency
    source_ids: tuple[str, ...]
    made_at: datetime = field(default_factory=datetime.now)
    gone_over: tuple[tuple[str, str], ...] = ()  # teach-back: (question, outcome) recorded


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


STYLE = """
body {font-family: Verdana, Arial, sans-serif; font-size: 20px; line-height: 1.5; color: #111;
  background: #fff; max-width: 46em; margin: 1.5em auto; padding: 0 1em;}
h1 {font-size: 1.8em; margin-bottom: 0.2em;} h2 {font-size: 1.4em; margin-top: 1.4em;
  border-bottom: 2px solid #111;} h3 {font-size: 1.2em;}
.spasm-level {border: 3px solid #111; border-left-width: 16px; padding: 0.4em 0.8em;
  font-size: 1.2em; background: #fff;}
.spasm-values {border-collapse: collapse;} .spasm-values th, .spasm-values td
  {border: 1px solid #555; padding: 0.2em 0.6em; text-align: left;}
.spasm-disclaimer {border: 2px solid #111; padding: 0.5em 0.8em;}
.spasm-sources {font-size: 0.8em;} .spasm-made {font-size: 0.9em; color: #333;}
a {color: #0b4f8a;}
@media print {body {margin: 0; max-width: none;} h2 {page-break-after: avoid;}
  .spasm-cause {page-break-inside: avoid;}}
"""


def level_badge(level: str, label: str) -> str:
    """The urgency level as a word with a coloured edge (never colour alone)."""
    colour = LEVEL_COLOURS.get(level, "#111")
    return (
        f'<p class="spasm-level" style="border-left-color: {colour}" data-level="{esc(level)}">'
        f"<strong>{esc(label)}</strong></p>"
    )


def _values_table(values: tuple[tuple[str, str], ...]) -> str:
    if not values:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{esc(label)}</th><td>{esc(value)}</td></tr>'
        for label, value in values
    )
    return (
        '<table class="spasm-values"><caption>What you told us</caption>'
        f"<tbody>{rows}</tbody></table>"
    )


def render_body(data: HandoutData) -> str:
    """The handout's content as an HTML fragment (also shown as the preview in the session)."""
    parts = [
        f"<h1>{esc(wording.HANDOUT_TITLE)}</h1>",
        f"<p>{esc(wording.HANDOUT_INTRO)}</p>",
        f'<p class="spasm-made">Made on {data.made_at:%d %B %Y}.</p>',
        "<h2>What to do now</h2>",
        level_badge(data.triage.level, data.triage.label),
        f"<p>{esc(data.triage.what_to_do)}</p>",
    ]
    if data.triage.reasons:
        parts.append("<p>Why:</p><ul>")
        parts += [f"<li>{esc(r)}</li>" for r in data.triage.reasons]
        parts.append("</ul>")
    parts.append(if_worse_html(data.triage))
    parts.append("<h2>What might be behind your spasms</h2>")
    if not data.causes:
        parts.append("<p>You did not pick any causes in this session.</p>")
    for cause in data.causes:
        tips = "".join(f"<li>{esc(t)}</li>" for t in cause.tips)
        parts.append(
            f'<section class="spasm-cause"><h3>{esc(cause.name)}</h3>'
            f"<p>{esc(cause.summary)}</p>"
            + _values_table(cause.values)
            + cause.result_html
            + (
                f"<p><strong>{esc(wording.TIPS_HEADING)}:</strong></p><ul>{tips}</ul>"
                if tips
                else ""
            )
            + "</section>"
        )
    parts.append("<h2>See a doctor if…</h2>")
    for heading, lines in data.doctor_list:
        parts.append(f"<p><strong>{esc(heading)}:</strong></p><ul>")
        parts += [f"<li>{esc(line)}</li>" for line in lines]
        parts.append("</ul>")
    if data.gone_over:
        parts.append(f"<h2>{esc(teach_wording.GONE_OVER_HEADING)}</h2><ul>")
        parts += [f"<li>{esc(q)} ({esc(outcome.lower())})</li>" for q, outcome in data.gone_over]
        parts.append("</ul>")
    parts.append(f'<p class="spasm-disclaimer"><strong>Please note:</strong> {esc(DISCLAIMER)}</p>')
    try:
        sources = sources_html(data.source_ids, detail=False)
    except Exception:  # a broken sources file must not stop the handout
        log.exception("the handout's sources could not be read")
        sources = f"<p>{esc(wording.SOURCES_FAILED)}</p>"
    parts.append("<h2>Sources</h2>" + sources)
    return "".join(parts)


def render(data: HandoutData) -> str:
    """The whole printable page: one self-contained HTML document (no network needed)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(wording.HANDOUT_TITLE)}</title><style>{STYLE}</style></head>"
        f"<body><main>{render_body(data)}</main></body></html>"
    )


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

"""Plain-language wording built from model results.

Patient text aims at a 6th-7th grade reading level: short sentences, one idea each, everyday
words (tests/test_reading_level.py measures it). Deeper text for nursing students is marked
with :func:`student_box`. Everything returns HTML strings, so a screen reader can read it.
"""

from __future__ import annotations

import html
import math

from spasm_edu import DISCLAIMER, facts

esc = html.escape


def clock(hour: float) -> str:
    """Clock time for hours after midnight: 7 -> '7 am', 23 -> '11 pm', 25 -> '1 am', 12.5 -> '12:30 pm'."""
    minutes_total = round(hour * 60) % (24 * 60)
    h, m = divmod(minutes_total, 60)
    if h == 0 and m == 0:
        return "midnight"
    if h == 12 and m == 0:
        return "noon"
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}" if m else f"{h12} {suffix}"


def amount(value: float, unit: str, exact: bool = False) -> str:
    """An amount for reading aloud. Rounded: 321.4 -> '321 mg', 23.3 -> '23 mg', 2.46 -> '2.5 mg'.
    ``exact`` keeps a published limit as written: 62.5 -> '62.5 mg'."""
    if exact:
        text = f"{value:,g}" if abs(value) < 1e6 else f"{value:,.0f}"
    else:
        text = f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}".replace(".0", "")
    return f"{text} {unit}"


def weight_words(value: float, unit: str) -> str:
    """A weight in the patient's own unit: pounds in whole numbers (16.7 -> '17 lb', never
    '16.7 lb'; a US reader counts pounds whole), kilograms as :func:`amount` ('7.6 kg')."""
    if unit == "lb":
        return f"{max(1, round(value)) if value > 0 else 0} lb"
    return amount(value, unit)


def limit_words(value: float, unit: str) -> str:
    """A limit in the patient's own unit, never rounded up: 16.7 lb -> '16 lb', 7.64 kg ->
    '7.6 kg' (a load said to be "under the limit" must be under it)."""
    if unit == "lb":
        return f"{math.floor(value) if value >= 1 else math.floor(value * 10) / 10:g} lb"
    return amount(math.floor(value * 10) / 10, unit)


def length_words(value: float, unit: str) -> str:
    """A length in the patient's own unit, the unit in words for inches: 16, 'in' -> '16
    inches' ('16 in' reads as a preposition); 40, 'cm' -> '40 cm'."""
    if unit == "in":
        return f"{value:g} {'inch' if value == 1 else 'inches'}"
    return f"{value:g} {unit}"


def paragraph(*sentences: str) -> str:
    return "<p>" + " ".join(sentences) + "</p>"


def student_box(title: str, body_html: str) -> str:
    """Deeper material for nursing students, clearly marked as such."""
    return (
        '<div class="spasm-student" role="note" aria-label="For nursing students">'
        f"<p><strong>For nursing students — {esc(title)}</strong></p>{body_html}</div>"
    )


def disclaimer_html() -> str:
    return f'<p class="spasm-disclaimer" role="note"><strong>Please note:</strong> {esc(DISCLAIMER)}</p>'


def _stop(words: str) -> str:
    """'.' to end a citation part, or '' when it already ends with '.', '?' or '!'."""
    return "" if words.rstrip().endswith((".", "?", "!")) else "."


def sources_html(source_ids: list[str] | tuple[str, ...], detail: bool = True) -> str:
    """A numbered list of citations for the given source ids (from data/sources.csv).

    ``detail`` adds each source's id and access date (for students and maintainers); a
    patient's handout leaves them out.
    """
    src = facts.table("sources.csv")
    items = []
    for sid in sorted(set(source_ids)):
        row = src[sid]
        extra = (
            f" <small>(id: <code>{esc(sid)}</code>; accessed {esc(row.accessed)})</small>"
            if detail
            else ""
        )
        items.append(
            f'<li id="src-{esc(sid)}">{esc(row.organisation)}{_stop(row.organisation)} '
            f"<em>{esc(row.title)}</em>{_stop(row.title)} "
            f'{row.year_text.rstrip(".")}. <a href="{esc(row.href)}">{esc(row.url_or_doi)}</a>{extra}</li>'
        )
    return '<ol class="spasm-sources">' + "".join(items) + "</ol>"


def warning(message: str) -> str:
    """A problem with what was typed, said kindly (never a traceback)."""
    return (
        f'<p class="spasm-warning" role="alert"><strong>Please check:</strong> {esc(message)}</p>'
    )

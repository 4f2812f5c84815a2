"""The four urgency levels in one place: their words, colours and symbols.

Every screen reads the levels from here: the session (step 4's list of signs, the summary),
the triage explorer and its ladder, the neuro, spine and electrolytes figures, the handout and
the notebooks' generated "When to see a doctor" cells (``make sync``). Change a level here (or its words in ``data/triage_levels.csv``) and every one of
them changes; ``tests/test_levels.py`` proves it.

- **Words** (badge, heading, what to do) are sourced advice, so they live in
  ``data/triage_levels.csv`` (schema-checked by ``spasm_edu/schema/triage.py``,
  reading-level-checked by ``tests/test_reading_level.py``): :func:`badge` and :func:`heading`
  read them. No other module spells a level's words. The one exception is the written-out
  list shown when the data cannot be read (``text/session.py`` ``FALLBACK_*``): it must not
  need the data, and a test checks it starts with the data's heading.
- **Colours** are Okabe & Ito's colour-blind-safe palette (values in ``spasm_edu/plots``). Text on a level colour is
  :data:`INK`; ``tests/test_levels.py`` computes the WCAG contrast of INK on each fill
  (>= 4.5:1). Colour is never the only signal: each level also has its word and a symbol.
"""

from __future__ import annotations

from spasm_edu.models.triage import Level, level_row
from spasm_edu.plots import GREEN, ORANGE, SKY, VERMILLION
from spasm_edu.plots import INK as INK  # the text on every level colour

# INK (the text on every level colour) and the palette's values: spasm_edu/plots/__init__.py
COLOURS = {"self_care": GREEN, "see_doctor": SKY, "urgent": ORANGE, "emergency": VERMILLION}
SYMBOLS = {"self_care": "✓", "see_doctor": "i", "urgent": "!", "emergency": "!!"}
UNKNOWN_COLOUR = "#111111"  # a result not given (questions not finished, data not read)
HIGHEST_FIRST = ("emergency", "urgent", "see_doctor")
"""The levels a list of signs is grouped by, most urgent first (self-care has no signs)."""


def _name(level: Level | str) -> str:
    return level.name if isinstance(level, Level) else str(level)


def colour(level: Level | str) -> str:
    """The fill of a level's badge ('#56B4E9' for see_doctor); an unknown level is near-black."""
    return COLOURS.get(_name(level), UNKNOWN_COLOUR)


def symbol(level: Level | str) -> str:
    return SYMBOLS[_name(level)]


def badge(level: Level | str) -> str:
    """The level in words on a badge: 'See a doctor soon' (data/triage_levels.csv)."""
    return level_row(level).badge


def heading(level: Level | str) -> str:
    """Lead-in for a list of signs: 'See a doctor soon if' (data/triage_levels.csv)."""
    return level_row(level).heading


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of '#rrggbb'."""
    h = hex_colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"colour must be '#rrggbb' (got {hex_colour!r})")

    def channel(c: str) -> float:
        v = int(c, 16) / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(h[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two colours, 1.0 to 21.0."""
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)

"""Triage figures: the level badge (colour AND word) and the four-step urgency ladder.

Colours, symbols and words come from :mod:`spasm_edu.text.levels` (Okabe-Ito with dark ink
text, contrast >= 4.5:1 on every fill), so nothing depends on colour alone.
"""

from __future__ import annotations

from html import escape

from spasm_edu.models.triage import LEVELS, Assessment, Level, level_row
from spasm_edu.plots import Svg
from spasm_edu.text.levels import INK, colour, symbol


def badge(level: Level | str) -> str:
    """An HTML badge: coloured box with a symbol and the level in words."""
    row = level_row(level)
    level = Level[row.level]
    return (
        f'<div class="spasm-badge spasm-badge-{level.name}" role="img" '
        f'aria-label="Level: {escape(row.badge)}" style="display:inline-block;'
        f"background:{colour(level)};color:{INK};border:3px solid {INK};border-radius:10px;"
        f'padding:8px 16px;font-size:1.3em;font-weight:bold;margin:6px 0">'
        f'<span aria-hidden="true">{symbol(level)}&nbsp;</span>{escape(row.badge)}</div>'
    )


def ladder(assessment: Assessment, width: int = 560) -> str:
    """The four levels, lowest at the bottom, with the current level marked in words."""
    step_h, gap, top = 40, 8, 34
    height = top + len(LEVELS) * (step_h + gap) + 6
    current = level_row(assessment.level).badge
    svg = Svg(width, height, "How urgent is it?", f"The level is: {current}.")
    svg.text(8, 20, "How urgent is it?", size=16, weight="bold")
    for i, level in enumerate(reversed(LEVELS)):
        y = top + i * (step_h + gap)
        here = level == assessment.level
        svg.rect(
            10,
            y,
            330,
            step_h,
            colour(level) if here else "#f2f2f2",
            stroke=INK if here else "#999999",
            stroke_width=3 if here else 1,
            rx=6,
        )
        label = f"{symbol(level)}  {level_row(level).badge}"
        svg.text(22, y + step_h * 0.65, label, weight="bold" if here else "normal")
        if here:
            svg.text(350, y + step_h * 0.65, "◀ your result", weight="bold")
    return str(svg)

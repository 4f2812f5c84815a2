"""Electrolyte figures: a lab value on a strip of its bands, and a day's potassium against
the adequate intake. Every band is named in words, never by colour alone (colour shows the
care the band needs, as the words below the strip also say)."""

from __future__ import annotations

from math import ceil

from spasm_edu.models.electrolytes import LabResult, PotassiumDay
from spasm_edu.models.triage import level_row
from spasm_edu.plots import BLUE, INK, Svg
from spasm_edu.text import levels
from spasm_edu.text.electrolytes import number, short_label

LEFT, RIGHT = 20, 20


def band_strip(lab: LabResult, width: int = 640) -> str:
    """The bands of one test as coloured, labelled segments (colour = care needed, and the
    band named in words), with the value marked."""
    a = lab.analyte
    edges = sorted({e for b in a.bands for e in (b.lower_mmol_l, b.upper_mmol_l) if e is not None})
    span = edges[-1] - edges[0]
    lo = max(min(edges[0] - 0.3 * span, lab.value_mmol_l - 0.05 * span), 0.0)
    hi = max(edges[-1] + 0.3 * span, lab.value_mmol_l + 0.05 * span)
    scale = (width - LEFT - RIGHT) / (hi - lo)

    def px(v: float) -> float:
        return LEFT + (v - lo) * scale

    where = lab.band.plain_label
    shown = number(a, lab.value_mmol_l, lab.unit)
    word = "Corrected calcium" if lab.corrected else f"Your {a.plain_label}"
    desc = f"{word}: {shown}, {where}. " + "; ".join(
        f"{short_label(b)}: {b.label} ({level_row(b.level).badge})" for b in a.bands
    )
    svg = Svg(width, 164, f"Where your {a.plain_label} result falls", desc)
    svg.text(8, 20, f"Where your {a.plain_label} result falls ({lab.unit})", size=16, weight="bold")
    top, h = 58, 34
    for i, b in enumerate(a.bands):
        start = lo if b.lower_mmol_l is None else max(b.lower_mmol_l, lo)
        end = hi if b.upper_mmol_l is None else min(b.upper_mmol_l, hi)
        if end <= start:
            continue
        colour = levels.colour(b.level)
        svg.rect(px(start), top, px(end) - px(start), h, colour, fill_opacity="0.85")
        svg.text(
            (px(start) + px(end)) / 2,
            top + h + 15 + 14 * (i % 2),  # neighbours alternate rows
            short_label(b),
            size=12,
            anchor="middle",
        )
    for edge in edges:
        if lo < edge < hi:
            svg.text(
                px(edge), top - 4, number(a, edge, lab.unit).split()[0], size=11, anchor="middle"
            )
    x = px(lab.value_mmol_l)
    svg.line(x, top - 18, x, top + h + 4, stroke=INK, width=3)
    anchor = "end" if x > width * 0.65 else "start"
    svg.text(
        x + (-6 if anchor == "end" else 6),
        top - 20,
        f"{word}: {shown}",
        size=13,
        anchor=anchor,
        weight="bold",
    )
    svg.text(8, 146, f"This result is {where}.", size=13)
    svg.text(8, 160, f"Care needed for this band: {level_row(lab.band.level).badge}.", size=13)
    return str(svg)


def potassium_bar(day: PotassiumDay, width: int = 560) -> str:
    """The day's potassium against the adequate intake and the label Daily Value."""
    left, right, top, h = 110, 30, 50, 34
    refs = [
        (f"Aim for {day.intake_label.lower()}", day.adequate_intake_mg),
        ("Food label Daily Value", day.daily_value_mg),
    ]
    top_value = 1000 * ceil(max(day.total_mg, day.daily_value_mg) * 1.1 / 1000)
    scale = (width - left - right) / top_value
    state = f"{day.percent_of_intake:.0f}% of the amount to aim for"
    desc = (
        f"Potassium from the chosen foods: {day.total_mg:,.0f} mg, {state} "
        f"({day.adequate_intake_mg:,.0f} mg for {day.intake_label.lower()}). Food label Daily "
        f"Value {day.daily_value_mg:,.0f} mg. No upper limit is set for healthy people."
    )
    svg = Svg(width, top + h + 60, "Potassium from your foods", desc)
    svg.text(8, 20, "Potassium from your foods (mg per day)", size=16, weight="bold")
    svg.text(left - 8, top + h * 0.65, "Your foods", anchor="end")
    svg.rect(left, top, day.total_mg * scale, h, BLUE)
    svg.text(8, 38, f"Your foods: {day.total_mg:,.0f} mg ({state})", size=13, weight="bold")
    for row, (label, value) in enumerate(refs):
        x = left + value * scale
        svg.line(x, top - 6, x, top + h + 8 + 16 * row, stroke=INK, width=2, dash="6 4")
        svg.text(x, top + h + 20 + 16 * row, f"{label}: {value:,.0f} mg", size=12, anchor="middle")
    return str(svg)

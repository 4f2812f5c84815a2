"""Dehydration figures: fluid in against fluid out, and a weigh-in against the 2 % limit."""

from __future__ import annotations

from spasm_edu import facts
from spasm_edu.models import dehydration
from spasm_edu.models.dehydration import FluidDay, WeighIn
from spasm_edu.plots import BLUE, GRID, INK, ORANGE, SKY, VERMILLION, Svg, nice_max


def _stack(svg: Svg, x0: float, y: float, h: float, scale: float, parts) -> float:
    x = x0
    for label, value, colour in parts:
        width = value * scale
        svg.rect(x, y, width, h, colour, stroke="#ffffff", stroke_width=1)
        if width > 70:
            svg.text(x + width / 2, y + h * 0.62, f"{label} {value:.1f} L", 12, "middle")
        x += width
    return x


def in_vs_out(day: FluidDay, width: int = 560) -> str:
    """Two stacked bars: drinks + food against everyday need + sweat, with the balance in words."""
    state = (
        f"about {abs(day.balance_l):.1f} L short"
        if day.balance_l < -0.05
        else "enough fluid for the day"
    )
    desc = (
        f"Fluid in {day.fluid_in_l:.1f} L (drinks {day.drinks_l:.1f} L, food {day.food_l:.1f} L). "
        f"Your body needs {day.fluid_out_l:.1f} L (every day {day.baseline_l:.1f} L, extra for "
        f"sweat {day.sweat_l:.1f} L). Result: {state}."
    )
    left, right, top, bar_h, gap = 150, 90, 34, 38, 16
    title = "Fluid in and out today"
    svg = Svg(width, top + 2 * (bar_h + gap) + 34, title, desc)
    svg.text(8, 20, title, size=16, weight="bold")
    top_value = nice_max(max(day.fluid_in_l, day.fluid_out_l) * 1.05)
    scale = (width - left - right) / top_value
    rows = [
        ("Fluid in", [("Drinks", day.drinks_l, SKY), ("Food", day.food_l, BLUE)], day.fluid_in_l),
        (
            "Body needs",
            [("Every day", day.baseline_l, ORANGE), ("Sweat", day.sweat_l, VERMILLION)],
            day.fluid_out_l,
        ),
    ]
    for i, (label, parts, total) in enumerate(rows):
        y = top + i * (bar_h + gap)
        svg.text(left - 8, y + bar_h * 0.62, label, anchor="end", weight="bold")
        end = _stack(svg, left, y, bar_h, scale, parts)
        svg.text(end + 6, y + bar_h * 0.62, f"{total:.1f} L", weight="bold")
    svg.text(left, top + 2 * (bar_h + gap) + 18, f"Result: {state}.", size=14, weight="bold")
    return str(svg)


def weigh_in_chart(weigh: WeighIn, width: int = 560) -> str:
    """Percent body-mass loss on a scale with the 2 % limit and the approximate bands."""
    loss = max(weigh.loss_percent, 0.0)
    words = (
        "weight went up (drank more than sweated)"
        if weigh.gained_weight
        else f"{loss:.1f}% lost, {'over' if weigh.over_acsm_limit else 'within'} the "
        f"{weigh.acsm_limit_percent:g}% limit"
    )
    desc = (
        f"Body-mass change during exercise: {words}. Dashed lines: the "
        f"{weigh.acsm_limit_percent:g}% exercise limit (ACSM) and where WHO's dehydration "
        "classes start (approximate for adults; WHO's scheme is mainly for children)."
    )
    left, right, top, bar_h = 20, 20, 40, 30
    height = top + bar_h + 70
    svg = Svg(width, height, "Weight lost during exercise", desc)
    svg.text(8, 20, "Weight lost during exercise", size=16, weight="bold")
    axis_max = 12.0
    scale = (width - left - right) / axis_max
    svg.rect(left, top, axis_max * scale, bar_h, "#f2f2f2", stroke=GRID)
    colour = VERMILLION if weigh.over_acsm_limit else BLUE
    svg.rect(left, top, min(loss, axis_max) * scale, bar_h, colour)
    svg.text(left + 6, top + bar_h * 0.68, words, size=13, weight="bold", fill=INK)
    marks = [(weigh.acsm_limit_percent, f"{weigh.acsm_limit_percent:g}% limit")]
    marks += [
        (b.min_loss_percent, f"{b.band_id} {b.min_loss_percent:g}%")
        for b in facts.table(dehydration.SEVERITY)
        if b.min_loss_percent > 0  # the lowest class starts at no loss: no line to draw
    ]
    for i, (value, label) in enumerate(marks):
        x = left + value * scale
        svg.line(x, top - 6, x, top + bar_h + 6, stroke=INK, width=1.5, dash="5 3")
        svg.text(x, top + bar_h + 22 + 14 * (i % 2), label, size=12, anchor="middle")
    svg.text(left, height - 6, "Bands are approximate.", size=12)
    return str(svg)

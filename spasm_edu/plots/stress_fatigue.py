"""Stress and fatigue figure: hours slept each night against the recommendation."""

from __future__ import annotations

from spasm_edu.models.stress_fatigue import SleepWeek
from spasm_edu.plots import BLUE, INK, ORANGE, VERMILLION, Svg

STATUS_COLOUR = {"under": VERMILLION, "within": BLUE, "over": ORANGE}
STATUS_WORDS = {"under": "short", "within": "ok", "over": "long"}


def sleep_week_chart(week: SleepWeek, width: int = 560, height: int = 280) -> str:
    """Seven columns, each with its hours and a word (short / ok / long), and dashed lines for
    the recommended minimum (and maximum where one is published)."""
    rec = week.rec
    desc = (
        "Hours slept each night: "
        + ", ".join(f"{n.night} {n.hours:g} ({STATUS_WORDS[n.status]})" for n in week.nights)
        + f". Recommended: at least {rec.min_h:g} hours"
        + (f", at most {rec.max_h:g}" if rec.max_h is not None else "")
        + "."
    )
    left, right, top, bottom = 50, 110, 34, 50
    svg = Svg(width, height, "Sleep this week", desc)
    svg.text(8, 20, "Sleep this week", size=16, weight="bold")
    y_top = 12.0 if max(n.hours for n in week.nights) <= 12 else 16.0
    plot_h = height - top - bottom
    step = (width - left - right) / len(week.nights)

    def py(h: float) -> float:
        return height - bottom - h * plot_h / y_top

    for h in range(0, int(y_top) + 1, 4):
        svg.line(left, py(h), width - right, py(h), stroke="#e0e0e0", width=1)
        svg.text(left - 6, py(h) + 4, f"{h}", size=12, anchor="end")
    svg.text(left - 6, top - 6, "hours", size=12, anchor="end")
    for i, n in enumerate(week.nights):
        x = left + i * step + step * 0.15
        w = step * 0.7
        svg.rect(x, py(n.hours), w, n.hours * plot_h / y_top, STATUS_COLOUR[n.status])
        svg.text(x + w / 2, py(n.hours) - 4, f"{n.hours:g}", size=12, anchor="middle")
        svg.text(x + w / 2, height - bottom + 16, n.night, size=12, anchor="middle")
        svg.text(x + w / 2, height - bottom + 32, STATUS_WORDS[n.status], size=12, anchor="middle")
    lines = [(rec.min_h, f"{rec.min_h:g} h minimum")]
    if rec.max_h is not None:
        lines.append((rec.max_h, f"{rec.max_h:g} h maximum"))
    for value, label in lines:
        svg.line(left, py(value), width - right, py(value), stroke=INK, width=2, dash="6 4")
        svg.text(width - right + 4, py(value) + 4, label, size=12, weight="bold")
    return str(svg)

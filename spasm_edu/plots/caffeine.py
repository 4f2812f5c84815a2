"""Caffeine figures: total against the limit, and the amount in the body over 24 hours."""

from __future__ import annotations

from spasm_edu.models.caffeine import CaffeineDay
from spasm_edu.plots import BLUE, VERMILLION, hbars, line_chart
from spasm_edu.text import clock


def total_vs_limit(day: CaffeineDay, width: int = 560) -> str:
    refs = []
    if day.limit and day.limit.mg_per_day:
        refs.append(("Limit", day.limit.mg_per_day))
    colour = VERMILLION if day.over_limit else BLUE
    state = "over the limit" if day.over_limit else "within the limit" if refs else "no limit set"
    desc = f"Caffeine per day: {day.total_mg:.0f} mg, {state}."
    if refs:
        desc += f" The limit is {refs[0][1]:.0f} mg."
    return hbars(
        [(f"Your day ({state})", day.total_mg, colour)],
        "mg",
        "Caffeine per day",
        desc,
        references=refs,
        width=width,
    )


def in_body_over_day(day: CaffeineDay) -> str:
    start = day.curve_h[0]
    ticks = [(start + k, clock(start + k)) for k in range(0, 25, 6)]
    desc = (
        f"Caffeine in the body from {clock(start)} for 24 hours. Highest about "
        f"{day.peak_mg:.0f} mg. At bedtime, {clock(day.bedtime_h)}, about "
        f"{day.at_bedtime_mg:.0f} mg."
    )
    return line_chart(
        day.curve_h,
        day.curve_mg,
        "Caffeine in your body",
        desc,
        "mg",
        x_ticks=ticks,
        markers=[(day.bedtime_h, f"Bedtime: {day.at_bedtime_mg:.0f} mg")],
    )


HANDOUT_WIDTH = 400  # drawn at this size in print, its words are about 10 pt


def handout_picture(day: CaffeineDay) -> str:
    """Caffeine per day against the limit, for the take-home handout (same bar as the screen)."""
    return total_vs_limit(day, width=HANDOUT_WIDTH)

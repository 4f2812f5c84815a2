"""Caffeine figures: total against the limit, and the amount in the body over 24 hours."""

from __future__ import annotations

from spasm_edu.models.caffeine import CaffeineDay
from spasm_edu.plots import BLUE, INK, VERMILLION, Svg, hbars, line_chart
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


MAX_CUPS_DRAWN = 10


def cups_to_keep(day: CaffeineDay, width: int = HANDOUT_WIDTH) -> str:
    """The patient's main drink as a row of cups: a tick on each cup that keeps the day under
    the limit, a cross on each cup over it (the key action: which cups to skip). '' when there
    is no limit or no drink, or too many cups to draw."""
    from spasm_edu.models import caffeine
    from spasm_edu.text.caffeine import servings_words

    drink = caffeine.main_drink(day)
    if drink is None or day.limit is None or not day.limit.mg_per_day:
        return ""
    keep = caffeine.servings_under_limit(day.limit.mg_per_day, drink.drink_id)
    now = int(drink.count)
    drawn = max(now, keep)
    if drawn == 0 or drawn > MAX_CUPS_DRAWN:
        return ""
    limit = f"{day.limit.mg_per_day:,g} mg"
    drink_words = servings_words(2, drink.drink_id).split(" of ", 1)[1]
    title = f"Your {drink_words} a day: keep {keep}"
    desc = (
        f"Now: {servings_words(now, drink.drink_id)} a day, about {day.total_mg:.0f} mg. "
        f"Have {keep} or fewer: that stays under the limit of {limit}. A tick marks each cup "
        "to keep, a cross each cup to skip."
    )
    step = 56
    cup_w, cup_h, top = step * 0.62, 34, 30
    svg = Svg(max(int(16 + drawn * step), 220), top + cup_h + 8, title, desc)
    svg.text(8, 20, title, size=16, weight="bold")
    for i in range(drawn):
        x = 8 + i * step
        ok = i < keep
        fill = BLUE if i < now else "#ffffff"
        svg.rect(x, top, cup_w, cup_h, fill, stroke=INK, stroke_width="2")
        # the handle
        svg.parts.append(
            f'<path d="M{x + cup_w:.1f},{top + 10:.1f} q{step * 0.3:.1f},4 0,{cup_h - 22:.1f}" '
            f'fill="none" stroke="{INK}" stroke-width="3"/>'
        )
        cx, cy = x + cup_w / 2, top + cup_h / 2
        if ok:  # a tick on the cup
            svg.polyline(
                [(cx - 8, cy), (cx - 2, cy + 6), (cx + 9, cy - 7)],
                stroke="#ffffff" if i < now else INK,
                width=4,
            )
        else:  # a cross over the cup
            for dx in (-1, 1):
                svg.line(cx - 14 * dx, cy - 13, cx + 14 * dx, cy + 13, stroke=VERMILLION, width=5)
    return str(svg)


def handout_picture(day: CaffeineDay) -> str:
    """For the take-home handout: the cups to keep and the cups to skip (the action), or the
    caffeine bar against the limit when the cups cannot be drawn."""
    return cups_to_keep(day) or total_vs_limit(day, width=HANDOUT_WIDTH)

"""Pregnancy figures: the belly-muscle gap over time (Sperstad 2016), caffeine against the
limit (reused from the caffeine plots) and drinks and potassium against the daily need."""

from __future__ import annotations

from spasm_edu.models.pregnancy import Stage
from spasm_edu.plots import BLUE, GRID, INK, ORANGE, SKY, VERMILLION, Svg, hbars
from spasm_edu.plots import caffeine as caffeine_plots


def gap_over_time(s: Stage, width: int = 560, height: int = 280) -> str:
    """Share of first-time mothers with a belly gap at the four measured times.

    The times are spaced evenly and labelled (the study measured only these four); each point
    carries its value in words, and the point nearest the chosen stage is ringed and labelled.
    """
    points = s.gap_points
    left, right, top, bottom = 60, 30, 40, 56
    svg = Svg(
        width,
        height,
        "Belly muscle gap in first-time mothers",
        "Share of 300 first-time mothers with a belly muscle gap (Sperstad 2016): "
        + "; ".join(f"{p.label}, {p.percent:g} percent" for p in points)
        + "."
        + (
            f" Nearest measured time to your stage: {s.nearest_gap.label}."
            if s.nearest_gap
            else " Not measured before 21 weeks of pregnancy."
        ),
    )
    svg.text(8, 22, "Belly muscle gap in first-time mothers", size=16, weight="bold")
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(i):
        return left + plot_w * (i + 0.5) / len(points)

    def py(pct):
        return top + plot_h * (1 - pct / 100)

    for pct in (0, 50, 100):
        svg.line(left, py(pct), width - right, py(pct), stroke=GRID, width=1)
        svg.text(left - 6, py(pct) + 4, f"{pct}%", size=12, anchor="end")
    birth_x = (px(0) + px(1)) / 2
    svg.line(birth_x, top, birth_x, height - bottom, stroke=INK, width=1.5, dash="4 4")
    svg.text(birth_x, top - 4, "Birth", size=12, anchor="middle", weight="bold")
    svg.polyline([(px(i), py(p.percent)) for i, p in enumerate(points)], stroke=BLUE)
    for i, p in enumerate(points):
        here = s.nearest_gap is not None and p.point_id == s.nearest_gap.point_id
        svg.parts.append(
            f'<circle cx="{px(i):.1f}" cy="{py(p.percent):.1f}" r="{9 if here else 5}" '
            f'fill="{VERMILLION if here else BLUE}" stroke="{INK}" stroke-width="1"/>'
        )
        svg.text(
            px(i), py(p.percent) - 14, f"{p.percent:g}%", size=13, anchor="middle", weight="bold"
        )
        label = p.label.replace(" after birth", "").replace(" pregnant", " preg.")
        svg.text(px(i), height - bottom + 18, label, size=12, anchor="middle")
        if here:
            svg.text(
                px(i),
                height - bottom + 36,
                "nearest to you",
                size=12,
                anchor="middle",
                weight="bold",
            )
    return str(svg)


def needs_bars(s: Stage) -> str:
    """Drinks (mL) and, when given, potassium (mg) against the day's need, each in words."""
    need_ml = s.needs.drinks_l_per_day * 1000
    state = "enough" if s.drinks_short_l == 0 else "less than the need"
    out = hbars(
        [(f"Your drinks ({state})", s.drinks_l * 1000, SKY if s.drinks_short_l == 0 else ORANGE)],
        "mL",
        "Drinks today",
        f"Drinks today {s.drinks_l * 1000:.0f} mL, {state}. "
        f"Need from drinks about {need_ml:.0f} mL.",
        references=[("Need", need_ml)],
    )
    if s.potassium_mg is not None:
        k_state = "enough" if not s.potassium_short_mg else "less than the need"
        out += hbars(
            [
                (
                    f"Potassium ({k_state})",
                    s.potassium_mg,
                    SKY if not s.potassium_short_mg else ORANGE,
                )
            ],
            "mg",
            "Potassium today",
            f"Potassium today {s.potassium_mg:.0f} mg, {k_state}. "
            f"Need about {s.needs.potassium_mg_per_day:.0f} mg.",
            references=[("Need", s.needs.potassium_mg_per_day)],
        )
    return out


def caffeine_bar(s: Stage) -> str:
    return caffeine_plots.total_vs_limit(s.caffeine_day)

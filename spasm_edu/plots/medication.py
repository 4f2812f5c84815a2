"""Medication figure: Garrison 2012 adjusted sequence ratios by class, against 1.0 (no signal).

The classes a person ticked are marked in words ("you ticked this"), not by colour alone, and
the not-significant result says so on its bar.
"""

from __future__ import annotations

from spasm_edu.models.medication import MedicationReview
from spasm_edu.plots import BLUE, GRID, INK, ORANGE, SKY, Svg

LEFT, RIGHT, TOP, BAR_H, GAP = 230, 150, 44, 30, 12
AXIS_MAX = 3.0


def ratio_chart(review: MedicationReview, width: int = 640) -> str:
    """Horizontal bars of the adjusted sequence ratio per class with a line at 1.0."""
    ratios = review.ratios
    ticked = {m.class_id for m in review.taking}
    height = TOP + len(ratios) * (BAR_H + GAP) + 40
    parts = []
    for e in ratios:
        sig = "significant" if e.significant else "not significant"
        you = ", you ticked one" if e.class_id in ticked else ""
        parts.append(f"{e.label} {e.value_low:.2f} ({sig}{you})")
    desc = (
        "Adjusted sequence ratio for leg cramp treatment after starting each class "
        "(Garrison 2012). 1.0 means no signal. " + "; ".join(parts) + "."
    )
    svg = Svg(width, height, "Link with leg cramps, by type of medicine", desc)
    svg.text(8, 20, "Link with leg cramps, by type of medicine", size=16, weight="bold")
    svg.text(8, 36, "Adjusted sequence ratio (Garrison 2012). 1.0 = no signal.", size=12)
    scale = (width - LEFT - RIGHT) / AXIS_MAX
    for i, e in enumerate(ratios):
        y = TOP + i * (BAR_H + GAP)
        mine = e.class_id in ticked
        colour = ORANGE if mine else (BLUE if e.significant else SKY)
        svg.text(
            LEFT - 8, y + BAR_H * 0.68, e.label, anchor="end", weight="bold" if mine else "normal"
        )
        pattern = {} if e.significant else {"fill_opacity": "0.55"}
        svg.rect(LEFT, y, e.value_low * scale, BAR_H, colour, **pattern)
        note = f"{e.value_low:.2f}" + ("" if e.significant else " (not significant)")
        if mine:
            note += " ← you ticked"
        svg.text(LEFT + e.value_low * scale + 6, y + BAR_H * 0.68, note, size=13, weight="bold")
    axis_y = TOP + len(ratios) * (BAR_H + GAP) - GAP / 2
    for tick in (0, 1, 2, 3):
        x = LEFT + tick * scale
        svg.line(x, axis_y, x, axis_y + 5, stroke=INK, width=1)
        svg.text(x, axis_y + 18, f"{tick}", size=12, anchor="middle")
    x1 = LEFT + 1.0 * scale
    svg.line(x1, TOP - 2, x1, axis_y, stroke=INK, width=2, dash="6 4")
    svg.text(x1 + 4, axis_y + 32, "1.0 = no signal", size=12)
    svg.line(LEFT, axis_y, width - RIGHT, axis_y, stroke=GRID, width=1)
    return str(svg)

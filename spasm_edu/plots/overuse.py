"""Overuse figure: the person's own minutes, with no limit line because none is published."""

from __future__ import annotations

from spasm_edu.models.overuse import OveruseCheck
from spasm_edu.plots import BLUE, ORANGE, hbars


def load_chart(result: OveruseCheck) -> str:
    """Bars for the minutes the person gave; a value not told (None) gets no bar, and with
    neither told there is no chart."""
    told = [
        (label, value, colour)
        for label, value, colour in (
            ("Exercise / work", result.exercise_min, BLUE),
            ("One position", result.hold_position_min, ORANGE),
        )
        if value is not None
    ]
    if not told:
        return ""
    parts = []
    if result.exercise_min is not None:
        parts.append(f"Exercise or hard work: {result.exercise_min:.0f} minutes.")
    if result.hold_position_min is not None:
        parts.append(f"Longest time in one position: {result.hold_position_min:.0f} minutes.")
    if result.breaks is not None:
        parts.append(f"Breaks: {result.breaks}.")
    desc = " ".join(parts) + " No limit line is drawn because no source publishes one."
    return hbars(told, "min", "Your day (no published limit to draw)", desc)

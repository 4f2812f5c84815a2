"""Overuse figure: the person's own minutes, with no limit line because none is published."""

from __future__ import annotations

from spasm_edu.models.overuse import OveruseCheck
from spasm_edu.plots import BLUE, ORANGE, hbars


def load_chart(result: OveruseCheck) -> str:
    desc = (
        f"Exercise or hard work: {result.exercise_min:.0f} minutes. Longest time in one "
        f"position: {result.hold_position_min:.0f} minutes. Breaks: {result.breaks}. "
        "No limit line is drawn because no source publishes one."
    )
    return hbars(
        [
            ("Exercise / work", result.exercise_min, BLUE),
            ("One position", result.hold_position_min, ORANGE),
        ],
        "min",
        "Your day (no published limit to draw)",
        desc,
    )

"""Overuse explorer: exercise or work load in → the person's inputs echoed back with the
sourced tips that apply, and the questions no source answers. No score, no invented limit."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import overuse
from spasm_edu.plots import overuse as plots
from spasm_edu.text import overuse as wording


class OveruseExplorer(Explorer):
    """Minutes, intensity, time in one position, breaks and yes/no habits → tips that apply.

    Patient mode leaves out the warm-up and stretching boxes (their tips then show whenever
    the person was active) and the student notes.
    """

    title = "Overuse"

    def __init__(self, mode: Mode = "student"):
        self.controls: dict[str, w.Widget] = {
            "exercise_min": slider("Exercise or hard work today (minutes)", 60, 0, 300, step=5),
            "intensity": w.Dropdown(
                options=[(words.capitalize(), key) for key, words in overuse.INTENSITIES.items()],
                value="moderate",
                description="How hard was it?",
            ),
            "hold_position_min": slider(
                "Longest time in one position (minutes)", 0, 0, 480, step=15
            ),
            "breaks": slider("Breaks taken (number)", 0, 0, 20),
            "more_than_usual": w.Checkbox(
                value=False, description="More than I usually do", indent=False
            ),
        }
        if mode == "student":
            self.controls["warmed_up"] = w.Checkbox(
                value=False, description="I warmed up first", indent=False
            )
            self.controls["stretched"] = w.Checkbox(
                value=False, description="I stretched before and after", indent=False
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        return overuse.load_check(
            values["exercise_min"],
            values["intensity"],
            values["hold_position_min"],
            values["breaks"],
            values.get("warmed_up", False),
            values.get("stretched", False),
            values["more_than_usual"],
        )

    def render(self, result: overuse.OveruseCheck) -> None:
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        self.figure.value = plots.load_chart(result)

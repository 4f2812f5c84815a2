"""Overuse explorer: exercise or work load in → the person's inputs echoed back with the
sourced tips that apply, and the questions no source answers. No score, no invented limit."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu.explorers._ask import (
    MINUTES,
    Answers,
    ask,
    ask_number,
    capped_minutes,
    minutes_words,
    with_note,
)
from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import overuse
from spasm_edu.plots import overuse as plots
from spasm_edu.text import overuse as wording

CAPPED = capped_minutes(overuse.MAX_MIN)  # "12 hours or more" is counted as 12 hours


class OveruseExplorer(Answers, Explorer):
    """Minutes, intensity, time in one position, breaks and yes/no habits → tips that apply.

    Patient mode leaves out the warm-up and stretching boxes (their tips then show whenever
    the person was active) and the student notes; its questions start on "Choose…" and only
    what was answered is echoed or used for a tip. Student mode starts from a class example.
    """

    title = "Overuse"

    def __init__(self, mode: Mode = "student"):
        if mode == "patient":
            self.controls: dict[str, w.Widget] = {
                "exercise_min": ask_number("Exercise or hard work today", MINUTES, minutes_words),
                "intensity": ask(
                    "How hard was it?",
                    [(words.capitalize(), key) for key, words in overuse.INTENSITIES.items()],
                ),
                "hold_position_min": ask_number(
                    "Longest time in one position", MINUTES, minutes_words
                ),
                "breaks": ask_number("Breaks taken (number)", range(0, 21)),
                "more_than_usual": w.Checkbox(
                    value=False, description="More than I usually do", indent=False
                ),
            }
            self.summary = w.HTML()
            self.figure = w.HTML()
            super().__init__(mode)
            return
        self.controls = {
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
        figure = plots.load_chart(result)
        if self.figure.value != figure:
            self.figure.value = figure

    def layout_controls(self) -> list[w.Widget]:
        if self.mode == "student":
            return list(self.controls.values())
        minutes = ("exercise_min", "hold_position_min")
        return [with_note(c, CAPPED) if name in minutes else c for name, c in self.controls.items()]

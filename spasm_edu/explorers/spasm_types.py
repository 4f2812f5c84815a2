"""Spasm types explorer: a body-region picker and a body map -> the spasm types found there,
how common each is, when to see a doctor, and links to the cause notebooks."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import spasm_types
from spasm_edu.plots import spasm_types as plots
from spasm_edu.text import spasm_types as wording


class SpasmTypesExplorer(Explorer):
    """Pick a body region (buttons); student mode adds a muscle-type filter."""

    title = "What is a spasm?"

    def __init__(self, mode: Mode = "student"):
        regions = sorted(facts.table(spasm_types.REGIONS), key=lambda r: r.order)
        self.controls = {
            "region_id": w.ToggleButtons(
                options=[(r.label, r.region_id) for r in regions],
                value="legs",
                description="Body part",
                tooltips=[f"Show spasms in the {r.label.lower()}" for r in regions],
            )
        }
        if mode == "student":
            self.controls["muscle_kind"] = w.Dropdown(
                options=[
                    ("All muscles", "all"),
                    ("Muscles you move (skeletal)", "skeletal"),
                    ("Muscles inside organs (smooth)", "smooth"),
                ],
                value="all",
                description="Muscle type",
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        return spasm_types.region(values["region_id"], values.get("muscle_kind", "all"))

    def render(self, result: spasm_types.RegionView) -> None:
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        self.figure.value = plots.body_map(result)

"""Spasm types explorer: a body-region picker and a body map -> the spasm types found there,
how common each is, when to see a doctor, and links to the cause notebooks."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import Answers, ask_buttons
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import spasm_types
from spasm_edu.plots import spasm_types as plots
from spasm_edu.text import spasm_types as wording


class SpasmTypesExplorer(Answers, Explorer):
    """Pick a body region (buttons); student mode adds a muscle-type filter.

    Patient mode starts with no body part picked (nothing is shown as where the patient's
    spasms are until they pick one); student mode starts on the legs.
    """

    title = "What is a spasm?"

    def __init__(self, mode: Mode = "student"):
        regions = sorted(facts.table(spasm_types.REGIONS), key=lambda r: r.order)
        options = [(r.label, r.region_id) for r in regions]
        tips = [f"Show spasms in the {r.label.lower()}" for r in regions]
        if mode == "patient":
            self.controls = {"region_id": ask_buttons("Body part", options, tooltips=tips)}
        else:
            self.controls = {
                "region_id": w.ToggleButtons(
                    options=options, value="legs", description="Body part", tooltips=tips
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
        if values["region_id"] is None:
            return None  # patient mode: no body part picked yet
        return spasm_types.region(values["region_id"], values.get("muscle_kind", "all"))

    def render(self, result: spasm_types.RegionView | None) -> None:
        if result is None:
            self.summary.value = wording.no_region_summary()
            self.figure.value = ""
            return
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        self.figure.value = plots.body_map(result)

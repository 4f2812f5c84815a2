"""Medication explorer: search by brand or generic name, tick what you take, and read how
each one can cause cramps or twitching, with the evidence and the prescriber reminder."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import Answers
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import medication
from spasm_edu.plots import medication as plots
from spasm_edu.text import medication as wording

TAKE = "take:"


class MedicationExplorer(Answers, Explorer):
    """A search box and one tick box per medicine → plain explanations and the evidence chart.

    Before a search, the tick boxes show the common medicines; a search shows every match
    (brand, generic, other or class name, part of a word is enough). Ticked medicines stay
    visible. Student mode adds a filter by class and the table of mechanism and evidence.
    Nothing starts as an answer (an empty search, no box ticked), so nothing needs gating.
    """

    title = "Medicines"

    def __init__(self, mode: Mode = "student"):
        self.controls = {
            "query": w.Text(
                value="",
                placeholder="for example Sudafed or water pill",
                description="Search a medicine (brand or generic name)",
                continuous_update=True,
                layout=w.Layout(width="min(100%, 560px)"),
            )
        }
        if mode == "student":
            classes = facts.table(medication.CLASSES)
            self.controls["class_id"] = w.Dropdown(
                options=[("All types", None)] + [(c.label, c.class_id) for c in classes],
                value=None,
                description="Type of medicine",
            )
        self.meds = medication.medicines()
        for med in self.meds:
            self.controls[TAKE + med.drug_id] = w.Checkbox(
                value=False,
                description=f"I take {med.display_name}",
                indent=False,
                layout=w.Layout(width="auto"),
            )
        self.list_label = w.HTML("<p><strong>Tick what you take:</strong></p>")
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        taking = [k[len(TAKE) :] for k, v in values.items() if k.startswith(TAKE) and v]
        return medication.review(values["query"], taking, values.get("class_id"))

    def visible_ids(self, result: medication.MedicationReview) -> set[str]:
        """Tick boxes to show: ticked ones, matches, or the common ones before any search."""
        shown = {m.drug_id for m in result.taking} | {h.medicine.drug_id for h in result.matches}
        if not medication.normalise(result.query) and result.class_id is None:
            shown |= {m.drug_id for m in self.meds if m.common}
        return shown

    def render(self, result: medication.MedicationReview) -> None:
        shown = self.visible_ids(result)
        for med in self.meds:
            layout = self.controls[TAKE + med.drug_id].layout
            display = None if med.drug_id in shown else "none"
            if layout.display != display:
                layout.display = display
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        figure = plots.ratio_chart(result)
        if self.figure.value != figure:
            self.figure.value = figure

    def layout_controls(self) -> list[w.Widget]:
        top = [c for k, c in self.controls.items() if not k.startswith(TAKE)]
        boxes = [c for k, c in self.controls.items() if k.startswith(TAKE)]
        return top + [self.list_label, w.VBox(boxes)]

    def friendly_error(self, exc: ValueError) -> str:
        if getattr(exc, "name", "") == "query":
            return "That is too long for a medicine name. Please type a shorter name."
        return str(exc)

"""Spine explorer: pick a condition -> diagram and plain explanation; tick back-pain warning
signs -> the level of care each one needs (in words and colour)."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import Answers, NoneOfThese, ask_buttons
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import spine
from spasm_edu.plots import spine as plots
from spasm_edu.text import spine as wording

NONE = "no_flags"  # patient mode: "None of these signs fit me" (not a red-flag finding)


class SpineExplorer(NoneOfThese, Answers, Explorer):
    """A condition picker and a red-flag checklist (one checkbox per sign).

    Both modes show every warning sign (they matter to patients); patient mode drops the
    student details. In patient mode no condition is picked until the patient or nurse picks
    one ("Learn about"), and the summary then explains it without calling it the patient's
    diagnosis; an empty checklist is not read as "no signs" until "None of these signs fit
    me" is ticked.
    """

    none_key = NONE
    none_prefix = "flag:"

    title = "Back and spine problems"
    findings_table = ("spine_red_flags.csv", "flag:")

    def __init__(self, mode: Mode = "student"):
        conditions = facts.table(spine.CONDITIONS)
        options = [(c.plain_name, c.condition_id) for c in conditions]
        if mode == "patient":
            self.controls = {
                "condition_id": ask_buttons(
                    "Learn about", options, tooltips=[c.name for c in conditions]
                )
            }
        else:
            self.controls = {
                "condition_id": w.ToggleButtons(
                    options=options,
                    value="herniated_disc",
                    description="Condition",
                    tooltips=[c.name for c in conditions],
                )
            }
        for f in facts.table(spine.FLAGS):
            self.controls[f"flag:{f.flag_id}"] = w.Checkbox(
                value=False,
                description=f.sign,
                indent=False,
                layout=w.Layout(width="auto"),
            )
        if mode == "patient":
            self.controls[NONE] = w.Checkbox(
                value=False,
                description="None of these signs fit me",
                indent=False,
                layout=w.Layout(width="auto"),
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        flags = [k.split(":", 1)[1] for k, v in values.items() if k.startswith("flag:") and v]
        return spine.view(values["condition_id"], flags)

    def render(self, result: spine.SpineView) -> None:
        if self.mode == "patient":
            self.summary.value = wording.patient_summary(result, self.controls[NONE].value)
        else:
            self.summary.value = wording.student_summary(result)
        diagram = plots.diagram(result) if result.condition else ""
        figure = diagram + plots.flag_chips(result)
        if self.figure.value != figure:
            self.figure.value = figure

    def layout_controls(self) -> list[w.Widget]:
        flags = [c for k, c in self.controls.items() if k.startswith("flag:")]
        return [
            self.controls["condition_id"],
            w.HTML("<p><strong>Tick any warning sign you have with back pain:</strong></p>"),
            *flags,
            *([self.controls[NONE]] if NONE in self.controls else []),
        ]

"""Spine explorer: pick a condition -> diagram and plain explanation; tick back-pain warning
signs -> the level of care each one needs (in words and colour)."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import spine
from spasm_edu.plots import spine as plots
from spasm_edu.text import spine as wording


class SpineExplorer(Explorer):
    """A condition picker and a red-flag checklist (one checkbox per sign).

    Both modes show every warning sign (they matter to patients); patient mode drops the
    student details.
    """

    title = "Back and spine problems"
    findings_table = ("spine_red_flags.csv", "flag:")

    def __init__(self, mode: Mode = "student"):
        conditions = facts.table(spine.CONDITIONS)
        self.controls = {
            "condition_id": w.ToggleButtons(
                options=[(c.plain_name, c.condition_id) for c in conditions],
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
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        flags = [k.split(":", 1)[1] for k, v in values.items() if k.startswith("flag:") and v]
        return spine.view(values["condition_id"], flags)

    def render(self, result: spine.SpineView) -> None:
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        self.figure.value = plots.diagram(result) + plots.flag_chips(result)

    def layout_controls(self) -> list[w.Widget]:
        flags = [c for k, c in self.controls.items() if k.startswith("flag:")]
        return [
            self.controls["condition_id"],
            w.HTML("<p><strong>Tick any warning sign you have with back pain:</strong></p>"),
            *flags,
        ]

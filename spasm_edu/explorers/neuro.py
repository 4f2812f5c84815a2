"""Rare neurological causes explorer: a "which features" checklist that explains each ticked
feature and the care it needs (no diagnosis, no score), and examples to read about."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import Answers, NoneOfThese
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import neuro
from spasm_edu.plots import neuro as plots
from spasm_edu.text import neuro as wording

NONE = "no_features"  # patient mode: "None of these fit me" (not a red-flag finding)


class NeuroExplorer(NoneOfThese, Answers, Explorer):
    """One checkbox per feature, a "came on suddenly" box and (student mode) an example picker.

    Patient mode shows only the checklist: the example conditions are for students. An empty
    checklist is not read as "none of these" (no reassurance is given) until the patient ticks
    "None of these fit me"; that box and the features untick each other (one answer).
    """

    none_key = NONE
    none_prefix = "feature:"

    title = "Rare nerve and brain conditions"
    findings_table = ("neuro_features.csv", "feature:")

    def __init__(self, mode: Mode = "student"):
        self.controls = {
            f"feature:{f.feature_id}": w.Checkbox(
                value=False, description=f.label, indent=False, layout=w.Layout(width="auto")
            )
            for f in facts.table(neuro.FEATURES)
        }
        self.controls["sudden"] = w.Checkbox(
            value=False,
            description="It came on suddenly (over hours or a day or two)",
            indent=False,
            layout=w.Layout(width="auto"),
        )
        if mode == "patient":
            self.controls[NONE] = w.Checkbox(
                value=False,
                description="None of these fit me",
                indent=False,
                layout=w.Layout(width="auto"),
            )
        if mode == "student":
            self.controls["example"] = w.Dropdown(
                options=[(c.name, c.condition_id) for c in facts.table(neuro.CONDITIONS)],
                value="stiff_person",
                description="Read about an example",
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        features = [k.split(":", 1)[1] for k, v in values.items() if k.startswith("feature:") and v]
        return neuro.check_features(features, values["sudden"], values.get("example"))

    def render(self, result: neuro.NeuroCheck) -> None:
        if self.mode == "patient":
            self.summary.value = wording.patient_summary(result, self.controls[NONE].value)
        else:
            self.summary.value = wording.student_summary(result)
        self.figure.value = plots.feature_chips(result)

    def layout_controls(self) -> list[w.Widget]:
        boxes = [c for k, c in self.controls.items() if k.startswith("feature:")]
        out = [w.HTML("<p><strong>Tick what you notice with your spasms:</strong></p>"), *boxes]
        out.append(self.controls["sudden"])
        if NONE in self.controls:
            out.append(self.controls[NONE])
        if "example" in self.controls:
            out.append(self.controls["example"])
        return out

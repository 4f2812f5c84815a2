"""Triage explorer: tick the red-flag questions that apply -> a level badge (colour and word),
what to do now, and the reasons with their sources. Updates on every tick."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import triage
from spasm_edu.plots import triage as plots
from spasm_edu.text import esc
from spasm_edu.text import triage as wording


class TriageExplorer(Explorer):
    """A checklist of red-flag questions, grouped, with the urgency level and its reasons.

    Both modes ask every question (leaving a red flag out of the patient view would be unsafe);
    patient mode drops the student detail (rule ids, level basis, source ids) and uses the
    larger patient font. ``controls`` maps finding id -> Checkbox.
    """

    title = "When to see a doctor"

    def __init__(self, mode: Mode = "student"):
        self.groups = triage.questions()
        self.controls = {
            fid: w.Checkbox(
                value=False,
                description=question,
                indent=False,
                layout=w.Layout(width="auto"),
            )
            for group in self.groups.values()
            for fid, question in group
        }
        self.clear_button = w.Button(
            description="Clear all ticks",
            tooltip="Untick every box and start again",
            icon="undo",
        )
        self.clear_button.on_click(lambda _b: self.clear())
        self.badge = w.HTML()
        self.top = w.HTML()  # patient mode: the result again, above the questions
        self.top.add_class("spasm-triage-top")
        self.summary = w.HTML()
        self.figure = w.HTML()
        self.figure.add_class("spasm-ladder")
        self._holding = False
        super().__init__(mode)

    def compute(self, **values):
        return triage.assess([fid for fid, ticked in values.items() if ticked])

    def render(self, result: triage.Assessment) -> None:
        self.badge.value = plots.badge(result.level)
        if self.mode == "patient":
            self.top.value = wording.top_of_list(result, plots.badge(result.level))
            self.summary.value = wording.patient_summary(result)
        else:
            self.summary.value = wording.student_summary(result)
        self.figure.value = plots.ladder(result)

    def tick(self, *finding_ids: str) -> triage.Assessment:
        """Tick boxes by finding id (for tests and the patient session); returns the result."""
        triage._validated(finding_ids)
        for fid in finding_ids:
            self.controls[fid].value = True
        return self.result

    def clear(self) -> None:
        """Untick every box (one update at the end, not one per box)."""
        self._holding = True
        try:
            for control in self.controls.values():
                control.value = False
        finally:
            self._holding = False
        self.update()

    def _on_change(self, _change=None) -> None:
        if not self._holding:
            self.update()

    def layout_controls(self) -> list[w.Widget]:
        parts: list[w.Widget] = [
            w.HTML("<p><strong>Tick every box that is true for you.</strong></p>")
        ]
        for group, items in self.groups.items():
            if not items:
                continue
            boxes = [self.controls[fid] for fid, _ in items]
            parts.append(
                w.VBox(
                    [w.HTML(f"<h3>{esc(wording.GROUP_LABELS[group])}</h3>"), *boxes],
                    layout=w.Layout(border="1px solid #cccccc", padding="4px 12px", margin="4px 0"),
                )
            )
        parts.append(self.clear_button)
        return parts

    @property
    def widget(self) -> w.Box:
        if self._widget is None:
            box = super().widget
            # result first on a narrow screen would hide the questions; keep badge above summary
            children = list(box.children)
            children.insert(children.index(self.summary), self.badge)
            if self.mode == "patient":  # ~50 questions: show the result on top too (no scrolling)
                children.insert(1, self.top)
            box.children = tuple(children)
        return self._widget

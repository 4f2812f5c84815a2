"""Triage explorer: tick the red-flag questions that apply -> a level badge (colour and word),
what to do now, and the reasons with their sources. Updates on every tick."""

from __future__ import annotations

import ipywidgets as w
from ipywidgets.widgets.widget_bool import CheckboxStyle

from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import triage
from spasm_edu.plots import triage as plots
from spasm_edu.text import esc
from spasm_edu.text import triage as wording

PAGE_SIZE = 7
"""At most this many questions on one page of the patient's red-flag step."""


def patient_pages(groups: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[str, tuple]]:
    """The patient's pages of questions: ``{page key: (group, finding ids)}`` in order.

    Every finding that is an emergency on its own goes on the first pages ("Signs that need
    help right away"), whatever its group, so no emergency question is ever skipped; the other
    findings follow by group. A group longer than ``PAGE_SIZE`` is cut into pages (what_else_1,
    what_else_2, ...)."""
    emergency = set(triage.emergency_findings())
    items: dict[str, list[str]] = {"act_now": []}
    for group, questions in groups.items():
        for fid, _ in questions:
            target = "act_now" if fid in emergency else group
            items.setdefault(target, []).append(fid)
    pages: dict[str, tuple[str, tuple]] = {}
    for group in groups:
        fids = items.get(group, [])
        chunks = [fids[i : i + PAGE_SIZE] for i in range(0, len(fids), PAGE_SIZE)]
        for n, chunk in enumerate(chunks, start=1):
            key = group if len(chunks) == 1 else f"{group}_{n}"
            pages[key] = (group, tuple(chunk))
    return pages


class TriageExplorer(Explorer):
    """A checklist of red-flag questions, grouped, with the urgency level and its reasons.

    Student mode shows every question on one page with the result below. Patient mode asks one
    group at a time ("Questions 2 of 5"): the emergency questions first, then only the groups
    that fit the picked ``causes`` (:func:`spasm_edu.models.triage.groups_for`), each with a
    "None of these" box. No level is shown until every group asked has an answer (a tick or
    "None of these"), except an emergency, which shows at once. ``controls`` maps finding id ->
    Checkbox; ``none_boxes`` maps group -> its "None of these" box.
    """

    title = "When to see a doctor"

    def __init__(self, mode: Mode = "student", causes: tuple[str, ...] | list[str] = ()):
        self.causes = tuple(causes)
        self.groups = triage.questions()
        # one layout and one style for every box: ~90 boxes, and each of their own would be
        # two more widget models for the kernel to send and the browser to make
        box_layout, box_style = w.Layout(width="auto"), CheckboxStyle()
        self.controls = {
            fid: w.Checkbox(
                value=False,
                description=question,
                indent=False,
                layout=box_layout,
                style=box_style,
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
        self.pages = patient_pages(self.groups)  # page key -> (group, finding ids)
        self.none_boxes = {
            key: w.Checkbox(
                value=False,
                description=wording.NONE_OF_THESE,
                indent=False,
                layout=box_layout,
                style=box_style,
            )
            for key in self.pages
        }
        for key, box in self.none_boxes.items():
            box.observe(lambda change, k=key: self._on_none(k, change), names="value")
        self.page = 0
        self.asked: tuple[str, ...] = ()
        self._headings: dict[str, w.HTML] = {}
        self.page_progress = w.HTML()
        self.page_box = w.VBox()
        self.prev_button = w.Button(description=wording.PREVIOUS_QUESTIONS, icon="arrow-left")
        self.next_button = w.Button(description=wording.NEXT_QUESTIONS, icon="arrow-right")
        self.prev_button.on_click(lambda _b: self.show_page(self.page - 1))
        self.next_button.on_click(lambda _b: self.show_page(self.page + 1))
        self.badge = w.HTML()
        self.top = w.HTML()  # patient mode: the result again, above the questions
        self.top.add_class("spasm-triage-top")
        self.summary = w.HTML()
        self.figure = w.HTML()
        self.figure.add_class("spasm-ladder")
        self._holding = False
        super().__init__(mode)

    def compute(self, **values):
        return triage.assess([fid for fid, ticked in values.items() if ticked], self.causes)

    # -- which questions, and are they answered -------------------------------------------
    def set_causes(self, causes) -> None:
        """The causes the patient picked: which groups are asked and which signs to watch."""
        self.causes = tuple(causes)
        self.update()

    def groups_asked(self) -> tuple[str, ...]:
        """Pages of questions asked in patient mode, in order (every page in student mode):
        the emergency questions first for everyone, then the groups that fit."""
        if self.mode != "patient":
            return tuple(self.pages)
        ticked = [fid for fid, box in self.controls.items() if box.value]
        groups = set(triage.groups_for(self.causes, ticked))
        return tuple(
            key
            for key, (group, _) in self.pages.items()
            if group in groups and self.questions_on(key)
        )

    def questions_on(self, page: str) -> tuple[str, ...]:
        """The finding ids a page asks. Patient mode leaves out a question that only one cause
        lists (``shown_for``) at the "see a doctor soon" level when that cause is not picked
        (an eyelid twitch for a back patient); every urgent and emergency question stays, and so
        does every question that is part of an urgent or emergency rule
        (:func:`~spasm_edu.models.triage.rule_findings`: "trouble walking" with a back spasm
        and a fever, "a new medicine" with stiff muscles all over). With no cause picked
        nothing is left out: the tool cannot tell which signs fit (a parent with a limping
        child picks none, and "a child who limps" is a "see a doctor" sign)."""
        fids = self.pages[page][1]
        if self.mode != "patient":
            return fids
        flags = triage.engine().flags
        picked = set(self.causes)
        in_rules = triage.rule_findings()

        def fits(fid: str) -> bool:
            row = flags[fid]
            targets = set(row.shown_for.split(";")) if row.shown_for else {"all"}
            low = triage.Level[row.level] <= triage.Level.see_doctor
            return (
                not low
                or fid in in_rules
                or not picked
                or "all" in targets
                or bool(targets & picked)
                or self.controls[fid].value
            )

        return tuple(fid for fid in fids if fits(fid))

    def answered(self, page: str) -> bool:
        """A page is answered when a box on it is ticked or "None of these" is."""
        return self.none_boxes[page].value or any(
            self.controls[fid].value for fid in self.pages[page][1]
        )

    @property
    def complete(self) -> bool:
        """Every page asked has an answer. Student mode needs no answers to show a level."""
        return self.mode != "patient" or all(self.answered(k) for k in self.groups_asked())

    @property
    def shows_level(self) -> bool:
        """A level is shown once all is answered, or at once for an emergency."""
        return self.result is not None and (
            self.complete or self.result.level == triage.Level.emergency
        )

    def _on_none(self, page: str, change) -> None:
        if self._holding:
            return
        if change["new"]:  # "None of these" unticks the page's boxes: one answer, not two
            self._holding = True
            try:
                for fid in self.pages[page][1]:
                    self.controls[fid].value = False
            finally:
                self._holding = False
        self.update()

    def _on_change(self, change=None) -> None:
        if self._holding:
            return
        if change is not None and change.get("new"):
            owner = change.get("owner")
            for key, (_, fids) in self.pages.items():
                if any(self.controls[fid] is owner for fid in fids):
                    self._holding = True
                    try:
                        self.none_boxes[key].value = False
                    finally:
                        self._holding = False
        self.update()

    def render(self, result: triage.Assessment) -> None:
        self.badge.value = plots.badge(result.level)
        if self.mode == "patient":
            self._render_patient(result)
        else:
            self.summary.value = wording.student_summary(result)
        self.figure.value = plots.ladder(result)

    def _render_patient(self, result: triage.Assessment) -> None:
        if getattr(self, "page_box", None) is not None:
            self._refresh_page()
        if self.shows_level:
            self.top.value = wording.top_of_list(result, plots.badge(result.level))
            self.summary.value = wording.patient_summary(result)
            self.badge.layout.display = None
            self.figure.layout.display = None
        else:
            left = [g for g in self.groups_asked() if not self.answered(g)]
            self.top.value = wording.not_answered_yet(len(left), len(self.groups_asked()))
            self.summary.value = ""
            self.badge.layout.display = "none"
            self.figure.layout.display = "none"

    # -- one group at a time (patient mode) ------------------------------------------------
    def show_page(self, page: int) -> None:
        """Show question group ``page`` (clamped to the groups asked)."""
        self.asked = self.groups_asked()
        self.page = max(0, min(len(self.asked) - 1, int(page)))
        self._refresh_page()

    def _refresh_page(self) -> None:
        self.asked = self.groups_asked()
        if not self.asked:
            return
        self.page = max(0, min(len(self.asked) - 1, self.page))
        key = self.asked[self.page]
        group = self.pages[key][0]
        boxes = [self.controls[fid] for fid in self.questions_on(key)]
        if key not in self._headings:
            self._headings[key] = w.HTML(f"<h3>{esc(wording.GROUP_LABELS[group])}</h3>")
        children = (self._headings[key], *boxes, self.none_boxes[key])
        if tuple(self.page_box.children) != children:
            self.page_box.children = children
        # the "Questions 2 of 5" line changes after the new page's boxes are in place, so what it
        # announces (and what a test waits for) is the page on screen, never the one before
        self.page_progress.value = wording.page_progress(
            self.page + 1, len(self.asked), self.answered(key)
        )
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= len(self.asked) - 1

    def tick(self, *finding_ids: str) -> triage.Assessment:
        """Tick boxes by finding id (for tests and the patient session); returns the result."""
        triage._validated(finding_ids)
        for fid in finding_ids:
            self.controls[fid].value = True
        return self.result

    def clear(self) -> None:
        """Untick every box and every "None of these" (one update at the end)."""
        self._holding = True
        try:
            for control in [*self.controls.values(), *self.none_boxes.values()]:
                control.value = False
        finally:
            self._holding = False
        self.page = 0
        self.update()

    def layout_controls(self) -> list[w.Widget]:
        if self.mode == "patient":
            self.show_page(self.page)
            nav = w.HBox([self.prev_button, self.next_button])
            panel = w.VBox(
                [self.page_progress, self.page_box, nav],
                layout=w.Layout(border="1px solid #cccccc", padding="4px 12px", margin="4px 0"),
            )
            return [w.HTML(f"<p><strong>{esc(wording.TICK_WHAT_IS_TRUE)}</strong></p>"), panel]
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

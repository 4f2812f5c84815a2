"""The code-free patient session (served by Voila: ``make present``).

A nurse and a patient walk five steps with Back and Next:

1. what a muscle spasm is;
2. "what might be behind yours?" — tick the causes that may fit (from ``data/causes.csv``);
3. one short explorer per picked cause, in patient mode (a cause with no explorer yet shows its
   plain summary and the practical steps only);
4. the red-flag questions from the triage engine (``spasm_edu.explorers.triage``, patient mode);
5. a summary, with a button that makes the take-home handout and one that saves it.

Explorers are found by cause id: ``spasm_edu/explorers/<cause_id>.py`` with one Explorer
subclass. In the session, slider controls are shown as labelled number boxes (with − and +
buttons) or drop-down lists: a screen reader can name them, a keyboard can change them, and
they are easy to hit on a tablet. A "Large text and high contrast" switch sits at the top.
Every colour signal is also written in words.

Drive it in plain pytest: tick ``session.cause_boxes[id].value``, ``session.go(n)``, set
``session.explorers[id].controls[...]``, ``session.tick_red_flag(id)``, then check
``session.handout_data()`` or ``session.make_handout()``.
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from dataclasses import replace
from pathlib import Path

import ipywidgets as w

from spasm_edu import causes as cause_registry
from spasm_edu import facts, handout
from spasm_edu.explorers.base import STYLE as EXPLORER_STYLE
from spasm_edu.explorers.base import Explorer, NumberBox
from spasm_edu.explorers.triage import TriageExplorer
from spasm_edu.models import triage
from spasm_edu.teach_back import TeachBack
from spasm_edu.text import esc, levels
from spasm_edu.text import handout as handout_text
from spasm_edu.text import session as wording
from spasm_edu.text import triage as triage_wording
from spasm_edu.text import warning as text_warning
from spasm_edu.text.handout import complete_result

# the night-cramp sign (data/red_flags.csv) and the sleep explorer's box for it: off the
# handout of a patient whose spasms are not night cramps (a twitch), unless pregnancy lists it
NIGHT_CRAMP_FLAG = "disturbs_sleep"
NIGHT_CRAMP_BOX = "symptom:night_cramps"
NIGHT_CRAMP_CAUSES = frozenset({"pregnancy"})
log = logging.getLogger(__name__)

N_STEPS = len(wording.STEP_TITLES)
WIDE = "min(100%, 560px)"

SESSION_STYLE = """<style>
.spasm-session {font-size: 21px; line-height: 1.5; max-width: 1100px; margin: 0 auto;
  padding: 8px 16px; color: #1a1a1a; background: #fff;}
.spasm-session .widget-html-content, .spasm-session .widget-html
  {font-size: inherit !important; line-height: inherit !important;}
.spasm-session h1 {font-size: 1.7em; margin: 0.2em 0;}
.spasm-session h2 {font-size: 1.35em; margin: 0.6em 0 0.2em;}
.spasm-session .widget-label, .spasm-session .widget-label-basic, .spasm-session input,
.spasm-session select, .spasm-session button, .spasm-session .widget-readout
  {font-size: 20px !important;}
.spasm-session .widget-checkbox, .spasm-session .widget-inline-hbox {height: auto !important;
  min-height: 36px;}
.spasm-session .widget-checkbox input {width: 26px; height: 26px; flex: none; margin: 0;}
.spasm-session .widget-label-basic {display: flex; align-items: center; gap: 10px;}
.spasm-session .widget-checkbox {width: auto !important; max-width: 100%;}
.spasm-session .widget-label-basic span {white-space: normal; overflow: visible;}
.spasm-session input[type="number"] {min-width: 4.5em;}
.spasm-session input, .spasm-session select {height: 42px !important;}
.spasm-session .widget-text, .spasm-session .widget-dropdown {width: auto;}
.spasm-session .jupyter-button, .spasm-session .widget-button {height: auto !important;
  min-height: 44px; padding: 6px 18px; border-radius: 6px; width: auto !important;
  max-width: 100%;}
.spasm-btn {background: #0072B2 !important; color: #fff !important; font-weight: bold;}
.spasm-btn-quiet {background: #f2f2f2 !important; color: #1a1a1a !important;
  border: 2px solid #1a1a1a !important;}
.spasm-session button:disabled {opacity: 0.55;}
.spasm-session :focus-visible, .spasm-session button:focus, .spasm-session input:focus,
.spasm-session select:focus {outline: 4px solid #1a1a1a !important; outline-offset: 2px;
  box-shadow: 0 0 0 7px #F0E442 !important;}
.spasm-step {font-weight: bold; color: #1a1a1a;}
.spasm-cause-card {border: 2px solid #767676; border-radius: 8px; padding: 8px 14px;
  margin: 8px 0;}
.spasm-cause-summary {margin: 0 0 0 34px; font-size: 0.9em;}
.spasm-nav {gap: 16px; margin-top: 18px; flex-wrap: wrap;}
.spasm-topbar {justify-content: space-between; flex-wrap: wrap; gap: 8px;
  border-bottom: 2px solid #1a1a1a; margin-bottom: 6px;}
.spasm-level {border: 3px solid #1a1a1a; border-left-width: 16px; padding: 6px 12px;
  font-size: 1.15em; background: #fff;}
/* the ladder's words are 14-16 px in a 560-wide drawing: drawn 840 px wide they are 21-24 px */
.spasm-session .spasm-ladder svg {max-width: 840px !important;}
.spasm-session.spasm-hc .spasm-ladder svg {max-width: 1080px !important;}
.spasm-triage-top {border: 3px solid #1a1a1a; border-radius: 8px; padding: 4px 14px;
  margin: 6px 0 10px;}
.spasm-preview {border: 3px dashed #1a1a1a; padding: 4px 18px; margin-top: 12px;}
.spasm-session.spasm-hc {font-size: 27px; background: #fff !important; color: #000 !important;}
body .spasm-session.spasm-hc .widget-label, body .spasm-session.spasm-hc .widget-label-basic,
.spasm-session.spasm-hc input, .spasm-session.spasm-hc select, .spasm-session.spasm-hc button,
body .spasm-session.spasm-hc .widget-readout, body .spasm-session.spasm-hc .spasm-explorer
  {font-size: 26px !important; color: #000 !important;}
body .spasm-session.spasm-hc .spasm-btn, body .spasm-session.spasm-hc .spasm-btn-quiet
  {background: #000 !important; color: #fff !important; border: 3px solid #000 !important;}
.spasm-session.spasm-hc input, .spasm-session.spasm-hc select
  {border: 3px solid #000 !important; height: 52px !important;}
.spasm-hc .spasm-cause-card {border: 3px solid #000;}
.spasm-hc .spasm-student, .spasm-hc .spasm-warning {background: #fff !important;
  border-color: #000 !important;}
@media (max-width: 800px) {.spasm-session {font-size: 19px; padding: 4px 6px;}
  .spasm-session .widget-inline-hbox {flex-wrap: wrap;}
  .spasm-session .widget-label {min-width: 0 !important; white-space: normal;}}
</style>"""


# -- explorers and controls ---------------------------------------------------------------------
def explorer_class(cause_id: str) -> type[Explorer] | None:
    """The Explorer subclass in ``spasm_edu/explorers/<cause_id>.py``, or None if there is none
    yet (or it fails to import: the session then shows the cause's summary and tips only).
    The module is the cause's ``explorer`` in :data:`spasm_edu.causes.REGISTRY`."""
    spec = cause_registry.REGISTRY.get(cause_id)
    if spec is None or spec.explorer is None:
        return None
    try:
        return spec.explorer_class()
    except ModuleNotFoundError as exc:
        if exc.name == spec.explorer:
            return None
        log.warning("explorer %s could not be imported", spec.explorer, exc_info=True)
        return None
    except Exception:
        log.warning("explorer %s could not be imported", spec.explorer, exc_info=True)
        return None


def _number_box(control: w.Widget) -> NumberBox:
    """A labelled box to type a number in, with − and + buttons, kept in step with a slider
    (see :class:`NumberBox`: what is typed is checked and a limit used is said beside it)."""
    box = NumberBox(control.description, control.value, control.min, control.max, control.step)
    w.link((control, "value"), (box, "value"))
    box.stand_in_for = control  # for tests
    control.spasm_number_box = box  # for the handout: a typed number the box capped
    return box


def _drop_down(control: w.SelectionSlider) -> w.Dropdown:
    """A labelled drop-down list kept in step with a selection slider."""
    menu = w.Dropdown(
        options=list(zip(control._options_labels, control._options_values, strict=True)),
        value=control.value,
        description=control.description,
        style={"description_width": "initial"},
        layout=w.Layout(width=WIDE),
    )
    w.link((control, "value"), (menu, "value"))
    return menu


def patient_control(control: w.Widget) -> w.Widget:
    """The widget shown in the session for an explorer control.

    Sliders become named, keyboard- and touch-friendly inputs linked to the original control,
    so the explorer still sees every change; boxes are walked; anything else is shown as is.
    """
    if isinstance(control, w.IntSlider | w.FloatSlider):
        return _number_box(control)
    if isinstance(control, w.SelectionSlider):
        return _drop_down(control)
    if isinstance(control, w.Box):
        control.children = tuple(patient_control(c) for c in control.children)
    return control


def value_in_words(control: w.Widget) -> str:
    """A control's current value as a person reads it (the option label, Yes/No, a number)."""
    value = control.value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    box = getattr(control, "spasm_number_box", None)
    if box is not None and box.capped_from is not None:
        shown, words = box.format(value), "most" if value == box.hi else "least"
        return f"{shown} (you typed {box.capped_from}; {shown} is the {words} it counts)"
    label = getattr(control, "label", None)
    if isinstance(label, str):
        return label
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# -- triage ----------------------------------------------------------------------------------------
def triage_notes(result: triage.Assessment, complete: bool = True) -> handout.TriageNotes:
    """The triage engine's assessment in the handout's terms: level in words, what to do, why.

    ``complete`` False (not every group of questions answered): no level is reported as the
    patient's, unless what was ticked is already an emergency."""
    raised = [r for r in result.reasons if r.level > triage.Level.self_care]
    if not complete and result.level < triage.Level.emergency:
        return handout.TriageNotes(
            level="unknown",
            label=wording.TRIAGE_NOT_FINISHED_LABEL,
            what_to_do=wording.TRIAGE_NOT_FINISHED,
            reasons=tuple(dict.fromkeys(r.why for r in raised)),
            source_ids=tuple(result.source_ids),
        )
    return handout.TriageNotes(
        level=result.level.name,
        label=triage.level_row(result.level).badge,
        what_to_do=result.advice,
        reasons=tuple(dict.fromkeys(r.why for r in raised)),
        source_ids=tuple(result.source_ids),
        if_worse=triage_wording.emergency_signs(result),
        if_worse_heading=triage_wording.emergency_heading(),
    )


def handout_picture(cause_id: str, result) -> str:
    """The handout's picture for a cause (an inline SVG from ``spasm_edu.plots.<cause>``'s
    ``handout_picture``), or '' when it has none or the result is missing."""
    if result is None:
        return ""
    try:
        module = cause_registry.get(cause_id).module("plots")
        make = getattr(module, "handout_picture", None)
        full = complete_result(result)
        if type(full).__name__ == "Intake":  # the bar needs a whole day (times told too)
            full = full.day
        svg = make(full) if make is not None and full is not None else ""
    except Exception:
        log.warning("the handout picture for %s failed", cause_id, exc_info=True)
        return ""
    # the same ids on every render, so two handouts of the same answers are the same page
    return re.sub(r"spasm-svg-\d+", f"spasm-handout-{cause_id}", svg)


# The warning signs written out in the package, for when the red-flag data cannot be read.
FALLBACK_SIGNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (wording.FALLBACK_EMERGENCY_HEADING, wording.FALLBACK_EMERGENCY_SIGNS),
    (wording.FALLBACK_URGENT_HEADING, wording.FALLBACK_URGENT_SIGNS),
)


def signs_html(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """'Heading:' and a list of signs, per group."""
    parts = []
    for heading, lines in groups:
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        parts.append(f"<p><strong>{esc(heading)}:</strong></p><ul>{items}</ul>")
    return "".join(parts)


def fallback_signs_html() -> str:
    """The written-out warning signs (they depend on no data file)."""
    return signs_html(FALLBACK_SIGNS)


# -- the session ----------------------------------------------------------------------------------
def _close_all(widget: w.Widget) -> None:
    """Close a widget and everything inside it."""
    for child in getattr(widget, "children", ()):
        _close_all(child)
    widget.close()


def _button(description: str, tooltip: str, quiet: bool = False) -> w.Button:
    button = w.Button(description=description, tooltip=tooltip, layout=w.Layout(width="auto"))
    button.add_class("spasm-btn-quiet" if quiet else "spasm-btn")
    return button


class PatientSession:
    """The five-step session. ``widget`` is what Voila shows; see the module docstring."""

    def __init__(self, handout_folder: Path | None = None):
        self.handout_folder = handout_folder
        self.data_error: str | None = None  # set when the session's data cannot be read
        try:
            self.causes = {cid: spec.row for cid, spec in cause_registry.all_causes().items()}
            self.tips = facts.table("self_care_tips.csv")
        except Exception as exc:  # a plain page with the warning signs, never Voila's error
            log.exception("the patient session's data did not load")
            self.causes, self.tips, self.data_error = {}, (), str(exc)
        self.step = 0
        self.explorers: dict[str, Explorer] = {}
        self.panels: dict[str, w.Widget] = {}
        self.update_ms: deque[float] = deque(maxlen=500)  # kernel time per control change
        self.triage: TriageExplorer | None = None
        self.defaults: dict[str, dict] = {}  # cause id -> control values when built
        # (cause id, control name) -> the link or observer that carries a step-3 tick to step 4
        self.flag_links: dict[tuple[str, str], object] = {}
        self._triage_panel: w.Widget | None = None
        self.saved: handout.SavedHandout | None = None
        self.teach_back = TeachBack()  # step 5: the nurse checks what the patient will do
        self._page: str | None = None

        self._cause_boxes: dict[str, w.Checkbox] | None = None  # built when first needed
        self.large_text = w.Checkbox(
            value=False,
            description="Large text and high contrast",
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.large_text.observe(self._on_large_text, names="value")
        self.progress = w.HTML()
        self.heading = w.HTML()
        # One container per step, each built once and then shown or hidden (display: none, so
        # a hidden step is out of reach for screen readers and the keyboard too): a step
        # change only switches which one shows, and the browser never rebuilds a step's views.
        self.pages = [w.VBox() for _ in range(N_STEPS)]
        for page in self.pages:
            page.add_class("spasm-step-page")
            page.layout.display = "none"
        self.steps_box = w.VBox()  # the pages built so far, in step order
        self._built: set[int] = set()  # steps whose page content is in place
        self._fixed: dict[str, w.Widget] = {}  # see _cached()
        # The next step's page is built after this one shows, not before: the page's script
        # (voila/templates/spasm/session.js) clicks this hidden button once the step is on
        # screen while it has the class "spasm-prefetch-due" (see prefetch()).
        self.prefetch_button = w.Button(description="Prepare the next step")
        self.prefetch_button.add_class("spasm-prefetch")
        self.prefetch_button.layout.display = "none"
        self.prefetch_button.on_click(lambda _b: self.prefetch())
        self.back_button = _button("Back", "Go back one step", quiet=True)
        self.next_button = _button("Next", "Go on to the next step")
        self.back_button.on_click(lambda _b: self.go(self.step - 1))
        self.next_button.on_click(lambda _b: self.go(self.step + 1))
        self.make_button = _button("Make the handout", "Show the take-home handout")
        self.save_button = _button("Save the handout", "Save the handout on this computer")
        self.make_button.on_click(lambda _b: self.make_handout())
        self.save_button.on_click(lambda _b: self._on_save())
        self.handout_status = w.HTML()
        self.preview = w.HTML()
        # "Start again for a new patient" asks once before it clears every answer
        self.new_patient_button = _button(
            "Start again for a new patient", "Clear every answer on this page", quiet=True
        )
        self.clear_yes = _button("Yes, clear every answer", "Clear every answer and go to step 1")
        self.clear_no = _button("No, go back", "Keep the answers", quiet=True)
        self.clear_question = w.HTML(f"<p><strong>{esc(wording.CLEAR_QUESTION)}</strong></p>")
        self.clear_row = w.VBox([self.clear_question, w.HBox([self.clear_yes, self.clear_no])])
        self.clear_row.add_class("spasm-nav")
        self.clear_row.layout.display = "none"
        self.new_patient_button.on_click(lambda _b: self._ask_to_clear(True))
        self.clear_no.on_click(lambda _b: self._ask_to_clear(False))
        self.clear_yes.on_click(lambda _b: self.start_again())

        top = w.HBox([self.progress, self.large_text])
        top.add_class("spasm-topbar")
        nav = w.HBox([self.back_button, self.next_button])
        nav.add_class("spasm-nav")
        self.widget = w.VBox(
            [
                w.HTML(EXPLORER_STYLE + SESSION_STYLE),
                top,
                self.heading,
                self.steps_box,
                nav,
                self.prefetch_button,
            ]
        )
        self.widget.add_class("spasm-session")
        self.go(0)

    # -- navigation ----------------------------------------------------------------------------
    @property
    def cause_boxes(self) -> dict[str, w.Checkbox]:
        """One checkbox per cause (data/causes.csv), built on first use to keep the first
        page light."""
        if self._cause_boxes is None:
            self._cause_boxes = {
                cid: w.Checkbox(
                    value=False, description=c.name, indent=False, layout=w.Layout(width="auto")
                )
                for cid, c in self.causes.items()
            }
            for cid, box in self._cause_boxes.items():  # build step 3 while the patient picks
                box.observe(lambda change, cid=cid: self._prebuild(cid, change), names="value")
        return self._cause_boxes

    def picked(self) -> list[str]:
        """The picked cause ids, in course order."""
        if self._cause_boxes is None:
            return []
        return [cid for cid, box in self._cause_boxes.items() if box.value]

    @property
    def body(self) -> w.VBox:
        """The shown step's page (the others are hidden)."""
        return self.pages[self.step]

    def go(self, step: int) -> None:
        """Show step ``step`` (0-4); out-of-range steps are clamped."""
        self.step = max(0, min(N_STEPS - 1, int(step)))
        if self.data_error is not None:
            self._show_data_failed()
            return
        self._fill(self.step)  # content first, then the step title
        for i, page in enumerate(self.pages):
            page.layout.display = None if i == self.step else "none"
        self.heading.value = f"<h1>{esc(wording.STEP_TITLES[self.step])}</h1>"
        self.progress.value = (
            f'<p class="spasm-step">Step {self.step + 1} of {N_STEPS}: '
            f"{esc(wording.STEP_TITLES[self.step])}</p>"
        )
        self.back_button.disabled = self.step == 0
        self.next_button.disabled = self.step == N_STEPS - 1
        self._prefetch_due(self.step + 1 < N_STEPS)

    def _prefetch_due(self, due: bool) -> None:
        if due:
            self.prefetch_button.add_class("spasm-prefetch-due")
        else:
            self.prefetch_button.remove_class("spasm-prefetch-due")

    def prefetch(self) -> None:
        """Build the next step's page, hidden, so Next only shows it. The page's script calls
        this (by the hidden prefetch button) once the current step is on screen."""
        self._prefetch_due(False)
        nxt = self.step + 1
        if self.data_error is not None or nxt >= N_STEPS:
            return
        try:
            self._fill(nxt)
        except Exception:  # Next builds it again (and shows plain words if that fails)
            log.warning("prebuilding step %s failed", nxt + 1, exc_info=True)
        if self.step == 1 and self.triage is None:
            # and the red-flag step's ~100 widgets, while the patient picks (not at step 1: many
            # pages opened at once would all build it while the others are still loading)
            try:
                self._ensure_triage()
            except Exception:  # step 4 tries again and shows the written-out signs if it fails
                log.warning("prebuilding the red-flag step failed", exc_info=True)

    def _fill(self, step: int) -> None:
        """Put step ``step``'s content in its page, attaching the page the first time. Steps 3
        to 5 follow the answers, so they are brought up to date every time; their widgets are
        kept, so only what changed reaches the browser."""
        builders = (self._step_intro, self._step_pick, self._step_explore)
        builders += (self._step_triage, self._step_summary)
        if step not in self._built or step >= 2:
            children = tuple(builders[step]())
            if self.pages[step].children != children:
                self.pages[step].children = children
            self._built.add(step)
        if self.pages[step] not in self.steps_box.children:
            self.steps_box.children = tuple(p for p in self.pages if p.children)

    def _show_data_failed(self) -> None:
        for i, page in enumerate(self.pages):
            page.layout.display = None if i == self.step else "none"
        self.body.children = (w.HTML(f"<p>{esc(wording.DATA_FAILED)}</p>" + fallback_signs_html()),)
        self.steps_box.children = (self.body,)
        self.heading.value = f"<h1>{esc(wording.DATA_FAILED_TITLE)}</h1>"
        self.progress.value = ""
        self.back_button.disabled = self.next_button.disabled = True

    def _on_large_text(self, change) -> None:
        if change["new"]:
            self.widget.add_class("spasm-hc")
        else:
            self.widget.remove_class("spasm-hc")

    # -- steps -----------------------------------------------------------------------------------
    def _step_intro(self) -> tuple[w.Widget, ...]:
        text = "".join(f"<p>{esc(s)}</p>" for s in wording.WHAT_IS_A_SPASM)
        return (w.HTML(text),)

    def _step_pick(self) -> tuple[w.Widget, ...]:
        cards = []
        for cid, box in self.cause_boxes.items():
            card = w.VBox(
                [box, w.HTML(f'<p class="spasm-cause-summary">{esc(self.causes[cid].summary)}</p>')]
            )
            card.add_class("spasm-cause-card")
            cards.append(card)
        return (w.HTML(f"<p>{esc(wording.PICK_CAUSES)}</p>"), *cards)

    def _tips_html(self, cause_id: str) -> str:
        tips = [t.tip for t in self.tips if t.cause_id == cause_id]
        if not tips:
            return ""
        items = "".join(f"<li>{esc(t)}</li>" for t in tips)
        return f"<p><strong>{esc(wording.TIPS_HEADING)}:</strong></p><ul>{items}</ul>"

    def _prebuild(self, cause_id: str, change) -> None:
        """A ticked cause's step-3 panel is built at once and put in step 3's hidden page (an
        unticked one taken out), so the browser draws it while the patient picks and Next to
        step 3 only shows it."""
        if self.step == 1:
            try:
                if change["new"]:
                    self.panel_for(cause_id)
                self._fill(2)
            except Exception:  # step 3 builds it again and shows plain words if it fails
                log.warning("prebuilding %s failed", cause_id, exc_info=True)

    def explorer_for(self, cause_id: str) -> Explorer | None:
        """The patient-mode explorer for a cause (built once), or None if there is none."""
        if cause_id not in self.explorers:
            cls = explorer_class(cause_id)
            if cls is None:
                return None
            try:
                explorer = cls(mode="patient")
            except Exception:
                log.warning("explorer for %s failed to start", cause_id, exc_info=True)
                return None
            self._time_updates(explorer)
            self.explorers[cause_id] = explorer
            self.defaults[cause_id] = explorer.values()  # untouched = not answered
            if self.triage is not None:
                self._link_flags_safely(cause_id, explorer)
        return self.explorers[cause_id]

    def _link_flags(self, cause_id: str, explorer: Explorer) -> None:
        """A red flag ticked in step 3 is never lost in step 4.

        A box that is one triage finding (``flag:<finding_id>``) and the triage box for it
        become one answer (two-way link; if either is ticked when they meet, both end up
        ticked). A box that means several findings together (``Explorer.triage_findings``,
        e.g. the spine's "back pain with a fever" = back_spasm + fever) ticks all of them in
        step 4 when it is ticked.
        """
        if self.triage is None:
            return
        for name, box in explorer.controls.items():
            findings = explorer.triage_findings(name)
            if not findings or (cause_id, name) in self.flag_links:
                continue
            if any(f not in self.triage.controls for f in findings):
                continue  # not a triage finding (tests check that data-declared ones all are)
            if findings == (name.removeprefix("flag:"),):
                answer = self.triage.controls[findings[0]]
                if box.value and not answer.value:
                    answer.value = True
                self.flag_links[(cause_id, name)] = w.link((answer, "value"), (box, "value"))
                continue

            def tick_all(change, findings=findings):
                if change["new"]:
                    self.triage.tick(*findings)

            box.observe(tick_all, names="value")
            self.flag_links[(cause_id, name)] = tick_all
            if box.value:
                self.triage.tick(*findings)

    def _time_updates(self, explorer: Explorer) -> None:
        update = explorer.update

        def timed_update() -> None:
            start = time.perf_counter()
            update()
            self.update_ms.append((time.perf_counter() - start) * 1000)

        explorer.update = timed_update  # the base class's observers call self.update()

    def panel_for(self, cause_id: str) -> w.Widget:
        if cause_id not in self.panels:
            cause = self.causes[cause_id]
            explorer = self.explorer_for(cause_id)
            parts: list[w.Widget] = [
                w.HTML(f"<h2>{esc(cause.name)}</h2><p>{esc(cause.summary)}</p>")
            ]
            if explorer is None:
                parts.append(w.HTML(f"<p>{esc(wording.NO_EXPLORER)}</p>"))
            else:
                parts.append(patient_control(explorer.widget))
            parts.append(w.HTML(self._tips_html(cause_id)))
            panel = w.VBox(parts)
            panel.add_class("spasm-explorer")
            panel.add_class("spasm-patient")
            panel.add_class("spasm-cause-card")
            self.panels[cause_id] = panel
        return self.panels[cause_id]

    def _step_explore(self) -> tuple[w.Widget, ...]:
        picked = self.picked()
        if not picked:
            return (self._cached("no_causes", lambda: w.HTML(f"<p>{esc(wording.NO_CAUSES)}</p>")),)
        return tuple(self.panel_for(cid) for cid in picked)

    def _cached(self, name: str, make) -> w.Widget:
        """A step's fixed widget, made once (a step's page is refreshed, never rebuilt)."""
        if name not in self._fixed:
            self._fixed[name] = make()
        return self._fixed[name]

    def _ensure_triage(self) -> TriageExplorer:
        if self.triage is None:
            self.triage = TriageExplorer(mode="patient", causes=self.picked())
            self._time_updates(self.triage)
            for cause_id, explorer in self.explorers.items():
                self._link_flags_safely(cause_id, explorer)
        return self.triage

    def _link_flags_safely(self, cause_id: str, explorer: Explorer) -> None:
        """Link a cause's red-flag boxes to step 4; a cause whose own table cannot be read
        loses only its links (its boxes still work), never the red-flag questions."""
        try:
            self._link_flags(cause_id, explorer)
        except Exception:
            log.warning("red-flag links for %s failed", cause_id, exc_info=True)

    def _step_triage(self) -> tuple[w.Widget, ...]:
        if self.triage is not None:
            self.triage.set_causes(self.picked())  # the causes may have changed since
        if self._triage_panel is None:
            try:
                self._triage_panel = patient_control(self._ensure_triage().widget)
            except Exception:  # never a traceback, never hide the red flags: show the list
                log.exception("the triage explorer failed to start")
                failed = f"<p>{esc(wording.TRIAGE_FAILED)}</p>" + fallback_signs_html()
                return (self._cached("triage_failed", lambda: w.HTML(failed)),)
        lab = self._with_lab_result(handout.TriageNotes(level="self_care", label="", what_to_do=""))
        lab_html = self._cached("lab", w.HTML)
        lab_html.value = (
            f'<div class="spasm-triage-top" role="status"><p><strong>Your blood test.</strong> '
            f"{esc(lab.reasons[0])}</p><p><strong>{esc(lab.label)}.</strong> "
            f"{esc(lab.what_to_do)}</p></div>"
            if lab.level != "self_care"
            else ""
        )
        head = (
            self._cached("triage_head", lambda: w.HTML(f"<h2>{esc(wording.TRIAGE_HEADING)}</h2>")),
        )
        return head + ((lab_html,) if lab_html.value else ()) + (self._triage_panel,)

    def _doctor_list_html(self) -> str:
        return signs_html(self.doctor_list())

    def _step_summary(self) -> tuple[w.Widget, ...]:
        data = self.handout_data()
        lines = [handout.level_badge(data.triage.level, data.triage.label)]
        lines.append(f"<p>{esc(data.triage.what_to_do)}</p>")
        lines.append(handout.if_worse_html(data.triage))
        if data.causes:
            names = ", ".join(c.name for c in data.causes)
            lines.append(f"<p>You looked at: <strong>{esc(names)}</strong>.</p>")
        else:
            lines.append("<p>You did not pick any causes.</p>")
        self.handout_status.value = f"<p>{esc(wording.HANDOUT_NOT_SAVED)}</p>"
        self.preview.value = ""
        self.save_button.disabled = True
        self._page = None
        self.teach_back.refresh(data.triage, data.causes)  # prompts from this patient's result
        buttons = self._cached(
            "handout_buttons", lambda: w.HBox([self.make_button, self.save_button])
        )
        buttons.add_class("spasm-nav")
        self._ask_to_clear(False)
        again = self._cached("again", lambda: w.VBox([self.new_patient_button, self.clear_row]))
        again.add_class("spasm-nav")
        summary = self._cached("summary", w.HTML)
        summary.value = "".join(lines)
        return (
            summary,
            self.teach_back.widget,
            buttons,
            self.handout_status,
            self.preview,
            again,
        )

    # -- a new patient ---------------------------------------------------------------------
    def _ask_to_clear(self, ask: bool) -> None:
        self.clear_row.layout.display = None if ask else "none"
        self.new_patient_button.layout.display = "none" if ask else None

    def start_again(self) -> None:
        """Clear every answer for the next patient and go back to step 1: the picked causes,
        every explorer's values and ticks, the red-flag answers, the handout preview and the
        saved-file message. Saved handout files stay where they are; the large-text switch
        (a screen setting, not an answer) stays as it is."""
        old = [*self.panels.values(), *self.explorers.values()]
        if self.triage is not None:
            old.append(self.triage)
        if self._triage_panel is not None:
            old.append(self._triage_panel)
        for link in self.flag_links.values():
            if isinstance(link, w.link):
                link.unlink()
        for box in (self._cause_boxes or {}).values():
            box.value = False
        for step in (2, 3):  # their widgets are closed below; built again when needed
            self.pages[step].children = ()
            self._built.discard(step)
        self.steps_box.children = tuple(p for p in self.pages if p.children)
        self.explorers, self.panels, self.defaults, self.flag_links = {}, {}, {}, {}
        self.triage, self._triage_panel = None, None
        self.saved, self._page = None, None
        self.teach_back.clear()
        self.preview.value = ""
        self.handout_status.value = ""
        self._ask_to_clear(False)
        self.go(0)
        for thing in old:  # free the old widgets in the kernel and the page
            _close_all(thing.widget if isinstance(thing, Explorer) else thing)
            for control in getattr(thing, "controls", {}).values():
                _close_all(control)

    # -- red flags -------------------------------------------------------------------------------
    def red_flag_ids(self) -> list[str]:
        return list(self._ensure_triage().controls)

    def tick_red_flag(self, finding_id: str, value: bool = True) -> None:
        controls = self._ensure_triage().controls
        if finding_id not in controls:
            raise ValueError(
                f"finding_id must be one of {', '.join(controls)} (got {finding_id!r})"
            )
        controls[finding_id].value = value

    # -- handout ---------------------------------------------------------------------------------
    def cause_notes(self, cause_id: str) -> handout.CauseNotes:
        """One cause for the handout, built from the explorer's model result and the text layer
        (never the explorer's HTML): what the patient changed, 2-3 action lines, a picture."""
        cause = self.causes[cause_id]
        explorer = self.explorer_for(cause_id)
        values: tuple[tuple[str, str], ...] = ()
        result, sources = None, set(cause.source_ids)
        if explorer is not None:
            start = self.defaults.get(cause_id, {})
            # the explorer says which questions were answered (a default is not an answer);
            # explorers without answers(): only what differs from how it started
            given = explorer.answers() if hasattr(explorer, "answers") else None
            values = tuple(
                (c.description, value_in_words(c))
                for name, c in explorer.controls.items()
                if getattr(c, "description", "")
                and c.value is not None  # not answered
                and c.value is not False  # ticked boxes only
                and c.value is not None  # not answered
                and (
                    name in given
                    if given is not None
                    else (name not in start or c.value != start[name])
                )
            )
            result = getattr(explorer, "result", None)
        tips = [t for t in self.tips if t.cause_id == cause_id]
        many = len(self.picked()) >= 3
        actions = handout_text.cause_actions(
            cause_id,
            result,
            tips,
            answered=bool(values),
            back=self.back_patient(),
            most=handout_text.MAX_ACTIONS_MANY if many else handout_text.MAX_ACTIONS,
        )
        for a in actions:
            sources |= set(a.source_ids)
        return handout.CauseNotes(
            cause_id=cause_id,
            name=cause.name,
            summary=cause.summary,
            values=values,
            tips=tuple(t.tip for t in tips),
            source_ids=tuple(sorted(sources)),
            actions=actions,
            picture_svg=handout_picture(cause_id, result) if values else "",
            summary_source_ids=tuple(cause.source_ids),
        )

    def back_patient(self) -> bool:
        """A back cause was picked or a back spasm ticked: the handout then says "stay gently
        active" (NHS) and no line tells the patient to rest."""
        ticked = ()
        if self.triage is not None:
            ticked = [k for k, c in self.triage.controls.items() if c.value is True]
        return handout_text.is_back(self.picked(), ticked)

    def doctor_flags(self) -> tuple[triage.Flag, ...]:
        """The warning signs that fit this patient (:func:`spasm_edu.models.triage.handout_flags`:
        the emergency signs for everyone, then the picked causes' signs, what was shown on
        screen and what was ticked), each sign once at its highest level, highest level first."""
        ticked = ()
        if self.triage is not None:
            ticked = [k for k, c in self.triage.controls.items() if c.value is True]
        return triage.handout_flags(self.picked(), ticked)

    def doctor_list(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(heading, signs) by urgency, from the triage data; the written-out warning signs
        (:data:`FALLBACK_SIGNS`) when that data cannot be read."""
        try:
            flags = self.doctor_flags()
        except Exception:
            log.exception("the see-a-doctor list could not be read from the data")
            return FALLBACK_SIGNS
        out = []
        for level in levels.HIGHEST_FIRST:
            lines = tuple(f.sign for f in flags if f.level.name == level)
            if lines:
                out.append((levels.heading(level), lines))
        return tuple(out)

    def not_hers_dropped(self, doctor_list):
        """The see-a-doctor list for the handout without the night-cramp sign when it is not
        this patient's (PEMAT-P 2): she told the sleep explorer which spasms she has and night
        cramps are not among them, she did not tick it, and no other picked cause (pregnancy)
        lists it. The screen's list is unchanged; an emergency sign is never dropped."""
        picked = set(self.picked())
        explorer = self.explorers.get("stress_fatigue") if "stress_fatigue" in picked else None
        if explorer is None or picked & NIGHT_CRAMP_CAUSES or doctor_list is FALLBACK_SIGNS:
            return doctor_list
        boxes = {k: c.value for k, c in explorer.controls.items() if k.startswith("symptom:")}
        ticked = self.triage is not None and self.triage.controls.get(NIGHT_CRAMP_FLAG)
        if not any(v is True for v in boxes.values()) or boxes.get(NIGHT_CRAMP_BOX) is True:
            return doctor_list
        if ticked is not None and getattr(ticked, "value", None) is True:
            return doctor_list
        try:
            sign = triage.engine().flags[NIGHT_CRAMP_FLAG].sign
        except Exception:
            return doctor_list
        out = []
        for heading, signs in doctor_list:
            if heading == levels.heading("emergency"):
                out.append((heading, signs))
                continue
            kept = tuple(x for x in signs if x != sign)
            if kept:
                out.append((heading, kept))
        return tuple(out)

    def handout_data(self) -> handout.HandoutData:
        causes = tuple(self.cause_notes(cid) for cid in self.picked())
        try:
            answers = self._ensure_triage()
            answers.set_causes(self.picked())
            notes = triage_notes(answers.result, answers.complete)
        except Exception:
            log.exception("the triage result could not be read")
            notes = handout.TriageNotes(
                level="unknown", label=wording.TRIAGE_FAILED_LABEL, what_to_do=wording.TRIAGE_FAILED
            )
        notes = self._with_lab_result(notes)
        if notes.level == "self_care":  # advice that fits the causes (no "stretch" for a twitch)
            notes = handout.fit_self_care(notes, self.picked())
        if self.back_patient():
            notes = replace(notes, what_to_do=handout_text.without_rest(notes.what_to_do))
        sources = set(notes.source_ids)  # only what the handout shows (not step 1's text)
        for c in causes:
            sources |= set(c.source_ids)
        doctor_list = self.not_hers_dropped(self.doctor_list())
        sign_sources: set[str] = set()
        core: tuple[str, ...] = ()
        groups: tuple[tuple[str, str], ...] = ()
        own: tuple[str, ...] = ()
        if doctor_list is not FALLBACK_SIGNS:
            flags = self.doctor_flags()
            for flag in flags:
                sign_sources |= set(flag.source_ids)
            # "if it gets worse": the emergency signs of the handout's 911 box (the core list
            # and this patient's own), not every emergency sign shown for everyone
            kept = {f.sign for f in flags if f.level == triage.Level.emergency}
            notes = replace(notes, if_worse=tuple(s for s in notes.if_worse if s in kept))
            core_ids = set(triage.core_emergency_ids())
            core = tuple(f.sign for f in flags if f.id in core_ids)
            # each sign's question group (a rule's: its first finding's), for the 911 sub-lists
            rows = triage.engine().flags
            groups = tuple(
                (f.sign, rows[f.findings[0]].group) for f in flags if f.findings and f.sign
            )
            ticked = set()
            if self.triage is not None:
                ticked = {k for k, c in self.triage.controls.items() if c.value is True}
            own = tuple(f.sign for f in flags if f.kind == "finding" and f.id in ticked)
            # the "when to call 999" page the core list comes from counts among the signs'
            for row in facts.table(triage.CORE):
                sign_sources |= set(row.source_ids)
        return handout.HandoutData(
            causes=causes,
            triage=notes,
            doctor_list=doctor_list,
            source_ids=tuple(sorted(sources | sign_sources)),
            gone_over=self.teach_back.gone_over(),
            sign_source_ids=tuple(sorted(sign_sources)),
            core_signs=core,
            sign_groups=groups,
            own_signs=own,
        )

    def lab_urgency(self):
        """The care a blood test result needs (the electrolytes explorer's ``urgency``), or
        None when the patient gave no result or did not pick that cause."""
        if "electrolytes" not in self.picked() or "electrolytes" not in self.explorers:
            return None
        return getattr(self.explorers["electrolytes"], "urgency", None)

    def _with_lab_result(self, notes: handout.TriageNotes) -> handout.TriageNotes:
        """A blood result that needs more care than the red flags raises the handout's level:
        the red-flag questions cannot express "potassium 6.8", so both are read here."""
        u = self.lab_urgency()
        if u is None or u.lab is None:
            return notes
        levels = [x.name for x in triage.Level]
        current = levels.index(notes.level) if notes.level in levels else -1
        if u.level.value <= current or u.level <= triage.Level.self_care:
            return notes
        row = triage.level_row(u.level)
        what = row.what_to_do
        if u.level == triage.Level.urgent and u.emergency_if:
            what += f" {triage.level_row(triage.Level.emergency).heading} you {u.emergency_if}."
        name = u.lab.analyte.label.split(" (")[0].lower()
        why = f"Your {name} result is {u.lab.band.plain_label}."
        return handout.TriageNotes(
            level=u.level.name,
            label=row.badge,
            what_to_do=what,
            reasons=(why, *notes.reasons),
            source_ids=tuple(sorted({*notes.source_ids, *u.source_ids})),
            if_worse=notes.if_worse,
            if_worse_heading=notes.if_worse_heading,
        )

    def make_handout(self) -> str:
        """Build the handout page in memory and show it as a preview. Nothing is saved."""
        data = self.handout_data()
        self._page = handout.render(data)
        self.preview.value = f'<div class="spasm-preview">{handout.render_body(data)}</div>'
        self.handout_status.value = f"<p>{esc(wording.HANDOUT_READY)}</p>"
        self.save_button.disabled = False
        return self._page

    def save_handout(self) -> handout.SavedHandout | None:
        """Write the handout (HTML, and PDF when Chromium is present) to the handout folder as
        new files. Save is off while it saves and after (make the handout again for another
        copy). If it cannot be saved, the reason is shown beside the button and None returned.
        """
        page = self._page or self.make_handout()
        self.save_button.disabled = True
        self.handout_status.value = f"<p>{esc(wording.HANDOUT_SAVING)}</p>"
        try:
            self.saved = handout.save(page, self.handout_folder)
        except Exception as exc:  # never "Saving…" forever: say what happened
            log.warning("the handout could not be saved", exc_info=True)
            message = exc.message if isinstance(exc, handout.SaveError) else None
            self.handout_status.value = text_warning(message or wording.HANDOUT_SAVE_FAILED)
            self.save_button.disabled = False  # to try again once the folder is fixed
            return None
        names = [self.saved.html_path.name]
        if self.saved.pdf_path:
            names.append(self.saved.pdf_path.name)
        self.handout_status.value = (
            f"<p><strong>Saved</strong> in the folder {esc(str(self.saved.html_path.parent))}: "
            f"{esc(' and '.join(names))}. Open it to print it.</p>"
        )
        return self.saved

    def _on_save(self) -> None:
        if not self.save_button.disabled:  # a second click queued while saving does nothing
            self.save_handout()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

"""Patient-mode questions that start unanswered (issue 12: nothing is an answer until the
patient gives it).

A patient-mode question is a drop-down list or a row of buttons whose value is ``None`` until
the person picks something ("Choose…" is its first entry); a tick box is an answer only when
ticked. So ``Explorer.values()`` gives ``None`` for every question not answered yet, the models
take ``None`` as "not told", and the summaries speak only of what was answered.

:class:`Answers` (mixed into each cause's explorer) lists what was answered, for the session's
"What you told us" table. :func:`with_note` puts a short note beside a question, e.g. when a
choice stands for a range that is counted at its edge ("5 hours or more" counted as 5 hours).
The leading underscore keeps this helper out of ``discover.explorer_modules()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as w

from spasm_edu.explorers.base import CONTROL_WIDTH
from spasm_edu.text import esc

CHOOSE = "Choose…"  # the first entry of every patient question: not answered yet


def ask(description: str, options: Iterable[tuple[str, Any]]) -> w.Dropdown:
    """A labelled drop-down list that starts on "Choose…" (value None).

    "Choose…" stays shown whenever the value is None, also after ``value = None`` (which
    ipywidgets would otherwise show as an empty box)."""
    menu = w.Dropdown(
        options=[(CHOOSE, None), *options],
        index=0,
        description=description,
        style={"description_width": "initial"},
        layout=w.Layout(width=CONTROL_WIDTH),
    )

    def show_choose(change) -> None:
        if change["new"] is None:
            menu.index = 0  # the value stays None: "Choose…" is its entry

    menu.observe(show_choose, names="index")
    return menu


def ask_number(
    description: str,
    values: Sequence[float],
    words: Callable[[float], str] = lambda v: f"{v:g}",
) -> w.Dropdown:
    """A drop-down list of numbers (shown with ``words``) that starts on "Choose…"."""
    return ask(description, [(words(v), v) for v in values])


def ask_buttons(
    description: str, options: Iterable[tuple[str, Any]], tooltips: Sequence[str] = ()
) -> w.ToggleButtons:
    """A labelled row of buttons with none pressed (value None) until the person picks one."""
    extra = {"tooltips": list(tooltips)} if tooltips else {}
    return w.ToggleButtons(
        options=list(options),
        value=None,
        description=description,
        style={"description_width": "initial"},
        **extra,
    )


MINUTES = (0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 480, 600, 720)  # up to 12 h


def minutes_words(value: float, top: float = MINUTES[-1]) -> str:
    """'None', '45 minutes', '1 hour 30 minutes'; ``top`` reads '12 hours or more'."""
    if value == 0:
        return "None"
    h, m = divmod(int(value), 60)
    words = " ".join([f"{h} hour{'s' if h != 1 else ''}"] * bool(h) + [f"{m} minutes"] * bool(m))
    return words + (" or more" if value >= top else "")


def capped_minutes(top: float = MINUTES[-1]) -> dict[float, str]:
    """The note shown beside a minutes question when its top choice is picked."""
    return {top: f"Counted as {top / 60:g} hours, the most this check takes."}


YES_NO = (("Yes", "yes"), ("No", "no"))  # strings: a "No" is an answer, not an unticked box


def yes_no(value: str | None) -> bool | None:
    """A yes/no question's answer as True/False, or None when not answered yet."""
    return None if value is None else value == "yes"


def is_answer(value: Any) -> bool:
    """Whether a control's value is something the person gave: a choice (not "Choose…"),
    a ticked box, typed text."""
    return value is not None and value is not False and value != ""


def in_words(control: w.Widget) -> str:
    """A control's value as a person reads it (the option's label, Yes, a number, the text)."""
    value = control.value
    if value is True:
        return "Yes"
    label = getattr(control, "label", None)
    if isinstance(label, str):
        return label
    return f"{value:g}" if isinstance(value, float) else str(value)


class Answers:
    """What a person answered in an explorer (mixed into each cause's Explorer).

    In patient mode a question is answered once a choice is made, a box ticked or text typed;
    in student mode every control holds the class example, so all count.
    """

    controls: dict[str, w.Widget]
    mode: str

    def answers(self) -> dict[str, Any]:
        """Control name -> value, for every control answered (see the class docstring)."""
        return {
            name: c.value
            for name, c in self.controls.items()
            if self.mode == "student" or is_answer(c.value)
        }

    def answers_in_words(self) -> tuple[tuple[str, str], ...]:
        """(label, answer in words) for each answered control with a label, in control order:
        the rows of the handout's "What you told us"."""
        given = self.answers()
        return tuple(
            (c.description, in_words(c))
            for name, c in self.controls.items()
            if name in given and getattr(c, "description", "") and c.value is not False
        )

    def unanswered(self) -> tuple[str, ...]:
        """Names of the questions still on "Choose…" (or with no button pressed)."""
        return tuple(
            name
            for name, c in self.controls.items()
            if isinstance(c, w.widgets.widget_selection._Selection) and c.value is None
        )


def one_answer(controls: Mapping[str, w.Widget], none_key: str, prefix: str, change) -> None:
    """ "None of these" and the boxes it stands against are one answer, not two: ticking the
    ``none_key`` box unticks every box named ``prefix…``; ticking one of those unticks it. The
    caller guards against re-entry (the unticking fires change events of its own)."""
    owner = change["owner"]
    if owner is controls[none_key]:
        for name, box in controls.items():
            if name.startswith(prefix):
                box.value = False
    elif any(owner is c for k, c in controls.items() if k.startswith(prefix)):
        controls[none_key].value = False


class NoneOfThese:
    """Mixin for an explorer whose ``controls`` hold a "None of these" box (``none_key``) and the
    boxes named ``none_prefix…`` it stands against: one answer, not two (:func:`one_answer`),
    guarded against the change events the unticking fires, then one update."""

    none_key: str
    none_prefix: str
    _busy = False

    def _on_change(self, change=None) -> None:
        if self._busy:
            return
        if change is not None and self.none_key in self.controls and change["new"] is True:
            self._busy = True
            try:
                one_answer(self.controls, self.none_key, self.none_prefix, change)
            finally:
                self._busy = False
        self.update()


def with_note(control: w.Widget, notes: Mapping[Any, str] | Callable[[Any], str | None]) -> w.Box:
    """``control`` with a short note beside it while its value has one: ``notes`` maps values
    to notes, or is a function of the value (e.g. a choice counted at the edge of what the
    check covers). The note is announced by screen readers (``role="status"``)."""
    note = w.HTML(layout=w.Layout(margin="0 0 0 12px"))
    find = notes.get if isinstance(notes, Mapping) else notes

    def show(_change=None) -> None:
        words = None if control.value is None else find(control.value)
        note.value = f'<p class="spasm-note" role="status">{esc(words)}</p>' if words else ""

    control.observe(show, names="value")
    show()
    box = w.HBox([control, note], layout=w.Layout(align_items="center", flex_flow="row wrap"))
    box.note = note
    box.show_note = show
    return box

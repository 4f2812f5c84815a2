"""The shared explorer: controls -> pure model -> text and figure.

A subclass builds ``self.controls`` (a dict of labelled widgets) and implements
``compute(**values)`` (call the model, return its result) and ``render(result)`` (set
``self.summary.value`` and ``self.figure.value``). The base wires every control with
``observe``, runs ``update()`` once, and turns bad input into a kind message instead of a
traceback. Tests drive an explorer in plain pytest: set ``controls[name].value`` and assert on
``explorer.result`` and ``explorer.summary.value``.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from typing import Any, ClassVar, Literal

import ipywidgets as w
import traitlets

from spasm_edu import facts, text
from spasm_edu.plots import VERMILLION

log = logging.getLogger(__name__)

Mode = Literal["student", "patient"]

STYLE = """<style>
.spasm-explorer {font-size: 16px; line-height: 1.45; max-width: 980px;}
.spasm-explorer.spasm-patient {font-size: 21px;}
.spasm-explorer.spasm-patient .widget-label, .spasm-explorer.spasm-patient input,
.spasm-explorer.spasm-patient select, .spasm-explorer.spasm-patient .widget-readout
  {font-size: 19px !important;}
.spasm-explorer .widget-label {min-width: max-content;}
.spasm-student {border-left: 5px solid #0072B2; background: #eef5fb; padding: 4px 12px;
  margin: 10px 0;}
.spasm-warning {border-left: 5px solid WARNING_EDGE; background: #fff3e8; padding: 6px 12px;}
.spasm-disclaimer {font-size: 0.9em; color: #333;}
.spasm-explorer :focus-visible {outline: 3px solid #0072B2; outline-offset: 2px;}
.spasm-number {flex-flow: row wrap; align-items: center; gap: 4px 8px;}
.spasm-number .widget-text input {width: 6em; min-width: 4.5em;}
.spasm-number .widget-text {width: auto;}
.spasm-number-note {font-size: 0.9em; color: #333;}
.spasm-number-note .spasm-warning {margin: 0; padding: 2px 10px;}
</style>""".replace("WARNING_EDGE", VERMILLION)  # the palette's (spasm_edu/plots)


CONTROL_WIDTH = "min(100%, 560px)"
DATA_PROBLEM = "This part did not load. Please ask your nurse for help."
SOMETHING_WRONG = "Something went wrong with these numbers. Please ask your nurse for help."


def slider(
    description: str,
    value: float,
    lo: float,
    hi: float,
    step: float = 1,
    fmt: str | None = None,
) -> w.IntSlider | w.FloatSlider:
    """A labelled slider that updates when released, as wide as the page allows.

    Whole numbers give an IntSlider, anything else a FloatSlider (``fmt`` sets its readout,
    e.g. ``".1f"``). Put the unit in the description: "Drinks today (L)".
    """
    whole = all(isinstance(x, int) and not isinstance(x, bool) for x in (value, lo, hi, step))
    extra = {"readout_format": fmt} if fmt else {}
    return (w.IntSlider if whole else w.FloatSlider)(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        continuous_update=False,
        layout=w.Layout(width=CONTROL_WIDTH),
        **extra,
    )


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def _decimals(step: float) -> int:
    return max(0, -Decimal(str(step)).normalize().as_tuple().exponent)


class NumberBox(w.HBox):
    """A labelled box to type a number in, with − and + buttons and a note beside it.

    What is typed is checked, never quietly changed. ``2.5`` in a whole-number box is refused
    with a message (the last good number stays in use and the message says which); a number
    past the limits counts as the nearest limit and the note says so ("The most this box takes
    is 300, so we count 300."). ``value`` is the number in use (``w.link`` it to a slider);
    ``capped_from`` is what was typed when a limit was used instead, else None. The limits are
    always shown next to the box. Whole numbers when value, limits and step are all ints.
    """

    value = traitlets.Any()  # the number in use (int or float); the typed text is self.text

    def __init__(self, description: str, value: float, lo: float, hi: float, step: float = 1):
        self.whole = all(
            isinstance(x, int) and not isinstance(x, bool) for x in (value, lo, hi, step)
        )
        self.lo, self.hi, self.step = lo, hi, step
        self.description = description
        self.capped_from: str | None = None
        self._from_text = False
        self.text = w.Text(
            value=self.format(value),
            description=description,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.less = w.Button(description="−", tooltip=f"Less: {description}")
        self.more = w.Button(description="+", tooltip=f"More: {description}")
        for button in (self.less, self.more):
            button.add_class("spasm-btn-quiet")
            button.layout = w.Layout(width="auto", min_width="56px")
        self.note = w.HTML()
        self.note.add_class("spasm-number-note")
        super().__init__([self.text, self.less, self.more, self.note])
        self.add_class("spasm-number")
        self.add_class("spasm-number-whole" if self.whole else "spasm-number-decimal")
        self.value = value
        self._say(None)
        self.text.observe(self._on_text, names="value")
        self.observe(self._on_value, names="value")
        self.less.on_click(lambda _b: self.nudge(-1))
        self.more.on_click(lambda _b: self.nudge(+1))

    # -- words -------------------------------------------------------------------------
    def format(self, number: float) -> str:
        if self.whole:
            return str(int(number))
        return f"{round(float(number), max(_decimals(self.step), 2)):g}"

    @property
    def limits(self) -> str:
        kind = "A whole number" if self.whole else "A number"
        return f"{kind} from {self.format(self.lo)} to {self.format(self.hi)}"

    def _say(self, problem: str | None) -> None:
        hint = f"{self.limits}."
        self.note.value = text.warning(problem) if problem else f"<span>{text.esc(hint)}</span>"

    # -- checking what was typed ---------------------------------------------------------
    def check(self, typed: str) -> tuple[float | None, str | None]:
        """(number to use or None to keep the last one, message or None) for typed text."""
        raw = typed.strip()
        kept = f"We still count {self.format(self.value)}."
        if not _NUMBER.fullmatch(raw):
            if re.fullmatch(r"[+-]?\d*,\d+", raw) and not self.whole:
                return None, f"Use a point, not a comma: {raw.replace(',', '.')}. {kept}"
            return None, f"Type a number with digits only. {self.limits}. {kept}"
        number = Decimal(raw)
        if self.whole and number != number.to_integral_value():
            return None, f"This box takes whole numbers only, like 2 or 3 (not {raw}). {kept}"
        for limit, words in ((self.hi, "most"), (self.lo, "least")):
            beyond = (
                number > Decimal(str(limit)) if words == "most" else number < Decimal(str(limit))
            )
            if beyond:
                shown = self.format(limit)
                return limit, f"The {words} this box takes is {shown}, so we count {shown}."
        return (int(number) if self.whole else float(number)), None

    def _on_text(self, change) -> None:
        number, problem = self.check(change["new"])
        self.capped_from = change["new"].strip() if number is not None and problem else None
        self._from_text = True
        try:
            if number is not None:
                self.value = number
        finally:
            self._from_text = False
        self._say(problem)

    def _on_value(self, change) -> None:
        if self._from_text:
            return  # keep the text as typed
        self.capped_from = None
        self.text.value = self.format(change["new"])  # checks itself and clears the note

    def nudge(self, sign: int) -> None:
        """One step less (-1) or more (+1), kept within the limits."""
        new = min(self.hi, max(self.lo, self.value + sign * self.step))
        self.value = new if self.whole else round(new, _decimals(self.step))
        self.text.value = self.format(self.value)


class Explorer:
    """Base for every cause explorer. See the module docstring for the contract."""

    title: ClassVar[str] = "Explorer"
    # (data file, control prefix): boxes named prefix + row id, whose row has a ``finding_ids``
    # column naming the red-flag findings the box means (see :meth:`triage_findings`)
    findings_table: ClassVar[tuple[str, str] | None] = None
    controls: dict[str, w.Widget]

    def __init__(self, mode: Mode = "student"):
        if mode not in ("student", "patient"):
            raise ValueError(f"mode must be 'student' or 'patient' (got {mode!r})")
        self.mode: Mode = mode
        self.result: Any = None
        self.error: str | None = None
        self.summary = getattr(self, "summary", None) or w.HTML()
        self.figure = getattr(self, "figure", None) or w.HTML()
        self.message = w.HTML()
        for control in self.controls.values():
            style = getattr(control, "style", None)
            if hasattr(style, "description_width") and not style.description_width:
                style.description_width = "initial"  # never cut a label short
            control.observe(self._on_change, names="value")
        self._widget: w.Box | None = None
        self.update()

    # -- to implement ---------------------------------------------------------------------
    def compute(self, **values: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def render(self, result: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- machinery -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, _change=None) -> None:
        self.update()

    def update(self) -> None:
        """Recompute and re-render. Bad input shows a kind message and keeps the last result."""
        try:
            result = self.compute(**self.values())
        except facts.FactsError:  # a broken data file is for the maintainer, not the patient
            log.exception("explorer %s could not read its data", type(self).__name__)
            self.error = "data"
            self.message.value = text.warning(DATA_PROBLEM)
            return
        except ValueError as exc:
            self.error = str(exc)
            self.message.value = text.warning(self.friendly_error(exc))
            return
        except Exception as exc:  # never show a traceback to a patient
            log.exception("explorer %s failed", type(self).__name__)
            self.error = f"{type(exc).__name__}: {exc}"
            self.message.value = text.warning(SOMETHING_WRONG)
            return
        self.error = None
        self.message.value = ""
        self.result = result
        self.render(result)

    def friendly_error(self, exc: ValueError) -> str:
        """The message a person sees for bad input; subclasses may reword it."""
        return str(exc)

    def triage_findings(self, name: str) -> tuple[str, ...]:
        """The red-flag findings (data/red_flags.csv ids) a ticked control stands for.

        Boxes of the explorer's ``findings_table`` name theirs in the row's ``finding_ids``
        (e.g. the spine's "back pain with a fever" = back_spasm;fever); otherwise a box named
        ``flag:<finding_id>`` is that finding. The patient session uses this so a sign ticked in
        a cause's explorer reaches the red-flag step.
        """
        if self.findings_table is not None:
            table, prefix = self.findings_table
            if name.startswith(prefix):
                ids = facts.table(table)[name.removeprefix(prefix)].finding_ids
                return tuple(ids.split(";")) if ids else ()
        return (name.removeprefix("flag:"),) if name.startswith("flag:") else ()

    def layout_controls(self) -> list[w.Widget]:
        """The controls in display order; subclasses may group them."""
        return list(self.controls.values())

    @property
    def widget(self) -> w.Box:
        if self._widget is None:
            classes = ["spasm-explorer"] + (["spasm-patient"] if self.mode == "patient" else [])
            self._widget = w.VBox(
                [
                    w.HTML(STYLE),
                    w.VBox(self.layout_controls()),
                    self.message,
                    self.summary,
                    self.figure,
                ]
            )
            for cls in classes:
                self._widget.add_class(cls)
        return self._widget

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

"""Lifting explorer: hand distance, height, travel, twist, frequency, duration, grip and load ->
the NIOSH recommended weight limit, the Lifting Index, its band, what costs most, and a side
view of the lift. A units toggle switches between metric and US (each with its own published
constants); a "lifting a person" choice states the patient-handling limit instead.

Patient mode asks every question in plain words (no H, V, D, A or RWL on screen), each
starting on "Choose…": what is lifted, its weight, where the hands are, how far it moves, the
twist, the grip, how often (each choice counted in one row of the NIOSH frequency table, said
beside the box) and for how long. The recommended limit shows once all are told, for the
frequency and time chosen; nothing is assumed."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import CHOOSE, Answers, ask, ask_buttons, with_note
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import body_mechanics as bm
from spasm_edu.plots import body_mechanics as plots
from spasm_edu.text import body_mechanics as wording

WIDE = "min(100%, 560px)"
KG_PER_LB = 0.45359237  # definition of the pound
CM_PER_IN = plots.CM_PER_IN

# Slider ranges per unit system: (min, max, step). They reach past the NIOSH cut-offs on
# purpose, so a student can see a multiplier drop to 0.
RANGES = {
    "metric": {"load": (1, 60, 0.5), "h": (0, 80, 1), "v": (0, 200, 1), "d": (0, 200, 1)},
    "us": {"load": (2, 130, 1), "h": (0, 32, 0.5), "v": (0, 80, 0.5), "d": (0, 80, 0.5)},
}
LABELS = {
    "load": "Load",
    "h": "Hand distance from ankles, H",
    "v": "Hand height at the start, V",
    "d": "Travel up or down, D",
}
STUDENT_START = {"load": 12, "h": 40, "v": 30, "d": 50, "a_deg": 30}  # Example B of the tests


# Patient mode: the choices per unit system. The first H and D choices stand for "that or
# less" (counted at the published minimum), the last H, V and D choices for "more than the
# cut-off" (the multiplier is then 0); the last load is "that or more".
# The patient's choices: a grid of round numbers up to each NIOSH cut-off in data/, the cut-off
# itself, and one "more than" choice just past it (so a cut-off changed in
# body_mechanics_constants.csv moves the menus with it). The grid steps are only the menu's
# spacing, not facts.
_GRID = {  # name: (start, step, cut-off column) per unit system
    "metric": {
        "h": ("h_reference", 5, "h_max"),
        "v": (0, 10, "v_max"),
        "d": ("d_reference", 25, "d_max"),
    },
    "us": {
        "h": ("h_reference", 2, "h_max"),
        "v": (0, 4, "v_max"),
        "d": ("d_reference", 10, "d_max"),
    },
}
_LOADS = {
    "metric": [*range(1, 41), 45, 50, 55, 60, 70, 80, 90, 100],
    "us": [*range(2, 91, 2), *range(100, 221, 10)],
}
_TWIST_STEPS = [0, 15, 30, 45, 60, 90, 120]


def _up_to(start: float, step: float, cut: float) -> list[float]:
    values, value = [], start
    while value < cut:
        values.append(value)
        value += step
    return [*values, cut, cut + 1]


class _Choices(dict):
    """PATIENT_CHOICES[units][name], built from data/ on first use."""

    def __missing__(self, units: str) -> dict[str, list[float]]:
        c = bm.constants(units)
        menu = {"load": _LOADS[units]}
        for name, (start, step, column) in _GRID[units].items():
            first = getattr(c, start) if isinstance(start, str) else start
            menu[name] = [_whole(v) for v in _up_to(first, step, getattr(c, column))]
        self[units] = menu
        return menu


def _whole(value: float) -> float:
    return int(value) if float(value).is_integer() else value


PATIENT_CHOICES = _Choices()


def patient_twist() -> list[float]:
    """The twist choices: round angles up to the NIOSH maximum in data/, then one past it."""
    a_max = bm.constants("metric").a_max_deg
    return [_whole(a) for a in (*[a for a in _TWIST_STEPS if a < a_max], a_max, a_max + 5)]


PATIENT_LABELS = {
    "load": "Weight of the load",
    "h": "How far your hands are in front of your ankles",
    "v": "Height of your hands at the start",
    "d": "How far the load moves up or down",
}


def _patient_words(name: str, value: float, units: str) -> str:
    """A patient-mode choice in words: '25 or less (held close)', 'more than 63', ..."""
    c = bm.constants(units)
    cut = {"h": c.h_max, "v": c.v_max, "d": c.d_max}.get(name)
    if cut is not None and value > cut:
        return f"more than {cut:g}"
    if name == "h" and value == c.h_reference:
        return f"{value:g} or less (held close to your body)"
    if name == "d" and value == c.d_reference:
        return f"{value:g} or less (a short move)"
    if name == "v" and value == 0:
        return "0 (the floor)"
    if name == "v" and value == c.v_optimum:
        return f"{value:g} (knuckle height, arms hanging down)"
    if name == "load" and value == PATIENT_CHOICES[units]["load"][-1]:
        return f"{value:g} or more"
    return f"{value:g}"


def _twist_words(a: float) -> str:
    if a == 0:
        return "0 (no twist)"
    if a == 90:
        return "90 (a quarter turn, to your side)"
    if a > bm.constants("metric").a_max_deg:
        return f"more than {bm.constants('metric').a_max_deg:g}"
    return f"{a:g}"


def _unit(name: str, units: str) -> str:
    c = bm.constants(units)
    return c.mass_unit if name == "load" else c.length_unit


def _snap(value: float, step: float, lo: float, hi: float) -> float:
    return min(max(round(value / step) * step, lo), hi)


class BodyMechanicsExplorer(Answers, Explorer):
    """Sliders for the lift -> RWL, LI and its NIOSH band, the costliest multiplier, a picture.

    Student mode: units, what is lifted, load, H, V, D, twist, lifts per minute, duration and
    grip, from a class example. Patient mode: the same questions in plain words, each starting
    unanswered (see the module docstring), with the lifting tips; its result is a
    :class:`bm.LiftSoFar` and the units follow the patient's choice (kg and cm, or lb and in).
    """

    title = "Lifting and body position"

    def __init__(self, mode: Mode = "student"):
        self._busy = False
        self._note_boxes: dict[str, w.Box] = {}
        if mode == "patient":
            self._patient_controls()
            self.summary = w.HTML()
            self.figure = w.HTML()
            super().__init__(mode)
            return
        start = STUDENT_START
        self.controls = {
            "units": w.ToggleButtons(
                options=[("Metric (kg, cm)", "metric"), ("US (lb, in)", "us")],
                value="metric",
                description="Units",
            ),
            "task": w.ToggleButtons(
                options=[("An object", "object"), ("A person", "person")],
                value="object",
                description="What you lift",
                tooltips=["A box, bag or tool", "Lifting or moving a person (patient handling)"],
            ),
        }
        for name in ("load", "h", "v", "d"):
            lo, hi, step = RANGES["metric"][name]
            self.controls[name] = w.FloatSlider(
                value=start[name],
                min=lo,
                max=hi,
                step=step,
                description=f"{LABELS[name]} ({_unit(name, 'metric')})",
                continuous_update=False,
                layout=w.Layout(width=WIDE),
            )
        self.controls["a_deg"] = w.IntSlider(
            value=start["a_deg"],
            min=0,
            max=180,
            step=5,
            description="Twist, A (degrees)",
            continuous_update=False,
            layout=w.Layout(width=WIDE),
        )
        rows = facts.table(bm.FREQUENCY)
        options = []
        for r in rows:
            f = r.frequency_lifts_per_min
            if r.applies == "at_or_below":
                options.append((f"{f:g} or less", f))
            elif r.applies == "exactly":
                options.append((f"{f:g}", f))
            else:  # any value above the last row stands for "more than 15"
                options.append((f"more than {f:g}", f + 1))
        self.controls["freq_per_min"] = w.SelectionSlider(
            options=options,
            value=2.0,
            description="Lifts per minute, F",
            continuous_update=False,
            layout=w.Layout(width=WIDE),
        )
        self.controls["duration"] = w.ToggleButtons(
            options=[(wording.duration_label(r), key) for key, r in bm.durations().items()],
            value="1to2h",
            description="Lifting time",
        )
        self.controls["coupling"] = w.ToggleButtons(
            options=[(c.label, c.coupling) for c in facts.table(bm.COUPLING)],
            value="fair",
            description="Grip",
            tooltips=[c.description for c in facts.table(bm.COUPLING)],
        )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def _patient_controls(self) -> None:
        metric = PATIENT_CHOICES["metric"]
        self.controls = {
            "units": ask_buttons("Units", [("kg and cm", "metric"), ("lb and inches", "us")]),
            "task": ask_buttons(
                "What you lift",
                [("An object", "object"), ("A person", "person")],
                tooltips=["A box, bag or tool", "Lifting or moving a person (patient handling)"],
            ),
        }
        for name in ("load", "h", "v", "d"):
            self.controls[name] = ask(
                f"{PATIENT_LABELS[name]} ({_unit(name, 'metric')})",
                [(_patient_words(name, x, "metric"), x) for x in metric[name]],
            )
        self.controls["a_deg"] = ask(
            "How much you twist your body (degrees)",
            [(_twist_words(a), a) for a in patient_twist()],
        )
        self.controls["coupling"] = ask(
            "Your grip",
            [(f"{c.label}: {c.description}", c.coupling) for c in facts.table(bm.COUPLING)],
        )
        self.controls["freq_per_min"] = ask("How often you lift", wording.frequency_choices())
        self.controls["duration"] = ask("How long you lift each day", wording.duration_choices())
        self._note_boxes = {  # the note beside each box whose choice can need one
            name: with_note(self.controls[name], lambda v, n=name: self._patient_note(n, v))
            for name in ("load", "h", "v", "d", "a_deg", "freq_per_min", "duration")
        }

    def _patient_note(self, name: str, value) -> str | None:
        """The note beside a patient-mode box: the row a frequency is counted in, or what a
        choice at the edge of the check is counted as."""
        if name == "freq_per_min":
            return wording.frequency_note(value)
        if name == "duration":
            return wording.duration_note(value)
        units = self.controls["units"].value or "metric"
        c = bm.constants(units)
        lu, mu = c.length_unit, c.mass_unit
        none_safe = "no weight is safe to lift this way."
        if name == "load" and value == PATIENT_CHOICES[units]["load"][-1]:
            return f"Counted as {value:g} {mu}. A heavier load is even further over the limit."
        if name == "h" and value == c.h_reference:
            return f"Counted as {value:g} {lu}. Closer than that does not change the limit."
        if name == "d" and value == c.d_reference:
            return f"Counted as {value:g} {lu}. A shorter move does not change the limit."
        cut = {"h": c.h_max, "v": c.v_max, "d": c.d_max, "a_deg": c.a_max_deg}.get(name)
        if cut is not None and value > cut:
            unit = "degrees" if name == "a_deg" else lu
            return f"Past {cut:g} {unit}, {none_safe}"
        return None

    # -- units toggle: convert the sliders, then compute once --------------------------------
    def _on_change(self, change=None) -> None:
        if self._busy:
            return
        if change is not None and change.get("owner") is self.controls["units"]:
            if self.mode == "patient":
                self._convert_choices(change["old"] or "metric", change["new"] or "metric")
            else:
                self._convert(change["old"], change["new"])
        self.update()

    def _convert_choices(self, old: str, new: str) -> None:
        """Patient mode: offer the choices in the new units; an answer moves to the nearest
        choice (a "more than the cut-off" answer stays beyond it); no answer stays none."""
        if old == new:
            return
        self._busy = True
        try:
            c_old = bm.constants(old)
            for name in ("load", "h", "v", "d"):
                control = self.controls[name]
                value = control.value
                choices = PATIENT_CHOICES[new][name]
                if value is not None:
                    cut = {"h": c_old.h_max, "v": c_old.v_max, "d": c_old.d_max}.get(name)
                    if cut is not None and value > cut:
                        value = choices[-1]  # beyond the cut-off in either unit
                    else:
                        if name == "load":
                            factor = 1 / KG_PER_LB if new == "us" else KG_PER_LB
                        else:
                            factor = 1 / CM_PER_IN if new == "us" else CM_PER_IN
                        within = choices if name == "load" else choices[:-1]
                        target = value * factor
                        value = min(within, key=lambda x, t=target: abs(x - t))
                control.options = [(CHOOSE, None)] + [
                    (_patient_words(name, x, new), x) for x in choices
                ]
                control.value = value
                control.description = f"{PATIENT_LABELS[name]} ({_unit(name, new)})"
        finally:
            self._busy = False
        for box in self._note_boxes.values():
            box.show_note()  # the notes name the new units

    def _convert(self, old: str, new: str) -> None:
        self._busy = True
        try:
            for name in ("load", "h", "v", "d"):
                control = self.controls.get(name)
                if control is None:
                    continue
                if name == "load":
                    factor = 1 / KG_PER_LB if new == "us" else KG_PER_LB
                else:
                    factor = 1 / CM_PER_IN if new == "us" else CM_PER_IN
                lo, hi, step = RANGES[new][name]
                value = _snap(control.value * factor, step, lo, hi)
                control.max = max(control.max, hi)
                control.min = min(control.min, lo)
                control.step = step
                control.value = value
                control.min, control.max = lo, hi
                control.description = f"{LABELS[name]} ({_unit(name, new)})"
        finally:
            self._busy = False

    # -- the explorer contract ------------------------------------------------------------
    def compute(self, **values):
        if self.mode == "patient":
            duration = values["duration"]
            if duration == wording.OVER_8_HOURS:
                duration = "2to8h"  # counted in the longest column; said beside the box
            return bm.lift_so_far(
                values["units"],
                values["task"],
                values["load"],
                values["h"],
                values["v"],
                values["d"],
                values["a_deg"],
                values["freq_per_min"],
                duration,
                values["coupling"],
            )
        units = values["units"]
        return bm.assess(
            load=values["load"],
            h=values["h"],
            v=values["v"],
            d=values["d"],
            a_deg=values["a_deg"],
            freq_per_min=values["freq_per_min"],
            duration=values["duration"],
            coupling=values["coupling"],
            units=units,
            lifting_a_person=values["task"] == "person",
        )

    def render(self, result: bm.LiftResult | bm.LiftSoFar) -> None:
        if isinstance(result, bm.LiftSoFar):
            over_8 = self.controls["duration"].value == wording.OVER_8_HOURS
            self.summary.value = wording.so_far_summary(result, over_8)
            figure = ""
            if result.lift is not None:
                figure = plots.lift_picture(result.lift, plain=True) + plots.load_vs_limit(
                    result.lift, plain=True
                )
            elif result.task == "person" and result.load is not None:
                figure = plots.load_vs_person_limit(
                    result.load, result.patient_limit, result.mass_unit
                )
            if self.figure.value != figure:
                self.figure.value = figure
            return
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        figure = plots.lift_picture(result) + plots.load_vs_limit(result)
        if self.mode == "student":
            figure += plots.multiplier_bars(result)
        self.figure.value = figure

    def layout_controls(self) -> list[w.Widget]:
        if self.mode == "student":
            return list(self.controls.values())

        def row(name: str) -> w.Widget:
            return self._note_boxes.get(name, self.controls[name])

        return [
            w.HTML("<h3>What you lift</h3>"),
            *(row(n) for n in ("units", "task", "load")),
            w.HTML("<h3>How you lift</h3>"),
            *(row(n) for n in ("h", "v", "d", "a_deg", "coupling")),
            w.HTML("<h3>How often and for how long</h3>"),
            *(row(n) for n in ("freq_per_min", "duration")),
        ]

"""Lifting explorer: hand distance, height, travel, twist, frequency, duration, grip and load ->
the NIOSH recommended weight limit, the Lifting Index, its band, what costs most, and a side
view of the lift. A units toggle switches between metric and US (each with its own published
constants); a "lifting a person" choice states the patient-handling limit instead."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
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
PATIENT_START = {"load": 10, "h": 40, "v": 30, "a_deg": 0}
# Patient mode hides these: one lift now and then, with a fair grip, moved a short way.
PATIENT_HIDDEN = {"freq_per_min": 0.2, "duration": "le1h", "coupling": "fair"}


def _unit(name: str, units: str) -> str:
    c = bm.constants(units)
    return c.mass_unit if name == "load" else c.length_unit


def _snap(value: float, step: float, lo: float, hi: float) -> float:
    return min(max(round(value / step) * step, lo), hi)


class BodyMechanicsExplorer(Explorer):
    """Sliders for the lift -> RWL, LI and its NIOSH band, the costliest multiplier, a picture.

    Student mode: units, what is lifted, load, H, V, D, twist, lifts per minute, duration and
    grip. Patient mode: units, what is lifted, load, H, V and twist, plus safe lifting tips
    (it assumes an occasional lift with a fair grip, moved a short way).
    """

    title = "Lifting and body position"

    def __init__(self, mode: Mode = "student"):
        start = PATIENT_START if mode == "patient" else STUDENT_START
        self._busy = False
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
            if name == "d" and mode == "patient":
                continue
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
        if mode != "patient":
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
                options=[(label, key) for key, label in bm.DURATIONS.items()],
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

    # -- units toggle: convert the sliders, then compute once --------------------------------
    def _on_change(self, change=None) -> None:
        if self._busy:
            return
        if change is not None and change.get("owner") is self.controls["units"]:
            self._convert(change["old"], change["new"])
        self.update()

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
        units = values["units"]
        hidden = PATIENT_HIDDEN if self.mode == "patient" else {}
        d = values.get("d", bm.constants(units).d_reference)
        return bm.assess(
            load=values["load"],
            h=values["h"],
            v=values["v"],
            d=d,
            a_deg=values["a_deg"],
            freq_per_min=values.get("freq_per_min", hidden.get("freq_per_min")),
            duration=values.get("duration", hidden.get("duration")),
            coupling=values.get("coupling", hidden.get("coupling")),
            units=units,
            lifting_a_person=values["task"] == "person",
        )

    def render(self, result: bm.LiftResult) -> None:
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        figure = plots.lift_picture(result) + plots.load_vs_limit(result)
        if self.mode == "student":
            figure += plots.multiplier_bars(result)
        self.figure.value = figure

"""Stress and fatigue explorer: a week of sleep against the recommendation, a stress check-in
in the person's own words, symptoms, and the sourced steps that apply."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import Answers, ask, ask_number
from spasm_edu.explorers.base import Explorer, Mode
from spasm_edu.models import stress_fatigue as model
from spasm_edu.plots import stress_fatigue as plots
from spasm_edu.text import stress_fatigue as wording

SYMPTOM_LABELS = {
    "night_cramps": "Leg cramps at night",
    "hypnic_jerks": "A jolt or jerk just as I fall asleep",
    "eyelid_twitching": "Eyelid twitching",
}
STRESS_OPTIONS = [
    ("Not at all", "none"),
    ("A little", "a_little"),
    ("Somewhat", "some"),
    ("A lot", "a_lot"),
    ("Extremely", "extreme"),
]


class StressFatigueExplorer(Answers, Explorer):
    """Seven sleep sliders → hours against the recommendation; a stress check-in and symptoms →
    what the evidence says and the practical steps that fit. No score.

    Patient mode chooses an age band instead of typing an age and shows plain text only; its
    age, seven nights and stress start on "Choose…" and the summary speaks only of what was
    answered (no sleep is compared until a night and the age are told).
    """

    title = "Stress and tiredness"

    def __init__(self, mode: Mode = "student"):
        self.controls: dict[str, w.Widget] = {}
        recs = facts.table(model.SLEEP)
        if mode == "patient":
            self.controls["age_years"] = ask("Your age", [(r.label, r.age_min_years) for r in recs])
        else:
            self.controls["age_years"] = w.BoundedIntText(
                value=30, min=18, max=120, description="Age (years)"
            )
        start_h = model.sleep_recommendation(30).min_h  # each night starts at the minimum in data/
        for night in model.NIGHTS:
            if mode == "patient":
                self.controls[f"night:{night}"] = ask_number(
                    f"Sleep {night} night (hours)", [h / 2 for h in range(0, 33)]
                )
                continue
            self.controls[f"night:{night}"] = w.FloatSlider(
                value=float(start_h),
                min=0,
                max=12,
                step=0.5,
                readout_format=".1f",
                description=f"Sleep {night} night (hours)",
                continuous_update=False,
                layout=w.Layout(width="min(100%, 520px)"),
            )
        if mode == "patient":
            self.controls["stress"] = ask("How stressed do you feel?", STRESS_OPTIONS)
        else:
            self.controls["stress"] = w.Dropdown(
                options=STRESS_OPTIONS, value="none", description="How stressed do you feel?"
            )
        for topic, label in SYMPTOM_LABELS.items():
            self.controls[f"symptom:{topic}"] = w.Checkbox(
                value=False, description=label, indent=False
            )
        for row in model.red_flags():
            self.controls[f"flag:{row.id}"] = w.Checkbox(
                value=False, description=row.sign, indent=False
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        return model.check_in(
            [values[f"night:{n}"] for n in model.NIGHTS],
            values["age_years"],
            values["stress"],
            values["flag:stress_hard_to_cope"],  # one box: the red flag is the same answer
            [k.split(":", 1)[1] for k, v in values.items() if k.startswith("symptom:") and v],
            [k.split(":", 1)[1] for k, v in values.items() if k.startswith("flag:") and v],
        )

    def render(self, result: model.CheckIn) -> None:
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        figure = plots.sleep_week_chart(result.sleep) if result.sleep else ""
        if self.figure.value != figure:
            self.figure.value = figure

    def layout_controls(self) -> list[w.Widget]:
        c = self.controls

        def pick(prefix: str) -> list[w.Widget]:
            return [v for k, v in c.items() if k.startswith(prefix)]

        return [
            w.HTML("<h3>Your sleep last week</h3>"),
            c["age_years"],
            *pick("night:"),
            w.HTML("<h3>Stress this week</h3>"),
            c["stress"],
            w.HTML("<h3>Do you have any of these?</h3>"),
            *pick("symptom:"),
            w.HTML("<h3>Do any of these fit you?</h3>"),
            *pick("flag:"),
        ]

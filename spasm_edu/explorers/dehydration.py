"""Dehydration explorer: a day's fluid in and out, a pre/post exercise weigh-in (students), and
the NHS signs of dehydration with the ones that need help today."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import dehydration
from spasm_edu.plots import dehydration as plots
from spasm_edu.text import dehydration as wording


class DehydrationExplorer(Explorer):
    """Drinks, exercise and sweat rate → fluid in against fluid out; a weigh-in → sweat rate and
    percent body-mass loss against the ACSM 2 % limit; ticked signs → what to do.

    Patient mode: group, drinks, exercise minutes, a two-choice sweat level and the signs.
    Student mode adds a sweat-rate slider and the weigh-in calculator.
    """

    title = "Not enough fluid"
    findings_table = ("dehydration_signs.csv", "sign:")

    def __init__(self, mode: Mode = "student"):
        needs = facts.table(dehydration.NEEDS)
        self.controls: dict[str, w.Widget] = {
            "group_id": w.Dropdown(
                options=[(n.label, n.group_id) for n in needs],
                value="women",
                description="Who",
            ),
            "drinks_l": slider(
                "Drinks today (L; 1 L is about 4 cups)", 2.2, 0, 6, step=0.1, fmt=".1f"
            ),
            "exercise_min": slider("Exercise or hard work today (minutes)", 0, 0, 300, step=5),
        }
        low = dehydration.reference("sweat_rate_typical_low")
        high = dehydration.reference("sweat_rate_typical_high")
        if mode == "patient":
            self.controls["sweat_rate_l_h"] = w.Dropdown(
                options=[
                    (f"A little (about {low:g} L an hour)", low),
                    (f"A lot (about {high:g} L an hour)", high),
                ],
                value=low,
                description="How much do you sweat?",
            )
        else:
            self.controls["sweat_rate_l_h"] = slider(
                "Sweat rate (L/h)", 1.0, 0, dehydration.MAX_SWEAT_RATE_L_H, step=0.1, fmt=".1f"
            )
            self.controls["weigh_in"] = w.Checkbox(
                value=True, description="Use the weigh-in below", indent=False
            )
            self.controls["pre_kg"] = w.BoundedFloatText(
                value=70, min=20, max=300, step=0.1, description="Weight before exercise (kg)"
            )
            self.controls["post_kg"] = w.BoundedFloatText(
                value=69, min=16, max=330, step=0.1, description="Weight after exercise (kg)"
            )
            self.controls["fluid_drunk_l"] = w.BoundedFloatText(
                value=0.5, min=0, max=10, step=0.1, description="Drunk during exercise (L)"
            )
            self.controls["urine_l"] = w.BoundedFloatText(
                value=0, min=0, max=5, step=0.1, description="Urine passed during exercise (L)"
            )
            self.controls["hours"] = w.BoundedFloatText(
                value=1, min=0.1, max=24, step=0.25, description="Exercise time (hours)"
            )
        for sign in facts.table(dehydration.SIGNS):
            self.controls[f"sign:{sign.sign_id}"] = w.Checkbox(
                value=False, description=sign.label, indent=False
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        day = dehydration.fluid_day(
            values["group_id"], values["drinks_l"], values["exercise_min"], values["sweat_rate_l_h"]
        )
        weigh = None
        if values.get("weigh_in"):
            weigh = dehydration.weigh_in(
                values["pre_kg"],
                values["post_kg"],
                values["fluid_drunk_l"],
                values["urine_l"],
                values["hours"],
            )
        ticked = [k.split(":", 1)[1] for k, v in values.items() if k.startswith("sign:") and v]
        return dehydration.hydration_check(day, weigh, dehydration.signs_check(ticked))

    def render(self, result: dehydration.HydrationCheck) -> None:
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        figure = plots.in_vs_out(result.day)
        if result.weigh_in is not None:
            figure += plots.weigh_in_chart(result.weigh_in)
        self.figure.value = figure

    def layout_controls(self) -> list[w.Widget]:
        c = self.controls
        signs = [v for k, v in c.items() if k.startswith("sign:")]
        sections = [
            w.HTML("<h3>Your day</h3>"),
            c["group_id"],
            c["drinks_l"],
            c["exercise_min"],
            c["sweat_rate_l_h"],
        ]
        if "pre_kg" in c:
            sections += [w.HTML("<h3>Weigh before and after exercise</h3>")]
            sections += [
                c[k] for k in ("weigh_in", "pre_kg", "post_kg", "fluid_drunk_l", "urine_l", "hours")
            ]
        sections += [w.HTML("<h3>Do you have any of these signs?</h3>"), *signs]
        return sections

    def friendly_error(self, exc: ValueError) -> str:
        if getattr(exc, "name", "") == "post_kg":
            return (
                "The weight after exercise does not fit. It can go up only by the fluid you "
                "drank, and it cannot drop by more than a fifth. Please check both weights."
            )
        return str(exc)

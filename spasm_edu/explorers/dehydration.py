"""Dehydration explorer: a day's fluid in and out, a pre/post exercise weigh-in (students), and
the NHS signs of dehydration with the ones that need help today."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import (
    MINUTES,
    Answers,
    ask,
    ask_number,
    capped_minutes,
    minutes_words,
    with_note,
)
from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import dehydration
from spasm_edu.plots import dehydration as plots
from spasm_edu.text import dehydration as wording

# Patient mode: the questions in words, for "To see if you drink enough, tell us ..."
ASKED = {
    "group_id": "who you are",
    "drinks_l": "how much you drank today",
    "exercise_min": "how long you were active",
    "sweat_rate_l_h": "how much you sweat",
}
CAPPED = capped_minutes(dehydration.MAX_EXERCISE_MIN)  # "12 hours or more": 12 hours


class DehydrationExplorer(Answers, Explorer):
    """Drinks, exercise and sweat rate → fluid in against fluid out; a weigh-in → sweat rate and
    percent body-mass loss against the ACSM 2 % limit; ticked signs → what to do.

    Patient mode: group, drinks, exercise minutes, a two-choice sweat level and the signs;
    each question starts on "Choose…" and the day is compared only once who, drinks and
    exercise (and the sweat, if active) are told. Student mode starts from a class example
    and adds a sweat-rate slider and the weigh-in calculator.
    """

    title = "Not enough fluid"
    findings_table = ("dehydration_signs.csv", "sign:")

    def __init__(self, mode: Mode = "student"):
        needs = facts.table(dehydration.NEEDS)
        low = dehydration.reference("sweat_rate_typical_low")
        high = dehydration.reference("sweat_rate_typical_high")
        if mode == "patient":
            self.controls: dict[str, w.Widget] = {
                "group_id": ask("Who", [(n.label, n.group_id) for n in needs]),
                "drinks_l": ask_number(
                    "Drinks today (L; 1 L is about 4 cups)", [q / 4 for q in range(0, 33)]
                ),
                "exercise_min": ask_number("Exercise or hard work today", MINUTES, minutes_words),
                "sweat_rate_l_h": ask(
                    "How much do you sweat?",
                    [
                        (f"A little (about {low:g} L an hour)", low),
                        (f"A lot (about {high:g} L an hour)", high),
                    ],
                ),
            }
            self._signs()
            self.summary = w.HTML()
            self.figure = w.HTML()
            super().__init__(mode)
            return
        self.controls = {  # student mode: a class example to start from
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
        self._signs()
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def _signs(self) -> None:
        for sign in facts.table(dehydration.SIGNS):
            self.controls[f"sign:{sign.sign_id}"] = w.Checkbox(
                value=False, description=sign.label, indent=False
            )

    def missing(self, values: dict) -> tuple[str, ...]:
        """The day's questions not answered yet (the sweat only matters after exercise)."""
        gone = [k for k in ASKED if values.get(k) is None]
        if values.get("exercise_min") == 0 and "sweat_rate_l_h" in gone:
            gone.remove("sweat_rate_l_h")
        return tuple(gone)

    def compute(self, **values):
        day = None
        if not self.missing(values):
            day = dehydration.fluid_day(
                values["group_id"],
                values["drinks_l"],
                values["exercise_min"],
                values["sweat_rate_l_h"],
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
        if self.mode == "patient":
            missing = [ASKED[k] for k in self.missing(self.values())]
            self.summary.value = wording.patient_summary(result, missing)
        else:
            self.summary.value = wording.student_summary(result)
        figure = plots.in_vs_out(result.day) if result.day else ""
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
            with_note(c["exercise_min"], CAPPED) if self.mode == "patient" else c["exercise_min"],
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

"""Pregnancy explorer: weeks pregnant or months after birth -> what is common at that stage
(with the Sperstad 2016 belly-gap figure), today's caffeine against the limit, and drinks and
potassium against the daily need."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import caffeine, pregnancy
from spasm_edu.plots import pregnancy as plots
from spasm_edu.text import pregnancy as wording


class PregnancyExplorer(Explorer):
    """Stage, caffeine drinks, drinks and (student mode) potassium -> plain words and charts.

    Patient mode shows the stage, the everyday caffeine drinks, breastfeeding and drinks;
    student mode adds every caffeine drink and potassium eaten today.
    """

    title = "Pregnancy and after birth"

    def __init__(self, mode: Mode = "student"):
        self.controls = {
            "phase": w.ToggleButtons(
                options=[("Pregnant", "pregnant"), ("After birth", "after_birth")],
                value="pregnant",
                description="Stage",
                tooltips=["I am pregnant now", "I have had my baby"],
            ),
            "weeks_pregnant": slider("Weeks pregnant", 20, 1, pregnancy.MAX_WEEKS_PREGNANT),
            "months_after_birth": slider(
                "Months after birth (0 = first weeks)", 2, 0, pregnancy.MAX_MONTHS_AFTER_BIRTH
            ),
            "breastfeeding": w.Checkbox(value=False, description="Breastfeeding", indent=False),
        }
        drinks = facts.table(caffeine.DRINKS)
        for d in drinks:
            if mode == "student" or d.patient_default == "yes":
                self.controls[f"drink:{d.drink_id}"] = slider(
                    f"{d.label} today ({d.serving})",
                    1 if d.drink_id == "brewed_coffee" else 0,
                    0,
                    10,
                )
        self.controls["drinks_l"] = slider("All drinks today (litres)", 2.0, 0, 6, step=0.25)
        if mode == "student":
            self.controls["potassium_mg"] = w.BoundedIntText(
                value=2500,
                min=0,
                max=int(pregnancy.MAX_POTASSIUM_MG),
                step=100,
                description="Potassium eaten today (mg)",
            )
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        servings = {k.split(":", 1)[1]: v for k, v in values.items() if k.startswith("drink:")}
        return pregnancy.stage(
            phase=values["phase"],
            weeks_pregnant=values["weeks_pregnant"],
            months_after_birth=values["months_after_birth"],
            servings=servings,
            breastfeeding=values["breastfeeding"],
            drinks_l=values["drinks_l"],
            potassium_mg=values.get("potassium_mg"),
        )

    def render(self, result: pregnancy.Stage) -> None:
        after = result.phase == "after_birth"
        self.controls["weeks_pregnant"].layout.display = "none" if after else None
        self.controls["months_after_birth"].layout.display = None if after else "none"
        self.controls["breastfeeding"].layout.display = None if after else "none"
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        self.figure.value = (
            plots.gap_over_time(result) + plots.caffeine_bar(result) + plots.needs_bars(result)
        )

"""Pregnancy explorer: weeks pregnant or months after birth -> what is common at that stage
(with the Sperstad 2016 belly-gap figure), today's caffeine against the limit, and drinks and
potassium against the daily need."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers._ask import YES_NO, Answers, ask_buttons, ask_number, yes_no
from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import caffeine, pregnancy
from spasm_edu.plots import pregnancy as plots
from spasm_edu.text import pregnancy as wording


class PregnancyExplorer(Answers, Explorer):
    """Stage, caffeine drinks, drinks and (student mode) potassium -> plain words and charts.

    Patient mode shows the stage, the everyday caffeine drinks, breastfeeding and drinks,
    every one starting on "Choose…" (no stage is picked for the patient; the weeks or months
    and breastfeeding show once the stage is chosen); the summary speaks only of what was
    told. Student mode starts from a class example and adds every caffeine drink and potassium
    eaten today.
    """

    title = "Pregnancy and after birth"

    def __init__(self, mode: Mode = "student"):
        if mode == "patient":
            self.controls = {
                "phase": ask_buttons(
                    "Stage",
                    [("Pregnant", "pregnant"), ("After birth", "after_birth")],
                    tooltips=["I am pregnant now", "I have had my baby"],
                ),
                "weeks_pregnant": ask_number(
                    "Weeks pregnant", range(1, pregnancy.MAX_WEEKS_PREGNANT + 1)
                ),
                "months_after_birth": ask_number(
                    "Months after birth (0 = first weeks)",
                    range(0, pregnancy.MAX_MONTHS_AFTER_BIRTH + 1),
                ),
                "breastfeeding": ask_buttons("Breastfeeding?", YES_NO),
            }
            for d in facts.table(caffeine.DRINKS):
                if d.patient_default == "yes":
                    self.controls[f"drink:{d.drink_id}"] = ask_number(
                        f"{d.label} today ({d.serving})", range(0, 11)
                    )
            self.controls["drinks_l"] = ask_number(
                "All drinks today (litres)", [q / 4 for q in range(0, 33)]
            )
            self.summary = w.HTML()
            self.figure = w.HTML()
            super().__init__(mode)
            return
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

    def _on_change(self, change=None) -> None:
        if getattr(self, "_clearing", False):
            return
        if (
            self.mode == "patient"
            and change is not None
            and change["owner"] is self.controls["phase"]
        ):
            # A new stage: the other stage's answers no longer apply (and are not reported).
            self._clearing = True
            try:
                if change["new"] != "pregnant":
                    self.controls["weeks_pregnant"].value = None
                if change["new"] != "after_birth":
                    self.controls["months_after_birth"].value = None
                    self.controls["breastfeeding"].value = None
            finally:
                self._clearing = False
        self.update()

    def stage_question(self, values: dict) -> str | None:
        """Patient mode: the stage question still open, in words (None once the stage is told)."""
        if values["phase"] is None:
            return "if you are pregnant or have had your baby"
        if values["phase"] == "pregnant" and values["weeks_pregnant"] is None:
            return "how many weeks pregnant you are"
        if values["phase"] == "after_birth" and values["months_after_birth"] is None:
            return "how many months ago you had your baby"
        return None

    def compute(self, **values):
        servings = {k.split(":", 1)[1]: v for k, v in values.items() if k.startswith("drink:")}
        if self.mode == "patient" and self.stage_question(values):
            return None  # no stage is assumed: nothing about the person can be said yet
        after = values["phase"] == "after_birth"
        breastfeeding = values["breastfeeding"]
        if self.mode == "patient":
            breastfeeding = yes_no(breastfeeding) if after else None
        return pregnancy.stage(
            phase=values["phase"],
            weeks_pregnant=None if after else values["weeks_pregnant"],
            months_after_birth=values["months_after_birth"] if after else None,
            servings=servings,
            breastfeeding=breastfeeding,
            drinks_l=values["drinks_l"],
            potassium_mg=values.get("potassium_mg"),
        )

    def _show(self, name: str, shown: bool) -> None:
        display = None if shown else "none"
        if self.controls[name].layout.display != display:
            self.controls[name].layout.display = display

    def render(self, result: pregnancy.Stage | None) -> None:
        phase = self.controls["phase"].value
        self._show(
            "weeks_pregnant",
            phase == "pregnant" or self.mode == "student" and phase != "after_birth",
        )
        self._show("months_after_birth", phase == "after_birth")
        self._show("breastfeeding", phase == "after_birth")
        if result is None:  # patient mode, stage not told yet
            self.summary.value = wording.no_stage_summary(self.stage_question(self.values()))
            self.figure.value = ""
            return
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        figure = plots.gap_over_time(result)
        if result.caffeine_day is not None:
            figure += plots.caffeine_bar(result)
        if result.needs is not None and result.drinks_l is not None:
            figure += plots.needs_bars(result)
        if self.figure.value != figure:
            self.figure.value = figure

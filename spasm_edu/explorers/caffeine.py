"""Caffeine explorer: drinks per day and their timing -> total against the limit, and the
amount still in the body at bedtime."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts, text
from spasm_edu.explorers._ask import YES_NO, Answers, ask, ask_buttons, ask_number, yes_no
from spasm_edu.explorers.base import CONTROL_WIDTH, Explorer, Mode, slider
from spasm_edu.models import caffeine
from spasm_edu.plots import caffeine as plots
from spasm_edu.text import caffeine as wording


def _hour_label(hour: int) -> str:
    """'7 am'; the two midnights of a day told apart; hours past midnight marked next day."""
    if hour == 0:
        return "midnight (start of day)"
    if hour == 24:
        return "midnight (end of day)"
    return text.clock(hour) + (" (next day)" if hour > 24 else "")


def _hour_slider(description: str, value: int, lo: int, hi: int) -> w.SelectionSlider:
    return w.SelectionSlider(
        options=[(_hour_label(h), h) for h in range(lo, hi + 1)],
        value=value,
        description=description,
        continuous_update=False,
        layout=w.Layout(width=CONTROL_WIDTH),
    )


def _hour_menu(description: str, lo: int, hi: int) -> w.Dropdown:
    """Patient mode: the same hours as the sliders, in a list that starts on "Choose…"."""
    return ask(description, [(_hour_label(h), h) for h in range(lo, hi + 1)])


class CaffeineExplorer(Answers, Explorer):
    """Sliders for drinks per day → total caffeine against the limit, and the 24-hour curve.

    Patient mode shows the everyday drinks, the last drink time, bedtime and pregnancy, each
    starting on "Choose…" (nothing is the patient's answer until they give it; the result is
    a :class:`caffeine.Intake` of what was told). Student mode starts from a class example
    (two coffees) and adds every drink, age, body mass, first drink time and half-life
    situation.
    """

    title = "Caffeine"

    def __init__(self, mode: Mode = "student"):
        drinks = facts.table(caffeine.DRINKS)
        shown = [d for d in drinks if mode == "student" or d.patient_default == "yes"]
        if mode == "patient":
            self.controls = {
                f"drink:{d.drink_id}": ask_number(f"{d.label} per day — {d.serving}", range(0, 11))
                for d in shown
            }
            self.controls["pregnant"] = ask_buttons("Are you pregnant?", YES_NO)
            self.controls["last_drink_h"] = _hour_menu("Last drink at", 0, 24)
            self.controls["bedtime_h"] = _hour_menu("Bedtime", 12, 30)
            self.summary = w.HTML()
            self.figure = w.HTML()
            super().__init__(mode)
            return
        self.controls = {
            f"drink:{d.drink_id}": slider(f"{d.label} per day — {d.serving}", 0, 0, 10)
            for d in shown
        }
        self.controls["drink:brewed_coffee"].value = 2
        self.controls["pregnant"] = w.Checkbox(value=False, description="Pregnant", indent=False)
        if mode == "student":
            self.controls["age_years"] = w.BoundedIntText(
                value=30, min=0, max=120, description="Age (years)"
            )
            self.controls["body_mass_kg"] = w.BoundedFloatText(
                value=70, min=2, max=300, step=1, description="Body mass (kg)"
            )
            self.controls["situation_id"] = w.Dropdown(
                options=[
                    (f"{s.label} ({s.half_life_h:.1f} h)", s.situation_id)
                    for s in caffeine.half_lives()
                ],
                value="adult",
                description="Half-life situation",
            )
            self.controls["first_drink_h"] = _hour_slider("First drink at", 8, 0, 24)
        self.controls["last_drink_h"] = _hour_slider("Last drink at", 15, 0, 24)
        self.controls["bedtime_h"] = _hour_slider("Bedtime", 23, 12, 30)
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def compute(self, **values):
        if self.mode == "patient":
            return caffeine.intake(
                {k.split(":", 1)[1]: v for k, v in values.items() if k.startswith("drink:")},
                yes_no(values["pregnant"]),
                values["last_drink_h"],
                values["bedtime_h"],
            )
        servings = {k.split(":", 1)[1]: v for k, v in values.items() if k.startswith("drink:")}
        pregnant = values["pregnant"]
        person = caffeine.Person(
            age_years=values.get("age_years", 30),
            pregnant=pregnant,
            body_mass_kg=values.get("body_mass_kg"),
        )
        situation = values.get("situation_id", "pregnant" if pregnant else "adult")
        first = values.get("first_drink_h", min(8, values["last_drink_h"]))
        return caffeine.day(
            servings, person, situation, first, values["last_drink_h"], values["bedtime_h"]
        )

    def render(self, result: caffeine.CaffeineDay | caffeine.Intake) -> None:
        if isinstance(result, caffeine.Intake):
            self.summary.value = wording.intake_summary(result)
            day = result.day
            figure = plots.total_vs_limit(day) + plots.in_body_over_day(day) if day else ""
            if self.figure.value != figure:
                self.figure.value = figure
            return
        summary = wording.patient_summary if self.mode == "patient" else wording.student_summary
        self.summary.value = summary(result)
        self.figure.value = plots.total_vs_limit(result) + plots.in_body_over_day(result)

    def friendly_error(self, exc: ValueError) -> str:
        if getattr(exc, "name", "") == "bedtime_h":
            move = (
                "Choose a later bedtime."
                if self.mode == "patient"
                else "Move the bedtime slider later."
            )
            return f"Bedtime must be after the last drink. {move}"
        if getattr(exc, "name", "") == "last_drink_h":
            return "The last drink must come after the first drink."
        if getattr(exc, "name", "") == "age_years":
            return "Pregnancy is only possible from about age 10. Please check the age."
        return str(exc)

"""Electrolytes explorer: a lab value in either common unit against its reference range and
the bands below and above it, the care it needs with any symptoms ticked, and a day of
potassium-rich foods against the adequate intake."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.explorers.base import Explorer, Mode, slider
from spasm_edu.models import electrolytes
from spasm_edu.plots import electrolytes as plots
from spasm_edu.text import electrolytes as wording

FOOD = "food:"
SYMPTOM = "symptom:"
NECK_SURGERY = "caution:neck_surgery"


def example_value(analyte_id: str) -> float:
    """The middle of the reference range in mmol/L, at lab precision (a neutral start)."""
    a = electrolytes.analyte(analyte_id)
    mid = (a.reference.lower_mmol_l + a.reference.upper_mmol_l) / 2
    return round(mid, wording.decimals(a, a.si_unit))


class ElectrolytesExplorer(Explorer):
    """Test, value and unit → where the value falls and the care it needs; symptom boxes →
    whether that care becomes an emergency; food servings → potassium for the day.

    Patient mode: test, value, unit, symptoms, neck surgery, foods, sex and pregnancy (no
    result is read as the patient's until they tick that they have one). Student mode adds
    albumin for corrected calcium, and the worked unit conversion and band table.

    For the patient session: :attr:`urgency` is the level the result needs (None until a
    result is entered), and the symptom boxes name their red-flag findings through
    ``findings_table`` (so :meth:`triage_findings` maps them like the other explorers').
    """

    title = "Body salts (electrolytes)"
    findings_table = ("electrolyte_symptoms.csv", SYMPTOM)

    def __init__(self, mode: Mode = "student"):
        tests = electrolytes.analytes()
        self.controls: dict[str, w.Widget] = {}
        if mode == "patient":  # no result is shown as the patient's until they say they have one
            self.controls["has_result"] = w.Checkbox(
                value=False, description="I have a blood test result to look at", indent=False
            )
        self.controls |= {
            "analyte_id": w.Dropdown(
                options=[
                    (
                        a.label
                        if mode == "student"
                        else a.plain_label[:1].upper() + a.plain_label[1:],
                        a.analyte_id,
                    )
                    for a in tests.values()
                ],  # patients see "Potassium", students "Potassium (K+)"
                value="potassium",
                description="Blood test",
            ),
            "value": w.FloatText(value=example_value("potassium"), description="Result", step=0.1),
            "unit": w.Dropdown(options=list(tests["potassium"].units), description="Unit"),
        }
        if mode == "student":
            self.controls["use_albumin"] = w.Checkbox(
                value=False, description="Correct total calcium for albumin", indent=False
            )
            self.controls["albumin_g_dl"] = w.FloatText(
                value=4.0, step=0.1, description="Albumin (g/dL)"
            )
        for sid, label in wording.symptom_labels().items():
            self.controls[SYMPTOM + sid] = w.Checkbox(value=False, description=label, indent=False)
        self.controls[NECK_SURGERY] = w.Checkbox(
            value=False,
            description="I had surgery on my neck (thyroid or parathyroid glands)",
            indent=False,
        )
        for f in facts.table(electrolytes.FOODS):
            self.controls[FOOD + f.food_id] = slider(
                f"{f.label} ({f.serving}) per day",
                1 if f.food_id == "banana" and mode == "student" else 0,  # patient: none yet
                0,
                6,
            )
        # patient mode: sex and pregnancy start "Choose…" (a default is never the patient's)
        choose = [("Choose…", None)] if mode == "patient" else []
        self.controls["sex"] = w.Dropdown(
            options=[*choose, ("Female", "female"), ("Male", "male")],
            value=None if mode == "patient" else "female",
            description="Sex",
        )
        self.controls["status"] = w.Dropdown(
            options=[
                *choose,
                ("Not pregnant or breastfeeding", "none"),
                ("Pregnant", "pregnant"),
                ("Breastfeeding", "lactating"),
            ],
            value=None if mode == "patient" else "none",
            description="Pregnancy",
        )
        self._holding = False
        self.controls["analyte_id"].observe(self._new_test, names="value")
        self.summary = w.HTML()
        self.figure = w.HTML()
        super().__init__(mode)

    def _new_test(self, change) -> None:
        """A new test: offer its two units and start from the middle of its range."""
        self._holding = True
        try:
            a = electrolytes.analyte(change["new"])
            self.controls["unit"].options = list(a.units)
            self.controls["unit"].value = a.si_unit
            self.controls["value"].value = example_value(a.analyte_id)
        finally:
            self._holding = False

    def _on_change(self, _change=None) -> None:
        if not self._holding:
            self.update()

    @property
    def has_result(self) -> bool:
        """Whether the value is read as the person's result (always, for students)."""
        return self.mode == "student" or self.controls["has_result"].value

    @property
    def urgency(self) -> electrolytes.Urgency | None:
        """The care needed for the entered result and ticked symptoms; None until a patient
        says they have a result (their ticked symptoms still reach the red-flag step)."""
        if self.result is None or not self.has_result:
            return None
        return self.result.urgency

    def compute(self, **values):
        use_lab = values.pop("has_result", True)  # patient mode: only once they have a result
        ticked = [k[len(SYMPTOM) :] for k, v in values.items() if k.startswith(SYMPTOM) and v]
        applies = ["neck_surgery"] if values.get(NECK_SURGERY) else []
        servings = {k[len(FOOD) :]: v for k, v in values.items() if k.startswith(FOOD)}
        albumin = values["albumin_g_dl"] if values.get("use_albumin") else None
        if albumin is not None and values["analyte_id"] != "calcium_total":
            albumin = None  # the albumin box only applies to total calcium
        return electrolytes.check_both(
            values["analyte_id"],
            values["value"],
            values["unit"],
            servings,
            values["sex"] or "female",  # not told: the text then gives both amounts
            values["status"] or "none",
            albumin,
            symptoms=ticked,
            applies=applies,
            use_lab=use_lab,
        )

    def render(self, result: electrolytes.ElectrolyteCheck) -> None:
        if self.mode == "student":
            self.summary.value = wording.student_summary(result)
            self.figure.value = plots.band_strip(result.lab) + plots.potassium_bar(result.day)
            return
        with_lab = self.controls["has_result"].value
        told = self.controls["sex"].value is not None and self.controls["status"].value is not None
        self.summary.value = wording.patient_summary(result, with_lab=with_lab, target_told=told)
        strip = plots.band_strip(result.lab) if with_lab else ""
        self.figure.value = strip + plots.potassium_bar(result.day)

    def layout_controls(self) -> list[w.Widget]:
        lab = [
            c
            for k, c in self.controls.items()
            if not k.startswith((FOOD, SYMPTOM)) and k not in ("sex", "status", NECK_SURGERY)
        ]
        signs = [c for k, c in self.controls.items() if k.startswith(SYMPTOM)]
        foods = [c for k, c in self.controls.items() if k.startswith(FOOD)]
        return (
            [w.HTML("<h3>Your lab result</h3>")]
            + lab
            + [w.HTML(f"<p><strong>{wording.symptom_heading()}</strong></p>")]
            + signs
            + [self.controls[NECK_SURGERY]]
            + [
                w.HTML("<h3>Potassium in a day of food</h3>"),
                self.controls["sex"],
                self.controls["status"],
            ]
            + foods
        )

    def friendly_error(self, exc: ValueError) -> str:
        name = getattr(exc, "name", "")
        if name == "status":
            return "Pregnancy and breastfeeding apply only when Female is chosen."
        if name == "value":
            return f"Please check the result and its unit. It must be {exc.allowed}."
        if name == "albumin_g_dl":
            return f"Please check the albumin. It must be {exc.allowed}."
        return str(exc)

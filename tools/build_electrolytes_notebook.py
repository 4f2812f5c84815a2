"""One-off authoring script for 04_electrolytes (after this, edit the notebook in JupyterLab
and run `make sync`). Run: .venv/bin/python tools/build_electrolytes_notebook.py"""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Body salts (electrolytes) and cramps

**Who this is for:** patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Place a potassium, sodium, calcium or magnesium result against its usual reference range.
- Convert between mmol/L, mEq/L and mg/dL, and work out corrected calcium from the albumin.
- Link each low band with the symptoms it can bring, such as cramps, tingling or twitching.
- Add up the potassium in a day of food and compare it with the adequate intake.

**Time:** 30 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Your blood carries body salts. Doctors call them electrolytes.
Potassium, sodium, calcium and magnesium are four of them.
Nerves and muscles need the right amount of each to work well.

When one is too low, muscles can cramp, twitch or feel weak.
Low calcium can make your lips tingle and your hands cramp.
Water pills, sickness and a lot of sweat can lower body salts.

A blood test shows your levels. Each lab has a usual range.
A result outside it is not a diagnosis. **Ask your doctor about your result.**
Many foods have potassium, like potatoes, beans, bananas and yogurt.""",
    ),
    cell(
        "md",
        """## Try it

Pick a blood test, type the result and choose its unit. Then pick the foods you eat in a day.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.electrolytes import ElectrolytesExplorer

explorer = ElectrolytesExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Physiology.** Nerve and muscle cells fire when their membrane voltage reaches threshold.
Low *potassium* changes the resting membrane potential: weakness, cramps, constipation and
arrhythmia. Low *ionized calcium* lowers the threshold, so nerves fire on their own: tingling
around the mouth and fingers, cramps, carpopedal spasm (tetany), laryngospasm, seizures and a
long QT. Trousseau's sign is more reliable than Chvostek's sign, which is positive in some
healthy people. Low *magnesium* gives tremor, twitching and tetany, and often comes with low
potassium and low calcium (low magnesium causes low calcium). Low *sodium* acts mainly on the
brain: nausea, headache, confusion and seizures. Diuretics, vomiting, diarrhoea and heavy
sweating are common ways to lose these salts.

**Worked calculation: units.** For a monovalent ion (K⁺, Na⁺), 1 mmol/L = 1 mEq/L. For calcium,
mg/dL ÷ 4.008 = mmol/L; for magnesium, mg/dL ÷ 2.431 = mmol/L.

**Worked calculation: corrected calcium.** Much of the calcium in blood is bound to
albumin, so a low albumin lowers the *total* calcium while the free (ionized) calcium may be
normal. Corrected calcium (mg/dL) = measured + 0.8 × (4.0 − albumin g/dL).
A measured 7.6 mg/dL with albumin 2.5 g/dL:""",
    ),
    cell(
        "code",
        """from spasm_edu.models import electrolytes as el

print(f"Calcium 2.0 mmol/L = {el.from_mmol_l('calcium_total', 2.0, 'mg/dL'):.2f} mg/dL")
print(f"Magnesium 1.8 mg/dL = {el.to_mmol_l('magnesium', 1.8, 'mg/dL'):.2f} mmol/L")
print(f"Potassium 3.2 mEq/L = {el.to_mmol_l('potassium', 3.2, 'mEq/L'):.1f} mmol/L")
corrected = el.corrected_calcium_mg_dl(7.6, albumin_g_dl=2.5)
print(f"Corrected calcium = 7.6 + 0.8 x (4.0 - 2.5) = {corrected:.1f} mg/dL")
for albumin in (None, 2.5):
    lab = el.lab_result("calcium_total", 7.6, "mg/dL", albumin_g_dl=albumin)
    print(f"albumin {albumin}: {lab.value_other:.1f} mg/dL -> {lab.band.plain_label}")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Bands.** Each test's reference range and low bands (from the Merck Manual, the 2014
European hyponatraemia guideline and WikEM) are one table. Calcium and magnesium ranges are
approximate: labs differ, so always read a result against the lab's own range.""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

bands = facts.table("electrolyte_bands.csv").frame()
bands[["analyte_id", "label", "lower", "upper", "unit", "approximate"]]""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """**Data exercise.** NASEM (2019) set an adequate intake (AI) for potassium — men 19+
3,400 mg/day, women 19+ 2,600, pregnancy 2,900, lactation 2,800 — and **no upper limit**. The
food-label Daily Value (4,700 mg) is a different, older figure. Which food gives the most
potassium per serving? How many servings of each would one woman need to reach her AI?""",
    ),
    cell(
        "code",
        """foods = facts.table("electrolyte_potassium_foods.csv").frame()
women_ai = el.intake_for("female").mg_per_day
foods.assign(servings_for_ai=(women_ai / foods.potassium_mg).round(1)).sort_values(
    "potassium_mg", ascending=False
)[["label", "serving", "potassium_mg", "servings_for_ai", "approximate"]]""",
        "nbval-ignore-output",
    ),
    cell(
        "code",
        """day = el.potassium_day({"baked_potato": 1, "banana": 1, "orange_juice": 1}, "female")
print(f"{day.total_mg:,.0f} mg = {day.percent_of_intake:.1f}% of {day.adequate_intake_mg:,.0f} mg")""",
        "nbval-check-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("04_electrolytes.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]

write_notebook(
    "04_electrolytes.ipynb",
    cells,
    {
        "cause": "electrolytes",
        "data": [
            "electrolyte_analytes.csv",
            "electrolyte_bands.csv",
            "electrolyte_constants.csv",
            "electrolyte_potassium_foods.csv",
            "electrolyte_potassium_intake.csv",
        ],
        "sources": ["seed_article"],
    },
)

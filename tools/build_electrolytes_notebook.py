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

When one is too low or too high, muscles can cramp, twitch or feel weak.
Low calcium can make your lips tingle and your hands cramp.
Water pills, sickness and a lot of sweat can change body salts.

A blood test shows your levels. Each lab has a usual range.
A result outside it is not a diagnosis. **Ask your doctor about your result.**
Some results are far outside the range. **Then call your doctor today.**
**Call 911 if you also have tingling around your mouth, hands that lock, confusion or a seizure.**

Fast breathing from panic can make your lips and fingers tingle and your hands cramp, and it is
not usually dangerous. But did you have surgery on your neck? Then tingling or hand cramps can
mean low calcium. Call your doctor today.

Many foods have potassium, like potatoes, beans, bananas and yogurt.
These amounts are for healthy people. Do you have kidney disease?
Or do you take a medicine that keeps potassium in your body?
Then ask your doctor before you eat more potassium.""",
    ),
    cell(
        "md",
        """## Try it

Pick a blood test, type the result and choose its unit. Tick any signs you have now. Then pick
the foods you eat in a day.""",
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
Low *potassium* changes the resting membrane potential: weakness, cramps, constipation and, when
severe, arrhythmia or breathing-muscle paralysis (StatPearls). High potassium brings muscle
weakness and cardiac toxicity that can end in ventricular fibrillation or asystole (Merck). Low
*ionized calcium* lowers the threshold, so nerves fire on their own: tingling around the mouth
and fingers, cramps, carpopedal spasm (tetany), laryngospasm, seizures and a long QT. Trousseau's
sign is more reliable than Chvostek's sign (WikEM: sensitivity 94 % against 26 %). High calcium
gives polyuria, constipation, muscle weakness, confusion and coma (Merck). Low *magnesium* gives
tremor, twitching and tetany and often comes with low potassium and low calcium; most people have
no symptoms until it is below 0.5 mmol/L (DynaMed). High magnesium takes away the reflexes, then
lowers blood pressure and breathing (Merck). Low *sodium* acts mainly on the brain: nausea,
headache, confusion and seizures; high sodium shrinks brain cells (Medscape). Diuretics,
vomiting, diarrhoea and heavy sweating are common ways to lose these salts.

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
    print(f"albumin {albumin}: {lab.value_other:.1f} mg/dL -> {lab.band.plain_label} ({lab.level})")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Bands and the care they need.** Each test has a reference range and bands below and
above it. Every band carries a level of care (the course's triage levels: `self_care`,
`see_doctor`, `urgent` = a doctor today, `emergency` = 911) taken from its sources: StatPearls
and Mayo Clinic (potassium below 2.5 mmol/L), Merck and Mayo Clinic (above 6.0), the 2014
European guideline (sodium below 125), WikEM (total calcium below 6.6 mg/dL), DynaMed
(magnesium below 0.5 mmol/L) and the hospital critical-value lists of WakeMed and Houston
Methodist. Where sources disagree, the safer level wins and the row's `level_note` says so:
potassium 2.5–2.9 is urgent because WakeMed calls the doctor at 2.5 or lower; the high calcium
edge is WakeMed's 12.0 mg/dL, not Houston Methodist's 13.0. The calcium and magnesium ranges are
approximate (labs differ), so read a result against the lab's own range. The `where` column
says where in each source the value stands.""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

bands = facts.table("electrolyte_bands.csv").frame()
bands[["analyte_id", "side", "label", "lower", "upper", "unit", "level"]]""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """**Worked example: urgency.** No score is made. The care needed is the highest of the
band's level, the ticked symptoms' red flags, and — for a result outside the range — the
symptoms that make it an emergency (tetany, confusion, a seizure, chest pain).""",
    ),
    cell(
        "code",
        """for test, value, unit in [
    ("potassium", 2.4, "mmol/L"),
    ("potassium", 6.2, "mmol/L"),
    ("sodium", 122, "mmol/L"),
    ("calcium_total", 6.4, "mg/dL"),
    ("magnesium", 0.45, "mmol/L"),
    ("sodium", 132, "mmol/L"),
]:
    lab = el.lab_result(test, value, unit)
    print(f"{test} {value} {unit}: {lab.band.plain_label} -> {lab.level}")
sodium = el.lab_result("sodium", 132, "mmol/L")
print("sodium 132 with confusion ->", el.urgency(sodium, ["confused"]).level)""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """### Tingling and hand spasm: fast breathing or low calcium? (for nursing students)

**Nursing-student depth.** Hyperventilation lowers PaCO₂ and raises blood pH (respiratory
alkalosis). Perioral and finger paraesthesia and carpopedal spasm are classically explained by a
fall in ionized calcium. Steurer and colleagues (1997) had 10 healthy men over-breathe for 5
minutes: pH rose from 7.39 to 7.75, 9 felt tingling of the fingers and hand and 7 had
carpopedal spasm — yet ionized calcium did not change significantly, so the alkalosis itself
(nerve excitability) may be the cause (`steurer_1997`). Panic-related over-breathing is
frightening but not usually dangerous; help is needed if the breathing does not settle
(`healthinfo_hyperventilation`, `bswh_hyperventilation`).

Do **not** put tingling down to panic after thyroid or parathyroid surgery. The parathyroid
glands can be bruised or removed, parathyroid hormone falls and calcium drops; tingling of the
lips and fingertips is usually the first sign, then spasms of the hands, feet or jaw. Treat it as
low calcium: the extra calcium the surgeon prescribed, and a call to the surgeon right away —
the emergency department if they cannot be reached (`beach_cities_ent_calcium`,
`norman_parathyroid_low_calcium`, `nth_thyroid_calcium`). In the explorer, tingling after neck
surgery is `urgent` (a doctor today); tingling with hands that lock, or any symptom with a result
outside the range, is an emergency.""",
    ),
    cell(
        "md",
        """**Data exercise.** NASEM (2019) set an adequate intake (AI) for potassium — men 19+
3,400 mg/day, women 19+ 2,600, pregnancy 2,900, lactation 2,800 — and **no upper limit**. The
food-label Daily Value (4,700 mg) is a different, older figure.

**The caveat that goes with it.** The AIs and the missing upper limit are for apparently healthy
people. NASEM built the adult AIs from people with normal blood pressure and no heart disease;
IOM (2005) set no upper limit only for people *without impaired urinary potassium excretion from
a medical condition or drug therapy*. That excludes chronic kidney disease and medicines that
keep potassium: potassium-sparing diuretics (spironolactone, amiloride, triamterene), ACE
inhibitors and ARBs (losartan, valsartan) — see the medicines notebook. For them, advice on
potassium foods comes from their doctor. With a high potassium result, nobody should add
potassium foods or pills until the result is reviewed (Merck).

Which food gives the most potassium per serving? How many servings of each would one woman
need to reach her AI?""",
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
            "electrolyte_symptoms.csv",
            "electrolyte_cautions.csv",
            "quiz.csv",
        ],
        "sources": ["seed_article"],
    },
)

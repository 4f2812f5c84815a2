"""One-off authoring script for 09_pregnancy_and_childbirth (after this, edit the notebook in
JupyterLab and run `make sync`)."""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Pregnancy and after birth

**Who this is for:** pregnant women and new mothers with their nurse or midwife, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Which cramps and aches are common at each stage of pregnancy and after birth.
- Check a day's caffeine against the 200 mg pregnancy limit.
- Compare drinks and potassium with the daily need in pregnancy and breastfeeding.
- Read how the belly-muscle gap changes over the year after birth.
- Tell a normal cramp from a swollen, warm calf that needs a doctor the same day.

**Time:** 25 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Many changes in pregnancy are normal. Some can bring on cramps or back pain.

Leg cramps are common, mostly at night and in the middle and late months.
In one large study, about 28 in 100 women had them in the middle months.
In the last months it was about 50 in 100.
Stretch your calf and walk about. Drink enough through the day.

Pain in the pelvis or low back is common too. About 45 in 100 pregnant women have some.

Caffeine stays in your body longer when you are pregnant. Keep it under 200 mg a day.
That is about two cups of coffee. The [caffeine notebook](02_caffeine.ipynb) shows why.

You need a bit more water and potassium in pregnancy.
You need even more water when you breastfeed.

The belly muscles can move apart as the baby grows. After birth, this gap is common.
For many women it slowly closes. Weak belly muscles can strain your back when you lift your baby.
Bend your knees, keep the baby close and do not twist.

A cramp comes and goes. A calf that stays swollen, warm or red is not a cramp.
It could be a clot. Get help the same day.""",
    ),
    cell(
        "md",
        """## Try it

Choose **Pregnant** or **After birth**, then move the slider to your stage.
Add today's drinks. The words and pictures change at once.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.pregnancy import PregnancyExplorer

explorer = PregnancyExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Leg cramps.** A national survey of 3,582 pregnant women in China (Duan 2018) found calf
cramps in 32.9 % overall: 11.6 % in the first, 28.2 % in the second and 50.2 % in the third
trimester. The often-quoted "30–50 %" fits these figures, but they come from one country and
from self-report, so teach "common, and more common as pregnancy goes on" rather than a precise
rate. Cramps are more likely at night (HSE). The cause is not settled; stretching the calf is
the usual first step.

**Pelvic girdle pain (PGP) and pregnancy-related low back pain (PLBP).** A systematic review
(Wu 2004) puts the two together at about 45 % of pregnant women and 25 % of women after birth;
of those affected, about one-half have PGP, one-third PLBP and one-sixth both. During pregnancy
serious pain occurs in about 25 % of those affected and severe disability in about 8 %.
Bergström 2014 repeats these figures ("about half", 25 %, 8 %) in its background; they are not
its own findings.

**Caffeine in pregnancy.** CYP1A2 activity falls in pregnancy, so the half-life rises from a
mean of 3.4 h to 8.3 h, with a wide range (3–16 h), and in most women returns to normal within
a month after birth (Knutti 1981); in the last 4 weeks it averages about 10.5 h (Knutti 1982). ACOG advises under 200 mg/day. This notebook reuses the caffeine
model unchanged: open [02_caffeine.ipynb](02_caffeine.ipynb), tick **Pregnant** and choose the
**Pregnant** half-life to see the same limit and the slower fall overnight.

**Potassium and water.** NASEM 2019 Adequate Intakes for potassium: 2,600 mg/day for women 19+,
2,900 mg in pregnancy, 2,800 mg in lactation (no upper limit set). IOM 2004 total water: 2.7 L/day
for women, 3.0 L in pregnancy, 3.8 L in lactation, about 80 % of it from drinks.

**Diastasis recti abdominis** (Sperstad 2016, 300 first-time mothers): 33.1 % at 21 weeks'
gestation, 60.0 % at 6 weeks postpartum, 45.4 % at 6 months and 32.6 % at 12 months. Women with
and without it reported lumbopelvic pain equally often.

**Worked calculation.** A pregnant patient has 1 brewed coffee and 2 cups of black tea, and drinks
1.5 L. Caffeine: 96 + 2 × 48 = 192 mg, under 200 mg. Drinks need: 3.0 L × 0.8 = 2.4 L, so she is
0.9 L short:""",
    ),
    cell(
        "code",
        """from spasm_edu.models import pregnancy

s = pregnancy.stage(
    "pregnant", weeks_pregnant=30, servings={"brewed_coffee": 1, "black_tea": 2}, drinks_l=1.5
)
print(
    f"Caffeine {s.caffeine_day.total_mg:g} mg of {s.caffeine_day.limit.mg_per_day:g} mg "
    f"(over: {s.caffeine_day.over_limit})"
)
print(f"Drinks need {s.needs.drinks_l_per_day:.1f} L, short by {s.drinks_short_l:.1f} L")
print(f"Potassium need {s.needs.potassium_mg_per_day:,.0f} mg/day")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """After birth the model uses the adult half-life and the breastfeeding needs:""",
    ),
    cell(
        "code",
        """for months in (0, 6, 18):
    s = pregnancy.stage("after_birth", months_after_birth=months, breastfeeding=True)
    past = " (past the end of the study)" if s.gap_beyond_study else ""
    print(
        f"{s.stage_label}: nearest measurement {s.nearest_gap.label}, "
        f"{s.nearest_gap.percent:g}% with a gap{past}"
    )""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The belly-gap table is a pandas DataFrame. By how many percentage points
did the share fall between each measurement after birth?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

gap = facts.table("pregnancy_diastasis.csv").frame()
gap.assign(change_points=gap.percent_with_gap.diff())[
    ["timepoint_label", "percent_with_gap", "change_points"]
]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("09_pregnancy_and_childbirth.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "09_pregnancy_and_childbirth.ipynb",
    cells,
    {
        "cause": "pregnancy",
        "data": [
            "pregnancy_common.csv",
            "pregnancy_diastasis.csv",
            "pregnancy_needs.csv",
            "dehydration_water_needs.csv",
            "dehydration_reference.csv",
            "caffeine_drinks.csv",
            "caffeine_limits.csv",
            "caffeine_half_life.csv",
            "quiz.csv",
        ],
        "sources": ["seed_article", "dga_2015_appendix10", "niosh_94_110"],
    },
)

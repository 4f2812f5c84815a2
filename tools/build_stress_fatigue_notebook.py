"""One-off authoring script for 06_stress_and_fatigue (after this, edit the notebook in
JupyterLab and run `make sync`). Run: .venv/bin/python tools/build_stress_fatigue_notebook.py"""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Stress and tiredness

**Who this is for:** patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Compare a week of sleep with the recommended 7 hours or more a night.
- Say what the evidence shows about sleep and night cramps, and what it does not show.
- Recognise hypnic jerks and eyelid twitching, and when a twitch needs a doctor.
- Choose practical steps for better sleep and less stress.

**Time:** 20 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Stress and too little sleep can both bring on muscle spasms and twitches.
Most adults need 7 hours of sleep or more each night.

Many people jump or jolt just as they fall asleep. This is called a hypnic jerk.
It is common and it is harmless.
An eyelid that twitches is common too. It often comes with stress, tiredness or caffeine.
It most often goes away on its own.

Leg cramps at night are common. People who have them often sleep badly too.
But we do not know which one causes the other.
Good sleep habits and ways to handle stress can help you feel better.""",
    ),
    cell(
        "md",
        """## Try it

Set how long you slept each night last week. Then say how stressed you feel.
Tick anything you have noticed. The words and the chart change at once.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.stress_fatigue import StressFatigueExplorer

explorer = StressFatigueExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Physiology.** Sleep loss and psychological stress raise sympathetic activity and
circulating catecholamines, which increase the excitability of motor nerves and muscle
membranes; this is one proposed route to fasciculations and eyelid myokymia. Hypnic jerks are
sleep starts: brief myoclonic jerks at the wake–sleep transition, more frequent with stress,
caffeine, nicotine, fatigue and irregular sleep, and benign (ICSD-3 lists them as a normal
variant; Whitney & Weiss 2018). No population survey of how many people have them was found:
the "60–70 %" often quoted could not be traced to one, so the course says "many people". Eyelid myokymia is a fine,
self-limited twitch of the orbicularis oculi, usually one lower lid; persistence for weeks,
spread across the face or ptosis needs review (for example to exclude blepharospasm or
hemifacial spasm).

**Reading the evidence.** Grandner & Winkelman (2017) analysed NHANES 2005–08: about 24–25 %
of adults reported mild and about 6 % moderate-to-severe night-time leg cramps, and cramps
were associated with short sleep and every sleep complaint measured. The survey is
cross-sectional, so it cannot say whether poor sleep causes cramps, cramps cause poor sleep, or
both share a cause (age, medicines, illness). Say "associated with", not "caused by".

**Worked calculation.** A 45-year-old sleeps 6, 6.5, 7, 5.5, 8, 9 and 7.5 h. Mean =
49.5 ÷ 7 ≈ 7.07 h — above 7 h on average, yet three nights are short (6, 6.5, 5.5 h), missing
1 + 0.5 + 1.5 = 3 h in all. The same week at 67 (CDC: 7–8 h) also has one long night (9 h):""",
    ),
    cell(
        "code",
        """from spasm_edu.models import stress_fatigue

hours = [6, 6.5, 7, 5.5, 8, 9, 7.5]
for age in (45, 67):
    week = stress_fatigue.sleep_week(hours, age_years=age)
    print(
        f"age {age}: {week.rec.label}, mean {week.average_h:.2f} h, "
        f"{week.nights_under} short, {week.nights_over} long, "
        f"short by {week.hours_short_total:.1f} h in all"
    )""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The evidence table keeps what each source says apart from what it does
*not* say. List the findings that carry a percentage, with their source:""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

evidence = facts.table("stress_fatigue_evidence.csv").frame()
columns = ["topic", "label", "percent_low", "percent_high", "source_id"]
evidence.dropna(subset=["percent_low"])[columns]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("06_stress_and_fatigue.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]

write_notebook(
    "06_stress_and_fatigue.ipynb",
    cells,
    {
        "cause": "stress_fatigue",
        "data": [
            "stress_fatigue_sleep.csv",
            "stress_fatigue_evidence.csv",
            "stress_fatigue_steps.csv",
        ],
        "sources": ["seed_article"],
    },
)

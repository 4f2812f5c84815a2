"""One-off authoring script for notebooks/spasm_diary.ipynb (the pandas data exercise).

After running it, store the checked outputs:
    .venv/bin/python -m spasm_edu.course record notebooks/spasm_diary.ipynb
"""

from spasm_edu.course import cell, gen, write_notebook

FOOTER = "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md."

cells = [
    gen("nav"),
    cell(
        "md",
        """# A spasm diary: finding patterns with pandas

**Who this is for:** nursing students (a data exercise). Patients can keep their own diary with
the form under **Try it**.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Keep a spasm diary whose entries are checked as you type and saved only when you ask.
- Group diary entries by trigger, time of day, body part and duration with pandas.
- Apply a stated rule for "occurring regularly", and explain why it is a teaching rule and not a clinical threshold.
- Spot diary entries that need a doctor, such as a cramp lasting more than 10 minutes.
- Plot how often spasms happen each week with matplotlib.

**Time:** 40 minutes""",
    ),
    cell(
        "md",
        """## In plain words

A spasm diary is a short note you write each time a muscle tightens on its own.
Write the day and the time. Write where it was and how long it lasted.
Give it a number from 0 to 10 for how bad it was. Add what you were doing, if you know.

After a few weeks, the diary can show a pattern.
Maybe the cramps come at night. Maybe they come after a long shift or a lot of coffee.
Bring the diary when you see your doctor or nurse. It helps them see what is going on.
See a doctor if your spasms keep coming back. Get help the same day if a cramp lasts more
than 10 minutes and will not ease.""",
    ),
    cell(
        "md",
        """## Try it

Fill in the form and press **Add entry**. Nothing is saved until you press **Save diary**.
The diary is saved as `my_spasm_diary.csv` in the notebooks folder, on this computer only.
If that file is damaged, the form says which line and does not write over it.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.diary import DiaryExplorer

DiaryExplorer()""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**The data set is SYNTHETIC.** `data/spasm_diary_synthetic.csv` was made up by a short,
seeded script (`python -m spasm_edu.diary generate --seed 2026`), from a written-down story of
four weeks in the life of an invented adult. It is not from any patient: real diaries are
health information, so a class practises on made-up data it can regenerate and read the
recipe for (`SCENARIO` in `spasm_edu/diary.py`). `severity_0_10` is the person's own rating,
not a clinical score.""",
    ),
    cell(
        "code",
        """import pandas as pd

from spasm_edu import diary

df = diary.load_synthetic()
print(df.attrs["label"])
print(f"{len(df)} entries, {df.date.min():%d %b} to {df.date.max():%d %b %Y}")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**1. By trigger.** How many spasms went with each trigger the person noted, and how long
did they last? The median is used because a few long spasms would pull a mean up.""",
    ),
    cell(
        "code",
        """by_trigger = df.groupby("trigger").agg(
    spasms=("entry_id", "count"), median_min=("duration_min", "median")
)
print(by_trigger.sort_values("spasms", ascending=False).to_string())""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**2. By time of day.** `diary.time_of_day` puts a clock time in a band: night
(10 pm to 6 am), morning, afternoon (noon to 6 pm) or evening.""",
    ),
    cell(
        "code",
        """df["time_of_day"] = df["time"].map(diary.time_of_day)
print(pd.crosstab(df.body_part, df.time_of_day).to_string())""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**3. Duration.** How long do spasms last in each body part, and does any entry need a
doctor? "When to see a doctor" below lists a cramp lasting more than 10 minutes that will not
ease as a same-day sign (NHS, `nhs_leg_cramps`).""",
    ),
    cell(
        "code",
        """durations = df.groupby("body_part").duration_min.describe()[["count", "mean", "max"]]
print(durations.round(1).to_string())
print()
long_ones = df.loc[df.duration_min > 10, ["date", "time", "body_part", "duration_min", "notes"]]
print(long_ones.to_string(index=False))""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**4. "Occurring regularly".** The source article advises seeing a doctor for spasms that
are "occurring regularly", and the NHS for cramps that keep coming back. Neither gives a number,
and no source in `data/` does. So for this exercise we state our own rule:

> **Teaching rule (a teaching exercise, NOT a clinical threshold):** a body part counts as
> "regular" when it has spasms on at least 2 different days a week, in at least 3 weeks.

First count the days with a spasm per body part and week (week 1 starts on the first diary day):""",
    ),
    cell(
        "code",
        """df["week"] = (df.date - df.date.min()).dt.days // 7 + 1
per_week = df.groupby(["body_part", "week"]).date.nunique().unstack(fill_value=0)
print(per_week.to_string())""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """Then apply the rule, whose numbers live in `diary.TEACHING_RULE`:""",
    ),
    cell(
        "code",
        """rule = diary.TEACHING_RULE
print(rule.describe())
weeks_meeting = (per_week >= rule.min_days_per_week).sum(axis=1)
print(weeks_meeting[weeks_meeting >= rule.min_weeks].to_string())""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**5. Plot.** Days with a spasm per week, one bar per body part, with the rule's
2-days line. The legend names every colour, so the chart does not rely on colour alone.""",
    ),
    cell(
        "code",
        """import matplotlib.pyplot as plt

from spasm_edu.plots import BLUE, GREEN, ORANGE, PURPLE, SKY, VERMILLION, YELLOW

ax = per_week.T.plot.bar(
    figsize=(7, 3.5), rot=0, color=[BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW]
)
ax.axhline(rule.min_days_per_week, color="black", linestyle="--", label="teaching rule: 2 days")
ax.set(
    title="SYNTHETIC diary: days with a spasm per week",
    xlabel="Week",
    ylabel="Days with a spasm",
)
ax.legend(title="Body part", fontsize="small")
plt.show()""",
    ),
    cell(
        "md",
        """**Your turn** (your instructor has the discussion notes):

- Which triggers go with the eyelid twitches, and in which week do they cluster? What would you
  ask the person about that week?
- Loosen the rule to `diary.RegularRule(min_days_per_week=2, min_weeks=1)` and rerun step 4
  (`rule = ...`). What changes? Why would such a loose rule make a poor screen?
- The back spasms follow lifting. Which notebook covers that, and what would you teach?
- Plot spasms per time of day (`df.time_of_day.value_counts()`). Label the chart as SYNTHETIC.""",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("spasm_diary.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", FOOTER, "footer"),
    gen("nav"),
]

write_notebook(
    "spasm_diary.ipynb",
    cells,
    {
        "cause": None,
        "data": ["spasm_diary_synthetic.csv"],
        "sources": ["seed_article", "nhs_leg_cramps", "nhs_dvt"],
    },
)

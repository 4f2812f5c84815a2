"""One-off authoring script for 07_overuse (after this, edit the notebook in JupyterLab and run
`make sync`). Run: .venv/bin/python tools/build_overuse_notebook.py"""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Overuse: hard work, long workouts and staying in one position

**Who this is for:** patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Describe a day's load: minutes, how hard, time in one position and breaks.
- Match each part of the load to a sourced tip: warm up, stretch, build up slowly, take breaks.
- Say plainly where no limit is published, instead of guessing one.
- Know when a cramp after hard work is an emergency.

**Time:** 20 minutes""",
    ),
    cell(
        "md",
        """## In plain words

A muscle that works hard for a long time gets tired. A tired muscle can cramp.
This can happen with hard exercise or hard work.
It can also happen when you stay in one position for a long time.

Some simple habits can help. Warm up first. Stretch before and after.
Build up slowly when you do more than usual. Take breaks and change position.

No one can tell you how many minutes are too many.
It is different for each person and each day.
So listen to your body, and stop before your muscles are worn out.""",
    ),
    cell(
        "md",
        """## Try it

Tell the explorer about your day. It repeats what you said and shows the tips that fit.
It gives no score, because no source sets one.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.overuse import OveruseExplorer

explorer = OveruseExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Physiology.** Exercise-associated muscle cramps are thought to arise mainly from
neuromuscular fatigue: sustained or repeated contraction increases excitatory drive from muscle
spindles and reduces inhibitory drive from Golgi tendon organs, so alpha motor neurons fire
uncontrollably. Stretching restores Golgi tendon organ inhibition, which is why gentle
stretching eases a cramp. Fluid and electrolyte loss may add to the risk (see the dehydration
and electrolyte notebooks). Prolonged static postures load the same fibres without rest.

**What is and is not published.** Mayo Clinic names overuse and holding a position for a
prolonged period as causes and advises stretching before and after using a muscle for an
extended period; AAOS advises warming up and not exercising muscles to the point of fatigue;
the HHS Physical Activity Guidelines advise increasing activity gradually. None of them gives a
number of minutes before a cramp, a break schedule, or a weekly build-up percentage. A teaching
tool should say so rather than invent one.

**Worked example.** Each tip has a condition that is either a yes/no answer or "more than
zero". For 45 minutes of hard exercise without a warm-up, 2 hours at a desk and no breaks:""",
    ),
    cell(
        "code",
        """from spasm_edu.models import overuse

day = overuse.load_check(exercise_min=45, intensity="hard", hold_position_min=120, breaks=0)
print("conditions:", ", ".join(day.conditions))
print("tips:", ", ".join(t.tip_id for t in day.tips))""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** Which sources back the tips, and how many tips does each support?
Split the `source_id` column (several ids are joined with `;`) and count:""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

tips = facts.table("overuse_tips.csv").frame()
tips.assign(source=tips.source_id.str.split(";")).explode("source").groupby("source").size()""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("07_overuse.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]

write_notebook(
    "07_overuse.ipynb",
    cells,
    {
        "cause": "overuse",
        "data": ["overuse_tips.csv", "overuse_unknowns.csv"],
        "sources": ["seed_article"],
    },
)

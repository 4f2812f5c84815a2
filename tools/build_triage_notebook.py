"""One-off authoring script for notebooks/when_to_see_a_doctor.ipynb (the triage notebook).

Run: .venv/bin/python tools/build_triage_notebook.py
then: .venv/bin/python -m spasm_edu.course record notebooks/when_to_see_a_doctor.ipynb
"""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# When to see a doctor: red flags for muscle spasms

**Who this is for:** nursing students learning to triage spasms, and patients with their nurse.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Name the four levels of urgency, from self-care to emergency, and what to do at each.
- Spot the red flags that make a spasm urgent or an emergency, and the condition each one warns of.
- Triage a case from its findings and explain the level with its source.
- Tell a patient exactly what to do now, in plain words.

**Time:** 30 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Most muscle spasms are harmless. They ease with stretching, rest, fluids and warmth.
But some signs mean you need a doctor. A few mean you need help right away.

There are four levels:

- **Self-care at home.** A cramp now and then that eases when you stretch.
- **See a doctor soon.** Spasms keep coming back or do not get better. Or they hurt you.
  Or they come with weakness, numbness, swelling or red skin.
- **Get help today.** A cramp lasts more than 10 minutes. Or one calf is swollen, warm and sore.
- **Call 911 now.** You have chest pain or you are short of breath. Or you feel numb between
  your legs, or have new trouble peeing. Or your jaw locks. Or your pee is dark like cola
  and your muscles hurt a lot.

If you are not sure, call your doctor or nurse. It is always fine to ask.""",
    ),
    cell(
        "md",
        """## Try it

Tick every box that is true. The level, the words and the reasons change at once.
Each reason names its source.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.triage import TriageExplorer

explorer = TriageExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**How the level is reached.** Each finding in `data/red_flags.csv` has the level it raises to on
its own. Each rule in `data/red_flag_rules.csv` names findings that, *together*, raise the level
further (a swollen, warm calf is urgent; with breathlessness it is an emergency). The result is
the **highest** level of any ticked finding or of any rule whose findings are all ticked. Nothing
is added up or weighted, so there is no invented score — and adding a finding can never lower the
level (the tests check this property on thousands of random sets of findings).

Every row records its `level_basis`: `source` (the cited source gives that level), `textbook`
(standard teaching; no retrievable source gives it — tetany is one) or `safety_choice` (the
source gives the level in a combination; alone we chose the same level to be safe).

**The patterns behind the red flags.**

| red flag | what it warns of | level |
|---|---|---|
| one swollen, warm, red, sore calf | deep vein thrombosis (DVT) | urgent, same day |
| DVT signs + breathlessness or chest pain | pulmonary embolism | emergency |
| saddle numbness, new bladder/bowel problems, worsening leg weakness | cauda equina syndrome | emergency |
| back pain + fever + neurological signs | infection near the spine pressing on nerves | emergency |
| back pain after major trauma | vertebral fracture | emergency |
| back pain + cancer history, weight loss, IV drug use, long-term steroids, night pain | cancer in the spine, infection, fracture of weakened bone | urgent, same day |
| severe muscle pain or weakness + cola/tea-coloured urine, often after exertion | rhabdomyolysis | emergency |
| stiff (locked) jaw, painful spasms, breathing trouble after a wound | tetanus | emergency |
| tingling around the mouth + carpopedal (claw) spasm | tetany from low calcium (textbook) | emergency |
| twitching with true weakness, wasting or trouble walking | a nerve or muscle disease (needs a neurologist) | see a doctor soon (urgent if sudden) |

**Worked example.** A patient has a back spasm, a fever and new numbness in one leg:""",
    ),
    cell(
        "code",
        """from spasm_edu.models import triage

case = triage.assess(["back_spasm", "fever", "numbness_tingling"])
print("Level:", case.level)
for reason in case.reasons:
    print(f"- {reason.level}: {reason.finding_or_rule} ({', '.join(reason.source_ids)})")
print("Say:", case.advice)""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """The rule `back_fever_numbness_tingling` sets the level; the findings behind it are listed too,
each with its source. Take away the numbness and the level falls to *urgent* (back pain with fever);
take away the fever too and it is *see a doctor soon*.

**The emergency findings.** These are an emergency on their own, whatever else is ticked:""",
    ),
    cell(
        "code",
        """for finding_id in triage.emergency_findings():
    row = triage.engine().flags[finding_id]
    print(f"{finding_id}: {row.source_id} ({row.level_basis})")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Pregnancy.** `pregnant` is a context finding: it raises nothing by itself. Leg cramps are common
in pregnancy, and no source on our reference sheet makes any red flag *more* urgent because a
person is pregnant — so the engine does not. Still tell the doctor: it changes which tests and
medicines are safe.

**Data exercise.** How many findings sit at each level, and in which group? Which findings raise
nothing alone but matter in a rule?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

flags = facts.table("red_flags.csv").frame()
flags.pivot_table(
    index="group", columns="level", values="finding_id", aggfunc="count", fill_value=0
)""",
        "nbval-ignore-output",
    ),
    cell(
        "code",
        """rules = facts.table("red_flag_rules.csv").frame()
context = flags.loc[flags.level == "self_care", "finding_id"]
rules.loc[rules.all_of.str.contains("|".join(context)), ["rule_id", "all_of", "level"]]""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """**Cases to triage.** Decide the level for each case, and what you would tell the person to do now.
Then check your answers in the quiz below: each answer explains why.

1. A runner gets a calf cramp at night about once a month. It eases within a minute when she stretches.
2. A man had knee surgery last week. Today his left calf is swollen, warm and sore. He breathes normally.
3. Later that day the same man becomes short of breath.
4. A nurse has a back spasm after moving a patient. Since this morning she has trouble starting to pass urine.
5. A woman with a back spasm had breast cancer five years ago. No numbness, normal bladder, strong legs.
6. An older man started a water pill two weeks ago and now has leg cramps most nights. No weakness.

You can also try each case in the explorer above, or with `triage.assess([...])` in a new cell.""",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("when_to_see_a_doctor.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]

write_notebook(
    "when_to_see_a_doctor.ipynb",
    cells,
    {
        "cause": None,
        "doctor": "every",  # its "When to see a doctor" lists every cause's signs
        "data": ["triage_levels.csv", "red_flags.csv", "red_flag_rules.csv"],
        "sources": ["seed_article"],
    },
)

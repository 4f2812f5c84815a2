"""One-off authoring script for 01_what_is_a_spasm (after this, edit the notebook in
JupyterLab and run `make sync`)."""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# What is a muscle spasm?

**Who this is for:** everyone: patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- What a muscle spasm is, in plain words.
- The main kinds: eyelid twitch, charley horse, the jerk when falling asleep, back spasm and a spasm inside the body such as an overactive bladder.
- Where in the body each kind happens, and how common it is.
- Which notebook in this course explains the causes of each kind.

**Time:** 15 minutes""",
    ),
    cell(
        "md",
        """## In plain words

A muscle spasm is when a muscle tightens on its own. You do not choose to do it.

Spasms come in many sizes. An eyelid can flicker. A thumb can twitch.
A calf can lock in a hard, painful cramp, often called a charley horse.
Your whole body can jump just as you fall asleep. That is a hypnic jerk, and it is harmless.

A back spasm can be strong enough to hurt the spine. That is a reason to see a doctor.

Some spasms happen inside the body. The bladder is a muscle too.
If it squeezes on its own, you feel a sudden need to pee. This is called an overactive bladder.

Most spasms are harmless and pass on their own. Pick a part of the body below to see
what spasms happen there, and which notebook explains the causes.""",
    ),
    cell(
        "md",
        """## Try it

Press a button to choose a part of the body. The map and the words change at once.
The links open the notebook about each cause.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.spasm_types import SpasmTypesExplorer

explorer = SpasmTypesExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Definition.** A spasm is an involuntary contraction of a muscle or muscle group (North American
Spine Society). It can be tiny or powerful enough to involve the skeleton: a back spasm can injure
the spine, and soreness can outlast the spasm.

**Skeletal muscle.** A *fasciculation* is a single motor unit firing: a visible twitch without
movement of the joint (benign fasciculations are common in healthy people, about 70 %). *Eyelid
myokymia* is a fine, usually unilateral lower-lid twitch at about 3–8 Hz, self-limited (AAO). A
*cramp* is a sustained, painful contraction, classically the calf at night (about 24–25 % of
adults report mild and about 6 % moderate-to-severe night leg cramps; Grandner 2017). A *hypnic
jerk* is a sudden whole-body myoclonic jerk at sleep onset: common and benign, classed by ICSD-3
as a normal variant (Whitney & Weiss 2018). The "60–70 % of people" often quoted could not be
traced to a survey, so the course gives no number. *Tetany* (carpopedal spasm with perioral
tingling) signals low ionised calcium. In the triage data either sign alone (tingling around the
mouth, or a claw-like hand) needs help the same day; both together, or with trouble breathing or
a seizure, are an emergency.

**Smooth muscle.** In *overactive bladder* the detrusor contracts on its own, giving urgency with
or without leakage; prevalence about 10–17 % (figures vary).

**Worked example.** Which cause notebooks does a leg cramp link to, and in what course order?""",
    ),
    cell(
        "code",
        """from spasm_edu.models import spasm_types

legs = spasm_types.region("legs")
for t in legs.types:
    print(t.name, "->", ", ".join(c.notebook for c in t.causes))""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The types table is a pandas DataFrame. Which types have a published figure
for how common they are, and which are usually harmless?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

types = facts.table("spasm_types.csv").frame()
types[["name", "region_id", "muscle_kind", "percent_low", "percent_high", "usually_harmless"]]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("01_what_is_a_spasm.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "01_what_is_a_spasm.ipynb",
    cells,
    {
        "cause": None,
        "data": ["spasm_types.csv", "spasm_regions.csv", "causes.csv", "quiz.csv"],
        "sources": ["seed_article", "nass_spasms"],
    },
)

"""One-off authoring script for 10_spinal_problems (after this, edit the notebook in
JupyterLab and run `make sync`)."""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Back and spine problems

**Who this is for:** patients with back spasms and their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- What a worn disc, a slipped disc and a narrow spinal canal are, in plain words.
- Why rest alone may not stop spasms that come from the spine.
- Which back-pain signs need emergency care (cauda equina) and which need care the same day.
- How to explain the level of care each warning sign needs without making a score.

**Time:** 20 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Your spine is a stack of bones. Soft pads called discs sit between them.
Nerves run down a tunnel behind the bones.

Three common spine problems can set off back spasms.
A worn disc gets thin and dry with age.
A slipped disc has a soft middle that pushes out and can press on a nerve.
A narrow spinal canal squeezes the nerves inside.

The muscles around a sore spot tighten to guard it. That can turn into a spasm.
Rest helps the muscle for a while. But rest does not fix the disc or the tunnel.
So the spasms can keep coming back. A doctor can find the cause and plan care.

Some signs with back pain are an emergency. Numbness between your legs or around your bottom is one.
New trouble with pee or poop is another. So are legs that keep getting weaker.
Call 911 or go to the emergency room now.""",
    ),
    cell(
        "md",
        """## Try it

Pick a spine problem to see a simple picture and what it means.
Then tick any warning sign you have. Each sign shows the care it needs, in words and colour.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.spine import SpineExplorer

explorer = SpineExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Degenerative disc disease.** Small tears in the annulus fibrosus heal with scar tissue; repeated
tears dry the nucleus pulposus, so the disc loses height and shock absorption. Misalignment and
osteophytes can then compress nerve roots.

**Spinal stenosis.** Narrowing of the central canal or the foramina (ligament thickening, facet
hypertrophy, disc bulge) compresses nerve roots. Lumbar stenosis classically gives leg pain on
walking or standing, eased by sitting or leaning forward (neurogenic claudication).

**Herniated disc.** The nucleus herniates through a tear in the annulus and compresses or inflames
a nerve root (radiculopathy, e.g. sciatica). Many improve over weeks with staying active;
persistent or progressive deficits need review.

**Why rest alone may not fix the spasm.** Paraspinal muscles contract to splint a painful
segment. Rest relaxes the muscle for a while but leaves the structural cause, so spasms recur
until the cause is assessed and managed (seed article; NASS).

**Red flags (reference sheet §9).** Each sign keeps the level its source gives it; the advice
follows the most urgent ticked sign. No score is added up. Worked example: a patient with a back
spasm that hurt (see a doctor soon) who has had cancer (urgent, same day) and new trouble passing
urine (emergency):""",
    ),
    cell(
        "code",
        """from spasm_edu.models import spine

v = spine.view("herniated_disc", ["spasm_injury", "cancer_history", "bladder_change"])
for t in v.ticked:
    print(f"{t.level.name:10} {t.sign}")
print("Highest:", v.highest.name, "| cauda equina sign:", v.cauda_equina)""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The red flags are a pandas DataFrame. How many signs sit at each level,
and which group do the emergencies come from?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

flags = facts.table("spine_red_flags.csv").frame()
flags.groupby(["level", "group"]).size()""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("10_spinal_problems.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "10_spinal_problems.ipynb",
    cells,
    {
        "cause": "spine",
        "data": ["spine_conditions.csv", "spine_red_flags.csv", "triage_levels.csv", "quiz.csv"],
        "sources": ["seed_article", "nhs_back_pain"],
    },
)

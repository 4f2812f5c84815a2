"""One-off authoring script for 11_rare_neurological_causes (after this, edit the notebook in
JupyterLab and run `make sync`)."""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Rare nerve and brain conditions

**Who this is for:** patients worried that their spasms mean something serious, with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Which features make spasms worth a doctor's check: repeated, large, or with weakness, trouble walking, numbness or tingling.
- Examples of rare nerve and brain causes, and how rare each one is (a number only where a source gives one).
- Why harmless twitches are common in healthy people.
- Why a checklist can point to a doctor but can never make a diagnosis.

**Time:** 20 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Most spasms and twitches are harmless. Small twitches under the skin are common in healthy people.
Caffeine, stress and rest after exercise can set them off.

Rarely, spasms come from a problem in the nerves, brain or spinal cord.
Then the spasms often come with other signs. They may happen again and again.
They may take over big muscles. You may also feel weak, have trouble walking, or feel numb or tingly.

Some of these conditions are very rare. Stiff person syndrome affects about 1 in a million people.
Others, like dystonia, are rare, and our sources give no number.

A list of signs cannot tell you what is wrong. Only a doctor can check your nerves and muscles.
If you have these signs, see a doctor soon. If they come on suddenly, get help the same day.""",
    ),
    cell(
        "md",
        """## Try it

Tick what you notice. Each sign is explained, with the care it needs.
Nothing is added up into a score, and nothing names a disease.
For every warning sign in one place, see [When to see a doctor](when_to_see_a_doctor.ipynb).""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.neuro import NeuroExplorer

explorer = NeuroExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**What makes spasms worrying.** Spasms from a neurological cause tend to be repetitive, larger in
scale, and to come with other signs: true weakness (not fatigue), muscle wasting, changed
reflexes, gait or balance problems, sensory loss (numbness, tingling) or cognitive change. The
sources put these at "see a doctor soon"; true weakness or loss of feeling at "the same day"
(Merck: "see a doctor right away"); and any of them of sudden onset at "emergency" (NHS: sudden
confusion is a 999 call; CDC: sudden weakness or loss of balance, call 911). Benign fasciculations are
common (about 70 % of healthy people) and come with a normal neurological examination; twitching
with weakness, wasting or changed reflexes needs a neurologist.

**Examples.**
- *Stiff person syndrome* (about 1 per million): progressive axial and limb rigidity with painful
  spasms triggered by noise, touch or emotion (NINDS).
- *Neuromyotonia (Isaacs syndrome)*: peripheral nerve hyperexcitability — continuous muscle
  fibre activity (myokymia), cramps, delayed relaxation (NORD). Rare; no figure in our sources.
- *Dystonia*: sustained involuntary contractions causing twisting postures, focal (e.g. cervical)
  or generalised (NINDS). No figure in our sources.
- *Spasticity* after stroke, multiple sclerosis or spinal cord injury: upper motor neuron damage,
  velocity-dependent increase in tone, with flexor or extensor spasms (NINDS).

**Worked example.** A patient reports repeated calf spasms and, since yesterday, a weak ankle.
Each feature keeps its own level; the sudden weakness is raised to emergency (call 911):""",
    ),
    cell(
        "code",
        """from spasm_edu.models import neuro

r = neuro.check_features(["repetitive", "weakness"], sudden=True)
for t in r.ticked:
    print(f"{t.level.name:10} {t.label} (raised by sudden onset: {t.raised_by_sudden})")
print("Highest:", r.highest.name)""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The example conditions are a pandas DataFrame. Which rows carry a number
for how common they are, and which say that no number is given?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

examples = facts.table("neuro_conditions.csv").frame()
examples[["name", "how_common", "per_million", "percent_of_people", "benign"]]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("11_rare_neurological_causes.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "11_rare_neurological_causes.ipynb",
    cells,
    {
        "cause": "neuro",
        "data": ["neuro_features.csv", "neuro_conditions.csv", "triage_levels.csv", "quiz.csv"],
        "sources": ["seed_article"],
    },
)

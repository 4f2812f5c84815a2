"""One-off authoring script for 00_start_here and 02_caffeine (kept as the worked example of
how a notebook is built; after this, edit the notebooks in JupyterLab and run `make sync`)."""

from spasm_edu.course import cell, gen, write_notebook

start = [
    gen("nav"),
    cell(
        "md",
        """# Muscle spasms: start here

**Who this is for:** patients with their nurse, and nursing students in class.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- What a muscle spasm is, in plain words.
- The common things that can set one off, and what you can change.
- When a spasm needs a doctor.

**Time:** 10 minutes""",
    ),
    cell(
        "md",
        """## In plain words

A muscle spasm is when a muscle tightens on its own. You do not choose to do it.
It can be tiny, like an eyelid that twitches. It can be big, like a cramp in your calf.
Some spasms hurt. Most go away on their own.

Many things can bring on a spasm. Tiredness, stress and too much caffeine are common ones.
So are some medicines, not enough fluid, and hard work for a muscle.
Most of the time, a spasm is not serious. But some signs mean you should see a doctor.
Each notebook below looks at one cause. Each one ends with the signs to watch for.""",
    ),
    cell(
        "md",
        """## How to use these notebooks

- Run a notebook from the top: in the menu choose **Run → Run All Cells**.
- Move the sliders and tick the boxes. The words and pictures change at once.
- Boxes marked **For nursing students** go deeper. Patients can skip them.
- A nurse can start the code-free patient session with `make present`.""",
    ),
    gen("contents"),
    cell(
        "md",
        """## Try it

This is the caffeine explorer from the caffeine notebook, in its short patient form.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.caffeine import CaffeineExplorer

CaffeineExplorer(mode="patient")""",
    ),
    cell(
        "md",
        """## For nursing students

Each cause notebook follows one template: learning outcomes and time, the plain-words
explanation a patient can read, an explorer, the physiology with a worked calculation,
a short quiz, the red flags and the sources. Every number comes from a CSV file in `data/`
with a source id; the package `spasm_edu` holds the logic, so the notebooks stay short.""",
    ),
    cell(
        "md",
        """## Check your understanding

Each cause notebook ends with a short quiz. Start with the caffeine notebook.""",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "00_start_here.ipynb",
    start,
    # The patient caffeine explorer in "Try it" shows the drinks, the limits and the half-life.
    {
        "cause": None,
        "data": [
            "causes.csv",
            "caffeine_drinks.csv",
            "caffeine_limits.csv",
            "caffeine_half_life.csv",
        ],
        "sources": [],
    },
)

caffeine = [
    gen("nav"),
    cell(
        "md",
        """# Caffeine and muscle twitches

**Who this is for:** patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Add up the caffeine in a day of drinks.
- Compare the total with the limit that fits the person: adult, pregnant, child or teen.
- Use the half-life to work out how much caffeine is left at bedtime.
- Know when twitching or caffeine needs a doctor.

**Time:** 25 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Caffeine is in coffee, tea, cola, energy drinks and chocolate.
It wakes up your brain. It also wakes up your nerves and muscles.
Too much can make small muscles twitch, like an eyelid or a hand.

Your body clears caffeine slowly. Half of it can still be there 3 to 5 hours later.
So a coffee in the afternoon can still be in your body at bedtime.
Poor sleep can then bring on more twitches.

Most healthy adults can have up to 400 mg a day. That is about four cups of coffee.
The limit is lower if you are pregnant, and much lower for children.""",
    ),
    cell(
        "md",
        """## Try it

Move the sliders. The words and both pictures change at once.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.caffeine import CaffeineExplorer

explorer = CaffeineExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Physiology.** Caffeine blocks adenosine receptors. Adenosine normally damps down neural
activity, so blocking it raises alertness and the excitability of motor nerves; at high doses
this shows as tremor and fasciculations (small twitches). Caffeine is cleared mainly by the liver
enzyme CYP1A2, with first-order kinetics: a fixed *fraction* is removed per hour, so the amount
halves every half-life. Pregnancy and oral contraceptives slow CYP1A2 (longer half-life); smoking
speeds it up (shorter half-life). The pill makes it about 1.5 times longer: one study measured
7.88 h on the pill against 5.37 h in matched women not taking it (Abernethy & Todd 1985).
In smokers the half-life is about 40 % shorter: 3.5 h against 6.0 h in non-smokers (Parsons &
Neims 1978).
The explorer applies each study's own ratio to the adult mean rather than mixing figures from
different studies.

**Worked calculation.** Two cups of brewed coffee at 8 am and 3 pm (96 mg each) with the adult
mean half-life of 3.4 h (Knutti 1981). At 11 pm the 8 am cup has had 15 h (4.4 half-lives) and
the 3 pm cup 8 h (2.35 half-lives):""",
    ),
    cell(
        "code",
        """from spasm_edu.models import caffeine

doses = ((8, 96), (15, 96))
print(f"{caffeine.remaining_mg(doses, half_life_h=3.4, t_h=23):.1f} mg left at 11 pm (adult)")
print(f"{caffeine.remaining_mg(doses, half_life_h=8.3, t_h=23):.1f} mg left at 11 pm (pregnant)")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Limits by person.** The daily limit depends on who is drinking. A teen's limit is
2.5 mg per kg of body mass (Health Canada), so it grows with weight:""",
    ),
    cell(
        "code",
        """for person in [caffeine.Person(age_years=30), caffeine.Person(age_years=30, pregnant=True),
               caffeine.Person(age_years=8), caffeine.Person(age_years=15, body_mass_kg=50)]:
    limit = caffeine.limit_for(person)
    print(f"{limit.label}: {limit.mg_per_day:g} mg/day ({limit.source_id})")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The drinks table is a pandas DataFrame. Which drink gives the most
caffeine per serving, and how wide is the range where sources differ?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

drinks = facts.table("caffeine_drinks.csv").frame()
drinks.assign(range_mg=drinks.high_mg - drinks.low_mg).sort_values(
    "typical_mg", ascending=False)[["label", "serving", "typical_mg", "range_mg"]]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("02_caffeine.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "02_caffeine.ipynb",
    caffeine,
    {
        "cause": "caffeine",
        "data": [
            "caffeine_drinks.csv",
            "caffeine_limits.csv",
            "caffeine_half_life.csv",
            "quiz.csv",
        ],
        "sources": ["seed_article"],
    },
)

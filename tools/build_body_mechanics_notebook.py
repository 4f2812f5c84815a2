"""One-off authoring script for 08_body_mechanics (after this, edit the notebook in JupyterLab
and run `make sync`)."""

from spasm_edu.course import cell, gen, write_notebook
from spasm_edu.models import body_mechanics as bm

cells = [
    gen("nav"),
    cell(
        "md",
        """# Lifting and body position

**Who this is for:** patients with their nurse, and nursing students, who lift boxes, bags and patients at work.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Name the six things that change how much is safe to lift: reach, height, travel, twist, how often, and grip.
- Work out the NIOSH recommended weight limit (RWL) and Lifting Index (LI) for a lift, in kg or lb.
- Read the LI band and find which multiplier costs the most, then fix that first.
- Explain why the equation does not apply to lifting patients, and use the 35 lb (about 16 kg) limit.
- Spot back pain after lifting that needs a doctor.

**Time:** 30 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Lifting, bending and twisting the wrong way can strain your back.
A strained back muscle can go into spasm. That hurts, and it can take days to settle.

How heavy a load is matters. But how you lift it matters too.
The same box is harder on your back when it is far from your body.
It is harder when you lift it from the floor, or twist as you lift.
Lifting it again and again, for hours, adds up. A poor grip makes it worse.

Experts at NIOSH, a US safety agency, made a way to check a lift.
It gives a safe limit for that lift. For the best kind of lift, the limit is 23 kg (51 lb).
Each thing that makes the lift harder lowers the limit.

Some lifts do not fit this check. Lifting a person is one of them, because people move and shift.
For lifting a person, a NIOSH expert advises about 16 kg (35 lb) at most.
Above that, use a lift device and trained helpers.""",
    ),
    cell(
        "md",
        """## Try it

Move the sliders. The limit, the words and the picture change at once.
Switch **Units** to see the same lift in pounds and inches.
Choose **A person** to see what changes when the load is a patient.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.body_mechanics import BodyMechanicsExplorer

explorer = BodyMechanicsExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Physiology.** When you hold a load in front of you, the spine is the pivot of a lever. The
load pulls on a long lever arm (your reach); the back extensor muscles pull back on a very short
one, close to the spine. So the muscles must pull many times harder than the load weighs, and the
lumbar discs are squeezed by both. Reaching further, lifting from the floor (the trunk bends, so
the lever grows) and twisting (the load falls on one side of the discs and muscles) all raise the
strain; lifting often, for long spells, tires the muscles. A strained or tired muscle can tighten
to guard the spine: a back spasm. NIOSH built its equation from three kinds of evidence:
biomechanics (spine load), physiology (energy cost of repeated lifts) and psychophysics (what
workers accept).

**The equation** (NIOSH Pub. 94-110; every constant is in `data/body_mechanics_constants.csv`):

| | metric (kg, cm) | US (lb, in) | cut-off |
|---|---|---|---|
| LC | 23 kg | 51 lb | |
| HM | 25 / H (H below 25 → 25) | 10 / H (H below 10 → 10) | 0 if H > 63 cm [25 in] |
| VM | 1 − 0.003·\\|V − 75\\| | 1 − 0.0075·\\|V − 30\\| | 0 if V > 175 cm [70 in] |
| DM | 0.82 + 4.5 / D (D below 25 → 25) | 0.82 + 1.8 / D (D below 10 → 10) | 0 if D > 175 cm [70 in] |
| AM | 1 − 0.0032·A | 1 − 0.0032·A | 0 if A > 135° |
| FM | frequency table (lifts/min × duration × V below or at/above 75 cm [30 in]) | same | 0 cells; 0 above 15 lifts/min |
| CM | good 1.00; fair 0.95 (V < 75 cm) or 1.00; poor 0.90 | same, split at 30 in | |

RWL = LC × HM × VM × DM × AM × FM × CM; LI = load ÷ RWL. NIOSH reads LI ≤ 1 as safe for nearly
all healthy workers, 1 < LI ≤ 3 as increased risk and LI > 3 as high risk. These are NIOSH's
bands, not a score made up here.

*Frequencies between table rows.* Table 5 lists FM only at 0.2 (or less), 0.5, 1, 2, … 15 lifts
per minute, and the manual gives no rule for values in between. Rounding up to the next row is
a common conservative habit, and linear interpolation is another, but neither is in the manual,
so the model refuses an in-between value and asks you to choose the row that fits the task.

**Worked calculation.** A 12 kg box; hands 40 cm in front of the ankles and 30 cm above the
floor; it goes 50 cm up with a 30° twist, 2 times a minute for 1–2 hours, fair grip.
By hand: HM = 25/40 = 0.625; VM = 1 − 0.003 × 45 = 0.865; DM = 0.82 + 4.5/50 = 0.91;
AM = 1 − 0.0032 × 30 = 0.904; FM = 0.84 (table); CM = 0.95 (fair, V below 75 cm).
RWL = 23 × 0.625 × 0.865 × 0.91 × 0.904 × 0.84 × 0.95 = 8.16 kg, so LI = 12 ÷ 8.16 = 1.47.""",
    ),
    cell(
        "code",
        """from spasm_edu.models import body_mechanics as bm

box = bm.assess(12, h=40, v=30, d=50, a_deg=30, freq_per_min=2, duration="1to2h", coupling="fair")
print(", ".join(f"{name} {value:.3f}" for name, value in box.multipliers.items()))
print(f"RWL {box.rwl:.2f} kg, LI {box.li:.2f}: {box.band_label}")
print("Costs most:", ", ".join(box.costliest))""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """The same calculation in US units, for a 30 lb sack lifted from 10 in above the floor,
15 in out, 40 in up with a 45° twist, 5 times a minute for most of a shift, poor grip.
From a terminal the command line gives the same numbers as JSON:
`python -m spasm_edu.lifting --json --units us --load 30 --h 15 --v 10 --d 40 --a 45 --freq 5 --duration 2to8h --coupling poor`""",
    ),
    cell(
        "code",
        """sack = bm.assess(30, 15, 10, 40, 45, freq_per_min=5, duration="2to8h", coupling="poor", units="us")
print(f"RWL {sack.rwl:.2f} lb, LI {sack.li:.2f}: {sack.band_label}")
print("Costs most:", ", ".join(sack.costliest))""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Patient handling.** The equation assumes a stable, two-handed lift while standing. It
does not apply to these tasks (`data/body_mechanics_scope.csv`), and people are unstable loads.
For patient handling, Waters (2007) worked out that the equation generally gives a 35 lb
(about 16 kg) maximum under good conditions; above it, use assistive devices.""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

limit_lb = facts.table("body_mechanics_patient_handling.csv")["patient_handling"].max_lb
print(f"Patient-handling limit: {limit_lb:g} lb (Waters 2007)")
for row in facts.table("body_mechanics_scope.csv"):
    print("Does not apply:", row.situation)""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The frequency table is a pandas DataFrame. For hands starting below
75 cm, at what lifting rate does each duration column first reach 0? What does that tell you
about long shifts?""",
    ),
    cell(
        "code",
        """fm = facts.table("body_mechanics_frequency.csv").frame()
rows = fm[fm.applies != "above"].set_index("frequency_lifts_per_min")
for column in ["fm_le1h_v_low", "fm_1to2h_v_low", "fm_2to8h_v_low"]:
    print(column, "is 0 from", float(rows.index[rows[column] == 0].min()), "lifts/min")""",
        "nbval-check-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("08_body_mechanics.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]
write_notebook(
    "08_body_mechanics.ipynb",
    cells,
    {
        "cause": "body_mechanics",
        "data": [*bm.DATA_FILES, "quiz.csv"],
        "sources": ["seed_article"],
    },
)

"""One-off authoring script for 05_dehydration (after this, edit the notebook in JupyterLab and
run `make sync`). Run: .venv/bin/python tools/build_dehydration_notebook.py"""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Not enough fluid (dehydration)

**Who this is for:** patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Add up a day's fluid in (drinks and food) and fluid out (everyday needs and sweat).
- Work out a sweat rate from weights before and after exercise.
- Compare weight lost in exercise with the 2 % limit, and know why gaining weight is a warning too.
- Spot the signs of dehydration, and the ones that need help today.

**Time:** 25 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Your muscles need water to work well. You lose water all day when you breathe, sweat and pee.
You lose a lot more when you exercise or work hard in the heat.
If you do not drink enough, your muscles can cramp.

Most of your water comes from drinks. Food gives you some too.
Thirst and dark pee are early signs that you need more.

Weigh yourself before and after exercise. Each kilogram you lose is about one liter of sweat.
When you exercise, try not to lose more than 2% of your weight.
For a person who weighs 70 kg, that is 1.4 kg.
But do not drink so much that your weight goes up. Too much water can be harmful too.""",
    ),
    cell(
        "md",
        """## Heat illness: know the steps

Heat can cause cramps, then worse. Know each step and what to do (CDC).

- **Heat cramps.** Muscle pain or spasms with heavy sweating during hard work.
  Stop and move to a cool place. Drink water or a sports drink.
  Get medical help right away if the cramps last more than 1 hour.
  Get help too if you are on a low-salt diet or have a heart problem.
- **Heat exhaustion.** Heavy sweating. Cold, pale, clammy skin. You feel faint or sick.
  Move to a cool place, loosen your clothes and sip water.
  Get medical help right away if you throw up, feel worse, or it lasts more than 1 hour.
- **Heat stroke.** The skin is very hot. The person is confused or passes out.
  **Call 911 now.** Move them to a cool place and cool them with wet cloths.
  Do not give them anything to drink.

*For nursing students:* CDC's consumer chart and NIOSH's worker guidance differ on heat
exhaustion: CDC gives first aid and "get medical help right away if" vomiting, worsening or
symptoms past 1 hour; NIOSH sends the worker to a clinic or emergency room for evaluation. The
red-flag step takes the safer, same-day level (`data/red_flags.csv`, rows `heat_exhaustion`,
`heat_cramps_over_1_hour`, `heat_stroke`, with their `where`).""",
    ),
    cell(
        "md",
        """## Try it

Choose who you are, then move the sliders. Tick any signs you have.
The words and pictures change at once.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.dehydration import DehydrationExplorer

explorer = DehydrationExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Physiology.** Sweat is hypotonic: it takes more water than sodium, so heavy sweating without
drinking concentrates the plasma (hypernatraemic, hypovolaemic dehydration) and reduces plasma
volume. Thirst usually lags behind the deficit during exercise. Exercise-associated muscle
cramps are linked both to fluid and electrolyte loss and to neuromuscular fatigue; the evidence
for each is mixed. Over-drinking is the opposite danger: if intake exceeds sweat and urine
losses, body water rises, plasma sodium falls, and exercise-associated hyponatraemia can cause
headache, nausea, confusion and seizures. That is why ACSM advises drinking enough to avoid
losing more than 2 % of body mass, but never so much that weight goes *up*.

**Daily needs.** The IOM/NASEM adequate intake (AI) of total water is about 3.7 L/day for men
and 2.7 L/day for women; about 80 % comes from drinks and about 20 % from food. The AI is an
intake for generally active people in temperate climates, not a precise requirement.

**Worked calculation.** A runner weighs 70.0 kg before and 68.8 kg after a 1.5-hour run,
drank 0.75 L during it and passed 0.1 L of urine. Sweat = 70.0 − 68.8 + 0.75 − 0.1 = 1.85 L
(1 kg ≈ 1 L); rate = 1.85 ÷ 1.5 ≈ 1.23 L/h. Loss = 1.2 ÷ 70.0 × 100 ≈ 1.71 % of body mass:""",
    ),
    cell(
        "code",
        """from spasm_edu.models import dehydration

run = dehydration.weigh_in(pre_kg=70.0, post_kg=68.8, fluid_drunk_l=0.75, urine_l=0.1, hours=1.5)
print(f"sweat {run.sweat_l:.2f} L, rate {run.sweat_rate_l_h:.2f} L/h")
print(f"loss {run.loss_percent:.2f} % of body mass")
print(f"over the {run.acsm_limit_percent:g} % limit: {run.over_acsm_limit}")
print(f"WHO class: {run.band.label}")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Severity bands (WHO; approximate for adults).** WHO's *Treatment of diarrhoea*
manual (2005) gives the fluid deficit, as a share of body weight, for each of its three
classes: no signs of dehydration under 5 %, some dehydration 5–10 %, severe dehydration more
than 10 % (an emergency: WHO's plan C). WHO grades a patient by signs (general condition,
eyes, thirst, skin pinch), mainly in children, and estimates the deficit from the class; here
a weighed loss is read back into a class, so treat it as a rough guide for adults. Exactly
10 % counts as severe, the cautious side of where "5–10 %" and "> 10 %" meet. Note how far
the ACSM exercise limit (2 %) sits below WHO's first class: losing 2–5 % already hurts
performance although WHO would expect no signs yet. A day of fluid in and out for a man who
drinks 2.5 L and exercises for 90 minutes at a sweat rate of 1.2 L/h:""",
    ),
    cell(
        "code",
        """day = dehydration.fluid_day("men", drinks_l=2.5, exercise_min=90, sweat_rate_l_h=1.2)
print(f"in {day.fluid_in_l:.2f} L, out {day.fluid_out_l:.2f} L, balance {day.balance_l:+.2f} L")
for loss in (1.5, 2.5, 4, 7, 11):
    band = dehydration.severity_band(loss)
    print(f"{loss:>4} % -> {band.label}")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The IOM table gives total water and the part from drinks. Check the
"about 20 % from food" rule: what share of each group's total water is *not* from drinks?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

needs = facts.table("dehydration_water_needs.csv").frame()
needs.assign(
    food_l=needs.total_water_l_per_day - needs.from_drinks_l_per_day,
    food_share_percent=lambda d: (100 * d.food_l / d.total_water_l_per_day).round(1),
)[["label", "total_water_l_per_day", "from_drinks_l_per_day", "food_l", "food_share_percent"]]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("05_dehydration.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]

write_notebook(
    "05_dehydration.ipynb",
    cells,
    {
        "cause": "dehydration",
        "data": [
            "dehydration_water_needs.csv",
            "dehydration_reference.csv",
            "dehydration_severity.csv",
            "dehydration_signs.csv",
        ],
        "sources": ["seed_article"],
    },
)

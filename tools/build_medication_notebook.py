"""One-off authoring script for 03_medication (after this, edit the notebook in JupyterLab and
run `make sync`). Run: .venv/bin/python tools/build_medication_notebook.py"""

from spasm_edu.course import cell, gen, write_notebook

cells = [
    gen("nav"),
    cell(
        "md",
        """# Medicines that can cause cramps or twitching

**Who this is for:** patients with their nurse, and nursing students.""",
    ),
    gen("disclaimer"),
    cell(
        "md",
        """## What you will learn

- Find a medicine by its brand name or its generic name, and see its type.
- Say in one sentence how each type can cause cramps, twitching or spasms.
- Read a study's sequence ratio: 1.0 means no signal.
- Know what to do if cramps start after a new medicine, and why a prescribed medicine is never stopped or changed without the prescriber.

**Time:** 25 minutes""",
    ),
    cell(
        "md",
        """## In plain words

Some medicines can give you cramps or make muscles twitch.
Cold pills like Sudafed can do it. So can asthma inhalers like Ventolin.
Water pills can too. They make you pee more, so you lose water and body salts.
Some cholesterol pills, called statins, can make muscles ache or cramp.
But in careful tests, people on a dummy pill got aches almost as often.

This does not mean the medicine is bad for you. Most people need their medicines.
**Do not stop or change a prescribed medicine without talking to your prescriber.**
Tell them about the cramps. They may change the dose or try a different one.

If cramps start after you begin a new medicine, see your doctor in 1 or 2 days.""",
    ),
    cell(
        "md",
        """## Try it

Type part of a name in the search box. A brand name works too. Tick what you take.
The words below explain each one.""",
    ),
    cell(
        "code",
        """from spasm_edu.explorers.medication import MedicationExplorer

explorer = MedicationExplorer()
explorer""",
        "nbval-ignore-output",
    ),
    cell(
        "md",
        """## For nursing students

**Mechanisms.** Beta-2 agonists such as albuterol (salbutamol) stimulate beta-2 receptors in
skeletal muscle (tremor) and shift potassium into cells, which can lower serum potassium.
Pseudoephedrine and amphetamines are sympathetic stimulants that raise nerve and muscle
excitability; the Adderall label lists tremor, tics and twitching, and rarely rhabdomyolysis.
Diuretics cause loss of fluid and electrolytes (sodium, potassium, magnesium: see the
electrolytes notebook). Statins: laboratory studies suggest they lower mitochondrial function
and energy production in muscle. Muscle symptoms are reported by 7–29 % of users in registries
and observational studies (EAS consensus 2015), but in double-blind trials nearly as many people
on placebo report them: 27.1 % on a statin against 26.6 % on placebo over a median 4.3 years
(CTT 2022, 19 trials). So most muscle symptoms in people on statins are not caused by the statin,
although some are, mostly in the first year. True myopathy with a raised CK is rare: 1 in 1,000
to 1 in 10,000 on standard doses (EAS 2015). Proton pump inhibitors (omeprazole, esomeprazole
and others) taken for a long time, in most cases more than a year, can lower serum magnesium
(FDA Drug Safety Communication 2011), and low magnesium can cause muscle spasm: ask about
long-term PPIs in a patient with cramps or twitching. For many medicines on the Merck
list (ARBs, some beta-blockers, raloxifene, teriparatide, tolcapone, …) no mechanism is given:
say so rather than guess.

**Reading the evidence.** Garrison et al. (2012) used *prescription sequence symmetry*: among
people who started both a medicine and quinine (then a cramp treatment), they compared how often
quinine came *after* the medicine with how often it came *before*. The adjusted sequence ratio
is 1.0 when there is no signal. It is a population signal, not a person's risk.

**Worked calculation.** A ratio of 2.42 means cramp treatment started 2.42 times as often after
a long-acting beta-2 agonist as before it: (2.42 − 1) × 100 = 142 % more often. The search
matches brand and generic names, case-insensitively, on part of a word:""",
    ),
    cell(
        "code",
        """from spasm_edu.models import medication

for e in medication.ratios():
    if e.significant:
        more = (e.value_low - 1) * 100
        print(f"{e.label}: {e.value_low:.2f} -> {more:.0f}% more often after than before")
    else:
        print(f"{e.label}: {e.value_low:.2f} -> not significant: no clear difference from 1.0")
for query in ["sudaf", "ADDERALL", "pro air", "salbutamol", "Lipitor"]:
    hit = medication.search(query)[0]
    med = hit.medicine
    print(f"{query!r} -> {med.name} ({hit.matched_kind}: {hit.matched_name}; {med.class_label})")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Quinine is not a routine cramp treatment.** Quinine was long prescribed for night-time
leg cramps, and patients may still ask for it. Regulators now advise against routine use: its
benefit is modest and it can cause rare but serious blood reactions. Patients who search for it
in the explorer above see the same caution in plain words. What the regulators say:""",
    ),
    cell(
        "code",
        """for c in medication.cautions():
    print(f"{c.title} ({', '.join(c.source_ids)}): {c.student}")""",
        "nbval-check-output",
    ),
    cell(
        "md",
        """**Data exercise.** The medicines, their classes and the evidence are three tables in
`data/`. Join them with pandas: how many medicines does each class hold, and which classes have a
measured sequence ratio? What share of the list rests only on the Merck list (no measured size)?""",
    ),
    cell(
        "code",
        """from spasm_edu import facts

drugs = facts.table("medication_drugs.csv").frame()
classes = facts.table("medication_classes.csv").frame()
evidence = facts.table("medication_evidence.csv").frame()
ratios = evidence[evidence.measure == "adjusted_sequence_ratio"]
table = (
    drugs.groupby("class_id")
    .size()
    .rename("medicines")
    .reset_index()
    .merge(classes[["class_id", "label"]], on="class_id")
    .merge(ratios[["class_id", "value_low", "significant"]], on="class_id", how="left")
    .rename(columns={"value_low": "sequence_ratio"})
    .sort_values("sequence_ratio", ascending=False)
)
print(f"{table.sequence_ratio.notna().sum()} of {len(table)} classes have a measured ratio")
table[["label", "medicines", "sequence_ratio", "significant"]]""",
        "nbval-ignore-output",
    ),
    cell("md", "## Check your understanding"),
    cell(
        "code",
        """from spasm_edu.explorers.quiz import Quiz

Quiz("03_medication.ipynb")""",
        "nbval-ignore-output",
    ),
    gen("doctor"),
    gen("sources"),
    cell("md", "---\nCode: MIT licence. Teaching content: CC BY 4.0. See README.md.", "footer"),
    gen("nav"),
]

write_notebook(
    "03_medication.ipynb",
    cells,
    {
        "cause": "medication",
        "data": [
            "medication_classes.csv",
            "medication_drugs.csv",
            "medication_evidence.csv",
            "medication_cautions.csv",
        ],
        "sources": ["seed_article"],
    },
)

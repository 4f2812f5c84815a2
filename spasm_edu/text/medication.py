"""Medication wording for patients and for nursing students.

Every summary, even an empty one, ends with the prescriber reminder.
"""

from __future__ import annotations

from spasm_edu.models.medication import Evidence, Match, MedicationReview, Medicine
from spasm_edu.text import esc, paragraph, student_box

PRESCRIBER_REMINDER = (
    "Do not stop or change a prescribed medicine without talking to your prescriber."
)
MAX_PATIENT_MATCHES = 5
MAX_STUDENT_MATCHES = 12


def reminder_html() -> str:
    return (
        '<p class="spasm-reminder" role="note"><strong>'
        + esc(PRESCRIBER_REMINDER)
        + "</strong> Tell them about your cramps. They can help.</p>"
    )


def matched_phrase(hit: Match) -> str:
    """How the search found it: 'Sudafed is a brand of pseudoephedrine.'"""
    med = hit.medicine
    if hit.matched_kind == "brand":
        return f"{esc(hit.matched_name)} is a brand of {esc(med.name.lower())}."
    if hit.matched_kind == "other name":
        return f"{esc(hit.matched_name)} is another name for {esc(med.name.lower())}."
    return ""


def evidence_sentence(med: Medicine) -> str:
    """What a study found, in plain words (no number for patients)."""
    ratio = med.ratio
    if ratio is None:
        return ""
    if ratio.significant:
        text = "A large study found a link between this type of medicine and leg cramps."
    else:
        text = "A large study did not find a clear link for this type of medicine."
    measures = {e.measure for e in med.evidence}
    if "percent_reporting_muscle_symptoms" in measures:
        text += " Muscle aches are common in people who take statins."
        if "percent_muscle_symptoms_blinded_placebo" in measures:
            text += (
                " But in careful tests, people on a dummy pill had them almost as often."
                " So most of these aches are not caused by the statin."
            )
        text += " Serious muscle harm is rare."
    return text


def medicine_item(med: Medicine, hit: Match | None = None) -> str:
    """One list item: name, group, how it can cause spasms, and any study finding."""
    parts = [f"<strong>{esc(med.display_name)}</strong>."]
    if hit is not None and matched_phrase(hit):
        parts.append(matched_phrase(hit))
    parts.append(f"Group: {esc(med.plain_class)}.")
    parts.append(esc(med.how))
    found = evidence_sentence(med)
    if found:
        parts.append(found)
    return "<li>" + " ".join(parts) + "</li>"


def patient_summary(review: MedicationReview, max_matches: int = MAX_PATIENT_MATCHES) -> str:
    """Short, plain summary: what the search found, what was ticked, and the reminder."""
    out = []
    if review.taking:
        n = len(review.taking)
        out.append(paragraph(f"You ticked {n} {'medicine' if n == 1 else 'medicines'}:"))
        out.append("<ul>" + "".join(medicine_item(m) for m in review.taking) + "</ul>")
    for caution in review.cautions:
        out.append(paragraph(f"<strong>{esc(caution.title)}.</strong>", esc(caution.plain)))
    if review.query.strip() and not review.matches and not review.cautions:
        out.append(
            paragraph(
                f"We did not find “{esc(review.query.strip())}” in this list.",
                "Not every medicine is here.",
                "Ask your nurse or pharmacist about it.",
            )
        )
    elif review.matches:
        shown = [h for h in review.matches if h.medicine not in review.taking][:max_matches]
        if shown:
            out.append(paragraph("This list has:"))
            out.append("<ul>" + "".join(medicine_item(h.medicine, h) for h in shown) + "</ul>")
        hidden = len([h for h in review.matches if h.medicine not in review.taking]) - len(shown)
        if hidden > 0:
            out.append(paragraph(f"There are {hidden} more. Type more of the name to narrow it."))
    if not review.taking and not review.matches and not review.query.strip():
        out.append(
            paragraph(
                "Type the name of a medicine you take. A brand name works too.",
                "Then tick it to learn how it can cause cramps.",
            )
        )
    out.append(reminder_html())
    return "".join(out)


def ratio_text(e: Evidence) -> str:
    """'2.42 (significant)' / '1.20 (not significant)'."""
    return f"{e.value_low:.2f} ({'significant' if e.significant else 'not significant'})"


def evidence_text(med: Medicine) -> str:
    bits = []
    for e in med.evidence:
        if e.is_ratio:
            bits.append(
                f"adjusted sequence ratio {ratio_text(e)}; 1.0 = no signal "
                f"(<code>{e.source_id}</code>)"
            )
        elif e.measure == "percent_reporting_muscle_symptoms":
            bits.append(
                f"muscle symptoms reported by {e.value_low:g}–{e.value_high:g}% of users in "
                f"registries and observational studies (<code>{e.source_id}</code>)"
            )
        elif e.measure == "percent_muscle_symptoms_blinded_statin":
            placebo = next(
                (x for x in med.evidence if x.measure == "percent_muscle_symptoms_blinded_placebo"),
                None,
            )
            against = f" vs {placebo.value_low:g}% on placebo" if placebo else ""
            bits.append(
                f"in double-blind trials, muscle pain or weakness in {e.value_low:g}% on a "
                f"statin{against}: most such symptoms are not caused by the statin "
                f"(<code>{e.source_id}</code>)"
            )
        elif e.measure == "myopathy_one_in_n_users":
            bits.append(
                f"true myopathy with raised CK in 1 in {e.value_low:,.0f} to 1 in "
                f"{e.value_high:,.0f} users (<code>{e.source_id}</code>)"
            )
    return "; ".join(bits) if bits else "listed as a cause; no measured size"


def student_row(med: Medicine) -> str:
    brands = ", ".join(med.brand_names) or "—"
    sources = ", ".join(f"<code>{s}</code>" for s in med.source_ids)
    return (
        f"<tr><td>{esc(med.name)}</td><td>{esc(brands)}</td><td>{esc(med.class_label)}</td>"
        f"<td>{esc(med.mechanism_student)}</td><td>{evidence_text(med)}</td>"
        f"<td>{sources}</td></tr>"
    )


def student_summary(review: MedicationReview) -> str:
    """The patient summary (all matches) plus a table of class, mechanism and evidence."""
    meds = list(review.taking) + [
        h.medicine for h in review.matches if h.medicine not in review.taking
    ]
    meds = meds[:MAX_STUDENT_MATCHES]
    body = (
        "<p>Evidence strength: Garrison 2012 used prescription sequence symmetry. The adjusted "
        "sequence ratio compares how often cramp treatment (quinine) started <em>after</em> a "
        "medicine with how often it started <em>before</em> it. 1.0 = no signal. It is a "
        "population signal, not a person's risk.</p>"
    )
    if meds:
        body += (
            '<table class="spasm-table"><thead><tr><th scope="col">Generic name</th>'
            '<th scope="col">Brands</th><th scope="col">Class</th><th scope="col">Mechanism</th>'
            '<th scope="col">Evidence</th><th scope="col">Sources</th></tr></thead><tbody>'
            + "".join(student_row(m) for m in meds)
            + "</tbody></table>"
        )
    for caution in review.cautions:
        sources = ", ".join(f"<code>{esc(s)}</code>" for s in caution.source_ids)
        body += f"<p><strong>{esc(caution.title)}.</strong> {esc(caution.student)} ({sources})</p>"
    body += f"<p><strong>{esc(PRESCRIBER_REMINDER)}</strong></p>"
    return patient_summary(review, max_matches=MAX_STUDENT_MATCHES) + student_box(
        "class, mechanism and evidence", body
    )

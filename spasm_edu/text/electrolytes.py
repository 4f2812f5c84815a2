"""Electrolyte wording for patients and for nursing students. No diagnosis words: a value is
"below the usual reference range", and every result says "Ask your doctor about this result"."""

from __future__ import annotations

from spasm_edu.models.electrolytes import (
    Analyte,
    Band,
    ElectrolyteCheck,
    LabResult,
    PotassiumDay,
    constant,
)
from spasm_edu.text import amount, esc, paragraph, student_box

ASK = "Ask your doctor about this result."
NO_UPPER_LIMIT = "There is no upper limit set for potassium from food."


def decimals(a: Analyte, unit: str) -> int:
    """How many decimals a lab report shows: sodium 0, potassium 1, mg/dL 1, else 2."""
    if a.analyte_id == "sodium":
        return 0
    if a.analyte_id == "potassium" or unit == "mg/dL":
        return 1
    return 2


def number(a: Analyte, value_mmol_l: float, unit: str) -> str:
    """A value in mmol/L shown in ``unit`` at lab precision: '3.2 mmol/L', '8.8 mg/dL'."""
    factor = 1.0 if unit == a.si_unit else a.other_per_mmol_l
    return f"{value_mmol_l * factor:.{decimals(a, unit)}f} {unit}"


def joined(items: str) -> str:
    """'a, b, c' -> 'a, b and c'."""
    parts = [p.strip() for p in items.split(",") if p.strip()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def range_phrase(lab: LabResult) -> str:
    ref = lab.analyte.reference
    about = "about " if ref.approximate else ""
    return (
        f"The usual reference range is {about}{number(lab.analyte, ref.lower_mmol_l, lab.unit)}"
        f" to {number(lab.analyte, ref.upper_mmol_l, lab.unit)}."
    ).replace(f" {lab.unit} to", " to")


def lab_patient(lab: LabResult) -> str:
    a = lab.analyte
    shown = lab.value_mmol_l if not lab.corrected else lab.measured_mmol_l
    name = a.plain_label
    sentences = [f"Your {esc(name)} result is <strong>{number(a, shown, lab.unit)}</strong>."]
    if lab.corrected:
        sentences.append(
            f"Your albumin is {lab.albumin_g_dl:g} g/dL. With it, your corrected calcium is "
            f"<strong>{lab.corrected_mg_dl:.1f} mg/dL</strong>."
        )
    sentences.append(range_phrase(lab))
    if lab.position == "above":
        sentences.append("This result is <strong>above the usual reference range</strong>.")
    else:
        sentences.append(f"This result is <strong>{esc(lab.band.plain_label)}</strong>.")
    out = [paragraph(*sentences)]
    band = lab.band
    if band is not None and band.symptoms:
        out.append(paragraph(f"Low {esc(name)} can cause {esc(joined(band.symptoms))}."))
    elif band is not None and band.rank > 0:
        out.append(paragraph("Symptoms usually start only at lower levels."))
    out.append(paragraph(f"<strong>{ASK}</strong>"))
    return "".join(out)


def day_patient(day: PotassiumDay) -> str:
    if day.total_mg == 0:
        return paragraph(
            "Pick the foods you eat in a day.",
            "We will add up the potassium in them.",
            esc(NO_UPPER_LIMIT),
        )
    return paragraph(
        f"Your foods have about <strong>{amount(day.total_mg, 'mg')}</strong> of potassium.",
        f"The amount to aim for each day is {amount(day.adequate_intake_mg, 'mg', exact=True)}"
        f" for {esc(day.intake_label.lower())}.",
        f"You reach about {day.percent_of_intake:.0f}% of it.",
        esc(NO_UPPER_LIMIT),
    )


def patient_summary(check: ElectrolyteCheck, with_lab: bool = True) -> str:
    """Short, plain summary: the lab value against its range (only when the person has a
    result to look at), then the day's potassium."""
    lab = (
        lab_patient(check.lab)
        if with_lab
        else "<p>You have not entered a blood test result. That is fine. If you have one, tick "
        "the box above.</p>"
    )
    return (
        "<h3>Your lab result</h3>"
        + lab
        + "<h3>Potassium in your food</h3>"
        + day_patient(check.day)
    )


def band_range(b: Band, a: Analyte) -> str:
    def both(v_mmol: float) -> str:
        return f"{number(a, v_mmol, a.si_unit)} ({number(a, v_mmol, a.other_unit)})"

    if b.lower is None:
        return f"below {both(b.upper_mmol_l)}"
    if b.rank == 0:
        return f"{both(b.lower_mmol_l)} to {both(b.upper_mmol_l)}"
    return f"{both(b.lower_mmol_l)} to under {both(b.upper_mmol_l)}"


def lab_student(lab: LabResult) -> str:
    a = lab.analyte
    rows = []
    if a.other_unit == "mEq/L":
        rows.append(
            f"<li>Units: {lab.value:g} {lab.unit} = {lab.value:g} "
            f"{a.other_unit if lab.unit == a.si_unit else a.si_unit} (monovalent ion: "
            "1 mmol = 1 mEq).</li>"
        )
    elif lab.unit == "mg/dL":
        rows.append(
            f"<li>Units: {lab.value:g} mg/dL ÷ {a.other_per_mmol_l:g} = "
            f"{lab.measured_mmol_l:.2f} mmol/L.</li>"
        )
    else:
        rows.append(
            f"<li>Units: {lab.value:g} mmol/L × {a.other_per_mmol_l:g} = "
            f"{lab.measured_mmol_l * a.other_per_mmol_l:.1f} mg/dL.</li>"
        )
    if lab.corrected:
        measured = lab.measured_mmol_l * a.other_per_mmol_l
        rows.append(
            f"<li>Corrected calcium = measured + {constant('ca_correction_factor'):g} × "
            f"({constant('ca_correction_albumin'):.1f} − albumin) = {measured:.1f} + "
            f"{constant('ca_correction_factor'):g} × ({constant('ca_correction_albumin'):.1f} − "
            f"{lab.albumin_g_dl:g}) = <strong>{lab.corrected_mg_dl:.1f} mg/dL</strong>.</li>"
        )
    head = (
        '<table class="spasm-table"><thead><tr><th scope="col">Band</th>'
        '<th scope="col">Range</th><th scope="col">Symptoms linked</th>'
        '<th scope="col">Sources</th></tr></thead><tbody>'
    )
    body = ""
    for b in a.bands:
        mark = " ◀ this result" if lab.band == b else ""
        approx = " (approximate)" if b.approximate else ""
        body += (
            f"<tr><td>{esc(b.label)}{approx}<strong>{mark}</strong></td>"
            f"<td>{band_range(b, a)}</td><td>{esc(b.symptoms or '—')}</td>"
            f"<td>{', '.join(f'<code>{s}</code>' for s in b.source_ids)}</td></tr>"
        )
    if lab.position == "above":
        body += (
            "<tr><td><strong>Above the reference range ◀ this result</strong></td>"
            f"<td>above {band_range(a.reference, a).split(' to ')[1]}</td>"
            "<td>no high bands in the reference sheet</td><td>—</td></tr>"
        )
    note = f"<p>{esc(a.note)}</p>" if a.note else ""
    return "<ul>" + "".join(rows) + "</ul>" + head + body + "</tbody></table>" + note


def day_student(day: PotassiumDay) -> str:
    items = "".join(
        f"<li>{s.count} × {esc(s.label.lower())} ({esc(s.serving)}): "
        f"{amount(s.potassium_mg, 'mg')}{' (approximate)' if s.approximate else ''}</li>"
        for s in day.servings
        if s.count
    )
    return (
        f"<ul>{items}<li>Total {amount(day.total_mg, 'mg')} = {day.percent_of_intake:.0f}% of "
        f"the NASEM 2019 adequate intake for {esc(day.intake_label.lower())} "
        f"({amount(day.adequate_intake_mg, 'mg', exact=True)}/day). Food-label Daily Value "
        f"(FDA): {amount(day.daily_value_mg, 'mg', exact=True)}. No tolerable upper intake "
        "level (UL) was set.</li></ul>"
    )


def student_summary(check: ElectrolyteCheck) -> str:
    """The patient summary plus the unit conversion, corrected calcium and band table."""
    return (
        patient_summary(check)
        + student_box("the lab value", lab_student(check.lab))
        + student_box("the potassium sums", day_student(check.day))
    )

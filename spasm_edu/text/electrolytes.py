"""Electrolyte wording for patients and for nursing students. No diagnosis words: a value is
"below" or "above the usual reference range". What to do comes from the band's level of care
(data/electrolyte_bands.csv) in the words of data/triage_levels.csv: a result in an urgent band
says to call the doctor today and when to call 911; a symptom that makes it an emergency says
to call 911 now."""

from __future__ import annotations

from spasm_edu import facts
from spasm_edu.models.electrolytes import (
    Analyte,
    Band,
    Caution,
    ElectrolyteCheck,
    LabResult,
    PotassiumDay,
    Urgency,
    cautions_for,
    constant,
    symptoms,
)
from spasm_edu.models.triage import Level, level_row
from spasm_edu.text import amount, esc, paragraph, student_box

ASK = "Ask your doctor about this result."
NO_UPPER_LIMIT = "There is no upper limit set for potassium from food for healthy people."
NO_SYMPTOMS_HERE = "Most people have no symptoms at this level."
TINGLING_IDS = ("mouth_tingling", "hands_feet_lock")
TINGLING_TESTS = ("calcium_total", "calcium_ionized", "magnesium")
SIDE_WORD = {"low": "Low", "high": "High"}


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


def short_label(b: Band) -> str:
    """'far below the usual reference range' -> 'Far below'; the range itself: 'Usual range'."""
    if b.side == "reference":
        return "Usual range"
    words = b.plain_label.removesuffix(" the usual reference range")
    return words[:1].upper() + words[1:]


def range_phrase(lab: LabResult) -> str:
    ref = lab.analyte.reference
    about = "about " if ref.approximate else ""
    return (
        f"The usual reference range is {about}{number(lab.analyte, ref.lower_mmol_l, lab.unit)}"
        f" to {number(lab.analyte, ref.upper_mmol_l, lab.unit)}."
    ).replace(f" {lab.unit} to", " to")


def level_html(level: Level) -> str:
    """The level's badge and what to do, in the words of data/triage_levels.csv (the
    emergency badge already says what to do)."""
    row = level_row(level)
    badge = f"<strong>{esc(row.badge.rstrip('.'))}.</strong>"
    return badge if level == Level.emergency else f"{badge} {esc(row.what_to_do)}"


def emergency_sentence(emergency_if: str) -> str:
    """'Call 911 or your local emergency number now if you <emergency_if>.'"""
    heading = level_row(Level.emergency).heading
    return f"{esc(heading)} you {esc(emergency_if)}."


def caution_paragraphs(items: tuple[Caution, ...]) -> list[str]:
    return [paragraph(esc(c.plain)) for c in items]


def action_html(u: Urgency) -> str:
    """What to do now: ask at the next visit, see a doctor soon, get help today (and when to
    call 911), or call 911 now, with the reason."""
    if u.level == Level.self_care:
        return paragraph(f"<strong>{ASK}</strong>") if u.lab is not None else ""
    parts = [paragraph(level_html(u.level))]
    if u.level == Level.see_doctor and u.lab is not None:
        parts.append(paragraph(ASK))
    if u.level == Level.urgent and u.emergency_if:
        parts.append(paragraph(f"<strong>{emergency_sentence(u.emergency_if)}</strong>"))
    if u.level == Level.emergency:
        reasons = u.raised_by or tuple(s for s in u.ticked if u.flag_level == Level.emergency)
        parts += [paragraph(esc(s.why)) for s in reasons[:2]]
    if u.level < Level.emergency:  # 911 now overrides "call your doctor today"
        parts += [paragraph(esc(rule.plain)) for rule in u.rules]
    if u.level >= Level.urgent:
        return '<div class="spasm-warning" role="alert">' + "".join(parts) + "</div>"
    return "".join(parts)


def symptom_sentence(lab: LabResult) -> str:
    band = lab.band
    if band.symptom_free:
        return paragraph(NO_SYMPTOMS_HERE)
    if band.symptom_list and band.side in SIDE_WORD:
        word = SIDE_WORD[band.side]
        return paragraph(
            f"{word} {esc(lab.analyte.plain_label)} can cause {esc(joined(band.symptom_list))}."
        )
    return ""


def lab_patient(lab: LabResult) -> str:
    """The result against its range and what it can cause (what to do: :func:`action_html`)."""
    a = lab.analyte
    shown = lab.value_mmol_l if not lab.corrected else lab.measured_mmol_l
    sentences = [
        f"Your {esc(a.plain_label)} result is <strong>{number(a, shown, lab.unit)}</strong>."
    ]
    if lab.corrected:
        sentences.append(
            f"Your albumin is {lab.albumin_g_dl:g} g/dL. With it, your corrected calcium is "
            f"<strong>{lab.corrected_mg_dl:.1f} mg/dL</strong>."
        )
    sentences.append(range_phrase(lab))
    sentences.append(f"This result is <strong>{esc(lab.band.plain_label)}</strong>.")
    return paragraph(*sentences) + symptom_sentence(lab)


def tingling_cautions(check: ElectrolyteCheck, with_lab: bool) -> tuple[Caution, ...]:
    """Neck surgery and fast breathing: shown with the calcium and magnesium tests and
    whenever tingling or locking hands are ticked. Never next to a 911 message; a fired rule
    shows its own words; fast breathing is called harmless only while nothing needs care
    today, and not after neck surgery."""
    u = check.urgency
    ticked = {s.symptom_id for s in u.ticked}
    shown = (with_lab and check.lab.analyte.analyte_id in TINGLING_TESTS) or bool(
        ticked & set(TINGLING_IDS)
    )
    if not shown or u.level == Level.emergency:
        return ()
    fired = {c.caution_id for c in u.rules}
    calm = u.level < Level.urgent and not fired
    return tuple(
        c
        for c in cautions_for("tingling")
        if c.caution_id not in fired and (c.level is not None or calm)
    )


def day_patient(day: PotassiumDay, lab: LabResult | None = None, target_told: bool = True) -> str:
    caveats = caution_paragraphs(cautions_for("potassium_foods"))
    if lab is not None and lab.analyte.analyte_id == "potassium" and lab.position == "above":
        caveats = caution_paragraphs(cautions_for("potassium_high")) + caveats
    if day.total_mg == 0:
        head = paragraph(
            "Pick the foods you eat in a day.",
            "We will add up the potassium in them.",
            esc(NO_UPPER_LIMIT),
        )
    elif not target_told:  # sex or pregnancy not answered: no target is the patient's yet
        rows = {r.intake_id: r for r in facts.table("electrolyte_potassium_intake.csv")}
        women, men = rows["women"].mg_per_day, rows["men"].mg_per_day
        head = paragraph(
            f"Your foods have about <strong>{amount(day.total_mg, 'mg')}</strong> of potassium.",
            f"Adults 19 and older should aim for about {amount(women, 'mg', exact=True)} a day"
            f" (women) or {amount(men, 'mg', exact=True)} (men).",
            "Choose your sex and pregnancy above to see your own amount.",
            esc(NO_UPPER_LIMIT),
        )
    else:
        head = paragraph(
            f"Your foods have about <strong>{amount(day.total_mg, 'mg')}</strong> of potassium.",
            f"The amount to aim for each day is {amount(day.adequate_intake_mg, 'mg', exact=True)}"
            f" for {esc(day.intake_label.lower())}.",
            f"You reach about {day.percent_of_intake:.0f}% of it.",
            esc(NO_UPPER_LIMIT),
        )
    return head + "".join(caveats)


NO_RESULT = (
    "<p>You have not entered a blood test result. That is fine. If you have one, tick "
    "the box above.</p>"
)


def patient_summary(
    check: ElectrolyteCheck, with_lab: bool = True, target_told: bool = True
) -> str:
    """Short, plain summary: the lab value against its range and what to do (only when the
    person has a result to look at), any ticked symptoms, then the day's potassium."""
    u = check.urgency
    lab = (lab_patient(check.lab) if with_lab else NO_RESULT) + action_html(u)
    lab += "".join(caution_paragraphs(tingling_cautions(check, with_lab)))
    return (
        "<h3>Your lab result</h3>"
        + lab
        + "<h3>Potassium in your food</h3>"
        + day_patient(check.day, check.lab if with_lab else None, target_told)
    )


def band_range(b: Band, a: Analyte) -> str:
    def both(v_mmol: float) -> str:
        return f"{number(a, v_mmol, a.si_unit)} ({number(a, v_mmol, a.other_unit)})"

    if b.lower is None:
        return f"below {both(b.upper_mmol_l)}"
    if b.upper is None:
        return f"{both(b.lower_mmol_l)} or more"
    if b.side == "reference":
        return f"{both(b.lower_mmol_l)} to {both(b.upper_mmol_l)}"
    start = "over " if b.lower_open else ""
    return f"{start}{both(b.lower_mmol_l)} to under {both(b.upper_mmol_l)}"


def lab_student(lab: LabResult, u: Urgency | None = None) -> str:
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
    if u is not None:
        why = lab.band.level_note or "Within the reference range."
        rows.append(
            f"<li>Care needed: <strong>{esc(level_row(u.level).badge)}</strong>. Band level: "
            f"{esc(str(lab.level))} ({esc(why)})"
            + (
                "; raised by " + ", ".join(esc(s.label.lower()) for s in u.raised_by)
                if u.raised_by
                else ""
            )
            + (
                "; caution rule: " + ", ".join(esc(c.caution_id) for c in u.rules)
                if u.rules
                else ""
            )
            + ". No score: the highest level wins.</li>"
        )
    head = (
        '<table class="spasm-table"><thead><tr><th scope="col">Band</th>'
        '<th scope="col">Range</th><th scope="col">Symptoms linked</th>'
        '<th scope="col">Care needed</th><th scope="col">Sources</th></tr></thead><tbody>'
    )
    body = ""
    for b in a.bands:
        mark = " ◀ this result" if lab.band == b else ""
        approx = " (approximate)" if b.approximate else ""
        care = level_row(b.level).badge
        if b.emergency_if:
            care += f"; 911 if the person is unwell: they {b.emergency_if}"
        body += (
            f"<tr><td>{esc(b.label)}{approx}<strong>{mark}</strong></td>"
            f"<td>{band_range(b, a)}</td><td>{esc(b.symptoms or '—')}</td>"
            f"<td>{esc(care)}</td>"
            f"<td>{', '.join(f'<code>{s}</code>' for s in b.source_ids)}</td></tr>"
        )
    note = f"<p>{esc(a.note)}</p>" if a.note else ""
    return "<ul>" + "".join(rows) + "</ul>" + head + body + "</tbody></table>" + note


def cautions_student(items: tuple[Caution, ...]) -> str:
    out = ""
    for c in items:
        sources = ", ".join(f"<code>{s}</code>" for s in c.source_ids)
        out += f"<p>{esc(c.student)} ({sources})</p>"
    return out


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
        "level (UL) was set, for apparently healthy people only.</li></ul>"
        + cautions_student(cautions_for("potassium_foods"))
    )


def student_summary(check: ElectrolyteCheck) -> str:
    """The patient summary plus the unit conversion, the band table with the care each band
    needs, the cautions and the potassium sums."""
    tingling = cautions_for("tingling")
    show_tingling = check.lab.analyte.analyte_id in TINGLING_TESTS or any(
        s.symptom_id in TINGLING_IDS for s in check.urgency.ticked
    )
    return (
        patient_summary(check)
        + student_box("the lab value", lab_student(check.lab, check.urgency))
        + (
            student_box("tingling and hand spasm", cautions_student(tingling))
            if show_tingling
            else ""
        )
        + student_box("the potassium sums", day_student(check.day))
    )


def symptom_heading() -> str:
    return "Do you have any of these now?"


def symptom_labels() -> dict[str, str]:
    """Symptom id -> the tick-box text (data/electrolyte_symptoms.csv)."""
    return {s.symptom_id: s.label for s in symptoms().values()}

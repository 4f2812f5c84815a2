"""Stress and fatigue wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.stress_fatigue import CheckIn, SleepRec
from spasm_edu.text import esc, paragraph, student_box


def hours(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} hours" if text != "1" else "1 hour"


def rec_sentence(rec: SleepRec) -> str:
    if rec.max_h is None:
        return f"Adults your age should sleep {hours(rec.min_h)} or more each night."
    return f"Adults your age should sleep {rec.min_h:g} to {hours(rec.max_h)} each night."


def sleep_paragraph(result: CheckIn) -> str:
    week = result.sleep
    if week is None:
        if result.nights_told:
            return paragraph("Choose your age to compare your sleep with the advice for your age.")
        return paragraph("You have not said how long you sleep yet.")
    all_told = week.nights_told == 7
    nights = "your 7 nights" if all_told else "those nights"
    text = []
    if all_told:
        text.append(f"You slept about <strong>{hours(week.average_h)}</strong> a night.")
    else:
        one = week.nights_told == 1
        text.append(
            f"You told us about {'1 night' if one else f'{week.nights_told} nights'}. "
            f"You slept about <strong>{hours(week.average_h)}</strong>"
            + (" that night." if one else " a night on those nights.")
        )
    text.append(rec_sentence(week.rec))
    if week.nights_under:
        text.append(
            f"<strong>{week.nights_under} of {nights}</strong> "
            f"{'was' if week.nights_under == 1 else 'were'} shorter than "
            f"{hours(week.rec.min_h)}."
            if week.nights_told > 1
            else f"That is shorter than {hours(week.rec.min_h)}."
        )
    elif all_told:
        text.append("None of your nights were too short. Well done.")
    elif week.nights_told > 1:
        text.append("None of those nights were too short.")
    if week.nights_over:
        text.append(
            f"{week.nights_over} of {nights} {'was' if week.nights_over == 1 else 'were'} "
            f"longer than {hours(week.rec.max_h)}."
            if week.nights_told > 1
            else f"That is longer than {hours(week.rec.max_h)}."
        )
    return paragraph(*text)


def stress_paragraph(result: CheckIn) -> str:
    if result.stress is None:
        if result.hard_to_cope:
            return paragraph(
                "You said it feels hard to cope.",
                "Stress and tiredness can bring on spasms and twitches.",
            )
        return paragraph("You have not said how stressed you feel.")
    if result.stress == "none" and not result.hard_to_cope:
        return paragraph("You said you do not feel stressed right now.")
    text = [f"You said you feel <strong>{esc(result.stress_words)}</strong>."]
    if result.hard_to_cope:
        text.append("You also said it feels hard to cope.")
    text.append("Stress and tiredness can bring on spasms and twitches.")
    return paragraph(*text)


def patient_summary(result: CheckIn) -> str:
    """Short, plain summary for a patient session."""
    parts = []
    if result.doctor_reasons:
        items = "".join(f"<li>{esc(r.sign)}</li>" for r in result.doctor_reasons)
        parts.append(
            f"<p><strong>Please see a doctor soon. You told us:</strong></p><ul>{items}</ul>"
        )
    parts += [sleep_paragraph(result), stress_paragraph(result)]
    for f in result.findings:
        text = [esc(f.says)]
        if f.does_not_say:
            text.append(esc(f.does_not_say))
        parts.append(paragraph(*text))
    if result.steps:
        items = "".join(f"<li>{esc(s.text)}</li>" for s in result.steps)
        parts.append(f"<p><strong>Things you can try:</strong></p><ul>{items}</ul>")
    return "".join(parts)


def percent(low: float, high: float) -> str:
    return f"{low:g}%" if low == high else f"{low:g}–{high:g}%"


def student_summary(result: CheckIn) -> str:
    """The patient summary plus the numbers, the evidence and its limits."""
    week = result.sleep
    rec = week.rec
    band = f"≥ {rec.min_h:g} h" if rec.max_h is None else f"{rec.min_h:g}–{rec.max_h:g} h"
    nights = ", ".join(f"{n.night} {n.hours:g} h ({n.status})" for n in week.nights)
    rows = [
        f"<li>Recommendation for {esc(rec.label.lower())}: {band} per night "
        f"(<code>{esc(rec.source_id)}</code>).</li>",
        f"<li>Nights: {esc(nights)}.</li>",
        f"<li>Mean {week.average_h:.2f} h; {week.nights_under} night(s) under, "
        f"{week.nights_over} over; shortfall added up: {week.hours_short_total:.1f} h.</li>",
        f"<li>Stress check-in (the person's own words, not a score): "
        f"{esc(result.stress_words)}; hard to cope: {'yes' if result.hard_to_cope else 'no'}.</li>",
    ]
    for f in result.findings:
        figure = f"{percent(f.percent_low, f.percent_high)} — " if f.percent_low is not None else ""
        rows.append(
            f"<li>{esc(f.label)}: {figure}{esc(f.says)} (<code>{esc(f.source_id)}</code>)</li>"
        )
    limits = (
        "<p>Reading the evidence: NHANES 2005–08 is a cross-sectional survey, so it shows "
        "association, not cause; short sleep and cramps may share causes (age, medicines, "
        "illness). Hypnic jerks are common and harmless. Eyelid myokymia is usually "
        "self-limited; refer if it lasts weeks, spreads across the face or the lid droops.</p>"
    )
    return patient_summary(result) + student_box(
        "the numbers and the evidence", "<ul>" + "".join(rows) + "</ul>" + limits
    )


def handout_actions(result: CheckIn) -> tuple:
    """The handout's lines: the sleep target for this age against last week, and two steps
    (data/stress_fatigue_steps.csv): the first of each kind that applies (short sleep, stress,
    a symptom) before a second of the same kind."""
    from spasm_edu.text.handout import Action

    rec, week = result.sleep.rec, result.sleep
    if rec.max_h is None:
        target = f"Aim for {hours(rec.min_h)} of sleep or more a night."
        short = f"sleep {hours(rec.min_h)} or more a night"
    else:
        target = f"Aim for {rec.min_h:g} to {hours(rec.max_h)} of sleep a night."
        short = f"sleep {rec.min_h:g} to {hours(rec.max_h)} a night"
    lines = [
        Action(
            f"{target} Last week you slept about {hours(week.average_h)} a night.",
            tuple(rec.source_id.split(";")),
            short=short,
        )
    ]
    # one step for each thing told (short sleep, stress, a symptom), in data order, then the
    # next ones: a stressed patient gets a stress step, not only sleep steps (PEMAT item 22)
    first = list({s.applies_when: s for s in reversed(result.steps)}.values())[::-1]
    ordered = sorted(first, key=result.steps.index)
    picked = [*ordered, *(s for s in result.steps if s not in ordered)][:2]
    lines += [Action(s.text, tuple(s.source_id.split(";"))) for s in picked]
    return tuple(lines)

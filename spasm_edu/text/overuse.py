"""Overuse wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.overuse import INTENSITIES, MAX_MIN, OveruseCheck
from spasm_edu.text import esc, paragraph, student_box


def minutes(value: float) -> str:
    """'45 minutes', '1 hour 30 minutes'; the most the check takes reads '12 hours or more'."""
    more = " or more" if value >= MAX_MIN else ""
    if value >= 60:
        h, m = divmod(round(value), 60)
        hours = f"{h} hour" + ("s" if h != 1 else "")
        return (f"{hours} {m} minutes" if m else hours) + more
    return f"{value:.0f} minutes"


def told_anything(result: OveruseCheck) -> bool:
    """Whether the person has answered any question (patient mode starts with none)."""
    given = (result.exercise_min, result.intensity, result.hold_position_min, result.breaks)
    return result.more_than_usual or any(v is not None for v in given)


def echo_paragraph(result: OveruseCheck) -> str:
    if not told_anything(result):
        return paragraph("You have not told us about your day yet.")
    text = []
    level = INTENSITIES[result.intensity].split(" (")[0] if result.intensity else None
    if result.exercise_min is None:
        text.append("You have not said how long you were active.")
    elif result.exercise_min > 0:
        at = f", at a {level} level" if level else ""
        text.append(f"You said you were active for {minutes(result.exercise_min)}{at}.")
    else:
        text.append("You said you did no exercise or hard work today.")
    if result.hold_position_min:
        up_to = "" if result.hold_position_min >= MAX_MIN else "up to "
        text.append(f"You stayed in one position for {up_to}{minutes(result.hold_position_min)}.")
    moved = bool(result.exercise_min) or bool(result.hold_position_min)
    if moved and result.breaks is not None:
        n = result.breaks
        text.append(
            "You took no breaks." if n == 0 else f"You took {n} break{'s' if n != 1 else ''}."
        )
    if result.more_than_usual:
        text.append("This was more than you usually do.")
    return paragraph(*(esc(t) for t in text))


def patient_summary(result: OveruseCheck) -> str:
    """Short, plain summary for a patient session: the person's own load, then the tips."""
    items = "".join(f"<li>{esc(t.text)}</li>" for t in result.tips)
    heading = "Tips that fit your day" if told_anything(result) else "A tip for any day"
    return (
        echo_paragraph(result)
        + f"<p><strong>{heading}:</strong></p><ul>{items}</ul>"
        + paragraph(
            "There is no set number of minutes that brings on a cramp.",
            "It is different for each person.",
            "So watch how your own muscles feel.",
        )
    )


def student_summary(result: OveruseCheck) -> str:
    """The patient summary plus why each tip applies and the questions no source answers."""
    tips = "".join(
        f"<li><strong>{esc(t.tip_id)}</strong> (condition <code>{esc(t.applies_when)}</code>): "
        f"{esc(t.student_note)} <code>{esc(t.source_id)}</code></li>"
        for t in result.tips
    )
    unknowns = "".join(
        f"<li>{esc(u.question)} — {esc(u.student_note)} <code>{esc(u.source_id)}</code></li>"
        for u in result.unknowns
    )
    body = (
        f"<p>Conditions that hold: {esc(', '.join(result.conditions))}. Each is a yes/no answer "
        "or “more than zero”; no cut-off in minutes is used, because none is published. "
        "Intensity is the person's own rating (talk test), echoed, not scored.</p>"
        f"<ul>{tips}</ul><p><strong>No published threshold:</strong></p><ul>{unknowns}</ul>"
    )
    return patient_summary(result) + student_box("why these tips", body)

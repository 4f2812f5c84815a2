"""Overuse wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.overuse import INTENSITIES, OveruseCheck
from spasm_edu.text import esc, paragraph, student_box


def minutes(value: float) -> str:
    if value >= 60:
        h, m = divmod(round(value), 60)
        hours = f"{h} hour" + ("s" if h != 1 else "")
        return f"{hours} {m} minutes" if m else hours
    return f"{value:.0f} minutes"


def echo_paragraph(result: OveruseCheck) -> str:
    text = []
    if result.exercise_min > 0:
        level = INTENSITIES[result.intensity].split(" (")[0]
        text.append(
            f"You said you were active for {minutes(result.exercise_min)}, at a {level} level."
        )
    else:
        text.append("You said you did no exercise or hard work today.")
    if result.hold_position_min > 0:
        text.append(f"You stayed in one position for up to {minutes(result.hold_position_min)}.")
    if result.exercise_min > 0 or result.hold_position_min > 0:
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
    return (
        echo_paragraph(result)
        + f"<p><strong>Tips that fit your day:</strong></p><ul>{items}</ul>"
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

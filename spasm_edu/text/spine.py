"""Spine wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.spine import SpineView
from spasm_edu.models.triage import level_row
from spasm_edu.text import esc, paragraph, student_box


def condition_html(view: SpineView, about: str = "") -> str:
    c = view.condition
    return "".join(
        [
            f"<h3>{esc(about)}{esc(c.plain_name)} ({esc(c.name.lower())})</h3>",
            paragraph(esc(c.what_happens)),
            paragraph("<strong>You may feel:</strong> " + esc(c.nerve_signs)),
            paragraph("<strong>Why spasms happen:</strong> " + esc(c.why_spasm)),
            paragraph(
                "<strong>Why rest alone may not fix it:</strong> " + esc(c.why_rest_is_not_enough)
            ),
        ]
    )


def chosen_html(view: SpineView) -> str:
    """Patient mode: the condition picked to read about, said not to be a diagnosis."""
    if view.condition is None:
        return paragraph(
            "You have not picked a back problem to read about.",
            "Pick one above to learn how it can cause spasms.",
        )
    return paragraph(
        f"You picked <strong>{esc(view.condition.plain_name.lower())}</strong> to read about.",
        "This is not a diagnosis. Only a doctor can say what is wrong with your back.",
    ) + condition_html(view, about="About: ")


def flags_html(view: SpineView, none_ticked: bool | None = None) -> str:
    """The ticked signs and what they need. With none ticked, ``none_ticked`` says what that
    means: None (student mode) the usual advice; False (patient mode) not answered yet; True
    (patient mode) the person ticked that none of these fit."""
    if not view.ticked:
        if none_ticked is False:
            return paragraph(
                "You have not ticked any warning signs yet.",
                "Tick any you have, or tick the last box if none fit you.",
            )
        return paragraph(
            "You said you have none of these warning signs."
            if none_ticked
            else "You ticked none of the warning signs.",
            "See a doctor if a back spasm hurt you or keeps coming back.",
        )
    top = level_row(view.highest)
    out = [
        paragraph(f"<strong>{esc(top.badge)}.</strong> {esc(top.what_to_do)}"),
    ]
    if view.cauda_equina:
        out.append(
            paragraph(
                "Do not wait to see if it gets better.",
                "These signs can mean the nerves at the bottom of your spine are squeezed.",
                "Quick care helps protect the nerves.",
            )
        )
    items = "".join(
        f"<li><strong>{esc(level_row(t.level).badge)}:</strong> {esc(t.sign)}. {esc(t.why)}</li>"
        for t in view.ticked
    )
    out.append(f"<ul>{items}</ul>")
    return "".join(out)


def patient_summary(view: SpineView, none_ticked: bool = False) -> str:
    """Short, plain summary for a patient session. ``none_ticked``: the person ticked "none
    of these fit me" (until then an empty checklist is not read as an answer)."""
    return chosen_html(view) + "<h3>Your warning signs</h3>" + flags_html(view, none_ticked)


def student_summary(view: SpineView) -> str:
    """The patient summary plus the pathophysiology and where each level comes from."""
    c = view.condition
    rows = [f"<li>{esc(c.student_note)} (<code>{esc(c.source_id)}</code>)</li>"]
    for t in view.ticked:
        rows.append(
            f"<li><code>{t.flag_id}</code> → {t.level.name} (<code>{esc(t.source_id)}</code>)</li>"
        )
    note = (
        "<p>No score is made: each sign keeps the level its source gives it, and the advice "
        "follows the most urgent ticked sign. Cauda equina signs (saddle numbness, new bladder "
        "or bowel dysfunction, progressive leg weakness) need emergency assessment.</p>"
    )
    return (condition_html(view) + "<h3>Your warning signs</h3>" + flags_html(view)) + student_box(
        "the details", "<ul>" + "".join(rows) + "</ul>" + note
    )

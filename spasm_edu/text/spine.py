"""Spine wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.spine import SpineView
from spasm_edu.models.triage import level_row
from spasm_edu.text import esc, paragraph, student_box


def condition_html(view: SpineView) -> str:
    c = view.condition
    return "".join(
        [
            f"<h3>{esc(c.plain_name)} ({esc(c.name.lower())})</h3>",
            paragraph(esc(c.what_happens)),
            paragraph("<strong>You may feel:</strong> " + esc(c.nerve_signs)),
            paragraph("<strong>Why spasms happen:</strong> " + esc(c.why_spasm)),
            paragraph(
                "<strong>Why rest alone may not fix it:</strong> " + esc(c.why_rest_is_not_enough)
            ),
        ]
    )


def flags_html(view: SpineView) -> str:
    if not view.ticked:
        return paragraph(
            "You ticked none of the warning signs.",
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


def patient_summary(view: SpineView) -> str:
    """Short, plain summary for a patient session."""
    return condition_html(view) + "<h3>Your warning signs</h3>" + flags_html(view)


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
    return patient_summary(view) + student_box(
        "the details", "<ul>" + "".join(rows) + "</ul>" + note
    )

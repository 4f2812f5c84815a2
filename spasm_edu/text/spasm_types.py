"""Spasm types: wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.spasm_types import RegionView, SpasmType
from spasm_edu.text import esc, paragraph, student_box


def share(t: SpasmType) -> str:
    if t.percent_low is None:
        return ""
    if t.percent_low == t.percent_high:
        return f" About {t.percent_low:g} in 100 {esc(t.percent_of)}."
    return f" About {t.percent_low:g} to {t.percent_high:g} in 100 {esc(t.percent_of)}."


def links(t: SpasmType) -> str:
    if not t.causes:
        return "No notebook in this course covers its causes. Ask your doctor or nurse."
    return "Read more: " + ", ".join(
        f'<a href="{esc(c.notebook)}">{esc(c.name)}</a>' for c in t.causes
    )


def type_html(t: SpasmType) -> str:
    harmless = "Usually harmless." if t.usually_harmless else "Worth knowing the warning signs."
    return (
        f"<h3>{esc(t.name)}</h3>"
        + paragraph(esc(t.plain))
        + paragraph(f"<strong>How common:</strong> {esc(t.how_common)}{share(t)}", harmless)
        + paragraph(f"<strong>See a doctor if:</strong> {esc(t.see_doctor_if)}")
        + paragraph(links(t))
    )


def no_region_summary() -> str:
    """Patient mode before a body part is picked."""
    return paragraph("Pick a body part to see the kinds of spasm found there.")


def patient_summary(view: RegionView) -> str:
    """Short, plain summary for a patient session."""
    if not view.types:
        return paragraph(f"No spasm of this kind is listed for {esc(view.label.lower())}.")
    head = paragraph(f"Spasms you may feel in the <strong>{esc(view.label.lower())}</strong>:")
    return head + "".join(type_html(t) for t in view.types)


def student_summary(view: RegionView) -> str:
    """The patient summary plus muscle type and sources."""
    rows = [
        f"<li>{esc(t.name)}: {t.muscle_kind} muscle"
        + (
            " (the detrusor contracts on its own: smooth muscle, not under voluntary control)"
            if t.muscle_kind == "smooth"
            else ""
        )
        + f"; <code>{esc(t.source_id)}</code></li>"
        for t in view.types
    ]
    note = (
        "<p>A spasm is an involuntary contraction of a muscle or muscle group. Skeletal muscle "
        "spasms range from fasciculations (a motor unit firing: a visible twitch) to cramps "
        "(sustained, painful contraction). Smooth-muscle spasms happen in organs such as the "
        "bladder or gut.</p>"
    )
    return patient_summary(view) + student_box(
        "muscle types", "<ul>" + "".join(rows) + "</ul>" + note
    )

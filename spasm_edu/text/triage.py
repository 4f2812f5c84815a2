"""Triage wording: what to do now, why, and what to watch for (patients and students)."""

from __future__ import annotations

from spasm_edu import facts
from spasm_edu.models.triage import Assessment, Level, Reason, level_row
from spasm_edu.text import esc, paragraph, student_box

GROUP_LABELS = {
    "act_now": "Signs that need help right away",
    "how_often": "How often and how long",
    "what_else": "What else you notice",
    "back": "If the spasm is in your back",
    "injury_exertion": "After an injury, hard work or heat",
    "medicine": "Medicines",
    "other": "Other things your nurse should know",
    "pregnancy": "If you are pregnant",
}

BASIS_WORDS = {
    "source": "level as given by the source",
    "textbook": "level from standard textbook teaching (no retrievable source gives it)",
    "safety_choice": "level chosen to be safe: the source gives it in a combination",
}


def source_names(source_ids: tuple[str, ...] | list[str]) -> str:
    """Short names of sources for a patient: 'NHS, Mayo Clinic'."""
    src = facts.table("sources.csv")
    names: list[str] = []
    for sid in source_ids:
        name = src[sid].organisation
        if len(name) > 40:  # long author lists: first author only
            name = name.split(",")[0] + " et al."
        if name not in names:
            names.append(name)
    return ", ".join(names)


def reason_item(reason: Reason, with_sources: bool = True) -> str:
    """One reason as a list item: why, and (when asked) where it comes from."""
    src = (
        f' <small class="spasm-source">(Source: {esc(source_names(reason.source_ids))})</small>'
        if with_sources
        else ""
    )
    return f"<li>{esc(reason.why)}{src}</li>"


def emergency_signs(assessment: Assessment) -> tuple[str, ...]:
    """For an ``urgent`` result: the signs that would make it an emergency for this person
    (``Assessment.if_worse``: the emergency signs shown for everyone, for the picked causes, and
    those that share a finding or question group with the ticked ones, nearest first). Empty for
    any other level (an emergency is already an emergency; lower levels show ``watch_for``)."""
    if assessment.level != Level.urgent:
        return ()
    return assessment.if_worse


def emergency_heading() -> str:
    """'Call 911 or your local emergency number now if' (data/triage_levels.csv)."""
    return level_row(Level.emergency).heading


def emergency_signs_html(assessment: Assessment) -> str:
    """The emergency signs of an urgent result as a short list ('' when there are none)."""
    signs = emergency_signs(assessment)
    if not signs:
        return ""
    items = "".join(f"<li>{esc(s)}</li>" for s in signs)
    return (
        f'<p class="spasm-if-worse"><strong>If it gets worse.</strong> '
        f"{esc(emergency_heading())} any of these start:</p><ul>{items}</ul>"
    )


def what_to_do(assessment: Assessment) -> str:
    """What to do now, in plain words, with the level said in words (never colour alone)."""
    row = level_row(assessment.level)
    return (
        f'<p class="spasm-triage-action" role="status"><strong>{esc(row.badge)}.</strong> '
        f"{esc(assessment.advice)}</p>"
    )


def top_of_list(assessment: Assessment, badge_html: str) -> str:
    """The short result shown above the questions: the badge, what to do now and, when it is
    urgent, what would make it an emergency. ``badge_html`` comes from the triage plots."""
    row = level_row(assessment.level)
    return (
        '<div class="spasm-triage-top"><p><strong>Your result so far:</strong></p>'
        f"{badge_html}<p><strong>{esc(row.badge)}.</strong> {esc(assessment.advice)}</p>"
        f"{emergency_signs_html(assessment)}</div>"
    )


def patient_summary(assessment: Assessment, with_sources: bool = True) -> str:
    """Short, plain summary for a patient session: what to do now, why, what to watch for."""
    parts = [what_to_do(assessment)]
    raised = [r for r in assessment.reasons if r.level > Level.self_care]
    context = [r for r in assessment.reasons if r.level == Level.self_care]
    if raised:
        items = "".join(reason_item(r, with_sources) for r in raised)
        parts.append(f"<p><strong>Why:</strong></p><ul>{items}</ul>")
    else:
        parts.append(
            paragraph(
                "You did not tick any warning sign.",
                "Most spasms are harmless and go away on their own.",
            )
        )
    if context:
        items = "".join(reason_item(r, with_sources) for r in context)
        parts.append(f"<p><strong>Good to know:</strong></p><ul>{items}</ul>")
    serious = [
        s for s in assessment.watch_for if s and assessment.level < Level.urgent
    ]  # signs that would make it more urgent
    if serious:
        items = "".join(f"<li>{esc(s)}</li>" for s in serious)
        parts.append(
            "<p><strong>Watch for these signs.</strong> Get help if any of them start:</p>"
            f"<ul>{items}</ul>"
        )
    parts.append(emergency_signs_html(assessment))
    return "".join(parts)


def student_summary(assessment: Assessment) -> str:
    """The patient summary plus every reason with its level, basis, rule and source ids."""
    rows = []
    for r in assessment.reasons:
        what = "rule " if r.kind == "rule" else "finding "
        needs = f" (all of: {', '.join(r.findings)})" if r.kind == "rule" else ""
        rows.append(
            f"<li><code>{esc(r.finding_or_rule)}</code> — {what}{esc(needs)} → "
            f"<strong>{r.level.name}</strong>; {esc(BASIS_WORDS[r.basis])}; sources "
            f"{', '.join(f'<code>{esc(s)}</code>' for s in r.source_ids)}</li>"
        )
    if not rows:
        rows.append("<li>No findings: self-care, with the signs to watch for.</li>")
    method = (
        "<p>Rule: the level is the highest level of any ticked finding or of any rule whose "
        "findings are all ticked. Nothing is added up or scored, so ticking another box can "
        "never lower the level.</p>"
    )
    return patient_summary(assessment) + student_box(
        "how the level was reached", "<ul>" + "".join(rows) + "</ul>" + method
    )


def plain_text(assessment: Assessment) -> str:
    """The assessment as plain text (for the command line)."""
    row = level_row(assessment.level)
    lines = [f"{row.badge.upper()}: {assessment.advice}"]
    for r in assessment.reasons:
        lines.append(f"- [{r.level.name}] {r.why} (sources: {', '.join(r.source_ids)})")
    if assessment.level < Level.urgent and assessment.watch_for:
        lines.append("Watch for:")
        lines += [f"  * {s}" for s in assessment.watch_for]
    signs = emergency_signs(assessment)
    if signs:
        lines.append(f"If it gets worse. {emergency_heading()} any of these start:")
        lines += [f"  * {s}" for s in signs]
    return "\n".join(lines)


# -- the patient's question pages --------------------------------------------------------------
NONE_OF_THESE = "None of these"
PREVIOUS_QUESTIONS = "Previous questions"
NEXT_QUESTIONS = "Next questions"
TICK_WHAT_IS_TRUE = "Tick every box that is true for you. If none is true, tick None of these."


def page_progress(page: int, pages: int, answered: bool) -> str:
    """'Questions 2 of 5' and whether this group has an answer yet."""
    state = "Answered." if answered else "Not answered yet."
    return f'<p class="spasm-step" role="status"><strong>Questions {page} of {pages}.</strong> {state}</p>'


def not_answered_yet(left: int, total: int) -> str:
    """Shown instead of a level until every group of questions has an answer."""
    groups = "group" if left == 1 else "groups"
    return (
        '<div role="status">'
        f"<p><strong>{left} of {total} {groups} of questions still to answer.</strong></p>"
        "<p>Answer each group, or tick None of these. Then you will see what to do.</p></div>"
    )

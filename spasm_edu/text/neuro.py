"""Rare neurological causes: wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.models.neuro import NeuroCheck, NeuroCondition
from spasm_edu.models.triage import level_row
from spasm_edu.text import esc, paragraph, student_box

GUIDE = "when_to_see_a_doctor.ipynb"


def rarity(c: NeuroCondition) -> str:
    """How common, with a number only where the source gives one."""
    if c.per_million is not None:
        return f"{esc(c.how_common)} About {c.per_million:g} in a million people."
    if c.percent_of_people is not None:
        return f"{esc(c.how_common)} About {c.percent_of_people:g} in 100 people have them."
    return esc(c.how_common)


def example_html(c: NeuroCondition) -> str:
    note = "These are harmless." if c.benign else "A doctor makes this diagnosis, not a checklist."
    return (
        f"<h3>{esc(c.name)}</h3>"
        + paragraph(esc(c.plain))
        + paragraph(f"<strong>How common:</strong> {rarity(c)}", note)
    )


def features_html(result: NeuroCheck, none_ticked: bool | None = None) -> str:
    """The ticked features and the care they need. With none ticked, ``none_ticked`` says what
    that means: None (student mode) the usual words; False (patient mode) not answered yet;
    True (patient mode) the person ticked that none of these fit."""
    if not result.ticked and none_ticked is False:
        return paragraph(
            "You have not ticked any of these signs yet.",
            "Tick any you notice, or tick the last box if none fit you.",
        )
    if not result.ticked:
        return paragraph(
            "You said none of these signs fit you."
            if none_ticked
            else "You ticked none of these signs.",
            "Most spasms and twitches are harmless.",
            "Small twitches are common in healthy people.",
        )
    top = level_row(result.highest)
    out = [
        paragraph(
            "This is not a diagnosis. Ticking a sign does not mean you have a rare disease.",
            "They mean a doctor should take a look.",
        ),
        paragraph(f"<strong>{esc(top.badge)}.</strong> {esc(top.what_to_do)}"),
    ]
    items = []
    for t in result.ticked:
        sudden = (
            " It came on suddenly, so call 911 or your local emergency number now."
            if t.raised_by_sudden
            else ""
        )
        items.append(
            f"<li><strong>{esc(t.label)}</strong> ({esc(level_row(t.level).badge)}). "
            f"{esc(t.what_it_means)}{sudden}</li>"
        )
    out.append("<ul>" + "".join(items) + "</ul>")
    out.append(
        paragraph(
            f'See the <a href="{GUIDE}">when to see a doctor</a> notebook for all the warning signs.'
        )
    )
    return "".join(out)


def patient_summary(result: NeuroCheck, none_ticked: bool | None = None) -> str:
    """Short, plain summary for a patient session (``none_ticked``: see :func:`features_html`)."""
    text = features_html(result, none_ticked)
    if result.example is not None:
        text += example_html(result.example)
    return text


def student_summary(result: NeuroCheck) -> str:
    """The patient summary plus where each level comes from."""
    rows = [
        f"<li><code>{t.feature_id}</code> → {t.level.name}"
        + (" (raised to emergency because onset was sudden)" if t.raised_by_sudden else "")
        + f" (<code>{esc(t.source_id)}</code>)</li>"
        for t in result.ticked
    ]
    if result.example is not None:
        rows.append(
            f"<li>Example shown: {esc(result.example.name)} "
            f"(<code>{esc(result.example.source_id)}</code>).</li>"
        )
    note = (
        "<p>Red flags for a neurological cause: fasciculations or spasms with true weakness, "
        "wasting, changed reflexes, gait or balance problems, sensory loss or cognitive change. "
        "Benign fasciculations are common in healthy people and have a normal examination. "
        "The checklist never maps features to a condition.</p>"
    )
    return patient_summary(result) + student_box(
        "the details", ("<ul>" + "".join(rows) + "</ul>" if rows else "") + note
    )

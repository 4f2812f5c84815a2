"""Rare neurological causes: the ticked features as level chips (colour AND word)."""

from __future__ import annotations

from html import escape

from spasm_edu.models.neuro import NeuroCheck
from spasm_edu.models.triage import level_row
from spasm_edu.plots import INK
from spasm_edu.plots import triage as triage_plots
from spasm_edu.text import levels


def feature_chips(result: NeuroCheck) -> str:
    """The most urgent level as a badge, then each ticked feature with its level in words."""
    if not result.ticked:
        return ""
    items = "".join(
        f'<li style="margin:4px 0"><span style="background:{levels.colour(t.level)};'
        f"color:{INK};border:2px solid {INK};border-radius:6px;padding:1px 8px;"
        f'font-weight:bold">{escape(level_row(t.level).badge)}</span> {escape(t.label)}</li>'
        for t in result.ticked
    )
    return (
        triage_plots.badge(result.highest)
        + f'<ul style="list-style:none;padding-left:0">{items}</ul>'
    )

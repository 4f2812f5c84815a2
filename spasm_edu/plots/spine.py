"""Spine figures: a simple side view of two vertebrae, a disc and a nerve, drawn for each
condition, and the ticked red flags as level chips (colour AND word)."""

from __future__ import annotations

from html import escape

from spasm_edu.models.spine import SpineView
from spasm_edu.models.triage import level_row
from spasm_edu.plots import GRID, INK, SKY, VERMILLION, YELLOW, Svg
from spasm_edu.plots import triage as triage_plots
from spasm_edu.text import levels

BONE = "#e8dcc4"
DISC = SKY
CANAL = "#f5f5f5"

CALLOUTS = {
    "degenerative_disc": "Worn, thin disc: less cushion between the bones",
    "spinal_stenosis": "Narrow tunnel squeezes the nerve",
    "herniated_disc": "Soft middle of the disc pushes out onto the nerve",
}


def diagram(view: SpineView, width: int = 560, height: int = 320) -> str:
    """Side view of the lower spine for the chosen condition (front of the body on the left)."""
    cid = view.condition.condition_id
    name = f"{view.condition.plain_name} ({view.condition.name.lower()})"
    svg = Svg(
        width,
        height,
        f"Side view of the spine: {name}",
        "Two spine bones with a disc between them, and the nerve tunnel behind them. "
        + CALLOUTS[cid]
        + ".",
    )
    svg.text(8, 22, f"Side view: {name}", size=16, weight="bold")
    bx, bw, bh = 120, 170, 80  # vertebral bodies
    top_y = 50
    disc_h = 16 if cid == "degenerative_disc" else 34
    lower_y = top_y + bh + disc_h
    canal_x, canal_w = bx + bw + 12, 70
    svg.rect(bx, top_y, bw, bh, BONE, stroke=INK, stroke_width=2, rx=10)
    svg.rect(bx, lower_y, bw, bh, BONE, stroke=INK, stroke_width=2, rx=10)
    svg.rect(bx + 4, top_y + bh, bw - 8, disc_h, DISC, stroke=INK, stroke_width=1.5, rx=6)
    # the nerve tunnel (canal) behind the bones, with the nerve running down it
    canal_bottom = lower_y + bh
    svg.rect(canal_x, top_y, canal_w, canal_bottom - top_y, CANAL, stroke=GRID, stroke_width=1)
    nerve_x = canal_x + canal_w / 2
    mid_y = top_y + bh + disc_h / 2
    if cid == "spinal_stenosis":
        wall = f"{canal_x},{mid_y - 40} {nerve_x - 8},{mid_y} {canal_x},{mid_y + 40}"
        wall2 = (
            f"{canal_x + canal_w},{mid_y - 40} {nerve_x + 8},{mid_y} "
            f"{canal_x + canal_w},{mid_y + 40}"
        )
        for pts in (wall, wall2):
            svg.parts.append(f'<polygon points="{pts}" fill="{BONE}" stroke="{INK}"/>')
        svg.polyline(
            [(nerve_x, top_y), (nerve_x, mid_y - 6), (nerve_x, mid_y + 6), (nerve_x, canal_bottom)],
            stroke=YELLOW,
            width=5,
        )
        svg.line(nerve_x, mid_y - 8, nerve_x, mid_y + 8, stroke=VERMILLION, width=4)
    else:
        svg.line(nerve_x, top_y, nerve_x, canal_bottom, stroke=INK, width=7)
        svg.line(nerve_x, top_y, nerve_x, canal_bottom, stroke=YELLOW, width=5)
    if cid == "herniated_disc":
        bulge = (
            # a quadratic curve's tip lies halfway to its control point: aim it at the nerve
            f"M{bx + bw - 4},{top_y + bh + 4} Q{2 * nerve_x - (bx + bw - 4)},{mid_y} "
            f"{bx + bw - 4},{top_y + bh + disc_h - 4} Z"
        )
        svg.parts.append(
            f'<path d="{bulge}" fill="{DISC}" stroke="{VERMILLION}" stroke-width="3"/>'
        )
    if cid == "degenerative_disc":
        for y, d in ((top_y + bh, 1), (lower_y, -1)):
            svg.parts.append(
                f'<polygon points="{bx + bw - 30},{y} {bx + bw - 10},{y} {bx + bw - 20},'
                f'{y + 10 * d}" fill="{BONE}" stroke="{INK}"/>'
            )
        svg.rect(bx + 4, top_y + bh, bw - 8, disc_h, "none", stroke=VERMILLION, stroke_width=3)
    # labels, in words
    svg.text(bx + bw / 2, top_y + bh / 2 + 5, "Spine bone", anchor="middle")
    svg.text(bx + bw / 2, lower_y + bh / 2 + 5, "Spine bone", anchor="middle")
    svg.text(bx - 8, mid_y + 5, "Disc", anchor="end", weight="bold")
    svg.text(canal_x + canal_w + 8, top_y + 16, "Nerve", weight="bold")
    svg.text(canal_x + canal_w + 8, top_y + 34, "in its tunnel", size=12)
    svg.text(bx, canal_bottom + 24, "← Front of body", size=12)
    svg.text(canal_x + canal_w, canal_bottom + 24, "Back →", size=12, anchor="end")
    callout_y = height - 20
    svg.text(8, callout_y, "Problem: " + CALLOUTS[cid], size=14, weight="bold", fill=INK)
    target_x = bx + bw - 4 if cid == "degenerative_disc" else nerve_x
    svg.line(target_x, mid_y, canal_x + canal_w + 40, mid_y + 30, stroke=VERMILLION, width=2)
    svg.text(canal_x + canal_w + 42, mid_y + 36, "problem here", size=12, fill=INK, weight="bold")
    return str(svg)


def flag_chips(view: SpineView) -> str:
    """Each ticked sign with its level as a coloured chip that also says the level in words."""
    if not view.ticked:
        return ""
    items = []
    for t in view.ticked:
        word = level_row(t.level).badge
        items.append(
            f'<li style="margin:4px 0"><span style="background:{levels.colour(t.level)};'
            f"color:{INK};border:2px solid {INK};border-radius:6px;padding:1px 8px;"
            f'font-weight:bold">{escape(word)}</span> {escape(t.sign)}</li>'
        )
    head = triage_plots.badge(view.highest)
    return (
        head
        + '<ul class="spasm-flags" style="list-style:none;padding-left:0">'
        + "".join(items)
        + "</ul>"
    )

"""Lifting figures: a side view of the lift, the six multipliers, and the load against the limit.

The side view is a teaching sketch, not a posture model: a stick figure whose hands are at H
from the ankles and V above the floor (the manual's definitions), leaning and bending its
knees just enough to reach. Body segment lengths below are drawing sizes, not data.
"""

from __future__ import annotations

import math
import re
from html import escape

from spasm_edu.models import body_mechanics as bm
from spasm_edu.models.body_mechanics import LiftResult
from spasm_edu.plots import BLUE, GREEN, GRID, INK, ORANGE, SKY, VERMILLION, Svg, hbars
from spasm_edu.text import length_words, limit_words

CM_PER_IN = 2.54  # definition of the inch

# Drawing sizes of the stick figure, in cm.
ANKLE_Y, SHIN, THIGH, TORSO, ARM, HEAD_R, HIP_Y = 8.0, 43.0, 43.0, 55.0, 68.0, 11.0, 92.0
WORLD_X = (-50.0, 150.0)
WORLD_Y = (-30.0, 215.0)


def _cm(value: float, units: str) -> float:
    return value * CM_PER_IN if units == "us" else value


def pose(h_cm: float, v_cm: float) -> dict[str, tuple[float, float]]:
    """Joint positions (cm) of a figure reaching for hands at (h_cm, v_cm).

    Tries a straight stance first, then more trunk lean, then bent knees; keeps the first pose
    whose arm reaches. If none reaches, returns the deepest pose (the arm is drawn stretched).
    """
    best = None
    for max_lean in (45, 90):  # bend the knees before stooping far
        for drop in range(0, 46, 5):
            for lean_deg in range(0, max_lean + 1, 5):
                hip = (-4.0 - drop * 0.3, HIP_Y - drop)
                lean = math.radians(lean_deg)
                shoulder = (hip[0] + TORSO * math.sin(lean), hip[1] + TORSO * math.cos(lean))
                best = (hip, shoulder, lean)
                if math.dist(shoulder, (h_cm, v_cm)) <= ARM:
                    break
            else:
                continue
            break
        else:
            continue
        break
    hip, shoulder, lean = best
    ankle = (0.0, ANKLE_Y)
    # Knee: where the shin and thigh circles meet, in front of the ankle-hip line.
    dx, dy = hip[0] - ankle[0], hip[1] - ankle[1]
    span = min(math.hypot(dx, dy), SHIN + THIGH - 1e-6)
    mid = (ankle[0] + dx / 2, ankle[1] + dy / 2)
    off = math.sqrt(max(SHIN**2 - (span / 2) ** 2, 0))
    norm = math.hypot(dx, dy) or 1
    knee = (mid[0] + off * dy / norm, mid[1] - off * dx / norm)
    head = (
        shoulder[0] + (HEAD_R + 6) * math.sin(lean),
        shoulder[1] + (HEAD_R + 6) * math.cos(lean),
    )
    reach = math.dist(shoulder, (h_cm, v_cm))
    if reach > ARM:  # arm stretched toward the hands, as far as it goes
        t = ARM / reach
        hands = (shoulder[0] + (h_cm - shoulder[0]) * t, shoulder[1] + (v_cm - shoulder[1]) * t)
    else:
        hands = (h_cm, v_cm)
    return {
        "ankle": ankle,
        "knee": knee,
        "hip": hip,
        "shoulder": shoulder,
        "head": head,
        "hands": hands,
    }


def lift_picture(
    result: LiftResult,
    width: int = 560,
    height: int = 400,
    plain: bool = False,
    title: str = "Side view of the lift",
    minimal: bool = False,
    mark: str | None = None,
) -> str:
    """Side view: the figure, the load at H and V, its travel D, and the H cut-off.

    ``plain`` (patient mode) labels the distances in words, with no H, V, D or A. ``minimal``
    (the printed handout) keeps only the title, how far out the hands are and the twist, in
    large type: no floor, reach-limit, travel or height labels to crowd a small drawing."""
    units, lu = result.units, result.length_unit
    c = bm.constants(units)
    h_cm = min(_cm(result.h, units), WORLD_X[1] - 20)
    v_cm = min(_cm(result.v, units), WORLD_Y[1] - 15)
    top_cm = min(v_cm + _cm(result.d, units), WORLD_Y[1] - 15)
    desc = (
        f"Side view of a lift. The hands are {result.h:g} {lu} in front of the ankles and "
        f"{result.v:g} {lu} above the floor. The load moves {result.d:g} {lu} up. "
        f"The body twists {result.a_deg:g} degrees."
    )
    svg = Svg(width, height, title, desc)
    big = 17 if minimal else 13
    sx = (width - 20) / (WORLD_X[1] - WORLD_X[0])
    sy = (height - 30) / (WORLD_Y[1] - WORLD_Y[0])
    s = min(sx, sy)
    joints = pose(h_cm, v_cm)
    if minimal:  # the figure as big as the panel allows: head just under the two title lines
        head_top = joints["head"][1] + HEAD_R
        s = min(sx, (height - 10 - 62) / (head_top - WORLD_Y[0]))
    x_off = (width - (WORLD_X[1] - WORLD_X[0]) * s) / 2

    def px(x: float) -> float:
        return x_off + (x - WORLD_X[0]) * s

    def py(y: float) -> float:
        return height - 10 - (y - WORLD_Y[0]) * s

    if minimal:  # inside the frame (_mark), clear of its corner
        svg.text(16, 30, title, size=18, weight="bold")
    else:
        svg.text(8, 20, title, size=16, weight="bold")
    svg.line(px(WORLD_X[0]), py(0), px(WORLD_X[1]), py(0), stroke=INK, width=2)
    if not minimal:
        svg.text(px(WORLD_X[0]) + 2, py(0) - 4, "floor", size=12)
        # The H cut-off (HM = 0 beyond it), drawn faintly.
        x_cut = px(_cm(c.h_max, units))
        svg.line(x_cut, py(0), x_cut, py(WORLD_Y[1] - 30), stroke=GRID, width=2, dash="4 4")
        svg.text(x_cut + 3, py(WORLD_Y[1] - 30) + 12, f"reach limit {c.h_max:g} {lu}", size=11)

    pts = [joints[k] for k in ("ankle", "knee", "hip", "shoulder")]
    svg.polyline([(px(x), py(y)) for x, y in pts], stroke=INK, width=6)
    sh, hands = joints["shoulder"], joints["hands"]
    svg.line(px(sh[0]), py(sh[1]), px(hands[0]), py(hands[1]), stroke=INK, width=5)
    hx, hy = joints["head"]
    svg.parts.append(
        f'<circle cx="{px(hx):.1f}" cy="{py(hy):.1f}" r="{HEAD_R * s:.1f}" fill="none" '
        f'stroke="{INK}" stroke-width="4"/>'
    )
    svg.line(px(-10), py(0), px(14), py(0), stroke=INK, width=7)  # foot

    # Load at the start, and dashed at the end of its travel.
    box_w, box_h = (52.0, 30.0) if minimal else (28.0, 22.0)
    svg.rect(px(h_cm - box_w / 2), py(v_cm + box_h / 2), box_w * s, box_h * s, ORANGE, stroke=INK)
    if minimal:  # the load's weight on the box: the split loads read at a glance
        svg.text(px(h_cm), py(v_cm) + 5, f"{round(result.load):g} {result.mass_unit}", size=17,
                 anchor="middle", weight="bold")  # fmt: skip
    if top_cm > v_cm and not minimal:
        svg.rect(
            px(h_cm - box_w / 2), py(top_cm + box_h / 2), box_w * s, box_h * s, "none",
            stroke=INK, stroke_dasharray="5 4",
        )  # fmt: skip
        svg.line(px(h_cm + 20), py(v_cm), px(h_cm + 20), py(top_cm), stroke=BLUE, dash="5 4")
        moves = f"moves {result.d:g} {lu}" if plain else f"D = {result.d:g} {lu}"
        svg.text(px(h_cm + 23), py((v_cm + top_cm) / 2) + 4, moves, size=13)
    # H along the floor, V up from the floor (right of the load, below D).
    out = f"hands out {length_words(result.h, lu)}" if plain else f"H = {result.h:g} {lu}"
    if minimal:  # how far out the hands are is the lesson: a bold bar from the feet to the load
        y = py(-5)
        svg.line(px(0), y, px(h_cm), y, stroke=BLUE, width=6)
        for x in (px(0), px(h_cm)):
            svg.line(x, y - 9, x, y + 9, stroke=BLUE, width=4)
        svg.text(16, height - 11, out, size=big, weight="bold")
    else:
        svg.line(px(0), py(-14), px(h_cm), py(-14), stroke=SKY, width=3)
        svg.text(px(h_cm / 2), py(-14) + big + 3, out, size=big, anchor="middle")
    if not minimal:
        svg.line(px(h_cm + 20), py(0), px(h_cm + 20), py(v_cm), stroke=SKY, width=3)
        up = f"hands up {result.v:g} {lu}" if plain else f"V = {result.v:g} {lu}"
        svg.text(px(h_cm + 23), py(v_cm / 2) + 4, up, size=13)
    twist = f"Twist {result.a_deg:g}°" if plain else f"Twist A = {result.a_deg:g}°"
    if minimal:
        twist = f"twist {result.a_deg:g}°" if result.a_deg else "no twist"
        svg.text(16, 54, twist, size=big)
    else:
        svg.text(width - 10, 20, twist, size=14, anchor="end")
    if (hands[0], hands[1]) != (h_cm, v_cm):
        svg.text(width - 10, 38, "Out of reach", size=14, anchor="end", fill=VERMILLION)
    if mark is not None:
        _mark(svg, mark, width, height, result.a_deg, (px(hx), py(hy)), s)
    return str(svg)


def _mark(svg: Svg, mark: str, width: int, height: int, a_deg: float, head, s: float) -> None:
    """'now' or 'better' at a glance: a thick frame and a round badge with a cross or a tick
    (vermillion / green, never colour alone: the title says "Now" or "Better"), and for a
    twisted lift a curved arrow round the body (a side view cannot show the twist)."""
    colour = GREEN if mark == "better" else VERMILLION
    # the frame holds the whole drawing, the "hands out" words at its foot too
    svg.rect(3, 3, width - 6, height - 6, "none", stroke=colour, stroke_width=6, rx=10)
    cx, cy, r = width - 30, 30, 20
    svg.parts.append(
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}" stroke="{INK}" stroke-width="2"/>'
    )
    if mark == "better":
        svg.polyline([(cx - 10, cy), (cx - 3, cy + 8), (cx + 11, cy - 9)], stroke=INK, width=5)
    else:
        svg.line(cx - 9, cy - 9, cx + 9, cy + 9, stroke=INK, width=5)
        svg.line(cx - 9, cy + 9, cx + 9, cy - 9, stroke=INK, width=5)
    if mark == "now" and a_deg:
        hx, hy = head
        y = hy + 40 * s  # round the chest
        rx, ry = 34 * s, 10 * s
        svg.parts.append(
            f'<path d="M {hx - rx:.1f} {y:.1f} A {rx:.1f} {ry:.1f} 0 1 0 {hx + rx:.1f} {y:.1f}" '
            f'fill="none" stroke="{VERMILLION}" stroke-width="4"/>'
            f'<path d="M {hx + rx - 7:.1f} {y - 8:.1f} L {hx + rx + 1:.1f} {y + 1:.1f} '
            f'L {hx + rx + 8:.1f} {y - 9:.1f}" fill="none" stroke="{VERMILLION}" '
            'stroke-width="4"/>'
        )


def multiplier_bars(result: LiftResult, width: int = 560) -> str:
    """The six multipliers as bars from 0 to 1; the costliest is marked in words too."""
    left, right, top, bar_h, gap = 230, 110, 34, 24, 8
    height = top + 6 * (bar_h + gap) + 10
    worst = ", ".join(result.costliest) or "none"
    desc = "Multipliers: " + "; ".join(f"{k} {v:.2f}" for k, v in result.multipliers.items())
    desc += f". Costs most: {worst}."
    svg = Svg(width, height, "What lowers the limit", desc)
    svg.text(8, 20, "What lowers the limit (1 = no cut)", size=16, weight="bold")
    scale = width - left - right
    for i, (k, v) in enumerate(result.multipliers.items()):
        y = top + i * (bar_h + gap)
        info = bm.multiplier_info(k)
        costly = k in result.costliest
        svg.text(left - 8, y + bar_h * 0.7, f"{k}: {info.plain_name}", size=12, anchor="end")
        svg.rect(left, y, scale, bar_h, "#eeeeee")
        svg.rect(left, y, v * scale, bar_h, VERMILLION if costly else BLUE)
        label = f"{v:.2f}" + (" costs most" if costly else "")
        svg.text(left + scale + 6, y + bar_h * 0.7, label, size=12, weight="bold")
    return str(svg)


def load_vs_limit(result: LiftResult, plain: bool = False) -> str:
    """The load against the RWL (or, for a person, against the patient-handling limit).
    ``plain`` (patient mode) calls the RWL "Your limit" (NIOSH's recommended weight limit is
    not a line between safe and unsafe)."""
    if result.lifting_a_person:
        return load_vs_person_limit(result.load, result.patient_limit, result.mass_unit)
    return _load_bar(
        result.load,
        ("Your limit" if plain else "Limit (RWL)", result.rwl),
        result.li > 1,
        result.mass_unit,
    )


def load_vs_person_limit(load: float, limit: float, unit: str) -> str:
    """A person's weight lifted against the patient-handling limit (Waters 2007)."""
    return _load_bar(load, ("Limit for lifting a person", limit), load > limit, unit)


def _load_bar(load: float, ref: tuple[str, float], over: bool, unit: str) -> str:
    state = "over the limit" if over else "within the limit"
    return hbars(
        [(f"Load ({state})", load, VERMILLION if over else BLUE)],
        unit,
        "Your load and the limit",
        f"The load is {load:g} {unit}; {ref[0]} is {ref[1]:.1f} {unit}; {state}.",
        references=[ref],
    )


def handout_picture(result: LiftResult) -> str:
    """For the take-home handout: the patient's own lift, side view, in plain words (how far
    out the hands are is what to change), with the load and the recommended limit (NIOSH's
    term, never "safe") in its text alternative; for lifting a person, the load against the
    limit."""
    unit = result.mass_unit
    limit = result.patient_limit if result.lifting_a_person else result.rwl
    over = result.over_patient_limit if result.lifting_a_person else result.li > 1
    state = "over the limit" if over else "under the limit"
    said = (
        f"Your load is {paper_weight(result.load, unit)}. "
        f"The recommended limit is {paper_weight(limit, unit)}. Your load is {state}."
    )
    if result.lifting_a_person:
        return hbars(
            [(f"Your load ({state})", result.load, VERMILLION if over else BLUE)],
            unit,
            "Your load and the recommended limit",
            said,
            references=[("Recommended limit", limit)],
            width=400,  # drawn at this size in print, its words are about 10 pt
        )
    better = bm.better_lift(result)
    # the tick only on a lift under the limit: when even the close lift is over it, the better
    # lift is one of the split loads (bm.split_lift), lifted close
    split = bm.split_loads(result) if better is not None and better.li > 1 else None
    if split is not None:
        better = bm.split_lift(result)
    elif better is not None and better.li > 1:
        better = None  # no lift to tick: only the lift as it is now, without a cross
    now = lift_picture(
        result,
        300,
        230,
        plain=True,
        minimal=True,
        title=f"Now: limit {paper_weight(result.rwl, unit)}",
        mark="now" if better is not None else None,  # a cross only beside a better lift
    )
    if better is None:
        return now.replace("</desc>", f" {escape(said)}</desc>", 1)
    if split is not None:
        better_title = f"Better: {split[0]} loads of {paper_weight(split[1], unit)}"
        what = f"{split[0]} loads of about {paper_weight(split[1], unit)} each, lifted close"
    else:
        better_title = f"Better: limit {paper_weight(better.rwl, unit)}"
        what = "the load close"
    after = lift_picture(
        better, 300, 230, plain=True, minimal=True, title=better_title, mark="better"
    )
    lu = result.length_unit
    desc = (
        f"Two side views. Now, with a cross: hands {length_words(result.h, lu)} out, twist "
        f"{result.a_deg:g} degrees, "
        f"limit {paper_weight(result.rwl, unit)}. Better, with a tick: {what}, hands "
        f"{length_words(better.h, lu)} out, no twist, under the limit of "
        f"{paper_weight(better.rwl, unit)}. {said}"
    )
    return _side_by_side((now, after), 300, 230, "Your lift now and a better lift", desc)


def paper_weight(value: float, unit: str) -> str:
    """A limit as the printed handout says it: a whole number of kg or lb, rounded down so a
    load "under the limit" is under it (7.6 kg -> "7 kg")."""
    return limit_words(math.floor(value) if value >= 1 else value, unit)


def _side_by_side(svgs, width: int, height: int, title: str, desc: str) -> str:
    """Several drawings of ``width`` x ``height`` in one row, as one image with one title and
    text alternative (the inner drawings are hidden from screen readers)."""
    inner = []
    for i, one in enumerate(svgs):
        one = re.sub(r"<title[^>]*>.*?</title><desc[^>]*>.*?</desc>", "", one, count=1, flags=re.S)
        one = re.sub(
            r'^<svg xmlns="http://www.w3.org/2000/svg" role="img" (viewBox="[^"]*") '
            r'width="100%" style="[^"]*" aria-labelledby="[^"]*"',
            rf'<svg x="{i * width}" y="0" width="{width}" height="{height}" \1 aria-hidden="true"',
            one,
        )
        inner.append(one)
    full = width * len(svgs)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {full} {height}" '
        f'width="100%" style="max-width:{full}px;height:auto" '
        'aria-labelledby="spasm-svg-lift-t spasm-svg-lift-d" font-family="sans-serif">'
        f'<title id="spasm-svg-lift-t">{escape(title)}</title>'
        f'<desc id="spasm-svg-lift-d">{escape(desc)}</desc>{"".join(inner)}</svg>'
    )

"""The body map: a front and a back outline with the chosen region filled and named in words."""

from __future__ import annotations

from html import escape

from spasm_edu.models.spasm_types import RegionView
from spasm_edu.plots import INK, ORANGE, Svg

OFF = "#eeeeee"


def _shape(svg: Svg, tag: str, attrs: str, on: bool, name: str) -> None:
    fill = ORANGE if on else OFF
    svg.parts.append(
        f'<{tag} {attrs} fill="{fill}" stroke="{INK}" stroke-width="{3 if on else 1.5}">'
        f"<title>{escape(name)}</title></{tag}>"
    )


def _figure(svg: Svg, cx: float, regions: dict[str, bool], front: bool) -> None:
    """One outline centred on cx. ``regions`` says which parts are highlighted."""
    whole = regions.get("whole_body", False)
    head = regions.get("head_face", False) and front
    arms = regions.get("arms_hands", False) and front
    belly = regions.get("belly_pelvis", False) and front
    back = regions.get("back", False) and not front
    legs = regions.get("legs", False) and front
    _shape(svg, "circle", f'cx="{cx}" cy="62" r="26"', head or whole, "Head and face")
    for side in (-1, 1):
        x = cx + side * 58 - 11
        _shape(
            svg,
            "rect",
            f'x="{x}" y="100" width="22" height="112" rx="10"',
            arms or whole,
            "Arms and hands",
        )
        _shape(
            svg,
            "rect",
            f'x="{cx + side * 22 - 14}" y="252" width="28" height="130" rx="10"',
            legs or whole,
            "Legs and feet",
        )
    if front:
        _shape(svg, "rect", f'x="{cx - 42}" y="94" width="84" height="92" rx="12"', whole, "Chest")
        _shape(
            svg,
            "rect",
            f'x="{cx - 42}" y="186" width="84" height="70" rx="12"',
            belly or whole,
            "Belly and bladder",
        )
    else:
        _shape(
            svg,
            "rect",
            f'x="{cx - 42}" y="94" width="84" height="162" rx="12"',
            back or whole,
            "Back",
        )
        svg.line(cx, 100, cx, 250, stroke=INK, width=2, dash="5 4")  # the spine
    svg.text(cx, 404, "Front" if front else "Back", size=14, anchor="middle", weight="bold")


def body_map(view: RegionView, width: int = 420, height: int = 440) -> str:
    """Front and back outlines with the chosen region filled orange and named in words."""
    svg = Svg(
        width,
        height,
        f"Body map: {view.label}",
        f"A front and a back outline of a body. The part chosen is {view.label}, shown filled "
        "in orange and named at the top.",
    )
    svg.text(8, 22, f"Chosen: {view.label}", size=16, weight="bold")
    on = {view.region_id: True}
    _figure(svg, 110, on, front=True)
    _figure(svg, 310, on, front=False)
    return str(svg)

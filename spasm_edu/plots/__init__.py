"""Small, fast, accessible charts as inline SVG.

Why SVG strings and not matplotlib: an explorer redraws on every slider move. A new matplotlib
PNG costs 70-110 ms per change on a 2-core machine (see README, Benchmarks); these SVG builders
take well under a millisecond, scale crisply on a projector, and carry a ``<title>`` and
``<desc>`` that a screen reader announces. Colours are the Okabe-Ito colour-blind-safe palette,
and every colour signal is also written in words.

Cause-specific figures live in ``spasm_edu/plots/<cause>.py`` and are built from these parts.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape

# Okabe & Ito (2008) colour-blind-safe palette.
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
INK = "#1a1a1a"
GRID = "#d0d0d0"

_ids = itertools.count()


class Svg:
    """A tiny SVG writer: shapes are appended as strings; ``str()`` gives the document."""

    def __init__(self, width: int, height: int, title: str, desc: str):
        self.width, self.height = width, height
        self.uid = f"spasm-svg-{next(_ids)}"
        self.parts: list[str] = []
        self.title, self.desc = title, desc

    def rect(self, x, y, w, h, fill, **attrs):
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" '
            f'height="{max(h, 0):.1f}" fill="{fill}"{_attrs(attrs)}/>'
        )

    def line(self, x1, y1, x2, y2, stroke=INK, width=1.5, dash=None):
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{stroke}" stroke-width="{width}"{d}/>'
        )

    def text(self, x, y, content, size=14, anchor="start", weight="normal", fill=INK):
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" '
            f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}">'
            f"{escape(str(content))}</text>"
        )

    def polyline(self, points, stroke=BLUE, width=2.5, fill="none"):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(
            f'<polyline points="{pts}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{width}" stroke-linejoin="round"/>'
        )

    def __str__(self) -> str:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {self.width} '
            f'{self.height}" width="100%" style="max-width:{self.width}px;height:auto" '
            f'aria-labelledby="{self.uid}-t {self.uid}-d" font-family="sans-serif">'
            f'<title id="{self.uid}-t">{escape(self.title)}</title>'
            f'<desc id="{self.uid}-d">{escape(self.desc)}</desc>' + "".join(self.parts) + "</svg>"
        )


def _attrs(attrs: dict) -> str:
    return "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())


def nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    from math import floor, log10

    base = 10 ** floor(log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if value <= m * base:
            return m * base
    return 10 * base


def hbars(
    bars: Sequence[tuple[str, float, str]],
    unit: str,
    title: str,
    desc: str,
    references: Sequence[tuple[str, float]] = (),
    width: int = 560,
) -> str:
    """Horizontal bars ``(label, value, colour)`` with dashed reference lines ``(label, value)``.

    Each bar carries its value in words at its end, so nothing depends on colour alone.
    """
    longest = max((len(label) for label, _, _ in bars), default=0)
    left = int(max(100, min(width * 0.45, 8.5 * longest + 24)))  # room for the longest label
    right, top, bar_h, gap = 30, 34, 34, 14
    height = top + len(bars) * (bar_h + gap) + 30
    svg = Svg(width, height, title, desc)
    top_value = nice_max(max([v for _, v, _ in bars] + [v for _, v in references] + [0]) * 1.1)
    scale = (width - left - right) / top_value
    svg.text(8, 20, title, size=16, weight="bold")
    for i, (label, value, colour) in enumerate(bars):
        y = top + i * (bar_h + gap)
        svg.text(left - 8, y + bar_h * 0.65, label, anchor="end")
        svg.rect(left, y, value * scale, bar_h, colour)
        inside = value * scale > 90
        svg.text(
            left + value * scale + (-6 if inside else 6),
            y + bar_h * 0.65,
            f"{value:,.0f} {unit}",
            anchor="end" if inside else "start",
            weight="bold",
            fill="#ffffff" if inside else INK,
        )
    axis_y = top + len(bars) * (bar_h + gap) - gap / 2
    for label, value in references:
        x = left + value * scale
        svg.line(x, top - 8, x, axis_y, stroke=INK, width=2, dash="6 4")
        svg.text(x, axis_y + 18, f"{label}: {value:,.0f} {unit}", size=13, anchor="middle")
    return str(svg)


def line_chart(
    xs: Sequence[float],
    ys: Sequence[float],
    title: str,
    desc: str,
    y_unit: str,
    x_ticks: Sequence[tuple[float, str]] = (),
    markers: Sequence[tuple[float, str]] = (),
    colour: str = BLUE,
    width: int = 560,
    height: int = 260,
) -> str:
    """A single line with labelled x ticks and labelled vertical markers (e.g. bedtime)."""
    left, right, top, bottom = 60, 20, 52, 46
    svg = Svg(width, height, title, desc)
    x0, x1 = min(xs), max(xs)
    y_top = nice_max(max(ys) * 1.1 if ys else 1)
    sx = (width - left - right) / ((x1 - x0) or 1)
    sy = (height - top - bottom) / y_top

    def px(x):
        return left + (x - x0) * sx

    def py(y):
        return height - bottom - y * sy

    svg.text(8, 20, title, size=16, weight="bold")
    for frac in (0, 0.5, 1):
        y = y_top * frac
        svg.line(left, py(y), width - right, py(y), stroke=GRID, width=1)
        svg.text(left - 6, py(y) + 4, f"{y:,.0f}", size=13, anchor="end")
    svg.text(left - 6, top - 14, y_unit, size=13, anchor="end")
    for x, label in x_ticks:
        svg.line(px(x), height - bottom, px(x), height - bottom + 5)
        svg.text(px(x), height - bottom + 19, label, size=13, anchor="middle")
    svg.polyline([(px(x), py(y)) for x, y in zip(xs, ys, strict=True)], stroke=colour)
    for x, label in markers:
        svg.line(px(x), top, px(x), height - bottom, stroke=VERMILLION, width=2, dash="6 4")
        svg.text(px(x) + 4, top + 12, label, size=13, fill=INK, weight="bold")
    return str(svg)

"""How wide a text in a server-drawn SVG will be, without a browser: the estimate the genogram,
the ecomap and the trend chart lay out their labels with, and the boxes their tests check.

The widths are per character class of a wide sans-serif (DejaVu Sans, what Debian's chromium
falls back to; phones' system fonts are narrower), so a label laid out with them does not touch
its neighbour or the edge in a real browser either.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

NARROW = set("iljtfrI.,:;!|' ()[]-/")
WIDE = set("mwMWÆŒ@%")
BOLD = 1.1


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The estimated width of `text` at font size `size`, in the same units."""
    em = 0.0
    for char in text:
        if char in NARROW:
            em += 0.34
        elif char in WIDE:
            em += 0.92
        elif char == "⚠":
            em += 1.0
        elif char.isupper() or char.isdigit():
            em += 0.7
        else:
            em += 0.6
    return em * size * (BOLD if bold else 1.0)


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """`text`, cut with an ellipsis so it is at most `width` wide."""
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text + "…", size, bold=bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, width: float, size: float, *, bold: bool = False, lines: int = 2) -> list[str]:
    """`text` on at most `lines` lines of `width`, broken between words; the last one cut
    with an ellipsis when it still does not fit."""
    words = text.split()
    out: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if not current or text_width(trial, size, bold=bold) <= width:
            current = trial
            continue
        out.append(current)
        if len(out) == lines - 1:
            current = " ".join(words[i:])
            break
        current = word
    if current:
        out.append(current)
    return [fit(line, width, size, bold=bold) for line in out] or [""]


@dataclass(frozen=True)
class Box:
    """A rectangle: left, top, right, bottom."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, outer: Box) -> bool:
        return (
            self.left >= outer.left
            and self.top >= outer.top
            and self.right <= outer.right
            and self.bottom <= outer.bottom
        )


def text_box(
    x: float, y: float, text: str, size: float, *, anchor: str = "start", bold: bool = False
) -> Box:
    """The box of a <text> at (x, y) (y the baseline, or the middle with dy=0.35em)."""
    width = text_width(text, size, bold=bold)
    left = {"middle": x - width / 2, "end": x - width}.get(anchor, x)
    return Box(left, y - 0.8 * size, left + width, y + 0.25 * size)


SVG = "{http://www.w3.org/2000/svg}"


def svg_text_boxes(svg: str) -> tuple[Box, list[tuple[str, Box]]]:
    """The viewBox of an SVG as drawn here and the estimated box of every visible <text>
    (texts inside a <g> with a transform are not placed by x and y alone: left out)."""
    root = ET.fromstring(svg)
    _x, _y, width, height = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    found: list[tuple[str, Box]] = []

    def walk(node: ET.Element, size: float) -> None:
        if node.get("transform"):
            return
        size = float(node.get("font-size", size))
        if node.tag == f"{SVG}text":
            text = "".join(node.itertext())
            y = float(node.get("y", 0))
            if node.get("dy") == "0.35em":
                y += 0.35 * size
            bold = node.get("font-weight", "400") in ("600", "700", "bold")
            anchor = node.get("text-anchor", "start")
            found.append(
                (text, text_box(float(node.get("x", 0)), y, text, size, anchor=anchor, bold=bold))
            )
            return
        for child in node:
            if child.tag not in (f"{SVG}title", f"{SVG}desc"):
                walk(child, size)

    walk(root, 16.0)
    return Box(_x, _y, _x + width, _y + height), found


def font_sizes(svg: str) -> list[float]:
    """Every font-size attribute of the drawing."""
    return [float(v) for v in re.findall(r'font-size="([0-9.]+)"', svg)]

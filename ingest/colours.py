"""Fill colours from PDF operators and Word shading, normalised to "#rrggbb"."""
from __future__ import annotations

from typing import Any


def _clamp(v: float) -> int:
    return max(0, min(255, round(v * 255)))


def pdf_colour_to_hex(colour: Any) -> str | None:
    """pdfplumber gives a fill as a gray, RGB or CMYK tuple of 0-1 floats (or a pattern name).
    White and near-white come back as None: an unfilled cell."""
    if colour is None or isinstance(colour, str):
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        r = g = b = values[0]
    elif len(values) == 3:
        r, g, b = values
    elif len(values) == 4:
        c, m, y, k = values
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    hexed = "#{:02x}{:02x}{:02x}".format(_clamp(r), _clamp(g), _clamp(b))
    return None if is_white(hexed) else hexed


def word_colour_to_hex(value: str | None) -> str | None:
    """A Word `w:shd/@w:fill` or HTML colour: "FF0000", "#ff0000", "auto", "red"."""
    if not value:
        return None
    v = value.strip().lower()
    if v in ("auto", "none", "transparent", "inherit", "initial"):
        return None
    named = {"red": "#ff0000", "green": "#008000", "yellow": "#ffff00", "orange": "#ffa500",
             "amber": "#ffbf00", "blue": "#0000ff", "lime": "#00ff00", "white": "#ffffff",
             "black": "#000000", "gray": "#808080", "grey": "#808080"}
    if v in named:
        v = named[v]
    v = v.lstrip("#")
    if len(v) == 3:
        v = "".join(ch * 2 for ch in v)
    if len(v) != 6 or any(ch not in "0123456789abcdef" for ch in v):
        return None
    hexed = "#" + v
    return None if is_white(hexed) else hexed


def is_white(hexed: str) -> bool:
    r, g, b = (int(hexed[i:i + 2], 16) for i in (1, 3, 5))
    return min(r, g, b) >= 245

"""Cell fill colour → RAG status, for the real-world shades office software uses.

Hue bands in HSV (rag.json `fill`) rather than exact hex values: #FFC000, #FFCC00
and #FFFF00 are all amber to a reader, #92D050, #00B050 and #00FF00 all green, #C00000 and
#FF0000 both red. Greys, whites, pale banding, navy and purple are refused (None): a colour
that is not clearly a rating is not guessed at.
"""
from __future__ import annotations

import colorsys

from ..vocab import load_vocab


def rag_patterns() -> dict:
    return load_vocab(__package__, "rag.json")


def hex_to_rgb(hexed: str) -> tuple[int, int, int] | None:
    v = (hexed or "").strip().lstrip("#")
    if len(v) != 6:
        return None
    try:
        return int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)
    except ValueError:
        return None


def hsv(hexed: str) -> tuple[float, float, float] | None:
    """(hue in degrees, saturation 0-1, value 0-1)."""
    rgb = hex_to_rgb(hexed)
    if rgb is None:
        return None
    h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
    return h * 360, s, v


def status_from_fill(hexed: str | None) -> str | None:
    """The RAG colour a reader would name for this fill, or None when it is not one."""
    if not hexed:
        return None
    got = hsv(hexed)
    if got is None:
        return None
    hue, sat, val = got
    cfg = rag_patterns()["fill"]
    if val < cfg["min_value"]:
        return None
    light = val >= cfg["light_value"]
    if sat < (cfg["min_saturation_light"] if light else cfg["min_saturation"]):
        return None
    for status, bands in cfg["hues"].items():
        if any(lo <= hue < hi for lo, hi in bands):
            return status
    return None


def colour_distance(a: str, b: str) -> float:
    """A rough perceptual distance (weighted RGB, 'redmean'); 0 for identical colours."""
    ra, rb = hex_to_rgb(a), hex_to_rgb(b)
    if ra is None or rb is None:
        return float("inf")
    rmean = (ra[0] + rb[0]) / 2
    dr, dg, db = (ra[i] - rb[i] for i in range(3))
    return (((512 + rmean) * dr * dr) / 256 + 4 * dg * dg + ((767 - rmean) * db * db) / 256) ** 0.5

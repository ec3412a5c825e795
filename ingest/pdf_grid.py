"""Table geometry from PDFium's path objects, fed to pdfplumber's own table finder.

pdfplumber finds a table from the page's edges (ruling lines and rectangle sides); getting
those edges through pdfminer costs a full Python interpretation of the page, which is what
makes it slow. PDFium lists the same paths in C. We turn them into edge records of
pdfplumber's shape and give its TableFinder a stand-in page holding only those edges, so
the table algorithm (snapping, joining, intersections, cells) stays pdfplumber's. Cell text
comes from PDFium's words; fills from the paths' fill colours.
"""
from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as raw

from .colours import pdf_colour_to_hex
from .layout import Word, words_to_lines
from .pdf_frame import Frame
from .pdf_objects import PageObject, bounds, page_objects
from .pdf_tables import worth_keeping

AXIS_TOLERANCE = 1.0  # points a segment may lean and still count as a ruling
MAX_SEGMENTS = 20000  # a drawing this busy is artwork (or a vector scan), not a table


@dataclass
class Geometry:
    edges: list[dict] = field(default_factory=list)
    fills: list[dict] = field(default_factory=list)  # filled shapes: x0, top, x1, bottom, hex


class _EdgePage:
    """Just enough of a pdfplumber Page for TableFinder's "lines" strategy."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.edges = edges
        self.bbox = bbox


def read_geometry(page: Any, frame: Frame, objects: list[PageObject] | None = None
                  ) -> Geometry | None:
    """Edges and fills of a page's paths in display space (see pdf_frame). None when the
    paths sit inside form XObjects, whose coordinates we do not resolve here: the caller
    then asks pdfplumber. `objects`: the page's objects from page_objects, if listed."""
    geo = Geometry()
    segments = 0
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    path = raw.FPDF_PAGEOBJ_PATH
    listed = page_objects(page, frozenset({path})) if objects is None else objects
    for obj in listed:
        if obj.type != path:
            continue
        if obj.level > 0:
            return None
        handle = obj.raw
        raw.FPDFPageObj_GetMatrix(handle, matrix)
        n = raw.FPDFPath_CountSegments(handle)
        segments += max(n, 0)
        if segments > MAX_SEGMENTS:
            return None

        def point(seg: Any) -> tuple[float, float]:
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px = matrix.a * x.value + matrix.c * y.value + matrix.e
            py = matrix.b * x.value + matrix.d * y.value + matrix.f
            return frame.point(px, py)

        start = prev = None
        square = n <= 6  # a rectangle: one subpath of axis-aligned straight sides
        for i in range(n):
            seg = raw.FPDFPath_GetPathSegment(handle, i)
            kind = raw.FPDFPathSegment_GetType(seg)
            here = point(seg)
            if kind == raw.FPDF_SEGMENT_MOVETO or prev is None:
                start = here
            else:
                square = _edge(geo.edges, prev, here) and square
                square = kind == raw.FPDF_SEGMENT_LINETO and square
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                _edge(geo.edges, here, start)
            prev = here
        raw.FPDFPath_GetDrawMode(handle, fill_mode, stroke)
        # like pdfplumber's rects: a shaded cell is a filled rectangle; icons, ticks and
        # arrows drawn as curves inside a cell are not its background
        if fill_mode.value and square:
            raw.FPDFPageObj_GetFillColor(handle, r, g, b, a)
            colour = pdf_colour_to_hex((r.value / 255, g.value / 255, b.value / 255))
            x0, top, x1, bottom = frame.box(*bounds(handle))
            geo.fills.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "fill": True,
                              "hex": colour})
    return geo


def _edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float]) -> bool:
    """Add the segment p–q as an edge when it is level or upright; say whether it was."""
    (x0, t0), (x1, t1) = p, q
    if abs(t0 - t1) <= AXIS_TOLERANCE and x0 != x1:
        lo, hi = sorted((x0, x1))
        top = (t0 + t1) / 2
        edges.append({"x0": lo, "x1": hi, "top": top, "bottom": top, "width": hi - lo,
                      "height": 0.0, "orientation": "h", "object_type": "line"})
    elif abs(x0 - x1) <= AXIS_TOLERANCE and t0 != t1:
        lo, hi = sorted((t0, t1))
        mid = (x0 + x1) / 2
        edges.append({"x0": mid, "x1": mid, "top": lo, "bottom": hi, "width": 0.0,
                      "height": hi - lo, "orientation": "v", "object_type": "line"})
    else:
        return x0 == x1 and t0 == t1  # a zero-length step is harmless
    return True


def find_tables(geo: Geometry, frame: Frame) -> list[Any]:
    """pdfplumber tables (default "lines" settings) over our edges, at least 2×2."""
    if not may_hold_grid(geo.edges):
        return []
    from pdfplumber.table import TableFinder

    bbox = (0.0, 0.0, frame.width, frame.height)
    return worth_keeping(TableFinder(_EdgePage(geo.edges, bbox)).tables)


def may_hold_grid(edges: list[dict]) -> bool:
    """Whether the edges could make a table worth keeping, without running the finder: two
    rows need three distinct rule heights (top, between, bottom) and two columns three
    distinct rule positions. Snapping, joining and the length filter only merge or drop
    edges, so fewer than three of either kind can never become a 2×2 table."""
    across = sum(1 for e in edges if e["orientation"] == "h")
    return across >= 3 and len(edges) - across >= 3


def cell_texts(table: Any, words: list[Word]) -> list[list[str | None]]:
    """Each cell's text from the words whose centre lies in it (borders included, so a word
    centred on a rule goes to both cells), line by line, as pdfplumber's Table.extract()
    gives it. Words are sorted by centre once and each row takes its band by bisection: a
    busy page no longer checks every word against every cell."""
    centres = sorted(c for c in (((w.top + w.bottom) / 2, (w.x0 + w.x1) / 2, k)
                                 for k, w in enumerate(words)) if c[0] == c[0])  # not NaN
    ys = [c[0] for c in centres]
    out: list[list[str | None]] = []
    for row in table.rows:
        boxes = [c for c in row.cells if c is not None]
        band: list[tuple[float, float, int]] = []
        if boxes:
            top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
            band = centres[bisect_left(ys, top):bisect_right(ys, bottom)]
        texts: list[str | None] = []
        for bbox in row.cells:
            if bbox is None:
                texts.append(None)
                continue
            x0, top, x1, bottom = bbox
            # in the words' own order, as before: line grouping sees them as it always did
            inside = [words[k] for k in sorted(k for cy, cx, k in band
                                               if x0 <= cx <= x1 and top <= cy <= bottom)]
            lines = words_to_lines(inside)
            texts.append("\n".join(line.text.replace("\t", " ") for line in lines))
        out.append(texts)
    return out

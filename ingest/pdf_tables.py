"""Tables and their cell colours from pdfplumber's geometry, for the pages that have any.

pdfplumber is slow (it interprets the page in Python) but its table finder and its rects
with fill colours are what we need for action plans and RAG tables, so it is opened lazily
and asked only about pages whose drawing could make a table (see pdf._needs_geometry).
"""
from __future__ import annotations

from typing import Any

from .colours import pdf_colour_to_hex
from .layout import dehyphenate
from .model import Cell

MAX_CELL_CHARS = 5000
BBox = tuple[float, float, float, float]


def find_tables(page: Any) -> list[Any]:
    """pdfplumber's tables on a pdfplumber page, those worth keeping."""
    return worth_keeping(page.find_tables())


def worth_keeping(found: list[Any]) -> list[Any]:
    """Tables of at least two rows and two columns: a single ruled box round a paragraph
    is a frame, not a table."""
    return [t for t in found if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]


_Shape = tuple[float, float, float, float, float, dict]


def _filled(rects: list[dict]) -> list[_Shape]:
    """The filled rects, each with its reach (half a point round it) and area worked out:
    once a table, not once a cell."""
    return [(r["x0"] - 0.5, r["x1"] + 0.5, r["top"] - 0.5, r["bottom"] + 0.5,
             (r["x1"] - r["x0"]) * (r["bottom"] - r["top"]), r)
            for r in rects if r.get("fill")]


def _fill_at(shapes: list[_Shape], bbox: BBox) -> str | None:
    """The fill of the smallest filled rectangle under the cell's centre: that is the colour
    a reader sees (shading is often drawn as one rect per cell over a white page rect)."""
    x0, top, x1, bottom = bbox
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    best: _Shape | None = None
    for shape in shapes:
        left, right, up, down, area, _ = shape
        if left <= cx <= right and up <= cy <= down and (best is None or area < best[4]):
            best = shape
    if best is None:
        return None
    r = best[5]
    return r["hex"] if "hex" in r else pdf_colour_to_hex(r.get("non_stroking_color"))


def table_rows(table: Any, texts: list[list[str | None]], rects: list[dict]) -> list[list[Cell]]:
    """Typed rows of a pdfplumber table: `texts` as Table.extract() gives them, `rects` the
    page's filled shapes (pdfplumber rects, or pdf_grid fills carrying a ready "hex")."""
    rows: list[list[Cell]] = []
    shapes = _filled(rects)
    for r, (row, row_text) in enumerate(zip(table.rows, texts)):
        cells: list[Cell] = []
        for c, (bbox, text) in enumerate(zip(row.cells, row_text)):
            if bbox is None:  # covered by a merged cell to its left/above
                if cells:
                    cells[-1].colspan += 1
                continue
            text = dehyphenate((text or "").strip())[:MAX_CELL_CHARS]
            cells.append(Cell(text=text, row=r, col=c, fill=_fill_at(shapes, bbox)))
        if any(cell.text or cell.fill for cell in cells):
            rows.append(cells)
    if rows and all(any(ch.isalpha() for ch in cell.text) for cell in rows[0] if cell.text):
        for cell in rows[0]:
            cell.header = True
    return rows

"""Rotated column titles → a ruled table's header cells.

An attendance register keeps one narrow column per meeting of the year and prints each
column's date turned a quarter ("12/09/24" read up the page). PDFium gives rotated text
apart from the upright words (pdfium_text's stamps), and a stamp is page furniture: right
for "Agenda Item 6" up the page edge or a "DRAFT" watermark, fatal for a register, whose
columns can then not be tied to the meeting's date. So a quarter-turned stamp goes back to
a table when every one of its glyphs lies
  - inside a cell of the table's first rows (the header cells), or
  - in the band just above the table, inside one column's bounds, with at least two
    columns so headed (a header row printed over a grid that rules only the body);
glyph by glyph, because narrow columns set their titles so close that PDFium runs them
into one stamp. Any other rotated text (a margin stamp, a watermark over the body, a side
label beside the table) stays whole as furniture.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Word, words_to_lines
from .model import Cell
from .pdfium_text import WORD_GAP, Glyph, Stamp

BBox = tuple[float, float, float, float]
HEAD_ROWS = 3  # a title row and a row of dates can stand over the first row of names
QUARTER_TURNS = (90, 270)
ABOVE_GAP = 6.0  # points between the foot of a title printed over the grid and its top rule
EDGE = 1.0  # points a glyph may overhang a rule and still count as inside


@dataclass
class Heads:
    """What the rotated stamps gave one table."""

    rows: set[int] = field(default_factory=set)  # rows (of the finder's grid) given titles
    above: list[str] | None = None  # a header row printed over the grid, one text a column
    top: float | None = None  # that row's top: the table now starts there


def read_heads(grid: list[list[BBox | None]], texts: list[list[str | None]],
               stamps: list[Stamp], used: set[int], words: list[Word]) -> Heads:
    """Give `texts` (each cell's upright text, row by row) the rotated titles among
    `stamps` that head this grid of cell boxes; the indices of stamps taken go into `used`.
    `words` are the page's upright words: those beside titles printed over the grid
    ("Member" over the names) join that header row."""
    heads = Heads()
    # a title's cell holds nothing upright: a stamp over a cell of figures is margin text
    cells = [(r, c, box) for r, row in enumerate(grid[:HEAD_ROWS])
             for c, box in enumerate(row) if box is not None and not (texts[r][c] or "").strip()]
    homes: dict[int, list[tuple[int, int]]] = {}
    for k, stamp in enumerate(stamps):
        if k in used or stamp.turn not in QUARTER_TURNS or not stamp.glyphs:
            continue
        found = [_home(g, cells) for g in stamp.glyphs]
        if all(h is not None for h in found):
            homes[k] = found  # type: ignore[assignment]
    _keep_title_rows(homes)
    in_cells: dict[tuple[int, int], list[Glyph]] = {}
    turns: dict[tuple[int, int], int] = {}
    for k, found in homes.items():
        used.add(k)
        for g, h in zip(stamps[k].glyphs, found):
            in_cells.setdefault(h, []).append(g)
            turns[h] = stamps[k].turn
    for (r, c), glyphs in in_cells.items():
        texts[r][c] = glyph_text(glyphs, turns[r, c])
        heads.rows.add(r)
    if not in_cells:
        _above(grid, stamps, used, heads, words)
    return heads


def _keep_title_rows(homes: dict[int, list[tuple[int, int]]]) -> None:
    """Keep the stamps that make a row of titles, two columns or more: one turned word in
    a table is as likely a label as a title."""
    while True:
        columns: dict[int, set[int]] = {}
        for found in homes.values():
            for r, c in found:
                columns.setdefault(r, set()).add(c)
        lone = [k for k, found in homes.items() if any(len(columns[r]) < 2 for r, _ in found)]
        if not lone:
            return
        for k in lone:
            del homes[k]


def _home(g: Glyph, cells: list[tuple[int, int, BBox]]) -> tuple[int, int] | None:
    """The header cell that holds the glyph's centre, its box within the cell's rules."""
    _, x0, top, x1, bottom = g
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    for r, c, (bx0, btop, bx1, bbottom) in cells:
        if bx0 <= cx <= bx1 and btop <= cy <= bbottom:
            inside = (x0 >= bx0 - EDGE and x1 <= bx1 + EDGE
                      and top >= btop - EDGE and bottom <= bbottom + EDGE)
            return (r, c) if inside else None
    return None


def _above(grid: list[list[BBox | None]], stamps: list[Stamp], used: set[int],
           heads: Heads, words: list[Word]) -> None:
    """Titles standing on the grid's top rule, one column each: a header row of its own."""
    columns = max(([b for b in row if b is not None] for row in grid), key=len, default=[])
    if len(columns) < 2:
        return
    top = min(b[1] for row in grid for b in row if b is not None)
    taken: dict[int, list[Glyph]] = {}
    turns: dict[int, int] = {}
    found: list[int] = []
    for k, stamp in enumerate(stamps):
        if k in used or stamp.turn not in QUARTER_TURNS or not stamp.glyphs:
            continue
        if not top - ABOVE_GAP <= stamp.bottom <= top + EDGE:
            continue
        homes = [_column(g, columns) for g in stamp.glyphs]
        if all(h is not None for h in homes):
            found.append(k)
            for g, h in zip(stamp.glyphs, homes):
                taken.setdefault(h, []).append(g)  # type: ignore[arg-type]
                turns[h] = stamp.turn  # type: ignore[index]
    if len(taken) < 2:
        return  # one turned word over a table is a side label, not a header row
    used.update(found)
    heads.top = min(g[2] for gs in taken.values() for g in gs)
    heads.above = []
    for c, (x0, _, x1, _) in enumerate(columns):
        beside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1
                  and heads.top <= (w.top + w.bottom) / 2 <= top]
        upright = " ".join(line.text.replace("\t", " ") for line in words_to_lines(beside))
        rotated = glyph_text(taken[c], turns[c]) if c in taken else ""
        heads.above.append(" ".join(t for t in (upright, rotated) if t))


def _column(g: Glyph, columns: list[BBox]) -> int | None:
    _, x0, _, x1, _ = g
    for c, (bx0, _, bx1, _) in enumerate(columns):
        if x0 >= bx0 - EDGE and x1 <= bx1 + EDGE:
            return c
    return None


def glyph_text(glyphs: list[Glyph], turn: int) -> str:
    """Rotated glyphs in reading order. Turned 270° (read bottom to top) the first line is
    the leftmost and each runs upwards; turned 90° (top to bottom) the first is the
    rightmost and each runs downwards. A gap along the line is a space, as upright."""
    up = turn == 270
    ordered = sorted(glyphs, key=lambda g: (g[1] + g[3]) / 2, reverse=not up)
    lines: list[list[Glyph]] = []
    for g in ordered:
        thick = g[3] - g[1]
        if lines and abs((g[1] + g[3]) / 2 - (lines[-1][0][1] + lines[-1][0][3]) / 2) <= thick / 2:
            lines[-1].append(g)
        else:
            lines.append([g])
    out: list[str] = []
    for line in lines:
        line.sort(key=lambda g: -g[4] if up else g[2])
        words, prev = "", None
        for g in line:
            gap = (prev[2] - g[4]) if up and prev else (g[2] - prev[4]) if prev else 0.0
            words += (" " if gap > WORD_GAP else "") + g[0]
            prev = g
        out.append(words)
    return " ".join(out)


def with_heads(rows: list[list[Cell]], heads: Heads) -> list[list[Cell]]:
    """The typed rows with the rotated titles' rows flagged as header, and a header row
    printed over the grid put first."""
    for row in rows:
        for cell in row:
            if cell.row in heads.rows:
                cell.header = True
    if heads.above is None:
        return rows
    for row in rows:
        for cell in row:
            cell.row += 1
            cell.header = False
    return [[Cell(text=t, row=0, col=c, header=True) for c, t in enumerate(heads.above)]] + rows

"""Tables printed without rules: runs of lines whose text falls into the same columns.

A line is cut into segments at column-wide gaps. Over a run of consecutive lines, the
union of the segments' horizontal extents (a projection profile) leaves clear vertical
channels where a table has columns; justified prose, whose wide gaps fall anywhere, fills
the profile and leaves none. Numbers may be right-aligned and labels left-aligned: the
profile does not care which. A cell whose text wraps puts lines with nothing in the first
column under its row ("24/0193  Mill Lane  Erection of two / <blank>  <blank>  dwellings and a
garage"); those lines continue that row's cells instead of opening rows of their own, so
the wrapped text is not read interleaved line by line.
"""
from __future__ import annotations

from .columns import segments
from .layout import Line
from .model import Cell

MIN_ROWS = 3
MIN_COLUMNS = 3
WRAP_GAP = 0.5  # of a line's height: the most white space above a wrapped cell's tail


def split_unruled(lines: list[Line]) -> tuple[list[Line], list[tuple[float, list[list[Cell]]]]]:
    """(lines left as text, [(top, rows)] of the unruled tables found among them)."""
    kept: list[Line] = []
    tables: list[tuple[float, list[list[Cell]]]] = []
    run: list[Line] = []

    def close() -> None:
        rows = _table(run)
        if rows is None:
            kept.extend(run)
        else:
            tables.append((run[0].top, rows))
        run.clear()

    for line in lines:
        split = len(segments(line)) >= 2
        near = not run or line.top - run[-1].bottom <= (run[-1].bottom - run[-1].top) * 1.5
        if near and (split or _wraps_on(line, run)):
            run.append(line)
            continue
        close()
        if split:
            run.append(line)
        else:
            kept.append(line)
    close()
    kept.sort(key=lambda ln: ln.top)
    return kept, tables


def _channels(run: list[Line]) -> list[tuple[float, float]] | None:
    """Column extents: the projection profile of every segment in the run."""
    # from the lines cut into segments: a wrapped tail's one segment may run across channels
    spans = sorted((seg[0].x0, seg[-1].x1) for ln in run if len(segments(ln)) >= 2
                   for seg in segments(ln))
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + 1.0:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns] if len(columns) >= MIN_COLUMNS else None


def _wraps_on(line: Line, run: list[Line]) -> bool:
    """A one-segment line of words starting right of the run's first column: a wrapped
    cell's tail."""
    starts = [segments(ln)[1][0].x0 for ln in run if len(segments(ln)) >= 2]
    if not starts or line.x0 < min(starts) - 2.0 or not any(ch.isalpha() for ch in line.text):
        return False
    # at the cell's own line spacing: a title over the next table stands further off
    return line.top - run[-1].bottom <= (run[-1].bottom - run[-1].top) * WRAP_GAP


def _table(run: list[Line]) -> list[list[Cell]] | None:
    columns = _channels(run) if len(run) >= MIN_ROWS else None
    if columns is None:
        return None
    first = columns[0]
    # a line of words with nothing in the first column continues the row above (a wrapped
    # cell); a line of figures there is a row of its own (a total, a second year's amount)
    heads = [n == 0 or any(first[0] <= seg[0].x0 <= first[1] for seg in segments(ln))
             or not any(ch.isalpha() for ch in ln.text)
             or len(segments(ln)) > max(2, len(columns) // 2) for n, ln in enumerate(run)]
    if sum(heads) < MIN_ROWS:
        return None
    # most rows must fill most columns: a ragged run of tabbed lines is not a grid
    filled = [sum(1 for a, b in columns
                  if any(a <= seg[0].x0 and seg[-1].x1 <= b for seg in segments(ln)))
              for ln, head in zip(run, heads) if head]
    if sum(1 for n in filled if n >= MIN_COLUMNS) < max(MIN_ROWS, len(filled) * 0.6):
        return None
    texts_by_row: list[list[str]] = []
    for ln, head in zip(run, heads):
        if head:
            texts_by_row.append(["" for _ in columns])
        texts = texts_by_row[-1]
        for seg in segments(ln):
            # the channel the segment starts in, else the last one starting left of it
            c = max((i for i, (a, _) in enumerate(columns) if a <= seg[0].x0 + 1.0), default=0)
            words = " ".join(w.text for w in seg)
            texts[c] = f"{texts[c]} {words}".strip()
    rows = [[Cell(text=t, row=r, col=c) for c, t in enumerate(texts)]
            for r, texts in enumerate(texts_by_row)]
    if all(any(ch.isalpha() for ch in cell.text) for cell in rows[0] if cell.text):
        for cell in rows[0]:
            cell.header = True
    return rows

"""Tables printed without rules: runs of lines whose text falls into the same columns.

A line is cut into segments at column-wide gaps. Over a run of consecutive lines, the
union of the segments' horizontal extents (a projection profile) leaves clear vertical
channels where a table has columns; justified prose, whose wide gaps fall anywhere, fills
the profile and leaves none. Numbers may be right-aligned and labels left-aligned: the
profile does not care which.
"""
from __future__ import annotations

from .columns import segments
from .layout import Line
from .model import Cell

MIN_ROWS = 3
MIN_COLUMNS = 3


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
        if split and near:
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
    spans = sorted((seg[0].x0, seg[-1].x1) for ln in run for seg in segments(ln))
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + 1.0:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns] if len(columns) >= MIN_COLUMNS else None


def _table(run: list[Line]) -> list[list[Cell]] | None:
    if len(run) < MIN_ROWS:
        return None
    columns = _channels(run)
    if columns is None:
        return None
    # most rows must fill most columns: a ragged run of tabbed lines is not a grid
    filled = [sum(1 for a, b in columns
                  if any(a <= seg[0].x0 and seg[-1].x1 <= b for seg in segments(ln)))
              for ln in run]
    if sum(1 for n in filled if n >= MIN_COLUMNS) < max(MIN_ROWS, len(run) * 0.6):
        return None
    rows: list[list[Cell]] = []
    for r, ln in enumerate(run):
        texts = ["" for _ in columns]
        for seg in segments(ln):
            c = next(i for i, (a, b) in enumerate(columns) if a <= seg[0].x0 <= b)
            words = " ".join(w.text for w in seg)
            texts[c] = f"{texts[c]} {words}".strip()
        rows.append([Cell(text=t, row=r, col=c) for c, t in enumerate(texts)])
    if all(any(ch.isalpha() for ch in cell.text) for cell in rows[0] if cell.text):
        for cell in rows[0]:
            cell.header = True
    return rows

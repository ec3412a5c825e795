"""Status tables → rated rows: find the header, give each column a role, read each row.

`layout_of(table)` decides whether a table is a status table and which column is the ref,
the wording, the timescale, the current and the previous rating; `rows_of(table, layout)`
reads the body rows with that layout.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import Cell, Table

from .colours import rag_patterns, status_from_fill
from .legend import COLOURS, Legend, fold

REF_VALUE = re.compile(r"^(?:[A-Za-z]{0,4}\s?\d{1,3}(?:[a-z]{0,2}\d?)?(?:[.\-–]\s?[0-9a-z]{1,4}){0,3}"
                       r"|[ivx]{1,5}|[a-z]|[A-Z]{1,4}\d{0,3}[a-z]?)$")
DUE_VALUE = re.compile(r"(?i)\b(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(jan|feb|mar|apr|may|jun|jul|aug|"
                       r"sep|oct|nov|dec)[a-z]*[\s\-'’]*\d{2,4}|q[1-4]\b|ongoing|20\d\d)")


@dataclass
class Reading:
    """One cell read as a rating."""

    status: str | None
    source: str | None  # "word" | "fill" | "legend"
    conflict: str | None = None  # the fill's colour, when it disagrees with the word


@dataclass
class Layout:
    n_cols: int
    status: list[int] = field(default_factory=list)  # rating columns, current first
    previous: int | None = None
    ref: int | None = None
    text: list[int] = field(default_factory=list)
    due: int | None = None
    header_rows: int = 0
    header_texts: list[str] = field(default_factory=list)


def grid(table: Table) -> list[list[Cell | None]]:
    """Rows as lists indexed by column: a spanned cell fills every column it covers."""
    placed: list[dict[int, Cell]] = [{} for _ in table.rows]
    for r, row in enumerate(table.rows):
        free = 0
        for c in row:
            # PDF and DOCX give true grid columns; HTML numbers cells in order, so a cell is
            # pushed right past columns already taken by a span on its left or from above
            start = max(c.col, free)
            while start in placed[r]:
                start += 1
            for dr in range(max(1, c.rowspan)):
                if r + dr >= len(placed):
                    break
                for k in range(start, start + max(1, c.colspan)):
                    placed[r + dr].setdefault(k, c)
            free = start + max(1, c.colspan)
    n = max([table.n_cols] + [max(p) + 1 for p in placed if p])
    return [[p.get(k) for k in range(n)] for p in placed]


@lru_cache(maxsize=1)  # the status words, folded once (read only)
def _words() -> dict[str, str]:
    words: dict[str, str] = {}
    for colour, names in rag_patterns()["status_words"].items():
        for name in names:
            words[fold(name)] = colour
    return words


def word_status(text: str, legend: Legend | None, letters: bool) -> tuple[str | None, str]:
    """A cell's words as a rating: the whole cell must be a status word ("Green", "G",
    "AMBER") or a word of the document's key ("slippage"); a short cell may lead with one
    ("Green - on track")."""
    t = fold(text)
    if not t:
        return None, ""
    words = _words()
    hit = words.get(t)
    if hit and (len(t) > 1 or letters):
        return hit, "word"
    if legend and (got := legend.word(t)):
        return got, "legend"
    first = t.split()[0]
    if letters and len(t) <= 30 and first in COLOURS:
        return first, "word"
    return None, ""


def read_cell(cell: Cell | None, legend: Legend | None, letters: bool) -> Reading:
    if cell is None:
        return Reading(None, None)
    word, how = word_status(cell.text, legend, letters)
    fill = (legend.fill(cell.fill) if legend else None) or status_from_fill(cell.fill)
    if word:
        conflict = fill if fill and fill != word else None
        return Reading(word, how, conflict)
    if fill and _fill_only_text(cell.text):
        return Reading(fill, "fill")
    return Reading(None, None)


def _own_colour(row: list[Cell | None], cell: Cell) -> bool:
    """A rating colour belongs to one cell: not a bar across the row, not the row's banding."""
    others = [c for c in distinct(row) if c is not cell]
    return cell.colspan == 1 and bool(others) and all(
        (c.fill or "").lower() != (cell.fill or "").lower() for c in others)


def _fill_only_text(text: str) -> bool:
    """A coloured cell rates its row when it carries no words of its own, or only a figure or
    date (a coloured "97%" is a rating; a coloured "CYPE" is a directorate)."""
    t = text.strip()
    return not t or not re.search(r"[A-Za-z]{3,}", t) or bool(DUE_VALUE.fullmatch(t))


def _match(text: str, vocab: list[str]) -> bool:
    t = fold(text)
    return bool(t) and any(t == fold(v) for v in vocab)


def contains(text: str, vocab: list[str]) -> bool:
    t = f" {fold(text)} "
    return any(f" {fold(v)} " in t for v in vocab)


def _is_status_header(text: str) -> bool:
    p = rag_patterns()
    t = fold(text)
    return _match(t, p["header_status"]) or bool(re.search(r"\b(rag|brag|r a g)\b", t))


def header_rows(g: list[list[Cell | None]]) -> int:
    """Leading rows that name columns: flagged header or made of header words, and never a
    row that rates something."""
    p = rag_patterns()
    vocab = (p["header_status"] + p["header_ref"] + p["header_text"] + p["header_due"])
    n = 0
    for row in g[:3]:
        cells = distinct(row)
        texts = [c.text for c in cells if c.text.strip()]
        if not texts:
            break
        ratings = [t for t in texts if word_status(t, None, False)[0]]
        named = any(_match(t, vocab) or _is_status_header(t) for t in texts)
        flagged = all(c.header for c in cells if c.text.strip())
        if ratings and not (len(ratings) >= 2 and len({fold(t) for t in ratings}) >= 2
                            and not any(len(t) > 25 for t in texts)):
            break  # a rated row is data (several distinct colour headers make a count table)
        if named or (flagged and n == 0 and len(texts) >= 2):
            n += 1
            continue
        break
    return n


def distinct(row: list[Cell | None]) -> list[Cell]:
    seen: list[Cell] = []
    for c in row:
        if c is not None and all(c is not s for s in seen):
            seen.append(c)
    return seen


def _column_header(g: list[list[Cell | None]], n_header: int, col: int) -> str:
    parts: list[str] = []
    for row in g[:n_header]:
        c = row[col] if col < len(row) else None
        if c is not None and c.text.strip() and c.text not in parts:
            parts.append(c.text)
    return " ".join(parts)


def is_count_table(g: list[list[Cell | None]], n_header: int) -> bool:
    """G/A/R as column headers over numbers: a tally of ratings, not rated rows."""
    for row in g[:max(1, n_header)]:
        colours = {word_status(c.text, None, True)[0] for c in distinct(row)} - {None}
        if len(colours) >= 2:
            return True
    return False


def layout_of(table: Table, legend: Legend | None) -> Layout | None:
    g = grid(table)
    if not g:
        return None
    n = len(g[0])
    nh = header_rows(g)
    if is_count_table(g, nh):
        return None
    body = g[nh:]
    if not body:
        return None
    p = rag_patterns()
    heads = [_column_header(g, nh, c) for c in range(n)]
    lay = Layout(n_cols=n, header_rows=nh, header_texts=heads)
    for c in range(n):
        head = heads[c]
        status_head = _is_status_header(head) or contains(head, p["header_previous"] +
                                                           p["header_current"]) and nh > 0
        words = fills = filled = 0
        swatches: set[str] = set()
        for row in body:
            cell = row[c]
            if cell is None or (c > 0 and row[c - 1] is cell):
                continue  # a cell spanning into this column belongs to the one on its left
            r = read_cell(cell, legend, letters=status_head)
            words += r.source in ("word", "legend")
            if r.source == "fill" and _own_colour(row, cell):
                fills += 1
                swatches.add(r.status or "")
            filled += bool(cell.text.strip() or cell.fill)
        rated = words + fills
        if not rated:
            continue
        share = rated / max(1, len(body))
        by_words = bool(words) and words / max(1, filled) >= 0.6 and share >= 0.3
        # colours alone rate a column when the key explains them or they vary row by row
        by_fill = bool(fills) and not words and share >= 0.6 and (
            bool(legend and (legend.words or legend.swatches))
            or (len(swatches) >= 2 and len(body) >= 2))
        if status_head or by_words or by_fill:
            lay.status.append(c)
    if not lay.status:
        return None
    prev = [c for c in lay.status if contains(heads[c], p["header_previous"])]
    if prev:
        lay.previous = prev[0]
        lay.status = [c for c in lay.status if c != lay.previous] or lay.status
    _assign_text_columns(lay, body, heads)
    if not lay.text:
        return None
    return lay


def _assign_text_columns(lay: Layout, body: list[list[Cell | None]], heads: list[str]) -> None:
    p = rag_patterns()
    taken = set(lay.status) | ({lay.previous} if lay.previous is not None else set())
    for c, head in enumerate(heads):
        if c in taken:
            continue
        if lay.ref is None and _match(head, p["header_ref"]):
            lay.ref = c
        elif lay.due is None and _match(head, p["header_due"]):
            lay.due = c
    taken |= {x for x in (lay.ref, lay.due) if x is not None}
    if lay.ref is None and 0 not in taken:
        values = [row[0].text.strip() for row in body if row[0] is not None and row[0].text.strip()]
        if values and sum(bool(REF_VALUE.match(v)) for v in values) / len(values) >= 0.8:
            lay.ref = 0
            taken.add(0)
    rank = {fold(v): k for k, v in enumerate(p["header_text"])}
    named = sorted((rank[fold(h)], c) for c, h in enumerate(heads)
                   if c not in taken and fold(h) in rank)
    if named:
        lay.text = [named[0][1]]  # the earliest word of the vocabulary: "Action" over "Objective"
        return
    for c in range(lay.n_cols):
        if c in taken:
            continue
        texts = [row[c].text for row in body if row[c] is not None and row[c].text.strip()]
        if texts and sum(bool(re.search(r"[A-Za-z]{3,}", t)) for t in texts) / len(texts) >= 0.5:
            lay.text = [c]
            return


def body_rows(table: Table, lay: Layout) -> list[list[Cell | None]]:
    return [_pad(row, lay.n_cols) for row in grid(table)[lay.header_rows:]]


def _pad(row: list[Cell | None], n: int) -> list[Cell | None]:
    return (row + [None] * n)[:n]


def clean(text: str) -> str:
    return " ".join((text or "").split())

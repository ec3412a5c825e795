"""RAG-rated status tables → `RagItem`s, with flags for what the clerk should check.

A part's tables are read in order:
  1. keys/legends are read for their words and swatches, never turned into rows;
  2. a small "KPI box" (a title cell with a rating cell beside it, details below) is one row;
  3. any other table gets a layout (which column is the rating, the wording, the ref, the
     timescale; see `tables`) or none when it is not a status table — tallies of G/A/R,
     directorate colour coding and banded tables have no rating column.
A table continued over a page break, or split in two, arrives joined (ingest's table_join).
Words win over fill; a disagreement is flagged `rag-conflict`. A row of a status table with
no rating at all is kept with status None and flagged `rag-unrated`.
"""
from __future__ import annotations

import re

from ingest.model import Cell, Table

from ..document.parts import Part
from ..model import Evidence, Flag, Meeting, RagItem
from .colours import rag_patterns
from .legend import Legend, fold, is_legend_table, legend_for
from .tables import (
    Layout,
    Reading,
    body_rows,
    clean,
    contains,
    distinct,
    grid,
    layout_of,
    read_cell,
    word_status,
)

EXTRACTOR = "rag"


def extract_rag(part: Part, meeting: Meeting) -> tuple[list[RagItem], list[Flag]]:
    legend = legend_for(part.blocks, part.tables)
    items: list[RagItem] = []
    flags: list[Flag] = []
    for table in part.tables:
        if is_legend_table(table):
            continue
        box = read_box(table, legend)
        if box is not None:
            item, box_flags = box
            items.append(item)
            flags += box_flags
            continue
        lay = layout_of(table, legend)
        if lay is None:
            continue
        got, got_flags = read_rows(table, lay, legend)
        items += got
        flags += got_flags
    return items, flags


def read_rows(table: Table, lay: Layout, legend: Legend) -> tuple[list[RagItem], list[Flag]]:
    items: list[RagItem] = []
    flags: list[Flag] = []
    current_cols = _current_first(lay)
    for row in body_rows(table, lay):
        cells = distinct(row)
        if len(cells) <= 1 or not any(c.text.strip() for c in cells):
            continue  # a section heading spanning the table, or an empty row
        text = clean(" ".join(row[c].text for c in lay.text if row[c] is not None))
        if not text or any(row[c] is row[s] for c in lay.text for s in lay.status):
            continue
        if _is_repeated_header(row, lay):
            continue
        reading = Reading(None, None)
        for c in current_cols:
            r = read_cell(row[c], legend, letters=True)
            if r.status:
                reading = r
                break
        prev = None
        if lay.previous is not None:
            prev = read_cell(row[lay.previous], legend, letters=True).status
        prev = prev or _inline_previous(cells)
        ref = clean(row[lay.ref].text) if lay.ref is not None and row[lay.ref] else None
        due = clean(row[lay.due].text) if lay.due is not None and row[lay.due] else None
        ev = Evidence(page=cells[0].page_or(table.page), block=table.index, extractor=EXTRACTOR,
                      quote=clean(" | ".join(c.text for c in cells))[:300])
        items.append(RagItem(ref=ref or None, text=text, status=reading.status,
                             previous_status=prev, status_source=reading.source,
                             due_text=due or None, evidence=ev))
        flags += _flags(items[-1], reading, ev)
    return items, flags


def _current_first(lay: Layout) -> list[int]:
    """Rating columns in the order to try: a column headed latest/current first, else the
    rightmost (in a row of period columns the latest period is last)."""
    p = rag_patterns()
    named = [c for c in lay.status if contains(lay.header_texts[c], p["header_current"])]
    rest = [c for c in reversed(lay.status) if c not in named]
    return named + rest


def _is_repeated_header(row: list[Cell | None], lay: Layout) -> bool:
    texts = [fold(c.text) for c in distinct(row) if c.text.strip()]
    heads = {fold(h) for h in lay.header_texts if h}
    return bool(texts) and all(t in heads for t in texts)


def _inline_previous(cells: list[Cell]) -> str | None:
    pattern = re.compile(rag_patterns()["previous_inline"])
    for c in cells:
        m = pattern.search(c.text)
        if m:
            got = (m.group(1) or m.group(2) or "").lower()
            return {"r": "red", "a": "amber", "g": "green", "b": "blue"}.get(got, got)
    return None


def _flags(item: RagItem, reading: Reading, ev: Evidence) -> list[Flag]:
    label = f"{item.ref + ' ' if item.ref else ''}{item.text[:80]}"
    if item.status is None:
        return [Flag("rag-unrated", f"Row '{label}' sits in a status table but has no rating "
                     "(no colour word, no fill); check the document and rate it by hand.",
                     page=ev.page, evidence=ev)]
    if reading.conflict:
        return [Flag("rag-conflict", f"Row '{label}' says {item.status} but its cell is "
                     f"filled {reading.conflict}; the word was kept.", page=ev.page,
                     evidence=ev)]
    return []


def read_box(table: Table, legend: Legend) -> tuple[RagItem, list[Flag]] | None:
    """A KPI box: the first row is a title and, at its right, one rating cell (a word or a
    coloured cell); the rows below give figures ("Latest", "Target", "Previous: 97% (Green)")
    and rate nothing themselves."""
    g = grid(table)
    if not 1 <= len(g) <= 4:
        return None
    top = [c for c in distinct(g[0]) if c.text.strip() or c.fill]
    if len(top) != 2:
        return None
    title, rating = top
    if len(clean(title.text)) < 15 or not re.search(r"[A-Za-z]{3,}", title.text):
        return None
    if word_status(title.text, legend, False)[0]:
        return None
    if rating.text.strip() and not word_status(rating.text, legend, True)[0]:
        return None
    reading = read_cell(rating, legend, letters=True)
    if not reading.status:
        return None
    below = [c for row in g[1:] for c in distinct(row) if c is not title and c is not rating]
    if any(read_cell(c, legend, letters=False).source in ("word", "legend") for c in below):
        return None  # more rated rows: a table, not a box
    if len(g) > 1 and not any(c.text.strip() for c in below):
        return None
    ev = Evidence(page=title.page_or(table.page), block=table.index, extractor=EXTRACTOR,
                  quote=clean(title.text)[:300])
    item = RagItem(ref=None, text=clean(title.text), status=reading.status,
                   previous_status=_inline_previous(below), status_source=reading.source,
                   evidence=ev)
    return item, _flags(item, reading, ev)

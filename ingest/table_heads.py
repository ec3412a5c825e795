"""A table's header line printed outside its rules → that table's header row.

Action plans often rule only the body of the table: the titles ("Ref  Action  Owner
Deadline") sit on a line of their own above it and come out as a text block, so the table
below has no header and the extractors cannot tell its columns apart. A line directly
above a table on the same page, with one short column title per column and every title
in the vocabulary of column titles (table_heads.json), becomes the table's first row,
flagged as header. Anything else (a data row split off, a caption) is left as it was.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .model import Block, Cell, Page, Table

MAX_TITLE_CHARS = 30


@lru_cache(maxsize=1)
def _titles() -> re.Pattern:
    raw = json.loads(Path(__file__).with_name("table_heads.json").read_text(encoding="utf-8"))
    return re.compile(rf"(?i){raw['column_titles']}[:.]?")


def attach_header_lines(pages: list[Page]) -> None:
    """In place: a header line sitting directly above a header-less table joins it."""
    for page in pages:
        items = page.items
        for i in range(len(items) - 2, -1, -1):
            line, table = items[i], items[i + 1]
            if isinstance(line, Block) and isinstance(table, Table) and line.kind != "furniture":
                titles = header_titles(line.text, table)
                if titles:
                    _prepend(table, titles)
                    del items[i]


def header_titles(text: str, table: Table) -> list[str] | None:
    """The line's column titles when it is the header row `table` lacks, else None."""
    if "\n" in text.strip() or table.n_cols < 2 or not table.rows:
        return None
    fields = [f.strip() for f in text.split("\t") if f.strip()]
    if len(fields) != table.n_cols or len(table.rows[0]) != table.n_cols:
        return None
    if any(len(f) > MAX_TITLE_CHARS or not _titles().fullmatch(f) for f in fields):
        return None
    if all(_titles().fullmatch(c.text.strip()) for c in table.rows[0] if c.text.strip()):
        return None  # the table opens with column titles of its own
    return fields


def _prepend(table: Table, titles: list[str]) -> None:
    for row in table.rows:
        for cell in row:
            cell.row += 1
            cell.header = False
    page = table.rows[0][0].page if table.rows[0] else None
    table.rows.insert(0, [Cell(text=t, row=0, col=c, header=True, page=page)
                          for c, t in enumerate(titles)])

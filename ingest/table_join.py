"""Tables continued over a page break → one Table, with the repeated header dropped.

A table is continued when it is the last item of page N (running headers and footers
aside) and page N+1 opens with a table of the same grid width that either repeats its
header rows or starts straight in with body rows. One short line may sit between them when
it is a repeat of the heading over the first part (a page title the furniture pass did not
catch) or says "(continued)"; anything else in between means a new table.

A continuation whose first row is flagged as a header but is not the first part's header
is a *new* table of the same shape (performance reports print one small KPI box per
measure, often one at the foot of a page and the next at the top of the following one), so
it is never joined. Missing a join costs little; a wrong join corrupts two tables.
"""
from __future__ import annotations

import re

from .layout import dehyphenate
from .model import Block, Cell, Item, Page, Table

# "Appendix A (continued)", "Actions cont'd", "Risk register (cont.)"
CONTINUED = re.compile(r"(?i)\bcontinued\b|\bcont['’]?d\b|\bcont\.")
MAX_BETWEEN_CHARS = 120  # longer than a title line: real content, not a repeated heading
# A split cell's tail reads on from the text above it: it starts in lower case or with the
# punctuation that closes a clause. A capital, digit or bullet may start a row of its own.
TAIL_START = re.compile(r"^[a-z,;:)\]]")


def join_continued_tables(pages: list[Page]) -> None:
    """Join, in place, every table continued over one or more page breaks into its first
    part: rows appended (row indexes renumbered), `pages` = (first, last), later parts
    removed from their pages. Pages without numbers (DOCX, HTML, text) are left alone."""
    open_table: Table | None = None  # the last item of the previous page, when a table
    title: str | None = None  # the heading printed just above open_table's first part
    previous: int | None = None
    for page in pages:
        body = [i for i in page.items if not _furniture(i)]
        carried = False
        if open_table is not None and _next(previous, page.number):
            cont = _continuation(body, title)
            if cont is not None and _append(open_table, cont, page.number):
                page.items[:] = [i for i in page.items if i is not cont]
                carried = body[-1] is cont  # it fills the page: may run on again
        if not carried:
            last = body[-1] if body else None
            open_table = last if isinstance(last, Table) else None
            title = _heading_before(body, open_table) if open_table is not None else None
        previous = page.number


def _furniture(item: Item) -> bool:
    return isinstance(item, Block) and item.kind == "furniture"


def _next(previous: int | None, number: int | None) -> bool:
    return previous is not None and number is not None and number == previous + 1


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _heading_before(body: list[Item], table: Table) -> str | None:
    """The nearest heading above the table on its own page."""
    at = next(k for k, i in enumerate(body) if i is table)
    for item in reversed(body[:at]):
        if isinstance(item, Block) and item.kind == "heading":
            return item.text
    return None


def _continuation(body: list[Item], title: str | None) -> Table | None:
    """The table that opens the page, allowing one repeated-title or "(continued)" line."""
    if not body:
        return None
    first = body[0]
    if isinstance(first, Table):
        return first
    if len(body) < 2 or not isinstance(body[1], Table):
        return None
    text = first.text.strip()
    if len(text) > MAX_BETWEEN_CHARS or len(first.lines) > 2:
        return None
    if CONTINUED.search(text) or (title is not None and _norm(text) == _norm(title)):
        return body[1]
    return None


def _width(table: Table) -> int:
    """Grid columns, counting spans: two parts line up only when these agree."""
    return max((c.col + max(1, c.colspan) for row in table.rows for c in row), default=0)


def _header_rows(table: Table) -> int:
    """Leading rows made only of header cells."""
    n = 0
    for row in table.rows:
        if not row or not all(c.header for c in row):
            break
        n += 1
    return n


def _row_texts(row: list[Cell]) -> list[str]:
    return [_norm(c.text) for c in row]


def _repeats_header(first: Table, cont: Table) -> int:
    """How many leading rows of `cont` repeat `first`'s header rows word for word."""
    n = _header_rows(first)
    if n == 0 or len(cont.rows) < n:
        return 0
    same = all(_row_texts(a) == _row_texts(b) for a, b in zip(first.rows[:n], cont.rows[:n]))
    return n if same else 0


def _append(first: Table, cont: Table, page: int | None) -> bool:
    """Append `cont`'s rows to `first` when it continues it; False (nothing changed) when
    it is a different table."""
    if not first.rows or not cont.rows or _width(first) != _width(cont):
        return False
    skip = _repeats_header(first, cont)
    rows = cont.rows[skip:]
    if skip == 0 and any(c.header for c in rows[0]):
        return False  # a header of its own: a new table that happens to have the same shape
    if rows and _merge_split_row(first.rows[-1], rows[0]):
        rows = rows[1:]
    if rows:
        shift = max((c.row + max(1, c.rowspan) for row in first.rows for c in row), default=0) \
            - min((c.row for row in rows for c in row), default=0)
        for row in rows:
            for cell in row:
                cell.row += shift
                cell.page = cell.page_or(cont.page)  # a row keeps the page it was printed on
        first.rows.extend(rows)
    start = first.pages[0] if first.pages else first.page
    end = cont.pages[1] if cont.pages else (cont.page if cont.page is not None else page)
    if start is not None and end is not None:
        first.pages = (start, end)
    return True


def _merge_split_row(above: list[Cell], tail: list[Cell]) -> bool:
    """Fold the tail of a row the page break cut in two back into the row above.

    Only when it is unmistakable: same cells, an empty key (first) cell under a filled one,
    every cell with words reading on from the text above it, and no colour of its own —
    a row of a RAG action plan that is only a coloured cell, or that starts a new line of
    text, is a row in its own right and is left alone."""
    if not tail or [(c.col, c.colspan) for c in above] != [(c.col, c.colspan) for c in tail]:
        return False
    if tail[0].text.strip() or not above[0].text.strip() or any(c.header for c in above):
        return False
    worded = [(a, t) for a, t in zip(above, tail) if t.text.strip()]
    if not worded:
        return False
    for a, t in worded:
        if not a.text.strip() or not TAIL_START.match(t.text.strip()):
            return False
    if any(t.fill is not None and t.fill != a.fill for a, t in zip(above, tail)):
        return False
    for a, t in worded:
        a.text = dehyphenate(f"{a.text.rstrip()}\n{t.text.strip()}")
    return True

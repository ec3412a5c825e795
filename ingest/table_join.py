"""Tables continued by the next table in reading order → one Table, repeated header dropped.

One rule for every format. A table continues the one before it when nothing but running
headers and footers sits between them, or one short line that repeats the heading over the
first part (a page title the furniture pass did not catch) or says "(continued)"; when both
have the same grid width; when the second either repeats the first's header rows or starts
straight in with body rows; and, where pages are numbered, when it is on the same page
(pdfplumber cut one ruled table in two) or the next one (a page break). DOCX, HTML and text
have no page numbers: a Word table split in two by a page break or an empty paragraph is
joined by the same rule. Without a page break in between there is less evidence, and
Word marks no header rows unless they repeat on each page: there the continuation must
open with a row that could not be a header or title of its own: one with a filled cell
that has no letters (a ref number, a figure, a date in digits). A row of words ("Co-opted
members | Representing", "REPORT OF THE EXECUTIVE POLICY COMMITTEE …" across the table)
opens a new table of the same shape: an attendance list of one table per group, a
disposition list of one table per report.

A continuation whose first row is flagged as a header but is not the first part's header
is a *new* table of the same shape (performance reports print one small KPI box per
measure, often one at the foot of a page and the next at the top of the following one), so
it is never joined. Missing a join costs little; a wrong join corrupts two tables.

The header flag alone does not decide that: the PDF reader flags any first row made only of
words, and a carried-actions table continued over a page break without its header opens with
a body row of words ("Jan23.03 | Clerk to chase … | HD | In hand") or the tail of a split row.
After a page break such a row is read as a body row when the cells it fills look like the
first part's body rows (a ref code, a sentence, a date in digits) more than like its header
(a word or two per cell), and it neither repeats a header cell's words nor wears the header's
shading. A new box of the same shape opens with a row like the first part's header, so it
still starts a table of its own.
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
# A header cell is a label of a word or two ("Owner", "Date due", "Action by whom"); a
# longer run of words is a body cell's sentence.
MAX_LABEL_WORDS = 3


def join_continued_tables(pages: list[Page]) -> None:
    """Join, in place, every continued table into its first part: rows appended (row indexes
    renumbered), `pages` = (first, last) where pages are numbered, later parts removed from
    their pages."""
    open_table: Table | None = None  # the last table read, while it may still run on
    title: str | None = None  # the heading printed just above open_table's first part
    end: int | None = None  # the page open_table's last part is on
    between: Block | None = None  # the one short line read since open_table, if any
    for page in pages:
        body = [i for i in page.items if not _furniture(i)]
        for item in body:
            if isinstance(item, Table) and open_table is not None \
                    and _near(end, page.number) and _may_sit_between(between, title) \
                    and _append(open_table, item, page.number, _page_break(end, page.number)):
                page.items[:] = [i for i in page.items if i is not item]
                end, between = page.number, None
            elif isinstance(item, Table):
                open_table, title = item, _heading_before(body, item)
                end, between = page.number, None
            elif open_table is not None and between is None and _short_line(item):
                between = item
            else:
                open_table = None


def _furniture(item: Item) -> bool:
    return isinstance(item, Block) and item.kind == "furniture"


def _near(end: int | None, number: int | None) -> bool:
    """Same or next page; formats without page numbers have only the reading order."""
    return end is None or number is None or 0 <= number - end <= 1


def _page_break(end: int | None, number: int | None) -> bool:
    return end is not None and number is not None and number == end + 1


def _only_words(row: list[Cell]) -> bool:
    """Every filled cell has letters: how a header or title row reads (the PDF reader flags
    a first row so); a body row usually has a ref number, a figure or a date in digits."""
    return all(any(ch.isalpha() for ch in c.text) for c in row if c.text.strip())


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _heading_before(body: list[Item], table: Table) -> str | None:
    """The nearest heading above the table on its own page."""
    at = next(k for k, i in enumerate(body) if i is table)
    for item in reversed(body[:at]):
        if isinstance(item, Block) and item.kind == "heading":
            return item.text
    return None


def _short_line(item: Item) -> bool:
    """Short enough to be a repeated title or a "(continued)" line, not real content."""
    return isinstance(item, Block) and len(item.text.strip()) <= MAX_BETWEEN_CHARS \
        and len(item.lines) <= 2


def _may_sit_between(line: Block | None, title: str | None) -> bool:
    """Nothing, or a line that repeats the first part's heading or says it continues."""
    if line is None:
        return True
    text = line.text.strip()
    return bool(CONTINUED.search(text)) or (title is not None and _norm(text) == _norm(title))


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


def _append(first: Table, cont: Table, page: int | None, page_break: bool) -> bool:
    """Append `cont`'s rows to `first` when it continues it; False (nothing changed) when
    it is a different table."""
    if not first.rows or not cont.rows or _width(first) != _width(cont):
        return False
    skip = _repeats_header(first, cont)
    rows = cont.rows[skip:]
    if skip == 0 and any(c.header for c in rows[0]) \
            and not (page_break and _reads_as_body(first, rows[0])):
        return False  # a header of its own: a new table that happens to have the same shape
    if skip == 0 and not page_break and _only_words(rows[0]):
        return False  # nothing explains a split, and the row reads as a header or title
    if rows and _merge_split_row(first.rows[-1], rows[0]):
        rows = rows[1:]
    if rows:
        shift = max((c.row + max(1, c.rowspan) for row in first.rows for c in row), default=0) \
            - min((c.row for row in rows for c in row), default=0)
        for row in rows:
            for cell in row:
                cell.row += shift
                cell.header = False  # a body row the reader flagged for opening a page
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


def _shape(text: str) -> str:
    """What kind of value a cell holds, as a reader tells header from body at a glance:
    "" empty, "number" (no letters), "code" (one token of letters and digits: a ref such as
    "Mar24.03"), "words" (a short label, how header cells read) or "text" (anything longer,
    or words with figures in them)."""
    words = text.split()
    if not words:
        return ""
    letters = any(ch.isalpha() for ch in text)
    digits = any(ch.isdigit() for ch in text)
    if not letters:
        return "number"
    if len(words) == 1 and digits:
        return "code"
    return "words" if len(words) <= MAX_LABEL_WORDS and not digits else "text"


def _reads_as_body(first: Table, row: list[Cell]) -> bool:
    """Whether a header-flagged first row of a continuation is the first part's body read on.

    The first part's own rows are the measure: its header (if any) and at least one body row."""
    n = _header_rows(first)
    body = first.rows[n:]
    if not body or not row:
        return False
    head = first.rows[n - 1] if n else []
    cells = {c.col: c for c in row if c.text.strip()}
    head_at = {c.col: c for c in head}
    if any(_norm(c.text) == _norm(head_at[k].text) for k, c in cells.items() if k in head_at):
        return False  # repeats a header cell's words: a new box under the same labels
    if any(c.fill for c in head) and [c.fill for c in row] == [c.fill for c in head]:
        return False  # shaded like the header row
    if not row[0].text.strip() and all(r and r[0].text.strip() for r in first.rows):
        return True  # a header labels the key column every row of the first part fills;
        # a row without it is the tail of a row the page break cut, or a row missing its ref
    if not n:
        return False
    as_head = sum(1 for k, c in cells.items()
                  if k in head_at and _shape(c.text) == _shape(head_at[k].text))
    as_body = max(sum(1 for c in r
                      if c.col in cells and _shape(c.text) == _shape(cells[c.col].text))
                  for r in body)
    return as_body > as_head

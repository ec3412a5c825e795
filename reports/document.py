"""A report as plain typed data, which every writer (`reports.formats`) lays out its own way.

A report is a title, the body it covers, the date it is "as at", a line saying how it was
filtered, and parts in order: tables, charts and notes. A table's rows may be a generator:
writers read them once, in order, so a log of 100,000 actions is never held whole.
Cells are plain values (text, dates, ints); text from papers has already passed through
`cells.bounded` by the time it is in a row.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Value = str | dt.date | int | None



def as_text(value: Value) -> str:
    """A cell as text: dates ISO, None empty. (Called once per cell: text first.)"""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# How a writer treats a column: "date" cells are dates in XLSX and right-aligned text
# elsewhere; "lines" keeps each line of a cell a line; "status" cells are coloured by the
# row's `tone`.
ColumnKind = Literal["text", "date", "int", "status", "lines"]

# A row's colour in the formats that have colour: an action's state or a RAG rating.
Tone = Literal["open", "overdue", "closed", "stale", "red", "amber", "green", "blue"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind = "text"
    width: int = 12  # characters: a hint for XLSX column widths and DOCX proportions
    # False: a detail only the formats with room carry (XLSX, CSV, JSON, HTML, Markdown);
    # a paged format (DOCX, the agenda pack) leaves the column out.
    paged: bool = True
    # The name of another column: paged formats show this cell as a second line of that
    # one ("Raised at": the date, then "minutes, item 5"), the others as its own column.
    under: str | None = None


class Row(NamedTuple):
    """A tuple, not a frozen dataclass: a log makes 100,000 of them, and a tuple is made
    several times faster."""

    cells: tuple[Value, ...]
    tone: Tone | None = None
    group: str | None = None  # e.g. the body: XLSX writes a sheet per group


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: Iterable[Row]  # read once, in order
    empty: str = "Nothing to show."  # said in place of the rows when there are none


@dataclass(frozen=True)
class Chart:
    title: str
    png: bytes
    svg: str  # the same chart as SVG text (our own rendering; never paper markup)
    series: tuple[str, ...] = ()  # the names of the series drawn, for readers and tests


@dataclass(frozen=True)
class Note:
    text: str


Part = Table | Chart | Note

TONES: tuple[Tone, ...] = ("overdue", "stale", "open", "closed", "red", "amber", "green",
                           "blue")


@dataclass(frozen=True)
class Report:
    title: str  # "Action log"
    as_at: dt.date
    body: str | None = None  # the board or committee, when the report covers one
    scope: str = ""  # how it was filtered: "open actions, owner Alan Smith, 2024-01-01 on"
    parts: tuple[Part, ...] = field(default_factory=tuple)

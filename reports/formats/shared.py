"""What every writer shares: a cell as text, the columns a paged format shows, the
colours and words of a row's tone."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..document import Column, Report, Row, Table, Tone, Value, as_text


def tables(report: Report) -> Iterator[Table]:
    return (p for p in report.parts if isinstance(p, Table))


def heading_lines(report: Report) -> list[str]:
    """"Corporate Parenting Panel", "As at 2025-01-09", the scope: under the title."""
    lines = [report.body] if report.body else []
    lines.append(f"As at {report.as_at.isoformat()}")
    if report.scope:
        lines.append(report.scope)
    return lines


@dataclass(frozen=True)
class PagedColumn:
    """A column as a paged format (DOCX, text) shows it: its own cell, and the cells of
    the columns shown under it as further lines."""

    column: Column
    index: int
    under: tuple[int, ...]


def paged_columns(table: Table) -> tuple[PagedColumn, ...]:
    names = [c.name for c in table.columns]
    out = []
    for i, c in enumerate(table.columns):
        if not c.paged or c.under is not None:
            continue
        under = tuple(j for j, d in enumerate(table.columns)
                      if d.under == c.name and d.paged)
        out.append(PagedColumn(c, i, under))
    assert all(c.under in names for c in table.columns if c.under), "unknown 'under' column"
    return tuple(out)


def texts(cells: tuple[Value, ...]) -> list[str]:
    """Every cell of a row as text (`as_text`), the text cells without a call each."""
    return [v if type(v) is str else as_text(v) for v in cells]


def paged_cells(table: Table) -> Callable[[Row], list[str]]:
    """A row's paged cells as text (`paged_cell` of each paged column), for a writer that
    reads every row of `table`: the columns are worked out once."""
    plan = [(c.index, c.under) for c in paged_columns(table)]

    def cells(row: Row) -> list[str]:
        text = texts(row.cells)
        return [text[i] if not under else
                "\n".join([t for t in (text[i], *[text[j] for j in under]) if t])
                for i, under in plan]
    return cells


def paged_cell(row: Row, col: PagedColumn) -> str:
    if not col.under:
        return as_text(row.cells[col.index])
    parts = [as_text(row.cells[col.index])] + [as_text(row.cells[j]) for j in col.under]
    return "\n".join(p for p in parts if p)


# Fill colours (light, for dark text) and the word said beside each: colour is never the
# only sign of a row's state.
TONE_FILL: dict[Tone, str] = {
    "overdue": "F8D7DA", "stale": "FFF3CD", "open": "DDEBF7", "closed": "E2EFDA",
    "red": "F4B6B6", "amber": "FFE0A3", "green": "C6E9C9", "blue": "BDD7EE",
}
TONE_INK: dict[Tone, str] = {
    "overdue": "842029", "stale": "664D03", "open": "1F3864", "closed": "375623",
    "red": "7F0000", "amber": "6B4400", "green": "1E5A24", "blue": "1F3864",
}

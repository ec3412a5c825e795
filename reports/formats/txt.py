"""Plain text, for an e-mail or a terminal: the title, the heading lines, then each table's
rows as a short card (a table of many columns does not fit 80 characters). The paged
columns only, as the DOCX has them."""
from __future__ import annotations

from pathlib import Path

from ..cells import neutral
from ..document import Chart, Note, Report, Table
from .shared import heading_lines, paged_cell, paged_columns


def _line(text: str) -> str:
    # control characters would let paper text move the cursor or clear a terminal
    return neutral("".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text))


def write_txt(report: Report, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(_line(report.title) + "\n" + "=" * min(len(report.title), 78) + "\n")
        for line in heading_lines(report):
            fh.write(_line(line) + "\n")
        for part in report.parts:
            fh.write("\n")
            if isinstance(part, Note):
                fh.write(_line(part.text) + "\n")
            elif isinstance(part, Chart):
                fh.write(_line(f"[chart: {part.title}]") + "\n")
            elif isinstance(part, Table):
                _cards(fh, part)


def _cards(fh, table: Table) -> None:  # type: ignore[no-untyped-def]
    if table.title:
        fh.write(_line(table.title) + "\n" + "-" * min(len(table.title), 78) + "\n")
    cols = paged_columns(table)
    n = 0
    for row in table.rows:
        n += 1
        first, *rest = cols
        head = paged_cell(row, first).replace("\n", " ")
        tone = f"  [{row.tone}]" if row.tone else ""
        fh.write(f"\n{_line(head)}{tone}\n")
        for col in rest:
            text = paged_cell(row, col)
            if text:
                text = text.replace("\n", "\n    ")
                fh.write(f"  {_line(col.column.name)}: {_line(text)}\n")
    if not n:
        fh.write(_line(table.empty) + "\n")

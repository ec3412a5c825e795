"""Plain text, for an e-mail or a terminal: the title, the heading lines, then each table's
rows as a short card (a table of many columns does not fit 80 characters). The paged
columns only, as the DOCX has them."""
from __future__ import annotations

from pathlib import Path

from ..cells import BIDI_CONTROL, neutral
from ..document import Chart, Note, Report, Table
from .shared import heading_lines, paged_cells, paged_columns


def _line(text: str) -> str:
    # control characters would let paper text move the cursor or clear a terminal
    if _plain(text):  # most cells: nothing to replace, one pass in C
        return neutral(text)
    return neutral("".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text))


def _plain(text: str) -> bool:
    """Nothing for `_line` to replace but bidi controls: printable but for line breaks."""
    return text.isprintable() or ("\n" in text and text.replace("\n", "").isprintable())


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
    names = [_line(c.column.name) for c in cols[1:]]
    cells = paged_cells(table)
    n = 0
    for row in table.rows:
        n += 1
        first, *rest = cells(row)
        # one look at the whole card for what `_line` changes: most cards hold none of it
        plain = _plain(joined := "".join(rest) + first) and not BIDI_CONTROL.search(joined)
        head = first.replace("\n", " ")
        tone = f"  [{row.tone}]" if row.tone else ""
        card = [f"\n{head if plain else _line(head)}{tone}\n"]
        for name, text in zip(names, rest, strict=True):
            if text:
                text = text.replace("\n", "\n    ")
                card.append(f"  {name}: {text if plain else _line(text)}\n")
        fh.write("".join(card))
    if not n:
        fh.write(_line(table.empty) + "\n")

"""Markdown: the title, the heading lines, then each part; every column (a Markdown table
has room). Paper text never becomes a link or raw HTML (`md_cell`)."""
from __future__ import annotations

import re
from pathlib import Path

from ..document import Chart, Note, Report, Table
from .shared import heading_lines, texts

# What makes a link of plain words in Markdown renderers: "[text](url)" and "[text][ref]"
# (brackets), "<https://…>" (angle brackets, written as entities below), and GitHub's
# autolinks of bare "scheme://…" and "www.…". A backslash before the bracket, the ":" or the
# "." renders as the same character but leaves no link for the renderer to find (checked
# with cmark-gfm). A bare e-mail address stays a mailto: link on GitHub whatever is escaped;
# its target is the address shown, so it cannot hide where it leads.
_MD_LINK = re.compile(r"[\[\]]|:(?=//)|(?<=\bwww)\.", re.IGNORECASE)


# Text holding none of what `md_cell` changes is written as it is (most cells of a log).
_MD_CHANGED = (r"[\\|\[\]<>&\t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a"
               r"\u2028\u2029\u202f\u205f\u3000]|  |{start} | {end}|:(?=//)|\bwww\.")
_MD_PLAIN = re.compile(_MD_CHANGED.format(start="^", end="$"), re.IGNORECASE)
# The same test for a whole row at once, its cells joined by NUL (a character none of it
# looks for): a space at a cell's start or end is one beside a NUL or the row's ends, and a
# NUL is not a word character, so "www." at a cell's start still follows a \b.
_MD_ROW_PLAIN = re.compile(_MD_CHANGED.format(start="(?:^|\x00)", end="(?:$|\x00)"),
                           re.IGNORECASE)


def md_cell(text: str, *, breaks: bool = False) -> str:
    # A pipe ends a cell and a newline ends the row; "<" could open raw HTML in a renderer.
    # Paper text never becomes a clickable link (`_MD_LINK`).
    # With `breaks`, each line of the cell stays a line (<br>, the one tag we write).
    if not _MD_PLAIN.search(text):
        return text
    if breaks:
        return "<br>".join(md_cell(line) for line in text.splitlines())
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = _MD_LINK.sub(lambda m: "\\" + m.group(), text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


def _para(text: str) -> str:
    # a line of ours that may hold paper text (a body's name, an owner): one line, no link,
    # and not read as a table row or a heading
    line = md_cell(text)
    return "\\" + line if line.startswith(("|", "#", "-", "*", "+", ">")) else line


def write_md(report: Report, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"# {md_cell(report.title)}\n\n")
        fh.write("  \n".join(_para(line) for line in heading_lines(report)) + "\n")
        for part in report.parts:
            fh.write("\n")
            if isinstance(part, Note):
                fh.write(_para(part.text) + "\n")
            elif isinstance(part, Chart):
                series = ", ".join(part.series)
                fh.write(_para(f"Chart: {part.title}" + (f" ({series})" if series else "")
                               + "; the HTML and DOCX reports show it.") + "\n")
            elif isinstance(part, Table):
                _table(fh, part)


def _table(fh, table: Table) -> None:  # type: ignore[no-untyped-def]
    if table.title:
        fh.write(f"## {md_cell(table.title)}\n\n")
    fh.write("| " + " | ".join(md_cell(c.name) for c in table.columns) + " |\n")
    fh.write("|" + "---|" * len(table.columns) + "\n")
    lines = [c.kind == "lines" for c in table.columns]
    for row in table.rows:
        cells = texts(row.cells)
        # one look at the whole row for what `md_cell` changes: most rows hold none of it
        if _MD_ROW_PLAIN.search("\x00".join(cells)):
            cells = [md_cell(t, breaks=b) for t, b in zip(cells, lines, strict=True)]
        fh.write("| " + " | ".join(cells) + " |\n")

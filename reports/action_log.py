"""Write the cross-meeting action log to md, csv, html, xlsx or docx.

`write_log(rows, fmt, path)` takes `store.queries.ActionView`s (from `action_log` or
`outstanding_actions`) and writes one file. Every cell passes through `cells.bounded`; HTML is
rendered with autoescape on; CSV cells cannot start a formula; XLSX cells are typed as text;
Markdown cells cannot make a link (`_md_cell`).
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from jinja2 import Environment, PackageLoader

from store.queries import ActionView

from .cells import no_formula
from .table import MENTIONS, PlainTable, action_table

Format = Literal["md", "csv", "html", "xlsx", "docx"]
FORMATS: tuple[Format, ...] = ("md", "csv", "html", "xlsx", "docx")


def format_for(path: str | Path) -> Format:
    """The format a file name asks for: "log.xlsx" -> "xlsx"."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    raise ValueError(f"cannot tell the report format from {str(path)!r}; "
                     f"name the file .{', .'.join(FORMATS)} or pass the format")


def write_log(rows: Iterable[ActionView], fmt: Format, path: str | Path, *,
              title: str = "Action log") -> Path:
    """Write `rows` as a `fmt` file at `path` (parents created). Returns the path."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer(action_table(rows), out, title)
    return out


# What makes a link of plain words in Markdown renderers: "[text](url)" and "[text][ref]"
# (brackets), "<https://…>" (angle brackets, written as entities below), and GitHub's
# autolinks of bare "scheme://…" and "www.…". A backslash before the bracket, the ":" or the
# "." renders as the same character but leaves no link for the renderer to find (checked
# with cmark-gfm). A bare e-mail address stays a mailto: link on GitHub whatever is escaped;
# its target is the address shown, so it cannot hide where it leads.
_MD_LINK = re.compile(r"[\[\]]|:(?=//)|(?<=\bwww)\.", re.IGNORECASE)


def _md_cell(text: str, *, breaks: bool = False) -> str:
    # A pipe ends a cell and a newline ends the row; "<" could open raw HTML in a renderer.
    # Paper text never becomes a clickable link (`_MD_LINK`).
    # With `breaks`, each line of the cell stays a line (<br>, the one tag we write).
    if breaks:
        return "<br>".join(_md_cell(line) for line in text.splitlines())
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = _MD_LINK.sub(lambda m: "\\" + m.group(), text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


def write_md(table: PlainTable, path: Path, title: str) -> None:
    lines = [f"# {_md_cell(title)}", ""]
    lines.append("| " + " | ".join(table.headers) + " |")
    lines.append("|" + "---|" * len(table.headers))
    for row in table.text_rows():
        lines.append("| " + " | ".join(_md_cell(c, breaks=h == MENTIONS)
                                       for h, c in zip(table.headers, row, strict=True))
                     + " |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_csv(table: PlainTable, path: Path, title: str) -> None:
    # utf-8 with a BOM: Excel otherwise reads UTF-8 CSV as a legacy code page.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(table.headers)
        for row in table.text_rows():
            out.writerow([no_formula(c) for c in row])


_env = Environment(
    loader=PackageLoader("reports", "templates"),
    autoescape=True,  # extracted text is untrusted; never turn this off
    trim_blocks=True,
    lstrip_blocks=True,
)


def write_html(table: PlainTable, path: Path, title: str) -> None:
    template = _env.get_template("action_log.html.j2")
    html = template.render(title=title, headers=table.headers, rows=table.text_rows())
    path.write_text(html, encoding="utf-8")


def write_xlsx(table: PlainTable, path: Path, title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(list(table.headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                # openpyxl treats a string starting "=" as a formula; force plain text.
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif cell.is_date:
                cell.number_format = "yyyy-mm-dd"
    widths = {"Action": 60, "Owners": 25, "Body": 25, "Status": 20, "Source": 30,
              MENTIONS: 60}
    for i, header in enumerate(table.headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(header, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def write_docx(table: PlainTable, path: Path, title: str) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    doc = Document()
    section = doc.sections[0]
    # Ten columns need the width of a landscape page.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading(title, level=1)
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table.text_rows():
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)
    doc.save(str(path))


_WRITERS: dict[str, Callable[[PlainTable, Path, str], None]] = {
    "md": write_md, "csv": write_csv, "html": write_html, "xlsx": write_xlsx,
    "docx": write_docx,
}

"""Write a `reports.document.Report` as a file: one small module per format.

`write_report(report, fmt, path)` lays out any report (the action log, a digest, a
register); `format_for(path)` reads the format from a file name. Every writer reads each
table's rows once, in order, so a streamed log is never held whole (the DOCX template, which
docxtpl renders in one go, is the one exception). Safety kept by every writer: cells were
bounded when the rows were made (`cells.bounded`); HTML is autoescaped; CSV and XLSX cells
can never be formulas; Markdown cells can never be links (`md.md_cell`).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from ..document import Report

Format = Literal["md", "csv", "html", "xlsx", "docx", "json", "txt"]
FORMATS: tuple[Format, ...] = ("md", "csv", "html", "xlsx", "docx", "json", "txt")
_ALIASES = {"markdown": "md", "htm": "html", "text": "txt"}


class TemplateError(ValueError):
    """The clerk's Word template could not be filled; the message is one sentence."""


def format_for(path: str | Path) -> Format:
    """The format a file name asks for: "log.xlsx" -> "xlsx"."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = _ALIASES.get(suffix, suffix)
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    raise ValueError(f"cannot tell the report format from {str(path)!r}; "
                     f"name the file .{', .'.join(FORMATS)} or pass the format")


def write_report(report: Report, fmt: Format, path: str | Path, *,
                 template: str | Path | None = None) -> Path:
    """Write `report` as a `fmt` file at `path` (parents made) and return the path.
    `template`: a .docx the DOCX is filled into (docxtpl), keeping the council's house
    style; only for "docx". Raises ValueError for an unknown format, TemplateError for a
    template that cannot be filled."""
    writer = _writer(fmt)
    if template is not None and fmt != "docx":
        raise ValueError(f"a Word template fills a .docx report, not a .{fmt} one")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if template is not None:
        from .docx_template import write_from_template

        write_from_template(report, out, Path(template))
    else:
        writer(report, out)
    return out


def _writer(fmt: str) -> Callable[[Report, Path], None]:
    # Imported when asked for: openpyxl and python-docx cost a noticeable start-up.
    if fmt == "md":
        from .md import write_md as w
    elif fmt == "csv":
        from .csvfile import write_csv as w
    elif fmt == "html":
        from .html import write_html as w
    elif fmt == "xlsx":
        from .xlsx import write_xlsx as w
    elif fmt == "docx":
        from .docx_file import write_docx as w
    elif fmt == "json":
        from .jsonfile import write_json as w
    elif fmt == "txt":
        from .txt import write_txt as w
    else:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    return w


__all__ = ["FORMATS", "Format", "TemplateError", "format_for", "write_report"]

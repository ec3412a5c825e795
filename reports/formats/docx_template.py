"""DOCX from the council's own Word template, filled with docxtpl (Jinja2 tags written in
Word), so the house style, letterhead and headers are the template's.

The context (documented in the README): `title`, `body`, `as_at` ("2025-01-09"),
`as_at_long` ("9 January 2025"), `scope`, `notes` (list of text) and `tables`, each with
`title`, `columns` (names), `rows` (each a list of cell texts, in column order, the
paged columns only, as the DOCX has them) and `states` (each row's tone word, or "").
A template is rendered in one go, so its rows are held in memory: a template is meant for
the pack's log, not for a 100,000-row archive. Autoescape is on: paper text with "<" or "&"
is shown as written and cannot break the document's XML.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..document import Note, Report, Table
from . import TemplateError
from .shared import paged_cell, paged_columns


def template_context(report: Report) -> dict[str, Any]:
    tables = []
    for table in (p for p in report.parts if isinstance(p, Table)):
        cols = paged_columns(table)
        rows, states = [], []
        for row in table.rows:
            rows.append([paged_cell(row, c) for c in cols])
            states.append(row.tone or "")
        tables.append({"title": table.title, "columns": [c.column.name for c in cols],
                       "rows": rows, "states": states})
    return {
        "title": report.title, "body": report.body or "", "scope": report.scope,
        "as_at": report.as_at.isoformat(),
        "as_at_long": f"{report.as_at.day} {report.as_at:%B %Y}",
        "notes": [p.text for p in report.parts if isinstance(p, Note)],
        "tables": tables,
    }


def write_from_template(report: Report, path: Path, template: Path) -> None:
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError
    from lxml.etree import XMLSyntaxError

    if not template.is_file():
        raise TemplateError(f"the template {template} does not exist; give the path of a "
                            ".docx file")
    try:
        doc = DocxTemplate(str(template))
        doc.render(template_context(report), autoescape=True)
        doc.save(str(path))
    except JinjaError as e:
        where = f" (line {e.lineno})" if getattr(e, "lineno", None) else ""
        raise TemplateError(f"the template {template.name} cannot be filled{where}: "
                            f"{' '.join(str(e.message or e).split())[:200]}") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, XMLSyntaxError):
        raise TemplateError(f"the template {template.name} is not a Word .docx file; save "
                            "it from Word as .docx") from None

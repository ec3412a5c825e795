"""HTML: one self-contained printable page. Every column; sortable by a click on a column's
heading and filtered by a box (a few lines of inline script, nothing remote); the status
cell coloured by the row's tone, whose word is in the cell too; the header row repeated on
every printed page. Autoescape is on: paper text is shown, never run. A chart is embedded
as an <img> of base64 SVG, so even if its text came from papers, it is an image, never
markup of this page."""
from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader

from ..document import Chart, Note, Report, Table
from .shared import TONE_FILL, TONE_INK, as_text, heading_lines

_env = Environment(
    loader=PackageLoader("reports", "templates"),
    autoescape=True,  # extracted text is untrusted; never turn this off
    trim_blocks=True,
    lstrip_blocks=True,
)


def _rows(table: Table) -> Iterator[list[tuple[str, str]]]:
    kinds = [c.kind for c in table.columns]
    for row in table.rows:
        out = []
        for kind, value in zip(kinds, row.cells, strict=True):
            cls = {"int": "num", "date": "date"}.get(kind, "")
            if kind == "status" and row.tone:
                cls = f"tone tone-{row.tone}"
            out.append((as_text(value), cls))
        yield out


def _part(part: object) -> dict[str, Any]:
    if isinstance(part, Note):
        return {"kind": "note", "text": part.text}
    if isinstance(part, Chart):
        return {"kind": "chart", "title": part.title, "series": part.series,
                "svg64": base64.b64encode(part.svg.encode("utf-8")).decode("ascii")}
    assert isinstance(part, Table)
    return {"kind": "table", "title": part.title, "columns": part.columns,
            "rows": _rows(part), "empty": part.empty}


def write_html(report: Report, path: Path) -> None:
    template = _env.get_template("report.html.j2")
    stream = template.generate(
        report=report, heading=heading_lines(report), parts=[_part(p) for p in report.parts],
        tones=[(t, TONE_FILL[t], TONE_INK[t]) for t in TONE_FILL],
        overdue_fill=TONE_FILL["overdue"])
    with path.open("w", encoding="utf-8") as fh:
        for chunk in stream:
            fh.write(chunk)

"""HTML: one self-contained printable page. Every column; sortable by a click on a column's
heading and filtered by a box (a few lines of inline script, nothing remote); the status
cell coloured by the row's tone, whose word is in the cell too; the header row repeated on
every printed page. Autoescape is on: paper text is shown, never run. A chart is embedded
as an <img> of base64 SVG, so even if its text came from papers, it is an image, never
markup of this page."""
from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..document import Chart, Note, Report, Table
from .shared import TONE_FILL, TONE_INK, heading_lines, texts

_env = Environment(
    loader=PackageLoader("reports", "templates"),
    autoescape=True,  # extracted text is untrusted; never turn this off
    trim_blocks=True,
    lstrip_blocks=True,
)


def _rows(table: Table) -> Iterator[Markup]:
    """Each row as its <tr>, every cell escaped here (as autoescape would, `_escape`):
    a template loop per cell costs several times as much on a log of 100,000 rows."""
    kinds = [c.kind for c in table.columns]
    plain = ["<td>" if k not in ("int", "date") else f'<td class="{_CLASS[k]}">'
             for k in kinds]
    toned = {t: [f'<td class="tone tone-{t}">' if k == "status" else p
                 for k, p in zip(kinds, plain, strict=True)] for t in TONE_FILL}
    for row in table.rows:
        opens = toned.get(row.tone, plain) if row.tone else plain  # type: ignore[call-overload]
        cells = texts(row.cells)
        # one look at the whole row for what `_escape` changes: most rows hold none of it
        if _UNSAFE.search("".join(cells)):
            cells = [_escape(t) for t in cells]
        yield Markup("<tr>" + "".join(
            [o + t + "</td>" for o, t in zip(opens, cells, strict=True)]) + "</tr>\n")


_UNSAFE = re.compile("[&<>\"']")  # what `_escape` changes


_CLASS = {"int": "num", "date": "date"}


def _escape(text: str) -> str:
    # markupsafe's escaping (the same five characters, the same entities), as plain
    # replaces: the pure-Python markupsafe costs 3 µs a cell
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


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

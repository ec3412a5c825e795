"""JSON: a list of objects, one per row, keyed by column name; dates ISO, "lines" cells a
list of lines, the row's tone as "state". Written as it is read, row by row. When a report
has several tables each object names its "table"."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..document import Report, Row, Table
from .shared import tables


def _date(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _lines(value: object) -> object:
    return value.splitlines() if isinstance(value, str) else value


def _object(table: Table, row: Row, named: bool) -> dict[str, object]:
    obj: dict[str, object] = {"table": table.title} if named else {}
    for col, value in zip(table.columns, row.cells, strict=True):
        obj[col.name] = value if type(value) is str and col.kind != "lines" else \
            _lines(value) if col.kind == "lines" else _date(value)
    if row.tone:
        obj["state"] = row.tone
    if row.group:
        obj["group"] = row.group
    return obj


def write_json(report: Report, path: Path) -> None:
    parts = list(tables(report))
    named = len(parts) > 1
    encode = json.JSONEncoder(ensure_ascii=False).encode
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        first = True
        for table in parts:
            for row in table.rows:
                fh.write("\n" if first else ",\n")
                first = False
                fh.write(encode(_object(table, row, named)))
        fh.write("\n]\n")

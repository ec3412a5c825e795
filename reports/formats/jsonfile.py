"""JSON: a list of objects, one per row, keyed by column name; dates ISO, "lines" cells a
list of lines, the row's tone as "state". Written as it is read, row by row. When a report
has several tables each object names its "table"."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..document import Report, Row, Table
from .shared import tables


def _value(value: object, lines: bool) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if lines and isinstance(value, str):
        return value.splitlines()
    return value


def _object(table: Table, row: Row, named: bool) -> dict[str, object]:
    obj: dict[str, object] = {"table": table.title} if named else {}
    for col, value in zip(table.columns, row.cells, strict=True):
        obj[col.name] = _value(value, col.kind == "lines")
    if row.tone:
        obj["state"] = row.tone
    if row.group:
        obj["group"] = row.group
    return obj


def write_json(report: Report, path: Path) -> None:
    parts = list(tables(report))
    named = len(parts) > 1
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        first = True
        for table in parts:
            for row in table.rows:
                fh.write("\n" if first else ",\n")
                first = False
                fh.write(json.dumps(_object(table, row, named), ensure_ascii=False))
        fh.write("\n]\n")

"""Action tables: "Action / Owner / By when / Update", "No / Action / Owner / Update",
"ITEM / BY WHOM / BY WHEN". `table_actions` maps the header to columns and turns each row
into a candidate action (text, owner text, due text, ref, update)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Table

from ..vocab import load_vocab


@dataclass
class RowAction:
    text: str
    owner_text: str
    due_text: str | None
    ref: str | None
    update: str | None
    page: int | None
    index: int


@lru_cache(maxsize=1)
def _columns() -> dict[str, re.Pattern]:
    return {k: re.compile(v, re.I) for k, v in load_vocab(__package__, "actions.json")["table_columns"].items()}


def header_map(header: list[str]) -> dict[str, int] | None:
    cols = _columns()
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        text = re.sub(r"\s+", " ", cell).strip()
        if not text:
            continue
        for key in ("ref", "owner", "due", "update", "action"):
            if key not in found and cols[key].search(text):
                if key == "due" and cols["owner"].search(text) and "owner" not in found:
                    continue
                found[key] = i
                break
    if "owner" in found and ("action" in found or "ref" in found):
        if "action" not in found:
            found["action"] = found["ref"] + 1
        return found
    return None


def is_action_table(table: Table) -> bool:
    return bool(table.rows) and header_map([c.text for c in table.rows[0]]) is not None


def table_actions(table: Table) -> list[RowAction]:
    rows = table.texts()
    if not rows:
        return []
    cols = header_map(rows[0])
    if cols is None:
        return []
    out: list[RowAction] = []
    for cells, row in zip(table.rows[1:], rows[1:]):
        def cell(key: str) -> str | None:
            i = cols.get(key)
            if i is None or i >= len(row):
                return None
            return re.sub(r"\s+", " ", row[i]).strip() or None
        text = cell("action")
        if not text or len(text) < 4:
            continue
        out.append(RowAction(text=text, owner_text=cell("owner") or "", due_text=cell("due"),
                             ref=cell("ref"), update=cell("update"),
                             page=cells[0].page_or(table.page) if cells else table.page,
                             index=table.index))
    return out

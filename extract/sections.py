"""Agenda-item sections of a part: which numbered item each block or table falls under.

`sections(part)` walks the part in reading order and returns one `Section` per item heading
it recognises (shapes in patterns/items.json: "1. Welcome", "10.24.05<TAB>Clerks Report",
"93/18 Minutes…", "Item 4: …"), plus `item_of`: block/table index → item number as printed.
A Kent-style "(Item 4)" line under a running-minute heading ("295. Corporate Parenting …")
renumbers that heading to the printed agenda number. Sub-paragraph numbers ("3.1 …") set the
item of their own block without opening a new agenda item.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.model import Block, Table

from .model import Evidence
from .parts import Part

EXTRACTOR = "sections@1"
PATTERNS = Path(__file__).parent / "patterns"


@lru_cache(maxsize=None)
def load_patterns(name: str) -> dict:
    return json.loads((PATTERNS / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[tuple[re.Pattern, bool, bool]], re.Pattern, re.Pattern]:
    p = load_patterns("items.json")
    heads = [(re.compile(h["regex"], re.I if h["name"] == "item-word" else 0),
              bool(h.get("needs_heading")), bool(h.get("sub"))) for h in p["headings"]]
    return heads, re.compile(p["printed_number"], re.I), re.compile(p["not_titles"], re.I)


@dataclass
class Section:
    number: str | None
    title: str
    evidence: Evidence | None = None
    indexes: list[int] = field(default_factory=list)  # block/table indexes under it


@dataclass
class SectionMap:
    sections: list[Section]
    item_of: dict[int, str | None]  # block or table index -> item number

    def item(self, index: int | None) -> str | None:
        return self.item_of.get(index) if index is not None else None


def heading_match(block: Block) -> tuple[str, str, bool] | None:
    """(number, title, is_sub_paragraph) when the block opens with an item number."""
    heads, _, not_title = _compiled()
    first = block.text.strip().split("\n")[0]
    single = "\n" not in block.text.strip()
    headingish = block.kind == "heading" or block.bold or (
        single and block.kind != "list_item" and len(first) < 90
        and not first.rstrip().endswith((".", ":", ";", ",")))
    for rx, needs_heading, sub in heads:
        m = rx.match(first)
        if not m:
            continue
        title = m.group("title").replace("\t", " ").strip()
        shouty = title[:40].isupper() and len(title) > 3
        if needs_heading and (not (headingish or shouty) or not_title.match(title)):
            continue
        if needs_heading and re.match(r"^\d", title):
            continue
        return m.group("num"), title, sub
    return None


def table_row_item(row_texts: list[str]) -> tuple[str, str] | None:
    """An item table row: ("4", "Minutes of 19 December 2012 …") from ["4.", "Minutes…"]."""
    if len(row_texts) < 2:
        return None
    m = re.match(r"^\s*(\d{1,3}[a-z]?)\.?\s*$", row_texts[0])
    if m and row_texts[1].strip():
        return m.group(1), row_texts[1].strip().split("\n")[0]
    return None


def sections(part: Part) -> SectionMap:
    _, printed, _ = _compiled()
    out: list[Section] = []
    item_of: dict[int, str | None] = {}
    current: Section | None = None
    sub: str | None = None
    for it in part.items:
        if isinstance(it, Table):
            for row in it.texts():
                hit = table_row_item(row)
                if hit:
                    current = Section(hit[0], hit[1], Evidence(it.page, it.index, extractor=EXTRACTOR,
                                                               quote=hit[1][:120]))
                    out.append(current)
                    sub = None
            item_of[it.index] = current.number if current else None
            if current:
                current.indexes.append(it.index)
            continue
        pm = printed.match(it.text.strip())
        if pm and current is not None:
            # "(Item 4)" under a running minute number: the printed agenda number wins
            current.number = pm.group("num")
            for idx in current.indexes:
                item_of[idx] = current.number
        elif pm:
            current = Section(pm.group("num"), "", Evidence(it.page, it.index, extractor=EXTRACTOR))
            out.append(current)
        else:
            hit = heading_match(it)
            if hit and hit[2]:
                sub = hit[0]
            elif hit:
                current = Section(hit[0], hit[1], Evidence(it.page, it.index, extractor=EXTRACTOR,
                                                           quote=it.text[:120]))
                out.append(current)
                sub = None
        if current:
            current.indexes.append(it.index)
        item_of[it.index] = sub or (current.number if current else None)
    return SectionMap(out, item_of)

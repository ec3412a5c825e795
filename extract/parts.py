"""Split a Document into the meetings it records something about.

An agenda pack holds the coming meeting's agenda and reports and, inside it, the previous
meeting's minutes; a minutes file holds one meeting (sometimes a joint session after it).
A minutes part starts at a minutes header ("Minutes of the meeting held on …") and ends at
the next such header or at the next "Agenda Item N" marker of the pack; everything else
belongs to the agenda part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import Block, Document, Item, Table

from .model import Evidence

MINUTES_HEAD = re.compile(
    r"(?i)\b(minutes|notes|disposition)\s+(of|for|from)\s+(the|a|an)?\s*.{0,120}?"
    r"\b(meeting|committee|board|council|panel|session|trustees)\b"
    r"|^\s*(open\s+)?(board\s+)?meeting\s+minutes\b"
    r"|^\s*minutes\s*$"
    r"|^\s*(draft\s+|approved\s+|confirmed\s+)?minutes\b(?!\s+of\s+(the\s+)?(last|previous))"
    r"|\bdisposition\s+of\s+(agenda|council)\b"
)
PREVIOUS_MINUTES = re.compile(r"(?i)\b(approve|confirm|agree|receive|sign)\w*\b.{0,60}\bminutes\b"
                              r"|\bminutes\s+of\s+the\s+(last|previous)\b|matters arising")
AGENDA_HEAD = re.compile(r"(?i)^\s*(agenda|notice of meeting|summons|public agenda)\b"
                         r"|\bagenda\s*$|\bwill be held\b|\bto be held\b|\bsummoned to attend\b")
ITEM_MARKER = re.compile(r"(?i)^\s*agenda\s+item\s*:?\s*(\d+[a-z]?)\b")


@dataclass
class Line:
    """One visual line of a block, with where it came from."""

    text: str
    block: Block
    line_no: int

    def evidence(self, extractor: str) -> Evidence:
        return Evidence(page=self.block.page, block=self.block.index, extractor=extractor,
                        quote=self.text[:300])


@dataclass
class Part:
    """One meeting's slice of a document: its items (blocks and tables) in reading order."""

    record: str  # "minutes" | "agenda"
    items: list[Item] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def tables(self) -> list[Table]:
        return [i for i in self.items if isinstance(i, Table)]

    def lines(self) -> list[Line]:
        return [Line(text, b, n) for b in self.blocks for n, text in enumerate(b.lines)
                if text.strip()]

    @property
    def pages(self) -> tuple[int, int] | None:
        nums = [i.page for i in self.items if i.page is not None]
        return (min(nums), max(nums)) if nums else None

    def text(self, limit: int | None = None) -> str:
        out = "\n".join(b.text for b in self.blocks)
        return out[:limit] if limit else out


def content_items(doc: Document) -> list[Item]:
    """Blocks and tables in reading order, page furniture left out."""
    return [i for i in doc.items() if not (isinstance(i, Block) and i.kind == "furniture")]


def _is_minutes_head(block: Block, position: int) -> bool:
    first = block.text.strip().split("\n")[0][:200]
    if not MINUTES_HEAD.search(first):
        return False
    if PREVIOUS_MINUTES.search(first):
        return False
    # in running text "minutes of the meeting" is a reference, not a title: a title is short
    # or sits at the top of a part
    return len(first) <= 160 and (block.kind == "heading" or position < 8 or block.bold
                                  or first.isupper() or len(block.text) <= 200)


def split_parts(doc: Document) -> list[Part]:
    items = content_items(doc)
    heads = [i for i, it in enumerate(items)
             if isinstance(it, Block) and _is_minutes_head(it, i)]
    heads = _drop_adjacent(heads, items)
    if not heads:
        return [Part(record=_guess_record(items), items=items)]
    parts: list[Part] = []
    agenda = Part(record="agenda", items=list(items[:heads[0]]))
    for n, start in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(items)
        minutes_items = items[start:stop]
        cut = _pack_item_boundary(minutes_items, agenda_before=len(agenda.items) > 0)
        parts.append(Part(record="minutes", items=minutes_items[:cut]))
        agenda.items.extend(minutes_items[cut:])
    if _substantial(agenda.items):
        parts.insert(0, agenda)
    elif agenda.items:
        # a title page or banner before the minutes header belongs to the minutes
        parts[0].items[:0] = agenda.items
    return parts


def _drop_adjacent(heads: list[int], items: list[Item]) -> list[int]:
    """A header split over two blocks ("MINUTES" / "of the meeting held on …") is one header."""
    out: list[int] = []
    for h in heads:
        if out and h - out[-1] <= 3 and _same_page(items[out[-1]], items[h]):
            continue
        out.append(h)
    return out


def _same_page(a: Item, b: Item) -> bool:
    return a.page == b.page


def _pack_item_boundary(items: list[Item], agenda_before: bool) -> int:
    """Inside a pack, the minutes end where the next "Agenda Item N" marker starts a report."""
    if not agenda_before:
        return len(items)
    for i, it in enumerate(items[1:], start=1):
        if isinstance(it, Block) and ITEM_MARKER.match(it.text):
            return i
    return len(items)


def _substantial(items: list[Item]) -> bool:
    return sum(len(i.text) for i in items if isinstance(i, Block)) > 400 or any(
        isinstance(i, Table) for i in items)


def _guess_record(items: list[Item]) -> str:
    head = "\n".join(i.text for i in items[:40] if isinstance(i, Block))
    if re.search(r"(?i)\b(present|in attendance|apologies|resolved|minutes)\b", head):
        return "minutes"
    return "agenda"

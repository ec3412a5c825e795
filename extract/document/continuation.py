"""A part of a file with no date and no body of its own continues the minutes before it.

`split_parts` cuts minutes where ingest found the end of a paper (a blank page, an "Agenda
Item" stamp, a change of running title) and hands what follows to the agenda, or to a part
of its own. When minutes simply run on over such a boundary (11 pages of a cabinet's
minutes after an "Agenda Item" stamp the pack printed mid-way), that later part names no
meeting: its top has no date and no body, so it would be stored as an undated meeting under
a placeholder body, once per file that prints the minutes. Such a part belongs to the
minutes it follows in reading order, when it starts at most one page after they end (a
blank sheet between). A part with a date or a body of its own is a meeting of its own and
is left alone; so is one that follows an agenda (a pack's reports belong to its agenda).
"""
from __future__ import annotations

from ingest.model import Block

from .meeting import describe
from .parts import Part

MAX_PAGE_GAP = 2  # the next page, or the one after a blank sheet


def join_continuations(parts: list[Part]) -> list[Part]:
    """`parts` with every undated, unnamed part folded into the minutes it continues."""
    if len(parts) < 2:
        return parts
    order = sorted((p for p in parts if p.items), key=_start)
    gone: set[int] = set()
    for before, part in zip(order, order[1:]):
        into = _holder(before, parts, gone)
        if into.record != "minutes" or not _continues(into, part):
            continue
        meeting = describe(part, part.record)
        if meeting.date is not None or meeting.body:
            continue
        into.items = sorted(into.items + part.items, key=_position)
        into.papers += [p for p in part.papers if p not in into.papers]
        if part.last_page is not None:
            into.last_page = max(part.last_page, into.last_page or 0)
        gone.add(id(part))
    return [p for p in parts if id(p) not in gone]


def _holder(part: Part, parts: list[Part], gone: set[int]) -> Part:
    """The part that now holds `part`'s items (itself, unless it was folded in already)."""
    if id(part) not in gone:
        return part
    first = part.items[0]
    return next(p for p in parts if id(p) not in gone and any(i is first for i in p.items))


def _position(item: Block | object) -> int:
    return getattr(item, "index", 0)


def _start(part: Part) -> int:
    return min(_position(i) for i in part.items)


def _continues(before: Part, part: Part) -> bool:
    """`part` starts right after `before` ends: on the same or a close page (formats without
    pages have only the reading order)."""
    if before.pages is None or part.pages is None:
        return True
    return 0 <= part.pages[0] - before.pages[1] <= MAX_PAGE_GAP

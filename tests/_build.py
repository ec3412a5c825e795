"""Tiny builders for extractor unit tests: literal blocks and tables, no files."""
from __future__ import annotations

import datetime as dt

from extract.document.parts import Part
from extract.model import Attendee, Meeting
from extract.people import Roster
from ingest.model import Block, Cell, Table


def part(*items) -> Part:
    out = []
    for n, it in enumerate(items):
        if isinstance(it, list):
            rows = [[Cell(t, r, c, header=r == 0) for c, t in enumerate(row)]
                    for r, row in enumerate(it)]
            out.append(Table(index=n, page=1, rows=rows))
        else:
            kind = "heading" if it.startswith("#") else "paragraph"
            out.append(Block(index=n, page=1, kind=kind, text=it.lstrip("#")))
    return Part(record="minutes", items=out)


def meeting(date=dt.date(2024, 10, 31), next_meeting=None) -> Meeting:
    return Meeting(date=date, next_meeting=next_meeting)


def roster(*people: tuple[str, str | None, str | None]) -> Roster:
    return Roster([Attendee(name=n, initials=i, role=r) for n, i, r in people])

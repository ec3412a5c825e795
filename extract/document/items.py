"""Agenda items: numbered item headings, in order, with the number as printed."""
from __future__ import annotations

from ..model import AgendaItem, Meeting
from .parts import Part
from .sections import sections


def extract_items(part: Part, meeting: Meeting) -> list[AgendaItem]:
    seen: set[str] = set()
    out: list[AgendaItem] = []
    for s in sections(part).sections:
        key = f"{s.number}|{s.title}"
        if key in seen:
            continue
        seen.add(key)
        out.append(AgendaItem(number=s.number or "", title=s.title, evidence=s.evidence))
    return out

"""People named in a sentence as present rather than in a list: "Amelia Brummett, East
Lancashire CCG was observing this meeting." → an attendee (category other)."""
from __future__ import annotations

import re

from ..document.parts import Part
from ..model import Attendee
from ..people.entry import parse_person
from ..people.lists import split_people
from ..people.names import looks_like_name, same_person
from ..people.roles import is_officer_role
from .headers import evidence, is_prose
from .present_entries import single_entry_line

# at the start of a line or of a sentence ("… Liccar. Clerk Buiter was also present.")
ATTENDING = re.compile(r"(?m)(?:^|(?<=[.!?]\s))\s*+(?P<who>[A-Z][^.\n]{2,200}?)\s+(?:was|were)\s+(?:also\s+)?"
                       r"(?P<how>observing|in\s+attendance|present|attending)\b")


def attending_sentences(part: Part, attendees: list[Attendee]) -> list[Attendee]:
    """Adds people the lists did not already name."""
    for block in part.blocks[:60]:
        for m in ATTENDING.finditer(block.text.replace("\n", " ")):
            if not is_prose(m.group("who")):
                _add(m, block, attendees)
    return attendees


def _add(m: re.Match, block, attendees: list[Attendee]) -> None:
    """One "X was present" statement: its people not already listed, as guests."""
    who = m.group("who")
    chunks = [who] if single_entry_line(who) else split_people(who)
    for chunk in chunks:
        p = parse_person(chunk)
        if p is None or not looks_like_name(p.name) or len(p.name.split()) < 2 \
                and not (p.title or p.role):
            continue
        if any(same_person(a.name, a.title, p.name, p.title) for a in attendees):
            continue
        role = "Observer" if m.group("how") == "observing" else p.role
        category = "officer" if is_officer_role(p.role) else "other"  # "Clerk X was present"
        attendees.append(Attendee(name=p.name, title=p.title, category=category, role=role,
                                  organisation=p.organisation,
                                  evidence=evidence(block, m.group(0))))

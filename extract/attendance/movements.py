"""Late arrivals and early departures stated in the minutes' prose: "Cllr X arrived at
7.15 pm during item 5", "Councillor Jones left the meeting at 8.40pm" → the attendee's
`arrived` / `left`, as written. Leaving for one item and returning is not a departure.
The person must be one attendee: a name that fits nobody, or two people, is a flag.
"""
from __future__ import annotations

import re

from ..document.parts import Part
from ..model import Attendee, Evidence, Flag
from ..people.lists import join_lines
from ..people.names import looks_like_name, same_person
from ..people.roster import Roster
from ..people.titles import split_title
from ..people.words import ROLES
from .headers import PATTERNS, evidence

# guarded to start where a word starts, as in substitutions.py (linear on one long word)
_NAME = (r"(?<![\w'’.-])"
         r"(?:[Tt]he\s+(?:Vice[\s-]|Deputy\s+)?(?:Chair\w*|Clerk|Mayor)|(?:(?:County|District|"
         r"Borough|Parish|Town|City)\s+)?(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Revd?)"
         r"\.?\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+|[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)")
ARRIVAL = re.compile(PATTERNS["arrival"].replace("NAME", _NAME))
DEPARTURE = re.compile(PATTERNS["departure"].replace("NAME", _NAME))
TEMPORARY = re.compile(PATTERNS["temporary_departure"])
# every arrival or departure is worded with one of these (tests/test_extract_gates.py): a block
# without any is not searched, which spared trying a name at every capital
MOVED = re.compile(r"arrived|joined|entered|left|departed|exited|withdrew")


def apply_movements(part: Part, attendees: list[Attendee]) -> list[Flag]:
    """Sets `arrived` / `left` on the attendees the sentences name; flags the rest."""
    flags: list[Flag] = []
    for block in part.blocks:
        text = join_lines(block.text)
        if not MOVED.search(text):
            continue
        for rx, field in ((ARRIVAL, "arrived"), (DEPARTURE, "left")):
            for m in rx.finditer(text):
                what = m.group("what").strip(" ,")
                if not _says_when(what) or field == "left" and TEMPORARY.search(
                        _clause(text, m.start("what"))):
                    continue
                ev = evidence(block, m.group(0))
                hits = _who(m.group("who"), attendees)
                if len(hits) == 1:
                    if not getattr(hits[0], field):
                        setattr(hits[0], field, what)
                elif hits or looks_like_name(split_title(m.group("who"))[1]):
                    flags.append(_flag(m.group("who"), hits, field, ev))
    return flags


_WHEN_WORD = re.compile(r"\s(?:at|during|after|before|for|in|from|following|prior\s+to|when)\s")
_WHEN = re.compile(r"(?i)\d|\b(?:items?|start|beginning|end|close|break|adjournment|"
                   r"presentation|discussion|consideration|meeting)\b")


def _says_when(what: str) -> bool:
    """"arrived at 7.15pm", "arrived late", "left the meeting": yes; "arrived at a view
    that …" is not an arrival."""
    m = _WHEN_WORD.search(what)
    return not m or bool(_WHEN.search(what[m.end():]))


def _clause(text: str, start: int) -> str:
    """The rest of the sentence from the verb: "left the room for item 7 and returned"."""
    end = re.search(r"\.(?:\s|$)|;", text[start:])
    return text[start:start + end.start()] if end else text[start:]


def _who(written: str, attendees: list[Attendee]) -> list[Attendee]:
    bare = re.sub(r"(?i)^the\s+", "", written).lower()
    if bare in ROLES:  # "The Chair left the meeting"
        return Roster(attendees).by_role(ROLES[bare])
    title, name = split_title(written)
    return [a for a in attendees if same_person(a.name, a.title, name, title)]


def _flag(written: str, hits: list[Attendee], field: str, ev: Evidence) -> Flag:
    what = "arrival" if field == "arrived" else "departure"
    if hits:
        who = ", ".join(a.name for a in hits)
        return Flag("attendance-ambiguous", f"The {what} of {written!r} could be any of "
                    f"{who}; not recorded.", page=ev.page, evidence=ev)
    return Flag("attendance-unmatched", f"The {what} of {written!r} matches no one in the "
                "attendance list; not recorded.", page=ev.page, evidence=ev)

"""Substitutions stated in the minutes: "X was replacing Y", "X substituted for Y",
"X (substitute for Y)", "Y (X substituting)", "Y was substituted by X". The substitute is
marked (added when no list named them) and `substitute_for` names the member replaced.
"""
from __future__ import annotations

import re

from ingest.model import Block

from ..document.parts import Part
from ..model import Attendee, Flag
from ..people.lists import join_lines, split_people
from ..people.names import looks_like_name, same_person
from ..people.titles import split_title
from .headers import PATTERNS, evidence

# A name starts where a word starts: tried from inside a long word, each start would scan to the
# word's end (quadratic on a few KB of one capitalised word).
_NAME = (r"(?<![\w'’.-])"
         r"(?:(?:County\s+|District\s+|Borough\s+|Parish\s+|Town\s+)?(?:Councillor|Cllr|"
         r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+")
SUBSTITUTION = re.compile(PATTERNS["substitution"].replace("NAME", _NAME))
SUBSTITUTED_BY = re.compile(PATTERNS["substitution_by"].replace("NAME", _NAME))
# Every wording of either pattern holds one of these (tests/test_extract_gates.py checks each
# wording): a block without any is not searched, which spared trying NAME at each capital.
WORDING = re.compile(r"sub|replac|represented|in\s+place|deputi[sz]ing|in\s+for")


def substitutions_in(text: str) -> list[tuple[str, str, re.Match]]:
    """(substitute as written, member replaced as written, match) for each one stated."""
    if not WORDING.search(text):
        return []
    out = [(m.group("a"), m.group("b"), m) for m in SUBSTITUTION.finditer(text)]
    for m in SUBSTITUTED_BY.finditer(text):
        out.append((m.group("a") or m.group("a2"), m.group("b") or m.group("b2"), m))
    return out


def as_bracketed(line: str) -> str:
    """A list line that states a substitution in words, rewritten to the bracket form the
    list reader knows: "Cllr Tom Hale substituted for Cllr Dan Grey" → "Cllr Tom Hale
    (substitute for Cllr Dan Grey)", so the member replaced is not read as present."""
    m = SUBSTITUTION.search(line)
    if not m or line[m.start():m.end()].startswith("(") or "(" in line[m.end("a"):m.start("b")]:
        return line
    return f"{line[:m.start()]}{m.group('a')} (substitute for {m.group('b')}){line[m.end():]}"


def apply_substitutions(part: Part, attendees: list[Attendee]) -> list[Flag]:
    """Marks (or adds) each substitute in `attendees`; flags a substitute whose name fits
    two attendees rather than picking one."""
    flags: list[Flag] = []
    for block in part.blocks[:80]:
        flags += _substitutions_in(block, attendees)
    return flags


def _substitutions_in(block: Block, attendees: list[Attendee]) -> list[Flag]:
    flags: list[Flag] = []
    text = join_lines(block.text)
    for a_text, b_text, m in substitutions_in(text):
        who = split_people(a_text, one_per_line=True) or [a_text]
        ta, a = split_title(who[-1])  # "… and Cllr Carl Black Cllr Carl Black": the last one
        _tb, b = split_title(b_text)
        if not looks_like_name(a) or not looks_like_name(b):
            continue
        ev = evidence(block, m.group(0))
        hits = [x for x in attendees if same_person(x.name, x.title, a, ta)]
        if len(hits) > 1:
            flags.append(Flag("attendance-ambiguous", f"The substitute {a_text!r} could be any "
                              f"of {', '.join(x.name for x in hits)}; not recorded.",
                              page=ev.page, evidence=ev))
            continue
        hit = hits[0] if hits else Attendee(name=a, title=ta, category="substitute", evidence=ev)
        if not hits:
            attendees.append(hit)
        hit.category = "substitute"
        hit.substitute_for = b
    return flags

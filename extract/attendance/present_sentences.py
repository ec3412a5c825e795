"""Attendance stated in a sentence rather than under a header: "Board members present were
Trustee A, Trustee B and Supervisor C.", "The following members of the Council were in
attendance: …", "Directors in attendance were: …", and a roll call that names who was there
("1. ROLL CALL: Present: A, B and C."). Each gives a `Section` read like any list. The list
runs to the end of its sentence and must read as names: "Residents present were concerned
…" is prose, not a list.
"""
from __future__ import annotations

import re

from ingest.model import Table

from ..document.parts import Part
from ..people.entry import parse_person
from ..people.lists import split_people
from ..people.names import looks_like_name
from .apologies import sentence_end
from .headers import PATTERNS, STRONG_RE, Section, evidence, is_prose

STATEMENT = re.compile(PATTERNS["present_statement"])
_OFFICERS = re.compile(r"(?i)\b(?:officers|officials|staff)\b")
_ALSO = re.compile(r"(?i)\balso\b")


def sentence_sections(part: Part) -> list[Section]:
    out: list[Section] = []
    for item in part.items:
        if isinstance(item, Table):
            texts = [c for row in item.texts() for c in row if c.strip()]
        elif item.kind != "furniture":
            texts = [item.text]
        else:
            continue
        for text in texts:
            out += _statements(" ".join(t.strip() for t in text.split("\n")), item)
    return out


def _statements(text: str, item) -> list[Section]:
    out: list[Section] = []
    for m in STATEMENT.finditer(text):
        before = text[:m.start()].rstrip()
        if before and not before.endswith((".", ":", "!", "?")) and not re.search(
                r"(?:^|\s)\d[\d./-]*$", before):
            continue  # mid-sentence: "… and the members present were thanked"
        if STRONG_RE.match(text[m.start():]) and not m.group("group") and \
                not re.match(r"(?i)roll", text[m.start():]):
            continue  # a plain "Present:" header line: present_lines reads it
        listed = sentence_end(text[m.end():]).strip()
        if not _names_only(listed):
            continue
        group = (m.group("group") or "members").lower()
        category = "officer" if _OFFICERS.search(group) else \
            "other" if _ALSO.search(m.group(0)) else "member"
        section = Section(category, re.sub(r"\s+", " ", group), one_per_line=False)
        section.lines.append((listed, evidence(item, m.group(0) + listed)))
        out.append(section)
    return out


def _names_only(listed: str) -> bool:
    """Every entry of the list reads as a (titled) name."""
    if not listed or is_prose(listed) or not listed[:1].isupper() or re.search(
            r"(?i)\bapolog", listed):  # "Members present:\tApologies:" is a header line
        return False
    chunks = split_people(listed)
    people = [parse_person(c) for c in chunks]
    return bool(chunks) and all(p is not None and looks_like_name(p.name) for p in people)

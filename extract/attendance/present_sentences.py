"""Attendance stated in a sentence rather than under a header: "Board members present were
Trustee A, Trustee B and Supervisor C.", "The following members of the Council were in
attendance: …", "Directors in attendance were: …", and a roll call that names who was there
("1. ROLL CALL: Present: A, B and C."), and label boxes naming the chair and the
minute-taker ("Chair: A <tab> Minutes: B", "Chaired by A <tab> Clerked by B"). Each gives a `Section` read like any list. The list
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
# Every wording of a statement holds one of these (tests/test_extract_gates.py checks each):
# a text without any is not searched, which was most of what reading sentences cost.
STATEMENT_WORDING = re.compile(r"(?i)present|attend|roll")
ROLE_LABEL = re.compile(PATTERNS["role_label"])
LABEL_ROLES: dict[str, str] = PATTERNS["role_label_roles"]
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
        if not isinstance(item, Table):
            out += _label_box(item)
        for text in texts:
            out += _statements(" ".join(t.strip() for t in text.split("\n")), item)
    return out


def _statements(text: str, item) -> list[Section]:
    out: list[Section] = []
    if not STATEMENT_WORDING.search(text):
        return out
    for m in STATEMENT.finditer(text):
        before = text[:m.start()].rstrip()
        if before and not before.endswith((".", ":", "!", "?")) and not re.search(
                r"(?:^|\s)\d[\d./-]*$", before):
            continue  # mid-sentence: "… and the members present were thanked"
        if STRONG_RE.match(text[m.start():]) and not m.group("group") and \
                not re.match(r"(?i)roll", text[m.start():]):
            continue  # a plain "Present:" header line: present_lines reads it
        listed = sentence_end(text[m.end():]).strip()
        listed, excused = _called(listed)
        if excused:
            gone = Section("absent", "absent", one_per_line=False)
            gone.lines.append((", ".join(f"{e} (excused)" for e in excused),
                               evidence(item, m.group(0))))
            out.append(gone)
        if not _names_only(listed):
            continue
        group = (m.group("group") or "members").lower()
        category = "officer" if _OFFICERS.search(group) else \
            "other" if _ALSO.search(m.group(0)) else "member"
        section = Section(category, re.sub(r"\s+", " ", group), one_per_line=False)
        section.lines.append((listed, evidence(item, m.group(0) + listed)))
        out.append(section)
    return out


_STATUS = re.compile(r"(?i)\s[-–—:]\s*+(yes|aye|present|here|no|nay|absent|excused)\s*+$")


def _called(listed: str) -> tuple[str, list[str]]:
    """"Trustee Ames – yes, Trustee Boyd – absent": a roll call with an answer per name →
    (those who answered, those excused); the plainly absent are neither."""
    entries = [e.strip() for e in re.split(r"[,;]", listed) if e.strip()]
    answers = [_STATUS.search(" " + e) for e in entries]
    if len(entries) < 2 or not all(answers):
        return listed, []
    here = [e[:e.rfind(a.group(1))].strip(" -–—:") for e, a in zip(entries, answers)
            if a.group(1).lower() not in ("absent", "excused")]
    excused = [e[:e.rfind(a.group(1))].strip(" -–—:") for e, a in zip(entries, answers)
               if a.group(1).lower() == "excused"]
    return ", ".join(here), excused


def _names_only(listed: str) -> bool:
    """Every entry of the list reads as a (titled) name."""
    if not listed or is_prose(listed) or not listed[:1].isupper() or re.search(
            r"(?i)\bapolog", listed):  # "Members present:\tApologies:" is a header line
        return False
    chunks = split_people(listed)
    people = [parse_person(c) for c in chunks]
    return bool(chunks) and all(p is not None and looks_like_name(p.name) for p in people)


def _label_box(block) -> list[Section]:
    """"Chair: Nora Lane <tab> Minutes: Sam Price", "Chaired by A <tab> Clerked by B": a line
    whose every tab cell is a role label and a name gives those people with their roles."""
    out: list[Section] = []
    for line in block.text.split("\n"):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        found = [ROLE_LABEL.match(c) for c in cells]
        if not cells or not all(found) or not (len(cells) >= 2 or found[0] and re.search(
                r"(?i)\bby$", found[0].group("role"))) or any(
                re.search(r"\.\s", m.group("name")) for m in found if m):
            continue  # "Secretary: Ian Lee. Nominated by Tom." is an election, not a box
        for m in found:
            p = parse_person(m.group("name").strip(" .,;"))
            if p is None or not looks_like_name(p.name):
                break
        else:
            for m in found:
                role = m.group("role").lower()
                role = next((r for w, r in LABEL_ROLES.items() if role.startswith(w)), "Chair")
                category = "member" if role == "Chair" else "officer"
                section = Section(category, role.lower(), one_per_line=True)
                text = f"{m.group('name').strip(' .,;')} ({role})"
                section.lines.append((text, evidence(block, m.group(0))))
                out.append(section)
    return out

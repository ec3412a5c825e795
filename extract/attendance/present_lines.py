"""Attendance lists in running text: a header ("Present:", "IN ATTENDANCE") opens a list
and the lines under it, up to the first item number, sentence, apology or heading, are its
entries. Tab-separated header columns ("Present:\\tMembers of the Public:") are one list
per column. Tables met on the way are read by present_tables.
"""
from __future__ import annotations

import re

from ingest.model import Block, Table

from ..document.parts import Part
from ..people.names import looks_like_name
from ..people.roles import is_role_phrase, words_of
from ..people.titles import split_title
from ..people.words import ORG_WORDS, REPRESENTS_WORDS, ROLE_WORDS, ROLES
from .headers import (
    BULLET,
    ITEM_START,
    STRONG_RE,
    WEAK,
    WEAK_RE,
    Section,
    evidence,
    is_prose,
    match_header,
    weak_header_ending,
)
from .present_tables import is_header_table, table_after_header, table_sections

DATE_OR_PLACE = re.compile(r"(?i)^\s*(held|on|at|venue|date|time|place)\b|\b(19|20)\d\d\b")
PUBLIC_COUNT_LEAD = re.compile(r"(?i)^there\s+(?:were|was)\s+\w+\s+members?\s+of\s+the\s+public"
                          r"(?:\s+present)?\s*+[,:;-]?\s*")
MAX_SECTION_LINES = 80
APOLOGY_LABEL = re.compile(r"(?i)^apolog(?:y|ies)(?:\s++for\s++absence)?\s*+:?$")


def find_sections(part: Part) -> list[Section]:
    sections: list[Section] = table_sections(part.tables)
    current: Section | None = None
    columns: list[Section] | None = None
    last_col: Section | None = None
    lines_in_zone = 0
    for item in part.items:
        if isinstance(item, Table):
            if is_header_table(item):
                current, columns = None, None
                continue
            if columns and _fill_columns(item, columns):
                current, columns = None, None
                continue
            found = table_after_header(item, current)
            sections += found
            current = found[-1] if found else None
            columns = None
            continue
        block = item
        if block.kind == "furniture":
            continue
        for n, raw in _split_inline_labels(block.lines):
            raw = BULLET.sub("", raw) if current is not None else raw
            line = raw.strip()
            if not line:
                continue
            cells = [c.strip() for c in raw.split("\t") if c.strip()]
            cell_heads = [_apology_label(c) or match_header(c, i > 0 or current is not None)
                          for i, c in enumerate(cells)]
            heads = [h for h in cell_heads if h and not h[2].strip()]
            if len(cells) >= 2 and len(heads) == len(cells) and len({h[1] for h in heads}) > 1:
                # "Present:\tMembers of the Public:" — a header per column
                columns = [Section(h[1], h[0]) for h in heads]
                sections += columns
                current, lines_in_zone = columns[0], 0
                continue
            head = match_header(line, current is not None)
            if head and _wrapped_word(current, line, head[0]):
                head = None  # "… Senior" / "Staff Officer, …": a role wrapped, not "Staff"
            if head:
                h, cat, rest = head
                nested = match_header(rest.strip(), True) if rest.strip() else None
                if nested and nested[1] == cat and not nested[2].strip():
                    h, cat, rest = nested  # "Present:\tMembers"
                current = Section(cat, h)
                columns = None
                sections.append(current)
                lines_in_zone = 0
                if rest.strip():
                    current.lines.append((rest.strip(), evidence(block, line)))
                continue
            if current is None:
                continue
            if columns and not re.search(r"(?i)\bapolog", line) and not ITEM_START.match(line):
                if "\t" in raw:
                    lines_in_zone += 1
                    for col, cell in zip(columns, raw.split("\t")):
                        cell = PUBLIC_COUNT_LEAD.sub("", cell.strip())
                        if cell and not is_prose(cell):
                            col.lines.append((cell, evidence(block, line)))
                            last_col = col
                    continue
                if last_col is not None and last_col is not columns[0] and last_col.lines \
                        and re.search(r"(?i)(,|\band|&)\s*$", last_col.lines[-1][0]):
                    last_col.lines.append((line, evidence(block, line)))  # a wrapped cell
                    continue
            sub = _sub_header(line, current)
            if sub is not None:
                current, columns = sub, None
                sections.append(sub)
                continue
            if _ends_zone(block, line, n) or _other_label(line) \
                    or lines_in_zone > MAX_SECTION_LINES:
                current, columns = None, None
                if re.search(r"(?i)\bapolog", line):
                    break
                continue
            if DATE_OR_PLACE.search(line) and not re.search(r"[,(]", line):
                continue  # "HELD IN THE VILLAGE HALL", "ON 28th March 2019"
            lines_in_zone += 1
            current.lines.append((line, evidence(block, line)))
    return [s for s in sections if s.lines]


# "… Gus Hale (GH) Also attending: Ian Jay": the next group's label on the same line
INLINE_LABEL = re.compile(r"(?<=[\w).,])(?<!were)(?<!was)(?<!are)(?<!been)\s++(?=(?:(?:Also|Others?|Officers?|Staff|Members?)\s+)?"
                          r"(?:[Aa]ttending|[Pp]resent|[Ii]n\s[Aa]ttendance|[Aa]pologies|[Aa]bsent|"
                          r"ATTENDING|PRESENT|IN\sATTENDANCE|APOLOGIES|ABSENT|ALSO\s\w+)\s*+:)")


def _split_inline_labels(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) with a line cut before each group label inside it."""
    out: list[tuple[int, str]] = []
    for n, raw in enumerate(lines):
        start = 0
        # every label ends in a colon: a line without one (most lines) is not searched
        for m in INLINE_LABEL.finditer(raw) if ":" in raw else ():
            if re.fullmatch(r"(?i)also|others?|officers?|staff|members?",
                                      raw[start:m.start()].strip()):
                continue  # the label's own first word ("Also | attending:")
            out.append((n, raw[start:m.start()]))
            start = m.end()
        out.append((n, raw[start:]))
    return out


def _apology_label(cell: str) -> tuple[str, str, str] | None:
    """"Apologies:" as one column's header beside "Present:": its column lists apologies
    (category "apology", turned into apologies by `attendance`)."""
    return ("apologies", "apology", "") if APOLOGY_LABEL.match(cell) else None


def _fill_columns(table: Table, columns: list[Section]) -> bool:
    """A table right under a line of column headers ("Members present:\t\tApologies:"):
    its filled columns, in order, are those lists."""
    rows = table.texts()
    filled = sorted({i for r in rows for i, c in enumerate(r) if c.strip()})
    if len(filled) != len(columns):
        return False
    for r in rows:
        for i, col in zip(filled, columns):
            cell = r[i].strip() if i < len(r) else ""
            col.lines += [(t.strip(), evidence(table, t)) for t in cell.split("\n") if t.strip()]
    return True


def _wrapped_word(current: Section | None, line: str, head: str) -> bool:
    """A weak header word with no colon after it that starts a role ("Staff Officer, …"),
    at the start of a line that continues the one before (which ends mid-phrase)."""
    if current is None or not current.lines or STRONG_RE.match(line) or head not in WEAK:
        return False
    after = line.lstrip()[len(head):].lstrip()
    return not after.startswith((":", "-", "–", "—")) and current.lines[-1][0][-1:].isalnum() \
        and is_role_phrase(re.split(r"[,(]", line, maxsplit=1)[0].strip())


def _sub_header(line: str, current: Section) -> Section | None:
    """"Non-Executive Directors:", "Young People's Representatives:" inside an open list: a
    group of its own, in the category its last words name or else the list's. A single role
    ("Clerk:") is not a group: it belongs to the name after it."""
    text = line.rstrip()
    if not text.endswith(":") or re.search(r"(?i)\bapolog", text):
        return None
    text = text[:-1].strip()
    words = words_of(text)
    if not words or text.lower() in ROLES or looks_like_name(text) or not any(
            w in ROLE_WORDS or w in ORG_WORDS or w in REPRESENTS_WORDS for w in words):
        return None
    if not words[-1].endswith("s") or any(
            w[:1].islower() and w not in ("of", "the", "and", "for") for w in text.split()):
        return None  # "Matters arising from the minutes:" is an item, not a group
    return Section(WEAK.get(weak_header_ending(text), current.category), text.lower())


def _other_label(line: str) -> bool:
    """"Matters arising from the minutes:": a label that is neither a group, a role
    ("Clerk:") nor a titled person ends the list rather than becoming someone's role."""
    if not line.endswith(":"):
        return False
    text = line[:-1].strip()
    return not (text.lower() in ROLES or is_role_phrase(text) or split_title(text)[0])


def _ends_zone(block: Block, line: str, line_no: int) -> bool:
    if re.search(r"(?i)\bapolog", line):
        return True
    if ITEM_START.match(line) and not re.match(r"^\s*\d+\s*$", line) or \
            re.match(r"^\s*\d{1,3}(\.\d+)*\.?\s*$", line):
        return True
    if is_prose(line):
        return True
    return line_no == 0 and block.kind == "heading" and (block.bold or line.isupper()) \
        and not STRONG_RE.match(line) and not WEAK_RE.match(line)

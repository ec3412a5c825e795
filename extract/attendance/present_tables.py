"""Attendance lists printed as tables.

  label/value rows   "Attendees | A, B, C", "Invited | D (Governance Manager)"
  group columns      "MEMBERS PRESENT | WINNIPEG PUBLIC SERVICE": one list per column
  name | body tables right under "Present:" or headed by a group ("Co-opted members |
                     Representing"): one person per row, or per line of a row's cells
"""
from __future__ import annotations

import re

from ingest.model import Table

from ..people.entry import parse_person
from ..people.lists import split_people
from ..people.names import looks_like_name
from .present_registers import is_grid

from .headers import (
    STRONG,
    STRONG_RE,
    TITLE_ANYWHERE,
    WEAK,
    WEAK_RE,
    Section,
    evidence,
    header_key,
    match_header,
    weak_header_ending,
)

COLUMN_LABEL = re.compile(r"(?i)^(names?|members?|attendees?|representing|organi[sz]ations?|"
                          r"roles?|positions?|titles?|bod(?:y|ies)|on behalf of|agency|"
                          r"job titles?|department)$")


def is_header_table(table: Table) -> bool:
    """A table whose first row names an attendance group: read by `table_sections`."""
    rows = table.texts()
    if not rows or _titled_list(rows):
        return False
    return any(match_header(c.strip(), False) for c in rows[0] if c.strip())


def _titled_list(rows: list[list[str]]) -> bool:
    """"Present | (blank)" over "Name | Role" rows: one list titled by its first row, read by
    `table_after_header`, not a column per group."""
    first = [c.strip() for c in rows[0]]
    filled = [c for c in first if c]
    if len(first) < 2 or len(filled) != 1 or first[0] != filled[0] or len(rows) < 2:
        return False
    head = match_header(filled[0], False)
    return head is not None and not head[2]


def table_sections(tables: list[Table]) -> list[Section]:
    """Label/value rows ("Attendees | A, B, C"), and tables whose header row names the
    groups ("MEMBERS PRESENT | WINNIPEG PUBLIC SERVICE")."""
    out: list[Section] = []
    for table in tables:
        rows = table.texts()
        if not rows or is_grid(table):
            continue
        first = [c.strip() for c in rows[0]]
        heads = [match_header(c, True) if c else None for c in first]
        header_table = len(first) >= 2 and not _titled_list(rows) and any(
            h and STRONG_RE.match(c) for h, c in zip(heads, first)) and all(
            not h or not h[2].strip() for h in heads) and len(rows) > 1 and not any(
            _lists_people(c) for h, c in zip(heads, first) if not h)
        if header_table:
            out += _group_columns(table, rows, first, heads)
        else:
            out += _label_rows(table, rows)
    return out


def _lists_people(cell: str) -> bool:
    """"Cllr J Smith, Tony Brown (Chair)" beside "Attendees" is the list, not a column title
    like "WINNIPEG PUBLIC SERVICE"."""
    return "," in cell or bool(TITLE_ANYWHERE.search(cell))


def _label_rows(table: Table, rows: list[list[str]]) -> list[Section]:
    out: list[Section] = []
    for row in rows:
        cells = [c.strip() for c in row]
        if len(cells) >= 2 and cells[0] and cells[1] and not COLUMN_LABEL.match(cells[1]):
            m = STRONG_RE.match(cells[0]) or WEAK_RE.match(cells[0])
            if m and not cells[0][m.end():].strip():
                head = header_key(m)
                cat = STRONG.get(head) or WEAK.get(head, "other")
                if head == "invited":
                    cat = "officer"
                s = Section(cat, head, one_per_line=False)
                s.lines.append((cells[1], evidence(table, cells[1])))
                out.append(s)
    return out


def _group_columns(table: Table, rows: list[list[str]], first: list[str],
                   heads: list) -> list[Section]:
    cols = []
    for c, h in zip(first, heads):
        if h:
            cols.append(Section(h[1], h[0], one_per_line=True))
        else:
            cat = WEAK.get(weak_header_ending(c), "other")
            cols.append(Section(cat, c.lower(), one_per_line=True,
                                organisation=c.title() if c.isupper() else c))
    for row in rows[1:]:
        for col, cell in zip(cols, row):
            for line in cell.split("\n"):
                if line.strip():
                    col.lines.append((line.strip(), evidence(table, line)))
    return cols


def table_after_header(table: Table, current: Section | None) -> list[Section]:
    """A name | organisation table: right under "Present:", or headed by a group name
    ("Co-opted members | Representing")."""
    rows = table.texts()
    if not rows or not rows[0] or is_grid(table):
        return []
    first = rows[0][0].strip()
    head = match_header(first, current is not None)
    if head and not head[2].strip() and len(rows) > 1:
        s = Section(head[1], head[0], one_per_line=True)
        rows = rows[1:]
    elif current is not None:
        s = Section(current.category, current.header, one_per_line=True)
    else:
        return []
    if rows and all(COLUMN_LABEL.match(c.strip()) for c in rows[0] if c.strip()):
        rows = rows[1:]
    if _name_grid(rows):  # a signing-in sheet: every cell a person (or a couple)
        s.lines += [(line.strip(), evidence(table, line)) for row in rows for c in row
                    for line in c.split("\n") if line.strip()]
        return [s]
    if any(len([c for c in r if c.strip()]) > 4 for r in rows):
        return []  # a data table, not a list of people
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        if not cells:
            continue
        split = [c.split("\n") for c in cells]
        if len(cells) > 1 and len(split[0]) > 1 and all(len(x) == len(split[0]) for x in split):
            pairs = list(zip(*split))  # one person per line of each cell
        else:
            pairs = [tuple(c.replace("\n", " ") for c in cells)]
        for cell_lines in pairs:
            text = cell_lines[0] + ("\t- " + ", ".join(cell_lines[1:])
                                    if len(cell_lines) > 1 else "")
            s.lines.append((text, evidence(table, text)))
    return [s] if s.lines else []


def _name_grid(rows: list[list[str]]) -> bool:
    """Names laid out in columns, with nothing but names (or "A & B Surname") in any cell."""
    cells = [line.strip() for r in rows for c in r for line in c.split("\n") if line.strip()]
    if len(cells) < 4 or max(len(r) for r in rows) < 2:
        return False
    for cell in cells:
        people = [parse_person(x) for x in split_people(cell)]
        if not people or any(p is None or not looks_like_name(p.name) or p.role
                             or p.organisation for p in people):
            return False
    return True

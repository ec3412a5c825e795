"""Attendance read from a grid rather than a list.

  register     names down the side, one column per meeting date, a code in each cell
               ("JANE DOE | Y | E | Y"): the column of this meeting's date is read (titled
               with a full date, or a spreadsheet's short one: "12-Sep-24", "Thu 12 Sep",
               "Sep 12", or the month alone, "Sep-24", in a register kept by the month), each code
               through the paper's key ("Key: Y attended  N did not attend  E excused") or,
               without one, the usual codes in attendance.json
  roll call    a status column beside the names ("| Dana Kerr | Director | Present |"):
               Present/Late/Remote = present, Excused/Apologies = apology, Absent = neither,
               an "Alternate" office = a substitute
A code or status that means nothing known is flagged with the row, never guessed; a register
with no column for the meeting's date is flagged too. Names printed in capitals are
title-cased; vacant rows are skipped.
"""
from __future__ import annotations

import datetime as dt
import re

from ingest.model import Table

from ..document.dates import MONTHS, find_dates
from ..document.parts import Part
from ..model import Apology, Attendee, Flag
from ..people.entry import parse_person
from ..people.names import looks_like_name
from .headers import PATTERNS, evidence

CODES: dict[str, str] = PATTERNS["register_codes"]
KEY = re.compile(PATTERNS["register_key"])
MEANINGS: dict[str, str] = PATTERNS["meaning_words"]
STATUS_HEADER = re.compile(PATTERNS["status_headers"])
NAME_HEADER = re.compile(PATTERNS["name_headers"])
SHORT_DATE = re.compile(PATTERNS["register_date"])
# (year, month, day) a column title names; None where the title leaves it out
Stamp = tuple[int | None, int, int | None]
Found = tuple[list[Attendee], list[Apology], list[Flag]]


def register_people(part: Part, date: dt.date | None) -> Found:
    attendees: list[Attendee] = []
    apologies: list[Apology] = []
    flags: list[Flag] = []
    key = _printed_key(part)
    for table in part.tables:
        for a, b, c in (_register(table, date, key), _roll_call(table)):
            attendees += a
            apologies += b
            flags += c
    return attendees, apologies, flags


def is_grid(table: Table) -> bool:
    """A register or roll-call table: read here, not as a list by present_tables."""
    rows = table.texts()
    return _date_header(rows) is not None or _status_columns(rows) is not None


def _meaning(text: str) -> str | None:
    low = re.sub(r"\s+", " ", text.strip().lower())
    return next((m for w, m in MEANINGS.items() if w in low), None)


def _printed_key(part: Part) -> dict[str, str]:
    """"Key: Y attended  N did not attend  E excused  Y/l attended, arrived late"."""
    texts = [b.text for b in part.blocks if b.kind != "furniture"]
    texts += [c for t in part.tables for row in t.texts() for c in row]
    key: dict[str, str] = {}
    for text in texts:
        if re.search(r"(?i)\b(?:key|legend)\b", text):
            for m in KEY.finditer(text):
                meaning = _meaning(m.group("meaning"))
                if meaning:
                    key.setdefault(m.group("code").lower(), meaning)
    return key


def _date_header(rows: list[list[str]]) -> tuple[int, dict[int, Stamp]] | None:
    """(row index, {column: date}) of the first row among the top three with two dates."""
    for r, row in enumerate(rows[:3]):
        dates = {}
        for c, cell in enumerate(row):
            stamp = _column_date(" ".join(cell.split()))
            if stamp is not None and c > 0:
                dates[c] = stamp
        if len(dates) >= 2 and _coded_rows(rows[r + 1:], dates):
            return r, dates
    return None


def _column_date(text: str) -> Stamp | None:
    """A column title's date: a full date anywhere in it ("Meeting 12 September 2024"), or
    a title that is only a short date ("12-Sep-24", "12/9", "Sep 12", "Sep-24")."""
    found = find_dates(text)
    if found:
        d = found[0].date
        return (d.year, d.month, d.day) if len(found) == 1 else None
    m = SHORT_DATE.match(text)
    if m is None:
        return None
    month = _month(m.group("month") or m.group("mname") or m.group("monly"))
    day = int(d) if (d := m.group("day") or m.group("mday")) else None
    year = int(y) if (y := m.group("year") or m.group("oyear")) else None
    if year is not None and year < 100:
        year += 2000 if year < 70 else 1900
    if month is not None and (day is None or _valid(year, month, day)):
        return year, month, day
    if m.group("day") and m.group("month").isdigit():  # "9/25": a US paper's month first
        month, day = int(m.group("day")), int(m.group("month"))
        return (year, month, day) if 1 <= month <= 12 and _valid(year, month, day) else None
    return None


def _month(text: str) -> int | None:
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    key = text.lower().rstrip(".")
    return MONTHS.get(key) or (MONTHS.get(key[:3]) if key[:4] == "sept" else None)


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 was a leap year: "29 Feb" stands
    except ValueError:
        return False
    return True


def _is_for(stamp: Stamp, date: dt.date | None) -> bool:
    """The title names the meeting's date, as far as it names a date at all."""
    if date is None:
        return False
    year, month, day = stamp
    return month == date.month and year in (None, date.year) and day in (None, date.day)


def _coded_rows(rows: list[list[str]], dates: dict[int, Stamp]) -> bool:
    """Most rows are a name and short codes under the dates (not a table of figures)."""
    coded = [row for row in rows if row and _person(row[0]) and all(
        len(row[c].strip()) <= 5 and not re.search(r"\d", row[c]) for c in dates if c < len(row))]
    return len(coded) >= 2 and len(coded) * 2 >= len(rows)


def _person(cell: str):
    text = " ".join(cell.split())
    if not text or re.search(r"(?i)\bvacan", text):
        return None
    if text.isupper():
        text = text.title()  # "JANE DOE" → "Jane Doe"
    p = parse_person(text)
    return p if p is not None and looks_like_name(p.name) else None


def _register(table: Table, date: dt.date | None, key: dict[str, str]) -> Found:
    rows = table.texts()
    head = _date_header(rows)
    if head is None:
        return [], [], []
    r, dates = head
    cols = [c for c, d in dates.items() if _is_for(d, date)]
    if len(cols) != 1:
        return [], [], [Flag("attendance-unparsed", f"An attendance register has no column for "
                             f"the meeting's date ({date}); nobody was read from it.",
                             page=table.page, evidence=evidence(table, " | ".join(rows[r])))]
    col = cols[0]
    found: Found = ([], [], [])
    for row in rows[r + 1:]:
        p = _person(row[0]) if row else None
        code = row[col].strip() if col < len(row) else ""
        if p is None or not code:
            continue
        meaning = key.get(code.lower()) or CODES.get(code.lower()) or _meaning(code)
        _add(found, p, meaning, code, table, row, office="")
    return found


def _status_columns(rows: list[list[str]]) -> tuple[int, int, int | None] | None:
    """(name column, status column, office column or None) from a header row."""
    if not rows:
        return None
    head = [" ".join(c.split()) for c in rows[0]]
    names = [i for i, c in enumerate(head) if NAME_HEADER.match(c)]
    status = [i for i, c in enumerate(head) if STATUS_HEADER.match(c)]
    if not names or not status or names[0] == status[0]:
        return None
    office = next((i for i, c in enumerate(head) if re.match(
        r"(?i)^(?:office|position|role|title|seat|category)$", c)), None)
    return names[0], status[0], office


def _roll_call(table: Table) -> Found:
    rows = table.texts()
    cols = _status_columns(rows)
    if cols is None:
        return [], [], []
    n, s, o = cols
    found: Found = ([], [], [])
    for row in rows[1:]:
        p = _person(row[n]) if n < len(row) else None
        status = row[s].strip() if s < len(row) else ""
        if p is None or not status:
            continue
        office = row[o].strip() if o is not None and o < len(row) else ""
        _add(found, p, _meaning(status), status, table, row, office)
    return found


def _add(found: Found, p, meaning: str | None, code: str, table: Table, row: list[str],
         office: str) -> None:
    ev = evidence(table, " | ".join(c.strip() for c in row))
    if meaning == "present" and _meaning(office) == "substitute":
        meaning = "substitute"  # "| Gil Hart | Alternate | Present |"
    if meaning in ("present", "substitute"):
        found[0].append(Attendee(name=p.name, title=p.title, role=p.role or office or None,
                                 category="substitute" if meaning == "substitute" else "member",
                                 arrived=code if re.search(r"(?i)late|/l", code) else None,
                                 evidence=ev))
    elif meaning == "apology":
        found[1].append(Apology(name=p.name, title=p.title, evidence=ev))
    elif meaning is None:
        found[2].append(Flag("attendance-unparsed", f"The attendance code {code!r} for "
                             f"{p.name!r} is not explained by a key; not counted.",
                             page=table.page, evidence=ev))

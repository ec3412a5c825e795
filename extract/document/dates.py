"""Dates as board papers write them, resolved against the meeting's date, never today.

"Tuesday, 17th September, 2019", "31st October 2024", "26/05/2016", "May 5th 2015",
"2016-05-26", "03.09.19" (day first, unless only month first is a date: "4/23/19"),
"Wednesday 19-Oct-2016", "the 22nd day of July, 2024", OCR's "10” February 2016" (a
superscript "th" read as a quote mark), "Wednesday14th November 2018" (a web page's lost
space); days and months without a year ("26th June") resolve to the first
such date on or after the meeting. Deadlines in action wording are actions/due.py's.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAYNAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*+)?"
# a superscript ordinal that OCR read as a quote mark counts as one; not `\s*(?:st…)?` before
# more spaces
_ORD = r"(\d{1,2})(?:\s*+(?:st|nd|rd|th)|[”’\"'])?"
_SEP = r"(?:[\s,]+|\s*+-\s*+)"  # "19 Oct 2016", "19-Oct-2016", "19-Oct- 2016"

DAY_MONTH_YEAR = re.compile(
    rf"\b{_DAYNAME}{_ORD}(?:\s+day)?(?:\s+of)?{_SEP}{_MONTH}{_SEP}(\d{{4}})\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b{_DAYNAME}{_MONTH}\s+{_ORD},?\s+(\d{{4}})\b", re.IGNORECASE)
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "03/09/19", "03.09.2019" and "03-09-2019", but not "19.09.01": parish minute numbers look
# like dates
NUMERIC = re.compile(r"\b(\d{1,2})(?:/(\d{1,2})/(\d{4}|\d{2})|([.-])(\d{1,2})\4(\d{4}))\b")
DAY_MONTH = re.compile(rf"\b{_DAYNAME}{_ORD}(?:\s+of)?\s+{_MONTH}\b(?![\s,]+\d{{4}})", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str


def _mk(y: int, m: int, d: int) -> dt.date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (with a year) in `text`, in order of appearance."""
    return list(_find_dates(text))


@lru_cache(maxsize=4096)  # the meeting, its parts, due dates and registers read the same lines
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, d: dt.date | None) -> None:
        if d and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(DateMatch(d, m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))

    for m in DAY_MONTH_YEAR.finditer(text):
        add(m, _mk(int(m.group(3)), month_number(m.group(2)), int(m.group(1))))
    for m in MONTH_DAY_YEAR.finditer(text):
        add(m, _mk(int(m.group(3)), month_number(m.group(1)), int(m.group(2))))
    for m in ISO.finditer(text):
        add(m, _mk(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in NUMERIC.finditer(text):
        # UK papers: day first; where that is no date ("4/23/19"), a US paper's month first
        month, year = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(6))
        add(m, _mk(int(year), int(month), int(m.group(1)))
            or _mk(int(year), int(m.group(1)), int(month)))
    return tuple(sorted(found, key=lambda x: x.start))


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    return MONTHS[key[:3]]


def first_date(text: str) -> dt.date | None:
    found = find_dates(text)
    return found[0].date if found else None


def on_or_after(meeting: dt.date | None, month: int, day: int) -> dt.date | None:
    """A day and month printed without a year: the first such date on or after the meeting."""
    if not meeting:
        return None
    d = _mk(meeting.year, month, day)
    if d and d < meeting:
        d = _mk(meeting.year + 1, month, day)
    return d


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)

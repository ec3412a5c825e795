"""Meeting metadata from the top of a part: body, organisation, date, venue, start time,
and the date of the next meeting (for "by the next meeting" deadlines)."""
from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates
from .model import Meeting
from .parts import Part

ORG = re.compile(r"\b((?:[A-Z][\w'&-]+\s+){1,4}(?:County|District|Borough|City|Parish|Town|"
                 r"Metropolitan Borough|Community)\s+Council|City of [A-Z][a-z]+|"
                 r"(?:[A-Z][\w'&-]+\s+){1,4}(?:NHS (?:Foundation )?Trust|IPS|Libraries))\b")
BODY_WORDS = (r"Committee|Board|Panel|Council|Cabinet|Trustees|Forum|Partnership|"
              r"Sub-Committee|Group|Commission|Authority|Assembly")
BODY = re.compile(rf"(?i)(?:meeting|minutes)\s+of\s+(?:the\s+|a\s+)?((?:[\w'&-]+\s+){{0,6}}?"
                  rf"(?:{BODY_WORDS}))\b")
BODY_LINE = re.compile(rf"^\s*((?:[A-Z][\w'&,-]*\s+){{0,6}}(?:{BODY_WORDS}))\s*$", re.I)
TIME = re.compile(r"(?i)\b(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[.:]\d{2})\b")
VENUE = re.compile(r"(?i)\b(?:held\s+)?(?:in|at)\s+(?:the\s+)?([A-Z][^,\n]{3,80}"
                   r"(?:Hall|Room|Centre|Center|Chamber|Chambers|House|Library|Offices?|Zoom"
                   r"|Teams|School)[^\n]{0,60})")
NEXT_MEETING = re.compile(r"(?i)(date|time)s?\s+(and\s+time\s+)?of\s+(the\s+)?next\s+meetings?"
                          r"|next\s+meeting\s+(will\s+be|is|to\s+be)")
HEAD_CHARS = 1500


def describe(part: Part, record: str) -> Meeting:
    head = part.text(HEAD_CHARS)
    meeting = Meeting(record=record, pages=part.pages)  # type: ignore[arg-type]
    meeting.date = _meeting_date(head, record)
    meeting.organisation = _organisation(head)
    meeting.body = _body(head, meeting.organisation)
    time = TIME.search(head)
    meeting.start_time = time.group(1) if time else None
    venue = VENUE.search(head)
    meeting.venue = venue.group(1).strip() if venue else None
    meeting.next_meeting = next_meeting_date(part, meeting.date)
    return meeting


NOT_THIS_MEETING = re.compile(r"(?i)(previous|last|next|prior|earlier|minutes of the meeting|"
                              r"minutes of|dated?\s*:|published|printed|despatch|issued)[^\n]{0,60}$")
IS_THIS_MEETING = re.compile(r"(?i)(held|meeting|minutes|agenda|on|date)\b[^\n]{0,40}$")


def _meeting_date(head: str, record: str) -> dt.date | None:
    """The meeting's own date: early in the header, ideally after "held on"/"meeting", and not
    a reference to another meeting or a letter's date."""
    best: tuple[float, dt.date] | None = None
    for n, d in enumerate(find_dates(head)):
        before = head[max(0, d.start - 80):d.start]
        line_start = head.rfind("\n", 0, d.start) + 1
        score = -n * 0.5 - d.start / 1500
        if NOT_THIS_MEETING.search(before):
            score -= 3
        if IS_THIS_MEETING.search(before):
            score += 1
        if head[line_start:d.start].strip() == "" or head[line_start:d.end].isupper():
            score += 0.5  # the date opens its line, or sits in an upper-case title
        if best is None or score > best[0]:
            best = (score, d.date)
    return best[1] if best else None


def _organisation(head: str) -> str | None:
    m = ORG.search(head)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else None


def _body(head: str, organisation: str | None) -> str | None:
    m = BODY.search(head)
    if m:
        body = re.sub(r"\s+", " ", m.group(1)).strip()
        return _titlecase(body)
    for line in head.split("\n")[:12]:
        line = line.strip()
        if BODY_LINE.match(line) and line != organisation:
            return _titlecase(line)
    return organisation


def _titlecase(text: str) -> str:
    return text.title() if text.isupper() else text


def next_meeting_date(part: Part, after: dt.date | None) -> dt.date | None:
    """The first date after a "date of next meeting" heading, if later than this meeting."""
    blocks = part.blocks
    for i, block in enumerate(blocks):
        if NEXT_MEETING.search(block.text):
            window = "\n".join(b.text for b in blocks[i:i + 4])
            for d in find_dates(window):
                if after is None or d.date > after:
                    return d.date
    return None

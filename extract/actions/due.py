"""When an action is due: the deadline in its words, resolved against the meeting's own date
and the next meeting's date as the papers give them — never against today.

A deadline is fixed only when the words fix it: a dated deadline ("by 30 June", "with effect
from 1 February 2013", "the next Events Group meeting, 24th August"), a month ("by the end of
March", "in June"), or this body's next meeting when its date is printed ("to the next
meeting", "the June agenda" when the next meeting is in June). Anything else keeps its words
in `text` and, where a clerk would want to check, says why in `doubt` (a flag downstream).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Block, Table

from ..document.dates import _MONTH, DAY_MONTH, find_dates, month_end, month_number, on_or_after
from ..document.parts import Part
from ..vocab import load_vocab


@dataclass(frozen=True)
class Due:
    date: dt.date | None = None
    text: str | None = None  # the deadline as written
    doubt: str | None = None  # a deadline was seen but could not be fixed: why


@dataclass(frozen=True)
class Calendar:
    """The dates a deadline can be resolved against."""

    meeting: dt.date | None
    next_meeting: dt.date | None = None
    body: str | None = None  # "Parish Council": its words still mean this body's meeting
    schedule: tuple[dt.date, ...] = ()  # later meetings the papers print ("Future meetings: …")


@lru_cache(maxsize=1)
def _rx() -> dict:
    raw = load_vocab(__package__, "due.json")
    return {
        "lead": re.compile(rf"(?i)\b{raw['date_lead']}\s+(?:the\s+)?(?:\w+day,?\s+)?"
                           r"(?:\d{1,2}[:.]\d{2}(?:\s*+(?:am|pm))?,?\s+)?$"),
        "after_meeting": re.compile(r"(?i)\bmeeting,?\s+(?:on\s+)?(?:\w+day,?\s+)?$"),
        "then_meeting": re.compile(r"(?i)^,?\s+meeting\b"),
        "body_words": frozenset(raw["this_body_words"]),
        "vague": re.compile(raw["vague_meeting"], re.IGNORECASE),
        "relative": re.compile(raw["relative"], re.IGNORECASE),
        "month_meeting": re.compile(raw["month_meeting"].replace("{month}", _MONTH), re.IGNORECASE),
        "next": re.compile(r"(?i)\b(?:(?:at|for|to|by|before|until|in\s+time\s+for|on)\s+)"
                           r"(?:the\s+|our\s+)?(?:next|following)\s+"
                           r"(?P<words>(?:[\w&'’-]+\s+){0,4}?)meeting\b"),
        "month": re.compile(rf"(?i)\b(?P<lead>(?:by\s+)?(?:the\s+)?end\s+of|by|before|until)\s+"
                            rf"{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b"),
    }


def due_in(text: str, cal: Calendar) -> Due:
    """The deadline an action's words set, if any."""
    rx = _rx()
    dated = _dated(text, cal)
    if dated:
        return dated
    m = rx["month_meeting"].search(text)
    if m:
        month = month_number(m.group("m1") or m.group("m2"))
        if cal.next_meeting and cal.next_meeting.month == month:
            return Due(cal.next_meeting, m.group(0).strip())
        listed = [d for d in cal.schedule if d.month == month]
        if listed:  # "to the Board's meeting in March": the March date of the printed schedule
            return Due(min(listed), m.group(0).strip())
        return Due(None, m.group(0).strip(), "the meeting named is not dated in the papers")
    m = rx["vague"].search(text)
    if m:
        return Due(None, m.group(0).strip(), "no date is set for that meeting")
    m = rx["next"].search(text)
    if m:
        phrase = m.group(0).strip()
        if not _this_body(m.group("words"), cal.body):
            return Due(None, phrase, "another meeting, whose date the papers do not give")
        if cal.next_meeting:
            return Due(cal.next_meeting, phrase)
        return Due(None, phrase, "the next meeting's date is not in the papers")
    m = rx["month"].search(text)
    if m:
        return Due(_month_deadline(m, cal.meeting), m.group(0).strip())
    m = rx["relative"].search(text)
    if m:
        return Due(None, m.group(0).strip())
    return Due()


def due_cell(text: str, cal: Calendar) -> Due:
    """A table's "By when" cell: the whole cell is the deadline ("30/06/2025", "March",
    "Next meeting")."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return Due()
    found = find_dates(text)
    if found:
        return Due(found[0].date, text)
    m = DAY_MONTH.search(text)
    if m:
        return Due(on_or_after(cal.meeting, month_number(m.group(2)), int(m.group(1))), text)
    inner = due_in(f"by {text}", cal)  # the column heading says "by when"
    return Due(inner.date, text, inner.doubt)


def _dated(text: str, cal: Calendar) -> Due | None:
    """A date in the words that reads as a deadline: after a deadline word or time, or naming
    a meeting ("the April 14, 2015 meeting", "the next Events Group meeting, 24th August")."""
    rx = _rx()
    spans: list[tuple[int, int, dt.date]] = [(d.start, d.end, d.date) for d in find_dates(text)]
    for m in DAY_MONTH.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        d = on_or_after(cal.meeting, month_number(m.group(2)), int(m.group(1)))
        if d:
            spans.append((m.start(), m.end(), d))
    for start, end, date in sorted(spans):
        if cal.meeting and date < cal.meeting:
            continue  # history, not a deadline
        before, after = text[max(0, start - 40):start], text[end:end + 12]
        if rx["lead"].search(before) or rx["after_meeting"].search(before) \
                or rx["then_meeting"].match(after):
            lead = rx["lead"].search(before) or rx["after_meeting"].search(before)
            written = (lead.group(0) if lead else "") + text[start:end]
            return Due(date, written.strip(" ,"))
    return None


def _this_body(words: str, body: str | None) -> bool:
    """'the next meeting', 'the next Board meeting': this body's; 'the next Finance & Audit
    meeting': another's."""
    own = _rx()["body_words"] | set(re.findall(r"[a-z]+", (body or "").lower()))
    return all(w in own for w in re.findall(r"[a-z&]+", words.lower()))


def _month_deadline(m: re.Match, meeting: dt.date | None) -> dt.date | None:
    return _month_deadline_parts(m.group(2), m.group("year"), meeting, m.group("lead"))


def _month_deadline_parts(month_name: str, year: str | None, meeting: dt.date | None,
                          lead: str) -> dt.date | None:
    """"by/end of/in March" → the last day of March; "before March" → the last day of
    February; the first such month on or after the meeting when no year is printed."""
    month = month_number(month_name)
    if year:
        y = int(year)
    elif meeting:
        y = meeting.year if month >= meeting.month else meeting.year + 1
    else:
        return None
    if lead.lower().strip() == "before":
        return dt.date(y, month, 1) - dt.timedelta(days=1)
    return month_end(y, month)


# --- the next meeting's date ---------------------------------------------------------------

NEXT_MEETING_HEAD = re.compile(r"(?i)\b(?:date|time)s?\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?next\s+"
                               r"meetings?\b|^\s*(?:\d+[./]?\s*)?next\s+meetings?\b|"
                               r"\bnext\s+meeting:?\s+(?:to\s+be\s+|will\s+be\s+)?held\b")
NEXT_WORDING = re.compile(r"(?i)next\s+meeting")
FUTURE_HEAD = re.compile(r"(?i)\b(?:future|forthcoming|remaining|scheduled)\s+meetings?\b|"
                         r"\bmeetings?\s+schedule\b|\bschedule\s+of\s+meetings\b")
OTHER_EVENT = re.compile(r"(?i)\b(?:away\s+day|agm|annual\s+general|planning|training|"
                         r"workshop|sub-?committee|working\s+group)\b")


def next_meeting_in(part: Part, after: dt.date | None) -> dt.date | None:
    """The next meeting's date from a "Date of next meeting" passage (a block or a table
    cell), with or without a year: the line that names a meeting wins over other events
    listed with it ("Board Away Day 18th February / Board Meeting 26th February")."""
    if after is None:
        return None
    texts: list[str] = []
    for it in part.items:
        if isinstance(it, Block):
            texts.append(it.text)
        elif isinstance(it, Table):
            texts += [c.text for row in it.rows for c in row if c.text.strip()]
    for i, text in enumerate(texts):
        # every wording of the heading holds "next meeting": a text without it has no such line
        if not NEXT_WORDING.search(text) or \
                not any(NEXT_MEETING_HEAD.search(line) for line in text.split("\n")):
            continue
        lines = [ln for t in texts[i:i + 3] for ln in t.split("\n")]
        dated = [(ln, d) for ln in lines for d in _line_dates(ln, after) if d > after]
        for ln, d in dated:
            if re.search(r"(?i)\bmeeting\b", ln) and not OTHER_EVENT.search(ln):
                return d
        for ln, d in dated:
            if not OTHER_EVENT.search(ln):
                return d
    return None


def schedule_in(part: Part, after: dt.date | None) -> tuple[dt.date, ...]:
    """Later meetings the papers print under a "Dates of future meetings" / "Next meetings"
    heading: every date after the meeting on the lines that follow it."""
    if after is None:
        return ()
    texts = [it.text for it in part.items if isinstance(it, Block)] + [
        c.text for it in part.items if isinstance(it, Table) for row in it.rows for c in row]
    found: set[dt.date] = set()
    for i, text in enumerate(texts):
        if not (NEXT_MEETING_HEAD.search(text) or FUTURE_HEAD.search(text)):
            continue
        for ln in (ln for t in texts[i:i + 4] for ln in t.split("\n")):
            if not OTHER_EVENT.search(ln):
                found |= {d for d in _line_dates(ln, after) if d > after}
    return tuple(sorted(found))


def _line_dates(line: str, after: dt.date) -> list[dt.date]:
    found = [d.date for d in find_dates(line)]
    if found:
        return found
    out = []
    for m in DAY_MONTH.finditer(line):
        d = on_or_after(after, month_number(m.group(2)), int(m.group(1)))
        if d:
            out.append(d)
    return out

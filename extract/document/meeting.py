"""Meeting metadata from the top of a part: body, organisation, date, venue, start time,
and the date of the next meeting (for "by the next meeting" deadlines).

Each field is read from the header lines in order of how clearly they say it: a template's
labelled row ("Title of Meeting: Suffolk Libraries IPS - Board Meeting", "Venue: …",
"Time: 19:15"), then the minutes' own sentence ("Minutes of a meeting of the County Council
held in the Council Chamber … on …"), then a title line ("CORPORATE PARENTING PANEL – 29
October 2024"). Vocabulary lives in meeting.json.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Meeting
from ..vocab import load_vocab
from .dates import NUMERIC as NUMERIC_DATE
from .dates import find_dates
from .parts import Part

NEXT_MEETING = re.compile(r"(?i)(date|time)s?\s+(and\s+time\s+)?of\s+(the\s+)?next\s+meetings?"
                          r"|next\s+meeting\s+(will\s+be|is|to\s+be)")
HEAD_CHARS = 1500
NAME_WORD = r"[A-Za-z][\w'’&,.-]*"
NOT_NAME = r"(?!(?:meeting|minutes|agenda|held|notes|last|previous|next|this)\b)"
# words that open a heading but are no part of a council's name ("MINUTES OF THE …", "Dear")
NOT_ORG = r"(?!(?i:minutes|meeting|agenda|notes|of|the|annual|extraordinary|dear|draft)\b)"


# "The Friends of Halesworth County Library": capitalised words and the small words between
ORG_WORDS = r"(?-i:(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|the|for|&)){0,10})"


@dataclass(frozen=True)
class _Patterns:
    org: re.Pattern
    org_line: re.Pattern
    body_of: re.Pattern  # "meeting of the County Council", "Minutes of Trustees of The Friends …"
    body_line: re.Pattern
    title_row: re.Pattern
    venue_row: re.Pattern
    time_row: re.Pattern
    venue_words: re.Pattern
    time_cue: re.Pattern
    small: frozenset[str]
    other_date: re.Pattern  # "REVISED 4/23/19", "the previous meeting on …": not this meeting


@lru_cache(maxsize=1)
def _p() -> _Patterns:
    raw = load_vocab(__package__, "meeting.json")
    body, kinds = raw["body_words"], raw["org_kinds"]
    return _Patterns(
        org=re.compile(rf"\b((?:{NOT_ORG}[A-Z][\w'’&-]+[ \t]+){{1,4}}(?i:{kinds})"
                       rf"|(?i:{raw['org_of']})[ \t]+(?i:of)[ \t]+[A-Z][\w'’-]+)\b"),
        org_line=re.compile(r"^\s*((?:[A-Z][\w'’&-]+\s+){1,3}Council)\s*$"),
        body_of=re.compile(rf"(?i)(?:meeting|minutes)\s+of\s+(?:the\s+|a\s+)?"
                           rf"((?:{NOT_NAME}{NAME_WORD}\s+){{0,6}}?(?:{body}))\b"
                           rf"(?:[ \t]+of[ \t]+(?P<org>{ORG_WORDS})[ \t]*$)?", re.MULTILINE),
        body_line=re.compile(rf"(?i)^\s*((?:{NOT_NAME}{NAME_WORD}\s+){{0,6}}(?:{body}))\s*+"
                             rf"(\([^)]{{1,40}}\))?\s*+(?:(?:meeting\s+)?minutes|meeting|agenda)?"
                             rf"\s*+(?:[-–—,:]\s*+.*)?$"),
        title_row=re.compile(raw["title_row"], re.IGNORECASE | re.MULTILINE),
        venue_row=re.compile(raw["venue_row"], re.IGNORECASE | re.MULTILINE),
        time_row=re.compile(raw["time_row"], re.IGNORECASE | re.MULTILINE),
        venue_words=re.compile(rf"\b(?:{raw['venue_words']})\b", re.IGNORECASE),
        time_cue=re.compile(raw["time_cue"], re.IGNORECASE),
        small=frozenset(raw["small_words"]),
        other_date=re.compile(rf"(?i)(?:{raw['other_date_cues']})[^\n]{{0,60}}$"),
    )


def describe(part: Part, record: str) -> Meeting:
    head = part.text(HEAD_CHARS)
    meeting = Meeting(record=record, pages=part.pages)  # type: ignore[arg-type]
    meeting.date = _meeting_date(head, record)
    title_org, title_body = _title_row(head)
    meeting.organisation = title_org or _organisation(head)
    meeting.body = title_body or _body(head, meeting.organisation, record)
    meeting.start_time = start_time(_title_area(head, TIME_LINES))
    meeting.venue = venue(head)
    meeting.next_meeting = next_meeting_date(part, meeting.date)
    return meeting


def share_organisation(meetings: list[Meeting]) -> None:
    """Minutes reproduced in a pack often leave out the council's name its front sheet
    gives: a meeting without one takes the file's (when the file names only one)."""
    named = {m.organisation for m in meetings if m.organisation}
    if len(named) == 1:
        org = named.pop()
        for m in meetings:
            m.organisation = m.organisation or org


# "the minutes of the meeting held on 5 May were approved" names another meeting, unless the
# words open the title lines ("Minutes of WLUG AGM 2019 - 25 November 2019")
OTHER_MINUTES = re.compile(r"(?i)minutes\s+of[^\n]{0,60}$")
IS_THIS_MEETING = re.compile(r"(?i)(held|meeting|minutes|agenda|on|date)\b[^\n]{0,40}$")


def _meeting_date(head: str, record: str) -> dt.date | None:
    """The meeting's own date: early in the header, ideally in the title lines or after "held
    on"/"meeting", and not a reference to another meeting or a letter's date."""
    best: tuple[float, dt.date] | None = None
    title_end = len(_title_area(head))
    for n, d in enumerate(find_dates(head)):
        before = head[max(0, d.start - 80):d.start]
        line_start = head.rfind("\n", 0, d.start) + 1
        score = -n * 0.5 - d.start / 1500
        in_title = d.start < title_end
        if _p().other_date.search(before) or (OTHER_MINUTES.search(before) and not in_title):
            score -= 3
        elif in_title:
            score += 1  # above the attendance list and the first item
        if IS_THIS_MEETING.search(before):
            score += 1
        if head[line_start:d.start].strip() == "" or head[line_start:d.end].isupper():
            score += 0.5  # the date opens its line, or sits in an upper-case title
        if NUMERIC_DATE.fullmatch(d.text):
            score -= 0.5  # "4/23/19" is a stamp more often than a title's written-out date
        if best is None or score > best[0]:
            best = (score, d.date)
    return best[1] if best else None


# --- who met --------------------------------------------------------------------------------

def _title_row(head: str) -> tuple[str | None, str | None]:
    """ "Title of Meeting<TAB>Suffolk Libraries IPS - Board Meeting" -> (org, body)."""
    m = _p().title_row.search(head)
    if not m:
        return None, None
    value = re.sub(r"(?i)\s+meeting\s*$", "", m.group("value").strip())
    parts = re.split(r"\s+[-–—]\s+", value, maxsplit=1)
    if len(parts) == 2:
        return _tidy(parts[0]), _tidy(parts[1])
    return None, _tidy(value)


def _organisation(head: str) -> str | None:
    p = _p()
    for m in p.body_of.finditer(_title_area(head)):
        if m.group("org"):  # "Minutes of Trustees of The Friends of Halesworth County Library"
            return _tidy(m.group("org"))
    named = p.org.search(head)
    if named:
        return _tidy(named.group(1))
    for line in head.split("\n")[:8]:
        first = line.strip()
        alone = p.org_line.match(first)
        if alone and not re.fullmatch(
                r"(?i)(?:county|district|borough|city|parish|town)\s+council", first):
            return _tidy(alone.group(1))  # "Merton Council" on a line of its own
    return None


TITLE_LINES = 12
TIME_LINES = 20  # "Time: 19:15" may sit below a membership list
TITLE_END = re.compile(r"(?i)^\s*(?:members\s+)?(?:present|attendance|attendees|in\s+attendance"
                       r"|apologies)\b|^\s*\d{1,3}(?:[.)\t]|\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug"
                       r"|sep|oct|nov|dec))[a-z])")  # an item, not a date line


def _title_area(head: str, max_lines: int = TITLE_LINES) -> str:
    """The header lines above the attendance list or the first item: where the minutes name
    the body that met (below, "the minutes of the parish council meeting held on …" is
    another meeting)."""
    out: list[str] = []
    for line in head.split("\n")[:max_lines]:
        if out and TITLE_END.match(line):
            break
        out.append(line)
    return "\n".join(out)


def _body(head: str, organisation: str | None, record: str) -> str | None:
    """The body named earliest in the title lines: "… meeting of the County Council held …",
    or a title line ("CORPORATE PARENTING PANEL – 29 October 2024", "BOARD MEETING
    MINUTES"); a name that is the organisation's own is passed over for a committee's."""
    p = _p()
    title = _title_area(head)
    found: list[tuple[int, str]] = []
    found = [(m.start(), _tidy(m.group(1))) for m in p.body_of.finditer(title)]
    offset = 0
    for line in title.split("\n"):
        titled = p.body_line.match(line.strip())
        if titled:
            found.append((offset, _tidy(titled.group(1) + (f" {titled.group(2)}"
                                                            if titled.group(2) else ""))))
        offset += len(line) + 1
    for _, body in sorted(found, key=lambda f: f[0]):
        if not _same(body, organisation):
            return body
    # a parish council meets as itself; a stand-alone report names no body
    return organisation if record == "minutes" else None


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and _norm(a) == _norm(b))


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower().replace("’s", "").replace("'s", "")).strip()


def _tidy(text: str) -> str:
    """Spaces collapsed; an upper-case title in title case with its small words lower."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    if not text.isupper() or (" " not in text and len(text) <= 4):
        return text  # mixed case as printed; "AGM", "IPS" stay capitals
    small = _p().small
    words = text.title().split(" ")
    return " ".join(w.lower() if n and w.lower() in small else w for n, w in enumerate(words))


# --- where and when -------------------------------------------------------------------------

TIME_AMPM = re.compile(r"(?i)\b(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))")
TIME_BARE = re.compile(r"(?<![\d.])([01]?\d|2[0-3])([.:])([0-5]\d)(?![.\d])")


def start_time(head: str) -> str | None:
    """The first time with am/pm, or a 24-hour time after a cue ("Time: 19:15", "at 19.30",
    "(19:15 TO 19:25 …)"); never a bare number such as an item code ("16.07")."""
    p = _p()
    row = p.time_row.search(head)
    candidates: list[tuple[int, str]] = []
    for m in TIME_AMPM.finditer(head):
        candidates.append((m.start(), m.group(1)))
    for m in TIME_BARE.finditer(head):
        cued = p.time_cue.search(head[max(0, m.start() - 20):m.start()])
        in_row = row is not None and row.start("value") <= m.start() < row.end("value")
        if cued or in_row:
            candidates.append((m.start(), m.group(0)))
    # the earliest; where "6.00 pm" and "6.00" start together, the one with its am/pm
    return min(candidates, key=lambda c: (c[0], -len(c[1])))[1].strip() if candidates else None


VENUE_LINES = 12  # the header: a place named in the minutes' text is not where they met
HELD_IN = re.compile(r"\b(?:(?i:held)\s+)?(?i:in|at)\s+(?:(?i:the)\s+)?(?=[A-Z])")


def venue(head: str) -> str | None:
    """ "Venue: …" / "Place<TAB>…", else the place after "held in/at", carried over a
    wrapped line, up to the date ("… County Hall, Maidstone on Thursday, 13 March 2025")."""
    p = _p()
    row = p.venue_row.search(head)
    if row:
        return _tidy(row.group("value"))
    lines = head.split("\n")[:VENUE_LINES]
    for n, line in enumerate(lines):
        for m in HELD_IN.finditer(line):
            text = line[m.end():]
            if n + 1 < len(lines) and _wraps(text, lines[n + 1]):
                text = f"{text} {lines[n + 1].strip()}"
            place = _place(text)
            if place and p.venue_words.search(place):
                return _tidy(place)
    return None


def _wraps(text: str, following: str) -> bool:
    """The place runs on to the next line: no full stop yet, and the next line is not a
    labelled field ("Contact: …", "PRESENT: …") or a date."""
    nxt = following.strip()
    return bool(nxt) and not text.rstrip().endswith(".") and \
        not re.match(r"^[\w /]{1,25}[:;]", nxt) and not find_dates(nxt[:40])


def _place(text: str) -> str | None:
    """The place up to the date, the time or the end of the sentence."""
    cut = re.split(r"(?i)(?<!\s)\s+on\s+(?=\w)|(?<!\s)\s+at\s+\d|(?:,|(?<!\s))\s+commencing\b"
                   r"|\.\s|\.$|\s{3,}", text)[0]
    cut = cut.strip(" ,.;")
    return cut if 3 <= len(cut) <= 160 else None


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

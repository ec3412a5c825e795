"""The registers a clerk keeps: the decisions of each meeting, and who attended, sent
apologies or was absent, meeting by meeting and member by member over time.

Small frozen dataclasses out, never ORM rows; filters are bound parameters; id lists are
chunked (`queries._chunks`). Only what the store holds is reported: a resolution is its
agenda item and wording (no vote or outcome is stored), attendance is the lists as read.

Membership is not stored (papers print who came, not who belongs), so "absent" is
inferred conservatively: a person is a member of a body from the first to the last meeting
at which they were present as a member (or co-opted member) or sent apologies, and absent
from a meeting of that span with an attendance list that neither lists them nor records
their apologies. Someone only ever present as an officer, substitute or other attendee is
not a member, even on the days they sent apologies; someone never present at all but
sending apologies is. Someone who left the body is never counted absent after they left; the
cost is that absences after a member's last appearance are not seen either.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from . import schema as db
from .owner_lookup import body_ids
from .queries import _chunks

MEMBERS = ("member", "co-opted")  # attendance categories that make a person a member


@dataclass(frozen=True)
class DecisionView:
    """One resolution, where it was made and where it was read."""

    id: int
    body: str
    meeting_date: dt.date | None
    record: str  # minutes / agenda
    item: str | None  # the agenda item number, as the paper gave it ("5", "6a")
    item_title: str | None  # that item's title on the meeting's agenda, when stored
    text: str
    source_file: str
    source_page: int | None


@dataclass(frozen=True)
class Attendee:
    name: str
    category: str  # member / substitute / co-opted / officer / other / public
    role: str | None  # "Chair", as written
    substitute_for: str | None


@dataclass(frozen=True)
class MeetingAttendance:
    """Who was at one meeting, who sent apologies, and which members were absent."""

    meeting_id: int
    body: str
    meeting_date: dt.date | None
    record: str
    present: tuple[Attendee, ...]  # in the paper's order
    apologies: tuple[str, ...]
    absent: tuple[str, ...]  # members (see the module's note) neither present nor apologised

    def named(self, *categories: str) -> tuple[Attendee, ...]:
        return tuple(a for a in self.present if a.category in categories)


@dataclass(frozen=True)
class MemberAttendance:
    """One member's record over the meetings held while they were a member."""

    person_id: int
    body: str
    name: str
    first_on: dt.date  # first and last meeting as a member (see the module's note)
    last_on: dt.date
    held: int  # meetings of the body with an attendance list in that span (and range)
    attended: int
    apologies: int
    absent: int

    @property
    def percent(self) -> int | None:
        """Meetings attended out of those held, rounded; None when none were held."""
        return round(100 * self.attended / self.held) if self.held else None


def _in_range(query: Select, column, since: dt.date | None, until: dt.date | None
              ) -> Select:
    if since is not None:
        query = query.where(column >= since)
    if until is not None:
        query = query.where(column <= until)
    return query


def decisions(session: Session, *, body: str | None = None, since: dt.date | None = None,
              until: dt.date | None = None) -> list[DecisionView]:
    """Every resolution (of the bodies `body` names, in the date range), by body, meeting
    date (undated last) and the order they were read."""
    r = db.Resolution
    query = (select(r.id, db.Body.name, db.Meeting.date, db.Meeting.record, r.item, r.text,
                    db.Document.file_name, r.page, r.meeting_id)
             .join(db.Meeting, r.meeting_id == db.Meeting.id)
             .join(db.Body, db.Meeting.body_id == db.Body.id)
             .join(db.Document, r.document_id == db.Document.id)
             .order_by(db.Body.name, db.Meeting.date.is_(None), db.Meeting.date,
                       db.Meeting.id, r.id))
    bodies = body_ids(session, body)
    if bodies is not None:
        query = query.where(db.Body.id.in_(bodies))
    rows = session.execute(_in_range(query, db.Meeting.date, since, until)).all()
    titles = _item_titles(session, sorted({row.meeting_id for row in rows}))
    return [DecisionView(rid, name, date, record, item,
                         titles.get((meeting_id, item)) if item else None, text, file, page)
            for rid, name, date, record, item, text, file, page, meeting_id in rows]


def _item_titles(session: Session, meeting_ids: list[int]) -> dict[tuple[int, str], str]:
    """Each meeting's agenda item titles by number (the first read, if a number repeats)."""
    out: dict[tuple[int, str], str] = {}
    for ids in _chunks(meeting_ids):
        for meeting_id, number, title in session.execute(
                select(db.AgendaItem.meeting_id, db.AgendaItem.number, db.AgendaItem.title)
                .where(db.AgendaItem.meeting_id.in_(ids)).order_by(db.AgendaItem.id)):
            out.setdefault((meeting_id, number), title)
    return out


@dataclass
class _Lists:
    """What the store holds for the meetings that have an attendance list."""

    meetings: list[tuple[int, str, int, dt.date | None, str]]  # id, body, body id, date, rec
    present: dict[int, list[tuple[int, Attendee]]]  # meeting -> (person id, attendee)
    apologies: dict[int, list[tuple[int, str]]]  # meeting -> (person id, name)


def _lists(session: Session, body: str | None) -> _Lists:
    """Every meeting of the bodies `body` names that recorded attendance or apologies,
    with its lists: all of their history, since membership spans need it."""
    listed = or_(db.Meeting.id.in_(select(db.Attendance.meeting_id)),
                 db.Meeting.id.in_(select(db.Apology.meeting_id)))
    query = (select(db.Meeting.id, db.Body.name, db.Body.id, db.Meeting.date,
                    db.Meeting.record)
             .join(db.Body, db.Meeting.body_id == db.Body.id).where(listed)
             .order_by(db.Body.name, db.Meeting.date.is_(None), db.Meeting.date,
                       db.Meeting.id))
    bodies = body_ids(session, body)
    if bodies is not None:
        query = query.where(db.Body.id.in_(bodies))
    meetings = [tuple(row) for row in session.execute(query).all()]
    present: dict[int, list[tuple[int, Attendee]]] = defaultdict(list)
    apologies: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for ids in _chunks([m[0] for m in meetings]):
        a = db.Attendance
        for meeting_id, person_id, name, category, role, sub in session.execute(
                select(a.meeting_id, a.person_id, db.Person.name, a.category, a.role,
                       a.substitute_for)
                .join(db.Person, a.person_id == db.Person.id)
                .where(a.meeting_id.in_(ids)).order_by(a.meeting_id, a.id)):
            present[meeting_id].append((person_id, Attendee(name, category, role, sub)))
        for meeting_id, person_id, name in session.execute(
                select(db.Apology.meeting_id, db.Apology.person_id, db.Person.name)
                .join(db.Person, db.Apology.person_id == db.Person.id)
                .where(db.Apology.meeting_id.in_(ids))
                .order_by(db.Apology.meeting_id, db.Apology.id)):
            apologies[meeting_id].append((person_id, name))
    return _Lists(meetings, present, apologies)  # type: ignore[arg-type]


def _spans(lists: _Lists) -> dict[int, tuple[int, str, dt.date, dt.date]]:
    """person id -> (body id, name, first, last dated meeting as a member)."""
    present_as: dict[int, set[str]] = defaultdict(set)  # person id -> categories
    for people in lists.present.values():
        for person_id, a in people:
            present_as[person_id].add(a.category)
    spans: dict[int, tuple[int, str, dt.date, dt.date]] = {}
    for meeting_id, _, body_id, date, _ in lists.meetings:
        if date is None:
            continue
        names = [(p, a.name) for p, a in lists.present[meeting_id] if a.category in MEMBERS]
        names += [(p, n) for p, n in lists.apologies[meeting_id]
                  if not present_as[p] or present_as[p] & set(MEMBERS)]
        for person_id, name in names:
            _, _, first, last = spans.get(person_id, (body_id, name, date, date))
            spans[person_id] = (body_id, name, min(first, date), max(last, date))
    return spans


def _absent(lists: _Lists, spans: dict[int, tuple[int, str, dt.date, dt.date]]
            ) -> dict[int, list[str]]:
    """meeting id -> the members absent from it (by name)."""
    by_body: dict[int, list[tuple[int, str, dt.date, dt.date]]] = defaultdict(list)
    for person_id, (body_id, name, first, last) in spans.items():
        by_body[body_id].append((person_id, name, first, last))
    out: dict[int, list[str]] = {}
    for meeting_id, _, body_id, date, _ in lists.meetings:
        if date is None:
            continue
        there = {p for p, _ in lists.present[meeting_id]}
        there |= {p for p, _ in lists.apologies[meeting_id]}
        out[meeting_id] = sorted(name for p, name, first, last in by_body[body_id]
                                 if first <= date <= last and p not in there)
    return out


def _within(date: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    if date is None:
        return since is None and until is None
    return (since is None or date >= since) and (until is None or date <= until)


def attendance_by_meeting(session: Session, *, body: str | None = None,
                          since: dt.date | None = None, until: dt.date | None = None
                          ) -> list[MeetingAttendance]:
    """Each meeting with an attendance list (of the bodies `body` names, in the range):
    present, apologies and absent members, by body then date (undated last)."""
    lists = _lists(session, body)
    absent = _absent(lists, _spans(lists))
    return [MeetingAttendance(
                meeting_id, name, date, record,
                tuple(a for _, a in lists.present[meeting_id]),
                tuple(n for _, n in lists.apologies[meeting_id]),
                tuple(absent.get(meeting_id, ())))
            for meeting_id, name, _, date, record in lists.meetings
            if _within(date, since, until)]


def attendance_by_member(session: Session, *, body: str | None = None,
                         since: dt.date | None = None, until: dt.date | None = None
                         ) -> list[MemberAttendance]:
    """Each member's meetings attended, apologies and absences out of the meetings held
    (with an attendance list, dated, in the range) while they were a member; by body then
    name. Meetings on the same date (the minutes and an agenda pack's copy) count once."""
    lists = _lists(session, body)
    spans = _spans(lists)
    names = {m[2]: m[1] for m in lists.meetings}
    dates: dict[int, set[dt.date]] = defaultdict(set)  # body id -> meeting dates listed
    came: dict[int, set[dt.date]] = defaultdict(set)  # person id -> dates present
    sorry: dict[int, set[dt.date]] = defaultdict(set)  # person id -> dates with apologies
    for meeting_id, _, body_id, date, _ in lists.meetings:
        if date is None or not _within(date, since, until):
            continue
        dates[body_id].add(date)
        for person_id, _ in lists.present[meeting_id]:
            came[person_id].add(date)
        for person_id, _ in lists.apologies[meeting_id]:
            sorry[person_id].add(date)
    out = []
    for person_id, (body_id, name, first, last) in spans.items():
        held = {d for d in dates[body_id] if first <= d <= last}
        if not held:
            continue
        attended = came[person_id] & held
        apologised = (sorry[person_id] & held) - attended
        out.append(MemberAttendance(person_id, names[body_id], name, first, last, len(held),
                                    len(attended), len(apologised),
                                    len(held - attended - apologised)))
    return sorted(out, key=lambda m: (m.body.lower(), m.name.lower(), m.person_id))


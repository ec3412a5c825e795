"""Find or add the body and meeting an extracted meeting belongs to, and save its facts.

A meeting's identity is body + date + record: the minutes file and the same minutes
reproduced in the next agenda pack are one meeting, which gains a second source.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from extract import model as rec

from . import schema as db
from .facts import MeetingContext, Seen, save_attendance, save_business
from .mapping import Problem, Where, meeting_record_kind
from .names import collapse, name_key
from .people import PersonResolver
from .results import SaveResult, add_flag


def find_or_add_body(session: Session, file: str, m: rec.Meeting
                     ) -> tuple[db.Body, list[Problem]]:
    """The body (and organisation) a meeting belongs to, added if new; matched on the
    name with case and spacing ignored."""
    problems: list[Problem] = []
    org: db.Organisation | None = None
    if m.organisation and name_key(m.organisation):
        org_key = collapse(m.organisation).lower()
        org = session.scalar(select(db.Organisation).where(db.Organisation.name_key == org_key))
        if org is None:
            org = db.Organisation(name=collapse(m.organisation), name_key=org_key)
            session.add(org)
            session.flush()
    name = collapse(m.body or "")
    if not name:
        # Keep the meeting but do not pool its people with any other unnamed body's.
        name = f"(body not identified in {file})"
        problems.append(Problem("body-missing", f"{file}: a meeting's body was not found; "
                                "stored under a placeholder body for this file"))
    key = name.lower()
    org_id = org.id if org is not None else None
    body = session.scalar(select(db.Body).where(
        db.Body.name_key == key,
        db.Body.organisation_id == org_id if org_id is not None
        else db.Body.organisation_id.is_(None),
    ))
    if body is None:
        body = db.Body(organisation_id=org_id, name=name, name_key=key)
        session.add(body)
        session.flush()
    return body, problems


def find_or_add_meeting(session: Session, body: db.Body, m: rec.Meeting, record: str
                        ) -> tuple[db.Meeting, bool]:
    """The stored meeting for body + date + record, or a new one. Undated meetings cannot
    be recognised again, so each gets its own row."""
    if m.date is not None:
        found = session.scalar(select(db.Meeting).where(
            db.Meeting.body_id == body.id, db.Meeting.date == m.date,
            db.Meeting.record == record))
        if found is not None:
            found.venue = found.venue or m.venue
            found.start_time = found.start_time or m.start_time
            return found, False
    meeting = db.Meeting(body_id=body.id, date=m.date, record=record, venue=m.venue,
                         start_time=m.start_time)
    session.add(meeting)
    session.flush()
    return meeting, True


def save_meeting(session: Session, doc: db.Document, file: str, m: rec.Meeting,
                 result: SaveResult) -> db.Meeting:
    """Attach `m` (from `doc`) to its stored meeting, record the source, save its facts."""
    body, problems = find_or_add_body(session, file, m)
    record, more = meeting_record_kind(m)
    meeting, created = find_or_add_meeting(session, body, m, record)
    result.meetings += 1
    result.new_meetings += int(created)
    first_page, last_page = m.pages if m.pages else (None, None)
    session.add(db.MeetingSource(meeting_id=meeting.id, document_id=doc.id,
                                 first_page=first_page, last_page=last_page))
    at_meeting = Where(doc.id, first_page, None, None)
    for p in problems + more:
        add_flag(session, result, p, meeting.id, at_meeting)

    seen = Seen()
    if not created:
        seen.load(session, meeting.id)
    people = PersonResolver(session, body.id)
    ctx = MeetingContext(session, doc.id, meeting.id, people, seen, result)
    save_attendance(ctx, m)
    save_business(ctx, m)
    return meeting

"""Actions the clerk added: ones the extraction missed, recorded as `add_action`
corrections keyed like any action (body + meeting date + text, `keys.action_key`).

Applying one *materialises* it: an `actions` row with extractor "clerk", on the meeting of
that body and date, owners resolved to the body's people (aliases included), written again
after every save that drops it (a re-read, a re-issued version of the paper). We write a
row rather than teach each reader about added actions because everything downstream reads
`actions` already: the listing, the owner filter, the log, the carry-forward's threads
(`store.carry`), the other corrections (an added action can be corrected, dismissed,
undone like any other). The row hangs off one of the meeting's current sources (a fact
row needs a document); when the paper itself comes to hold the same words, its own row wins
and the clerk's is dropped, so the action is never listed twice.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import schema as db
from ..carry import refresh
from ..db import write_lock
from ..names import collapse
from .apply import Scope, actions_by_key, apply_corrections, set_if_changed, set_owners
from .keys import MAX_NAME, MAX_NOTE, MAX_TEXT, CorrectionError, action_key, bounded, \
    places_of, timestamp
from .record import OwnerResolved, resolve_owner

CLERK = "clerk"  # the extractor of an added action's row


@dataclass(frozen=True)
class ActionAdded:
    correction_id: int
    action_id: int | None  # the row made for it now
    body: str
    meeting_date: dt.date | None
    text: str
    owners: tuple[OwnerResolved, ...]
    due: dt.date | None


def add_action(session: Session, meeting_id: int, text: str, owners: Sequence[str] = (),
               due: dt.date | None = None, page: int | None = None, note: str | None = None,
               *, now: dt.datetime | None = None) -> ActionAdded:
    """Record an action the extraction missed on meeting `meeting_id`, materialise it, rebuild
    the body's threads, and commit. Refused (CorrectionError, nothing recorded) for an
    unknown meeting, empty or over-long words, an ambiguous owner, or words the meeting
    already has as an action."""
    words = bounded(collapse(text), MAX_TEXT, "action's text")
    note = bounded(note, MAX_NOTE, "note")
    names = [bounded(collapse(o), MAX_NAME, "owner") or "" for o in owners]
    if page is not None and page < 1:
        raise CorrectionError(f"--page is a page number from 1, not {page}")
    assert words is not None
    try:
        write_lock(session)
        if session.get(db.Meeting, meeting_id) is None:
            raise CorrectionError(f"there is no meeting {meeting_id}; `boardpapers review` "
                                  "and `boardpapers actions` show meetings' ids")
        place = places_of(session, [meeting_id])[meeting_id]
        key = action_key(place, words)
        there = actions_by_key(session, place.body_id, place.date).get(key)
        if there:
            raise CorrectionError(f"meeting {meeting_id} already has this action (action "
                                  f"{there[0].id}); `boardpapers correct {there[0].id}` "
                                  "changes it")
        resolved = tuple(resolve_owner(session, place.body_id, n) for n in names)
        detail = {"owners": names, "due": due.isoformat() if due else None, "page": page,
                  "record": place.record}
        row = db.Correction(kind="add_action", target_key=key, target=words,
                            body_id=place.body_id, meeting_date=place.date, value=words,
                            note=note, created_at=timestamp(now),
                            detail=json.dumps(detail, ensure_ascii=False))
        session.add(row)
        session.flush()
        apply_corrections(session, Scope(pairs={(place.body_id, place.date)}, bodies=set()))
        refresh(session, {place.body_id})
        body = session.get(db.Body, place.body_id)
        result = ActionAdded(row.id, row.action_id, body.name if body else "", place.date,
                             words, resolved, due)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def materialise(session: Session, body_id: int, date: dt.date | None,
                corrections: list[db.Correction]) -> None:
    """Make sure each added action of this body and date has its row (and only one): made
    when missing, dropped when the paper now has the words itself. Idempotent."""
    rows = actions_by_key(session, body_id, date)
    for c in corrections:
        found = rows.get(c.target_key, [])
        papers = [a for a in found if a.extractor != CLERK]
        mine = [a for a in found if a.extractor == CLERK]
        if papers:  # the paper has it now: its row is the action
            for a in mine:
                drop_row(session, a)
            set_if_changed(c, "action_id", papers[0].id)
            continue
        action = mine[0] if mine else _make_row(session, body_id, date, c)
        set_if_changed(c, "action_id", action.id if action else None)


def drop_row(session: Session, action: db.Action) -> None:
    for owner in session.scalars(select(db.ActionOwner).where(
            db.ActionOwner.action_id == action.id)):
        session.delete(owner)
    session.flush()
    session.delete(action)
    session.flush()


def _make_row(session: Session, body_id: int, date: dt.date | None, c: db.Correction
              ) -> db.Action | None:
    detail = json.loads(c.detail or "{}")
    on_date = db.Meeting.date.is_(None) if date is None else db.Meeting.date == date
    candidates = session.execute(
        select(db.Meeting.id, db.Meeting.record, db.MeetingSource.document_id)
        .join(db.MeetingSource, db.MeetingSource.meeting_id == db.Meeting.id)
        .where(db.Meeting.body_id == body_id, on_date,
               db.MeetingSource.superseded_by_source_id.is_(None))
        .order_by(db.Meeting.id, db.MeetingSource.id)).all()
    if not candidates:  # the meeting is gone: the correction waits, matching nothing
        return None
    # the meeting it was added to (minutes or agenda), else another record of that day
    meeting_id, _, document_id = next(
        (m for m in candidates if m.record == detail.get("record")), candidates[0])
    due = detail.get("due")
    names = list(detail.get("owners") or [])
    action = db.Action(meeting_id=meeting_id, text=c.value or c.target, item=None,
                       due=dt.date.fromisoformat(due) if due else None, due_text=None,
                       status="open", owner_text=", ".join(names) or None, key=c.target_key,
                       document_id=document_id, page=detail.get("page"), extractor=CLERK)
    session.add(action)
    session.flush()
    set_owners(session, action, body_id, names)
    return action

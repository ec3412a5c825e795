"""The action log read as a stream: `ActionView`s yielded a chunk of threads at a time,
each chunk with its owners and mentions, so a log of 100,000 actions is never held whole
(`queries.action_log` returns a list, for callers that want one).

First the matching thread ids, in log order (oldest raised first, undated last); then, per
chunk of ids, one query for the threads' columns (plain columns, not ORM objects: loading
objects costs several times the time), one for their owners and one for their mentions.
Filters are SQL with bound parameters: status, body, owner (as `actions --owner` reads
it), overdue, the raised-on range, and "at these meetings" (raised or mentioned there).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from . import schema as db
from .names import name_key
from .owner_lookup import body_ids
from .queries import ActionView, MentionView, StatusFilter, _owner_filter, _owners

CHUNK = 2000  # threads per round of queries: bounded memory, few round trips


@dataclass(frozen=True)
class LatestMeeting:
    body: str
    date: dt.date
    meeting_ids: tuple[int, ...]  # every record of that sitting (minutes, agenda)


class NotOneBody(ValueError):
    """--since-last-meeting needs one body; the message says how many matched."""


def latest_meeting(session: Session, body: str | None) -> LatestMeeting | None:
    """The latest dated sitting of the one body `body` names (None: the store's one body);
    None when it has no dated meeting. NotOneBody when the name fits none or several."""
    ids = body_ids(session, body)
    names = session.execute(select(db.Body.id, db.Body.name).where(db.Body.id.in_(ids))
                            if ids is not None else select(db.Body.id, db.Body.name)).all()
    if len(names) != 1:
        said = f"--body {body!r}" if body else "the store"
        which = "no body" if not names else f"{len(names)} bodies"
        raise NotOneBody(f"{said} names {which}; --since-last-meeting needs one body, so "
                         "give --body with a name that fits only it")
    [(body_id, name)] = names
    date = session.scalar(select(func.max(db.Meeting.date))
                          .where(db.Meeting.body_id == body_id))
    if date is None:
        return None
    meetings = session.scalars(select(db.Meeting.id).where(db.Meeting.body_id == body_id,
                                                           db.Meeting.date == date)).all()
    return LatestMeeting(name, date, tuple(meetings))


def iter_actions(session: Session, *, today: dt.date | None, status: StatusFilter = "all",
                 body: str | None = None, owner: str | None = None, overdue: bool = False,
                 raised_from: dt.date | None = None, raised_to: dt.date | None = None,
                 meetings: Sequence[int] | None = None, chunk: int = CHUNK
                 ) -> Iterator[ActionView]:
    """The log's actions, filtered, oldest raised first, `chunk` threads at a time.
    `meetings`: only actions raised at one of these meetings or mentioned at one."""
    for ids in _id_chunks(_thread_ids(session, today=today, status=status, body=body,
                                      owner=owner, overdue=overdue, raised_from=raised_from,
                                      raised_to=raised_to, meetings=meetings), chunk):
        yield from _views(session, ids, today)


def _thread_ids(session: Session, *, today: dt.date | None, status: StatusFilter,
                body: str | None, owner: str | None, overdue: bool,
                raised_from: dt.date | None, raised_to: dt.date | None,
                meetings: Sequence[int] | None) -> list[int]:
    t = db.ActionThread
    where: list[ColumnElement[bool]] = []
    if status != "all":
        where.append(t.status == status)
    if overdue:
        where += [t.status == "open", t.due < today]
    bodies = body_ids(session, body)
    if bodies is not None:
        where.append(t.body_id.in_(bodies))
    if owner and name_key(owner):
        where.append(_owner_filter(session, owner, bodies))
    if raised_from is not None:
        where.append(t.raised_on >= raised_from)
    if raised_to is not None:
        where.append(t.raised_on <= raised_to)
    if meetings is not None:
        h = db.ActionStatus
        where.append(or_(t.raised_meeting_id.in_(meetings),
                         t.id.in_(select(h.thread_id).where(h.meeting_id.in_(meetings)))))
    query = (select(t.id).where(*where)
             # Undated meetings last, portably (NULLS LAST is not SQLite-and-PostgreSQL alike).
             .order_by(t.raised_on.is_(None), t.raised_on, t.id))
    return list(session.scalars(query))


def _id_chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for n in range(0, len(ids), size):
        yield ids[n:n + size]


def _columns(ids: list[int]) -> Select[Any]:
    t, a = db.ActionThread, db.Action
    return (
        select(t.id, t.raised_action_id, t.ref, t.text, t.owner_action_id, db.Body.name,
               db.Organisation.name, t.raised_on, db.Meeting.record, a.item, t.due,
               t.due_text, t.status, t.status_note, db.Document.file_name, a.page, t.key,
               t.closed_on, t.closed_by, t.stale_since, a.extractor)
        .join(db.Body, t.body_id == db.Body.id)
        .outerjoin(db.Organisation, db.Body.organisation_id == db.Organisation.id)
        .outerjoin(a, t.raised_action_id == a.id)
        .outerjoin(db.Meeting, t.raised_meeting_id == db.Meeting.id)
        .outerjoin(db.Document, a.document_id == db.Document.id)
        .where(t.id.in_(ids)))


def _views(session: Session, ids: list[int], today: dt.date | None) -> Iterator[ActionView]:
    rows = {r[0]: r for r in session.execute(_columns(ids))}
    owners = _owners(session, [r[4] for r in rows.values() if r[4]])
    mentions, updates = _mentions(session, ids)
    for thread_id in ids:  # the log's order
        (_, raised_id, ref, text, owner_id, body, org, raised_on, record, item, due,
         due_text, status, note, file, page, key, closed_on, closed_by, stale_since,
         extractor) = rows[thread_id]
        named = owners.get(owner_id or 0, ())
        end = closed_on if status == "closed" else today
        yield ActionView(
            id=raised_id or 0, ref=ref, text=text,
            owners=tuple(name for name, _ in named),
            unmatched_owners=tuple(name for name, matched in named if not matched),
            body=body, organisation=org, meeting_date=raised_on, record=record or "",
            item=item, due=due, due_text=due_text, status=status, status_text=note,
            update=updates.get(thread_id),
            age_days=(end - raised_on).days if end and raised_on else None,
            source_file=file or "", source_page=page, thread_id=thread_id, key=key,
            closed_on=closed_on, closed_by=closed_by,
            overdue=bool(status == "open" and due and today and due < today),
            stale_since=stale_since, mentions=mentions.get(thread_id, ()),
            added_by_clerk=extractor == "clerk")


def _mentions(session: Session, ids: list[int]
              ) -> tuple[dict[int, tuple[MentionView, ...]], dict[int, str]]:
    """Each thread's later mentions, and the latest words an action row gave on it (as
    `queries._mentions`, read as columns)."""
    h = db.ActionStatus
    mentions: dict[int, list[MentionView]] = {}
    updates: dict[int, str] = {}
    for thread_id, kind, note, date, status, page, record, file in session.execute(
            select(h.thread_id, h.kind, h.note, h.date, h.status, h.page, db.Meeting.record,
                   db.Document.file_name)
            .outerjoin(db.Meeting, h.meeting_id == db.Meeting.id)
            .join(db.Document, h.document_id == db.Document.id)
            .where(h.thread_id.in_(ids))
            .order_by(h.thread_id, h.position)):
        if kind in ("raised", "action") and note:
            updates[thread_id] = note
        if kind != "raised":
            mentions.setdefault(thread_id, []).append(MentionView(
                meeting_date=date, record=record, kind=kind, status=status, note=note,
                source_file=file, source_page=page))
    return {k: tuple(v) for k, v in mentions.items()}, updates


def body_names(session: Session, body: str | None) -> list[str]:
    """The names of the bodies `body` names (None: every body), for a report's heading."""
    ids = body_ids(session, body)
    query = select(db.Body.name).order_by(db.Body.name)
    if ids is not None:
        query = query.where(db.Body.id.in_(ids))
    return list(session.scalars(query))

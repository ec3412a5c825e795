"""The action log read as a stream, a chunk of threads at a time, each chunk with its
owners and mentions, so a log of 100,000 actions is never held whole (`queries.action_log`
returns a list, for callers that want one). `stream_actions` yields `StreamedAction`
tuples, what `log` writes from; `iter_actions` the same as `ActionView`s.

Three queries in the log's order (oldest raised first, undated last) read side by side,
`chunk` rows at a time: the threads, their owners, their mentions; each thread's owners and
mentions are the rows of the other two that carry its id. Plain columns through a Core
connection, not ORM objects: the ORM's per-row work would cost more than the queries.
Filters are SQL with bound parameters: status, body, owner (as `actions --owner` reads
it), overdue, the raised-on range, and "at these meetings" (raised or mentioned there).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Result, Row, Select, func, or_, select
from sqlalchemy.orm import Session

from . import schema as db
from .names import name_key
from .owner_lookup import body_ids
from .queries import (
    ActionView,
    StatusFilter,
    StreamedAction,
    StreamedMention,
    _owner_filter,
)

CHUNK = 2000  # rows fetched at a time from each query: bounded memory, few round trips


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
    for action in stream_actions(session, today=today, status=status, body=body, owner=owner,
                                 overdue=overdue, raised_from=raised_from,
                                 raised_to=raised_to, meetings=meetings, chunk=chunk):
        yield action.view()


def stream_actions(session: Session, *, today: dt.date | None, status: StatusFilter = "all",
                   body: str | None = None, owner: str | None = None, overdue: bool = False,
                   raised_from: dt.date | None = None, raised_to: dt.date | None = None,
                   meetings: Sequence[int] | None = None, chunk: int = CHUNK
                   ) -> Iterator[StreamedAction]:
    """`iter_actions` as `StreamedAction` tuples: what `log` writes from."""
    where = _filters(session, today=today, status=status, body=body, owner=owner,
                     overdue=overdue, raised_from=raised_from, raised_to=raised_to,
                     meetings=meetings)
    # Three queries in the same order (the log's), read side by side: the threads, their
    # owners and their mentions, each matched to its thread as the streams advance. No
    # id lists to send, nothing held beyond the rows in hand. Core, not ORM, execution, and
    # rows taken a batch at a time (`partitions`): the rows are plain columns, and the
    # per-row bookkeeping of the ORM, or of a row-at-a-time fetch, would cost more than
    # the queries. Dated threads first, then the undated: each part in an order the index
    # on (raised_on, id) gives without a sort (NULLS LAST is not SQLite-and-PostgreSQL
    # alike, and an expression such as "raised_on IS NULL" in the ORDER BY needs a sort).
    t = db.ActionThread
    conn = session.connection()
    # A server-side cursor where the database has them (PostgreSQL would otherwise send
    # every row at once); SQLite's cursor already steps through the rows as they are read.
    streamed = ({"stream_results": True, "yield_per": chunk}
                if conn.dialect.supports_server_side_cursors else {})
    for part, order in ((t.raised_on.is_not(None), (t.raised_on, t.id)),
                        (t.raised_on.is_(None), (t.id,))):
        yield from _stream(conn, [*where, part], order, today, chunk, streamed)


def _stream(conn: Connection, where: list[ColumnElement[bool]],
            order: tuple[ColumnElement[Any], ...], today: dt.date | None, chunk: int,
            options: dict[str, Any]) -> Iterator[StreamedAction]:
    threads = conn.execute(_columns(where, order), execution_options=options)
    owners = _Beside(conn.execute(_owner_rows(where, order), execution_options=options),
                     chunk)
    mentions = _Beside(conn.execute(_mention_rows(where, order), execution_options=options),
                       chunk)
    try:
        for batch in threads.partitions(chunk):
            for row in batch:
                thread_id = row[0]
                # most threads have one owner and no mention: test before calling
                yield _action(row, owners.take(thread_id) if owners.next_id == thread_id
                              else (), mentions.take(thread_id)
                              if mentions.next_id == thread_id else (), today)
    finally:
        for result in (threads, owners.result, mentions.result):
            result.close()


class _Beside:
    """Rows of a query ordered like the threads, handed out a thread at a time."""

    def __init__(self, result: Result[Any], chunk: int) -> None:
        self.result = result
        self.rows = (row for batch in result.partitions(chunk) for row in batch)
        self.next: Row[Any] | None = next(self.rows, None)
        self.next_id = self.next[0] if self.next is not None else None

    def take(self, thread_id: int) -> list[Row[Any]]:
        out = []
        while self.next is not None and self.next_id == thread_id:
            out.append(self.next)
            self.next = next(self.rows, None)
            self.next_id = self.next[0] if self.next is not None else None
        return out


def _filters(session: Session, *, today: dt.date | None, status: StatusFilter,
             body: str | None, owner: str | None, overdue: bool,
             raised_from: dt.date | None, raised_to: dt.date | None,
             meetings: Sequence[int] | None) -> list[ColumnElement[bool]]:
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
    return where


def _columns(where: list[ColumnElement[bool]], order: tuple[ColumnElement[Any], ...]
             ) -> Select[Any]:
    t, a = db.ActionThread, db.Action
    return (
        select(t.id, t.raised_action_id, t.ref, t.text, db.Body.name,
               db.Organisation.name, t.raised_on, db.Meeting.record, a.item, t.due,
               t.due_text, t.status, t.status_note, db.Document.file_name, a.page, t.key,
               t.closed_on, t.closed_by, t.stale_since, a.extractor)
        .join(db.Body, t.body_id == db.Body.id)
        .outerjoin(db.Organisation, db.Body.organisation_id == db.Organisation.id)
        .outerjoin(a, t.raised_action_id == a.id)
        .outerjoin(db.Meeting, t.raised_meeting_id == db.Meeting.id)
        .outerjoin(db.Document, a.document_id == db.Document.id)
        .where(*where).order_by(*order))


def _owner_rows(where: list[ColumnElement[bool]], order: tuple[ColumnElement[Any], ...]
                ) -> Select[Any]:
    """Each thread's current owners, in the paper's order: (thread, kind, text, person)."""
    t, o = db.ActionThread, db.ActionOwner
    return (select(t.id, o.kind, o.text, db.Person.name)
            .join(o, o.action_id == t.owner_action_id)
            .outerjoin(db.Person, o.person_id == db.Person.id)
            .where(*where).order_by(*order, o.position))


def _mention_rows(where: list[ColumnElement[bool]], order: tuple[ColumnElement[Any], ...]
                  ) -> Select[Any]:
    """Each thread's history: every later paper's word on it, and the raising row when it
    has words (its update column): a raising row without them says nothing the log
    shows, and most threads are only that row."""
    t, h = db.ActionThread, db.ActionStatus
    return (select(t.id, h.kind, h.note, h.date, h.status, h.page, db.Meeting.record,
                   db.Document.file_name)
            .join(h, h.thread_id == t.id)
            .outerjoin(db.Meeting, h.meeting_id == db.Meeting.id)
            .join(db.Document, h.document_id == db.Document.id)
            .where(*where, or_(h.kind != "raised", h.note != ""))
            .order_by(*order, h.position))


def _action(row: Row[Any], owners: Sequence[Row[Any]], history: Sequence[Row[Any]],
            today: dt.date | None) -> StreamedAction:
    (thread_id, raised_id, ref, text, body, org, raised_on, record, item, due, due_text,
     status, note, file, page, key, closed_on, closed_by, stale_since, extractor) = row
    update = None
    mentions = []
    for _, kind, said, date, stated, on_page, in_record, in_file in history:
        if kind in ("raised", "action") and said:
            update = said  # the latest words an action row gave on it
        if kind != "raised":
            mentions.append(StreamedMention(date, in_record, kind, stated, said, in_file,
                                            on_page))
    if not owners:
        names: tuple[str, ...] = ()
        unmatched: tuple[str, ...] = ()
    else:
        names = tuple([person or written for _, _, written, person in owners])
        unmatched = tuple([person or written for _, kind, written, person in owners
                           if kind == "unmatched"])
    end = closed_on if status == "closed" else today
    return StreamedAction(
        raised_id or 0, ref, text, names, unmatched, body, org, raised_on, record or "",
        item, due, due_text, status, note, update,
        (end - raised_on).days if end and raised_on else None, file or "", page, thread_id,
        key, closed_on, closed_by, bool(status == "open" and due and today and due < today),
        stale_since, tuple(mentions), extractor == "clerk")


def body_names(session: Session, body: str | None) -> list[str]:
    """The names of the bodies `body` names (None: every body), for a report's heading."""
    ids = body_ids(session, body)
    query = select(db.Body.name).order_by(db.Body.name)
    if ids is not None:
        query = query.where(db.Body.id.in_(ids))
    return list(session.scalars(query))

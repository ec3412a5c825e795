"""Read the store for reports and the CLI. Returns small frozen dataclasses, never ORM rows,
so nothing downstream holds a session or lazy-loads by accident.

Actions are read as threads (`store.carry`): one row per action however many meetings
mentioned it, with where it was raised, every later mention, its current status and age.
All filtering is done with bound parameters through the ORM; `today` is always passed in,
so ages are reproducible in tests and reports.

By-person queries are index lookups all the way: the name as the clerk typed it to people
(`store.owner_lookup`: name, alias, surname, first name, initials, an office), people to
the actions they own (`action_owners.person_id`), those actions to the threads they
currently own (`action_threads.owner_action_id`). Only a bare surname also scans owners
kept as text.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from . import schema as db
from .mapping import role_key
from .names import collapse, name_key
from .owner_lookup import body_ids, lookup_owner, owner_filter

StatusFilter = Literal["open", "closed", "all"]
_CHUNK = 5000  # ids per IN (...) list: well under SQLite's bound-parameter limit
T = TypeVar("T")


@dataclass(frozen=True)
class MentionView:
    """A later paper's word on an action: which meeting, what it said, where."""

    meeting_date: dt.date | None
    record: str | None  # minutes / agenda
    kind: str  # action (an action or action-table row) / rag / matters-arising
    status: str | None  # open / closed as that paper stated it; None: only mentioned
    note: str | None  # its words: the update, the status word, the RAG colour
    source_file: str
    source_page: int | None


@dataclass(frozen=True)
class ActionView:
    """One action followed across meetings: a row of the action log."""

    id: int  # the action row that raised it (what the clerk's correction commands take)
    ref: str | None
    text: str
    owners: tuple[str, ...]  # a person's stored name, or the role/unmatched text as written
    unmatched_owners: tuple[str, ...]  # owners that matched no person (flagged on save)
    body: str
    organisation: str | None
    meeting_date: dt.date | None  # the meeting that raised it
    record: str  # minutes / agenda
    item: str | None
    due: dt.date | None
    due_text: str | None
    status: str  # open / closed, as carried forward to now
    status_text: str | None  # the words behind that status ("Complete", "blue", a note)
    update: str | None  # the latest update column or status word an action row gave
    age_days: int | None  # raised → today (open) or → closed; None without the dates
    source_file: str  # where it was raised
    source_page: int | None
    thread_id: int = 0
    key: str = ""  # the raising action's natural key (store.mapping.action_key)
    closed_on: dt.date | None = None
    closed_by: str | None = None  # raised / action / rag / matters-arising / clerk
    overdue: bool = False  # open, and due before today
    stale_since: dt.date | None = None  # open, and no paper mentioned it for a while
    mentions: tuple[MentionView, ...] = ()  # every later meeting's word, in order
    added_by_clerk: bool = False  # an action the clerk added (store.corrections.added)

    @property
    def stale(self) -> bool:
        """Open, and marked stale for the clerk to confirm or close (store.carry.closing)."""
        return self.status == "open" and self.stale_since is not None


class StreamedMention(NamedTuple):
    """`MentionView` as a plain tuple, field for field: a stream builds one per mention."""

    meeting_date: dt.date | None
    record: str | None
    kind: str
    status: str | None
    note: str | None
    source_file: str
    source_page: int | None


class StreamedAction(NamedTuple):
    """`ActionView` as a plain tuple, field for field (same names, same order, the same
    `stale`), which is what the log's writers read. A frozen dataclass of 26 fields costs
    ~7 µs to make, a tuple ~0.5 µs: a second and more at 100,000 actions."""

    id: int
    ref: str | None
    text: str
    owners: tuple[str, ...]
    unmatched_owners: tuple[str, ...]
    body: str
    organisation: str | None
    meeting_date: dt.date | None
    record: str
    item: str | None
    due: dt.date | None
    due_text: str | None
    status: str
    status_text: str | None
    update: str | None
    age_days: int | None
    source_file: str
    source_page: int | None
    thread_id: int
    key: str
    closed_on: dt.date | None
    closed_by: str | None
    overdue: bool
    stale_since: dt.date | None
    mentions: tuple[StreamedMention, ...]
    added_by_clerk: bool

    @property
    def stale(self) -> bool:
        return self.status == "open" and self.stale_since is not None

    def view(self) -> ActionView:
        return ActionView(*self[:-2], tuple(MentionView(*m) for m in self.mentions),
                          self.added_by_clerk)


# What the report code reads an action through: either is the same fields.
Action = ActionView | StreamedAction


@dataclass(frozen=True)
class Summary:
    documents: int
    failed_documents: int
    partial_documents: int
    meetings: int
    people: int
    attendees: int
    apologies: int
    resolutions: int
    actions: int  # action rows read from papers (a mention is a row too)
    open_actions: int  # actions (threads) still open
    rag_items: int
    flags: int
    open_flags: int  # neither dismissed by the clerk nor resolved (`store.flags`)


@dataclass(frozen=True)
class StoredDocument:
    """A stored document as the batch needs it: enough to decide whether to read the file
    again (see `store.save.needs_reading`) and to tell the clerk how it stands."""

    id: int
    sha256: str
    file_name: str  # the name the stored record was read from
    status: str  # ok / partial / failed
    problems: tuple[str, ...]
    reader: str | None
    paths: tuple[str, ...]  # every path these bytes were seen at, first seen first


@dataclass(frozen=True)
class RagStep:
    meeting_date: dt.date | None
    status: str | None  # red / amber / green / blue; None: that meeting's row was unrated
    source_file: str
    source_page: int | None


@dataclass(frozen=True)
class RagTrend:
    """One RAG row across a body's meetings."""

    id: int
    body: str
    ref: str | None
    text: str  # as the latest meeting worded it
    status: str | None  # the latest rating
    steps: tuple[RagStep, ...]

    @property
    def trend(self) -> str:
        """"Red → Amber → Green" ("unrated" for a meeting whose row had no rating)."""
        return " → ".join((s.status or "unrated").title() for s in self.steps)


@dataclass(frozen=True)
class RoleTerm:
    """A person's time in an office of a body, from the attendance lists."""

    body: str
    role: str  # normalised: chair / vice-chair / clerk / …
    person: str
    first_on: dt.date | None
    last_on: dt.date | None
    meetings: int


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for n in range(0, len(items), _CHUNK):
        yield items[n:n + _CHUNK]


def _owner_filter(session: Session, owner: str, bodies: list[int] | None = None
                  ) -> ColumnElement[bool]:
    """Threads whose current owners include `owner` as the clerk typed it
    (`owner_lookup.lookup_owner`), among `bodies` (None: all)."""
    return owner_filter(session, lookup_owner(session, owner, bodies))


def _threads(session: Session, *, today: dt.date | None, status: StatusFilter,
             owner: str | None, body: str | None, overdue: bool) -> list[ActionView]:
    thread = db.ActionThread
    query: Select[Any] = (
        select(thread, db.Action, db.Meeting.record, db.Body.name, db.Organisation.name,
               db.Document.file_name)
        .join(db.Body, thread.body_id == db.Body.id)
        .outerjoin(db.Organisation, db.Body.organisation_id == db.Organisation.id)
        .outerjoin(db.Action, thread.raised_action_id == db.Action.id)
        .outerjoin(db.Meeting, thread.raised_meeting_id == db.Meeting.id)
        .outerjoin(db.Document, db.Action.document_id == db.Document.id)
        # Undated meetings last, portably (NULLS LAST is not SQLite-and-PostgreSQL alike).
        .order_by(thread.raised_on.is_(None), thread.raised_on, thread.id)
    )
    if status != "all":
        query = query.where(thread.status == status)
    if overdue:
        query = query.where(thread.status == "open", thread.due < today)
    bodies = body_ids(session, body)
    if bodies is not None:
        query = query.where(db.Body.id.in_(bodies))
    if owner and name_key(owner):
        query = query.where(_owner_filter(session, owner, bodies))
    rows = session.execute(query).all()
    owners = _owners(session, [t.owner_action_id for t, *_ in rows if t.owner_action_id])
    mentions, updates = _mentions(session, [t.id for t, *_ in rows])
    return [_action_view(t, a, record, body_name, org, file, today,
                         owners.get(t.owner_action_id or 0, ()), mentions.get(t.id, ()),
                         updates.get(t.id))
            for t, a, record, body_name, org, file in rows]


def _owners(session: Session, action_ids: list[int]
            ) -> dict[int, tuple[tuple[str, bool], ...]]:
    """(name, matched a person) of each action's owners, in the paper's order."""
    out: dict[int, list[tuple[str, bool]]] = {}
    for ids in _chunks(sorted(set(action_ids))):
        for action_id, kind, text, person in session.execute(
                select(db.ActionOwner.action_id, db.ActionOwner.kind, db.ActionOwner.text,
                       db.Person.name)
                .outerjoin(db.Person, db.ActionOwner.person_id == db.Person.id)
                .where(db.ActionOwner.action_id.in_(ids))
                .order_by(db.ActionOwner.action_id, db.ActionOwner.position)):
            out.setdefault(action_id, []).append((person or text, kind != "unmatched"))
    return {k: tuple(v) for k, v in out.items()}


def _mentions(session: Session, thread_ids: list[int]
              ) -> tuple[dict[int, tuple[MentionView, ...]], dict[int, str]]:
    """Each thread's later mentions, and the latest words an action row gave on it."""
    h = db.ActionStatus
    mentions: dict[int, list[MentionView]] = {}
    updates: dict[int, str] = {}
    for ids in _chunks(thread_ids):
        for row, record, file in session.execute(
                select(h, db.Meeting.record, db.Document.file_name)
                .outerjoin(db.Meeting, h.meeting_id == db.Meeting.id)
                .join(db.Document, h.document_id == db.Document.id)
                .where(h.thread_id.in_(ids))
                .order_by(h.thread_id, h.position)):
            if row.kind in ("raised", "action") and row.note:
                updates[row.thread_id] = row.note
            if row.kind != "raised":
                mentions.setdefault(row.thread_id, []).append(MentionView(
                    meeting_date=row.date, record=record, kind=row.kind, status=row.status,
                    note=row.note, source_file=file, source_page=row.page))
    return {k: tuple(v) for k, v in mentions.items()}, updates


def _action_view(t: db.ActionThread, a: db.Action | None, record: str | None, body: str,
                 org: str | None, file: str | None, today: dt.date | None,
                 owners: tuple[tuple[str, bool], ...], mentions: tuple[MentionView, ...],
                 update: str | None) -> ActionView:
    end = t.closed_on if t.status == "closed" else today
    age = (end - t.raised_on).days if end and t.raised_on else None
    return ActionView(
        id=t.raised_action_id or 0, ref=t.ref, text=t.text,
        owners=tuple(name for name, _ in owners),
        unmatched_owners=tuple(name for name, matched in owners if not matched),
        body=body, organisation=org, meeting_date=t.raised_on, record=record or "",
        item=a.item if a else None, due=t.due, due_text=t.due_text, status=t.status,
        status_text=t.status_note, update=update, age_days=age,
        source_file=file or "", source_page=a.page if a else None,
        thread_id=t.id, key=t.key, closed_on=t.closed_on, closed_by=t.closed_by,
        overdue=bool(t.status == "open" and t.due and today and t.due < today),
        stale_since=t.stale_since, mentions=mentions,
        added_by_clerk=a is not None and a.extractor == "clerk",
    )


def outstanding_actions(session: Session, *, today: dt.date, owner: str | None = None,
                        status: StatusFilter = "open", body: str | None = None,
                        overdue: bool = False) -> list[ActionView]:
    """Actions by status (default open), optionally for one owner (name, alias, surname or
    role) and/or body (a case-insensitive part of its name), or only the overdue ones (open
    and due before `today`); oldest meeting first, aged relative to `today`."""
    if status not in ("open", "closed", "all"):
        raise ValueError(f"status must be 'open', 'closed' or 'all', not {status!r}")
    return _threads(session, today=today, status=status, owner=owner, body=body,
                    overdue=overdue)


def action_log(session: Session, *, today: dt.date | None = None, body: str | None = None
               ) -> list[ActionView]:
    """Every action across all meetings, open and closed, in the order they were raised,
    each with every later mention."""
    return _threads(session, today=today, status="all", owner=None, body=body,
                    overdue=False)


def rag_trend(session: Session, *, body: str | None = None, ref: str | None = None
              ) -> list[RagTrend]:
    """Each RAG row's status meeting by meeting (optionally for one body, a part of its
    name, and/or one reference), by body, then the order the rows first appeared."""
    query = (select(db.RagThread, db.Body.name).join(db.Body)
             .order_by(db.Body.name, db.RagThread.first_on.is_(None),
                       db.RagThread.first_on, db.RagThread.id))
    bodies = body_ids(session, body)
    if bodies is not None:
        query = query.where(db.Body.id.in_(bodies))
    if ref and collapse(ref):
        query = query.where(func.lower(db.RagThread.ref) == collapse(ref).lower())
    threads = session.execute(query).all()
    steps: dict[int, list[RagStep]] = {}
    for ids in _chunks([t.id for t, _ in threads]):
        for h, file in session.execute(
                select(db.RagStatus, db.Document.file_name)
                .join(db.Document, db.RagStatus.document_id == db.Document.id)
                .where(db.RagStatus.thread_id.in_(ids))
                .order_by(db.RagStatus.thread_id, db.RagStatus.position)):
            steps.setdefault(h.thread_id, []).append(
                RagStep(h.date, h.status, file, h.page))
    return [RagTrend(t.id, name, t.ref, t.text, t.status, tuple(steps.get(t.id, ())))
            for t, name in threads]


def role_holders(session: Session, *, body: str | None = None, role: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None
                 ) -> list[RoleTerm]:
    """Who held each office of a body and when (first and last meeting in the role), from
    the attendance lists; optionally one body (part of its name), one role, and only the
    meetings from `since` to `until` (both included)."""
    r = db.PersonRole
    query = (
        select(db.Body.name, r.role_key, db.Person.name, func.min(r.date), func.max(r.date),
               func.count())
        .join(db.Body, r.body_id == db.Body.id).join(db.Person, r.person_id == db.Person.id)
        .group_by(db.Body.name, r.role_key, db.Person.name)
        .order_by(db.Body.name, r.role_key, func.min(r.date), db.Person.name)
    )
    bodies = body_ids(session, body)
    if bodies is not None:
        query = query.where(db.Body.id.in_(bodies))
    if role and role_key(role):
        query = query.where(r.role_key == role_key(role))
    if since is not None:
        query = query.where(r.date >= since)
    if until is not None:
        query = query.where(r.date <= until)
    return [RoleTerm(*row) for row in session.execute(query).all()]


def _count(session: Session, model: type[db.Base], *where: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def summary_counts(session: Session) -> Summary:
    """Totals over the whole store, for the CLI's closing summary."""
    return Summary(
        documents=_count(session, db.Document),
        failed_documents=_count(session, db.Document, db.Document.status == "failed"),
        partial_documents=_count(session, db.Document, db.Document.status == "partial"),
        meetings=_count(session, db.Meeting),
        people=_count(session, db.Person),
        attendees=_count(session, db.Attendance),
        apologies=_count(session, db.Apology),
        resolutions=_count(session, db.Resolution),
        actions=_count(session, db.Action),
        open_actions=_count(session, db.ActionThread, db.ActionThread.status == "open"),
        rag_items=_count(session, db.RagItem),
        flags=_count(session, db.Flag),
        open_flags=_count(session, db.Flag, db.Flag.dismissed.is_(False),
                          db.Flag.resolved.is_(None)),
    )


def stored_document(session: Session, sha256: str) -> StoredDocument | None:
    """The stored document with this content hash, or None."""
    doc = session.scalar(select(db.Document).where(db.Document.sha256 == sha256.lower()))
    found = None if doc is None else _stored_view(session, doc)
    session.rollback()  # end the read-only transaction the lookup began
    return found


def _stored_view(session: Session, doc: db.Document) -> StoredDocument:
    paths = session.scalars(select(db.DocumentFile.path)
                            .where(db.DocumentFile.document_id == doc.id)
                            .order_by(db.DocumentFile.id)).all()
    return StoredDocument(id=doc.id, sha256=doc.sha256, file_name=doc.file_name,
                          status=doc.status, problems=tuple((doc.problems or "").splitlines()),
                          reader=doc.reader, paths=tuple(paths))

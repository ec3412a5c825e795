"""Read the store for reports and the CLI. Returns small frozen dataclasses, never ORM rows,
so nothing downstream holds a session or lazy-loads by accident.

All filtering is done with bound parameters through the ORM; `today` is always passed in,
so ages are reproducible in tests and reports.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from . import schema as db
from .names import collapse, is_bare, name_key

StatusFilter = Literal["open", "closed", "all"]


@dataclass(frozen=True)
class ActionView:
    """One action with where it came from: a row of the action log."""

    id: int
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
    status: str  # open / closed
    status_text: str | None  # the paper's own word, when it was not open/closed
    update: str | None
    age_days: int | None  # days from the meeting to `today`; None without either date
    source_file: str
    source_page: int | None


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
    actions: int
    open_actions: int
    rag_items: int
    flags: int
    open_flags: int  # not dismissed


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
class FlagView:
    id: int
    kind: str
    message: str
    source_file: str
    page: int | None
    body: str | None
    meeting_date: dt.date | None
    dismissed: bool


def _owner_filter(owner: str) -> ColumnElement[bool]:
    """Actions with an owner called `owner`: a person by full name or (for a bare word) by
    surname, or role/unmatched text, all case-insensitive."""
    key = name_key(owner)
    text = collapse(owner).lower()
    person = db.Person
    matches: list[ColumnElement[bool]] = [
        person.name_key == key,
        db.ActionOwner.text_key == key,
        func.lower(db.ActionOwner.text) == text,
    ]
    if is_bare(key):
        matches.append(person.surname_key == key)
        matches.append(db.ActionOwner.text_key.endswith(" " + key, autoescape=True))
    owned = (
        select(db.ActionOwner.action_id)
        .outerjoin(person, db.ActionOwner.person_id == person.id)
        .where(or_(*matches))
    )
    return db.Action.id.in_(owned)


def _actions(session: Session, *, today: dt.date | None, status: StatusFilter,
             owner: str | None, body: str | None) -> list[ActionView]:
    query = (
        select(db.Action)
        .join(db.Action.meeting)
        .join(db.Meeting.body)
        .options(
            joinedload(db.Action.meeting).joinedload(db.Meeting.body)
            .joinedload(db.Body.organisation),
            joinedload(db.Action.document),
            selectinload(db.Action.owners).joinedload(db.ActionOwner.person),
        )
        # Undated meetings last, portably (NULLS LAST is not SQLite-and-PostgreSQL alike).
        .order_by(db.Meeting.date.is_(None), db.Meeting.date, db.Action.id)
    )
    if status != "all":
        query = query.where(db.Action.status == status)
    if owner and name_key(owner):
        query = query.where(_owner_filter(owner))
    if body and collapse(body):
        query = query.where(db.Body.name_key.contains(collapse(body).lower(), autoescape=True))
    return [_action_view(a, today) for a in session.scalars(query).unique()]


def _action_view(a: db.Action, today: dt.date | None) -> ActionView:
    meeting = a.meeting
    owners = tuple(o.person.name if o.person is not None else o.text for o in a.owners)
    unmatched = tuple(o.text for o in a.owners if o.kind == "unmatched")
    age = (today - meeting.date).days if today and meeting.date else None
    org = meeting.body.organisation
    return ActionView(
        id=a.id, ref=a.ref, text=a.text, owners=owners, unmatched_owners=unmatched,
        body=meeting.body.name, organisation=org.name if org else None,
        meeting_date=meeting.date, record=meeting.record, item=a.item, due=a.due,
        due_text=a.due_text, status=a.status, status_text=a.status_text, update=a.update,
        age_days=age, source_file=a.document.file_name, source_page=a.page,
    )


def outstanding_actions(session: Session, *, today: dt.date, owner: str | None = None,
                        status: StatusFilter = "open", body: str | None = None
                        ) -> list[ActionView]:
    """Actions by status (default open), optionally for one owner and/or body (a
    case-insensitive part of its name), oldest meeting first, aged relative to `today`."""
    if status not in ("open", "closed", "all"):
        raise ValueError(f"status must be 'open', 'closed' or 'all', not {status!r}")
    return _actions(session, today=today, status=status, owner=owner, body=body)


def action_log(session: Session, *, today: dt.date | None = None, body: str | None = None
               ) -> list[ActionView]:
    """Every action across all meetings, in meeting-date order, open and closed."""
    return _actions(session, today=today, status="all", owner=None, body=body)


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
        open_actions=_count(session, db.Action, db.Action.status == "open"),
        rag_items=_count(session, db.RagItem),
        flags=_count(session, db.Flag),
        open_flags=_count(session, db.Flag, db.Flag.dismissed.is_(False)),
    )


def review_flags(session: Session, *, include_dismissed: bool = False) -> list[FlagView]:
    """Flags for the clerk, by document then page."""
    query = (
        select(db.Flag, db.Document.file_name, db.Body.name, db.Meeting.date)
        .join(db.Document, db.Flag.document_id == db.Document.id)
        .outerjoin(db.Meeting, db.Flag.meeting_id == db.Meeting.id)
        .outerjoin(db.Body, db.Meeting.body_id == db.Body.id)
        .order_by(db.Document.file_name, db.Flag.page.is_(None), db.Flag.page, db.Flag.id)
    )
    if not include_dismissed:
        query = query.where(db.Flag.dismissed.is_(False))
    return [
        FlagView(id=f.id, kind=f.kind, message=f.message, source_file=file, page=f.page,
                 body=body, meeting_date=date, dismissed=f.dismissed)
        for f, file, body, date in session.execute(query).all()
    ]


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


def has_document(session: Session, sha256: str) -> bool:
    """Whether a file with this content hash is already stored (so a re-run can skip it)."""
    found = session.scalar(select(db.Document.id).where(db.Document.sha256 == sha256.lower()))
    session.rollback()  # end the read-only transaction the lookup began
    return found is not None

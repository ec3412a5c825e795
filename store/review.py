"""The clerk's review queue: open flags with where they were raised and the words they are
about (no file is read here). A flag on an action (`flags.action_id`, see store.flags)
shows that action's own row: its text, its owner as printed and its due date, so a flag on
one row of a table quotes that row, not the table. Any other flag shows the facts stored
from the block it was raised on. Open: neither dismissed by the clerk nor resolved by the
store."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import schema as db
from .owner_lookup import body_ids


def document_paths(session: Session, document_id: int) -> list[str]:
    """Every path the document was seen at, first seen first."""
    return list(session.scalars(select(db.DocumentFile.path).where(
        db.DocumentFile.document_id == document_id).order_by(db.DocumentFile.id)))


@dataclass(frozen=True)
class FlagAction:
    """The action a flag is about, as its row reads now: the id `boardpapers correct`
    takes, the text, the owner as the paper printed it, the due date (as printed, and as a
    date when it was one)."""

    id: int
    text: str
    owner_text: str | None
    due: dt.date | None
    due_text: str | None


@dataclass(frozen=True)
class FlagEvidence:
    """An open flag with where it was raised and the words it is about."""

    id: int
    kind: str
    message: str
    body: str | None
    record: str | None
    meeting_date: dt.date | None
    document_id: int
    file: str
    sha256: str  # of the document, to know the file at a recorded path is still it
    page: int | None
    block: int | None
    words: tuple[str, ...]  # its action's text, else the stored facts of its block
    action: FlagAction | None = None

    @property
    def action_id(self) -> int | None:
        return self.action.id if self.action is not None else None


def open_flags(session: Session, *, body: str | None = None, kind: str | None = None,
               limit: int | None = 50) -> tuple[list[FlagEvidence], int]:
    """Up to `limit` (None: all) open flags (not dismissed, not resolved) by file then
    page, and how many match. The store's one flag listing: the review queue and every
    other reader use it; each record has its meeting and kind to group by."""
    query = (
        select(db.Flag, db.Document.file_name, db.Document.sha256, db.Body.name,
               db.Meeting.record, db.Meeting.date)
        .join(db.Document, db.Flag.document_id == db.Document.id)
        .outerjoin(db.Meeting, db.Flag.meeting_id == db.Meeting.id)
        .outerjoin(db.Body, db.Meeting.body_id == db.Body.id)
        .where(db.Flag.dismissed.is_(False), db.Flag.resolved.is_(None))
    )
    bodies = body_ids(session, body)
    if bodies is not None:
        query = query.where(db.Body.id.in_(bodies))
    if kind:
        query = query.where(db.Flag.kind == kind.strip())
    total = session.scalar(select(func.count()).select_from(
        query.with_only_columns(db.Flag.id).subquery())) or 0
    rows = session.execute(query.order_by(db.Document.file_name, db.Flag.page.is_(None),
                                          db.Flag.page, db.Flag.id).limit(limit)).all()
    actions = _actions(session, {f.action_id for f, *_ in rows if f.action_id is not None})
    words = _stored_words(session, [f for f, *_ in rows if f.action_id not in actions])
    return [FlagEvidence(f.id, f.kind, f.message, b, record, date, f.document_id, file, sha,
                         f.page, f.block, _words(f, actions, words),
                         actions.get(f.action_id) if f.action_id is not None else None)
            for f, file, sha, b, record, date in rows], total


def _words(f: db.Flag, actions: dict[int, FlagAction],
           stored: dict[tuple[int, int], list[str]]) -> tuple[str, ...]:
    if f.action_id is not None and f.action_id in actions:
        return (actions[f.action_id].text,)  # the row, never the table around it
    return tuple(stored.get((f.document_id, f.block), ())) if f.block is not None else ()


def _actions(session: Session, ids: set[int]) -> dict[int, FlagAction]:
    if not ids:
        return {}
    return {i: FlagAction(i, text, owner, due, due_text)
            for i, text, owner, due, due_text in session.execute(
                select(db.Action.id, db.Action.text, db.Action.owner_text, db.Action.due,
                       db.Action.due_text).where(db.Action.id.in_(ids)))}


# What the store kept from a block, per kind of fact: the words a flag there is about.
# (model, its text; None: the attendee's or apologiser's name)
_FACT_TEXT: tuple[tuple[Any, Any], ...] = (
    (db.Action, db.Action.text), (db.Resolution, db.Resolution.text),
    (db.RagItem, db.RagItem.text), (db.AgendaItem, db.AgendaItem.title),
    (db.Attendance, None), (db.Apology, None))


def _stored_words(session: Session, flags: list[db.Flag]
                  ) -> dict[tuple[int, int], list[str]]:
    wanted = {(f.document_id, f.block) for f in flags if f.block is not None}
    if not wanted:
        return {}
    docs, blocks = {d for d, _ in wanted}, {b for _, b in wanted}
    found: dict[tuple[int, int], list[str]] = {}
    for model, text in _FACT_TEXT:
        fact: Any = model  # each has document_id and block (store.schema.Provenance)
        query = (select(fact.document_id, fact.block, db.Person.name)
                 .join(db.Person, fact.person_id == db.Person.id) if text is None
                 else select(fact.document_id, fact.block, text))
        for doc, block, words in session.execute(query.where(fact.document_id.in_(docs),
                                                             fact.block.in_(blocks))):
            if (doc, block) not in wanted:
                continue  # a document and a block of two different flags
            seen = found.setdefault((doc, block), [])
            if words not in seen:
                seen.append(words)
    return found




def flag_words(session: Session, flag_id: int) -> tuple[str, ...] | None:
    """The words one flag is about (as `open_flags` gives them, dismissed or not); None
    for an unknown flag."""
    flag = session.get(db.Flag, flag_id)
    if flag is None:
        return None
    if flag.block is None:
        return ()
    return tuple(_stored_words(session, [flag]).get((flag.document_id, flag.block), ()))

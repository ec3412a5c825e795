"""Recording the clerk's corrections to an action (owner, due date, status, wording, not
an action at all) and dismissals of flags: check the input, add the rows, apply them and
rebuild the body's threads, in one transaction."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .. import schema as db
from ..carry import refresh
from ..db import write_lock
from ..flags import settle_flags
from ..names import collapse, is_role
from ..people import PersonResolver
from .apply import Scope, apply_corrections, flags_with_key
from .keys import (
    MAX_NAME,
    MAX_NOTE,
    MAX_TEXT,
    CorrectionError,
    action_key,
    bounded,
    flag_key,
    places_of,
    timestamp,
)


@dataclass(frozen=True)
class OwnerResolved:
    name: str  # as the clerk gave it
    kind: str  # person / role / unmatched, as stored in action_owners
    person: str | None  # the person it resolved to


@dataclass(frozen=True)
class ActionCorrected:
    """What `correct_action` recorded, for the command to print."""

    action_id: int
    body: str
    meeting_date: dt.date | None
    text: str  # the action as extracted
    recorded: tuple[tuple[int, str, str | None], ...]  # (correction id, kind, value)
    owners: tuple[OwnerResolved, ...]
    open_flags: tuple[int, ...]  # flags still open on the same words


def correct_action(session: Session, action_id: int, *, owners: list[str] | None = None,
                   due: dt.date | None = None, status: str | None = None,
                   text: str | None = None, dismiss: bool = False, note: str | None = None,
                   now: dt.datetime | None = None) -> ActionCorrected:
    """Record the clerk's corrections to one action (one row per field given), apply them,
    and commit. Raises CorrectionError, recording nothing, for an unknown action, an empty
    or over-long value, or an owner name that could be more than one person."""
    note = bounded(note, MAX_NOTE, "note")
    text = bounded(text, MAX_TEXT, "text")
    if status is not None and status not in db.ACTION_STATUSES:
        raise CorrectionError(f"status is open or closed, not {status!r}")
    names = [bounded(collapse(o), MAX_NAME, "owner") or "" for o in owners or []]
    if not (names or due or status or text or dismiss):
        raise CorrectionError("nothing to correct: give --owner, --due, --status, --text "
                              "or --dismiss")
    try:
        write_lock(session)
        action = session.get(db.Action, action_id)
        if action is None:
            raise CorrectionError(f"there is no action {action_id}; "
                                  "`boardpapers actions --status all` lists them")
        place = places_of(session, [action.meeting_id])[action.meeting_id]
        resolved = tuple(_resolve_owner(session, place.body_id, n) for n in names)
        values: list[tuple[str, str | None]] = []
        if names:
            values.append(("owner", json.dumps(names, ensure_ascii=False)))
        if due is not None:
            values.append(("due", due.isoformat()))
        if status is not None:
            values.append(("status", status))
        if text is not None:
            values.append(("text", text))
        if dismiss:
            values.append(("dismiss_action", None))
        rows = [db.Correction(kind=kind, target_key=action_key(place, action.text),
                              target=action.text, target_item=action.item,
                              target_ref=action.ref, body_id=place.body_id,
                              meeting_date=place.date, value=value, note=note,
                              created_at=timestamp(now), action_id=action.id)
                for kind, value in values]
        session.add_all(rows)
        session.flush()
        apply_corrections(session, Scope(pairs={(place.body_id, place.date)}, bodies=set()))
        refresh(session, {place.body_id})
        settle_flags(session, {place.body_id})
        body = session.get(db.Body, place.body_id)
        flags = session.scalars(select(db.Flag.id).where(
            db.Flag.document_id == action.document_id, db.Flag.page == action.page,
            db.Flag.block == action.block, db.Flag.dismissed.is_(False),
            db.Flag.resolved.is_(None), or_(db.Flag.action_id.is_(None),
                                            db.Flag.action_id == action.id))
            .order_by(db.Flag.id)).all() if action.block is not None else []
        result = ActionCorrected(
            action_id=action.id, body=body.name if body else "", meeting_date=place.date,
            text=action.text, recorded=tuple((r.id, r.kind, r.value) for r in rows),
            owners=resolved, open_flags=tuple(flags))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _resolve_owner(session: Session, body_id: int, name: str) -> OwnerResolved:
    if is_role(name):
        return OwnerResolved(name, "role", None)
    match = PersonResolver(session, body_id).find(name)
    if match.person is not None:
        return OwnerResolved(name, "person", match.person.name)
    if match.candidates:
        raise CorrectionError(f"{name!r} could be {', '.join(match.candidates)}; "
                              "give the full name")
    return OwnerResolved(name, "unmatched", None)


@dataclass(frozen=True)
class FlagDismissed:
    correction_id: int
    flag_id: int
    kind: str
    message: str
    dismissed: int  # flags now dismissed by it (the same flag from two files counts twice)
    already: bool  # an earlier correction had dismissed it; nothing new was recorded


def dismiss_flag(session: Session, flag_id: int, *, note: str | None = None,
                 now: dt.datetime | None = None) -> FlagDismissed:
    """Record that the clerk dismissed a flag, apply it (to every copy of the flag), and
    commit. A flag dismissed by an earlier correction records nothing new."""
    note = bounded(note, MAX_NOTE, "note")
    try:
        write_lock(session)
        flag = session.get(db.Flag, flag_id)
        if flag is None:
            raise CorrectionError(f"there is no flag {flag_id}; `boardpapers review` lists "
                                  "the open ones")
        place = (places_of(session, [flag.meeting_id])[flag.meeting_id]
                 if flag.meeting_id is not None else None)
        doc = session.get(db.Document, flag.document_id)
        key = flag_key(place, doc.sha256 if doc else "", flag.kind, flag.message)
        earlier = session.scalar(select(db.Correction).where(
            db.Correction.kind == "dismiss_flag", db.Correction.target_key == key)
            .order_by(db.Correction.id).limit(1))
        row = earlier or db.Correction(
            kind="dismiss_flag", target_key=key, target=flag.message,
            body_id=place.body_id if place else None,
            meeting_date=place.date if place else None, note=note, created_at=timestamp(now),
            flag_id=flag.id)
        session.add(row)
        session.flush()
        pairs = {(place.body_id, place.date)} if place else set()
        apply_corrections(session, Scope(pairs=pairs, bodies=set(), document_flags=place is None))
        count = session.scalar(select(func.count()).select_from(db.Flag).where(
            db.Flag.id.in_(flags_with_key(session, row)))) or 0
        result = FlagDismissed(row.id, flag.id, flag.kind, flag.message, count,
                               already=earlier is not None)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result

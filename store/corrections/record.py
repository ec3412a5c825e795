"""Recording the clerk's corrections to an action (owner, due date, status, wording, not
an action at all) and dismissals of flags: check the input, add the rows, apply them and
rebuild the body's threads, in one transaction."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .. import schema as db
from ..carry import refresh
from ..db import write_lock
from ..flags import settle_flags
from ..names import collapse, is_role
from ..people import PersonResolver
from .apply import Scope, apply_corrections
from .flags import FlagDismissed, commit_closed
from .keys import (
    MAX_NAME,
    MAX_NOTE,
    MAX_TEXT,
    CorrectionError,
    action_key,
    bounded,
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
        resolved = tuple(resolve_owner(session, place.body_id, n) for n in names)
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
        key = action_key(place, action.text)
        rows = [db.Correction(kind=kind, target_key=key,
                              target=action.text, target_item=action.item,
                              target_ref=action.ref, body_id=place.body_id,
                              meeting_date=place.date, value=value, note=note,
                              created_at=timestamp(now), action_id=action.id,
                              detail=paper_value(session, action, key, kind))
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


def paper_value(session: Session, action: db.Action, key: str, kind: str) -> str | None:
    """JSON {"paper": value}: the field as the paper gave it, before any correction of
    this kind, for `undo` to put back when no other correction of the kind is left. Read
    off the row while none applies; else carried over from the first that has it."""
    if kind not in ("owner", "due", "status"):
        return None
    earlier = session.scalars(select(db.Correction.detail).where(
        db.Correction.kind == kind, db.Correction.target_key == key,
        db.Correction.undone_at.is_(None)).order_by(db.Correction.id)).all()
    if earlier:
        return earlier[0]  # None when made before papers' values were kept: unknown
    value: object
    if kind == "owner":
        value = [[o.kind, o.person_id, o.text, o.text_key] for o in session.scalars(
            select(db.ActionOwner).where(db.ActionOwner.action_id == action.id)
            .order_by(db.ActionOwner.position))]
    elif kind == "due":
        value = action.due.isoformat() if action.due else None
    else:
        value = action.status
    return json.dumps({"paper": value}, ensure_ascii=False)


def resolve_owner(session: Session, body_id: int, name: str) -> OwnerResolved:
    if is_role(name):
        return OwnerResolved(name, "role", None)
    match = PersonResolver(session, body_id).find(name)
    if match.person is not None:
        return OwnerResolved(name, "person", match.person.name)
    if match.candidates:
        raise CorrectionError(f"{name!r} could be {', '.join(match.candidates)}; "
                              "give the full name")
    return OwnerResolved(name, "unmatched", None)


def dismiss_flag(session: Session, flag_id: int, *, note: str | None = None,
                 now: dt.datetime | None = None) -> FlagDismissed:
    """Record that the clerk dismissed a flag, apply it (to every copy of the flag), and
    commit. A flag dismissed by an earlier correction records nothing new."""
    return commit_closed(session, flag_id, "dismiss_flag", note, now)

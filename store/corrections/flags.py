"""Closing flags: the clerk dismisses one (dealt with, or not worth acting on) or accepts it
(the fact is right as read), one at a time or every open flag of one kind in one meeting.
Both are corrections keyed by the flag's natural key (`keys.flag_key`), so the flag stays
closed across re-runs; the record keeps which of the two it was, and each can be undone."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import schema as db
from ..db import write_lock
from .apply import Scope, apply_corrections, flags_with_key
from .keys import FLAG_KINDS, MAX_NOTE, CorrectionError, bounded, flag_key, places_of, timestamp


@dataclass(frozen=True)
class FlagDismissed:
    """A flag closed by the clerk (dismissed or accepted, `how`)."""

    correction_id: int
    flag_id: int
    kind: str
    message: str
    dismissed: int  # flags now closed by it (the same flag from two files counts twice)
    already: bool  # an earlier correction had closed it; nothing new was recorded
    how: str = "dismiss_flag"  # dismiss_flag | accept_flag (of the correction that closed it)


@dataclass(frozen=True)
class FlagsClosed:
    """What `bulk_flags` did to the open flags of one kind in one meeting."""

    meeting_id: int
    kind: str
    how: str  # dismiss_flag | accept_flag
    closed: tuple[FlagDismissed, ...]  # one per correction recorded

    @property
    def recorded(self) -> int:
        return sum(not c.already for c in self.closed)


def accept_flag(session: Session, flag_id: int, note: str | None = None, *,
                now: dt.datetime | None = None) -> FlagDismissed:
    """Record that the flagged fact is right as read, close the flag (every copy of it),
    and commit. A flag an earlier correction closed records nothing new."""
    return commit_closed(session, flag_id, "accept_flag", note, now)


def commit_closed(session: Session, flag_id: int, how: str, note: str | None,
                  now: dt.datetime | None) -> FlagDismissed:
    note = bounded(note, MAX_NOTE, "note")
    try:
        write_lock(session)
        flag = session.get(db.Flag, flag_id)
        if flag is None:
            raise CorrectionError(f"there is no flag {flag_id}; `boardpapers review` lists "
                                  "the open ones")
        result = close_flag(session, flag, how, note, now)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def bulk_flags(session: Session, meeting_id: int, kind: str, accept: bool,
               note: str | None = None, *, now: dt.datetime | None = None) -> FlagsClosed:
    """Close every open flag of `kind` in meeting `meeting_id`, one correction per flag (each
    can be undone on its own), and commit. Raises CorrectionError, recording nothing, for an
    unknown meeting or when it has no open flag of that kind (naming the kinds it has)."""
    note = bounded(note, MAX_NOTE, "note")
    how = "accept_flag" if accept else "dismiss_flag"
    try:
        write_lock(session)
        if session.get(db.Meeting, meeting_id) is None:
            raise CorrectionError(f"there is no meeting {meeting_id}; `boardpapers review` "
                                  "shows each flag's meeting")
        flags = session.scalars(select(db.Flag).where(
            db.Flag.meeting_id == meeting_id, db.Flag.kind == kind,
            db.Flag.dismissed.is_(False), db.Flag.resolved.is_(None)).order_by(db.Flag.id)).all()
        if not flags:
            kinds = sorted(set(session.scalars(select(db.Flag.kind).where(
                db.Flag.meeting_id == meeting_id, db.Flag.dismissed.is_(False),
                db.Flag.resolved.is_(None)))))
            there = f"its open flags are of kind {', '.join(kinds)}" if kinds \
                else "it has no open flags"
            raise CorrectionError(f"meeting {meeting_id} has no open flag of kind "
                                  f"{kind[:80]!r}; {there}")
        closed = []
        for flag in flags:
            session.refresh(flag)  # closing one may have closed its copies
            if not flag.dismissed:
                closed.append(close_flag(session, flag, how, note, now))
        result = FlagsClosed(meeting_id, kind, how, tuple(closed))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def close_flag(session: Session, flag: db.Flag, how: str, note: str | None,
               now: dt.datetime | None) -> FlagDismissed:
    """Record `how` (dismiss_flag / accept_flag) on `flag` and apply it; does not commit.
    A flag an earlier correction (of either kind, not undone) closed records nothing."""
    assert how in FLAG_KINDS
    place = (places_of(session, [flag.meeting_id])[flag.meeting_id]
             if flag.meeting_id is not None else None)
    doc = session.get(db.Document, flag.document_id)
    key = flag_key(place, doc.sha256 if doc else "", flag.kind, flag.message)
    earlier = session.scalar(select(db.Correction).where(
        db.Correction.kind.in_(FLAG_KINDS), db.Correction.target_key == key,
        db.Correction.undone_at.is_(None)).order_by(db.Correction.id).limit(1))
    row = earlier or db.Correction(
        kind=how, target_key=key, target=flag.message,
        body_id=place.body_id if place else None,
        meeting_date=place.date if place else None, note=note, created_at=timestamp(now),
        flag_id=flag.id)
    session.add(row)
    session.flush()
    pairs = {(place.body_id, place.date)} if place else set()
    apply_corrections(session, Scope(pairs=pairs, bodies=set(), document_flags=place is None))
    count = session.scalar(select(func.count()).select_from(db.Flag).where(
        db.Flag.id.in_(flags_with_key(session, row)))) or 0
    return FlagDismissed(row.id, flag.id, flag.kind, flag.message, count,
                         already=earlier is not None, how=row.kind)


def closing_correction(session: Session, flag_id: int) -> int:
    """The id of the standing correction that closes flag `flag_id` (to undo it);
    CorrectionError when the flag is unknown or no correction closes it."""
    flag = session.get(db.Flag, flag_id)
    if flag is None:
        raise CorrectionError(f"there is no flag {flag_id}; `boardpapers review` lists the "
                              "open ones")
    place = (places_of(session, [flag.meeting_id])[flag.meeting_id]
             if flag.meeting_id is not None else None)
    doc = session.get(db.Document, flag.document_id)
    key = flag_key(place, doc.sha256 if doc else "", flag.kind, flag.message)
    found = session.scalar(select(db.Correction.id).where(
        db.Correction.kind.in_(FLAG_KINDS), db.Correction.target_key == key,
        db.Correction.undone_at.is_(None)).order_by(db.Correction.id.desc()).limit(1))
    if found is None:
        raise CorrectionError(f"flag {flag_id} was not closed by a correction; nothing to undo")
    return found

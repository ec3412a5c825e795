"""Reading the corrections back: which fields the clerk set on each action and thread
(for reports to show and mark), the dismissed actions, and the log of every correction."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import schema as db
from ..names import collapse
from ..people import bodies_matching
from .apply import actions_by_key
from .keys import ACTION_KINDS, FIELDS


@dataclass(frozen=True)
class ActionFix:
    """What the clerk changed on one action, for a report to show and mark."""

    corrected: frozenset[str]  # of FIELDS: owner, due, status, text
    text: str | None  # the clerk's wording when "text" is corrected (the row keeps the paper's)
    dismissed: bool
    notes: tuple[str, ...]  # the clerk's notes, oldest first


def action_corrections(session: Session, action_ids: Iterable[int] | None = None
                       ) -> dict[int, ActionFix]:
    """The clerk's corrections per action id, for the actions (of `action_ids`, or all)
    that have any. Owner, due and status are already on the action rows; this says which
    of them the clerk set, and gives the corrected text and the dismissals."""
    wanted = None if action_ids is None else set(action_ids)
    corrections = session.scalars(select(db.Correction).where(
        db.Correction.kind.in_(ACTION_KINDS), db.Correction.undone_at.is_(None))
        .order_by(db.Correction.id)).all()
    by_key: dict[str, list[db.Correction]] = {}
    groups: set[tuple[int, dt.date | None]] = set()
    for c in corrections:
        by_key.setdefault(c.target_key, []).append(c)
        if c.body_id is not None:
            groups.add((c.body_id, c.meeting_date))
    out: dict[int, ActionFix] = {}
    for body_id, date in groups:
        for key, actions in actions_by_key(session, body_id, date).items():
            for action in actions:
                if key in by_key and (wanted is None or action.id in wanted):
                    out[action.id] = _fix(by_key[key])
    return out


def _fix(corrections: list[db.Correction]) -> ActionFix:
    texts = [c.value for c in corrections if c.kind == "text"]
    return ActionFix(
        corrected=frozenset(c.kind for c in corrections if c.kind in FIELDS),
        text=texts[-1] if texts else None,
        dismissed=any(c.kind == "dismiss_action" for c in corrections),
        notes=tuple(dict.fromkeys(c.note for c in corrections if c.note)))


def thread_corrections(session: Session, thread_ids: Iterable[int]
                       ) -> dict[int, ActionFix]:
    """The clerk's corrections per action thread (a row of the log, `store.carry`), made on
    any action of the thread: the one that raised it or a later paper's mention of it."""
    ids = list(set(thread_ids))
    members: dict[int, list[int]] = {}
    for thread_id, action in session.execute(
            select(db.ActionStatus.thread_id, db.ActionStatus.action_id)
            .where(db.ActionStatus.thread_id.in_(ids))
            .order_by(db.ActionStatus.thread_id, db.ActionStatus.position)):
        if action is not None:
            members.setdefault(thread_id, []).append(action)
    fixes = action_corrections(session, {a for actions in members.values() for a in actions})
    out: dict[int, ActionFix] = {}
    for thread_id, actions in members.items():
        found = [fixes[a] for a in actions if a in fixes]
        if found:
            texts = [f.text for f in found if f.text is not None]
            out[thread_id] = ActionFix(
                corrected=frozenset().union(*(f.corrected for f in found)),
                text=texts[-1] if texts else None,
                dismissed=all(f.dismissed for f in found),
                notes=tuple(dict.fromkeys(n for f in found for n in f.notes)))
    return out


def dismissed_action_ids(session: Session) -> set[int]:
    """Ids of the actions the clerk dismissed as not actions: kept in the store, left out of
    the outstanding listing and the log (`query.where(db.Action.id.not_in(...))`)."""
    return {i for i, fix in action_corrections(session).items() if fix.dismissed}


@dataclass(frozen=True)
class CorrectionView:
    id: int
    created_at: dt.datetime
    kind: str
    target: str  # the action's text, the flag's message or the person's name, as then
    value: str | None  # for owners, the names joined with ", "
    note: str | None
    body: str | None
    meeting_date: dt.date | None
    applies_to: str | None  # "action 12", "flag 7", "person 3"; None when nothing matches now
    undone_at: dt.datetime | None = None  # undone by the clerk: kept, applied no longer
    undone_note: str | None = None


def correction_log(session: Session, *, body: str | None = None) -> list[CorrectionView]:
    """Every correction, oldest first (of the bodies matching `body`, if given)."""
    bodies = {b.id: b.name for b in bodies_matching(session, None)}
    query = select(db.Correction).order_by(db.Correction.id)
    if body and collapse(body):
        query = query.where(db.Correction.body_id.in_(
            [b.id for b in bodies_matching(session, body)]))
    return [CorrectionView(
        id=c.id, created_at=c.created_at, kind=c.kind, target=c.target,
        value=", ".join(json.loads(c.value)) if c.kind == "owner" and c.value else c.value,
        note=c.note, body=bodies.get(c.body_id) if c.body_id is not None else None,
        meeting_date=c.meeting_date, applies_to=_applies_to(c), undone_at=c.undone_at,
        undone_note=c.undone_note)
        for c in session.scalars(query)]


def _applies_to(c: db.Correction) -> str | None:
    for what, row_id in (("action", c.action_id), ("flag", c.flag_id),
                         ("person", c.person_id)):
        if row_id is not None:
            return f"{what} {row_id}"
    return None

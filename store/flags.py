"""What a flag is about, one flag per problem, and flags whose cause has gone.

- Tied to its action. A flag raised on an action (an owner that matched nobody, a due date
  left open, an action closed by omission or gone stale) is saved with the action's row id
  (`flags.action_id`) and, when it is about one of the action's owners, that owner as the
  action keeps it (`flags.owner`). The review queue shows the action's own row and the id
  `boardpapers correct` takes.
- One flag per problem. The extraction judges an owner against the meeting's own list
  ("Owner 'PC' matches no attendee", `owner-unresolved`); the store judges it again against
  the body's people, aliases learnt from other meetings included (`owner-unmatched`). The
  store's judgement is the fuller one, so the extraction's flag on an owner the store
  flagged on the same action is not stored beside it (`fold_owner_flag`); what only the
  extraction knew (the names the meeting's list suggested) is added to the store's message.
- Resolved. A flag whose cause a later fact or the clerk removed is closed by the store
  (`settle_flags`): an owner that resolves now (an alias learnt from a later paper's
  "Alan Smith (AS)", `people alias`, `people merge`), a field the clerk corrected (owner,
  due date, status), an action the clerk said is none. The reason is kept in
  `flags.resolved`, a column of its own rather than `dismissed`: dismissals are the clerk's,
  recorded as corrections and reapplied by natural key, and a flag the store closed must
  open again if its cause comes back (an alias undone), which a dismissal never does. It is
  recomputed from the rows after every save and every correction recorded, so a re-run
  gives the same answer and an older answer never lingers.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from extract import model as rec

from . import schema as db
from .mapping import text_key
from .names import name_key

__all__ = ["OWNER_KINDS", "ActionTies", "fold_owner_flag", "settle_flags"]

# Flags about who must do an action: closed when the clerk sets the owner.
OWNER_KINDS = ("owner-unresolved", "owner-unmatched", "owner-implied", "action-no-owner")
DUE_KINDS = ("due-unresolved",)
STATUS_KINDS = ("action-stale", "action-closed-by-omission")
MAX_FOLDED = 200  # characters of the extraction's detail added to the store's message
_COULD_BE = re.compile(r"could be any of (.+?); kept as written")


class ActionTies:
    """The stored action each action record of one saved extraction became."""

    def __init__(self, session: Session, document_id: int,
                 placed: Sequence[tuple[rec.Meeting, int]]) -> None:
        self.session, self.document_id = session, document_id
        self.placed = placed
        self._meeting = {id(a): m for record, m in placed for a in record.actions}
        self._rows: dict[int, list[tuple[int, str, int, int | None, int | None]]] = {}

    def action_id(self, action: rec.Action | None) -> int | None:
        """The row of `action`, in the meeting the extraction put it in: this document's
        row where one has its words and place, else the row another file of the meeting
        gave (this copy was skipped as a duplicate of it)."""
        if action is None:
            return None
        key = text_key(action.text)
        meeting = self._meeting.get(id(action))
        if meeting is None:  # a copy of the record: the meeting whose actions have its words
            meeting = next((m for record, m in self.placed for a in record.actions
                            if text_key(a.text) == key), None)
        if meeting is None:
            return None
        fits = [r for r in self._actions(meeting) if r[1] == key]
        ev = action.evidence
        place = (self.document_id, ev.page, ev.block) if ev else None
        best = next((r for r in fits if r[2:] == place), None) or next(
            (r for r in fits if r[2] == self.document_id), None) or (fits[0] if fits else None)
        return best[0] if best else None

    def _actions(self, meeting_id: int) -> list[tuple[int, str, int, int | None, int | None]]:
        if meeting_id not in self._rows:
            self._rows[meeting_id] = [
                (i, text_key(t), d, p, b) for i, t, d, p, b in self.session.execute(
                    select(db.Action.id, db.Action.text, db.Action.document_id, db.Action.page,
                           db.Action.block).where(db.Action.meeting_id == meeting_id)
                    .order_by(db.Action.id))]
        return self._rows[meeting_id]


def fold_owner_flag(session: Session, flag: rec.Flag, action_id: int | None,
                    document_id: int) -> bool:
    """True when the store already flagged the owner `flag` is about, on the same action:
    the extraction's flag is then not stored, and the names it suggested that the store's
    flag does not give are added to that flag's message (only to one this document's save
    raised: an older message is the key of the clerk's dismissal)."""
    if flag.kind != "owner-unresolved" or not flag.owner or action_id is None:
        return False
    key = name_key(flag.owner)
    stored = next((f for f in session.scalars(select(db.Flag).where(
        db.Flag.action_id == action_id, db.Flag.kind == "owner-unmatched")
        .order_by(db.Flag.id)) if name_key(f.owner or "") == key), None)
    if stored is None:
        return False
    suggested = _COULD_BE.search(flag.message)
    if suggested and stored.document_id == document_id and suggested.group(1) not in stored.message:
        names = suggested.group(1)[:MAX_FOLDED]
        stored.message += f" (the meeting's own list suggests {names})"
    return True


def settle_flags(session: Session, body_ids: Iterable[int]) -> None:
    """Recompute `flags.resolved` for every flag on an action of these bodies: the reason
    its cause is gone, or None while it holds. Writes only what changed."""
    bodies = set(body_ids)
    if not bodies:
        return
    session.flush()
    meetings = select(db.Meeting.id).where(db.Meeting.body_id.in_(bodies))
    flags = session.execute(
        select(db.Flag, db.Action.key).join(db.Action, db.Flag.action_id == db.Action.id)
        .where(db.Action.meeting_id.in_(meetings))).all()
    # A flag whose action a re-read deleted is about nothing the store can check any more.
    for f in session.scalars(select(db.Flag).where(
            db.Flag.action_id.is_(None), db.Flag.resolved.is_not(None),
            db.Flag.meeting_id.in_(meetings))):
        f.resolved = None
    if not flags:
        return
    actions = {f.action_id for f, _ in flags}
    fixed = _corrected(session, bodies, {(f.action_id, k) for f, k in flags})
    owners: dict[int, list[tuple[str, str, str | None]]] = {}
    for action_id, kind, key, person in session.execute(
            select(db.ActionOwner.action_id, db.ActionOwner.kind, db.ActionOwner.text_key,
                   db.Person.name).outerjoin(db.Person, db.ActionOwner.person_id == db.Person.id)
            .where(db.ActionOwner.action_id.in_(actions))):
        owners.setdefault(action_id, []).append((kind, key, person))
    unmatched = {(f.action_id, name_key(f.owner)): f.id for f, _ in
                 sorted(flags, key=lambda fk: fk[0].id)
                 if f.kind == "owner-unmatched" and f.owner}
    for f, _ in flags:
        reason = _reason(f, fixed.get(f.action_id or 0, {}), owners.get(f.action_id or 0, []),
                         unmatched)
        if f.resolved != reason:
            f.resolved = reason
    session.flush()


def _corrected(session: Session, bodies: set[int], actions: set[tuple[int | None, str | None]]
               ) -> dict[int, dict[str, int]]:
    """Per action id, the kinds of correction standing on it and the latest of each (an
    undone one fixes nothing: its flag opens again)."""
    by_key = {k: a for a, k in actions if k}
    ids = {a for a, _ in actions}
    out: dict[int, dict[str, int]] = {}
    for c_id, kind, action_id, key in session.execute(
            select(db.Correction.id, db.Correction.kind, db.Correction.action_id,
                   db.Correction.target_key).where(db.Correction.body_id.in_(bodies),
                                                   db.Correction.undone_at.is_(None))
            .order_by(db.Correction.id)):
        for target in {action_id if action_id in ids else None, by_key.get(key)} - {None}:
            out.setdefault(target, {})[kind] = c_id  # type: ignore[index]
    return out


def _reason(f: db.Flag, fixed: dict[str, int], owners: list[tuple[str, str, str | None]],
            unmatched: dict[tuple[int | None, str], int]) -> str | None:
    if "dismiss_action" in fixed:
        return f"the clerk said it is not an action (correction {fixed['dismiss_action']})"
    if f.kind in OWNER_KINDS and "owner" in fixed:
        return f"the clerk set the owner (correction {fixed['owner']})"
    if f.kind in DUE_KINDS and "due" in fixed:
        return f"the clerk set the due date (correction {fixed['due']})"
    if f.kind in STATUS_KINDS and "status" in fixed:
        return f"the clerk set the status (correction {fixed['status']})"
    if f.kind in OWNER_KINDS and f.owner:
        key = name_key(f.owner)
        mine = [(kind, person) for kind, k, person in owners if k == key]
        if mine and all(kind != "unmatched" for kind, _ in mine):
            named = ", ".join(dict.fromkeys(p or "a role" for _, p in mine))
            return f"owner {f.owner!r} is {named} now"
        other = unmatched.get((f.action_id, key))
        if f.kind == "owner-unresolved" and other is not None and other != f.id:
            return f"the same owner is flag {other}"
    return None

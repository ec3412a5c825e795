"""Writing a body's threads: the thread rows' values (raised where, whose now, due when,
status and why, the clerk's word winning) and their history rows, written so that rows
that did not change cost nothing and thread rows keep their ids across rebuilds."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from .. import schema as db
from .said import Said, Thread, ref_key
from .timeline import Clerk


# -- action threads -----------------------------------------------------------------------------

def _tag(key: str) -> int:
    """64 bits standing for a key in `Keys.taken`: the fold's kept state holds one per
    thread the body ever had, so it stays small (two keys sharing them: odds of 1 in 10^15
    at 10^5 threads)."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")


def _unique(key: str, taken: set[int]) -> str:
    """`key`, or a hash of it when another thread of the body has it (the same action
    worded again after the first was closed, in a meeting of the same date)."""
    n, out = 1, key
    while _tag(out) in taken:
        n += 1
        out = hashlib.sha256(f"{key}#{n}".encode()).hexdigest()
    taken.add(_tag(out))
    return out


@dataclass
class Keys:
    """The keys given to a body's threads so far, by the id of the fact that raised each,
    and every key taken: a resumed fold names its new threads as a full rebuild would."""

    given: dict[int, str] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # `_tag` of each key given

    def of(self, raised_id: int, key: str) -> str:
        if raised_id not in self.given:
            self.given[raised_id] = _unique(key, self.taken)
        return self.given[raised_id]


def _thread_values(t: Thread, clerk: dict[int, Clerk]) -> dict[str, Any]:
    """The thread row: raised where, whose now, due when, and its status and why."""
    actions = t.actions
    fixes = {a.id: clerk[a.id] for a in actions if a.id in clerk}

    def clerk_latest(kind: str) -> Said | None:
        fixed = [(getattr(fixes[a.id], kind), n, a) for n, a in enumerate(actions)
                 if a.id in fixes and getattr(fixes[a.id], kind) is not None]
        return max(fixed, key=lambda f: (f[0], f[1]))[2] if fixed else None

    owner = clerk_latest("owner") or owner_of(actions)
    due = clerk_latest("due") or next((a for a in reversed(actions) if a.due), None)
    texts = [f.text for f in fixes.values() if f.text is not None]
    clerk_says = max((f.status for f in fixes.values() if f.status is not None), default=None)

    status, note, closed_on, closed_by = "open", None, None, None
    for said, _rule in t.events:  # the latest stated status stands
        if said.status is None:
            continue
        if said.status == "closed" and status != "closed":
            closed_on = said.meeting.date
            closed_by = "raised" if said is t.raised else said.kind
        status, note = said.status, said.note
    if clerk_says is not None:  # the clerk's word wins over every paper's
        _cid, status, clerk_note, clerk_on = clerk_says
        note = clerk_note or note
        closed_on, closed_by = clerk_on, "clerk"
    if status == "open":
        closed_on = closed_by = None
    later = [s.meeting.date for s, _ in t.events if s is not t.raised and s.meeting.date]
    refs = [a.ref for a in actions if a.ref]
    return {
        "raised_action_id": t.raised.id, "raised_meeting_id": t.raised.meeting.id,
        "raised_on": t.raised.meeting.date, "ref": refs[0] if refs else None,
        "text": max(texts)[1] if texts else t.raised.text,
        "owner_action_id": owner.id if owner else None,
        "due": due.due if due else None,
        "due_text": next((a.due_text for a in reversed(actions) if a.due_text), None),
        "status": status, "status_note": note, "closed_on": closed_on,
        "closed_by": closed_by, "last_mentioned_on": max(later, default=None),
        "stale_since": t.stale_since if status == "open" and clerk_says is None else None,
        "clerk_status": clerk_says[1] if clerk_says else None,
        "clerk_note": clerk_says[2] if clerk_says else None,
        "clerk_on": clerk_says[3] if clerk_says else None,
        "relink": False,
    }


def owner_of(actions: list[Said]) -> Said | None:
    """The action whose owners are the thread's: the latest that names people, unless it
    is a poorer reading of the owners already held (no one new, and some owner left
    unresolved: "GE (?)" for a resolved name); a mention that resolves no one only counts
    while no mention has. A later mention resolving a different person reassigns it."""
    held: Said | None = None
    for a in actions:
        if not a.has_owners:
            continue
        if held is None or not held.people:  # none resolved yet: the latest printed
            held = a
        elif a.people and not (a.unresolved and a.people <= held.people):
            held = a
    return held


def _event_values(said: Said, rule: str, position: int, raised: bool) -> dict[str, Any]:
    source = said.source or {"action": "action_id", "rag": "rag_item_id",
                             "matters-arising": "resolution_id"}[said.kind]
    status = said.status
    if raised:  # the raising paper always states one: open unless it says done
        status = "closed" if status == "closed" else "open"
    return {"position": position, "meeting_id": said.meeting.id, "date": said.meeting.date,
            "kind": "raised" if raised else said.kind, "rule": rule, "status": status,
            "note": said.note, "action_id": None, "rag_item_id": None,
            "resolution_id": None, "note_id": None, source: said.id, **said.provenance}


def _assign(row: Any, values: dict[str, Any]) -> None:
    # Only what differs is set, so an unchanged thread costs no UPDATE.
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _write_threads(session: Session, model: type[db.Base], child: type[db.Base],
                   body_id: int, plan: list[tuple[list[str], str, dict[str, Any],
                                                  list[dict[str, Any]]]],
                   partial: bool = False) -> None:
    """Write a body's threads: `plan` holds, per thread, its actions' keys, its key, its
    values and its history rows' values.

    An existing row that holds the thread's key or any of its actions' keys keeps its id
    (and the clerk's columns); the rest are new, and rows no thread wants are deleted with
    their history. Keys that move are parked first, so two threads trading keys never meet
    the unique constraint half way. Rows are read with populate_existing: a bulk delete of
    facts has set their foreign keys NULL in the database under the session's copies.
    `partial`: the plan holds only the threads a resumed fold touched; the others' rows
    are neither read nor deleted.
    """
    parent: Any = model
    kid: Any = child
    fresh = {"populate_existing": True}
    query = select(parent).where(parent.body_id == body_id)
    if partial:
        query = query.where(parent.key.in_({k for m, key, _v, _h in plan for k in [key, *m]}))
    existing = {r.key: r for r in session.scalars(query.execution_options(**fresh))}
    used: set[int] = set()
    rows: list[Any] = []
    for members, key, _values, _history in plan:
        row = next((existing[k] for k in [key, *members]
                    if k in existing and existing[k].id not in used), None)
        if row is not None:
            used.add(row.id)
        rows.append(row)
    unwanted = [] if partial else [r.id for r in existing.values() if r.id not in used]
    if unwanted:
        session.execute(delete(kid).where(kid.thread_id.in_(unwanted)))
        session.execute(delete(parent).where(parent.id.in_(unwanted)))
    moving = [r for r, (_m, key, _v, _h) in zip(rows, plan, strict=True)
              if r is not None and r.key != key]
    for row in moving:
        row.key = f"~{row.id}"
    if moving:
        session.flush()
    for n, (row, (_m, key, values, _h)) in enumerate(zip(rows, plan, strict=True)):
        if row is None:
            row = rows[n] = model(body_id=body_id)
            session.add(row)
        _assign(row, {**values, "key": key})
    session.flush()
    history: dict[int, list[Any]] = {}
    query = select(kid).join(parent, kid.thread_id == parent.id).where(parent.body_id == body_id)
    if partial:
        query = query.where(kid.thread_id.in_([r.id for r in rows]))
    for h in session.scalars(query.order_by(kid.thread_id, kid.position)
                             .execution_options(**fresh)):
        history.setdefault(h.thread_id, []).append(h)
    new: list[dict[str, Any]] = []
    dropped = False
    for row, (_m, _k, _v, wanted) in zip(rows, plan, strict=True):
        have = history.get(row.id, [])
        for h, values in zip(have, wanted, strict=False):
            _assign(h, values)
        for h in have[len(wanted):]:
            session.delete(h)
            dropped = True
        new += [{"thread_id": row.id, **values} for values in wanted[len(have):]]
    if new and not dropped:
        # One statement, in order: nothing reads these back as objects. (With rows to
        # delete, the unit of work inserts before it deletes, which a statement now would
        # not: the ids could differ, so those go the slow way.)
        session.execute(insert(kid), new)
    else:
        session.add_all(child(**values) for values in new)


def write_actions(session: Session, body_id: int, threads: list[Thread],
                  clerk: dict[int, Clerk], keys: Keys | None = None,
                  partial: bool = False) -> Keys:
    """Write these threads; `partial`: only these (a resumed fold's), with `keys` as the
    folds before left them. Returns the keys, for the next resumed fold."""
    keys = keys if keys is not None else Keys()
    plan = [([a.key for a in t.actions if a.key],
             keys.of(t.raised.id, t.raised.key or f"action {t.raised.id}"),
             _thread_values(t, clerk),
             [_event_values(s, rule, n, s is t.raised) for n, (s, rule) in enumerate(t.events)])
            for t in threads]
    _write_threads(session, db.ActionThread, db.ActionStatus, body_id, plan, partial)
    return keys


# -- the carry-forward's own flags --------------------------------------------------------------

REUSED_REF = "reference-reused"
CARRY = "carry"  # the flags' extractor: this package wrote them and rewrites them


def _reused_flag(said: Said, earlier: Said) -> tuple[int, str, dict[str, Any]]:
    message = (f'Reference "{said.ref}" was used on {earlier.meeting.date} for '
               f'"{earlier.text}" and here for "{said.text}": the words differ, so this is '
               "kept as a new action; correct it if they are one.")
    return said.meeting.id, message, {**said.provenance, "extractor": CARRY,
                                      "action_id": said.id if said.kind == "action" else None}


def write_flags(session: Session, body_id: int, threads: list[Thread],
                more: Sequence[tuple[Said, Said]] = ()) -> None:
    """Flag each reference the clerk reused for another action, with both texts and where
    the later one was read (`more`: those of threads the fold's state no longer holds).
    Rewritten with the threads: a flag still wanted keeps its row (and the clerk's
    dismissal), one no longer wanted goes."""
    pairs = [p for t in threads for p in t.reused] + list(more)
    wanted = {(m, msg): at for said, earlier in pairs
              for m, msg, at in [_reused_flag(said, earlier)]}
    meetings = select(db.Meeting.id).where(db.Meeting.body_id == body_id)
    for f in session.scalars(select(db.Flag).where(
            db.Flag.kind == REUSED_REF, db.Flag.extractor == CARRY,
            db.Flag.meeting_id.in_(meetings))):
        if wanted.pop((f.meeting_id, f.message), None) is None:
            session.delete(f)
    known = existing_actions(session, [at["action_id"] for at in wanted.values()])
    session.add_all(db.Flag(meeting_id=m, kind=REUSED_REF, message=msg, dismissed=False,
                            **(at | {"action_id": at["action_id"] if at["action_id"] in known
                                     else None}))
                    for (m, msg), at in wanted.items())


def existing_actions(session: Session, ids: Iterable[int | None]) -> set[int]:
    """Which of these action ids are rows now: a flag names only those (a fold's state may
    remember a row a re-read has since replaced)."""
    wanted = {i for i in ids if i is not None}
    return set(session.scalars(select(db.Action.id).where(db.Action.id.in_(wanted)))) \
        if wanted else set()


def write_rag(session: Session, body_id: int, threads: list[list[Said]],
              keys: Keys | None = None, partial: bool = False) -> Keys:
    """As `write_actions`, for RAG threads."""
    keys = keys if keys is not None else Keys()
    plan = []
    for t in threads:
        key = hashlib.sha256(f"{ref_key(t[0].ref)}|{t[0].norm}".encode()).hexdigest()
        rated = [r.note for r in t if r.note is not None]
        values = {"ref": t[-1].ref or t[0].ref, "text": t[-1].text,
                  "status": rated[-1] if rated else None,
                  "first_on": t[0].meeting.date, "last_on": t[-1].meeting.date}
        history = [{"position": n, "meeting_id": r.meeting.id, "date": r.meeting.date,
                    "status": r.note, "rag_item_id": r.id, **r.provenance}
                   for n, r in enumerate(t)]
        plan.append(([], keys.of(t[0].id, key), values, history))
    _write_threads(session, db.RagThread, db.RagStatus, body_id, plan, partial)
    return keys

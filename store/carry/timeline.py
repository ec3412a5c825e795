"""A body's actions, RAG rows and matters-arising notes, read from the store in meeting
order, with the clerk's corrections on each action and the status each row states."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from extract.decisions.notes import arising_titles

from .. import mapping
from .. import schema as db
from ..mapping import normal_text, says_closed, says_done, says_handed_over
from .said import Said, Sitting

# Agenda item titles under which a later meeting reports on earlier actions ("Matters
# arising", "Clerk's report and actions from previous meeting"): extract's `notes.json`,
# so the notes extract keeps and the resolutions read here agree on what those items are.
MATTERS_ARISING: tuple[str, ...] = arising_titles()


@dataclass
class Clerk:
    """The clerk's corrections on one action, latest of each kind (by correction id)."""

    status: tuple[int, str, str | None, dt.date] | None = None  # (id, status, note, on)
    text: tuple[int, str] | None = None
    owner: int | None = None  # the owners on the row are the clerk's
    due: int | None = None  # the due date on the row is the clerk's
    dismissed: bool = False


def _first_seated(session: Session, body_id: int, people: set[int]) -> dict[int, dt.date]:
    """Each of `people`'s first dated meeting of the body as a member or officer present,
    or sending apologies (members of the public do not count)."""
    out: dict[int, dt.date] = {}
    if not people:
        return out
    for fact, extra in ((db.Attendance, db.Attendance.category != "public"),
                        (db.Apology, db.Apology.id.is_not(None))):
        query = (select(fact.person_id, func.min(db.Meeting.date)).join(db.Meeting)
                 .where(db.Meeting.body_id == body_id, db.Meeting.date.is_not(None),
                        fact.person_id.in_(people), extra)
                 .group_by(fact.person_id))
        for person, day in session.execute(query):
            if day < out.get(person, dt.date.max):
                out[person] = day
    return out


def _provenance(row: Any) -> dict[str, Any]:
    return {c: getattr(row, c) for c in
            ("document_id", "page", "block", "extractor", "span_start", "span_end")}


class Timeline:
    """A body's actions, RAG rows and matters-arising notes, by meeting in order."""

    def __init__(self, session: Session, body_id: int,
                 after: tuple[Any, ...] | None = None) -> None:
        """`after`: read only the meetings that order after it (`Sitting.order`) and list
        the ids of the others in `earlier`, for a fold that resumes there."""
        every = sorted(
            (Sitting(i, d, r) for i, d, r in session.execute(
                select(db.Meeting.id, db.Meeting.date, db.Meeting.record)
                .where(db.Meeting.body_id == body_id))),
            key=lambda m: m.order)
        self.earlier = [m.id for m in every if after is not None and m.order <= after]
        self.meetings = [m for m in every if after is None or m.order > after]
        by_id = {m.id: m for m in self.meetings}
        ids = list(by_id)
        self.clerk = _clerk(session, ids)
        self.titles = titles = {(m, n): t for m, n, t in session.execute(
            select(db.AgendaItem.meeting_id, db.AgendaItem.number, db.AgendaItem.title)
            .where(db.AgendaItem.meeting_id.in_(ids)))}

        def arising(meeting_id: int, item: str | None, text: str) -> bool:
            title = normal_text(titles.get((meeting_id, item or ""), ""))
            return (any(t in title for t in MATTERS_ARISING)
                    or normal_text(text).startswith("matters arising"))

        # Each action's owners: the people they resolved to, and whether any did not.
        owned: dict[int, tuple[set[int], bool]] = {}
        for action_id, person_id in session.execute(
                select(db.ActionOwner.action_id, db.ActionOwner.person_id).join(db.Action)
                .where(db.Action.meeting_id.in_(ids))):
            people, unresolved = owned.get(action_id, (set(), False))
            if person_id is not None:
                people.add(person_id)
            owned[action_id] = (people, unresolved or person_id is None)
        seated = _first_seated(session, body_id,
                               {p for people, _ in owned.values() for p in people})
        self.actions: dict[int, list[Said]] = {m: [] for m in ids}
        # Plain rows, not ORM objects: read once, never written, and a large body has
        # thousands of them.
        for a in session.execute(_columns(db.Action).where(db.Action.meeting_id.in_(ids))
                                 .order_by(db.Action.id)):
            clerk = self.clerk.get(a.id, Clerk())
            if clerk.dismissed:  # the clerk says it is not an action
                continue
            status, note = _action_says(a, clerk, arising(a.meeting_id, a.item, a.text))
            people, unresolved = owned.get(a.id, (set(), False))
            day = by_id[a.meeting_id].date
            outsiders = bool(people) and not unresolved and day is not None and all(
                seated.get(p, dt.date.max) > day for p in people)
            self.actions[a.meeting_id].append(Said(
                "action", a.id, by_id[a.meeting_id], a.text, a.ref, _provenance(a),
                status=status, note=note, due=a.due, due_text=a.due_text,
                has_owners=a.id in owned, people=frozenset(people), unresolved=unresolved,
                key=a.key or "", item=a.item, owner_text=a.owner_text, outsiders=outsiders))
        self.rag: dict[int, list[Said]] = {m: [] for m in ids}
        for r in session.execute(_columns(db.RagItem).where(db.RagItem.meeting_id.in_(ids))
                                 .order_by(db.RagItem.id)):
            status = None if r.status is None else "closed" if r.status == "blue" else "open"
            self.rag[r.meeting_id].append(Said(
                "rag", r.id, by_id[r.meeting_id], r.text, r.ref, _provenance(r),
                status=status, note=r.status, due_text=r.due_text))
        self.notes: dict[int, list[Said]] = {m: [] for m in ids}
        self.frequency: dict[str, int] = {}
        for n in session.execute(_columns(db.Resolution).where(
                db.Resolution.meeting_id.in_(ids)).order_by(db.Resolution.id)):
            if arising(n.meeting_id, n.item, n.text):
                self.notes[n.meeting_id].append(Said(
                    "matters-arising", n.id, by_id[n.meeting_id], n.text, None,
                    _provenance(n), status="closed" if says_done(n.text) else None,
                    note=n.text))
        # Narrative notes (`db.Note`): the sentences of those items, and done-reports of
        # any item; linked by the references they name or the words they contain.
        for n in session.execute(_columns(db.Note).where(
                db.Note.meeting_id.in_(ids)).order_by(db.Note.id)):
            self.notes[n.meeting_id].append(Said(
                "matters-arising", n.id, by_id[n.meeting_id], n.text, None, _provenance(n),
                status="closed" if says_done(n.text) else None, note=n.text,
                source="note_id", aside=not n.arising))
        for said in (s for group in (self.actions, self.rag, self.notes)
                     for ss in group.values() for s in ss):
            for w in said.content:
                self.frequency[w] = self.frequency.get(w, 0) + 1


def _columns(model: type[db.Base]) -> Select[Any]:
    table: Any = model
    return select(*table.__table__.columns)


def _clerk(session: Session, meeting_ids: list[int]) -> dict[int, Clerk]:
    """The clerk's corrections on these meetings' actions, by action id. `store.corrections`
    points each correction at the action it applies to now (`corrections.action_id`)."""
    c = db.Correction
    out: dict[int, Clerk] = {}
    for cid, kind, value, note, created, action_id in session.execute(
            select(c.id, c.kind, c.value, c.note, c.created_at, c.action_id)
            .join(db.Action, db.Action.id == c.action_id)
            .where(db.Action.meeting_id.in_(meeting_ids), c.undone_at.is_(None),
                   c.kind.in_(("status", "text", "owner", "due", "dismiss_action")))
            .order_by(c.id)):
        fix = out.setdefault(action_id, Clerk())
        if kind == "status" and value in db.ACTION_STATUSES:
            fix.status = (cid, value, note, created.date())
        elif kind == "text" and value:
            fix.text = (cid, value)
        elif kind == "owner":
            fix.owner = cid
        elif kind == "due":
            fix.due = cid
        elif kind == "dismiss_action":
            fix.dismissed = True
    return out


def _action_says(a: Any, clerk: Clerk, arising: bool) -> tuple[str | None, str | None]:
    """The status an action row states, and the words it states it with.

    `actions.status` may hold the clerk's correction (which decides the thread anyway);
    the paper's own word is what counts for the mention (`status_text` keeps a word that
    was not plain open/closed)."""
    paper = a.status if clerk.status is None else (
        mapping.action_status(a.status_text)[0] if a.status_text else None)
    note = a.update or a.status_text
    # A done-report counts as much as a closing word ("Letter sent", "Now on the website").
    if (paper == "closed" or says_done(a.update) or says_done(a.status_text)
            or says_handed_over(a.update) or says_handed_over(a.status_text)
            or (arising and says_closed(a.text))):
        return "closed", note or "closed"
    if a.status_text or a.update:
        return "open", note
    return None, None

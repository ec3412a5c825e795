"""What each page shows, read from the store as plain data (dicts of text, numbers, dates
and lists): the page's template renders it and its JSON twin returns it unchanged. Store
rows never reach a template. The store's own queries are reused where they exist
(`open_flags`, `outstanding_actions`, `rag_trend`, `people_listing`, `similar_people`,
`correction_log`)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import outstanding_actions
from store import schema as db
from store.aliases import similar_people
from store.corrections import correction_log
from store.people import people_listing
from store.queries import ActionView, rag_trend
from store.review import open_flags

from .evidence import evidence_state

QUEUE_LIMIT = 500  # flags on one page of the queue; the count says how many more there are


# -- the review queue ---------------------------------------------------------------------------

def review_queue(s: Session, *, body: str | None, kind: str | None) -> dict[str, Any]:
    """Open flags grouped by meeting (newest first), then by kind, each with its evidence:
    the words stored from its block, the actions read there, and how its page can be shown."""
    flags, total = open_flags(s, body=body, kind=kind, limit=QUEUE_LIMIT)
    ids = [f.id for f in flags]
    where = {fid: (mid, bid) for fid, mid, bid in s.execute(
        select(db.Flag.id, db.Flag.meeting_id, db.Meeting.body_id)
        .outerjoin(db.Meeting, db.Flag.meeting_id == db.Meeting.id)
        .where(db.Flag.id.in_(ids)))} if ids else {}
    formats = dict(s.execute(select(db.Document.id, db.Document.format).where(
        db.Document.id.in_({f.document_id for f in flags}))).all()) if flags else {}
    actions = _actions_at(s, {(f.document_id, f.page, f.block) for f in flags
                              if f.block is not None})
    states: dict[int, dict[str, Any]] = {}
    groups: dict[int | None, dict[str, Any]] = {}
    for f in flags:
        meeting_id, body_id = where.get(f.id, (None, None))
        if f.document_id not in states:
            states[f.document_id] = evidence_state(s, f.document_id, formats.get(f.document_id))
        item = {
            "id": f.id, "kind": f.kind, "message": f.message, "file": f.file,
            "page": f.page, "block": f.block, "words": list(f.words), "body_id": body_id,
            "actions": actions.get((f.document_id, f.page, f.block), []),
            "evidence": _evidence(f.id, f.page, states[f.document_id]),
        }
        group = groups.setdefault(meeting_id, {
            "meeting_id": meeting_id, "body": f.body, "body_id": body_id, "record": f.record,
            "date": f.meeting_date, "count": 0, "kinds": {}})
        group["count"] += 1
        group["kinds"].setdefault(f.kind, []).append(item)
    ordered = sorted(groups.values(), key=lambda g: (g["date"] is not None,
                                                     g["date"] or dt.date.min), reverse=True)
    for g in ordered:
        g["kinds"] = [{"kind": k, "count": len(v), "flags": v}
                      for k, v in sorted(g["kinds"].items())]
    bodies = {g["body_id"] for g in ordered if g["body_id"] is not None}
    return {"total": total, "shown": len(flags), "body": body, "kind": kind,
            "meetings": ordered, "people": people_of(s, bodies)}


def _evidence(flag_id: int, page: int | None, state: dict[str, Any]) -> dict[str, Any]:
    if state["available"] and page is None:
        return {"image": False, "message": "No page is recorded for this flag."}
    return {"image": state["available"], "message": state["message"]}


def _actions_at(s: Session, places: set[tuple[int, int | None, int | None]]
                ) -> dict[tuple[int, int | None, int | None], list[dict[str, Any]]]:
    """The actions read from each (document, page, block): a flag there is about them."""
    if not places:
        return {}
    docs, blocks = {d for d, _, _ in places}, {b for _, _, b in places}
    out: dict[tuple[int, int | None, int | None], list[dict[str, Any]]] = defaultdict(list)
    rows = s.scalars(select(db.Action).where(db.Action.document_id.in_(docs),
                                             db.Action.block.in_(blocks))
                     .order_by(db.Action.id)).all()
    for a in rows:
        if (a.document_id, a.page, a.block) in places:
            out[(a.document_id, a.page, a.block)].append(action_row(a))
    return out


def action_row(a: db.Action) -> dict[str, Any]:
    """An action as read from one paper (its row: text, owner as printed, due), with the
    owners and status now (corrections applied)."""
    return {"id": a.id, "item": a.item, "ref": a.ref, "text": a.text,
            "owner_text": a.owner_text, "due": a.due, "due_text": a.due_text,
            "status": a.status, "status_text": a.status_text,
            "owners": [o.person.name if o.person is not None else o.text
                       for o in sorted(a.owners, key=lambda o: o.position)]}


def people_of(s: Session, bodies: set[int]) -> dict[int, list[str]]:
    """Each body's people by name: the owner picker's list."""
    out: dict[int, list[str]] = {b: [] for b in bodies}
    if bodies:
        for body_id, name in s.execute(select(db.Person.body_id, db.Person.name)
                                       .where(db.Person.body_id.in_(bodies))
                                       .order_by(db.Person.name_key)):
            out[body_id].append(name)
    return out


# -- meetings -----------------------------------------------------------------------------------

def meetings(s: Session) -> dict[str, Any]:
    counts = {model.__tablename__: dict(s.execute(
        select(model.meeting_id, func.count()).group_by(model.meeting_id)).all())
        for model in (db.Attendance, db.Apology, db.Resolution, db.Action)}
    flags = dict(s.execute(select(db.Flag.meeting_id, func.count())
                           .where(db.Flag.dismissed.is_(False))
                           .group_by(db.Flag.meeting_id)).all())
    rows = s.execute(select(db.Meeting, db.Body.name).join(db.Body)
                     .order_by(db.Meeting.date.is_(None), db.Meeting.date.desc(),
                               db.Meeting.id)).all()
    return {"meetings": [{
        "id": m.id, "body": body, "date": m.date, "record": m.record, "venue": m.venue,
        "attendees": counts["attendance"].get(m.id, 0),
        "apologies": counts["apologies"].get(m.id, 0),
        "resolutions": counts["resolutions"].get(m.id, 0),
        "actions": counts["actions"].get(m.id, 0), "open_flags": flags.get(m.id, 0),
    } for m, body in rows]}


def meeting(s: Session, meeting_id: int) -> dict[str, Any] | None:
    m = s.get(db.Meeting, meeting_id)
    if m is None:
        return None
    attendance: dict[str, list[dict[str, Any]]] = {}
    for a in s.scalars(select(db.Attendance).where(db.Attendance.meeting_id == m.id)
                       .order_by(db.Attendance.id)):
        attendance.setdefault(a.category, []).append({
            "person_id": a.person_id, "name": a.person.name, "role": a.role,
            "title": a.title, "organisation": a.organisation,
            "substitute_for": a.substitute_for})
    apologies = [{"person_id": a.person_id, "name": a.person.name, "title": a.title}
                 for a in s.scalars(select(db.Apology).where(db.Apology.meeting_id == m.id)
                                    .order_by(db.Apology.id))]
    resolutions = [{"item": r.item, "text": r.text} for r in s.scalars(
        select(db.Resolution).where(db.Resolution.meeting_id == m.id)
        .order_by(db.Resolution.id))]
    actions = [action_row(a) for a in s.scalars(
        select(db.Action).where(db.Action.meeting_id == m.id).order_by(db.Action.id))]
    files = list(s.scalars(select(db.Document.file_name).join(
        db.MeetingSource, db.MeetingSource.document_id == db.Document.id)
        .where(db.MeetingSource.meeting_id == m.id).order_by(db.MeetingSource.id)))
    return {"id": m.id, "body": m.body.name, "body_id": m.body_id, "date": m.date,
            "record": m.record, "venue": m.venue, "start_time": m.start_time,
            "files": files,
            "attendance": [{"category": c, "people": p} for c, p in attendance.items()],
            "apologies": apologies, "resolutions": resolutions, "actions": actions,
            "people": people_of(s, {m.body_id})}


# -- the action log -----------------------------------------------------------------------------

SORTS = {
    "raised": lambda a: (a.meeting_date is None, a.meeting_date or dt.date.min, a.thread_id),
    "due": lambda a: (a.due is None, a.due or dt.date.min, a.thread_id),
    "owner": lambda a: ([o.lower() for o in a.owners] or ["~"], a.thread_id),
    "age": lambda a: (a.age_days is None, -(a.age_days or 0), a.thread_id),
    "status": lambda a: (a.status, a.thread_id),
    "body": lambda a: (a.body.lower(), a.thread_id),
}


def action_log(s: Session, *, today: dt.date, person: str | None, body: str | None,
               status: str, overdue: bool, since: dt.date | None, until: dt.date | None,
               sort: str) -> dict[str, Any]:
    """The cross-meeting action log (store.outstanding_actions) filtered by who owns it,
    its body, status, overdue and when it was raised, sorted by one column."""
    rows: list[ActionView] = outstanding_actions(s, today=today, owner=person,
                                                 status=status,  # type: ignore[arg-type]
                                                 body=body, overdue=overdue)
    if since is not None:
        rows = [a for a in rows if a.meeting_date is not None and a.meeting_date >= since]
    if until is not None:
        rows = [a for a in rows if a.meeting_date is not None and a.meeting_date <= until]
    rows.sort(key=SORTS[sort])
    return {"filters": {"person": person, "body": body, "status": status,
                        "overdue": overdue, "from": since, "to": until, "sort": sort},
            "count": len(rows), "actions": [asdict(a) for a in rows]}


# -- people and RAG -----------------------------------------------------------------------------

def people(s: Session) -> dict[str, Any]:
    listing = people_listing(s)
    rows = s.scalars(select(db.Person).order_by(db.Person.body_id, db.Person.name_key)).all()
    bodies = dict(s.execute(select(db.Body.id, db.Body.name)).all())
    seen: set[frozenset[int]] = set()
    suggestions = []
    for p in rows:  # near spellings within a body: candidates for a merge
        for other in similar_people(s, p):
            pair = frozenset((p.id, other.id))
            if pair not in seen:
                seen.add(pair)
                suggestions.append({"body": bodies.get(p.body_id), "body_id": p.body_id,
                                    "a": {"id": p.id, "name": p.name},
                                    "b": {"id": other.id, "name": other.name}})
    return {"people": [asdict(v) for v in listing], "near_duplicates": suggestions}


def person(s: Session, person_id: int, *, today: dt.date) -> dict[str, Any] | None:
    p = s.get(db.Person, person_id)
    if p is None:
        return None
    body = s.get(db.Body, p.body_id)
    assert body is not None
    aliases = list(s.scalars(select(db.PersonAlias.alias)
                             .where(db.PersonAlias.person_id == p.id)
                             .order_by(db.PersonAlias.id)))
    mine = _owned_thread_ids(s, p.id)
    open_actions = [asdict(a) for a in outstanding_actions(s, today=today, status="open")
                    if a.thread_id in mine]
    attended = s.execute(select(db.Meeting.id, db.Meeting.date, db.Meeting.record,
                                db.Attendance.category)
                         .join(db.Attendance, db.Attendance.meeting_id == db.Meeting.id)
                         .where(db.Attendance.person_id == p.id)
                         .order_by(db.Meeting.date.desc())).all()
    return {"id": p.id, "name": p.name, "body": body.name, "body_id": body.id,
            "aliases": aliases,
            "meetings": [{"id": i, "date": d, "record": r, "category": c}
                         for i, d, r, c in attended],
            "open_actions": open_actions,
            "similar": [{"id": o.id, "name": o.name} for o in similar_people(s, p)]}


def _owned_thread_ids(s: Session, person_id: int) -> set[int]:
    """Threads whose current owners include the person (by id, not by name)."""
    return set(s.scalars(select(db.ActionThread.id).join(
        db.ActionOwner, db.ActionOwner.action_id == db.ActionThread.owner_action_id)
        .where(db.ActionOwner.person_id == person_id)))


def rag(s: Session, *, body: str | None) -> dict[str, Any]:
    items = rag_trend(s, body=body)
    return {"body": body, "items": [{**asdict(t), "trend": t.trend} for t in items]}


# -- the clerk's corrections --------------------------------------------------------------------

def corrections(s: Session, *, body: str | None) -> dict[str, Any]:
    """Every correction (store.corrections.correction_log), newest first, each saying
    whether it was undone (an undone one is kept, and applies no longer)."""
    rows = [{**asdict(c), "undone": c.undone_at is not None}
            for c in reversed(correction_log(s, body=body))]
    return {"body": body, "count": len(rows),
            "standing": sum(not r["undone"] for r in rows), "corrections": rows}

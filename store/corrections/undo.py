"""Undoing a correction: the row is stamped `undone_at` (never deleted, so the record keeps
what was done and undone), every reader leaves it out from then on, and what applying it
wrote is put back, so the store is as if it had never been made:

- owner, due, status: the paper's value (kept with the correction when it was recorded,
  `record.paper_value`), unless an earlier correction of the kind still stands: latest wins;
- text, dismiss_action: only read, never written; the threads are rebuilt without them;
- dismiss_flag, accept_flag: the flag (every copy) is open again, unless another
  correction still closes it;
- alias: the name is no longer the person's; owners written with it are resolved again;
- merge_people: the other person is made again, with the rows the merge moved (kept in the
  correction's `detail`) and those it dropped as duplicates; the alias goes;
- add_action: the clerk's row goes.

Then the body's corrections are applied again and its action threads rebuilt.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from .. import schema as db
from ..carry import refresh
from ..db import write_lock
from ..flags import settle_flags
from ..names import name_key, surname_key
from ..people import PersonResolver, person_references, row_from_json
from .added import CLERK, drop_row
from .apply import Scope, actions_by_key, apply_corrections, exactly_named, flags_with_key
from .keys import FLAG_KINDS, MAX_NOTE, PEOPLE_KINDS, CorrectionError, bounded, timestamp


@dataclass(frozen=True)
class Undone:
    """What `undo_correction` did, for a command or a page to show."""

    correction_id: int
    kind: str
    target: str  # the action's text, the flag's message or the person's name
    value: str | None
    body: str | None
    meeting_date: dt.date | None
    restored: tuple[str, ...]  # what was put back, one line each
    caveats: tuple[str, ...] = ()  # what could not be, and why


def undo_correction(session: Session, correction_id: int, note: str | None = None, *,
                    now: dt.datetime | None = None) -> Undone:
    """Undo correction `correction_id` (see the module docstring) and commit. Raises
    CorrectionError, changing nothing, for an unknown or already undone correction."""
    note = bounded(note, MAX_NOTE, "note")
    try:
        write_lock(session)
        c = session.get(db.Correction, correction_id)
        if c is None:
            raise CorrectionError(f"there is no correction {correction_id}; `boardpapers "
                                  "corrections` lists them")
        if c.undone_at is not None:
            raise CorrectionError(f"correction {correction_id} was already undone on "
                                  f"{c.undone_at:%Y-%m-%d %H:%M}; record it again to redo it")
        c.undone_at, c.undone_note = timestamp(now), note
        session.flush()
        restored, caveats = _HANDLERS[c.kind](session, c)
        c.action_id = c.flag_id = c.person_id = None  # it applies to nothing now
        if c.body_id is not None:
            apply_corrections(session, Scope(pairs={(c.body_id, c.meeting_date)},
                                             bodies={c.body_id}))
            refresh(session, {c.body_id})
            settle_flags(session, {c.body_id})  # a flag the undone fix had closed reopens
        else:
            apply_corrections(session, Scope(pairs=set(), bodies=set(), document_flags=True))
        body = session.get(db.Body, c.body_id) if c.body_id is not None else None
        result = Undone(c.id, c.kind, c.target, c.value, body.name if body else None,
                        c.meeting_date, tuple(restored), tuple(caveats))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


Lines = tuple[list[str], list[str]]


def _standing(session: Session, c: db.Correction, kinds: tuple[str, ...]) -> db.Correction | None:
    """Another correction of `kinds` on the same target that still applies."""
    return session.scalars(select(db.Correction).where(
        db.Correction.kind.in_(kinds), db.Correction.target_key == c.target_key,
        db.Correction.id != c.id, db.Correction.undone_at.is_(None))
        .order_by(db.Correction.id.desc()).limit(1)).first()


def _field(session: Session, c: db.Correction) -> Lines:
    other = _standing(session, c, (c.kind,))
    if other is not None:
        return [f"{c.kind} is correction {other.id}'s again (the latest standing)"], []
    if not c.detail or "paper" not in json.loads(c.detail):
        return [], [f"the paper's {c.kind} was not kept with this correction (made before "
                    "undo existed); the action keeps it until its paper is read again"]
    paper = json.loads(c.detail)["paper"]
    assert c.body_id is not None
    rows = actions_by_key(session, c.body_id, c.meeting_date).get(c.target_key)
    if not rows and c.action_id is not None:  # a re-issue reworded it (corrections.rematch)
        found = session.get(db.Action, c.action_id)
        rows = [found] if found is not None else []
    for action in rows or []:
        if c.kind == "due":
            action.due = dt.date.fromisoformat(paper) if paper else None
        elif c.kind == "status":
            action.status = paper
        else:
            _put_owners(session, action, c.body_id, paper)
    shown = {"owner": lambda p: ", ".join(o[2] for o in p) or "none",
             "due": lambda p: p or "none", "status": lambda p: p}[c.kind](paper)
    return [f"{c.kind} is the paper's again: {shown}"], []


def _put_owners(session: Session, action: db.Action, body_id: int,
                owners: list[list[Any]]) -> None:
    session.execute(delete(db.ActionOwner).where(db.ActionOwner.action_id == action.id))
    resolver = PersonResolver(session, body_id)
    for n, (kind, person_id, text, text_key) in enumerate(owners):
        if person_id is not None and session.get(db.Person, person_id) is None:
            found = resolver.find(text).person  # merged or re-made since: by name again
            kind, person_id = ("person", found.id) if found else ("unmatched", None)
        session.add(db.ActionOwner(action_id=action.id, position=n, kind=kind,
                                   person_id=person_id, text=text, text_key=text_key))
    session.flush()
    session.expire(action, ["owners"])


def _read_only(session: Session, c: db.Correction) -> Lines:
    if c.kind == "dismiss_action":
        return ["the action is back in the listing and the log"], []
    other = _standing(session, c, ("text",))
    return [f"the wording is {'correction %d' % other.id if other else 'the paper'}'s "
            "again"], []


def _flag(session: Session, c: db.Correction) -> Lines:
    other = _standing(session, c, FLAG_KINDS)
    if other is not None:
        return [], [f"correction {other.id} still closes the flag"]
    flags = session.scalars(select(db.Flag).where(
        db.Flag.id.in_(flags_with_key(session, c)))).all()
    for flag in flags:
        flag.dismissed = False
    ids = ", ".join(str(f.id) for f in flags)
    return [f"flag {ids} is open again" if flags else "the flag is not in the store now"], []


def _alias(session: Session, c: db.Correction) -> Lines:
    person = _person(session, c)
    if person is None:
        return [], [f"{c.target} is not a person of the store now"]
    _drop_alias(session, c, person)
    moved = 0
    resolver = PersonResolver(session, person.body_id)
    key = name_key(c.value or "")
    for owner in session.scalars(select(db.ActionOwner).where(
            db.ActionOwner.person_id == person.id, db.ActionOwner.text_key == key)):
        found = resolver.find(owner.text).person
        owner.kind, owner.person_id = ("person", found.id) if found else ("unmatched", None)
        moved += 1
    session.flush()
    lines = [f"{c.value} is no longer a name of {person.name}"]
    if moved:
        lines.append(f"{moved} action owner(s) written {c.value} resolved again")
    return lines, []


def _merge(session: Session, c: db.Correction) -> Lines:
    keep = _person(session, c)
    assert c.value is not None
    if keep is None:
        return [], [f"{c.target} is not a person of the store now; nothing to split"]
    _drop_alias(session, c, keep)
    other = exactly_named(session, keep.body_id, c.value)
    if other is None or other.id == keep.id:
        key = name_key(c.value)
        other = db.Person(body_id=keep.body_id, name=c.value, name_key=key,
                          surname_key=surname_key(key))
        session.add(other)
        session.flush()
    detail = json.loads(c.detail) if c.detail else {}
    tables = person_references()
    counts: dict[str, int] = {}
    for table, ids in detail.get("moved", {}).items():
        if table not in tables or table == "corrections":
            continue  # which row a correction applies to is set again when it is applied
        model, attr = tables[table]
        column = getattr(model, attr)
        n = session.execute(update(model).where(model.id.in_(ids), column == keep.id)
                            .values({attr: other.id})
                            .execution_options(synchronize_session="fetch")).rowcount or 0
        counts[table] = counts.get(table, 0) + int(n)
    counts |= _give_back_dropped(session, detail.get("dropped", {}), other.id)
    # owners written with the other name, whatever the merge kept (or a re-read made since)
    key = name_key(c.value)
    n = session.execute(update(db.ActionOwner).where(
        db.ActionOwner.person_id == keep.id, db.ActionOwner.text_key == key)
        .values(person_id=other.id).execution_options(synchronize_session="fetch")).rowcount
    if n:
        counts["action_owners"] = max(counts.get("action_owners", 0), int(n))
    session.flush()
    moved = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in sorted(counts.items()) if n)
    lines = [f"{other.name} is a person of their own again, apart from {keep.name}",
             f"given back to {other.name}: {moved or 'nothing'}"]
    caveats = [] if detail else [
        "this merge was made before merges kept what they moved: only action owners written "
        f"{c.value} went back; attendance stays with {keep.name} until the papers are read "
        "again"]
    return lines, caveats


def _give_back_dropped(session: Session, dropped: dict[str, list[dict[str, Any]]],
                       person_id: int) -> dict[str, int]:
    """Insert again the rows a merge dropped as duplicates, now the other person's, parents
    first (an attendance row before the roles that hang off it); they get new ids, and a
    column naming a row given back is pointed at its new id."""
    tables = person_references()
    new_ids: dict[str, dict[int, int]] = {}
    counts: dict[str, int] = {}
    for table in db.Base.metadata.sorted_tables:
        if table.name not in dropped or table.name not in tables:
            continue
        _, attr = tables[table.name]
        for values in dropped[table.name]:
            row = row_from_json(table, values)
            old_id = row.pop("id", None)
            row[attr] = person_id
            for fk in (f for col in table.columns for f in col.foreign_keys):
                moved = new_ids.get(fk.column.table.name, {})
                if row.get(fk.parent.name) in moved:
                    row[fk.parent.name] = moved[row[fk.parent.name]]
            new_id = session.execute(insert(table).values(row)
                                     .returning(table.c.id)).scalar_one()
            if old_id is not None:
                new_ids.setdefault(table.name, {})[old_id] = new_id
            counts[table.name] = counts.get(table.name, 0) + 1
    return counts


def _person(session: Session, c: db.Correction) -> db.Person | None:
    person = session.get(db.Person, c.person_id) if c.person_id is not None else None
    if person is None and c.body_id is not None:
        person = exactly_named(session, c.body_id, c.target)
    return person


def _drop_alias(session: Session, c: db.Correction, person: db.Person) -> None:
    """Remove the name `c.value` from `person`, unless another standing correction of the
    body still gives it (an alias recorded twice, a merge and an alias of one name)."""
    key = name_key(c.value or "")
    others = session.scalars(select(db.Correction.value).where(
        db.Correction.kind.in_(PEOPLE_KINDS), db.Correction.body_id == c.body_id,
        db.Correction.id != c.id, db.Correction.undone_at.is_(None))).all()
    if any(name_key(v or "") == key for v in others):
        return
    session.execute(delete(db.PersonAlias).where(db.PersonAlias.person_id == person.id,
                                                 db.PersonAlias.alias_key == key))
    session.flush()


def _added(session: Session, c: db.Correction) -> Lines:
    assert c.body_id is not None
    rows = [a for a in actions_by_key(session, c.body_id, c.meeting_date).get(c.target_key, [])
            if a.extractor == CLERK]
    for action in rows:
        drop_row(session, action)
    return ["the added action is gone from the listing, the log and the threads"], []


_HANDLERS = {"owner": _field, "due": _field, "status": _field, "text": _read_only,
             "dismiss_action": _read_only, "dismiss_flag": _flag, "accept_flag": _flag,
             "alias": _alias, "merge_people": _merge, "add_action": _added}

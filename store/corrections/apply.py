"""Re-applying: every correction finds its target again by natural key and is written
onto the rows there now (owners, due dates, statuses, flag dismissals, people merged and
aliased), after each save and whenever a correction is recorded. Idempotent: what is
already corrected is not written again, so a re-run changes no row."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .. import schema as db
from ..names import is_role, name_key
from ..people import Merged, PersonResolver, add_alias, merge_people
from .keys import ACTION_KINDS, FLAG_KINDS, PEOPLE_KINDS, action_key, flag_key, places_of
from .rematch import AMBIGUOUS, Wording, rematch


def exactly_named(session: Session, body_id: int, name: str) -> db.Person | None:
    """The person of the body whose own name or alias is `name`; no surname guessing."""
    match = PersonResolver(session, body_id).find(name)
    return match.person if match.how in ("exact", "alias") else None


@dataclass(frozen=True)
class Scope:
    """Which corrections to apply: those of these (body, meeting date) pairs, and the
    people corrections of these bodies; None for everything."""

    pairs: set[tuple[int, dt.date | None]]
    bodies: set[int]
    document_flags: bool = False  # also dismissals of flags that belong to no meeting


def reapply_corrections(session: Session, *, document_id: int | None = None) -> None:
    """Apply the corrections that can touch what document `document_id` records (every
    correction when None) to the rows there now. Idempotent: rows already corrected are not
    written again. Does not commit: `store.save` calls it inside the document's transaction,
    after the facts are saved."""
    if document_id is None:
        apply_corrections(session, None)
        return
    meetings = set(session.scalars(select(db.MeetingSource.meeting_id).where(
        db.MeetingSource.document_id == document_id)))
    meetings |= {m for m in session.scalars(select(db.Flag.meeting_id).where(
        db.Flag.document_id == document_id)) if m is not None}
    places = places_of(session, meetings).values()
    apply_corrections(session, Scope(pairs={(p.body_id, p.date) for p in places},
                                     bodies={p.body_id for p in places},
                                     document_flags=True))


def apply_corrections(session: Session, scope: Scope | None) -> None:
    session.flush()
    query = (select(db.Correction).where(db.Correction.undone_at.is_(None))
             .order_by(db.Correction.id))
    if scope is not None:
        near = [db.Correction.body_id.in_({b for b, _ in scope.pairs} | scope.bodies)]
        if scope.document_flags:
            near.append(db.Correction.body_id.is_(None))
        query = query.where(or_(*near))
    # populate_existing: a bulk delete may have cleared the *_id columns under us.
    rows = session.scalars(query.execution_options(populate_existing=True)).all()
    if scope is not None:
        rows = [c for c in rows if c.kind in PEOPLE_KINDS or c.body_id is None
                or (c.body_id, c.meeting_date) in scope.pairs]
    for c in rows:  # people first: owners below resolve through the aliases they make
        if c.kind in PEOPLE_KINDS:
            _apply_people(session, c)
    if any(c.kind in PEOPLE_KINDS for c in rows):
        _resolve_by_alias(session, scope)
    by_group: dict[tuple[int | None, dt.date | None], list[db.Correction]] = {}
    for c in rows:
        if c.kind not in PEOPLE_KINDS:
            by_group.setdefault((c.body_id, c.meeting_date), []).append(c)
    for (body_id, date), group in by_group.items():
        added = [c for c in group if c.kind == "add_action"]
        if added and body_id is not None:  # first: the others may correct an added action
            from .added import materialise  # added imports this module
            materialise(session, body_id, date, added)
        actions = [c for c in group if c.kind in ACTION_KINDS]
        if actions and body_id is not None:
            _apply_actions(session, body_id, date, actions)
        flags = [c for c in group if c.kind in FLAG_KINDS]
        for c in flags:
            matches = flags_with_key(session, c)
            for flag in session.scalars(select(db.Flag).where(db.Flag.id.in_(matches))):
                flag.dismissed = True
            set_if_changed(c, "flag_id", min(matches) if matches else None)
    session.flush()


def _apply_people(session: Session, c: db.Correction) -> None:
    """Make `c.value` a name of the person `c.target`, whatever a re-read did meanwhile:
    a person called `c.value` made since is merged in; if only that person is left (the
    kept person was dropped with a re-read), it takes the kept person's name."""
    assert c.body_id is not None and c.value is not None
    person = exactly_named(session, c.body_id, c.target)
    other = exactly_named(session, c.body_id, c.value)
    if person is None and other is None:
        set_if_changed(c, "person_id", None)
        return
    if person is None:
        assert other is not None
        person, other = other, None
        key = name_key(c.target)
        person.name, person.name_key = c.target, key
        person.surname_key = key.split()[-1] if key else ""
    if other is not None and other.id != person.id:
        merged = merge_people(session, person, other)
        if c.kind == "merge_people":  # so that undoing it can move these back too
            c.detail = add_moved(c.detail, merged)
    add_alias(session, person, c.value)
    set_if_changed(c, "person_id", person.id)


def _resolve_by_alias(session: Session, scope: Scope | None) -> None:
    """Owners kept as text that a clerk's alias now names. A re-read drops the people only
    it named, and their aliases with them, before saving its facts; the aliases come back
    above, after those facts were resolved without them. An unmatched owner's text key and
    an alias key are both `name_key`s, so they are matched by equality."""
    query = (select(db.ActionOwner, db.PersonAlias.person_id)
             .join(db.Action, db.ActionOwner.action_id == db.Action.id)
             .join(db.Meeting, db.Action.meeting_id == db.Meeting.id)
             .join(db.PersonAlias, db.PersonAlias.alias_key == db.ActionOwner.text_key)
             .join(db.Person, db.Person.id == db.PersonAlias.person_id)
             .where(db.ActionOwner.kind == "unmatched", db.Person.body_id == db.Meeting.body_id)
             .order_by(db.ActionOwner.id, db.PersonAlias.person_id))
    if scope is not None:
        query = query.where(db.Meeting.body_id.in_({b for b, _ in scope.pairs} | scope.bodies))
    done: set[int] = set()
    for owner, person_id in session.execute(query).all():
        if owner.id in done:
            continue
        done.add(owner.id)
        twin = session.scalar(select(db.ActionOwner.id).where(
            db.ActionOwner.action_id == owner.action_id, db.ActionOwner.person_id == person_id))
        if twin is None:  # else the action already names the person: leave it be
            owner.kind, owner.person_id = "person", person_id


def _apply_actions(session: Session, body_id: int, date: dt.date | None,
                   corrections: list[db.Correction]) -> None:
    rows = actions_by_key(session, body_id, date)
    _find_reworded(session, rows, corrections)
    latest: dict[tuple[str, str], db.Correction] = {}
    for c in corrections:  # in id order: the last of a kind wins
        matches = rows.get(c.target_key, [])
        set_if_changed(c, "action_id", matches[0].id if matches else None)
        latest[(c.target_key, c.kind)] = c
    for (key, kind), c in latest.items():
        for action in rows.get(key, []):
            if kind == "owner":
                set_owners(session, action, body_id, json.loads(c.value or "[]"))
            elif kind == "due" and c.value:
                set_if_changed(action, "due", dt.date.fromisoformat(c.value))
            elif kind == "status" and c.value:
                set_if_changed(action, "status", c.value)
            # text and dismiss_action are read, not written: see the module docstring


def _find_reworded(session: Session, rows: dict[str, list[db.Action]],
                   corrections: list[db.Correction]) -> None:
    """Point each correction whose words no action of its meeting has any longer at the
    re-issued action it fits (`rematch`), by adding its key to `rows`; flag the ambiguous."""
    lost: dict[str, Wording] = {}
    for c in corrections:
        if c.target_key not in rows and c.target_key not in lost:
            lost[c.target_key] = Wording(c.target_key, c.target, c.target_item, c.target_ref)
    if not lost:
        return
    named = {c.target_key for c in corrections}
    free = [Wording(k, a[0].text, a[0].item, a[0].ref) for k, a in rows.items()
            if k not in named]
    found = rematch(list(lost.values()), free)
    for key, action_key_now in found.found.items():
        rows[key] = rows[action_key_now]
    for key, keys in found.ambiguous.items():
        _flag_ambiguous(session, lost[key], [rows[k][0] for k in keys])


def _flag_ambiguous(session: Session, target: Wording, actions: list[db.Action]) -> None:
    """A flag for the clerk on the meeting of the first fitting action, with its evidence;
    raised once (re-applying must change no row)."""
    first = actions[0]
    texts = "; ".join(f'"{a.text}"' for a in actions)
    message = (f'The correction of "{target.text}" fits more than one action of the paper '
               f"now, or shares one with another correction ({texts}); not applied: "
               "correct the action meant again")
    if session.scalar(select(db.Flag.id).where(
            db.Flag.meeting_id == first.meeting_id, db.Flag.kind == AMBIGUOUS,
            db.Flag.message == message)) is None:
        session.add(db.Flag(meeting_id=first.meeting_id, kind=AMBIGUOUS, message=message,
                            dismissed=False, action_id=first.id,
                            document_id=first.document_id, page=first.page,
                            block=first.block, extractor="corrections"))


def actions_by_key(session: Session, body_id: int, date: dt.date | None
                   ) -> dict[str, list[db.Action]]:
    on_date = db.Meeting.date.is_(None) if date is None else db.Meeting.date == date
    meetings = session.scalars(select(db.Meeting.id).where(
        db.Meeting.body_id == body_id, on_date)).all()
    places = places_of(session, meetings)
    out: dict[str, list[db.Action]] = {}
    for action in session.scalars(select(db.Action).where(db.Action.meeting_id.in_(meetings))
                                  .order_by(db.Action.id)):
        key = action.key or action_key(places[action.meeting_id], action.text)
        out.setdefault(key, []).append(action)
    return out


def set_owners(session: Session, action: db.Action, body_id: int, names: list[str]) -> None:
    """Make the action's owners the clerk's names, resolved against the body's people now
    (so an alias added later is picked up); unchanged owners are not rewritten."""
    resolver = PersonResolver(session, body_id)
    wanted: list[tuple[str, int | None, str, str]] = []
    taken: set[object] = set()
    for name in names:
        owner: tuple[str, int | None, str, str]
        if is_role(name):
            owner = ("role", None, name, name.lower())
        else:
            match = resolver.find(name)
            person = match.person
            owner = ("person", person.id, name, name_key(name)) if person is not None \
                else ("unmatched", None, name, name_key(name))
        key = owner[1] if owner[1] is not None else owner[3]
        if key not in taken:
            taken.add(key)
            wanted.append(owner)
    current = session.scalars(select(db.ActionOwner).where(
        db.ActionOwner.action_id == action.id).order_by(db.ActionOwner.position)).all()
    if [(o.kind, o.person_id, o.text, o.text_key) for o in current] == wanted:
        return
    for o in current:
        session.delete(o)
    session.flush()
    session.add_all(db.ActionOwner(action_id=action.id, position=n, kind=kind,
                                   person_id=person_id, text=text, text_key=key)
                    for n, (kind, person_id, text, key) in enumerate(wanted))
    session.flush()
    session.expire(action, ["owners"])


def flags_with_key(session: Session, c: db.Correction) -> list[int]:
    if c.body_id is None:
        loose = session.execute(
            select(db.Flag.id, db.Flag.kind, db.Flag.message, db.Document.sha256)
            .join(db.Document, db.Flag.document_id == db.Document.id)
            .where(db.Flag.meeting_id.is_(None))).all()
        return [i for i, kind, message, sha in loose
                if flag_key(None, sha, kind, message) == c.target_key]
    on_date = (db.Meeting.date.is_(None) if c.meeting_date is None
               else db.Meeting.date == c.meeting_date)
    rows = session.execute(
        select(db.Flag.id, db.Meeting.id, db.Flag.kind, db.Flag.message)
        .join(db.Meeting, db.Flag.meeting_id == db.Meeting.id)
        .where(db.Meeting.body_id == c.body_id, on_date)).all()
    places = places_of(session, {m for _, m, _, _ in rows})
    return sorted(i for i, m, kind, message in rows
                  if flag_key(places[m], "", kind, message) == c.target_key)


def add_moved(detail: str | None, merged: Merged) -> str:
    """`detail` (a merge correction's JSON) with the rows `merged` moved and dropped added:
    what `store.corrections.undo` gives back to the other person."""
    data = json.loads(detail) if detail else {}
    for part in ("moved", "dropped"):
        into = data.setdefault(part, {})
        for table, rows in getattr(merged, f"{part}_rows").items():
            into.setdefault(table, []).extend(rows)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def set_if_changed(row: Any, attr: str, value: Any) -> None:
    # Assigning an equal value is already a no-op for the ORM; this keeps it explicit that
    # re-applying writes nothing when nothing changed (a re-run must change no row).
    if getattr(row, attr) != value:
        setattr(row, attr, value)

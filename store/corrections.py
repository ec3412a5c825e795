"""Clerk corrections: edits layered over the extraction that every re-run keeps.

A correction is a row of `corrections` (`schema.Correction`): the kind of edit, its
target's natural key, the new value, the clerk's note and when. Rows are only added, never
changed or deleted by a run; the latest correction of a kind on a target wins.

Targets are named by natural keys rather than row ids, because a re-extraction deletes
rows and makes new ones with new ids (and SQLite reuses ids):

- an action: organisation + body + meeting date + the action's text (`mapping.action_key`,
  also stored on the row as `actions.key` and used by the carry-forward's threads);
- a flag: organisation + body + meeting date + record + kind + message (`flag_key`); a
  flag on a whole document (no meeting) is keyed by the document's content hash instead;
- a person: the body + the person's name (merges and aliases).

Text is normalised as `mapping.text_key` does (case and spacing ignored): that is the
store's test for "the same action" within a meeting, so one key names one action there.

Applying. `reapply_corrections` runs after every save that adds facts (`store.save`) and
whenever a correction is recorded. Each correction finds its target again and:

- owner, due and status are written onto the action rows, so every filter, count and
  report sees them (owners are resolved to the body's people again each time, aliases
  included). The paper's own words stay in `owner_text`, `due_text` and `status_text`.
- text and dismiss_action are never written: an action's text is its identity (its key,
  and the duplicate check when a second file records the meeting), and a dismissed action
  is kept. The action threads read them (below); `action_corrections`,
  `thread_corrections` and `dismissed_action_ids` give them to any other reader.
- dismiss_flag sets `flags.dismissed` on every flag with the key: the same flag raised by
  two files recording one meeting is one issue for the clerk.
- merge_people and alias make the other name resolve to the person (`store.people`): a
  separate person by that name, re-created since, is merged in again, and owners kept as
  text that the alias names are resolved to the person.

In a save this runs after the facts and before the carry-forward (`store.carry`), which
reads the corrections (through `corrections.action_id`) when it rebuilds a body's action
threads, the rows of the log: the clerk's status, owner, due date and wording win over
every paper's, and dismissed actions are left out. Recording a correction rebuilds the
threads of its body the same way. The `action_id`/`flag_id`/`person_id` columns record
which row a correction applies to now (for an action, the first when its key names
several: undated meetings, or an agenda and minutes of one day saying the same words); the
database clears them when that row is deleted, and the next application sets them again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from . import mapping
from . import schema as db
from .carry import refresh
from .db import write_lock
from .mapping import text_key
from .names import collapse, is_role, name_key
from .people import (
    Match,
    Merged,
    PersonResolver,
    add_alias,
    bodies_matching,
    merge_people,
    people_named,
)

ACTION_KINDS = ("owner", "due", "status", "text", "dismiss_action")
FIELDS = ("owner", "due", "status", "text")  # the action fields a clerk can set
PEOPLE_KINDS = ("merge_people", "alias")

# The clerk's input is bounded like the paper's: it is shown in every report.
MAX_NAME = 200
MAX_TEXT = 2000
MAX_NOTE = 1000


class CorrectionError(ValueError):
    """A correction that cannot be recorded; the message says why, for the clerk."""


# -- natural keys ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """A meeting as what identifies it across re-extraction."""

    body_id: int
    organisation: str  # the organisation's name key; "" when the papers never named it
    body: str  # the body's name key
    date: dt.date | None
    record: str


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def action_key(place: Place, text: str) -> str:
    """The key of an action: its body, meeting date and text (`mapping.action_key`). Not
    the record: the same action in the agenda and the minutes of one day is one action."""
    return mapping.action_key(place.organisation or None, place.body, place.date, text)


def flag_key(place: Place | None, document_sha256: str, kind: str, message: str) -> str:
    """The key of a flag: its meeting, kind and message; a flag that belongs to no
    meeting (a file that could not be read) is the document's, keyed by its content."""
    if place is None:
        return _digest("flag", "document", document_sha256, kind, text_key(message))
    return _digest("flag", place.organisation, place.body, place.date, place.record, kind,
                   text_key(message))


def person_key(place: Place | db.Body, name: str) -> str:
    body = place.body if isinstance(place, Place) else place.name_key
    org = place.organisation if isinstance(place, Place) else _org_key(place)
    return _digest("person", org, body, name_key(name))


def _org_key(body: db.Body) -> str:
    return body.organisation.name_key if body.organisation is not None else ""


def _places(session: Session, meeting_ids: Iterable[int]) -> dict[int, Place]:
    ids = list(set(meeting_ids))
    rows = session.execute(
        select(db.Meeting.id, db.Meeting.body_id, db.Meeting.date, db.Meeting.record,
               db.Body.name_key, db.Organisation.name_key)
        .join(db.Body, db.Meeting.body_id == db.Body.id)
        .outerjoin(db.Organisation, db.Body.organisation_id == db.Organisation.id)
        .where(db.Meeting.id.in_(ids))).all()
    return {m: Place(body_id, org or "", body, date, record)
            for m, body_id, date, record, body, org in rows}


# -- recording ------------------------------------------------------------------------------------

def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _bounded(value: str | None, limit: int, what: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise CorrectionError(f"the {what} is empty")
    if len(value) > limit:
        raise CorrectionError(f"the {what} is {len(value)} characters; at most {limit}")
    return value


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
    note = _bounded(note, MAX_NOTE, "note")
    text = _bounded(text, MAX_TEXT, "text")
    if status is not None and status not in db.ACTION_STATUSES:
        raise CorrectionError(f"status is open or closed, not {status!r}")
    names = [_bounded(collapse(o), MAX_NAME, "owner") or "" for o in owners or []]
    if not (names or due or status or text or dismiss):
        raise CorrectionError("nothing to correct: give --owner, --due, --status, --text "
                              "or --dismiss")
    try:
        write_lock(session)
        action = session.get(db.Action, action_id)
        if action is None:
            raise CorrectionError(f"there is no action {action_id}; "
                                  "`boardpapers actions --status all` lists them")
        place = _places(session, [action.meeting_id])[action.meeting_id]
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
                              target=action.text, body_id=place.body_id,
                              meeting_date=place.date, value=value, note=note,
                              created_at=_now(now), action_id=action.id)
                for kind, value in values]
        session.add_all(rows)
        session.flush()
        _apply(session, _Scope(pairs={(place.body_id, place.date)}, bodies=set()))
        refresh(session, {place.body_id})
        body = session.get(db.Body, place.body_id)
        flags = session.scalars(select(db.Flag.id).where(
            db.Flag.document_id == action.document_id, db.Flag.page == action.page,
            db.Flag.block == action.block, db.Flag.dismissed.is_(False))
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
    note = _bounded(note, MAX_NOTE, "note")
    try:
        write_lock(session)
        flag = session.get(db.Flag, flag_id)
        if flag is None:
            raise CorrectionError(f"there is no flag {flag_id}; `boardpapers review` lists "
                                  "the open ones")
        place = (_places(session, [flag.meeting_id])[flag.meeting_id]
                 if flag.meeting_id is not None else None)
        doc = session.get(db.Document, flag.document_id)
        key = flag_key(place, doc.sha256 if doc else "", flag.kind, flag.message)
        earlier = session.scalar(select(db.Correction).where(
            db.Correction.kind == "dismiss_flag", db.Correction.target_key == key)
            .order_by(db.Correction.id).limit(1))
        row = earlier or db.Correction(
            kind="dismiss_flag", target_key=key, target=flag.message,
            body_id=place.body_id if place else None,
            meeting_date=place.date if place else None, note=note, created_at=_now(now),
            flag_id=flag.id)
        session.add(row)
        session.flush()
        pairs = {(place.body_id, place.date)} if place else set()
        _apply(session, _Scope(pairs=pairs, bodies=set(), document_flags=place is None))
        count = session.scalar(select(func.count()).select_from(db.Flag).where(
            db.Flag.id.in_(_flags_with_key(session, row)))) or 0
        result = FlagDismissed(row.id, flag.id, flag.kind, flag.message, count,
                               already=earlier is not None)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


@dataclass(frozen=True)
class PeopleCorrected:
    correction_id: int
    body: str
    person: str  # the person kept, by name
    other: str  # the merged person's name, or the alias
    merged: Merged | None  # None for an alias, or when nothing had to move
    already: bool = False  # the name already resolved to the person: nothing recorded


def merge(session: Session, keep: str, other: str, *, body: str | None = None,
          note: str | None = None, now: dt.datetime | None = None) -> PeopleCorrected:
    """Record that `other` is the same person as `keep` and merge them: `other`'s
    attendance, apologies and ownerships move to `keep`, which keeps its name; `other`
    stays as an alias. Commits. Both names must be people of one body (`body` picks it
    when they are people of several)."""
    keep_name = _bounded(collapse(keep), MAX_NAME, "name")
    other_name = _bounded(collapse(other), MAX_NAME, "other name")
    note = _bounded(note, MAX_NOTE, "note")
    assert keep_name is not None and other_name is not None
    try:
        write_lock(session)
        found_keep = _by_body(people_named(session, keep_name, body))
        found_other = _by_body(people_named(session, other_name, body))
        common = [b for b in found_keep if b in found_other]
        if not common:
            raise CorrectionError(_not_one_body(keep_name, other_name, found_keep,
                                                found_other, body))
        if len(common) > 1:
            names = ", ".join(found_keep[b][0].name for b in common)
            raise CorrectionError(f"{keep_name!r} and {other_name!r} are people of "
                                  f"several bodies ({names}); name one with --body")
        body_row, keep_match = found_keep[common[0]]
        _, other_match = found_other[common[0]]
        person, gone = _one(keep_name, keep_match), _one(other_name, other_match)
        if person.id == gone.id:
            raise CorrectionError(f"{other_name!r} is already {person.name} "
                                  f"({body_row.name})")
        merged = merge_people(session, person, gone)
        row = _person_correction(session, "merge_people", body_row, person, merged.gone,
                                 note, now)
        _apply(session, _Scope(pairs=set(), bodies={body_row.id}))
        refresh(session, {body_row.id})
        result = PeopleCorrected(row.id, body_row.name, person.name, merged.gone, merged)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def alias(session: Session, name: str, other: str, *, body: str | None = None,
          note: str | None = None, now: dt.datetime | None = None) -> PeopleCorrected:
    """Record `other` as another name of the person called `name` and commit. Refused
    when `other` is already a different person of the body: that is a merge."""
    person_name = _bounded(collapse(name), MAX_NAME, "name")
    alias_name = _bounded(collapse(other), MAX_NAME, "alias")
    note = _bounded(note, MAX_NOTE, "note")
    assert person_name is not None and alias_name is not None
    if not name_key(alias_name):
        raise CorrectionError(f"{alias_name!r} has no letters to match a name by")
    try:
        write_lock(session)
        found = _by_body(people_named(session, person_name, body))
        if not found:
            raise CorrectionError(_nobody(person_name, body))
        if len(found) > 1:
            names = ", ".join(b.name for b, _ in found.values())
            raise CorrectionError(f"{person_name!r} is a person of several bodies "
                                  f"({names}); name one with --body")
        body_row, match = next(iter(found.values()))
        person = _one(person_name, match)
        holder = _exactly(session, body_row.id, alias_name)
        if holder is not None and holder.id != person.id:
            raise CorrectionError(
                f"{alias_name!r} names another person of {body_row.name} ({holder.name}); "
                f"if they are one person, run `boardpapers people merge "
                f"{json.dumps(person.name)} {json.dumps(holder.name)}`")
        if holder is not None:
            result = PeopleCorrected(0, body_row.name, person.name, alias_name, None,
                                     already=True)
        else:
            add_alias(session, person, alias_name)
            row = _person_correction(session, "alias", body_row, person, alias_name, note,
                                     now)
            _apply(session, _Scope(pairs=set(), bodies={body_row.id}))
            refresh(session, {body_row.id})
            result = PeopleCorrected(row.id, body_row.name, person.name, alias_name, None)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _person_correction(session: Session, kind: str, body: db.Body, person: db.Person,
                       other: str, note: str | None, now: dt.datetime | None
                       ) -> db.Correction:
    row = db.Correction(kind=kind, target_key=person_key(body, person.name), target=person.name,
                        body_id=body.id, value=other, note=note, created_at=_now(now),
                        person_id=person.id)
    session.add(row)
    session.flush()
    return row


def _by_body(found: list[tuple[db.Body, Match]]) -> dict[int, tuple[db.Body, Match]]:
    return {b.id: (b, m) for b, m in found}


def _one(name: str, match: Match) -> db.Person:
    if match.person is None:
        raise CorrectionError(f"{name!r} could be {', '.join(match.candidates)}; "
                              "give the full name")
    return match.person


def _nobody(name: str, body: str | None) -> str:
    where = f" of a body matching {body!r}" if body else ""
    return f"there is no person called {name!r}{where}; `boardpapers people list` lists them"


def _not_one_body(keep: str, other: str, found_keep: dict[int, Any],
                  found_other: dict[int, Any], body: str | None) -> str:
    if not found_keep:
        return _nobody(keep, body)
    if not found_other:
        return _nobody(other, body)
    return f"{keep!r} and {other!r} are not people of the same body"


def _exactly(session: Session, body_id: int, name: str) -> db.Person | None:
    """The person of the body whose own name or alias is `name`; no surname guessing."""
    match = PersonResolver(session, body_id).find(name)
    return match.person if match.how in ("exact", "alias") else None


# -- applying -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Scope:
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
        _apply(session, None)
        return
    meetings = set(session.scalars(select(db.MeetingSource.meeting_id).where(
        db.MeetingSource.document_id == document_id)))
    meetings |= {m for m in session.scalars(select(db.Flag.meeting_id).where(
        db.Flag.document_id == document_id)) if m is not None}
    places = _places(session, meetings).values()
    _apply(session, _Scope(pairs={(p.body_id, p.date) for p in places},
                           bodies={p.body_id for p in places}, document_flags=True))


def _apply(session: Session, scope: _Scope | None) -> None:
    session.flush()
    query = select(db.Correction).order_by(db.Correction.id)
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
        actions = [c for c in group if c.kind in ACTION_KINDS]
        if actions and body_id is not None:
            _apply_actions(session, body_id, date, actions)
        flags = [c for c in group if c.kind == "dismiss_flag"]
        for c in flags:
            matches = _flags_with_key(session, c)
            for flag in session.scalars(select(db.Flag).where(db.Flag.id.in_(matches))):
                flag.dismissed = True
            _set_if_changed(c, "flag_id", min(matches) if matches else None)
    session.flush()


def _apply_people(session: Session, c: db.Correction) -> None:
    """Make `c.value` a name of the person `c.target`, whatever a re-read did meanwhile:
    a person called `c.value` made since is merged in; if only that person is left (the
    kept person was dropped with a re-read), it takes the kept person's name."""
    assert c.body_id is not None and c.value is not None
    person = _exactly(session, c.body_id, c.target)
    other = _exactly(session, c.body_id, c.value)
    if person is None and other is None:
        _set_if_changed(c, "person_id", None)
        return
    if person is None:
        assert other is not None
        person, other = other, None
        key = name_key(c.target)
        person.name, person.name_key = c.target, key
        person.surname_key = key.split()[-1] if key else ""
    if other is not None and other.id != person.id:
        merge_people(session, person, other)
    add_alias(session, person, c.value)
    _set_if_changed(c, "person_id", person.id)


def _resolve_by_alias(session: Session, scope: _Scope | None) -> None:
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
    rows = _actions_by_key(session, body_id, date)
    latest: dict[tuple[str, str], db.Correction] = {}
    for c in corrections:  # in id order: the last of a kind wins
        matches = rows.get(c.target_key, [])
        _set_if_changed(c, "action_id", matches[0].id if matches else None)
        latest[(c.target_key, c.kind)] = c
    for (key, kind), c in latest.items():
        for action in rows.get(key, []):
            if kind == "owner":
                _set_owners(session, action, body_id, json.loads(c.value or "[]"))
            elif kind == "due" and c.value:
                _set_if_changed(action, "due", dt.date.fromisoformat(c.value))
            elif kind == "status" and c.value:
                _set_if_changed(action, "status", c.value)
            # text and dismiss_action are read, not written: see the module docstring


def _actions_by_key(session: Session, body_id: int, date: dt.date | None
                    ) -> dict[str, list[db.Action]]:
    on_date = db.Meeting.date.is_(None) if date is None else db.Meeting.date == date
    meetings = session.scalars(select(db.Meeting.id).where(
        db.Meeting.body_id == body_id, on_date)).all()
    places = _places(session, meetings)
    out: dict[str, list[db.Action]] = {}
    for action in session.scalars(select(db.Action).where(db.Action.meeting_id.in_(meetings))
                                  .order_by(db.Action.id)):
        key = action.key or action_key(places[action.meeting_id], action.text)
        out.setdefault(key, []).append(action)
    return out


def _set_owners(session: Session, action: db.Action, body_id: int, names: list[str]) -> None:
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


def _flags_with_key(session: Session, c: db.Correction) -> list[int]:
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
    places = _places(session, {m for _, m, _, _ in rows})
    return sorted(i for i, m, kind, message in rows
                  if flag_key(places[m], "", kind, message) == c.target_key)


def _set_if_changed(row: Any, attr: str, value: Any) -> None:
    # Assigning an equal value is already a no-op for the ORM; this keeps it explicit that
    # re-applying writes nothing when nothing changed (a re-run must change no row).
    if getattr(row, attr) != value:
        setattr(row, attr, value)


# -- reading --------------------------------------------------------------------------------------

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
        db.Correction.kind.in_(ACTION_KINDS)).order_by(db.Correction.id)).all()
    by_key: dict[str, list[db.Correction]] = {}
    groups: set[tuple[int, dt.date | None]] = set()
    for c in corrections:
        by_key.setdefault(c.target_key, []).append(c)
        if c.body_id is not None:
            groups.add((c.body_id, c.meeting_date))
    out: dict[int, ActionFix] = {}
    for body_id, date in groups:
        for key, actions in _actions_by_key(session, body_id, date).items():
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
        meeting_date=c.meeting_date, applies_to=_applies_to(c))
        for c in session.scalars(query)]


def _applies_to(c: db.Correction) -> str | None:
    for what, row_id in (("action", c.action_id), ("flag", c.flag_id),
                         ("person", c.person_id)):
        if row_id is not None:
            return f"{what} {row_id}"
    return None

"""Resolve a name from a paper to a person of one body; merge two people; add aliases.

Matching is by name key within the body, in this order: the same key; an alias the clerk
gave the person (`person_aliases`); a bare surname ("Prynn") to the one full name with that
surname ("Sue Prynn"); an initial ("S Prynn") to the one full name it fits, aliases
included. More than one candidate is ambiguous and matches nobody. Only attendance
(attendees, apologies) may create a person; an action owner that matches nobody stays text,
flagged, as the civic-tech projects do: never create a person on a guess.

Merging and aliasing are the clerk's (recorded as corrections by `store.corrections`, which
calls these again after every save), never the pipeline's own guess.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import (
    Date,
    DateTime,
    UniqueConstraint,
    bindparam,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from . import schema as db
from .names import (
    collapse,
    initial_matches,
    is_bare,
    name_key,
    names_body,
    strip_titles,
    surname_key,
)

How = Literal["exact", "alias", "surname", "initial", "ambiguous", "none", "created"]


@dataclass(frozen=True)
class Match:
    person: db.Person | None
    how: How
    candidates: tuple[str, ...] = ()  # names that made a match ambiguous


# Built once: a save looks up every name it reads, and building the statement (not running
# it) was most of a lookup's cost. Values are bound, never written into the SQL.
_KEY_OR_SURNAME = (
    select(db.Person)
    .where(db.Person.body_id == bindparam("body"),
           or_(db.Person.name_key == bindparam("key"),
               db.Person.surname_key == bindparam("surname")))
    .order_by(db.Person.id))
_ALIASES = (
    select(db.PersonAlias.alias_key, db.Person)
    .join(db.Person, db.PersonAlias.person_id == db.Person.id)
    .where(db.Person.body_id == bindparam("body"),
           or_(db.PersonAlias.alias_key == bindparam("key"),
               db.PersonAlias.alias_key == bindparam("surname"),
               db.PersonAlias.alias_key.like(bindparam("ending"), escape="/")))
    .order_by(db.Person.id, db.PersonAlias.id))


def _like_literal(text: str) -> str:
    """`text` matched literally in a LIKE pattern escaped by "/" (as `autoescape` does)."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


class PersonResolver:
    """Finds (and for attendance, creates) people of one body. Relies on the session's
    autoflush, so a person created for one attendee is found for the next."""

    def __init__(self, session: Session, body_id: int) -> None:
        self.session = session
        self.body_id = body_id

    def find(self, name: str) -> Match:
        key = name_key(name)
        if not key:
            return Match(None, "none")
        # Two queries at most (a save asks this for every name it reads): the body's people
        # with this key or this surname, then, only if none has the key, the aliases.
        surname = surname_key(key)
        people = self._people(key, surname)
        exact = next((p for p in people if p.name_key == key), None)
        if exact is not None:  # (body, name key) is unique
            return Match(exact, "exact")
        aliases = self._aliases(key, surname)
        aka = next((p for k, p in aliases if k == key), None)
        if aka is not None:
            return Match(aka, "alias")
        same_surname = self._same_surname(
            [p for p in people if p.surname_key == surname],
            [(k, p) for k, p in aliases if k == surname or k.endswith(" " + surname)])
        if is_bare(key):
            fits = [p for k, p in same_surname if not is_bare(k)]
            how: How = "surname"
        else:
            fits = [p for k, p in same_surname if initial_matches(key, k)]
            how = "initial"
        # A name and its alias are one person (one object in the session: people the
        # save made and has not flushed yet have no id).
        fits = list({id(p): p for p in fits}.values())
        if len(fits) == 1:
            return Match(fits[0], how)
        if len(fits) > 1:
            return Match(None, "ambiguous", tuple(p.name for p in fits))
        return Match(None, "none")

    def _people(self, key: str, surname: str) -> list[db.Person]:
        """The body's people with this key or this surname, in id order."""
        return list(self.session.scalars(
            _KEY_OR_SURNAME, {"body": self.body_id, "key": key, "surname": surname}))

    def _aliases(self, key: str, surname: str) -> list[tuple[str, db.Person]]:
        """(alias key, person) for the body's aliases that are `key` or end in `surname`,
        in person then alias id order."""
        return [(k, p) for k, p in self.session.execute(
            _ALIASES, {"body": self.body_id, "key": key, "surname": surname,
                       "ending": "% " + _like_literal(surname)})]

    @staticmethod
    def _same_surname(people: list[db.Person], aka: list[tuple[str, db.Person]]
                      ) -> list[tuple[str, db.Person]]:
        """(name or alias key, person) for every name of this body ending in the surname,
        people in id order, each person's own name before its aliases."""
        named = [(p.name_key, p) for p in people] + aka
        return sorted(named, key=lambda kp: kp[1].id)

    def for_attendance(self, name: str) -> Match:
        """The matching person, or a new one: a name in an attendance list is a person of
        this body by the paper's own word. An ambiguous bare surname gets its own row
        (the caller flags it) rather than being pinned on one of the candidates."""
        found = self.find(name)
        if found.person is not None:
            return found
        display = strip_titles(collapse(name))
        key = name_key(name)
        person = db.Person(body_id=self.body_id, name=display, name_key=key,
                           surname_key=surname_key(key))
        self.session.add(person)
        self._created(person)
        return Match(person, "created", found.candidates)

    def _created(self, person: db.Person) -> None:
        """Give the new person its id now (the next lookup's query would anyway)."""
        self.session.flush()


# -- the clerk's edits: aliases and merges ------------------------------------------------------

def add_alias(session: Session, person: db.Person, alias: str) -> bool:
    """Record `alias` as another name of `person`; False when it already is one (or is
    the person's own name). The caller makes sure no other person of the body has it."""
    key = name_key(alias)
    if not key or key == person.name_key:
        return False
    known = session.scalar(select(db.PersonAlias.id).where(
        db.PersonAlias.person_id == person.id, db.PersonAlias.alias_key == key))
    if known is not None:
        return False
    session.add(db.PersonAlias(person_id=person.id, alias=strip_titles(collapse(alias)),
                               alias_key=key))
    session.flush()
    return True


@dataclass(frozen=True)
class Merged:
    """What `merge_people` did: rows moved onto the kept person, per table, and rows
    dropped because the kept person already had the same one (both at one meeting)."""

    kept: str
    gone: str
    moved: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    # What undoing the merge needs (`store.corrections.undo`): the ids of the rows moved,
    # and the dropped rows' columns as JSON values, per table.
    moved_rows: dict[str, list[int]] = field(default_factory=dict)
    dropped_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


# Rows that mean the same thing twice once two people are one, beyond the unique
# constraints: an action owned by both names has one owner after the merge.
_ALSO_UNIQUE: dict[str, tuple[str, ...]] = {"action_owners": ("action_id", "person_id")}


def merge_people(session: Session, keep: db.Person, gone: db.Person) -> Merged:
    """Make `gone` the same person as `keep`: every row that refers to `gone` (attendance,
    apologies, action owners, aliases, roles, any table with a foreign key to people) moves
    to `keep`, `gone` is deleted, and its name becomes an alias of `keep`. `keep` keeps
    its name. Both must be people of the same body.

    Tables are found from the schema's foreign keys rather than listed here, so a table
    added later that names a person is merged too instead of blocking the delete.
    """
    if keep.body_id != gone.body_id:
        raise ValueError(f"{keep.name!r} and {gone.name!r} are people of different bodies")
    if keep.id == gone.id:
        raise ValueError(f"{keep.name!r} and {gone.name!r} are already one person")
    session.flush()
    merged = Merged(kept=keep.name, gone=gone.name)
    for model, attr, unique_sets in _person_references():
        column = getattr(model, attr)
        dropped = 0
        table = model.__table__.name
        for names in unique_sets:
            twin: Any = aliased(model)
            same = [getattr(twin, n) == getattr(model, n) for n in names if n != attr]
            twins = column == gone.id, exists().where(getattr(twin, attr) == keep.id, *same)
            merged.dropped_rows.setdefault(table, []).extend(
                json_row(r) for r in session.execute(
                    select(model.__table__).where(*twins)).mappings())
            dropped += _rowcount(session.execute(
                delete(model).where(*twins).execution_options(synchronize_session="fetch")))
        ids = list(session.scalars(select(model.id).where(column == gone.id)
                                   .order_by(model.id)))
        if ids:
            merged.moved_rows[table] = ids
        if not merged.dropped_rows.get(table):
            merged.dropped_rows.pop(table, None)
        moved = _rowcount(session.execute(
            update(model).where(column == gone.id).values({attr: keep.id})
            .execution_options(synchronize_session="fetch")))
        if moved:
            merged.moved[table] = moved
        if dropped:
            merged.dropped[table] = dropped
    gone_name = gone.name
    session.delete(gone)
    session.flush()
    add_alias(session, keep, gone_name)
    return merged


def json_row(row: Any) -> dict[str, Any]:
    """A row's columns as JSON values (dates as ISO text), to be put back by `row_from_json`."""
    return {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
            for k, v in dict(row).items()}


def row_from_json(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in values.items():
        col = table.c.get(k)
        if col is None:
            continue
        if isinstance(v, str) and isinstance(col.type, DateTime):
            v = dt.datetime.fromisoformat(v)
        elif isinstance(v, str) and isinstance(col.type, Date):
            v = dt.date.fromisoformat(v)
        out[k] = v
    return out


def person_references() -> dict[str, tuple[Any, str]]:
    """Table name → (mapped class, attribute) of every column that names a person."""
    return {m.__table__.name: (m, attr) for m, attr, _ in _person_references()}


def _rowcount(result: Any) -> int:
    return int(result.rowcount or 0)  # a CursorResult for UPDATE and DELETE


def _person_references() -> list[tuple[Any, str, list[tuple[str, ...]]]]:
    """(mapped class, attribute, column-name sets that must stay unique) for every column
    with a foreign key to people.id."""
    person_id = db.Person.__table__.c.id
    found = []
    for mapper in db.Base.registry.mappers:
        table: Any = mapper.local_table  # a Table: every model here maps one
        for fk in table.foreign_keys:
            if fk.column is not person_id:
                continue
            col = fk.parent
            sets = [tuple(c.name for c in con.columns) for con in table.constraints
                    if isinstance(con, UniqueConstraint) and col.name in con.columns]
            if col.unique:
                sets.append((col.name,))
            if table.name in _ALSO_UNIQUE:
                sets.append(_ALSO_UNIQUE[table.name])
            found.append((mapper.class_, mapper.get_property_by_column(col).key, sets))
    return found


# -- finding people by name for the clerk's commands ---------------------------------------------

def bodies_matching(session: Session, body: str | None) -> list[db.Body]:
    """Bodies `body` names (`names.names_body`: a part of the body's or its organisation's
    name, case and punctuation ignored, or a short form "Souldern PC"), or all, by name."""
    bodies = list(session.scalars(select(db.Body).order_by(db.Body.name, db.Body.id)))
    if not body or not collapse(body):
        return bodies
    return [b for b in bodies
            if names_body(body, b.name, b.organisation.name if b.organisation else None)]


def people_named(session: Session, name: str, body: str | None = None
                 ) -> list[tuple[db.Body, Match]]:
    """In each body (or those matching `body`), who `name` resolves to: a person, or an
    ambiguous match with its candidates. Bodies where the name matches nobody are left out."""
    found = []
    for b in bodies_matching(session, body):
        match = PersonResolver(session, b.id).find(name)
        if match.person is not None or match.candidates:
            found.append((b, match))
    return found


# -- listing -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonView:
    id: int
    name: str
    body: str
    aliases: tuple[str, ...]
    meetings: int  # meetings attended
    actions: int  # actions owned


def people_listing(session: Session, body: str | None = None) -> list[PersonView]:
    """Every person (of the bodies matching `body`), by body then name, with their aliases
    and how many meetings they attended and actions they own."""
    bodies = {b.id: b.name for b in bodies_matching(session, body)}
    people = session.scalars(select(db.Person).where(db.Person.body_id.in_(list(bodies)))
                             .order_by(db.Person.name_key, db.Person.id)).all()
    ids = [p.id for p in people]
    aliases = _aliases_of(session, ids)
    attended = _counts(session, db.Attendance.person_id, ids)
    owned = _counts(session, db.ActionOwner.person_id, ids,
                    distinct=db.ActionOwner.action_id)
    views = [PersonView(p.id, p.name, bodies[p.body_id], tuple(aliases.get(p.id, ())),
                        attended[p.id], owned[p.id]) for p in people]
    return sorted(views, key=lambda v: (v.body.lower(), v.name.lower(), v.id))


def _aliases_of(session: Session, ids: Iterable[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for person_id, alias in session.execute(
            select(db.PersonAlias.person_id, db.PersonAlias.alias)
            .where(db.PersonAlias.person_id.in_(list(ids))).order_by(db.PersonAlias.id)):
        out.setdefault(person_id, []).append(alias)
    return out


def _counts(session: Session, column: Any, ids: list[int], distinct: Any = None
            ) -> Counter[int]:
    counted = func.count(func.distinct(distinct)) if distinct is not None else func.count()
    rows = session.execute(select(column, counted).where(column.in_(ids)).group_by(column))
    return Counter({person_id: n for person_id, n in rows})

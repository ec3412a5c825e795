"""A body's people and aliases held in memory while one meeting is saved.

A save resolves every name a meeting prints (`PersonResolver.find`: two queries a name),
asks which people already go by a printed set of initials, and compares every person it
creates with the whole roll for near spellings. `BodyRoll` reads the body's people and
aliases once and answers all of that from memory, the same answers as the queries (see
tests/test_people_find.py), keeping itself up to date with the people and aliases the
save adds through it. Only the save uses it: nothing else may add or change the body's
people while it lives (the meeting's facts are saved between two reads of the roll).

A person it creates is not flushed at once: the attendance list's people and rows go to
the database in one flush, not one each. Until then the person has no id, so the roll
orders people by their place in it (the order their ids will have) and callers key a
person by the object (`Seen`); whatever needs an id flushes first (`named`, `add_alias`).
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import schema as db
from .people import PersonResolver, add_alias


class BodyRoll(PersonResolver):
    """`PersonResolver` over the body's people and aliases read once."""

    def __init__(self, session: Session, body_id: int) -> None:
        super().__init__(session, body_id)
        self.people: list[db.Person] = list(session.scalars(
            select(db.Person).where(db.Person.body_id == body_id).order_by(db.Person.id)))
        self._rank = {id(p): n for n, p in enumerate(self.people)}  # id order, flushed or not
        self._unflushed = False
        self._by_key = {p.name_key: p for p in self.people}
        self._by_surname: dict[str, list[db.Person]] = {}
        for p in self.people:
            self._by_surname.setdefault(p.surname_key, []).append(p)
        by_id = {p.id: p for p in self.people}
        # (alias key, person), in person then alias id order as the query gives them
        self._aka: list[tuple[str, db.Person]] = [
            (k, by_id[pid]) for k, pid in session.execute(
                select(db.PersonAlias.alias_key, db.PersonAlias.person_id)
                .join(db.Person, db.PersonAlias.person_id == db.Person.id)
                .where(db.Person.body_id == body_id)
                .order_by(db.Person.id, db.PersonAlias.id))]

    def _people(self, key: str, surname: str) -> list[db.Person]:
        found = {p.id: p for p in self._by_surname.get(surname, ())}
        exact = self._by_key.get(key)
        if exact is not None:
            found[exact.id] = exact
        return sorted(found.values(), key=self._place)

    def _place(self, person: db.Person) -> int:
        return self._rank[id(person)]

    def _same_surname(self, people: list[db.Person], aka: list[tuple[str, db.Person]]  # type: ignore[override]
                      ) -> list[tuple[str, db.Person]]:
        named = [(p.name_key, p) for p in people] + aka
        return sorted(named, key=lambda kp: self._place(kp[1]))

    def by_id(self) -> dict[int, db.Person]:
        """The body's people read from the store, by id."""
        return {p.id: p for p in self.people if p.id is not None}

    def _aliases(self, key: str, surname: str) -> list[tuple[str, db.Person]]:
        ending = " " + surname
        return [(k, p) for k, p in self._aka
                if k == key or k == surname or k.endswith(ending)]

    def _created(self, person: db.Person) -> None:
        # Not flushed: its id comes with the next flush, after every earlier person's.
        self._unflushed = True
        self._rank[id(person)] = len(self.people)
        self.people.append(person)
        self._by_key[person.name_key] = person
        self._by_surname.setdefault(person.surname_key, []).append(person)

    def named(self, key: str) -> set[int]:
        """Ids of the body's people whose own name or alias has this key."""
        self._flush()
        own = {p.id for p in (self._by_key.get(key),) if p is not None}
        return own | {p.id for k, p in self._aka if k == key}

    def add_alias(self, person: db.Person, alias: str) -> bool:
        """`people.add_alias`, and the roll learns it."""
        self._flush()
        if not add_alias(self.session, person, alias):
            return False
        row = self.session.scalars(select(db.PersonAlias).where(
            db.PersonAlias.person_id == person.id).order_by(db.PersonAlias.id.desc())).first()
        if row is not None:
            self._aka.append((row.alias_key, person))
            self._aka.sort(key=lambda kp: kp[1].id)  # stable: alias order kept per person
        return True

    def others(self, person: db.Person) -> list[db.Person]:
        """The body's other people, in id order."""
        return [p for p in self.people if p is not person]

    def _flush(self) -> None:
        if self._unflushed:
            self.session.flush()
            self._unflushed = False

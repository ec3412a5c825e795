"""Resolve a name from a paper to a person of one body.

Matching is by name key within the body, in this order: the same key; a bare surname
("Prynn") to the one full name with that surname ("Sue Prynn"); an initial ("S Prynn") to
the one full name it fits. More than one candidate is ambiguous and matches nobody. Only
attendance (attendees, apologies) may create a person; an action owner that matches nobody
stays text, flagged, as the civic-tech projects do: never create a person on a guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import schema as db
from .names import collapse, initial_matches, is_bare, name_key, strip_titles, surname_key

How = Literal["exact", "surname", "initial", "ambiguous", "none", "created"]


@dataclass(frozen=True)
class Match:
    person: db.Person | None
    how: How
    candidates: tuple[str, ...] = ()  # names that made a match ambiguous


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
        exact = self.session.scalar(
            select(db.Person).where(db.Person.body_id == self.body_id,
                                    db.Person.name_key == key)
        )
        if exact is not None:
            return Match(exact, "exact")
        same_surname = self.session.scalars(
            select(db.Person)
            .where(db.Person.body_id == self.body_id,
                   db.Person.surname_key == surname_key(key))
            .order_by(db.Person.id)
        ).all()
        if is_bare(key):
            fits = [p for p in same_surname if not is_bare(p.name_key)]
            how: How = "surname"
        else:
            fits = [p for p in same_surname if initial_matches(key, p.name_key)]
            how = "initial"
        if len(fits) == 1:
            return Match(fits[0], how)
        if len(fits) > 1:
            return Match(None, "ambiguous", tuple(p.name for p in fits))
        return Match(None, "none")

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
        self.session.flush()
        return Match(person, "created", found.candidates)

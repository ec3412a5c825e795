"""Who the clerk means by `--owner` and `--body`, as they type them.

An owner is a person by full name, an alias (initials the papers printed count: see
`store.aliases`), "Surname, First", an initial and surname ("A Smith"), a bare surname or
first name, or initials the body never printed ("AS" for the one Alan Smith); or an office
("Clerk", "the Chair", "Parish Clerk"), which finds the actions whose owner is that word
and those owned by whoever held the office at the meeting that raised them (at a meeting
whose list names nobody in it, the holder its body last recorded: an office is held until
another is named). The strongest
form that matches anyone wins; when it fits several people of one body (two Davids) all
are listed and `OwnerLookup.ambiguous` says so, for the CLI to tell the clerk.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from . import schema as db
from .aliases import office_key
from .names import collapse, initials_of, is_bare, name_key, surname_first
from .people import bodies_matching


@dataclass(frozen=True)
class OwnerLookup:
    typed: str
    how: str  # name / alias / surname-first / initial / surname / first-name / initials / none
    people: tuple[tuple[int, str, str], ...]  # (id, name, body) in body, name order
    office: str | None  # the office key the owner names ("clerk"), if any

    @property
    def ambiguous(self) -> tuple[str, ...]:
        """Bodies where the owner fits more than one person (a shared first name)."""
        bodies = [b for _, _, b in self.people]
        return tuple(sorted({b for b in bodies if bodies.count(b) > 1}))


def body_ids(session: Session, body: str | None) -> list[int] | None:
    """Ids of the bodies `body` names (`people.bodies_matching`), None for no filter."""
    if not body or not collapse(body):
        return None
    return [b.id for b in bodies_matching(session, body)]


def lookup_owner(session: Session, owner: str, bodies: list[int] | None = None
                 ) -> OwnerLookup:
    """The people (of `bodies`, or all) `owner` names, by the first form that finds any."""
    key = name_key(owner)
    office = office_key(owner) if key else None
    person = db.Person
    scope = [person.body_id.in_(bodies)] if bodies is not None else []
    reordered = surname_first(owner)
    forms: list[tuple[str, ColumnElement[bool]]] = [
        ("name", person.name_key == key),
        ("alias", person.id.in_(select(db.PersonAlias.person_id)
                                .where(db.PersonAlias.alias_key == key))),
    ]
    if reordered:
        forms.append(("surname-first", person.name_key == name_key(reordered)))
    parts = key.split()
    if len(parts) == 2 and len(parts[0]) == 1:  # "A Smith"
        forms.append(("initial", and_(person.surname_key == parts[1],
                                      person.name_key.startswith(parts[0], autoescape=True))))
    if key and is_bare(key):
        forms += [("surname", person.surname_key == key),
                  ("first-name", person.name_key.startswith(key + " ", autoescape=True))]
    for how, where in forms:
        found = _people(session, where, *scope)
        if found:
            return OwnerLookup(owner, how, found, office)
    if key and is_bare(key) and 2 <= len(key) <= 4 and owner.strip().isupper():
        # initials the papers never printed: scan the (few) people of the scope
        every = _people(session, *scope) if scope else _people(session)
        names = {i: k for i, k in session.execute(select(person.id, person.name_key).where(
            person.id.in_([i for i, _, _ in every])))}
        found = tuple(p for p in every if initials_of(names[p[0]]) == key)
        if found:
            return OwnerLookup(owner, "initials", found, office)
    return OwnerLookup(owner, "none", (), office)


def _people(session: Session, *where: ColumnElement[bool]) -> tuple[tuple[int, str, str], ...]:
    rows = session.execute(select(db.Person.id, db.Person.name, db.Body.name)
                           .join(db.Body, db.Person.body_id == db.Body.id).where(*where)
                           .order_by(db.Body.name, db.Person.name, db.Person.id)).all()
    return tuple((i, n, b) for i, n, b in rows)


def owner_filter(session: Session, found: OwnerLookup) -> ColumnElement[bool]:
    """Threads whose current owners include what `found` names: its people, owners kept
    as the typed text, the office as written ("Clerk", "the Clerk"), and people who held
    the office at the meeting that raised the thread.

    People and role texts are looked up first and passed as values: an OR of IN
    (subquery) terms is one no planner answers from the indexes."""
    key = name_key(found.typed)
    text = collapse(found.typed).lower()
    texts = {key, text}
    if found.office:
        # role owners are few: their texts are read and keyed here rather than stored twice
        texts |= {t for t in session.scalars(select(db.ActionOwner.text_key).distinct()
                                             .where(db.ActionOwner.kind != "unmatched"))
                  if office_key(t) == found.office}
    matches: list[ColumnElement[bool]] = [db.ActionOwner.text_key.in_(sorted(texts))]
    if found.people:
        matches.append(db.ActionOwner.person_id.in_(sorted(i for i, _, _ in found.people)))
    if is_bare(key) and not found.office:  # "Cllr Prynn" / "S Prynn" kept as text
        matches.append(db.ActionOwner.text_key.endswith(" " + key, autoescape=True))
    thread = db.ActionThread
    owned = thread.owner_action_id.in_(select(db.ActionOwner.action_id).where(or_(*matches)))
    if not found.office:
        return owned
    tenure = office_holders(session, found.office)
    if not tenure:
        return owned
    held = select(thread.id).join(
        db.ActionOwner, db.ActionOwner.action_id == thread.owner_action_id).where(or_(*(
            and_(db.ActionOwner.person_id == person,
                 thread.raised_meeting_id.in_(sorted(meetings)))
            for person, meetings in sorted(tenure.items()))))
    return or_(owned, thread.id.in_(held))


def office_holders(session: Session, office: str) -> dict[int, set[int]]:
    """Person id -> the meetings at which they held `office`: those whose attendance list
    gave it them, and the later meetings of the same body whose list named nobody in it
    (minutes often list the clerk only now and then; the office is held until another is
    named). Offices have few holders, so this is read once per query."""
    role, meeting = db.PersonRole, db.Meeting
    recorded: dict[int, set[int]] = {}
    for meeting_id, person_id in session.execute(
            select(role.meeting_id, role.person_id).where(role.role_key == office)):
        recorded.setdefault(meeting_id, set()).add(person_id)
    if not recorded:
        return {}
    bodies = select(meeting.body_id).where(meeting.id.in_(sorted(recorded))).distinct()
    tenure: dict[int, set[int]] = {}
    current: dict[int, set[int]] = {}  # body -> its last recorded holders
    for meeting_id, body_id, _ in session.execute(
            select(meeting.id, meeting.body_id, meeting.date)
            .where(meeting.body_id.in_(bodies), meeting.date.is_not(None))
            .order_by(meeting.body_id, meeting.date, meeting.id)):
        holders = recorded.get(meeting_id) or current.get(body_id, set())
        current[body_id] = holders
        for person in holders:
            tenure.setdefault(person, set()).add(meeting_id)
    for meeting_id, people in recorded.items():  # undated meetings: as recorded
        for person in people:
            tenure.setdefault(person, set()).add(meeting_id)
    return tenure


def owner_note(session: Session, owner: str, body: str | None = None) -> str:
    """One line for the clerk: whom `--owner` was read as, and when it fits several
    people of one body, that all of them are listed."""
    found = lookup_owner(session, owner, body_ids(session, body))
    said = []
    if found.office:
        said.append(f"the {found.office} as written, and whoever held it at the meeting "
                    "that raised each action")
    if found.people:
        said.append(", ".join(f"{n} ({b})" for _, n, b in found.people)
                    + f" by {found.how.replace('-', ' ')}")
    if not said:
        said.append("nobody known by that name: owners written so")
    note = f"--owner {collapse(owner)!r}: " + "; ".join(said)
    if found.ambiguous:
        note += (f". It fits more than one person of {', '.join(found.ambiguous)}: "
                 "all are listed; type the full name for one")
    return note

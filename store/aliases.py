"""What a body's own papers teach the store about its people, beyond their names.

- Initials printed beside a name in an attendance list ("Alan Smith (AS)", "Alan Smith –
  AS") become that person's alias within the body, so an action owner "AS" resolves to
  Alan Smith at that meeting and at later ones that do not print them. Only initials that
  fit the name (first letter of the first name and of the surname) are taken, and only
  when no other person of the body already goes by them: shared initials are flagged,
  never pinned on one of the two.
- An owner that is an office ("Clerk", "the Chair", "Parish Clerk", "Action Clerk")
  resolves to whoever held that office at the meeting that raised the action, from the
  attendance list's roles (`person_roles`); nobody is guessed when the list gave no holder.
- A new person whose name is a near spelling of another person of the body
  ("Dennison"/"Dennnison", "Katy"/"Katie") is suggested as a possible duplicate
  (`person-similar` flag naming both), never merged: the clerk merges with `people merge`.

`resolve_late` runs after each save for the bodies it touched, so an owner saved before
the paper that printed the initials or the office holder (files arrive in any order, and
one meeting's agenda may come before its minutes) is resolved all the same.
"""
from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from extract.actions.owners import vocab as owner_vocab
from extract.people import initials_match
from extract.people.roles import canonical_role

from . import schema as db
from .mapping import Problem, role_key
from .names import collapse, is_role, name_key
from .people import add_alias

if TYPE_CHECKING:
    from .roll import BodyRoll

_INITIALS_RE = re.compile(r"[A-Z][A-Za-z]{0,3}(?:-[A-Z])?")
# Near spellings: how alike two name words must be ("Katy"/"Katie" is 0.67), how many
# first letters they must share, and how short a word may be before a small difference is
# a different name ("Ann"/"Ian") rather than a variant.
SIMILAR_RATIO = 0.6
SIMILAR_PREFIX = 3
SIMILAR_MIN_LEN = 4


def fitting_initials(name: str, initials: str | None) -> str | None:
    """`initials` when they are the printed initials of `name` ("AS" for Alan Smith)."""
    text = collapse(initials or "").strip("()[] ")
    if not text or not _INITIALS_RE.fullmatch(text) or not initials_match(text, name):
        return None
    return text


def learn_initials(session: Session, person: db.Person, initials: str | None,
                   roll: BodyRoll | None = None) -> Problem | None:
    """Make printed initials an alias of `person`; a problem when another person of the
    body already has them (or has them as a name), so they stay nobody's alias. `roll`:
    the body's people in memory, asked instead of the store (and told of the alias)."""
    text = fitting_initials(person.name, initials)
    if text is None:
        return None
    key = name_key(text)
    named = roll.named(key) if roll is not None else _named(session, person.body_id, key)
    others = named - {person.id}
    if others:
        names = session.scalars(select(db.Person.name).where(db.Person.id.in_(others))
                                .order_by(db.Person.id)).all()
        return Problem("initials-shared",
                       f"{person.name} is printed as {text!r}, which already stands for "
                       f"{', '.join(names)}: not made {person.name}'s alias; an owner "
                       f"{text!r} is {person.name} only at meetings whose list prints it so")
    if roll is not None:
        roll.add_alias(person, text)
    else:
        add_alias(session, person, text)
    return None


def _named(session: Session, body_id: int, key: str) -> set[int]:
    """Ids of the body's people whose own name or alias has this key."""
    own = session.scalars(select(db.Person.id).where(db.Person.body_id == body_id,
                                                     db.Person.name_key == key))
    aka = session.scalars(select(db.PersonAlias.person_id)
                          .join(db.Person, db.Person.id == db.PersonAlias.person_id)
                          .where(db.Person.body_id == body_id, db.PersonAlias.alias_key == key))
    return set(own) | set(aka)


def office_key(owner: str) -> str | None:
    """The office an owner names, as `person_roles.role_key` keys it ("Parish Clerk",
    "the Clerk", "Action Clerk" -> "clerk"); None when the owner is no role word."""
    words = collapse(owner).split()
    # an action marker glued to the owner by the layout ("Action Clerk", "ACTION: Chair")
    while len(words) > 1 and words[0].strip(":").lower() in owner_vocab()["markers"]:
        words = words[1:]
    text = " ".join(words)
    office = canonical_role(text) or ""
    if not (is_role(text) or is_role(office)):  # "Parish Clerk" is a role as "Clerk"
        return None
    return role_key(office) or None


def holder_at(session: Session, meeting_id: int, office: str) -> db.Person | None:
    """The one person the meeting's attendance list gave this office; None for none or
    several."""
    held = session.scalars(select(db.PersonRole.person_id).where(
        db.PersonRole.meeting_id == meeting_id, db.PersonRole.role_key == office)).all()
    ids = set(held)
    return session.get(db.Person, ids.pop()) if len(ids) == 1 else None


def resolve_late(session: Session, meeting_ids: set[int]) -> set[int]:
    """Owners kept as text (or as an office) that the body's people now name: an unmatched
    owner of these meetings' bodies that is exactly one person's alias, an office at these
    meetings with one holder there. Only rows that can resolve are read (an alias with the
    owner's key; a meeting this save touched), so the cost does not grow with history.
    Returns the meetings whose owners it resolved."""
    session.flush()
    base = (select(db.ActionOwner, db.Meeting.id, db.Meeting.body_id)
            .join(db.Action, db.ActionOwner.action_id == db.Action.id)
            .join(db.Meeting, db.Action.meeting_id == db.Meeting.id))
    bodies = select(db.Meeting.body_id).where(db.Meeting.id.in_(meeting_ids))
    aliased_keys = (select(db.PersonAlias.alias_key)
                    .join(db.Person, db.Person.id == db.PersonAlias.person_id)
                    .where(db.Person.body_id.in_(bodies)))
    rows = session.execute(base.where(
        db.ActionOwner.kind == "unmatched", db.Meeting.body_id.in_(bodies),
        db.ActionOwner.text_key.in_(aliased_keys))).all()
    rows += session.execute(base.where(db.ActionOwner.kind == "role",
                                       db.Meeting.id.in_(meeting_ids))).all()
    done = _resolve_runs(session, session.execute(base.where(
        db.ActionOwner.kind == "unmatched", db.Meeting.body_id.in_(bodies),
        db.ActionOwner.text_key.contains(" "))).all())
    for owner, meeting_id, body_id in rows:
        person_id: int | None = None
        if owner.kind == "role":
            office = office_key(owner.text)
            holder = holder_at(session, meeting_id, office) if office else None
            person_id = holder.id if holder else None
        else:
            named = _named(session, body_id, owner.text_key)
            person_id = named.pop() if len(named) == 1 else None
        if person_id is None or session.scalar(select(db.ActionOwner.id).where(
                db.ActionOwner.action_id == owner.action_id,
                db.ActionOwner.person_id == person_id)) is not None:
            continue  # nobody, or the action already names the person
        owner.kind, owner.person_id = "person", person_id
        done.add(meeting_id)
    session.flush()
    return done


def run_people(session: Session, body_id: int, key: str) -> list[int]:
    """The people of an initials run ("jh no": separators lost in the layout), when every
    word is exactly one person's name or alias in the body; [] otherwise."""
    tokens = key.split()
    if not 2 <= len(tokens) <= 4 or any(not 2 <= len(t) <= 4 for t in tokens):
        return []
    found = [_named(session, body_id, t) for t in tokens]
    if any(len(f) != 1 for f in found):
        return []
    return list(dict.fromkeys(f.pop() for f in found))


def _resolve_runs(session: Session, rows: list[Any]) -> set[int]:
    """Unmatched initials runs whose every initials now name one person: one owner row
    each, as a save in date order would have written them."""
    done: set[int] = set()
    for owner, meeting_id, body_id in rows:
        people = run_people(session, body_id, owner.text_key)
        named = set(session.scalars(select(db.ActionOwner.person_id).where(
            db.ActionOwner.action_id == owner.action_id,
            db.ActionOwner.person_id.is_not(None))))
        people = [p for p in people if p not in named]
        if not people:
            continue
        owner.kind, owner.person_id = "person", people[0]
        session.add_all(db.ActionOwner(action_id=owner.action_id, position=owner.position,
                                       kind="person", person_id=p, text=owner.text,
                                       text_key=owner.text_key) for p in people[1:])
        done.add(meeting_id)
    return done


def unmatched_owner_message(owner: str, why: str, action_text: str) -> str:
    """The `owner-unmatched` flag's words. A late resolution leaves the flag be: it is
    tied to its action and owner, and `store.flags` finds it resolved."""
    text = collapse(action_text)
    text = text if len(text) <= 80 else text[:79] + "…"
    return f"action owner {owner!r} {why}; kept as text: {text}"


# Built once: a save asks for every person it creates (values bound, not written in).
_OTHERS = (select(db.Person.id, db.Person.name_key)
           .where(db.Person.body_id == bindparam("body"), db.Person.id != bindparam("person"))
           .order_by(db.Person.id))


def similar_people(session: Session, person: db.Person, roll: BodyRoll | None = None
                   ) -> list[db.Person]:
    """Other people of the body whose name is a near spelling of this one's: one word the
    same, the other alike letter for letter ("Heidi Dennison"/"Heidi Dennnison"). `roll`:
    the body's people in memory, compared instead of reading the store's."""
    mine = person.name_key.split()
    if len(mine) < 2:
        return []
    if roll is not None:
        return [p for p in roll.others(person)
                if len(theirs := p.name_key.split()) == len(mine) and _near_words(mine, theirs)]
    # Keys only: every person of the body is compared, few are alike, so only those few
    # are loaded as rows (a body's roll grows with every file saved).
    alike = [pid for pid, key in session.execute(
        _OTHERS, {"body": person.body_id, "person": person.id})
        if len(theirs := key.split()) == len(mine) and _near_words(mine, theirs)]
    return [p for p in (session.get(db.Person, pid) for pid in alike) if p is not None]


def _near_words(a: list[str], b: list[str]) -> bool:
    """Every word equal but one, and that one a near spelling of at least
    `SIMILAR_MIN_LEN` letters that starts like the other."""
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return (min(len(x), len(y)) >= SIMILAR_MIN_LEN and x[:SIMILAR_PREFIX] == y[:SIMILAR_PREFIX]
            and difflib.SequenceMatcher(None, x, y).ratio() >= SIMILAR_RATIO)

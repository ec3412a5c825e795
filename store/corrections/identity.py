"""People corrections: two records that are one human merged (the other name kept as an
alias), and aliases added, each recorded as a correction so a re-read cannot undo it."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from .. import schema as db
from ..carry import refresh
from ..db import write_lock
from ..names import collapse, name_key
from ..people import Match, Merged, add_alias, merge_people, people_named
from ..flags import settle_flags
from .apply import Scope, add_moved, apply_corrections, exactly_named
from .keys import MAX_NAME, MAX_NOTE, CorrectionError, bounded, person_key, timestamp


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
    keep_name = bounded(collapse(keep), MAX_NAME, "name")
    other_name = bounded(collapse(other), MAX_NAME, "other name")
    note = bounded(note, MAX_NOTE, "note")
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
        row.detail = add_moved(None, merged)  # what undoing it moves back
        apply_corrections(session, Scope(pairs=set(), bodies={body_row.id}))
        refresh(session, {body_row.id})
        settle_flags(session, {body_row.id})
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
    person_name = bounded(collapse(name), MAX_NAME, "name")
    alias_name = bounded(collapse(other), MAX_NAME, "alias")
    note = bounded(note, MAX_NOTE, "note")
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
        holder = exactly_named(session, body_row.id, alias_name)
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
            apply_corrections(session, Scope(pairs=set(), bodies={body_row.id}))
            refresh(session, {body_row.id})
            settle_flags(session, {body_row.id})
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
                        body_id=body.id, value=other, note=note, created_at=timestamp(now),
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

"""What every part of the corrections shares: the kinds of correction, the bounds on the
clerk's input, the error the clerk sees, and the natural keys that name a correction's
target across re-extraction (a meeting as a `Place`; an action, a flag, a person)."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import mapping
from .. import schema as db
from ..mapping import text_key
from ..names import name_key

ACTION_KINDS = ("owner", "due", "status", "text", "dismiss_action")
FIELDS = ("owner", "due", "status", "text")  # the action fields a clerk can set
PEOPLE_KINDS = ("merge_people", "alias")
FLAG_KINDS = ("dismiss_flag", "accept_flag")  # both close the flag; the record says which

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


def places_of(session: Session, meeting_ids: Iterable[int]) -> dict[int, Place]:
    ids = list(set(meeting_ids))
    rows = session.execute(
        select(db.Meeting.id, db.Meeting.body_id, db.Meeting.date, db.Meeting.record,
               db.Body.name_key, db.Organisation.name_key)
        .join(db.Body, db.Meeting.body_id == db.Body.id)
        .outerjoin(db.Organisation, db.Body.organisation_id == db.Organisation.id)
        .where(db.Meeting.id.in_(ids))).all()
    return {m: Place(body_id, org or "", body, date, record)
            for m, body_id, date, record, body, org in rows}


def timestamp(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def bounded(value: str | None, limit: int, what: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise CorrectionError(f"the {what} is empty")
    if len(value) > limit:
        raise CorrectionError(f"the {what} is {len(value)} characters; at most {limit}")
    return value

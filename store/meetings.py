"""Find or add the body and meeting an extracted meeting belongs to, and save its facts.

A meeting's identity is body + date + record: the minutes file and the same minutes
reproduced in the next agenda pack are one meeting, which gains a second source, and the
facts the second file repeats are not stored twice (`facts.Seen`). One file may record a
meeting twice itself (a draft and the signed copy): it stays one source, the repeat is a
"meeting-repeated" flag naming both copies' pages, and the facts are merged the same way.

A new version of the same paper is different: when the clerk re-publishes corrected
minutes (new bytes, so a new document) and they record a meeting an earlier version
already recorded, the new version's facts replace the old one's for that meeting
(`supersede_versions`). The old source stays recorded, marked superseded.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from extract import model as rec

from . import schema as db
from .facts import FACT_MODELS, MeetingContext, Seen, save_attendance, save_business
from .mapping import Problem, Where, meeting_record_kind, words
from .names import collapse, name_key
from .results import SaveResult, add_flag
from .roll import BodyRoll


def find_or_add_body(session: Session, file: str, m: rec.Meeting
                     ) -> tuple[db.Body, list[Problem]]:
    """The body (and organisation) a meeting belongs to, added if new; matched on the
    name with case and spacing ignored."""
    problems: list[Problem] = []
    org: db.Organisation | None = None
    if m.organisation and name_key(m.organisation):
        org_key = collapse(m.organisation).lower()
        org = session.scalar(select(db.Organisation).where(db.Organisation.name_key == org_key))
        if org is None:
            org = db.Organisation(name=collapse(m.organisation), name_key=org_key)
            session.add(org)
            session.flush()
    name = collapse(m.body or "")
    if not name:
        # Keep the meeting but do not pool its people with any other unnamed body's.
        name = f"(body not identified in {file})"
        problems.append(Problem("body-missing", f"{file}: a meeting's body was not found; "
                                "stored under a placeholder body for this file"))
    key = name.lower()
    org_id = org.id if org is not None else None
    body = session.scalar(select(db.Body).where(
        db.Body.name_key == key,
        db.Body.organisation_id == org_id if org_id is not None
        else db.Body.organisation_id.is_(None),
    ))
    if body is None:
        body = db.Body(organisation_id=org_id, name=name, name_key=key)
        session.add(body)
        session.flush()
    return body, problems


def find_or_add_meeting(session: Session, body: db.Body, m: rec.Meeting, record: str
                        ) -> tuple[db.Meeting, bool]:
    """The stored meeting for body + date + record, or a new one. Undated meetings cannot
    be recognised again, so each gets its own row."""
    if m.date is not None:
        found = session.scalar(select(db.Meeting).where(
            db.Meeting.body_id == body.id, db.Meeting.date == m.date,
            db.Meeting.record == record))
        if found is not None:
            found.venue = found.venue or m.venue
            found.start_time = found.start_time or m.start_time
            return found, False
    meeting = db.Meeting(body_id=body.id, date=m.date, record=record, venue=m.venue,
                         start_time=m.start_time)
    session.add(meeting)
    session.flush()
    return meeting, True


def save_meeting(session: Session, doc: db.Document, file: str, m: rec.Meeting,
                 result: SaveResult) -> db.Meeting:
    """Attach `m` (from `doc`) to its stored meeting, record the source, save its facts."""
    body, problems = find_or_add_body(session, file, m)
    record, more = meeting_record_kind(m)
    meeting, created = find_or_add_meeting(session, body, m, record)
    result.body_ids.add(body.id)
    first_page, last_page = m.pages if m.pages else (None, None)
    at_meeting = Where(doc.id, first_page, None, None)
    earlier = None if created else session.scalar(select(db.MeetingSource).where(
        db.MeetingSource.meeting_id == meeting.id, db.MeetingSource.document_id == doc.id))
    dropped = None
    if earlier is not None:
        # The same file records this meeting again (a draft and the signed copy, a pack
        # repeating an appendix): one source, and the repeat told to the clerk. Its facts
        # go through `Seen` below like a second file's, so only what the first copy lacked
        # is added. The meeting's own problems were flagged with the first copy.
        add_flag(session, result, repeated(earlier, m.pages), meeting.id, at_meeting)
    else:
        result.meetings += 1
        result.new_meetings += int(created)
        source = db.MeetingSource(meeting_id=meeting.id, document_id=doc.id,
                                  first_page=first_page, last_page=last_page)
        session.add(source)
        session.flush()
        if not created:
            dropped = supersede_versions(session, meeting, source, doc, result)
        if dropped is not None:  # the newer version's word on where and when
            meeting.venue = m.venue or meeting.venue
            meeting.start_time = m.start_time or meeting.start_time
        for p in problems + more:
            add_flag(session, result, p, meeting.id, at_meeting)

    people = BodyRoll(session, body.id)
    seen = Seen()
    if not created:
        seen.load(session, meeting.id, people.by_id())
    ctx = MeetingContext(session, doc.id, meeting, body, people, seen, result)
    save_attendance(ctx, m)
    save_business(ctx, m)
    if dropped:
        _drop_unnamed(session, dropped)
    return meeting


def repeated(source: db.MeetingSource, pages: tuple[int, int] | None) -> Problem:
    """The flag for a file that records a meeting a second time, naming both copies'
    pages where the format has pages."""
    def span(first: int | None, last: int | None) -> str:
        return f"pages {first}-{last}" if first != last else f"page {first}"

    if source.first_page is None or pages is None:
        where = "twice"
    else:
        where = (f"twice, at {span(source.first_page, source.last_page)} and "
                 f"{span(*pages)}")
    return Problem("meeting-repeated", f"this file records the meeting {where} (a draft "
                   "and a signed copy, or a repeated appendix?); stored once, with what "
                   "the copies say in common not doubled")


# -- versions of one paper ---------------------------------------------------------------

# What a re-published paper's file name gains or loses: "minutes (1).pdf", "minutes
# v2.docx", "minutes - approved.pdf", "minutes (draft).docx", "Copy of minutes.docx".
_VERSION_WORDS = frozenset({
    "copy", "draft", "final", "approved", "agreed", "signed", "unsigned", "amended",
    "revised", "corrected", "updated",
})
_VERSION_NUMBER = re.compile(r"(?:v|rev)\d+")
_COPY_NUMBER = re.compile(r"\s*[(\[]\d+[)\]]\s*$")  # a second download: "minutes (1)"


def version_key(file_name: str) -> str:
    """What the versions of one paper share: the file name without folder, extension,
    copy markers and trailing version words, case and punctuation ignored.
    "Minutes 10-Sep-2024 (1).docx" and "minutes 10 sep 2024 - approved.pdf" give the same
    key; a different paper ("Agenda pack 10-Dec-2024.pdf") does not."""
    tokens = words(_COPY_NUMBER.sub("", PurePath(file_name).stem))
    if tokens[:2] == ["copy", "of"]:
        tokens = tokens[2:]
    while len(tokens) > 1:
        if tokens[-1] in _VERSION_WORDS or _VERSION_NUMBER.fullmatch(tokens[-1]):
            tokens.pop()
        elif tokens[-1].isdigit() and tokens[-2] in ("version", "rev", "v"):
            del tokens[-2:]
        else:
            break
    return " ".join(tokens)


def supersede_versions(session: Session, meeting: db.Meeting, source: db.MeetingSource,
                       doc: db.Document, result: SaveResult) -> set[int] | None:
    """Let `doc` (recorded as `source`) replace the facts an earlier version of the same
    paper gave for `meeting`.

    The rule: an earlier source of the meeting is an earlier version of `doc` when one of
    the names its file was seen under has the same `version_key` as `doc`'s name. Its facts
    for this meeting (and its flags there) are deleted before `doc`'s are saved, and its
    source row is marked superseded by `source`. Other sources stand, so the minutes file and
    the agenda pack that reproduces it are still one meeting with one set of facts (`Seen`),
    and a re-run on unchanged bytes never gets here (documents are keyed by content).

    The clerk's corrections survive: they are keyed by the action's natural key
    (`mapping.action_key`), which the new version's identical actions share, and flags the
    clerk dismissed on the old version stay dismissed when raised again (`result.dismissed`,
    applied by `store.carry.carry_forward`). The old version's facts in other meetings are
    left as they are. When versions arrive out of order, the one saved last wins.

    Returns the people the dropped facts named (to delete if nothing names them once the
    new facts are in), or None when nothing was superseded.
    """
    key = version_key(doc.file_name)
    earlier = session.scalars(select(db.MeetingSource).where(
        db.MeetingSource.meeting_id == meeting.id, db.MeetingSource.document_id != doc.id,
        db.MeetingSource.superseded_by_source_id.is_(None))).all()
    if not earlier:
        return None
    ids = [old.document_id for old in earlier]
    names: dict[int, set[str]] = {i: set() for i in ids}
    for doc_id, name in session.execute(
            select(db.Document.id, db.Document.file_name).where(db.Document.id.in_(ids))
            .union(select(db.DocumentFile.document_id, db.DocumentFile.file_name)
                   .where(db.DocumentFile.document_id.in_(ids)))):
        names[doc_id].add(name)
    dropped: set[int] | None = None
    for old in earlier:
        if key not in {version_key(n) for n in names[old.document_id]}:
            continue
        old.superseded_by_source_id = source.id
        old.superseded_at = doc.ingested_at
        dropped = (dropped or set()) | _drop_facts(session, meeting.id, old.document_id,
                                                   result)
        result.superseded.append((meeting.id, old.document_id))
    return dropped


def _drop_facts(session: Session, meeting_id: int, document_id: int,
                result: SaveResult) -> set[int]:
    """Delete what `document_id` said about `meeting_id`; return the people it named."""
    def mine(model: type[db.Base]) -> ColumnElement[bool]:
        fact: Any = model  # every fact model has both columns
        return (fact.document_id == document_id) & (fact.meeting_id == meeting_id)

    actions = select(db.Action.id).where(mine(db.Action))
    people = set(session.scalars(select(db.Attendance.person_id).where(mine(db.Attendance))))
    people |= set(session.scalars(select(db.Apology.person_id).where(mine(db.Apology))))
    people |= {p for p in session.scalars(select(db.ActionOwner.person_id).where(
        db.ActionOwner.action_id.in_(actions))) if p is not None}
    result.dismissed |= {(meeting_id, kind, message) for kind, message in session.execute(
        select(db.Flag.kind, db.Flag.message).where(mine(db.Flag), db.Flag.dismissed))}
    session.execute(delete(db.Flag).where(mine(db.Flag)))
    session.execute(delete(db.ActionOwner).where(db.ActionOwner.action_id.in_(actions)))
    for model in FACT_MODELS:  # person roles go with their attendance rows (CASCADE)
        session.execute(delete(model).where(mine(model)))
    return people


def _drop_unnamed(session: Session, people: set[int]) -> None:
    """Delete those of `people` that no fact names any more and the clerk gave no alias."""
    named = select(db.Attendance.person_id).union(
        select(db.Apology.person_id),
        select(db.ActionOwner.person_id).where(db.ActionOwner.person_id.is_not(None)),
        select(db.PersonAlias.person_id))
    session.execute(delete(db.Person).where(db.Person.id.in_(people),
                                            db.Person.id.not_in(named)))

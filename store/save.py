"""Save one `Extraction` to the store: one document, one transaction, all or nothing.

A document is identified by its content hash: saving a file already stored changes no row
except `document_files`, which gains the name and path it was seen under if they are new.
Meetings are identified by body + date + record, so the same meeting arriving in a second
file gains a source rather than becoming a second meeting; facts the first file already
gave for it (same person, same item number, same action text) are not stored twice.

Reading again (`needs_reading`): a good record is final, but a failed or partial one is
read again when what reads files has changed since it was stored, and the new reading
replaces the old one in the same single transaction (`_replace`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from extract import model as rec

from . import schema as db
from .aliases import resolve_late
from .carry import carry_forward
from .corrections import reapply_corrections
from .db import write_lock
from .facts import save_parts
from .flags import ActionTies, fold_owner_flag, settle_flags
from .mapping import Problem, Where, flag_to_row, source_to_document
from .meetings import save_meeting
from .results import SaveError, SaveResult, add_flag

__all__ = ["SaveError", "SaveResult", "needs_reading", "original_name", "record_file",
           "save_extraction", "storable_name"]

# A file name whose bytes are not UTF-8 (a zip made on Windows) reaches Python with each bad
# byte as a lone surrogate (surrogateescape); no database driver will store one.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def storable_name(text: str) -> str:
    """`text` with each undecodable byte written "\\xNN" (b"caf\\xe9.pdf" is stored and shown
    as "caf\\xe9.pdf"); text without one is returned unchanged. `original_name` undoes it."""
    def escape(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
    return _SURROGATE.sub(escape, text)


def original_name(stored: str) -> str:
    """The path `storable_name` was given, to open the file again. A name that really holds
    "\\x80"-"\\xff" reads back differently, so callers try the stored form too."""
    return _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), stored)


_RANK = {"failed": 0, "partial": 1, "ok": 2}


def needs_reading(status: str, stored_reader: str | None, reader: str | None) -> bool:
    """Whether bytes already stored with `status`, read by `stored_reader`, should be read
    again by `reader`.

    The rule: an ok record is final. A failed or partial one is read again whenever the
    reader differs from the one that produced it. A reader names the boardpapers version
    and whether OCR is available (see `boardpapers.batch.current_reader`), the two things
    that can turn a failure into a reading: a parser fixed in a new release, Tesseract
    installed. The same reader on the same bytes gives the same result, so it is not asked
    twice; that keeps a re-run cheap even over a 1,000-page partial pack. Records stored
    before readers were recorded (reader NULL) are read again once. A caller that names no
    reader never causes a re-read.
    """
    return reader is not None and status != "ok" and stored_reader != reader


def save_extraction(session: Session, extraction: rec.Extraction, *,
                    now: dt.datetime | None = None, reader: str | None = None,
                    seen_as: str | None = None) -> SaveResult:
    """Store `extraction` and commit; on any error roll back and re-raise, leaving no row.

    `reader` names what produced the extraction (stored with it; see `needs_reading`), and
    `seen_as` is the path the file was read from (default: its base name), recorded in
    `document_files`. When the same bytes are already stored, the outcome is "unchanged"
    and only the path is recorded; when the stored record is failed or partial and the
    reader differs, it is "replaced" by this reading, or "kept" if this reading is worse
    (failed where the stored one read some pages), so a re-read never loses stored meetings.
    This function owns the session's transaction (it commits or rolls back), so call it on
    a session with no unsaved work of the caller's own.
    """
    sha256 = extraction.source.sha256.strip().lower()
    if not sha256:
        raise SaveError(f"{extraction.source.file or 'extraction'} has no source.sha256; "
                        "the store identifies documents by content hash, so compute it "
                        "from the file's bytes before saving")
    now = now or dt.datetime.now(dt.UTC)
    extraction = _with_storable_names(extraction)
    seen = seen_as or extraction.source.file
    try:
        write_lock(session)
        stored = _stored_document(session, sha256)
        if stored is None:
            result = _save_new(session, extraction, sha256, now, reader)
        elif not needs_reading(stored.status, stored.reader, reader):
            result = _as_stored(extraction, stored, "unchanged")
        elif _RANK.get(extraction.source.status, 0) < _RANK[stored.status]:
            result = _as_stored(extraction, stored, "kept")
        else:
            result = _replace(session, stored, extraction, now, reader)
        if result.outcome in ("saved", "replaced"):
            # Owners saved before the paper that printed their initials or office holder.
            result.owners_resolved = resolve_late(
                session, _meetings_of(session, result.document_id))
            # After the facts, so the clerk's corrections win over what this reading wrote.
            reapply_corrections(session, document_id=result.document_id)
            # Threads read the corrected rows: the clerk's status and dismissals count.
            carry_forward(session, result)
            # Last, over every flag the save, the corrections and the carry wrote.
            settle_flags(session, _bodies_of(session, result.document_id),
                         _meetings_of(session, result.document_id)
                         | set(result.owners_resolved))
        _add_file(session, result.document_id, seen, now)
        session.commit()
    except IntegrityError:
        session.rollback()
        # Another process stored the same file between our lookup and our commit.
        stored = _stored_document(session, sha256)
        session.rollback()
        if stored is not None:
            return _as_stored(extraction, stored, "unchanged")
        raise
    except BaseException:
        session.rollback()
        raise
    return result


def record_file(session: Session, document_id: int, path: str, *,
                now: dt.datetime | None = None) -> bool:
    """Record that a stored document was seen at `path` and commit; True if that is new.
    For the batch, which does not read a file whose bytes are stored and final."""
    try:
        added = _add_file(session, document_id, path, now or dt.datetime.now(dt.UTC))
        session.commit()
    except IntegrityError:  # another process recorded the same path meanwhile
        session.rollback()
        return False
    except BaseException:
        session.rollback()
        raise
    return added


def _with_storable_names(x: rec.Extraction) -> rec.Extraction:
    """`x` with the file name made storable wherever ingest and extract wrote it: the
    source, its problems and the flags' messages (paper text itself is decoded text)."""
    src = x.source
    if not _SURROGATE.search(src.file + "".join(src.problems)
                             + "".join(f.message for f in x.flags)):
        return x
    return dataclasses.replace(
        x, source=dataclasses.replace(src, file=storable_name(src.file),
                                      problems=[storable_name(p) for p in src.problems]),
        flags=[dataclasses.replace(f, message=storable_name(f.message)) for f in x.flags])


def _bodies_of(session: Session, document_id: int) -> set[int]:
    return set(session.scalars(select(db.Meeting.body_id).join(
        db.MeetingSource, db.MeetingSource.meeting_id == db.Meeting.id)
        .where(db.MeetingSource.document_id == document_id)))


def _meetings_of(session: Session, document_id: int) -> set[int]:
    return set(session.scalars(select(db.MeetingSource.meeting_id)
                               .where(db.MeetingSource.document_id == document_id)))


def _add_file(session: Session, document_id: int, path: str, now: dt.datetime) -> bool:
    path = storable_name(path)
    known = session.scalar(select(db.DocumentFile.id).where(
        db.DocumentFile.document_id == document_id, db.DocumentFile.path == path))
    if known is not None:
        return False
    session.add(db.DocumentFile(document_id=document_id, file_name=PurePath(path).name,
                                path=path, first_seen=now))
    session.flush()
    return True


def _stored_document(session: Session, sha256: str) -> db.Document | None:
    return session.scalar(select(db.Document).where(db.Document.sha256 == sha256))


def _as_stored(extraction: rec.Extraction, doc: db.Document, outcome: str) -> SaveResult:
    """The result when the stored record stands: "unchanged" or "kept"."""
    return SaveResult(file=extraction.source.file, sha256=doc.sha256,
                      outcome="kept" if outcome == "kept" else "unchanged",
                      document_status=doc.status, document_id=doc.id,
                      stored_file=doc.file_name,
                      problems=tuple((doc.problems or "").splitlines()),
                      previous_status=doc.status if outcome == "kept" else None)


def _save_new(session: Session, x: rec.Extraction, sha256: str, now: dt.datetime,
              reader: str | None) -> SaveResult:
    doc, problems = source_to_document(x.source, sha256, now)
    doc.reader = reader
    session.add(doc)
    session.flush()
    return _fill(session, doc, x, problems, "saved")


def _fill(session: Session, doc: db.Document, x: rec.Extraction, problems: list[Problem],
          outcome: str) -> SaveResult:
    """Add the meetings, facts and flags of `x` to the (flushed) document row `doc`."""
    result = SaveResult(file=x.source.file, sha256=doc.sha256,
                        outcome="replaced" if outcome == "replaced" else "saved",
                        document_status=doc.status, document_id=doc.id,
                        stored_file=doc.file_name, problems=tuple(x.source.problems))
    doc_where = Where(doc.id, None, None, None)
    save_parts(session, doc.id, x.parts)
    for p in problems:
        add_flag(session, result, p, None, doc_where)

    placed: list[tuple[db.Meeting, tuple[int, int] | None]] = []
    for m in x.meetings:
        meeting = save_meeting(session, doc, x.source.file, m, result)
        placed.append((meeting, m.pages))
    ties = ActionTies(session, doc.id, [(m, row.id) for m, (row, _) in
                                        zip(x.meetings, placed, strict=True)])
    for f in x.flags:
        page = f.page if f.page is not None else (f.evidence.page if f.evidence else None)
        meeting_id = _meeting_for_page(placed, page)
        action_id = ties.action_id(f.action)
        if fold_owner_flag(session, f, action_id, doc.id):
            continue  # the store's own flag on the owner says it, and more
        session.add(flag_to_row(f, meeting_id, doc.id, action_id))
        result.flags += 1
    session.flush()
    return result


def _meeting_for_page(placed: list[tuple[db.Meeting, tuple[int, int] | None]],
                      page: int | None) -> int | None:
    """The meeting an extraction-level flag belongs to: the only meeting, or else the
    narrowest page span holding its page (an agenda pack's minutes sit inside its span)."""
    if len(placed) == 1:
        return placed[0][0].id
    if page is None:
        return None
    holding = [(span[1] - span[0], m.id) for m, span in placed
               if span is not None and span[0] <= page <= span[1]]
    return min(holding)[1] if holding else None


# -- reading a failed or partial document again ------------------------------------------------

# Every row that carries a fact read from a document (action owners hang off actions).
_FACTS = (db.Attendance, db.Apology, db.AgendaItem, db.Resolution, db.Note, db.Action,
          db.RagItem)


@dataclass
class _Cleared:
    """What clearing a document's old reading leaves to tidy once the new one is saved."""

    sole: set[int]  # meetings no other document records: dropped if now unrecorded
    shared: dict[int, tuple[int | None, int | None]]  # others record them too: old spans
    kept_flags: set[int]  # the store's flags on facts kept in shared meetings
    # (meeting, kind, message) of the flags the clerk dismissed that the clear removes:
    # raised again by the new reading or the carry-forward, they stay dismissed
    dismissed: set[tuple[int, str, str]]


def _replace(session: Session, doc: db.Document, x: rec.Extraction, now: dt.datetime,
             reader: str | None) -> SaveResult:
    """Replace the stored reading of `doc` by `x`, keeping the row (and its id).

    In a meeting that another document also records, the old facts stay: that document's
    identical facts were skipped as duplicates of them when it was saved, so removing them
    would lose its facts too; the new reading adds only what they lack. Everything else the
    old reading stored (its flags, its facts in meetings only it recorded, and the meetings
    and people that leaves unrecorded) is removed.
    """
    previous = doc.status
    cleared = _clear_reading(session, doc.id)
    fresh, problems = source_to_document(x.source, doc.sha256, now)
    for column in ("file_name", "format", "pages", "status", "problems", "ingested_at"):
        setattr(doc, column, getattr(fresh, column))
    doc.reader = reader
    session.flush()
    result = _fill(session, doc, x, problems, "replaced")
    result.previous_status = previous
    result.dismissed |= cleared.dismissed
    _tidy(session, doc.id, cleared)
    return result


def _clear_reading(session: Session, doc_id: int) -> _Cleared:
    spans = {m: (first, last) for m, first, last in session.execute(
        select(db.MeetingSource.meeting_id, db.MeetingSource.first_page,
               db.MeetingSource.last_page).where(db.MeetingSource.document_id == doc_id))}
    others = set(session.scalars(select(db.MeetingSource.meeting_id).where(
        db.MeetingSource.meeting_id.in_(list(spans)),
        db.MeetingSource.document_id != doc_id)))
    sole = set(spans) - others

    def mine_in_sole(model: type[db.Base]) -> ColumnElement[bool]:
        fact: Any = model  # every model in _FACTS has both columns
        return (fact.document_id == doc_id) & fact.meeting_id.in_(sole)

    actions = select(db.Action.id).where(mine_in_sole(db.Action))
    people = set(session.scalars(select(db.Attendance.person_id)
                                 .where(mine_in_sole(db.Attendance))))
    people |= set(session.scalars(select(db.Apology.person_id).where(mine_in_sole(db.Apology))))
    people |= set(session.scalars(select(db.ActionOwner.person_id).where(
        db.ActionOwner.action_id.in_(actions), db.ActionOwner.person_id.is_not(None))))

    kept_flags = set(session.scalars(select(db.Flag.id).where(
        db.Flag.document_id == doc_id, db.Flag.meeting_id.in_(others),
        db.Flag.extractor == "store")))
    dismissed = {(m, k, msg) for m, k, msg in session.execute(
        select(db.Flag.meeting_id, db.Flag.kind, db.Flag.message).where(
            db.Flag.document_id == doc_id, db.Flag.id.not_in(kept_flags),
            db.Flag.dismissed, db.Flag.meeting_id.is_not(None)))}
    session.execute(delete(db.Flag).where(db.Flag.document_id == doc_id,
                                          db.Flag.id.not_in(kept_flags)))
    session.execute(delete(db.ActionOwner).where(db.ActionOwner.action_id.in_(actions)))
    for model in _FACTS:
        session.execute(delete(model).where(mine_in_sole(model)))
    session.execute(delete(db.MeetingSource).where(db.MeetingSource.document_id == doc_id))
    # Before the new reading is saved, so it resolves names as an empty store would: a
    # person only the old reading named must not catch an owner in the new one.
    named = (select(db.Attendance.person_id)
             .union(select(db.Apology.person_id),
                    select(db.ActionOwner.person_id).where(db.ActionOwner.person_id.is_not(None))))
    session.execute(delete(db.Person).where(db.Person.id.in_(people),
                                            db.Person.id.not_in(named)))
    return _Cleared(sole, {m: spans[m] for m in others}, kept_flags, dismissed)


def _tidy(session: Session, doc_id: int, cleared: _Cleared) -> None:
    # Only this document could have given the meetings in `sole` a source since clearing.
    recorded = set(session.scalars(select(db.MeetingSource.meeting_id).where(
        db.MeetingSource.document_id == doc_id)))
    # A shared meeting the new reading no longer finds keeps the old facts, so its source too.
    for meeting_id, (first, last) in cleared.shared.items():
        if meeting_id not in recorded and any(session.scalar(
                select(model.id).where(model.document_id == doc_id,
                                       model.meeting_id == meeting_id).limit(1)) is not None
                for model in _FACTS):
            session.add(db.MeetingSource(meeting_id=meeting_id, document_id=doc_id,
                                         first_page=first, last_page=last))
    # The store raises some flags again for facts it skips as duplicates (an ambiguous
    # name): drop the new copy of a kept flag, so the clerk's dismissals survive.
    kept = {_flag_key(f) for f in session.scalars(
        select(db.Flag).where(db.Flag.id.in_(cleared.kept_flags)))}
    for f in session.scalars(select(db.Flag).where(
            db.Flag.document_id == doc_id, db.Flag.id.not_in(cleared.kept_flags),
            db.Flag.meeting_id.in_(cleared.shared))):
        if _flag_key(f) in kept:
            session.delete(f)
    session.execute(delete(db.Meeting).where(db.Meeting.id.in_(cleared.sole - recorded)))
    session.flush()


def _flag_key(f: db.Flag) -> tuple[object, ...]:
    return (f.meeting_id, f.kind, f.message, f.page, f.block, f.extractor)

"""Save one `Extraction` to the store: one document, one transaction, all or nothing.

A document is identified by its content hash: saving a file already stored changes no row.
Meetings are identified by body + date + record, so the same meeting arriving in a second
file gains a source rather than becoming a second meeting; facts the first file already
gave for it (same person, same item number, same action text) are not stored twice.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from extract import model as rec

from . import schema as db
from .mapping import Where, flag_to_row, source_to_document
from .meetings import save_meeting
from .results import SaveError, SaveResult, add_flag

__all__ = ["SaveError", "SaveResult", "save_extraction"]


def save_extraction(session: Session, extraction: rec.Extraction, *,
                    now: dt.datetime | None = None) -> SaveResult:
    """Store `extraction` and commit; on any error roll back and re-raise, leaving no row.

    Returns outcome "unchanged" (and writes nothing) when a document with the same sha256
    is already stored. This function owns the session's transaction (it commits or rolls
    back), so call it on a session with no unsaved work of the caller's own.
    """
    sha256 = extraction.source.sha256.strip().lower()
    if not sha256:
        raise SaveError(f"{extraction.source.file or 'extraction'} has no source.sha256; "
                        "the store identifies documents by content hash, so compute it "
                        "from the file's bytes before saving")
    stored = _stored_document(session, sha256)
    if stored is not None:
        session.rollback()  # end the read-only transaction the lookup began
        return _unchanged(extraction, stored)
    try:
        result = _save_new(session, extraction, sha256, now or dt.datetime.now(dt.UTC))
        session.commit()
    except IntegrityError:
        session.rollback()
        # Another process stored the same file between our lookup and our commit.
        stored = _stored_document(session, sha256)
        session.rollback()
        if stored is not None:
            return _unchanged(extraction, stored)
        raise
    except BaseException:
        session.rollback()
        raise
    return result


def _stored_document(session: Session, sha256: str) -> db.Document | None:
    return session.scalar(select(db.Document).where(db.Document.sha256 == sha256))


def _unchanged(extraction: rec.Extraction, doc: db.Document) -> SaveResult:
    return SaveResult(file=extraction.source.file, sha256=doc.sha256, outcome="unchanged",
                      document_status=doc.status, document_id=doc.id)


def _save_new(session: Session, x: rec.Extraction, sha256: str, now: dt.datetime
              ) -> SaveResult:
    doc, problems = source_to_document(x.source, sha256, now)
    session.add(doc)
    session.flush()
    result = SaveResult(file=x.source.file, sha256=sha256, outcome="saved",
                        document_status=doc.status, document_id=doc.id)
    doc_where = Where(doc.id, None, None, None)
    for p in problems:
        add_flag(session, result, p, None, doc_where)

    placed: list[tuple[db.Meeting, tuple[int, int] | None]] = []
    for m in x.meetings:
        meeting = save_meeting(session, doc, x.source.file, m, result)
        placed.append((meeting, m.pages))
    for f in x.flags:
        page = f.page if f.page is not None else (f.evidence.page if f.evidence else None)
        meeting_id = _meeting_for_page(placed, page)
        session.add(flag_to_row(f, meeting_id, doc.id))
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

"""Pure mapping from extraction records (`extract.model`) to store rows (`store.schema`).

No session, no queries: each function takes the typed record plus the ids it needs and
returns an unsaved row. Values a paper might get wrong (an unknown category, a status word
we do not know) are normalised here and reported back as a `Problem`, which `store.save`
turns into a flag for the clerk rather than guessing silently.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extract import model as rec

from . import schema as db
from .names import collapse


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str


@dataclass(frozen=True)
class Where:
    """Provenance for one fact: the stored document and the record's evidence."""

    document_id: int
    page: int | None
    block: int | None
    extractor: str | None


def where(document_id: int, evidence: rec.Evidence | None) -> Where:
    if evidence is None:
        return Where(document_id, None, None, None)
    return Where(document_id, evidence.page, evidence.block, evidence.extractor or None)


# Words an action table uses for "done". Anything else (Ongoing, In progress, Due…) is open.
_CLOSED_WORDS = frozenset({
    "closed", "complete", "completed", "done", "blue", "achieved", "finished", "discharged",
    "resolved",
})


def action_status(raw: str | None) -> tuple[str, str | None]:
    """(open|closed, the paper's own word when it was something else)."""
    if raw is None or not raw.strip():
        return "open", None
    word = collapse(raw).lower()
    if word in db.ACTION_STATUSES:
        return word, None
    closed = word in _CLOSED_WORDS or word.startswith("complete")
    return ("closed" if closed else "open"), collapse(raw)


def text_key(text: str) -> str:
    """Key for "the same fact reported by two documents": case and spacing ignored."""
    return collapse(text).lower()


def source_to_document(source: rec.SourceInfo, sha256: str, now: dt.datetime
                       ) -> tuple[db.Document, list[Problem]]:
    problems: list[Problem] = []
    status = source.status if source.status in db.DOCUMENT_STATUSES else "failed"
    if status != source.status:
        problems.append(Problem("document-status-unknown",
                                f"ingest gave status {source.status!r}; stored as failed"))
    doc = db.Document(
        sha256=sha256,
        file_name=source.file,
        format=source.format,
        pages=source.pages,
        status=status,
        problems="\n".join(source.problems) or None,
        ingested_at=now,
    )
    detail = "; ".join(source.problems) or "no reason given"
    if status == "failed":
        problems.append(Problem("document-failed", f"{source.file} could not be read: {detail}"))
    elif status == "partial":
        problems.append(Problem("document-partial",
                                f"{source.file} was only partly read: {detail}"))
    return doc, problems


def meeting_record_kind(meeting: rec.Meeting) -> tuple[str, list[Problem]]:
    if meeting.record in db.RECORD_KINDS:
        return meeting.record, []
    return "minutes", [Problem("record-kind-unknown",
                               f"meeting record {meeting.record!r} stored as minutes")]


def attendee_to_attendance(a: rec.Attendee, meeting_id: int, person_id: int, at: Where
                           ) -> tuple[db.Attendance, list[Problem]]:
    problems: list[Problem] = []
    category: str = a.category
    if category not in db.CATEGORIES:
        problems.append(Problem("attendee-category-unknown",
                                f"{a.name}: category {a.category!r} stored as 'other'"))
        category = "other"
    row = db.Attendance(
        meeting_id=meeting_id, person_id=person_id, category=category, role=a.role,
        title=a.title, organisation=a.organisation, substitute_for=a.substitute_for,
        document_id=at.document_id, page=at.page, block=at.block, extractor=at.extractor,
    )
    return row, problems


def apology_to_row(a: rec.Apology, meeting_id: int, person_id: int, at: Where) -> db.Apology:
    return db.Apology(
        meeting_id=meeting_id, person_id=person_id, title=a.title,
        document_id=at.document_id, page=at.page, block=at.block, extractor=at.extractor,
    )


def item_to_row(i: rec.AgendaItem, meeting_id: int, at: Where) -> db.AgendaItem:
    return db.AgendaItem(
        meeting_id=meeting_id, number=i.number, title=i.title,
        document_id=at.document_id, page=at.page, block=at.block, extractor=at.extractor,
    )


def resolution_to_row(r: rec.Resolution, meeting_id: int, at: Where) -> db.Resolution:
    return db.Resolution(
        meeting_id=meeting_id, item=r.item, text=r.text,
        document_id=at.document_id, page=at.page, block=at.block, extractor=at.extractor,
    )


def action_to_row(a: rec.Action, meeting_id: int, at: Where) -> db.Action:
    status, status_text = action_status(a.status)
    return db.Action(
        meeting_id=meeting_id, item=a.item, text=a.text, due=a.due, due_text=a.due_text,
        status=status, status_text=status_text, ref=a.ref, update=a.update,
        owner_text=a.owner_text,
        document_id=at.document_id, page=at.page, block=at.block, extractor=at.extractor,
    )


def rag_status(value: str | None, what: str) -> tuple[str | None, list[Problem]]:
    if value is None:
        return None, []
    word = value.strip().lower()
    if word in db.RAG_STATUSES:
        return word, []
    return None, [Problem("rag-status-unknown", f"{what}: status {value!r} is not R/A/G/B")]


def rag_item_to_row(r: rec.RagItem, meeting_id: int, at: Where
                    ) -> tuple[db.RagItem, list[Problem]]:
    label = r.ref or r.text[:60]
    status, problems = rag_status(r.status, label)
    previous, more = rag_status(r.previous_status, label)
    row = db.RagItem(
        meeting_id=meeting_id, ref=r.ref, text=r.text, status=status,
        previous_status=previous, status_source=r.status_source, due_text=r.due_text,
        document_id=at.document_id, page=at.page, block=at.block, extractor=at.extractor,
    )
    return row, problems + more


def flag_to_row(f: rec.Flag, meeting_id: int | None, document_id: int) -> db.Flag:
    at = where(document_id, f.evidence)
    return db.Flag(
        meeting_id=meeting_id, kind=f.kind, message=f.message, dismissed=False,
        document_id=document_id, page=f.page if f.page is not None else at.page,
        block=at.block, extractor=at.extractor,
    )


def problem_to_flag(p: Problem, meeting_id: int | None, at: Where) -> db.Flag:
    """A problem the store itself found; extractor "store" says who raised it."""
    return db.Flag(
        meeting_id=meeting_id, kind=p.kind, message=p.message, dismissed=False,
        document_id=at.document_id, page=at.page, block=at.block, extractor="store",
    )

"""Document → Extraction: split into meeting parts, describe each, run the extractors.

Each extractor is a short module of its own; this file only composes them and turns
ingest problems into flags, so a failed or scanned file still yields an honest record.
"""
from __future__ import annotations

from ingest.model import Document, Status

from .actions import extract_actions
from .attendance import extract_attendance
from .decisions import extract_resolutions
from .decisions.notes import extract_notes
from .document import describe, extract_items, share_organisation, split_parts
from .document.continuation import join_continuations
from .model import Extraction, FilePart, Flag, SourceInfo
from .people import Roster
from .rag import extract_rag


def extract(doc: Document) -> Extraction:
    src = doc.source
    out = Extraction(SourceInfo(file=src.file, sha256=src.sha256, format=src.format,
                                pages=src.pages, status=doc.status.value,
                                problems=[p.message for p in doc.problems]))
    out.flags = [Flag(kind=p.code, message=p.message, page=p.page) for p in doc.problems]
    out.parts = [FilePart(p.kind, p.title, p.item, p.first_page, p.last_page)
                 for p in doc.parts]
    if doc.status is Status.FAILED:
        return out
    if any(p.ocr for p in doc.pages if p.items):
        pages = [p.number for p in doc.pages if p.ocr and p.items]
        out.flags.append(Flag("ocr-text", f"Pages {pages} were read by OCR; names and numbers "
                              "may be misread.", page=pages[0] if pages else None))
    for part in join_continuations(split_parts(doc)):
        meeting = describe(part, part.record)
        attendees, apologies, flags = extract_attendance(part, meeting)
        meeting.attendees, meeting.apologies = attendees, apologies
        out.flags += flags
        meeting.items = extract_items(part, meeting)
        meeting.resolutions, flags = extract_resolutions(part, meeting)
        out.flags += flags
        meeting.actions, flags = extract_actions(part, meeting, Roster(attendees))
        out.flags += flags
        meeting.rag_items, flags = extract_rag(part, meeting)
        out.flags += flags
        meeting.notes = extract_notes(part, meeting)
        out.meetings.append(meeting)
    share_organisation(out.meetings)
    return out

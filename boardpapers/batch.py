"""Run the pipeline over many files: ingest → extract → store, one file at a time.

A batch never dies on one file: whatever goes wrong is recorded against that file (a failed
document with its reason, or an error in the outcome list) and the next file is read.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extract import extract
from extract.model import Extraction, Flag, SourceInfo
from ingest import load, sha256_of
from store import has_document, save_extraction
from sqlalchemy.orm import Session

SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".doc"}


@dataclass
class Outcome:
    file: Path
    status: str  # saved / unchanged / failed / error
    message: str = ""
    meetings: int = 0
    attendees: int = 0
    actions: int = 0
    rag_items: int = 0
    flags: int = 0


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every paper under `paths` (files as given, folders searched recursively), sorted."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found += [f for f in sorted(p.rglob("*")) if f.is_file()
                      and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")]
        else:
            found.append(p)
    return found


def extract_file(path: Path) -> Extraction:
    """Ingest and extract one file. An unexpected error in extraction still yields a record
    (status failed, with a flag) rather than an exception."""
    doc = load(path)
    try:
        return extract(doc)
    except Exception as err:  # an extractor bug on one file must not stop the batch
        src = doc.source
        return Extraction(
            SourceInfo(file=src.file, sha256=src.sha256, format=src.format, pages=src.pages,
                       status="failed", problems=[f"extraction failed: {err}"]),
            flags=[Flag("extraction-error", f"Extraction failed on {src.file} "
                        f"({type(err).__name__}: {err}); the file was stored without facts. "
                        "Report it to the boardpapers maintainers.")])


def run(session: Session, files: list[Path],
        progress: Callable[[Path], None] | None = None) -> Iterator[Outcome]:
    for path in files:
        if progress:
            progress(path)
        yield _run_one(session, path)


def _run_one(session: Session, path: Path) -> Outcome:
    try:
        if path.is_file() and has_document(session, sha256_of(path)):
            return Outcome(path, "unchanged", "already stored (same content)")
        record = extract_file(path)
        result = save_extraction(session, record)
    except Exception as err:  # the store refused it: say so, keep going
        session.rollback()
        return Outcome(path, "error", f"{type(err).__name__}: {err}\n"
                       + "".join(traceback.format_exception_only(err)).strip())
    status = "failed" if record.source.status == "failed" else result.outcome
    message = "; ".join(record.source.problems)
    return Outcome(path, status, message,
                   meetings=len(record.meetings),
                   attendees=sum(len(m.attendees) for m in record.meetings),
                   actions=sum(len(m.actions) for m in record.meetings),
                   rag_items=sum(len(m.rag_items) for m in record.meetings),
                   flags=len(record.flags))


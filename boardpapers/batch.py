"""Run the pipeline over many files: ingest → extract → store, file by file (`workers` > 1:
read in worker processes, `pool.py`).

A batch never dies on one file: whatever goes wrong is recorded against that file (a failed
document with its reason, or an error in the outcome list) and the next file is read.

Every file gets an `Outcome` on every run, saying what the run did with it and how its
document stands, so a re-run tells the clerk the same truth as the first run:

- bytes not stored yet: read and stored ("new");
- bytes stored as ok: not read again ("unchanged");
- bytes stored as failed or partial: read again only when the reader has changed since
  (`store.save.needs_reading`: a new boardpapers version, Tesseract installed or removed),
  and the new reading replaces the old one in one transaction ("re-read"); otherwise not
  read ("unchanged"). Either way the outcome carries the status and problems, so the file
  is listed again and a failed one keeps the exit code non-zero;
- a file that cannot be opened (permission denied, a broken symlink): failed with the
  operating system's reason, and not stored ("not-stored"). The store keys documents by
  content, and with no bytes there is nothing to key: a record keyed by path would linger
  as a second, stale document once the file became readable. Since nothing is stored, every
  run tries the file again and reports it until it can be read.

Two files with the same bytes are one document; the second is reported under its own name
("same content as …") and its path is recorded with the document (`document_files`).

With `workers` above one, the files are read in that many processes at once (`pool.py`) and
this process alone writes to the store, saving each reading as it arrives: every promise
above holds, and the store comes out the same in any order of arrival (each save folds only
the meetings it touches; see store/carry). Each read file's outcome carries its reading time
and pages, for the run's list of slowest files.
"""
from __future__ import annotations

import functools
import gc
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from extract import extract
from extract.model import Extraction, Flag, SourceInfo
from ingest import IngestError, load, sha256_of
from ingest.errors import reason

from . import __version__

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported by `run` alone: `extract`
    from sqlalchemy.orm import Session  # writes JSON and never needs it

    from store import SaveResult
    from store.queries import StoredDocument

    from .cluster_tasks import ShownURL

SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".doc"}

# What this run did with a file: stored it for the first time, read a failed/partial
# document again, left a stored document as it was, or could not store it at all.
Action = Literal["new", "re-read", "unchanged", "not-stored"]
# How the file's document stands after the run; "error" means the store refused it (a bug,
# not the file's fault).
Status = Literal["ok", "partial", "failed", "error"]


@dataclass
class Outcome:
    file: Path | ShownURL  # a cluster job's object in a bucket is named by its URL
    action: Action
    status: Status
    problems: tuple[str, ...] = ()  # why it is failed or partial, or what went wrong
    note: str = ""  # how it came to stand so ("same content as x.pdf", "read again …")
    meetings: int = 0
    attendees: int = 0
    actions: int = 0
    rag_items: int = 0
    flags: int = 0
    seconds: float | None = None  # how long reading it took (ingest + extract), when read
    pages: int | None = None

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "error")


def current_reader() -> str:
    """What reads files in this process, stored with each document it reads: the
    boardpapers version, whether Tesseract is there to OCR scanned pages, and the per-file
    budget (so a file failed over budget is read again once the budget is raised)."""
    from ingest.ocr import tesseract_available

    from .bounded import Budget

    return (f"boardpapers {__version__}; ocr {'tesseract' if tesseract_available() else 'none'}"
            f"; budget {Budget.from_env()}")


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every paper under `paths` (files as given, folders searched recursively), sorted.

    A broken symlink is kept, so the batch reports it rather than skipping it unseen."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found += [f for f in sorted(p.rglob("*"))
                      if (f.is_file() or (f.is_symlink() and not f.exists()))
                      and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")]
        else:
            found.append(p)
    return found


def extract_file(path: Path) -> Extraction:
    """`extract_here` within the per-file time and memory budget (bounded.py; set by
    BOARDPAPERS_FILE_SECONDS and BOARDPAPERS_FILE_MEMORY_MB): a file over it is failed."""
    from extract.document.nlp import nlp

    from .bounded import Budget, read_bounded

    nlp()  # built once, here: every file's forked reader inherits it instead of loading spaCy
    return read_bounded(path, Budget.from_env(), extract_here)


# Invented: read once by `warm` to build what reading any paper builds on first use.
WARM_PAPER = """Minutes of the meeting of the Warm Up Committee held on 2 May 2024.
Present: Cllr Ann Birch (Chair), Cllr Tom Gray; Jo Clerk (Clerk).
1. Apologies were received from Cllr Una Hale.
2. RESOLVED: that the minutes of the last meeting be approved.
ACTION: Clerk to write to the county council about the stile by 31 May 2024.
Date of next meeting: 6 June 2024.
"""
READER_LIBRARIES = ("pypdfium2", "pdfplumber", "docx", "bs4")


@functools.lru_cache(maxsize=1)
def warm() -> None:
    """Build, once, what reading a paper builds on first use (spaCy's pipeline, the pattern
    files, the readers' libraries) by reading an invented paper here, in the process that
    forks each file's reader: every reader inherits it all. Otherwise every reader builds it
    again and throws it away, about 0.3 s of CPU a file, most of what a small file costs."""
    import importlib
    import tempfile

    for name in READER_LIBRARIES:
        try:
            importlib.import_module(name)
        except ImportError:  # reported, as ever, by the first file that needs it
            pass
    with tempfile.TemporaryDirectory(prefix="boardpapers-warm-") as tmp:
        paper = Path(tmp) / "warm-up.txt"
        paper.write_text(WARM_PAPER, encoding="utf-8")
        extract_here(paper)
    # What is built now lives as long as the process: move it out of the collector's reach,
    # or a forked reader's first collection walks (and so copies) every page of it.
    gc.collect()
    gc.freeze()


def extract_here(path: Path) -> Extraction:
    """Ingest and extract one file. An unexpected error in extraction still yields a record
    (status failed, with a flag) rather than an exception."""
    doc = load(path)
    try:
        return extract(doc)
    except Exception as err:  # an extractor bug on one file must not stop the batch
        src = doc.source
        return Extraction(
            SourceInfo(file=src.file, sha256=src.sha256, format=src.format, pages=src.pages,
                       status="failed", problems=[f"extraction failed: {reason(err)}"]),
            flags=[Flag("extraction-error", f"Extraction failed on {src.file} "
                        f"({reason(err)}); the file was stored without facts. "
                        "Report it to the boardpapers maintainers.")])


Read = Callable[[Path], Extraction]  # picklable (a module's function) to run in workers


def run(session: Session, files: list[Path],
        progress: Callable[[Path], None] | None = None,
        reader: str | None = None, *, workers: int = 1,
        read: Read | None = None) -> Iterator[Outcome]:
    """Each file's Outcome: in file order with one worker; with more, the files that need
    no reading first, then each read file as its reading arrives. `read` is what reads a
    file (default `extract_file`)."""
    reader = reader or current_reader()
    read = read or extract_file
    if workers > 1:
        from .pool import run_parallel

        yield from run_parallel(session, files, reader, read, workers, progress)
        return
    if read is extract_file and len(files) > 1:
        warm()
    from .bounded import kept_reader

    with kept_reader():  # one reading child for the batch, forked from the warmed process
        for path in files:
            if progress:
                progress(path)
            yield _run_one(session, path, reader, read)


def _run_one(session: Session, path: Path, reader: str, read: Read) -> Outcome:
    decided = decide(session, path, reader)
    if isinstance(decided, Outcome):
        return decided
    try:
        record, seconds = read_timed(read, path, ocr_workers=1)
    except Exception as err:  # the reader itself broke (a bug): say so, keep going
        return refused(path, err)
    return save(session, path, record, seconds, reader)


def decide(session: Session, path: Path, reader: str) -> Outcome | str:
    """The file's Outcome when it needs no reading (stored and final, or unopenable), else
    its sha256: it is to be read."""
    try:
        digest = sha256_of(path)
    except (OSError, IngestError):  # unopenable, or not a regular file (a FIFO would hang)
        return not_stored(path, [p.message for p in load(path).problems])
    return decide_digest(session, path, digest, reader, str(path.absolute())) or digest


def decide_digest(session: Session, path: Path | ShownURL, digest: str, reader: str,
                  seen_as: str) -> Outcome | None:
    """The Outcome when bytes of `digest` are stored and final (this file recorded as
    `seen_as`), else None: they are to be read."""
    from store.queries import stored_document
    from store.save import needs_reading, record_file

    try:
        stored = stored_document(session, digest)
        if stored is not None and not needs_reading(stored.status, stored.reader, reader):
            record_file(session, stored.id, seen_as)
            return unchanged(path, stored)
    except Exception as err:
        return refused(path, err, session)
    return None


def read_timed(read: Read, path: Path, ocr_workers: int) -> tuple[Extraction, float]:
    """`read(path)` and its wall-clock seconds, with scanned pages OCR'd `ocr_workers` at a
    time unless $BOARDPAPERS_OCR_WORKERS says otherwise."""
    from ingest.ocr import WORKERS_ENV

    given = os.environ.get(WORKERS_ENV)
    os.environ.setdefault(WORKERS_ENV, str(ocr_workers))  # the forked reader inherits it
    started = time.perf_counter()
    try:
        return read(path), time.perf_counter() - started
    finally:
        if given is None:
            os.environ.pop(WORKERS_ENV, None)


def save(session: Session, path: Path | ShownURL, record: Extraction, seconds: float | None,
         reader: str, seen_as: str | None = None) -> Outcome:
    """Store one reading (one transaction) and say what became of the file, recorded as
    `seen_as` (default: its absolute path)."""
    from store import save_extraction

    if not record.source.sha256:  # it became unreadable after we hashed it
        return not_stored(path, record.source.problems)
    try:
        result = save_extraction(session, record, reader=reader,
                                 seen_as=seen_as or (str(path.absolute()) if isinstance(path, Path) else str(path)))
    except Exception as err:  # the store refused it: say so, keep going
        return refused(path, err, session)
    outcome = saved(path, record, result)
    outcome.seconds, outcome.pages = seconds, record.source.pages
    return outcome


def refused(path: Path | ShownURL, err: BaseException, session: Session | None = None
            ) -> Outcome:
    """A file the store refused, or whose reader broke: a bug, not the file's fault."""
    if session is not None:
        session.rollback()
    return Outcome(path, "not-stored", "error", (
        "".join(traceback.format_exception_only(err)).strip(),))


def not_stored(path: Path | ShownURL, problems: Iterable[str]) -> Outcome:
    return Outcome(path, "not-stored", "failed", tuple(problems),
                   note="not stored: the file could not be opened")


def _same_as(path: Path | ShownURL, stored_file: str) -> str:
    from store.save import storable_name  # the store writes undecodable bytes as \\xNN

    return f"same content as {stored_file}" if stored_file != storable_name(path.name) else ""


def unchanged(path: Path | ShownURL, stored: StoredDocument) -> Outcome:
    return Outcome(path, "unchanged", _status(stored.status), stored.problems,
                   note=_same_as(path, stored.file_name))


def saved(path: Path | ShownURL, record: Extraction, result: SaveResult) -> Outcome:
    status = _status(result.document_status)
    if result.outcome in ("unchanged", "kept"):  # the stored record stands
        note = _same_as(path, result.stored_file)
        if result.outcome == "kept":
            note = (f"read again, but this reading failed ({'; '.join(record.source.problems)}"
                    f"); the earlier {result.document_status} record is kept")
        action: Action = "re-read" if result.outcome == "kept" else "unchanged"
        return Outcome(path, action, status, result.problems, note=note)
    meetings = record.meetings
    return Outcome(path, "re-read" if result.outcome == "replaced" else "new", status,
                   result.problems,
                   note=(f"read again (was {result.previous_status})"
                         if result.outcome == "replaced" else ""),
                   meetings=len(meetings),
                   attendees=sum(len(m.attendees) for m in meetings),
                   actions=sum(len(m.actions) for m in meetings),
                   rag_items=sum(len(m.rag_items) for m in meetings),
                   flags=len(record.flags))


def _status(value: str) -> Status:
    return "ok" if value == "ok" else "partial" if value == "partial" else "failed"

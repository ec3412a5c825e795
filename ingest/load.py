"""The one entry point: `load(path) -> Document`. It never raises for a bad file: the
Document comes back with status failed/partial and problems that say what to do."""
from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import IngestError, NotAFile, reason
from .furniture import mark_furniture
from .table_heads import attach_header_lines
from .model import Document, Page, Part, Problem, Source, Status
from .packparts import split_pack
from .sniff import sniff
from .table_join import join_continued_tables

MAX_FILE_BYTES = 500 * 1024 * 1024
log = logging.getLogger(__name__)


KINDS = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
         (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")]


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, or NotAFile when it is not a regular file. A FIFO or
    /dev/zero never reaches end of file, so hashing one hung for ever: the file is opened
    without blocking (opening a FIFO with no writer would block) and checked before a read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in KINDS if test(mode)), "not a regular file")
        raise NotAFile(f"{path.name} is {kind}, not a file; boardpapers reads only regular "
                       "files. Name the paper's file itself.")
    return os.fdopen(fd, "rb")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open_regular(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load(path: str | Path) -> Document:
    path = Path(path)
    problems: list[Problem] = []
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(8192)
        digest = sha256_of(path)
    except NotAFile as err:
        return _failed(path, "", "txt", Problem(err.code, err.message))
    except OSError as err:
        return _failed(path, "", "txt", Problem("unreadable", f"{path.name} could not be read: "
                                                 f"{err.strerror or err}."))
    fmt = "pdf" if path.suffix.lower() == ".pdf" else "txt"
    try:
        fmt = sniff(path, head)
        if size > MAX_FILE_BYTES:
            raise IngestError(f"{path.name} is {size // 2**20} MiB, larger than the "
                              f"{MAX_FILE_BYTES // 2**20} MiB boardpapers reads. Split it.",
                              code="too-large")
        pages = _read(fmt, path, digest, problems)
        # The file's own page count, not the pages read: past MAX_PAGES only the first are
        # read (and a problem says so), but the record must not shrink the file. Only then is
        # the file opened again to count.
        page_count = None
        if fmt == "pdf":
            cut = any(p.code == "too-many-pages" for p in problems)
            page_count = _count_pdf_pages(path) if cut else len(pages)
    except IngestError as err:
        return _failed(path, digest, fmt, Problem(err.code, err.message), size)
    except MemoryError as err:  # the file, not our code: say what ran out
        return _failed(path, digest, fmt, Problem(
            "too-large", f"{path.name} needs more memory than this process may use to be read "
            f"({reason(err)}). Split it, or save it as PDF, and run again."), size)
    except Exception as err:  # a parser bug on one file must not stop the batch
        log.debug("ingest failed", exc_info=True)
        return _failed(path, digest, fmt, Problem(
            "unreadable", f"{path.name} could not be read ({reason(err)}). "
            "Report this file to the boardpapers maintainers."), size)
    mark_furniture(pages)
    attach_header_lines(pages)  # before joining: a continuation may repeat the header
    join_continued_tables(pages)  # after furniture: running headers must not block a join
    doc = Document(Source(path.name, digest, fmt, page_count, size),
                   pages=pages, problems=problems)
    doc.parts = _parts(doc)
    if not any(True for _ in doc.blocks()) and not any(True for _ in doc.tables()):
        doc.problems.append(Problem("no-text", f"No text could be read from {path.name}."))
        doc.status = Status.FAILED
    elif problems:
        doc.status = Status.PARTIAL
    return doc


def _read(fmt: str, path: Path, digest: str, problems: list[Problem]) -> list[Page]:
    if fmt == "pdf":
        from .ligatures import repair_pages
        from .pdf import read_pdf
        return repair_pages(list(read_pdf(path, digest, problems)), problems)
    if fmt == "docx":
        from .docx import read_docx
        return read_docx(path, digest, problems)
    if fmt == "html":
        from .html import read_html
        return read_html(path, digest, problems)
    from .text import read_text
    return read_text(path, digest, problems)


def _count_pdf_pages(path: Path) -> int:
    from .pdf import count_pages  # PDFium reads the page tree only: cheap at any length
    return count_pages(path)


def _failed(path: Path, digest: str, fmt: str, problem: Problem, size: int = 0) -> Document:
    return Document(Source(path.name, digest, fmt, None, size),  # type: ignore[arg-type]
                    status=Status.FAILED, problems=[problem])


def _parts(doc: Document) -> list[Part]:
    """The papers of a pack. A bug in the splitter costs the split, never the load."""
    try:
        return split_pack(doc)
    except Exception:
        log.debug("splitting %s into parts failed", doc.source.file, exc_info=True)
        if not doc.pages:
            return []
        return [Part(kind="other", title=doc.source.file, first_page=doc.pages[0].number,
                     last_page=doc.pages[-1].number, evidence="whole-document")]

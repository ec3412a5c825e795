"""Checks on a DOCX package before python-docx opens it: decompression bombs, and XML parts
that declare entities (an "XML bomb" like billion laughs, or an external entity that would
read a local file or a URL). Word never writes a DTD, so any entity is a hostile or broken
file, and the reader is told which of the two it is and what to do.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .errors import CorruptFile, TooLarge, UnsafeFile, reason
from .xml_prolog import PrologError, read_doctype

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # compressed → uncompressed; real Word XML compresses ~10-30x
CLEAN_COPY = "Ask the sender for a copy saved again from Word, and run on that."


def check_docx_package(path: Path) -> None:
    """Raise an IngestError when the package is damaged, a zip bomb or carries XML entities."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_sizes(path, infos)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    _check_entities(path, info.filename, zf)
    # zlib.error and EOFError: a damaged or cut deflate stream inside the zip, met when a
    # part is read (fuzzed files ended as internal errors through these)
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise CorruptFile(f"{path.name} is a damaged DOCX ({reason(err)}). Re-save it from "
                          "Word, or download it again.", code="docx-corrupt") from err


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise TooLarge(f"{path.name} expands to {total // 2**20} MiB, far more than a Word "
                       "document should (possible zip bomb); it was not opened. Save it as "
                       "PDF, or split it, and run again.")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 10 * 2**20:
            raise UnsafeFile(f"{path.name}: part {info.filename} is compressed "
                             f"{info.file_size // info.compress_size}:1, the mark of a "
                             f"decompression bomb; it was not opened. {CLEAN_COPY}",
                             code="zip-bomb")


def _check_entities(path: Path, part: str, zf: zipfile.ZipFile) -> None:
    """Refuse the file if one XML part's prolog has a DOCTYPE that declares entities or
    refers outside the file. The bytes are read before any parser runs, so the answer
    does not depend on what the installed lxml happens to stop (xml_prolog)."""
    try:
        with zf.open(part) as fh:
            doctype = read_doctype(fh)
    except PrologError as err:
        raise CorruptFile(f"{path.name}: part {part} {err}. Re-save it from Word as .docx.",
                          code="docx-corrupt") from err
    if doctype is None or doctype.kind == "dtd":  # a bare DOCTYPE declares nothing to expand
        return
    if doctype.kind == "external":
        raise UnsafeFile(f"{path.name}: part {part} refers to an external XML entity (a file "
                         "on this computer or a web address), which Word never writes and "
                         f"which can leak files; it was not opened. {CLEAN_COPY}",
                         code="xml-external-entity")
    raise UnsafeFile(f"{path.name}: part {part} declares XML entities, which Word never "
                     "writes; they can expand to gigabytes (an \"XML bomb\"), so it was "
                     f"not opened. {CLEAN_COPY}", code="xml-bomb")

"""Decide a file's real format from its first bytes, not its name: a ".pdf" that is really
an HTML error page, or a ".docx" that is any other zip, must be caught before a parser sees it.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import CorruptFile, EmptyFile, UnsupportedFormat
from .model import Format

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls
SUFFIXES: dict[str, Format] = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html",
                               ".txt": "txt", ".text": "txt", ".md": "txt"}


def sniff(path: Path, head: bytes) -> Format:
    """The format to parse `path` as, or an IngestError saying why it cannot be read."""
    suffix = SUFFIXES.get(path.suffix.lower())
    if not head.strip():
        raise EmptyFile(f"{path.name} is empty (0 bytes of content). Re-download or re-export it.")
    if head.lstrip()[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        raise UnsupportedFormat(
            f"{path.name} is a legacy Word 97-2003 (.doc) or other OLE file, which is not "
            "supported. Save it as .docx or PDF and run again.", code="legacy-doc")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as err:
            raise CorruptFile(f"{path.name} looks like a zip/DOCX but is damaged ({err}). "
                              "Re-download or re-save it.") from err
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFormat(f"{path.name} is a zip archive but not a Word document "
                                "(no word/document.xml). Unpack it and run on the papers inside.",
                                code="not-docx")
    text = head[:4096].decode("utf-8", "ignore").lower()
    if "<html" in text or "<!doctype html" in text or "<body" in text:
        if suffix == "pdf":
            raise CorruptFile(f"{path.name} is named .pdf but is really an HTML page (often a "
                              "download error or login page). Download the PDF again.",
                              code="pdf-is-html")
        return "html"
    if suffix == "pdf":
        raise CorruptFile(f"{path.name} is named .pdf but has no PDF header; it is damaged or "
                          "not a PDF. Download it again.", code="pdf-corrupt")
    if suffix == "docx":
        raise CorruptFile(f"{path.name} is named .docx but is not a Word document (no zip "
                          "container). Re-save it from Word as .docx.", code="docx-corrupt")
    if suffix in ("html", "txt"):
        return suffix
    if b"\x00" in head[:4096]:
        raise UnsupportedFormat(f"{path.name} is a binary file of a type boardpapers does not "
                                "read. Supported: PDF, DOCX, HTML, plain text.")
    return "txt"

"""Decide a file's real format from its first bytes, not its name: a ".pdf" that is really
an HTML error page, or a ".docx" that is any other zip, must be caught before a parser sees it.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import CorruptFile, EmptyFile, EncryptedFile, UnsupportedFormat
from .model import Format

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls
# Word wraps a password-protected .docx in an OLE2 file holding this stream (MS-OFFCRYPTO).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
SUFFIXES: dict[str, Format] = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html",
                               ".txt": "txt", ".text": "txt", ".md": "txt"}


def sniff(path: Path, head: bytes) -> Format:
    """The format to parse `path` as, or an IngestError saying why it cannot be read."""
    suffix = SUFFIXES.get(path.suffix.lower())
    if not head.strip():
        raise EmptyFile(f"{path.name} is empty: it has no content to read. Download or export "
                        "it again and run on the new copy.")
    if head.lstrip()[:5] == b"%PDF-" or head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        if _encrypted_office(path):
            raise EncryptedFile(f"{path.name} is a password-protected Office document. Remove "
                                "the password in Word (File > Info > Protect Document), save "
                                "it as .docx, and run again.")
        raise UnsupportedFormat(
            f"{path.name} is a legacy Word 97-2003 document (.doc) or another old Office file, "
            "which boardpapers cannot read. Open it in Word, save it as .docx or PDF, and run "
            "on the new file.", code="legacy-doc")
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    text = head[:4096].decode("utf-8", "ignore").lower()
    if "<html" in text or "<!doctype html" in text or "<body" in text:
        if suffix in ("pdf", "docx"):  # a saved error or login page, not the paper
            what = "PDF" if suffix == "pdf" else "Word document"
            raise CorruptFile(f"{path.name} is named .{suffix} but is really an HTML page "
                              "(often a download error or login page). Download the "
                              f"{what} again.", code=f"{suffix}-is-html")
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
                                "read (it reads PDF, DOCX, HTML and plain text). Save it as PDF "
                                "or .docx and run again.")
    return "txt"


# Office packages that are not Word documents, by a part only they have.
OTHER_PACKAGES = [("xl/workbook.xml", "an Excel workbook"),
                  ("ppt/presentation.xml", "a PowerPoint presentation"),
                  ("content.xml", "an OpenDocument file")]


def _zip_format(path: Path) -> Format:
    """A zip is read only when it is a Word document; anything else is named for what it is."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as err:
        raise CorruptFile(f"{path.name} is a damaged zip/DOCX file ({err}), often a download "
                          "that stopped early. Download it again or re-save it from Word.",
                          code="docx-corrupt") from err
    if "word/document.xml" in names:
        return "docx"
    what = next((label for part, label in OTHER_PACKAGES if part in names), "a zip archive")
    raise UnsupportedFormat(f"{path.name} is {what}, not a Word document, so it cannot be read "
                            "as minutes. Save the papers as .docx or PDF (or unzip an archive "
                            "and run on the files inside) and run again.", code="not-docx")


def _encrypted_office(path: Path) -> bool:
    """An OLE2 file is an encrypted .docx/.xlsx when its directory names an EncryptedPackage
    stream. The directory can sit anywhere in the file, so all of it is scanned."""
    tail = b""
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            if ENCRYPTED_PACKAGE in tail + chunk:
                return True
            tail = chunk[-len(ENCRYPTED_PACKAGE):]
    return False

"""A flag's page as an image, with the flagged words highlighted.

Only files the store recorded are read: the paths the document was seen at
(`store.review.document_paths`), and only when the bytes there still hash to the stored
sha256. The browser names a flag by its id, never a path. The file is read into memory once,
hashed, and those same bytes are rendered, so what was checked is what is shown.

The store keeps page and block but no boxes, so the words are found again on the page:
pdfium's characters are joined with their whitespace collapsed, the flagged words searched
for in that text (case-insensitively; a long passage by its opening words when the whole
is not found), and pdfium's rectangles for the characters matched are drawn as a
translucent box. Words not found: the page is shown without a box and says so.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.load import open_regular
from store import schema as db
from store.review import document_paths
from store.save import original_name

MAX_FILE_BYTES = 200 * 2**20
MAX_WIDTH = 1000  # pixels across a rendered page
MAX_PIXELS = 2_500_000  # and in all: an odd page size cannot make a huge image
MAX_SCALE = 2.0
PREFIX_WORDS = (12, 6, 3)  # a passage not found whole is looked for by its opening words
PALETTE = 64
HIGHLIGHT = (255, 200, 0, 90)
OUTLINE = (220, 120, 0, 255)

_pdfium = threading.Lock()  # pdfium is not thread-safe; the server may be threaded
_hashes: dict[tuple[str, int, int], str] = {}  # (path, size, mtime) -> sha256


@dataclass(frozen=True)
class Found:
    path: Path | None
    message: str | None  # why there is no file to show, for the clerk


def evidence_state(s: Session, document_id: int, fmt: str | None) -> dict[str, Any]:
    """Whether a document's pages can be shown: a PDF still at a recorded path, unchanged."""
    if fmt != "pdf":
        return {"available": False, "message": None}  # the stored words are the evidence
    sha = s.scalar(select(db.Document.sha256).where(db.Document.id == document_id)) or ""
    found = find_file(s, document_id, sha)
    return {"available": found.path is not None, "message": found.message}


def find_file(s: Session, document_id: int, sha256: str) -> Found:
    """A recorded path that still holds the document's bytes, or why there is none."""
    changed = False
    for stored in document_paths(s, document_id):
        for p in dict.fromkeys((Path(original_name(stored)), Path(stored))):
            digest = _cached_hash(p)
            if digest == sha256:
                return Found(p, None)
            changed = changed or digest is not None
    if changed:
        return Found(None, "The file has changed since it was read (its contents no longer "
                           "match the stored hash), so its page is not shown.")
    return Found(None, "The file is no longer where it was read, so its page is not shown.")


def _cached_hash(p: Path) -> str | None:
    try:
        st = os.stat(p)
    except OSError:
        return None
    key = (str(p), st.st_size, st.st_mtime_ns)
    if key not in _hashes:
        data = _read(p)
        if data is None:
            return None
        _hashes[key] = hashlib.sha256(data).hexdigest()
    return _hashes[key]


def _read(p: Path) -> bytes | None:
    try:
        with open_regular(p) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_FILE_BYTES else None


@dataclass(frozen=True)
class Rendered:
    png: bytes | None  # None: nothing to show (message says why)
    status: str  # highlighted / not-found / no-words / missing / not-pdf / no-page
    message: str


def flag_page(s: Session, flag_id: int, words: tuple[str, ...]) -> Rendered | None:
    """The flag's page with its words highlighted; None for an unknown flag."""
    flag = s.get(db.Flag, flag_id)
    if flag is None:
        return None
    doc = s.get(db.Document, flag.document_id)
    assert doc is not None
    if doc.format != "pdf":
        return Rendered(None, "not-pdf", "This paper is not a PDF; its words are the evidence.")
    if flag.page is None:
        return Rendered(None, "no-page", "No page is recorded for this flag.")
    found = find_file(s, doc.id, doc.sha256)
    data = _read(found.path) if found.path else None
    if data is None or hashlib.sha256(data).hexdigest() != doc.sha256:
        return Rendered(None, "missing", found.message or "The file could not be read.")
    return render_page(data, flag.page, words)


def render_page(data: bytes, page_number: int, words: tuple[str, ...]) -> Rendered:
    """Page `page_number` (1-based) of the PDF `data` as PNG, the first of `words` found
    on it boxed."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    with _pdfium:
        pdf = pdfium.PdfDocument(data)
        try:
            if not 1 <= page_number <= len(pdf):
                return Rendered(None, "no-page", f"The file has no page {page_number}.")
            page = pdf[page_number - 1]
            width, height = page.get_size()
            scale = min(MAX_SCALE, MAX_WIDTH / max(width, 1),
                        (MAX_PIXELS / max(width * height, 1)) ** 0.5)
            rects = _find(page, words)
            image = page.render(scale=scale).to_pil().convert("RGBA")
        finally:
            pdf.close()
    if rects:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for left, bottom, right, top in rects:
            box = (left * scale - 2, (height - top) * scale - 2,
                   right * scale + 2, (height - bottom) * scale + 2)
            draw.rectangle(box, fill=HIGHLIGHT, outline=OUTLINE, width=2)
        image = Image.alpha_composite(image, overlay)
        status, message = "highlighted", "The flagged words are boxed."
    else:
        status = "not-found" if words else "no-words"
        message = ("The flagged words were not found on this page; it is shown without a box."
                   if words else "No words are stored for this flag; the page is shown "
                                 "without a box.")
        _banner(image, message)
    out = io.BytesIO()
    # a page is mostly flat colour: a 64-colour palette keeps it sharp at a third the bytes
    image.convert("RGB").quantize(PALETTE).save(out, "PNG", optimize=True)
    return Rendered(out.getvalue(), status, message)


def _banner(image: Any, message: str) -> None:
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, image.width, 22), fill=(255, 236, 236, 255))
    draw.text((6, 5), message, fill=(150, 0, 0, 255))


def _find(page: Any, words: tuple[str, ...]) -> list[tuple[float, float, float, float]]:
    """pdfium's boxes (PDF points) for the first of `words` found on the page."""
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        count = text.count_chars()
        chars = [chr(raw.FPDFText_GetUnicode(text.raw, i) or 32) for i in range(count)]
        flat, where = _collapse(chars)
        for phrase in words:
            span = _search(flat, phrase)
            if span is None:
                continue
            first, last = where[span[0]], where[span[1] - 1]
            n = text.count_rects(first, last - first + 1)
            return [text.get_rect(i) for i in range(n)]
        return []
    finally:
        text.close()


def _collapse(chars: list[str]) -> tuple[str, list[int]]:
    """The page's text lower-cased with each run of whitespace as one space, and for each
    character kept the index of pdfium's character it came from."""
    flat: list[str] = []
    where: list[int] = []
    for i, c in enumerate(chars):
        if c.isspace() or c in "\x00\ufffe\u00ad":  # line ends, pdfium's markers
            if flat and flat[-1] != " ":
                flat.append(" ")
                where.append(i)
            continue
        flat.append(c.lower())
        where.append(i)
    return "".join(flat), where


def _search(flat: str, phrase: str) -> tuple[int, int] | None:
    """Where `phrase` (or its opening words) is in `flat`, as (start, end)."""
    tokens = re.sub(r"\s+", " ", phrase).strip().lower().split(" ")
    tried = [tokens] + [tokens[:n] for n in PREFIX_WORDS if len(tokens) > n]
    for attempt in tried:
        needle = " ".join(attempt)
        if len(needle) < 4:
            continue
        at = flat.find(needle)
        if at >= 0:
            return at, at + len(needle)
    return None

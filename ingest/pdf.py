"""PDF backend: PDFium for the text of every page, pdfplumber's geometry only where a page
draws something that could be a table, Tesseract where a page has no text layer.

Pages are streamed: each page's PDFium and pdfplumber objects are closed once it has been
turned into records, so memory stays flat in the number of pages.
"""
from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import CorruptFile, EncryptedFile, IngestError
from .columns import arrange, unweave_labels
from .unruled import split_unruled
from .layout import Word, classify, dehyphenate, lines_to_blocks, words_to_lines
from .model import Block, Page, Problem, Table
from .ocr import PageOcr, ocr_page, tsv_words
from .pdf_frame import Frame
from .pdf_objects import EVERY_KIND, PageObject, bounds, page_objects, text_is_level
from .pdf_grid import Geometry, read_geometry
from .pdf_grid import cell_texts
from .pdf_grid import find_tables as grid_tables
from .pdf_tables import find_tables, table_rows
from .pdfium_text import PageText, read_page_text
from .rotated_heads import read_heads, with_heads

MAX_PAGES = 1000  # beyond this a file is read in part and flagged; packs run to ~300 pages
SCAN_MAX_CHARS = 20  # a page this bare, under a page-sized image, is a scan with a stamp

log = logging.getLogger(__name__)
# pdfminer is chatty about malformed but readable files; its warnings are not ours to print.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _open(path: Path) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise EncryptedFile(f"{path.name} is password-protected. Ask the publisher for an "
                                "unlocked copy, or remove the password, and run again.") from err
        raise CorruptFile(f"{path.name} is a damaged PDF that cannot be opened ({err}). "
                          "Download it again or re-save it from a PDF viewer.",
                          code="pdf-corrupt") from err


def count_pages(path: Path) -> int:
    pdf = _open(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


class _Plumber:
    """pdfplumber, opened on first need: most pages of most papers never need it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pdf: Any = None

    def page(self, index: int) -> Any:
        if self.pdf is None:
            import pdfplumber
            self.pdf = pdfplumber.open(self.path)
        return self.pdf.pages[index]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def read_pdf(path: Path, sha256: str, problems: list[Problem]) -> Iterator[Page]:
    """Yield one Page at a time. Problems (a bad page, OCR unavailable, too many pages) are
    appended to `problems`; a page that fails is yielded empty so page numbers stay true."""
    pdf = _open(path)
    plumber = _Plumber(path)
    scans = PageOcr(path, looks_scanned=_looks_scanned)  # opens nothing until a scan is met
    try:
        n = len(pdf)
        if n > MAX_PAGES:
            problems.append(Problem("too-many-pages",
                                    f"{path.name} has {n} pages; only the first {MAX_PAGES} were "
                                    "read. Split the file, or run on the part you need."))
        counter = _Counter()
        for i in range(min(n, MAX_PAGES)):
            try:
                yield _read_page(pdf, i, plumber, path, sha256, counter, problems, scans)
            except IngestError:
                raise
            except Exception as err:  # one unreadable page must not lose the rest
                log.debug("page %s failed", i + 1, exc_info=True)
                problems.append(Problem("page-unreadable",
                                        f"Page {i + 1} could not be read ({type(err).__name__}: "
                                        f"{err}); the rest of the file was read.", page=i + 1))
                yield Page(number=i + 1)
    finally:
        scans.close()
        plumber.close()
        pdf.close()


class _Counter:
    """Document-wide running index shared by blocks and tables."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n - 1


@dataclass
class _Drawing:
    """What a page draws besides text, from PDFium's object list (cheap to read)."""

    h_rules: int = 0
    v_rules: int = 0
    boxes: int = 0
    paths: int = 0
    image_cover: float = 0.0  # largest image's share of the page area
    images: int = 0

    @property
    def may_hold_table(self) -> bool:
        # a ruled or shaded table needs rules (or boxes) both ways; one logo does not
        return self.boxes >= 2 or (self.h_rules + self.boxes >= 2
                                   and self.v_rules + self.boxes >= 2)


def _drawing(page: Any, objects: list[PageObject] | None = None) -> _Drawing:
    """`objects`: the page's objects from page_objects, paths and images among them."""
    import pypdfium2.raw as raw

    d = _Drawing()
    width, height = page.get_size()
    area = max(width * height, 1.0)
    if objects is None:
        objects = list(page_objects(page, EVERY_KIND))
    for obj in objects:
        if obj.type != raw.FPDF_PAGEOBJ_PATH and obj.type != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        x0, y0, x1, y1 = bounds(obj.raw)
        w, h = x1 - x0, y1 - y0
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            d.images += 1
            d.image_cover = max(d.image_cover, w * h / area)
            continue
        d.paths += 1
        if h <= 3 and w >= 8:
            d.h_rules += 1
        elif w <= 3 and h >= 8:
            d.v_rules += 1
        elif w > 3 and h > 3:
            d.boxes += 1
    return d


def _read_page(pdf: Any, index: int, plumber: _Plumber, path: Path, sha256: str,
               counter: _Counter, problems: list[Problem], scans: PageOcr) -> Page:
    number = index + 1
    page = pdf[index]
    geometry: Geometry | None = None
    try:
        frame = Frame.of(page.get_cropbox(), page.get_rotation())
        # pdfplumber measures from the MediaBox: where it is read, its boxes are moved by this
        media = Frame.of(page.get_mediabox(), page.get_rotation())
        shift = tuple(m - c for m, c in zip(media.point(frame.left, frame.bottom),
                                            frame.point(frame.left, frame.bottom)))
        objects = list(page_objects(page, EVERY_KIND))  # one walk for the three passes
        textpage = page.get_textpage()
        try:
            text = read_page_text(textpage, frame, text_is_level(objects))
        finally:
            textpage.close()
        drawing = _drawing(page, objects)
        if drawing.may_hold_table and text.chars:
            geometry = read_geometry(page, frame, objects)
        width, height = frame.width or 595.0, frame.height or 842.0
    finally:
        page.close()
    if _is_scan(text.chars, drawing):
        return _ocr(path, number, sha256, counter, problems, width, height, scans)
    tables: list[tuple[tuple[float, float, float, float], list]] = []
    headed: set[int] = set()  # stamps that became a table's column titles
    if geometry is not None:
        tables = [_table(t, t, t.bbox, text, geometry.fills, headed)
                  for t in grid_tables(geometry, frame)]
    elif drawing.may_hold_table and text.chars:
        # paths inside form XObjects, or a drawing too busy for us: pdfplumber reads it
        plumbed = plumber.page(index)
        try:
            # cell text from PDFium's words, as everywhere else: pdfplumber's own extract()
            # glues words set closer than its 3-point tolerance ("CarParkRamp-Additional…")
            tables = [_table(t, _MovedTable(t, shift), _moved(t.bbox, shift), text,
                             plumbed.rects, headed)
                      for t in find_tables(plumbed)]
        finally:
            plumbed.close()  # drop this page's cached objects: flat memory on long packs
    boxes = [bbox for bbox, _ in tables]
    words = [w for w in text.words if not _inside_any(w, boxes)] if boxes else list(text.words)
    out = Page(number=number)
    out.items = _lay_out(words, tables, width, height, number, sha256, counter)
    for k, stamp in enumerate(text.stamps):
        if k in headed:
            continue
        # rotated margin text ("Agenda Item 6" up the side) is not in the reading order, but
        # pack splitting wants it: keep it as furniture
        out.items.append(Block(index=counter.next(), page=number, kind="furniture",
                               text=stamp.text, sha256=sha256, style="rotated"))
    return out


def _is_scan(chars: int, drawing: _Drawing) -> bool:
    if chars == 0 or (chars <= SCAN_MAX_CHARS and drawing.image_cover >= 0.5):
        # a scan is an image, or (as some scanners write) thousands of vector glyph outlines
        return bool(drawing.images or drawing.paths > 50)
    return False


def _looks_scanned(page: Any) -> bool:
    """`_is_scan` from PDFium's character count, without reading the words: OCR's
    read-ahead (ocr.PageOcr) asks it of the pages after a scan."""
    textpage = page.get_textpage()
    try:
        chars = textpage.count_chars()
    finally:
        textpage.close()
    return _is_scan(chars, _drawing(page))


def _table(t: Any, shown: Any, bbox: tuple[float, float, float, float], text: PageText,
           rects: list[dict], headed: set[int]) -> tuple[tuple[float, float, float, float], list]:
    """A found table's typed rows: cell text from PDFium's words (`shown` has the cell boxes
    in display space), column titles set rotated over them from the page's stamps."""
    texts = cell_texts(shown, text.words)
    heads = read_heads([row.cells for row in shown.rows], texts, text.stamps, headed,
                       text.words)
    rows = with_heads(table_rows(t, texts, rects), heads)
    if heads.top is not None:
        bbox = (bbox[0], min(bbox[1], heads.top), bbox[2], bbox[3])
    return bbox, rows


def _moved(bbox: tuple[float, float, float, float], shift: tuple[float, ...]
           ) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return x0 - shift[0], top - shift[1], x1 - shift[0], bottom - shift[1]


class _MovedTable:
    """A pdfplumber table's cell boxes moved from MediaBox into display (CropBox) space, the
    space PDFium's words are in."""

    def __init__(self, table: Any, shift: tuple[float, ...]) -> None:
        self.rows = [_MovedRow([None if c is None else _moved(c, shift) for c in row.cells])
                     for row in table.rows]


@dataclass
class _MovedRow:
    cells: list[tuple[float, float, float, float] | None]


def _band(top: float, bottom: float, height: float) -> str:
    if bottom <= height * 0.1:
        return "top"
    if top >= height * 0.9:
        return "bottom"
    return "body"


def _inside_any(w: Word, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _lay_out(words: list[Word], tables: list[tuple[tuple[float, float, float, float], list]],
             width: float, height: float, number: int, sha256: str, counter: _Counter,
             ocr: bool = False) -> list[Any]:
    """A page's words (outside its ruled tables) → blocks and unruled tables, placed with
    the ruled tables in reading order."""
    arranged = arrange(words_to_lines(words), width, height)
    lines, unruled = split_unruled(arranged)
    tables = tables + [((0.0, top, width, top), rows) for top, rows in unruled]
    raw_blocks = [unweave_labels(b) for b in lines_to_blocks(lines)]
    # the page's body size over all its lines: text read into a table is still body text
    body = statistics.median([ln.size for ln in arranged]) if arranged else 10.0
    placed: list[tuple[float, Any]] = [(b.top, b) for b in raw_blocks]
    placed += [(bbox[1], rows) for bbox, rows in tables if rows]
    placed.sort(key=lambda p: p[0])
    items: list[Any] = []
    for _, obj in placed:
        if isinstance(obj, list):
            items.append(Table(index=counter.next(), page=number, rows=obj, sha256=sha256,
                               pages=(number, number)))
            continue
        block = Block(index=counter.next(), page=number, kind=classify(obj, body),
                      text=dehyphenate(obj.text), sha256=sha256, font_size=obj.size,
                      bold=obj.bold, ocr=ocr)
        block._band = _band(obj.top, obj.bottom, height)  # type: ignore[attr-defined]
        items.append(block)
    return items


def _ocr(path: Path, number: int, sha256: str, counter: _Counter,
         problems: list[Problem], width: float, height: float, scans: PageOcr) -> Page:
    tsv, problem = ocr_page(path, number, scans)
    if problem:
        problems.append(Problem(problem[0], problem[1], page=number))
        return Page(number=number, ocr=True)
    out = Page(number=number, ocr=True)
    out.items = _lay_out(tsv_words(tsv or ""), [], width, height, number, sha256, counter,
                         ocr=True)
    return out

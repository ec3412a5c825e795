"""PDF backend: pdfplumber geometry → blocks and tables with cell fill colours.

Pages are streamed: each page's objects are dropped once it has been turned into records,
so memory stays flat in the number of pages.
"""
from __future__ import annotations

import logging
import statistics
from pathlib import Path
from typing import Any, Iterator

from .colours import pdf_colour_to_hex
from .errors import CorruptFile, EncryptedFile, IngestError
from .layout import Word, classify, dehyphenate, lines_to_blocks, words_to_lines
from .model import Block, Cell, Page, Problem, Table
from .ocr import ocr_page

MAX_PAGES = 1000  # beyond this a file is read in part and flagged; packs run to ~300 pages
MAX_CELL_CHARS = 5000

log = logging.getLogger(__name__)
# pdfminer is chatty about malformed but readable files; its warnings are not ours to print.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _open(path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to be read, where damage usually shows
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise EncryptedFile(f"{path.name} is password-protected. Ask the publisher for an "
                            "unlocked copy, or remove the password, and run again.") from err
    except PdfminerException as err:
        inner = err.args[0] if err.args else err
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedFile(f"{path.name} is password-protected. Ask the publisher for an "
                                "unlocked copy, or remove the password, and run again.") from err
        raise CorruptFile(f"{path.name} is a damaged PDF that cannot be opened ({inner}). "
                          "Download it again or re-save it from a PDF viewer.",
                          code="pdf-corrupt") from err
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise CorruptFile(f"{path.name} is a damaged PDF that cannot be opened ({err}). "
                          "Download it again or re-save it from a PDF viewer.",
                          code="pdf-corrupt") from err


def count_pages(path: Path) -> int:
    pdf = _open(path)
    try:
        return len(pdf.pages)
    finally:
        pdf.close()


def read_pdf(path: Path, sha256: str, problems: list[Problem]) -> Iterator[Page]:
    """Yield one Page at a time. Problems (a bad page, OCR unavailable, too many pages) are
    appended to `problems`; a page that fails is yielded empty so page numbers stay true."""
    pdf = _open(path)
    try:
        n = len(pdf.pages)
        if n > MAX_PAGES:
            problems.append(Problem("too-many-pages",
                                    f"{path.name} has {n} pages; only the first {MAX_PAGES} were "
                                    "read. Split the file, or run on the part you need."))
        counter = _Counter()
        for i in range(min(n, MAX_PAGES)):
            page = pdf.pages[i]
            try:
                yield _read_page(page, i + 1, path, sha256, counter, problems)
            except IngestError:
                raise
            except Exception as err:  # one unreadable page must not lose the rest
                log.debug("page %s failed", i + 1, exc_info=True)
                problems.append(Problem("page-unreadable",
                                        f"Page {i + 1} could not be read ({type(err).__name__}: "
                                        f"{err}); the rest of the file was read.", page=i + 1))
                yield Page(number=i + 1)
            finally:
                page.close()  # drop this page's cached objects: flat memory on long packs
    finally:
        pdf.close()


class _Counter:
    """Document-wide running index shared by blocks and tables."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n - 1


def _read_page(page: Any, number: int, path: Path, sha256: str, counter: _Counter,
               problems: list[Problem]) -> Page:
    if not page.chars:
        # a scan is an image, or (as some scanners write) thousands of vector glyph outlines
        if page.images or len(page.curves) + len(page.rects) > 50:
            return _ocr(path, number, sha256, counter, problems)
        return Page(number=number)
    tables = _find_tables(page)
    boxes = [t.bbox for t in tables]
    words = [
        Word(text=w["text"], x0=w["x0"], x1=w["x1"], top=w["top"], bottom=w["bottom"],
             size=round(float(w.get("size") or 10.0), 1),
             bold="bold" in str(w.get("fontname", "")).lower()
             or "black" in str(w.get("fontname", "")).lower())
        for w in page.filter(_upright).extract_words(extra_attrs=["size", "fontname"],
                                                     x_tolerance=1.5)
        if not _inside_any(w, boxes)
    ]
    lines = words_to_lines(words)
    raw_blocks = lines_to_blocks(lines)
    body = statistics.median([ln.size for ln in lines]) if lines else 10.0
    placed: list[tuple[float, Any]] = [(b.top, b) for b in raw_blocks]
    placed += [(t.bbox[1], t) for t in tables]
    placed.sort(key=lambda p: p[0])
    out = Page(number=number)
    height = float(page.height) or 842.0
    for top, obj in placed:
        if hasattr(obj, "lines"):
            text = dehyphenate(obj.text)
            block = Block(index=counter.next(), page=number, kind=classify(obj, body),
                          text=text, sha256=sha256, font_size=obj.size, bold=obj.bold)
            block._band = _band(obj.top, obj.bottom, height)  # type: ignore[attr-defined]
            out.items.append(block)
        else:
            rows = _table_rows(obj, page)
            if rows:
                out.items.append(Table(index=counter.next(), page=number, rows=rows,
                                       sha256=sha256, pages=(number, number)))
    return out


def _upright(obj: dict) -> bool:
    """Rotated text is margin stamping ("Agenda Item 6" up the side), read as one letter a
    line; it is not part of the page's reading order."""
    return obj.get("object_type") != "char" or bool(obj.get("upright", True))


def _band(top: float, bottom: float, height: float) -> str:
    if bottom <= height * 0.1:
        return "top"
    if top >= height * 0.9:
        return "bottom"
    return "body"


def _inside_any(w: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _find_tables(page: Any) -> list[Any]:
    found = page.find_tables()
    keep = []
    for t in found:
        rows = t.rows
        if len(rows) >= 2 and max(len(r.cells) for r in rows) >= 2:
            keep.append(t)
    return keep


def _fill_at(rects: list[dict], bbox: tuple[float, float, float, float]) -> str | None:
    """The fill of the smallest filled rectangle under the cell's centre: that is the colour
    a reader sees (shading is often drawn as one rect per cell over a white page rect)."""
    x0, top, x1, bottom = bbox
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    best: tuple[float, str | None] | None = None
    for r in rects:
        if not r.get("fill"):
            continue
        if r["x0"] - 0.5 <= cx <= r["x1"] + 0.5 and r["top"] - 0.5 <= cy <= r["bottom"] + 0.5:
            area = (r["x1"] - r["x0"]) * (r["bottom"] - r["top"])
            if best is None or area < best[0]:
                best = (area, pdf_colour_to_hex(r.get("non_stroking_color")))
    return best[1] if best else None


def _table_rows(table: Any, page: Any) -> list[list[Cell]]:
    texts = table.extract()
    rects = page.rects
    rows: list[list[Cell]] = []
    for r, (row, row_text) in enumerate(zip(table.rows, texts)):
        cells: list[Cell] = []
        for c, (bbox, text) in enumerate(zip(row.cells, row_text)):
            if bbox is None:  # covered by a merged cell to its left/above
                if cells:
                    cells[-1].colspan += 1
                continue
            text = dehyphenate((text or "").strip())[:MAX_CELL_CHARS]
            cells.append(Cell(text=text, row=r, col=c, fill=_fill_at(rects, bbox)))
        if any(cell.text or cell.fill for cell in cells):
            rows.append(cells)
    if rows and all(any(ch.isalpha() for ch in cell.text) for cell in rows[0] if cell.text):
        for cell in rows[0]:
            cell.header = True
    return rows


def _ocr(path: Path, number: int, sha256: str, counter: _Counter,
         problems: list[Problem]) -> Page:
    text, problem = ocr_page(path, number)
    if problem:
        problems.append(Problem(problem[0], problem[1], page=number))
        return Page(number=number, ocr=True)
    out = Page(number=number, ocr=True)
    for para in [p.strip() for p in (text or "").split("\n\n") if p.strip()]:
        out.items.append(Block(index=counter.next(), page=number, kind="paragraph",
                               text=dehyphenate(para), sha256=sha256, ocr=True))
    return out

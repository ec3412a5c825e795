"""OCR for pages with no text layer: render with pypdfium2, read with the Tesseract CLI.

Tesseract gives its words with their boxes (TSV); the page is then laid out by the same
steps as a text PDF's (ingest/layout, columns, unruled), so side-by-side columns become
one line with a tab ("Ann Birch (AB) CHAIR <tab> Tom Gray") or two read in order, a
margin's minute numbers stay with their minutes, and running headers and footers get the
bands furniture is found in.

Tesseract is a system package (Debian `tesseract-ocr`); where it is missing the page is
recorded empty with a problem that says how to install it, and the rest of the file is read.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from .layout import Word

OCR_DPI = 300
OCR_TIMEOUT_S = 120
LINE_TO_FONT = 0.8  # a text line's box (ascender to descender) is about 1.25 em


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_page(path: Path, number: int) -> tuple[str | None, tuple[str, str] | None]:
    """Tesseract's TSV of 1-based page `number` (see tsv_words), or a (code, message)
    problem."""
    if not tesseract_available():
        return None, ("ocr-unavailable",
                      f"Page {number} is a scanned image with no text layer, and Tesseract is "
                      "not installed, so it was not read. Install it (Debian/Ubuntu: "
                      "`apt-get install tesseract-ocr`) and run again.")
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "page.png"
        pdf = pdfium.PdfDocument(str(path))
        try:
            bitmap = pdf[number - 1].render(scale=OCR_DPI / 72)
            bitmap.to_pil().save(image)
        finally:
            pdf.close()
        try:
            done = subprocess.run(["tesseract", str(image), "stdout", "--psm", "3", "tsv"],
                                  capture_output=True, text=True, timeout=OCR_TIMEOUT_S,
                                  check=False)
        except subprocess.TimeoutExpired:
            return None, ("ocr-failed", f"OCR of page {number} took longer than "
                          f"{OCR_TIMEOUT_S}s and was stopped.")
    if done.returncode != 0:
        return None, ("ocr-failed", f"Tesseract could not read page {number}: "
                      f"{done.stderr.strip()[:300]}")
    return done.stdout, None


PT_PER_PX = 72 / OCR_DPI


def tsv_words(tsv: str) -> list[Word]:
    """Positioned words from Tesseract's TSV (its `image_to_data`), in points.

    Each word takes its Tesseract line's top and bottom, so a line of short letters and one
    of capitals sit at the same height, and every word the page's median line height as its
    size: OCR gives no font size, and a guessed one would cut blocks at every wobble. Each
    word keeps the paragraph Tesseract put it in, which starts a new block."""
    rows = [r.split("\t") for r in tsv.splitlines()[1:]]
    lines: dict[tuple[str, ...], tuple[float, float]] = {}
    for r in rows:
        if len(r) >= 12 and r[0] == "4":
            top, height = float(r[7]), float(r[9])
            lines[tuple(r[1:5])] = (top * PT_PER_PX, (top + height) * PT_PER_PX)
    if not lines:
        return []
    size = statistics.median(b - t for t, b in lines.values()) * LINE_TO_FONT
    out: list[Word] = []
    paras: dict[tuple[str, ...], int] = {}  # (page, block, paragraph) → a number from 1
    for r in rows:
        if len(r) < 12 or r[0] != "5" or not r[11].strip():
            continue
        top, bottom = lines.get(tuple(r[1:5]), (float(r[7]) * PT_PER_PX,
                                                (float(r[7]) + float(r[9])) * PT_PER_PX))
        x0 = float(r[6]) * PT_PER_PX
        para = paras.setdefault(tuple(r[1:4]), len(paras) + 1)
        out.append(Word(r[11].strip(), x0, x0 + float(r[8]) * PT_PER_PX, top, bottom, size=size,
                        para=para))
    return out

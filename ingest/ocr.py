"""OCR for pages with no text layer: render with pypdfium2, read with the Tesseract CLI.

Tesseract is a system package (Debian `tesseract-ocr`); where it is missing the page is
recorded empty with a problem that says how to install it, and the rest of the file is read.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

OCR_DPI = 300
OCR_TIMEOUT_S = 120


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_page(path: Path, number: int) -> tuple[str | None, tuple[str, str] | None]:
    """Text of 1-based page `number`, or a (code, message) problem."""
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
            done = subprocess.run(["tesseract", str(image), "stdout", "--psm", "3"],
                                  capture_output=True, text=True, timeout=OCR_TIMEOUT_S,
                                  check=False)
        except subprocess.TimeoutExpired:
            return None, ("ocr-failed", f"OCR of page {number} took longer than "
                          f"{OCR_TIMEOUT_S}s and was stopped.")
    if done.returncode != 0:
        return None, ("ocr-failed", f"Tesseract could not read page {number}: "
                      f"{done.stderr.strip()[:300]}")
    return done.stdout, None

"""OCR for pages with no text layer: render with pypdfium2, read with the Tesseract CLI.

Tesseract gives its words with their boxes (TSV); the page is then laid out by the same
steps as a text PDF's (ingest/layout, columns, unruled), so side-by-side columns become
one line with a tab ("Ann Birch (AB) CHAIR <tab> Tom Gray") or two read in order, a
margin's minute numbers stay with their minutes, and running headers and footers get the
bands furniture is found in.

A scan's pages are read by several Tesseract processes at once (`PageOcr`), each with one
thread (OMP_THREAD_LIMIT=1: Tesseract's own threads fight each other on a busy machine), as
many as $BOARDPAPERS_OCR_WORKERS says (`run --workers` sets it; default: the machine's cores).

Tesseract is a system package (Debian `tesseract-ocr`); where it is missing the page is
recorded empty with a problem that says how to install it, and the rest of the file is read.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .layout import Word

OCR_DPI = 300
OCR_TIMEOUT_S = 120
LINE_TO_FONT = 0.8  # a text line's box (ascender to descender) is about 1.25 em
WORKERS_ENV = "BOARDPAPERS_OCR_WORKERS"

Problem = tuple[str, str]  # (code, message)


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ocr_workers() -> int:
    """How many pages to OCR at once: $BOARDPAPERS_OCR_WORKERS when it is a positive whole
    number, else the cores."""
    given = os.environ.get(WORKERS_ENV, "").strip()
    return int(given) if given.isdigit() and int(given) > 0 else cores()


def ocr_page(path: Path, number: int, scans: PageOcr | None = None
             ) -> tuple[str | None, Problem | None]:
    """Tesseract's TSV of 1-based page `number` (see tsv_words), or a (code, message)
    problem; read through `scans` (one document's pages read ahead in parallel) when given."""
    if scans is not None:
        return scans.read(number)
    with PageOcr(path, workers=1) as one:
        return one.read(number)


class PageOcr:
    """One PDF's scanned pages, read by up to `workers` Tesseract processes at once.

    Asked for page n, it starts n and then, up to `workers` pages held, the later pages that
    `looks_scanned` (a cheap test of a PDFium page) takes for scans, so they are read while
    the caller lays out page n. A page's words depend on that page alone, so the text is the
    same with any number of workers; a page read ahead that the caller never asks for (the
    cheap test was wrong) is dropped. Pages are rendered here, in the caller's thread (PDFium
    is not thread-safe); the Tesseract processes are what run side by side."""

    def __init__(self, path: Path, workers: int | None = None,
                 looks_scanned: Callable[[Any], bool] | None = None) -> None:
        self.path = Path(path)
        self.workers = max(1, workers or ocr_workers())
        self.looks_scanned = looks_scanned
        self._pdf: Any = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._jobs: dict[int, _Job] = {}
        self._probed = 0  # the last page the read-ahead has looked at

    def __enter__(self) -> PageOcr:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def read(self, number: int) -> tuple[str | None, Problem | None]:
        if not tesseract_available():
            return None, ("ocr-unavailable",
                          f"Page {number} is a scanned image with no text layer, and Tesseract "
                          "is not installed, so it was not read. Install it (Debian/Ubuntu: "
                          "`apt-get install tesseract-ocr`) and run again.")
        for early in [n for n in self._jobs if n < number]:  # read ahead, never asked for
            self._jobs.pop(early).stop()
        if number not in self._jobs:
            self._jobs[number] = self._start(number)
        self._read_ahead(number)
        return self._jobs.pop(number).result()

    def close(self) -> None:
        for job in self._jobs.values():
            job.stop()
        self._jobs.clear()
        if self._pdf is not None:
            self._pdf.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def _read_ahead(self, number: int) -> None:
        if self.looks_scanned is None or self.workers == 1:
            return
        last = len(self._document())
        page = max(self._probed, number) + 1
        while len(self._jobs) < self.workers and page <= last:
            if page not in self._jobs and self._scanned(page):
                self._jobs[page] = self._start(page)
            self._probed = page
            page += 1

    def _scanned(self, number: int) -> bool:
        assert self.looks_scanned is not None
        page = self._document()[number - 1]
        try:
            return bool(self.looks_scanned(page))
        except Exception:  # a page the test cannot read is read, or failed, when asked for
            return False
        finally:
            page.close()

    def _document(self) -> Any:
        if self._pdf is None:
            import pypdfium2 as pdfium

            self._pdf = pdfium.PdfDocument(str(self.path))
        return self._pdf

    def _start(self, number: int) -> _Job:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="boardpapers-ocr-")
        base = Path(self._tmp.name) / f"page-{number}"
        image = base.with_suffix(".png")
        try:
            page = self._document()[number - 1]
            try:
                page.render(scale=OCR_DPI / 72).to_pil().save(image)
            finally:
                page.close()
        except Exception as err:  # raised when the page is asked for: an unreadable page
            return _Job(number, None, base, error=err)
        with open(base.with_suffix(".err"), "wb") as err_file:
            proc = subprocess.Popen(["tesseract", str(image), str(base), "--psm", "3", "tsv"],
                                    stdout=subprocess.DEVNULL, stderr=err_file,
                                    env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        return _Job(number, proc, base)


@dataclass
class _Job:
    """One page's Tesseract process; its TSV goes to a file (a pipe would fill and stall it)."""

    number: int
    proc: subprocess.Popen[bytes] | None
    base: Path  # Tesseract writes base.tsv
    started: float = 0.0
    error: Exception | None = None

    def __post_init__(self) -> None:
        self.started = time.monotonic()

    def result(self) -> tuple[str | None, Problem | None]:
        if self.error is not None or self.proc is None:
            raise self.error or RuntimeError(f"page {self.number} was not rendered")
        try:
            self.proc.wait(timeout=max(0.0, self.started + OCR_TIMEOUT_S - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.stop()
            return None, ("ocr-failed", f"OCR of page {self.number} took longer than "
                          f"{OCR_TIMEOUT_S}s and was stopped.")
        finally:
            self.base.with_suffix(".png").unlink(missing_ok=True)
        if self.proc.returncode != 0:
            said = self.base.with_suffix(".err").read_text(encoding="utf-8", errors="replace")
            return None, ("ocr-failed", f"Tesseract could not read page {self.number}: "
                          f"{said.strip()[:300]}")
        return self.base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace"), None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


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

"""A scan's pages OCR'd side by side (ingest/ocr.PageOcr): the text comes back in page order
and the same with one worker or two, each Tesseract runs with one thread, a page Tesseract
fails on is a flagged empty page, and the rest of the file is read.

Most tests put a stand-in `tesseract` on PATH that logs when it runs and names each page by
its rendered width (each page of the scan is drawn a different width), so they are quick and
exact; one reads a real rasterised scan with the real Tesseract (skipped without it)."""
from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from ingest import load

pytest.importorskip("PIL")

FAKE = """#!{python}
import os, struct, sys, time
image, base = sys.argv[1], sys.argv[2]
with open(image, "rb") as f:
    width = struct.unpack(">I", f.read(24)[16:20])[0]
log = os.environ["FAKE_TESSERACT_LOG"]
with open(log, "a") as f:
    f.write(f"start {{time.time()}} {{width}} {{os.environ.get('OMP_THREAD_LIMIT')}}\\n")
time.sleep(float(os.environ.get("FAKE_TESSERACT_SECONDS", "0.4")))
with open(log, "a") as f:
    f.write(f"end {{time.time()}} {{width}} -\\n")
lo, hi = map(int, os.environ.get("FAKE_TESSERACT_FAIL_WIDTHS", "0-0").split("-"))
if lo <= width <= hi:
    sys.stderr.write("Error in pixReadStream: unknown format\\n")
    sys.exit(1)
with open(base + ".tsv", "w") as f:
    f.write("level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth"
            "\\theight\\tconf\\ttext\\n")
    f.write("4\\t1\\t1\\t1\\t1\\t0\\t300\\t300\\t500\\t50\\t-1\\t\\n")
    f.write(f"5\\t1\\t1\\t1\\t1\\t1\\t300\\t300\\t500\\t50\\t95\\tw{{width}}\\n")
"""


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "tesseract"
    exe.write_text(FAKE.format(python=sys.executable))
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "tesseract.log"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_TESSERACT_LOG", str(log))
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    return log


def _grey_scan(path: Path, widths: list[float], text_page: int | None = None) -> Path:
    """An image-only PDF, page k `widths[k]` points wide; page `text_page` (1-based) has a
    text layer instead."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for k, width in enumerate(widths, start=1):
        c.setPageSize((width, 600))
        if k == text_page:
            c.setFont("Helvetica", 11)
            c.drawString(30, 500, "The clerk read the minutes of the last meeting.")
        else:
            c.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 0, 0, width=width,
                        height=600)
        c.showPage()
    c.save()
    return path


def _runs(log: Path) -> list[tuple[float, float, str, str]]:
    """(start, end, width, OMP_THREAD_LIMIT) of each Tesseract run, in start order."""
    starts, ends = {}, {}
    for line in log.read_text().splitlines():
        kind, when, width, omp = line.split()
        (starts if kind == "start" else ends)[width] = (float(when), omp)
    return sorted((t, ends.get(w, (t, ""))[0], w, omp) for w, (t, omp) in starts.items())


def _most_at_once(runs: list[tuple[float, float, str, str]]) -> int:
    return max(sum(1 for s, e, *_ in runs if s <= start < e) for start, *_ in runs)


def _page_texts(doc) -> list[tuple[int, bool, list[str]]]:
    return [(p.number, p.ocr, [b.text for b in p.blocks]) for p in doc.pages]


def test_two_workers_read_two_pages_at_once_one_thread_each_in_page_order(
        tmp_path, fake_tesseract, monkeypatch):
    scan = _grey_scan(tmp_path / "scan.pdf", [400, 420, 440, 460])
    monkeypatch.setenv("BOARDPAPERS_OCR_WORKERS", "2")
    doc = load(scan)
    runs = _runs(fake_tesseract)
    assert len(runs) == 4 and _most_at_once(runs) == 2
    assert {omp for *_, omp in runs} == {"1"}
    two = _page_texts(doc)
    # Widths grow by page, so each page's text names its own width, in page order. Two
    # programs started together may log their starts in either order on a busy machine, so
    # start order is checked only as far as it is determined: pages 1 and 2 go first.
    widths = sorted((run[2] for run in runs), key=float)
    assert [texts for _, _, texts in two] == [[f"w{w}"] for w in widths]
    assert {run[2] for run in runs[:2]} == set(widths[:2])

    fake_tesseract.unlink()
    monkeypatch.setenv("BOARDPAPERS_OCR_WORKERS", "1")
    one = _page_texts(load(scan))
    assert _most_at_once(_runs(fake_tesseract)) == 1
    assert one == two


def test_a_text_page_between_scans_is_read_from_its_text_layer_in_its_place(
        tmp_path, fake_tesseract, monkeypatch):
    scan = _grey_scan(tmp_path / "scan.pdf", [400, 420, 440, 460], text_page=2)
    monkeypatch.setenv("BOARDPAPERS_OCR_WORKERS", "3")
    pages = _page_texts(load(scan))
    assert [ocr for _, ocr, _ in pages] == [True, False, True, True]
    assert pages[1][2] == ["The clerk read the minutes of the last meeting."]
    assert len(_runs(fake_tesseract)) == 3  # the text page is never sent to Tesseract
    assert _most_at_once(_runs(fake_tesseract)) == 3


def test_a_page_tesseract_fails_on_is_flagged_and_the_other_pages_are_read(
        tmp_path, fake_tesseract, monkeypatch):
    scan = _grey_scan(tmp_path / "scan.pdf", [400, 420, 440])
    monkeypatch.setenv("BOARDPAPERS_OCR_WORKERS", "2")
    monkeypatch.setenv("FAKE_TESSERACT_FAIL_WIDTHS", "1700-1800")  # page 2: 1750 px
    doc = load(scan)
    assert [(p.code, p.page) for p in doc.problems] == [("ocr-failed", 2)]
    assert "unknown format" in doc.problems[0].message
    assert [len(texts) for _, _, texts in _page_texts(doc)] == [1, 0, 1]
    assert len(_runs(fake_tesseract)) == 3 and _most_at_once(_runs(fake_tesseract)) == 2


# --- the real Tesseract on a real raster -------------------------------------------------

WORDS = ["Apologies from Cllr Birch", "Minutes approved as read", "Footpath report noted"]


def _rasterised(path: Path) -> Path:
    """Three pages of text drawn by reportlab, rasterised by PDFium, written back as an
    image-only PDF: a scan with no text layer."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    text = io.BytesIO()
    c = canvas.Canvas(text, pagesize=A5)
    for words in WORDS:
        c.setFont("Helvetica", 22)
        c.drawString(40, 450, words)
        c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(text.getvalue())
    out = canvas.Canvas(str(path), pagesize=A5)
    for page in pdf:
        out.drawImage(ImageReader(page.render(scale=150 / 72).to_pil()), 0, 0,
                      width=A5[0], height=A5[1])
        out.showPage()
    out.save()
    pdf.close()
    return path


WRAPPER = """#!{python}
import os, subprocess, sys, time
log = os.environ["FAKE_TESSERACT_LOG"]
with open(log, "a") as f:
    f.write(f"start {{time.time()}} {{sys.argv[2]}} {{os.environ.get('OMP_THREAD_LIMIT')}}\\n")
code = subprocess.run(["{real}", *sys.argv[1:]]).returncode
with open(log, "a") as f:
    f.write(f"end {{time.time()}} {{sys.argv[2]}} -\\n")
sys.exit(code)
"""


def test_a_real_scan_reads_the_same_in_page_order_with_one_or_two_workers(
        tmp_path, monkeypatch):
    import shutil

    real = shutil.which("tesseract")
    if real is None:
        pytest.skip("Tesseract is not installed")
    scan = _rasterised(tmp_path / "scan.pdf")
    bin_dir = tmp_path / "bin"  # the real Tesseract, logged as it starts and ends
    bin_dir.mkdir()
    (bin_dir / "tesseract").write_text(WRAPPER.format(python=sys.executable, real=real))
    (bin_dir / "tesseract").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    texts, at_once = {}, {}
    for workers in ("1", "2"):
        log = tmp_path / f"log-{workers}"
        monkeypatch.setenv("FAKE_TESSERACT_LOG", str(log))
        monkeypatch.setenv("BOARDPAPERS_OCR_WORKERS", workers)
        texts[workers] = [" ".join(b.text for b in p.blocks) for p in load(scan).pages]
        at_once[workers] = _most_at_once(_runs(log))
    assert texts["1"] == texts["2"]
    assert [" ".join(t.split()) for t in texts["2"]] == WORDS
    assert at_once == {"1": 1, "2": 2}

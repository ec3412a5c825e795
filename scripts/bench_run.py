#!/usr/bin/env python3
"""Benchmark `run --workers N` end to end, OCR over workers, and a 1,000-file batch.

    python scripts/bench_run.py [--quick] [--workers 1,2] [--only run,ocr,many] [FOLDER ...]

1. `run` on the text PDFs of FOLDERs (default: samples/ and ../shared/realdocs/dev when
   present; scans are left out, their time is OCR's) with each number of workers, beside bare
   pdfplumber `extract_text()` on the same PDFs in the same run: wall-clock seconds, the CPU
   seconds of the whole process tree (the run, its workers and every reader they fork), the
   CPU ratio to bare extract_text, and the wall-clock speed-up over one worker.
2. OCR pages/s: a generated scanned pack (pages of invented minutes drawn by reportlab,
   rasterised by PDFium at 200 dpi, written back as an image-only PDF) read by
   `ingest.load` with BOARDPAPERS_OCR_WORKERS set to each number of workers.
3. Many files in one batch: invented minutes (text, and every tenth a one-page PDF) of 20
   bodies, saved by `batch.run` as `run` does, with each number of workers; files/s over
   the first 100 and the last 100 outcomes (a store that slows as it grows shows as a
   slower end).

--quick: 6 scanned pages instead of 16 and 300 files instead of 1,000, so the whole script
takes a few minutes. Figures only: on a shared machine compare ratios, and read the load
average printed first.
"""
from __future__ import annotations

import ctypes
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "samples", ROOT.parent / "shared" / "realdocs" / "dev"]
CLI = "import sys; from boardpapers.cli import main; sys.argv[0] = 'boardpapers'; main()"
PR_SET_CHILD_SUBREAPER = 36

BARE = r"""
import sys, pdfplumber
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""

OCR = r"""
import json, sys, time
from ingest import load
t = time.perf_counter()
doc = load(sys.argv[1])
print(json.dumps({"pages": sum(1 for p in doc.pages if p.ocr),
                  "words": sum(len(b.text.split()) for p in doc.pages for b in p.blocks),
                  "seconds": time.perf_counter() - t}))
"""

MANY = r"""
import json, sys, time
from pathlib import Path
from boardpapers import batch
from store import open_session
folder, url, workers = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
files = batch.find_files([folder])
start = time.perf_counter()
times, reading, failed = [], [], 0
with open_session(url) as session:
    for outcome in batch.run(session, files, workers=workers):
        times.append(time.perf_counter() - start)
        reading.append(outcome.seconds or 0.0)
        failed += outcome.failed
print(json.dumps({"times": times, "reading": reading, "failed": failed}))
"""


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]), **extra}


def _subreaper() -> None:
    """Orphans of our children become ours: `run`'s fork server outlives `run` for a moment,
    and its CPU (and its workers', which it reaps) only counts once we reap it."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def tree(argv: list[str], **env: str) -> tuple[float, float, str]:
    """Run `argv`: (wall seconds, CPU seconds of it and every descendant, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=_env(**env), capture_output=True, text=True)
    wall = time.perf_counter() - started
    while True:  # reap the orphans handed to us (see _subreaper)
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    if done.returncode not in (0, 1):  # 1: some file failed, which is a figure, not an error
        sys.exit(f"{argv[:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def text_pdfs(folders: list[Path]) -> list[Path]:
    import pypdfium2 as pdfium

    out = []
    for folder in folders:
        for f in sorted(folder.glob("*.pdf")):
            pdf = pdfium.PdfDocument(str(f))
            try:
                chars = [pdf[i].get_textpage().count_chars() for i in range(min(len(pdf), 3))]
            finally:
                pdf.close()
            if sum(chars) > 100:
                out.append(f)
    return out


def page_count(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        total += len(pdf)
        pdf.close()
    return total


def bench_run(folders: list[Path], workers: list[int], tmp: Path) -> None:
    pdfs = text_pdfs(folders)
    papers = tmp / "text-pdfs"
    papers.mkdir()
    for f in pdfs:
        (papers / f.name).symlink_to(f)
    print(f"\n1. run on {len(pdfs)} text PDFs, {page_count(pdfs)} pages "
          f"({', '.join(str(f) for f in folders)})")
    bare_wall, bare_cpu, _ = tree([sys.executable, "-c", BARE, *map(str, pdfs)])
    print(f"  {'bare pdfplumber extract_text':32s} wall {bare_wall:6.1f} s  CPU {bare_cpu:6.1f} s")
    one_wall = None
    for n in workers:
        wall, cpu, _ = tree([sys.executable, "-c", CLI, "run", str(papers), "--workers", str(n),
                             "--db", f"sqlite:///{tmp / f'run-{n}.sqlite'}"])
        one_wall = one_wall or wall
        print(f"  {f'run --workers {n}':32s} wall {wall:6.1f} s  CPU {cpu:6.1f} s  "
              f"CPU / bare CPU {cpu / bare_cpu:5.2f}  wall / bare wall {wall / bare_wall:5.2f}"
              f"  speed-up over the first {one_wall / wall:4.2f}×")


MINUTES_LINES = [
    "Minutes of the meeting of the {body} held on {day} {month} 2024.",
    "Present: Cllr Ann Birch (Chair), Cllr Tom Gray, Cllr Ben Cole, Cllr Una Hale",
    "1. Apologies were received from Cllr Dee Fox.",
    "2. The minutes of the last meeting were approved as a true record.",
    "3. Footpaths: the blocked stile at Mill Lane had been reported.",
    "ACTION: Clerk to write to the county council about the stile by {day} {next}.",
    "4. Finance: the council noted the accounts for {month}.",
    "ACTION: Cllr Gray to obtain three quotes for the swing repair.",
    "Date of next meeting: {day} {next} 2024.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November"]


def scanned_pack(path: Path, pages: int) -> Path:
    """`pages` pages of invented minutes as images only: a scan with no text layer."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    text = io.BytesIO()
    c = canvas.Canvas(text, pagesize=A4)
    for k in range(pages):
        c.setFont("Helvetica", 11)
        y = 780
        for line in MINUTES_LINES * 3:
            c.drawString(50, y, line.format(body="Elmbrook Parish Council", day=k % 27 + 1,
                                             month=MONTHS[k % 11], next=MONTHS[(k + 1) % 11]))
            y -= 26
        c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(text.getvalue())
    out = canvas.Canvas(str(path), pagesize=A4)
    for page in pdf:
        out.drawImage(ImageReader(page.render(scale=200 / 72, grayscale=True).to_pil()), 0, 0,
                      width=A4[0], height=A4[1])
        out.showPage()
    out.save()
    pdf.close()
    return path


def bench_ocr(pages: int, workers: list[int], tmp: Path) -> None:
    pack = scanned_pack(tmp / "scanned-pack.pdf", pages)
    print(f"\n2. OCR of a generated scanned pack, {pages} pages (Tesseract, one thread each)")
    first = None
    for n in workers:
        wall, cpu, out = tree([sys.executable, "-c", OCR, str(pack)],
                              BOARDPAPERS_OCR_WORKERS=str(n))
        r = json.loads(out.strip().splitlines()[-1])
        first = first or r["seconds"]
        print(f"  {f'{n} worker(s)':32s} {r['pages'] / r['seconds']:5.2f} pages/s  "
              f"({r['seconds']:.1f} s, CPU {cpu:.1f} s, {r['words']} words)  "
              f"speed-up {first / r['seconds']:4.2f}×")


def many_papers(folder: Path, count: int) -> Path:
    """`count` small papers of 20 bodies: text minutes, and every tenth a one-page PDF."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    folder.mkdir()
    for k in range(count):
        body = f"Parish Council of Elm {k % 20:02d}"
        lines = [line.format(body=body, day=k // 20 % 27 + 1, month=MONTHS[k // 20 % 11],
                             next=MONTHS[(k // 20 + 1) % 11]) for line in MINUTES_LINES]
        lines[0] += f" Paper {k}."  # every paper's bytes differ
        if k % 10 == 9:
            c = canvas.Canvas(str(folder / f"paper-{k:04d}.pdf"), pagesize=A4)
            c.setFont("Helvetica", 10)
            for n, line in enumerate(lines):
                c.drawString(40, 780 - 16 * n, line)
            c.save()
        else:
            (folder / f"paper-{k:04d}.txt").write_text("\n".join(lines) + "\n")
    return folder


def bench_many(count: int, workers: list[int], tmp: Path) -> None:
    folder = many_papers(tmp / "many", count)
    print(f"\n3. {count} small files in one batch (one in ten a PDF; 20 bodies, "
          f"{count // 20} meetings each)")
    for n in workers:
        wall, cpu, out = tree([sys.executable, "-c", MANY, str(folder),
                               f"sqlite:///{tmp / f'many-{n}.sqlite'}", str(n)])
        r = json.loads(out.strip().splitlines()[-1])
        times = r["times"]
        edge = min(100, len(times) // 2)
        start_rate = edge / times[edge - 1]
        end_rate = edge / (times[-1] - times[-edge - 1])
        print(f"  {f'{n} worker(s)':14s} first {edge}: {start_rate:5.1f} files/s (start-up "
              f"included)  last {edge}: {end_rate:5.1f} files/s  all: {wall:5.1f} s wall, "
              f"CPU {cpu:5.1f} s, {len(times) / wall:5.1f} files/s, failed {r['failed']}")
        if n == 1:  # one at a time: what is not reading is saving
            gaps = [b - a for a, b in zip([0.0] + times, times)]
            for name, part in (("first", slice(1, edge)), ("last", slice(-edge, None))):
                read_ms = 1000 * sum(r["reading"][part]) / len(r["reading"][part])
                save_ms = 1000 * sum(gaps[part]) / len(gaps[part]) - read_ms
                print(f"  {'':14s} {name} {edge}: reading {read_ms:5.0f} ms/file, saving "
                      f"{save_ms:5.0f} ms/file")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    argv = [a for a in argv if a != "--quick"]
    parts = {"run", "ocr", "many"}
    if "--only" in argv:
        at = argv.index("--only")
        parts = set(argv[at + 1].split(","))
        del argv[at:at + 2]
    workers = [1, 2]
    if "--workers" in argv:
        at = argv.index("--workers")
        workers = [int(n) for n in argv[at + 1].split(",")]
        del argv[at:at + 2]
    folders = [Path(a) for a in argv] or [d for d in DEFAULT if d.is_dir()]
    _subreaper()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f} on {os.cpu_count()} cores"
          f"{' (quick)' if quick else ''}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if "run" in parts:
            bench_run(folders, workers, tmp)
        if "ocr" in parts:
            bench_ocr(6 if quick else 16, workers, tmp)
        if "many" in parts:
            bench_many(300 if quick else 1000, workers, tmp)
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

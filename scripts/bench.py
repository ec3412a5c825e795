#!/usr/bin/env python3
"""Benchmark ingest and extraction: pages per second and peak memory, against pdfplumber's
bare `extract_text()` on the same PDFs, reported as a ratio measured in the same run.

    python scripts/bench.py [FOLDER ...]
    python scripts/bench.py --startup
        the command line's start-up instead (scripts/bench_startup.py): `boardpapers --help`
        against `import pdfplumber`, a small-file `extract` against its own extraction work
        default: samples/, ../shared/realdocs/dev (when present), and three long packs built
        by repeating the sample agenda pack (38, 133 and 304 pages) to show that time grows
        linearly and memory stays flat in the number of pages (MiB per page between the
        shortest and the longest); then the extractors on 10 KB
        and 100 KB of each hostile text (scripts/adversarial.py): 100 KB / 10 KB ≈ 10 is linear.

Each measurement runs in a fresh subprocess so peak RSS is that step's alone. Figures only:
machines are shared and noisy, so compare the ratios, not the absolute times.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "samples", ROOT.parent / "shared" / "realdocs" / "dev"]

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
mode, files = sys.argv[2], sys.argv[3:]
pages = 0
per_file = {}
t, cpu = time.perf_counter(), time.process_time()
for f in files:
    before = pages
    scanned = 0
    started = time.perf_counter()
    if mode == "bare":
        import pdfplumber
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
                page.close()
    else:
        from ingest import load
        doc = load(f)
        pages += len(doc.pages) if f.endswith(".pdf") else 0
        scanned = sum(1 for p in doc.pages if p.ocr)
        if mode == "extract":
            from extract import extract
            extract(doc)
    per_file[f] = [pages - before, time.perf_counter() - started, scanned]
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"pages": pages, "seconds": elapsed, "cpu": cpu, "peak_mib": peak,
                  "files": per_file}))
"""


def measure(mode: str, files: list[Path]) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), mode, *map(str, files)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def long_pack(copies: int, folder: Path) -> Path:
    """The sample agenda pack repeated `copies` times: a long pack of realistic pages
    (tables, cell colours, stamps, running footers) that we are free to generate."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(ROOT / "samples" / "lancs-cpb_agenda-pack_2019-11-26.pdf"))
    pack = pdfium.PdfDocument.new()
    for _ in range(copies):
        pack.import_pages(source)
    out = folder / f"long-pack-{len(pack)}pp.pdf"
    pack.save(str(out))
    return out


def main(argv: list[str]) -> int:
    if argv == ["--startup"]:
        from bench_startup import report as startup_report  # beside this script

        startup_report()
        return 0
    folders = [Path(a) for a in argv] or [d for d in DEFAULT if d.is_dir()]
    with tempfile.TemporaryDirectory() as tmp:
        sets = [(str(f), sorted(p for p in f.iterdir() if p.suffix.lower() == ".pdf"))
                for f in folders]
        if not argv:
            sets += [(f"long pack x{n}", [long_pack(n, Path(tmp))]) for n in (2, 7, 16)]
        packs = {name: report(name, pdfs) for name, pdfs in sets if pdfs}
        longs = [packs[name] for name, _ in sets if name.startswith("long pack")]
        if len(longs) >= 2:
            report_growth(longs[0], longs[-1])
    if not argv:
        report_hostile_text()
    return 0


HOSTILE_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/scripts")
from adversarial import KINDS, make
from probe_regex import _one_block
from extract import extract
extract(_one_block("warm-up"))  # spaCy and the pattern files load once, outside the timing
size, out = int(sys.argv[2]), {}
for kind in KINDS:
    doc = _one_block(make(kind, size))
    t = time.process_time()  # CPU, not wall: other work on a shared machine does not count
    extract(doc)
    out[kind] = time.process_time() - t
print(json.dumps(out))
"""


def hostile_text_times(size: int) -> dict[str, float]:
    """extract() CPU seconds on a one-block Document of `size` characters of each hostile text."""
    out = subprocess.run([sys.executable, "-c", HOSTILE_CHILD, str(ROOT), str(size)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report_hostile_text() -> None:
    small, big = hostile_text_times(10_000), hostile_text_times(100_000)
    print("\nextractors on hostile text (one block) — 100 KB / 10 KB ≈ 10 when linear")
    for kind in small:
        print(f"  {kind:15s} 10 KB {small[kind]:7.3f} s  100 KB {big[kind]:7.3f} s  "
              f"ratio {big[kind] / max(small[kind], 1e-6):6.1f}")
    print(f"  all kinds       10 KB {sum(small.values()):7.3f} s  100 KB {sum(big.values()):7.3f} s"
          f"  ratio {sum(big.values()) / max(sum(small.values()), 1e-6):6.1f}")


def report_growth(short: dict, long: dict) -> None:
    """Peak memory per extra page from the shortest long pack to the longest: flat is ~0."""
    pages = long["ingest"]["pages"] - short["ingest"]["pages"]
    print(f"\npeak memory growth, {short['ingest']['pages']} → {long['ingest']['pages']} pages:")
    for name in ("ingest", "extract"):
        grown = long[name]["peak_mib"] - short[name]["peak_mib"]
        print(f"  {name:8s} {grown:+6.1f} MiB = {grown / pages:+.3f} MiB per page")


def report(title: str, pdfs: list[Path]) -> dict:
    bare, ingest, full = (measure(m, pdfs) for m in ("bare", "ingest", "extract"))
    print(f"\n{title} — {len(pdfs)} PDFs, {bare['pages']} pages")
    for name, r in (("pdfplumber extract_text", bare), ("boardpapers ingest", ingest),
                    ("ingest + extract", full)):
        rate = r["pages"] / r["seconds"] if r["seconds"] else 0
        print(f"  {name:26s} {r['seconds']:7.2f} s  {1000 * r['seconds'] / max(r['pages'], 1):7.1f}"
              f" ms/page  {rate:6.1f} pages/s  peak {r['peak_mib']:6.0f} MiB")
    print(f"  ingest time / bare extract_text time = {ingest['seconds'] / bare['seconds']:.2f}")
    print(f"  CPU: ingest / bare = {ingest['cpu'] / bare['cpu']:.2f}, ingest + extract / bare = "
          f"{full['cpu'] / bare['cpu']:.2f}")
    scanned = [f for f, (_, _, ocr) in ingest["files"].items() if ocr]
    if scanned:
        # bare extract_text returns nothing for a scan, so OCR time is not comparable
        def without(r: dict) -> float:
            return sum(sec for f, (_, sec, _) in r["files"].items() if f not in scanned)
        ocr_s = sum(ingest["files"][f][1] for f in scanned)
        print(f"  {len(scanned)} scanned file(s) OCR'd in {ocr_s:.2f} s; on the files with a "
              f"text layer, ingest / bare = {without(ingest) / without(bare):.2f}")
    return {"bare": bare, "ingest": ingest, "extract": full}

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

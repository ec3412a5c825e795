#!/usr/bin/env python3
"""Benchmark ingest and extraction: pages per second and peak memory, against pdfplumber's
bare `extract_text()` on the same PDFs, reported as a ratio measured in the same run.

    python scripts/bench.py [FOLDER ...]     (default: samples/ and ../shared/realdocs/dev)

Each measurement runs in a fresh subprocess so peak RSS is that step's alone. Figures only:
machines are shared and noisy, so compare the ratios, not the absolute times.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "samples", ROOT.parent / "shared" / "realdocs" / "dev"]

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
mode, files = sys.argv[2], sys.argv[3:]
pages = 0
t = time.perf_counter()
for f in files:
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
        if mode == "extract":
            from extract import extract
            extract(doc)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"pages": pages, "seconds": elapsed, "peak_mib": peak}))
"""


def measure(mode: str, files: list[Path]) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), mode, *map(str, files)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [d for d in DEFAULT if d.is_dir()]
    for folder in folders:
        pdfs = sorted(f for f in folder.iterdir() if f.suffix.lower() == ".pdf")
        if not pdfs:
            continue
        bare, ingest, full = (measure(m, pdfs) for m in ("bare", "ingest", "extract"))
        print(f"\n{folder} — {len(pdfs)} PDFs, {bare['pages']} pages")
        for name, r in (("pdfplumber extract_text", bare), ("boardpapers ingest", ingest),
                        ("ingest + extract", full)):
            rate = r["pages"] / r["seconds"] if r["seconds"] else 0
            print(f"  {name:26s} {r['seconds']:7.2f} s  {1000 * r['seconds'] / max(r['pages'], 1):7.1f}"
                  f" ms/page  {rate:6.1f} pages/s  peak {r['peak_mib']:6.0f} MiB")
        print(f"  ingest time / bare extract_text time = {ingest['seconds'] / bare['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

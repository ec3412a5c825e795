#!/usr/bin/env python3
"""Probe every regex that extract/ and ingest/ compile for super-linear time on hostile text.

    python scripts/probe_regex.py [--sizes 2000,8000,32000] [--only SUBSTRING]

Records each pattern compiled by code under extract/ or ingest/ (module-level ones, the ones
built from extract/patterns/*.json and the ones compiled lazily while the samples are read),
then times `finditer` over each adversarial text (scripts/adversarial.py) at growing sizes,
each pattern in a child process that is killed when one size takes too long. A pattern is
reported when time grows much faster than the text (≈4× per 4× size is linear).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from adversarial import KINDS, make  # noqa: E402

CHILD = r"""
import json, re, sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/scripts")
from adversarial import KINDS, make
pattern, flags = json.loads(sys.argv[2])
sizes = [int(s) for s in sys.argv[3].split(",")]
rx = re.compile(pattern, flags)
for kind in KINDS:
    times = []
    for n in sizes:
        text = make(kind, n)
        t = time.perf_counter()
        for _ in rx.finditer(text):
            pass
        times.append(time.perf_counter() - t)
        if times[-1] > 0.5:  # the next size would take too long: enough evidence
            break
    print(json.dumps([kind, times]), flush=True)
"""


def collect(samples: bool = True) -> dict[tuple[str, int], str]:
    """(pattern, flags) → the first place in extract/ or ingest/ that compiled it. `samples`:
    also read the committed samples (reaches more lazily compiled patterns; slower)."""
    found: dict[tuple[str, int], str] = {}
    original = re._compile

    def recording(pattern, flags):
        if isinstance(pattern, str) and (pattern, int(flags)) not in found:
            # the first caller outside the re module decides: ours, or a library's
            frame = next(f for f in reversed(traceback.extract_stack()[:-1])
                         if Path(f.filename).parent.name != "re")
            rel = Path(frame.filename).resolve()
            if rel.is_relative_to(ROOT) and rel.parts[len(ROOT.parts)] in {"extract", "ingest"}:
                found[(pattern, int(flags))] = f"{rel.relative_to(ROOT)}:{frame.lineno}"
        return original(pattern, flags)

    re._compile = recording
    try:
        import importlib
        for pkg in ("ingest", "extract"):
            for f in sorted((ROOT / pkg).glob("*.py")):
                importlib.import_module(f"{pkg}.{f.stem}")
        from extract import extract
        from ingest import load
        for f in sorted((ROOT / "samples").iterdir()) if samples else []:
            if f.is_file():
                extract(load(f))
        for kind in KINDS:  # the hostile texts reach branches the samples do not
            extract(_one_block(make(kind, 500)))
    finally:
        re._compile = original
    return found


def _one_block(text: str):
    from ingest.model import Block, Document, Page, Source
    page = Page(number=1, items=[Block(index=0, page=1, kind="paragraph", text=text)])
    return Document(Source("probe.txt", "0" * 64, "txt", 1), pages=[page])


def probe(pattern: str, flags: int, sizes: list[int], limit: float) -> list:
    args = [sys.executable, "-c", CHILD, str(ROOT), json.dumps([pattern, flags]),
            ",".join(map(str, sizes))]
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=limit).stdout
        return [json.loads(line) for line in out.splitlines()]
    except subprocess.TimeoutExpired as e:
        done = [json.loads(line) for line in (e.stdout or b"").decode().splitlines()]
        return done + [["TIMEOUT", [limit]]]


EXTRACT_CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/scripts")
from adversarial import make
from probe_regex import _one_block
from extract import extract
kind, n = sys.argv[2], int(sys.argv[3])
doc = _one_block(make(kind, n))
t = time.perf_counter()
extract(doc)
print(time.perf_counter() - t)
"""


def probe_extract(sizes: list[int], limit: float) -> int:
    """extract() on a Document of one block of each hostile text, per size."""
    bad = 0
    for kind in KINDS:
        times: list[float] = []
        for n in sizes:
            try:
                out = subprocess.run([sys.executable, "-c", EXTRACT_CHILD, str(ROOT), kind, str(n)],
                                     capture_output=True, text=True, timeout=limit, check=True)
                times.append(float(out.stdout.split()[-1]))
            except subprocess.TimeoutExpired:
                times.append(float("inf"))
                break
        growth = [b / a for a, b in zip(times, times[1:])]
        slow = max(growth, default=0) > 2.5 * sizes[1] / sizes[0] and times[-1] > 0.05
        bad += slow
        print(f"{'SLOW' if slow else 'ok  '} extract [{kind}] {[round(t, 3) for t in times]}",
              flush=True)
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="2000,8000,32000")
    ap.add_argument("--only", default="")
    ap.add_argument("--limit", type=float, default=20.0, help="seconds per pattern")
    ap.add_argument("--extract", action="store_true", help="time the whole extract() instead")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.extract:
        return probe_extract(sizes, args.limit)
    patterns = collect()
    print(f"{len(patterns)} patterns compiled by extract/ and ingest/", flush=True)
    bad = 0
    for (pattern, flags), where in sorted(patterns.items(), key=lambda kv: kv[1]):
        if args.only and args.only not in where and args.only not in pattern:
            continue
        for kind, times in probe(pattern, flags, sizes, args.limit):
            growth = [b / a if a > 1e-4 else 0 for a, b in zip(times, times[1:])]
            step = sizes[1] / sizes[0]
            cut = len(times) < len(sizes)  # one size took over 0.5 s: already too slow
            if kind == "TIMEOUT" or cut or (max(growth, default=0) > 2.5 * step
                                            and times[-1] > 0.05):
                bad += 1
                print(f"SLOW {where} [{kind}] times={[round(t, 3) for t in times]} "
                      f"pattern={pattern[:160]!r}", flush=True)
    print(f"{bad} slow pattern/input pairs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

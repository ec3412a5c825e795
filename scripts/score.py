#!/usr/bin/env python3
"""Extract every file in a folder and score the records against a gold folder.

    python scripts/score.py [SOURCE_DIR GOLD_DIR] [--out DIR] [--per-file] [--genres TSV] [--cache DIR]

Defaults to ../shared/realdocs/dev against ../shared/realdocs/gold. The scorer is
../shared/eval/score.py when present; the samples carry their own gold in samples/gold.
"""
from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from extract import extract, to_dict  # noqa: E402
from ingest import load  # noqa: E402


def _load(f: Path, cache: Path | None):
    """Ingest, optionally through a pickle cache (for iterating on extract only; clear it
    whenever ingest/ changes)."""
    if cache is None:
        return load(f)
    cache.mkdir(parents=True, exist_ok=True)
    hit = cache / f"{f.name}.{f.stat().st_size}.pickle"
    if hit.exists():
        return pickle.loads(hit.read_bytes())
    doc = load(f)
    hit.write_bytes(pickle.dumps(doc))
    return doc


def run(source: Path, out: Path, cache: Path | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for f in sorted(source.iterdir()):
        if f.is_file() and f.suffix.lower() in {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}:
            record = to_dict(extract(_load(f, cache)))
            (out / f"{f.name}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False),
                                                encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", nargs="?", default=str(SHARED / "realdocs" / "dev"))
    ap.add_argument("gold", nargs="?", default=str(SHARED / "realdocs" / "gold"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--per-file", action="store_true")
    ap.add_argument("--genres", default=None, help="a file/genre TSV: adds a line per genre")
    ap.add_argument("--cache", default=None, help="pickle ingested documents here (dev only)")
    args = ap.parse_args()
    scorer = SHARED / "eval" / "score.py"
    if not scorer.exists():
        print(f"scorer not found at {scorer}; ../shared is needed for scoring", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="bp-score-"))
    run(Path(args.source), out, Path(args.cache) if args.cache else None)
    cmd = [sys.executable, str(scorer), args.gold, str(out)]
    if args.per_file:
        cmd.append("--per-file")
    if args.genres:
        cmd += ["--genres", args.genres]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())

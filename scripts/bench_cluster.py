#!/usr/bin/env python3
"""Benchmark `run --executor dask` against `run --workers 1` on many small generated papers.

    python scripts/bench_cluster.py [--files N | --quick] [--workers 1,2,4]
                                    [--writers client,workers] [--pg URL] [--json FILE]

In one run on this machine:
1. N invented papers (scripts/bench_run.py's `many_papers`: 20 bodies, every tenth a
   one-page PDF; default 1,000, --quick 200);
2. `boardpapers run FOLDER --workers 1` (the yardstick: one process reads and saves), then
   `run FOLDER --executor dask --workers W --writer client|workers` for each W (a
   LocalCluster of W worker processes), each into a fresh store: SQLite, and PostgreSQL too
   when --pg or BOARDPAPERS_TEST_PG_URL names a server (a database is created per run and
   dropped after). Each run: wall seconds, files/s, CPU seconds of the whole process tree
   (the CLI, its nannies, workers and the readers they fork; bench_run's subreaper), files/s
   as a ratio to the yardstick's, and the store's bytes per document (its size less an empty
   migrated store's, over the documents stored);
3. per-file costs through the public functions, in one process per store: `extract_here`
   (what a worker's reader does with a file) and `save_extraction` (what the writer does),
   wall and CPU milliseconds, over every file in order, and over the first and last 100
   (saving grows as each body's history does).
The load average is printed before and after every run: on a shared machine the figures
move with it, so compare ratios taken in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_run import CLI, _subreaper, many_papers, tree  # noqa: E402

PG_ENV = "BOARDPAPERS_TEST_PG_URL"
EDGE = 100  # files at each end of the batch for the first/last per-file costs
# `run` with its summary (stderr) on stdout, which `tree` returns
RUN = "import sys; sys.stderr = sys.stdout; " + CLI
SUMMARY = re.compile(r"files (\d+) \(new (\d+), re-read \d+, unchanged \d+, failed (\d+)\)")

PROBE = r"""
import json, sys, time
from pathlib import Path
from boardpapers.batch import current_reader, extract_here, find_files, warm
from ingest import sha256_of
from store import open_session, save_extraction
folder, url = Path(sys.argv[1]), sys.argv[2]
warm()
reader = current_reader()
rows = []
with open_session(url) as session:
    for path in find_files([folder]):
        w0, c0 = time.perf_counter(), time.process_time()
        sha256_of(path)
        w1, c1 = time.perf_counter(), time.process_time()
        record = extract_here(path)
        w2, c2 = time.perf_counter(), time.process_time()
        save_extraction(session, record, reader=reader, seen_as=str(path))
        w3, c3 = time.perf_counter(), time.process_time()
        rows.append([path.suffix, w1 - w0, w2 - w1, c2 - c1, w3 - w2, c3 - c2])
print(json.dumps(rows))
"""


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


class Stores:
    """Fresh stores of one kind: SQLite files in a folder, or databases on a PG server."""

    def __init__(self, kind: str, tmp: Path, server: str | None = None) -> None:
        self.kind, self.tmp, self.server, self.made = kind, tmp, server, []
        self.empty = self.size(self.fresh("empty"))

    def fresh(self, tag: str) -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.tmp / f'{tag}.sqlite'}"
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"bench_{tag}_{uuid.uuid4().hex[:6]}"
        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))  # name made here, never input
        engine.dispose()
        self.made.append(name)
        return make_url(self.server).set(database=name).render_as_string(hide_password=False)

    def size(self, url: str) -> int:
        """Bytes the store takes (migrated first, as `run` would)."""
        from sqlalchemy import text

        from store import open_session
        from store.db import get_engine

        with open_session(url) as session:
            if self.kind == "sqlite":
                session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
                size = Path(url.removeprefix("sqlite:///")).stat().st_size
            else:
                size = session.scalar(text("SELECT pg_database_size(current_database())"))
        get_engine(url).dispose()
        return int(size)

    def documents(self, url: str) -> tuple[int, int]:
        from store import open_session
        from store.db import get_engine
        from store.queries import summary_counts

        with open_session(url) as session:
            counts = summary_counts(session)
        get_engine(url).dispose()
        return counts.documents, counts.failed_documents

    def drop(self) -> None:
        if self.kind != "pg":
            return
        from sqlalchemy import create_engine, text

        from store.db import _engines

        for engine in _engines.values():
            engine.dispose()
        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def bench_runs(folder: Path, count: int, stores: Stores, workers: list[int],
               writers: list[str]) -> list[dict]:
    runs = [("run --workers 1", ["--workers", "1"])]
    runs += [(f"dask W={w} --writer {m}",
              ["--executor", "dask", "--workers", str(w), "--writer", m])
             for w in workers for m in writers]
    results, yard = [], None
    for k, (label, options) in enumerate(runs):
        url = stores.fresh(f"run{k}")
        before = load()
        wall, cpu, out = tree([sys.executable, "-c", RUN, "run", str(folder), *options,
                               "--db", url])
        said = SUMMARY.search(out)
        outcomes = "no summary" if said is None else \
            f"{said[1]} files: new {said[2]}, failed {said[3]}"
        docs, failed = stores.documents(url)
        size = stores.size(url)
        rate = count / wall
        yard = yard or rate
        row = {"store": stores.kind, "run": label, "wall_s": wall, "files_per_s": rate,
               "cpu_s": cpu, "ratio": rate / yard, "outcomes": outcomes, "documents": docs,
               "failed": failed,
               "store_bytes": size,
               "bytes_per_doc": (size - stores.empty) / docs if docs else None,
               "load_before": before, "load_after": load()}
        results.append(row)
        if docs != count or said is None or said[3] != "0":  # say what the run said of it
            print("    " + "\n    ".join(out.strip().splitlines()[:12]))
        print(f"  {label:30s} {wall:6.1f} s  {rate:5.1f} files/s  CPU {cpu:6.1f} s  "
              f"×{row['ratio']:4.2f}  run said {outcomes}; stored {docs} (failed {failed})  "
              f"{row['bytes_per_doc'] or 0:7.0f} B/doc  load {before} → {row['load_after']}",
              flush=True)
    return results


def probe(folder: Path, stores: Stores) -> dict:
    """Per-file costs through the public functions, one process, in file order."""
    url = stores.fresh("probe")
    started = time.perf_counter()
    _, _, out = tree([sys.executable, "-c", PROBE, str(folder), url])
    rows = json.loads(out.strip().splitlines()[-1])

    def ms(part: list, column: int) -> float:
        return 1000 * sum(r[column] for r in part) / len(part) if part else 0.0

    edge = min(EDGE, len(rows) // 2)
    pdf = [r for r in rows if r[0] == ".pdf"]
    txt = [r for r in rows if r[0] != ".pdf"]
    result = {
        "store": stores.kind, "files": len(rows), "seconds": time.perf_counter() - started,
        "digest_ms": ms(rows, 1),
        "read_ms": ms(rows, 2), "read_cpu_ms": ms(rows, 3),
        "read_ms_txt": ms(txt, 2), "read_ms_pdf": ms(pdf, 2),
        "save_ms": ms(rows, 4), "save_cpu_ms": ms(rows, 5),
        "save_ms_first": ms(rows[:edge], 4), "save_ms_last": ms(rows[-edge:], 4),
    }
    print(f"  per file ({stores.kind}, {len(rows)} files, one process): digest "
          f"{result['digest_ms']:.2f} ms; read {result['read_ms']:.0f} ms (CPU "
          f"{result['read_cpu_ms']:.0f}; text {result['read_ms_txt']:.0f}, PDF "
          f"{result['read_ms_pdf']:.0f}); save {result['save_ms']:.0f} ms (CPU "
          f"{result['save_cpu_ms']:.0f}; first {edge} {result['save_ms_first']:.0f}, last "
          f"{edge} {result['save_ms_last']:.0f})", flush=True)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="papers to generate")
    parser.add_argument("--quick", action="store_true", help="200 papers")
    parser.add_argument("--workers", default="1,2,4", help="dask worker processes, e.g. 1,2,4")
    parser.add_argument("--writers", default="client,workers", help="client, workers or both")
    parser.add_argument("--pg", default=os.environ.get(PG_ENV),
                        help=f"a PostgreSQL server's URL (default ${PG_ENV})")
    parser.add_argument("--no-probe", action="store_true", help="skip the per-file costs")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    count = 200 if args.quick else args.files
    workers = [int(n) for n in args.workers.split(",")]
    writers = args.writers.split(",")
    _subreaper()
    print(f"load average before: {load()} on {os.cpu_count()} cores (shared with other "
          "work: figures move with the load)", flush=True)
    figures: dict = {"files": count, "load_before": load(), "runs": [], "probes": []}
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as name:
        tmp = Path(name)
        folder = many_papers(tmp / "papers", count)
        print(f"{count} generated papers (20 bodies, one in ten a one-page PDF), "
              f"{sum(f.stat().st_size for f in folder.iterdir()) // count} bytes each on "
              "average", flush=True)
        kinds = [("sqlite", None)] + ([("pg", args.pg)] if args.pg else [])
        for kind, server in kinds:
            stores = Stores(kind, tmp, server)
            try:
                print(f"\n{kind} (an empty migrated store: {stores.empty} bytes)", flush=True)
                figures["runs"] += bench_runs(folder, count, stores, workers, writers)
                if not args.no_probe:
                    figures["probes"].append(probe(folder, stores))
            finally:
                stores.drop()
    figures["load_after"] = load()
    print(f"\nload average after: {load()}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Time (and optionally profile) saving pickled Extractions into a fresh SQLite store.

    python scripts/bench_save.py extract DIR OUT.pkl      # read every file once, pickle
    python scripts/bench_save.py save OUT.pkl DB [--profile FILE] [--dump JSON]

The save runs in its own process over the records in file order, so the ids it gives
rows are the same from run to run and `--dump` (every table, rows sorted) can be compared
before and after a change to the store's code.
"""
from __future__ import annotations

import cProfile
import datetime as dt
import json
import pickle
import sys
import time
from pathlib import Path

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_VOLATILE = ("token", "rules")


def extract_all(folder: str, out: str) -> None:
    from boardpapers.batch import extract_here, find_files
    records = [(p.name, extract_here(p)) for p in find_files([Path(folder)])]
    Path(out).write_bytes(pickle.dumps(records))
    print(f"{len(records)} records -> {out}")


def save_all(pkl: str, db_path: str, profile: str | None, dump: str | None) -> None:
    from sqlalchemy import create_engine, inspect, text

    from store import open_session
    from store.save import save_extraction
    records = pickle.loads(Path(pkl).read_bytes())
    Path(db_path).unlink(missing_ok=True)
    url = f"sqlite:///{db_path}"
    session = open_session(url)
    prof = cProfile.Profile() if profile else None
    times = []
    for name, x in records:
        if not x.source.sha256:  # unreadable: the batch stores nothing for it either
            print(f"  skipped (not read): {name}")
            continue
        t0 = time.process_time()
        if prof:
            prof.enable()
        save_extraction(session, x, now=NOW, reader="bench", seen_as=name)
        if prof:
            prof.disable()
        times.append((time.process_time() - t0, name))
    session.close()
    total = sum(t for t, _ in times)
    print(f"saved {len(times)} files: {total:.2f} s CPU, {total / len(times):.3f} s/file")
    for t, name in sorted(times, reverse=True)[:5]:
        print(f"  {t:6.3f} s  {name}")
    if prof:
        prof.dump_stats(profile)
    if dump:
        engine = create_engine(url)
        out = {}
        with engine.connect() as conn:
            for table in sorted(inspect(engine).get_table_names()):
                result = conn.execute(text(f'SELECT * FROM "{table}"'))  # noqa: S608 (names from the schema)
                # The snapshot's token is random by design, and its rules a hash of the
                # carry's source (store/mapping.py included), so it changes with the code;
                # its pickled state is the same from run to run under one PYTHONHASHSEED.
                rows = [[f"<{k}>" if k in _VOLATILE and table == "carry_snapshots" else repr(v)
                         for k, v in zip(result.keys(), r, strict=True)] for r in result]
                out[table] = sorted(rows)
        Path(dump).write_text(json.dumps(out, indent=0, sort_keys=True))
        print(f"dump -> {dump} ({sum(len(v) for v in out.values())} rows)")


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "extract":
        extract_all(*args)
    else:
        opts = dict(zip(args[2::2], args[3::2], strict=False))
        save_all(args[0], args[1], opts.get("--profile"), opts.get("--dump"))

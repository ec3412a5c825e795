#!/usr/bin/env python3
"""Benchmark the store at scale: the by-person query and the action log in every format.
Figures, not a timed test.

    python scripts/bench_store.py [--actions 100000] [--meetings 5000] [--db URL [--reuse]]
                                  [--no-log]

Generates a store (default: a temporary SQLite file) holding the given number of actions
spread over the given number of meetings of 50 bodies, each body with 40 people who own the
actions (one or two owners each), then
- times `store.queries.outstanding_actions` for one person, by name, over repeated runs,
  and reports the median and the slowest;
- writes the whole action log in every format, each in a fresh process (as `boardpapers
  log` does: `store.action_stream.stream_actions` → `reports.action_log_report` →
  `reports.formats.write_report`), and reports each process's CPU seconds and peak RSS
  (`resource.getrusage`, imports included) beside two yardsticks measured in the same run,
  as ratios: the start-up of a process importing the same libraries, and reading the same
  rows from the store without writing them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from store import schema as db  # noqa: E402
from store.db import open_session  # noqa: E402
from store.names import name_key  # noqa: E402
from store.carry import refresh  # noqa: E402
from store.queries import outstanding_actions  # noqa: E402

BODIES = 50
PEOPLE_PER_BODY = 40
FIRST = ["Sue", "Ian", "Kate", "Sam", "Maria", "Andy", "Debbie", "Robert", "Angela", "Chris"]
LAST = ["Prynn", "Brown", "Baggaley", "Gorton", "Lewis", "Smith", "Ross", "Ruston", "Epps",
        "Greenwood"]


def generate(url: str, n_actions: int, n_meetings: int) -> str:
    """Fill the store; return the name of one person to query."""
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with open_session(url) as s:
        s.execute(insert(db.Organisation), [{"id": 1, "name": "Bench County Council",
                                             "name_key": "bench county council"}])
        s.execute(insert(db.Body), [{"id": b + 1, "organisation_id": 1, "name": f"Board {b}",
                                     "name_key": f"board {b}"} for b in range(BODIES)])
        s.execute(insert(db.Document), [{"id": 1, "sha256": "0" * 64, "file_name": "bench.pdf",
                                         "format": "pdf", "pages": 1, "status": "ok",
                                         "problems": None, "ingested_at": now}])
        people = []
        for b in range(BODIES):
            for p in range(PEOPLE_PER_BODY):  # 10 first names × 4 surnames: unique per body
                tag = "".join(chr(ord("a") + int(d)) for d in str(b))  # 12 -> "bc"
                first, last = FIRST[p % 10], f"{LAST[p // 10]}{tag}"
                name = f"{first} {last}"
                people.append({"id": b * PEOPLE_PER_BODY + p + 1, "body_id": b + 1,
                               "name": name, "name_key": name_key(name),
                               "surname_key": name_key(last)})
        s.execute(insert(db.Person), people)
        start = dt.date(2016, 1, 1)
        s.execute(insert(db.Meeting), [
            {"id": m + 1, "body_id": m % BODIES + 1, "date": start + dt.timedelta(days=m // 2),
             "record": "minutes", "venue": None, "start_time": None}
            for m in range(n_meetings)])
        actions, owners = [], []
        for a in range(n_actions):
            meeting = a % n_meetings
            body = meeting % BODIES
            actions.append({"id": a + 1, "meeting_id": meeting + 1, "document_id": 1,
                            "page": 1, "block": a, "extractor": "bench", "item": None,
                            "text": f"Report back on item {a}", "due": None,
                            "due_text": None, "status": "open" if a % 3 else "closed",
                            "status_text": None, "ref": None, "update": None,
                            "owner_text": None})
            for k in range(1 + a % 2):
                turn = a // n_meetings  # the meeting's own running number of actions
                person = body * PEOPLE_PER_BODY + (turn * 7 + k * 13) % PEOPLE_PER_BODY + 1
                name = people[person - 1]["name"]
                owners.append({"action_id": a + 1, "position": k, "kind": "person",
                               "person_id": person, "text": name, "text_key": name_key(name)})
        for chunk in range(0, len(actions), 20000):
            s.execute(insert(db.Action), actions[chunk:chunk + 20000])
        for chunk in range(0, len(owners), 20000):
            s.execute(insert(db.ActionOwner), owners[chunk:chunk + 20000])
        s.commit()
        # the action log and queries read actions through their carry-forward threads
        refresh(s, range(1, BODIES + 1))
        s.commit()
        return owners[1]["text"]  # an owner of an open action


TODAY = dt.date(2026, 11, 23)
LOG_FORMATS = ("md", "csv", "json", "txt", "html", "xlsx", "docx")


def _usage() -> dict[str, float]:
    """This process's CPU seconds and peak memory so far (MiB).

    The peak is /proc/self/status VmHWM where there is one: on Linux getrusage's
    ru_maxrss survives fork and exec, so a child of this (big) generating process would
    report the parent's peak as its own."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    rss = ru.ru_maxrss / 1024  # Linux reports KiB
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return {"cpu": ru.ru_utime + ru.ru_stime, "rss": rss}


def _actions_in(url: str) -> int:
    from sqlalchemy import func, select

    with open_session(url) as s:
        return s.scalar(select(func.count()).select_from(db.Action)) or 0


def busiest_owner(url: str) -> str:
    """The person owning the most open actions: the by-person query's hardest case."""
    from sqlalchemy import func, select

    with open_session(url) as s:
        t, o = db.ActionThread, db.ActionOwner
        return s.execute(
            select(db.Person.name).join(o, o.person_id == db.Person.id)
            .join(t, t.owner_action_id == o.action_id).where(t.status == "open")
            .group_by(db.Person.id, db.Person.name).order_by(func.count().desc()).limit(1)
        ).scalar_one()


def child(task: str, url: str, out: str) -> int:
    """One measured job in this fresh process; prints its usage as JSON."""
    # the libraries every job imports, so the start-up yardstick is like for like
    import docx  # noqa: F401
    import openpyxl  # noqa: F401

    from reports import action_log_report, write_report
    from store.action_stream import stream_actions

    rows = 0
    if task != "startup":
        with open_session(url) as s:
            actions = stream_actions(s, today=TODAY)
            if task == "select":
                rows = sum(1 for _ in actions)
            else:
                report = action_log_report(actions, as_at=TODAY, body=None)
                write_report(report, task, Path(out) / f"log.{task}")  # type: ignore[arg-type]
    print(json.dumps({"task": task, "rows": rows, **_usage()}))
    return 0


def _measure(task: str, url: str, out: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", task, "--db", url,
                           "--out", out], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_log(url: str, out: str) -> None:
    start = _measure("startup", url, out)
    select_ = _measure("select", url, out)
    print(f"yardsticks: start-up (python + openpyxl, docx, reports, store imports) "
          f"{start['cpu']:.2f} s CPU, {start['rss']:.0f} MiB; reading the "
          f"{select_['rows']:,.0f} actions from the store (stream_actions, no writing) "
          f"{select_['cpu']:.2f} s CPU, {select_['rss']:.0f} MiB")
    print(f"{'format':6} {'CPU s':>6} {'× start':>8} {'× read':>7} {'peak MiB':>9} "
          f"{'× start':>8} {'file MiB':>9}")
    for fmt in LOG_FORMATS:
        got = _measure(fmt, url, out)
        size = (Path(out) / f"log.{fmt}").stat().st_size / 2**20
        print(f"{fmt:6} {got['cpu']:6.2f} {got['cpu'] / start['cpu']:8.1f} "
              f"{got['cpu'] / select_['cpu']:7.2f} {got['rss']:9.0f} "
              f"{got['rss'] / start['rss']:8.2f} {size:9.1f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actions", type=int, default=100_000)
    ap.add_argument("--meetings", type=int, default=5_000)
    ap.add_argument("--db", help="SQLAlchemy URL of an EMPTY store (default: temporary SQLite)")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--no-log", action="store_true", help="skip writing the log")
    ap.add_argument("--reuse", action="store_true",
                    help="with --db: use the actions a previous run generated there")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args.child, args.db, args.out)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        t = time.perf_counter()
        if args.reuse and _actions_in(url):
            print(f"using the {_actions_in(url):,} actions already in {url}")
        else:
            generate(url, args.actions, args.meetings)
            print(f"generated {args.actions} actions over {args.meetings} meetings in "
                  f"{time.perf_counter() - t:.1f} s ({url.split(':')[0]})")
        person = busiest_owner(url)
        today = TODAY
        timings, found = [], 0
        with open_session(url) as s:
            for _ in range(args.runs):
                t = time.perf_counter()
                found = len(outstanding_actions(s, today=today, owner=person))
                timings.append((time.perf_counter() - t) * 1000)
                s.expunge_all()
        print(f"outstanding_actions(owner={person!r}): {found} actions; median "
              f"{statistics.median(timings):.1f} ms, slowest {max(timings):.1f} ms over "
              f"{args.runs} runs")
        if not args.no_log:
            bench_log(url, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

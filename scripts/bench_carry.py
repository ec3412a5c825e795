#!/usr/bin/env python3
"""Benchmark the carry-forward's cost per save against the body's history: figures, not a
timed test.

    python scripts/bench_carry.py [N ...]        (default: 12 60 120)

For each N, saves N generated monthly minutes of one body, in date order, into a fresh
SQLite store. Each minutes raises eight invented actions with references ("Jan24.03"),
restates the open ones of the last three meetings with an update, and closes some. The
carry-forward of each save is timed apart from the rest of the save (reading the meeting
into rows, committing), which is the yardstick measured in the same run: the rest of a save
does not grow with history, so carry / rest flat in N means the carry-forward does not
either. Reported over the last twelve saves of each series, as the store's copy of the
fold state is rewritten every twelve meetings (`store.carry.snapshot.LAG`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from extract.model import Action, Attendee, Evidence, Extraction, Meeting, SourceInfo  # noqa: E402
from store import open_session, save  # noqa: E402
from store import save_extraction  # noqa: E402

SUBJECTS = ["the footpath signs", "the play area fence", "the bus shelter glass",
            "the grit bin", "the village hall lease", "the notice board", "the drainage ditch",
            "the speed sign data", "the hedge by the school", "the war memorial lettering",
            "the allotment water supply", "the bench on the green"]
VERBS = ["obtain quotes for", "write to the owner about", "report to the county on",
         "arrange repairs to", "check the insurance of", "inspect"]


def minutes(n: int) -> Extraction:
    """The n-th monthly minutes: new actions, plus the recent open ones restated."""
    date = dt.date(2015, 1, 12) + dt.timedelta(days=round(30.44 * n))
    ev = Evidence(page=2, block=1, extractor="bench")
    actions = []
    for back in (3, 2, 1):  # restate the actions of the last three meetings
        if n - back < 0:
            continue
        for k in range(8):
            if (k + back) % 4 == 0:
                continue  # closed earlier, no longer printed
            done = back == 3 and k % 2 == 0
            actions.append(Action("2", _text(n - back, k), owners=["Ann Clerk"],
                                  ref=_ref(n - back, k),
                                  update="Completed" if done else "In hand", evidence=ev))
    actions += [Action("5", _text(n, k), owners=["Ann Clerk"], ref=_ref(n, k), evidence=ev)
                for k in range(8)]
    meeting = Meeting(body="Bench Parish Council", organisation="Bench Parish Council",
                      date=date, record="minutes", pages=(1, 3),
                      attendees=[Attendee("Ann Clerk", category="officer", evidence=ev)],
                      actions=actions)
    name = f"minutes-{date}.pdf"
    return Extraction(SourceInfo(name, hashlib.sha256(repr(meeting).encode()).hexdigest(),
                                 "pdf", 3), meetings=[meeting])


def _ref(n: int, k: int) -> str:
    return f"M{n:03d}.{k + 1:02d}"


def _text(n: int, k: int) -> str:
    return f"Clerk to {VERBS[(n + k) % len(VERBS)]} {SUBJECTS[(n * 3 + k) % len(SUBJECTS)]} ({n}/{k})"


def series(n: int, fresh: bool = False) -> tuple[list[float], list[float], int]:
    """Carry-forward and rest-of-save seconds (CPU) of each of n saves, and the size of the
    stored fold state after them. `fresh`: each save as if by a new process (the fold
    state read from the store, not kept in memory)."""
    carry_s: list[float] = []
    inner = save.carry_forward

    def timed(session, result):  # type: ignore[no-untyped-def]
        t = time.process_time()
        inner(session, result)
        carry_s.append(time.process_time() - t)

    save.carry_forward = timed
    try:  # the process's copy of each body's fold state, when the store keeps one
        from store.carry.snapshot import _KEPT as kept
    except ImportError:
        kept = None
    total: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            with open_session(f"sqlite:///{tmp}/bench.sqlite") as s:
                for i in range(n):
                    x = minutes(i)
                    if fresh and kept is not None:
                        kept.clear()
                    t = time.process_time()
                    save_extraction(s, x, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
                    total.append(time.process_time() - t)
                from store import schema as db
                blob = s.scalars(select(db.CarrySnapshot.state)).first()
    finally:
        save.carry_forward = inner
    return carry_s, [t - c for t, c in zip(total, carry_s, strict=True)], len(blob or b"")


def main(argv: list[str]) -> int:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, metavar="N",
                        help="meetings per series (default: 12 60 120)")
    sizes = parser.parse_args(argv).sizes or [12, 60, 120]
    print("carry-forward CPU per save over the last 12 saves of each series, and the rest of")
    print("the save (the yardstick); 'new process' reads the fold state from the store each save")
    print("meetings  carry median ms  mean ms  rest ms  carry/rest (mean)  new process: "
          "median ms  mean ms  /rest (mean)  state KB")
    for n in sizes:
        carry_s, rest, _ = series(n)
        fresh_s, fresh_rest, state = series(n, fresh=True)
        c, m, r = (statistics.median(carry_s[-12:]), statistics.mean(carry_s[-12:]),
                   statistics.median(rest[-12:]))
        fm, f = statistics.median(fresh_s[-12:]), statistics.mean(fresh_s[-12:])
        print(f"{n:8d}  {1000 * c:15.1f}  {1000 * m:7.1f}  {1000 * r:7.1f}  {m / r:17.2f}"
              f"  {1000 * fm:23.1f}  {1000 * f:7.1f}  "
              f"{f / statistics.median(fresh_rest[-12:]):12.2f}  {state / 1024:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

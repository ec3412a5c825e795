"""Measure the carry-forward (store/carry) against a ground truth read by hand.

    python scripts/carry_score.py            # load the series meeting by meeting (~20 s)
    python scripts/carry_score.py --db sqlite:////tmp/DB.sqlite [--json]

The truth (tests/fixtures/carry/souldern-series.json, format boardpapers/carry-truth@1) lists
every action the minutes raised, with its raising meeting, printed reference, key words,
later mentions and closure. Without --db the series is loaded into a temporary store one
meeting at a time, in date order, and the open list is scored after each (what the clerk
would read out then); with --db the given store is scored as of the series' last meeting.
Threads are read through `store.queries.action_log`, and each mention's words from the action
rows its history points at. The measure (scripts/carry_measure.py):

- each thread's raising action is matched to a truth action raised at that meeting (or one
  raised earlier that this meeting speaks of: a late restart is a split) by key words, a
  reference equal to the printed one helping; mentions are matched the same way, so a thread
  holding two truth actions is a wrong merge (an action and the one it `restates` are one);
- open-list precision (listed threads whose action is open then) and recall (open actions the
  extractor found that are listed open), merges, splits, closures found by form and at the
  right meeting, wrong closures.

Stale rule: an action of unknown fate is open until it has been silent for 3 meetings of the
series, then stale. The issue wants these marked for the clerk, never closed silently: marked
stale (`status == "stale"` or a true `stale` on the view) it is left out of precision and
recall; listed open without the mark it counts against precision; closed, it is reported as
closed silently (a wrong closure).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the measure lives beside this file
from carry_measure import (  # noqa: E402  (re-exported: the tests drive the measure here)
    MATCH_AT, ROOT, STALE_MEETINGS, TRUTH, Mention, Report, Thread, Truth, best_truth,
    load_truth, measure, overlap, owner_right, state_at)

__all__ = ["MATCH_AT", "Mention", "Report", "Thread", "Truth", "best_truth", "load_truth",
           "measure", "overlap", "owner_right", "score", "state_at"]


def read_threads(url: str, open_at: dt.date) -> list[Thread]:
    """Every thread of the store as of `open_at`, with the words of each mention."""
    from sqlalchemy import select

    from store import open_session
    from store import schema as db
    from store.queries import action_log

    session = open_session(url)
    views = action_log(session, today=open_at)
    words: dict[int, list[Mention]] = defaultdict(list)
    rows = session.execute(
        select(db.ActionStatus.thread_id, db.ActionStatus.date, db.Action.ref, db.Action.text)
        .join(db.Action, db.ActionStatus.action_id == db.Action.id)
        .where(db.ActionStatus.kind != "raised")
        # A closure by omission cites the thread's own last row at the meeting that left it
        # out: nothing that meeting said, so not a mention to match against its actions.
        .where(db.ActionStatus.rule != "omitted")
        .order_by(db.ActionStatus.thread_id, db.ActionStatus.position))
    for thread_id, date, ref, text in rows:
        words[thread_id].append(Mention(date, ref, text or ""))
    session.close()
    return [Thread(id=v.thread_id, raised_on=v.meeting_date, ref=v.ref, text=v.text,
                   status=v.status, closed_on=v.closed_on,
                   stale=bool(getattr(v, "stale", False)), owners=v.owners,
                   mentions=tuple(words.get(v.thread_id, ())))
            for v in views]


def _meetings(series: dict[str, Any]) -> list[tuple[dt.date, str]]:
    return sorted((dt.date.fromisoformat(m["date"]), m["file"]) for m in series["meetings"])


def rolling(truth: list[Truth], series: dict[str, Any], url: str) -> tuple[Report, dict]:
    """Load the series meeting by meeting, as a clerk's store grows, and score the open list
    after each: what the clerk would have read out at that meeting. Returns the report at
    the last meeting and the open list's precision/recall summed over every meeting."""
    from boardpapers import batch
    from store import open_session

    folder = (ROOT / series["location"].split(" ")[0]).resolve()
    dates = [d for d, _ in _meetings(series)]
    session = open_session(url)
    sums: Counter[str] = Counter()
    per_meeting = []
    rep = None
    for day, name in _meetings(series):
        for outcome in batch.run(session, [folder / name]):
            if outcome.status == "failed":
                print(f"warning: {name} failed to read", file=sys.stderr)
        rep = measure(truth, read_threads(url, day), day, dates)
        c = rep.counts
        sums.update(tp=c["tp"], owner_right=c["open_owner_right"], listed=c["listed_counted"], recalled=c["recalled"],
                    open_found=c["truth_open_found"], stale_listed_open=c["stale_truth"].get(
                        "listed open, not stale", 0))
        per_meeting.append({"date": day.isoformat(), "listed": c["listed_counted"],
                            "precision": c["open_precision"], "recall": c["open_recall"]})
    session.close()
    summary = {
        "meetings": len(per_meeting),
        "open_precision": round(sums["tp"] / sums["listed"], 3) if sums["listed"] else None,
        "open_recall": (round(sums["recalled"] / sums["open_found"], 3)
                        if sums["open_found"] else None),
        "owner_right": (round(sums["owner_right"] / sums["tp"], 3) if sums["tp"] else None),
        "listed": sums["listed"], "stale_listed_open": sums["stale_listed_open"],
        "per_meeting": per_meeting}
    assert rep is not None
    return rep, summary


def score(db: str | None = None, truth_path: Path = TRUTH) -> tuple[Report, dict | None]:
    """The report at the series' last meeting, and (without `db`) the rolling summary."""
    truth, series = load_truth(truth_path)
    open_at = dt.date.fromisoformat(series["open_at"])
    dates = [d for d, _ in _meetings(series)]
    if db:
        return measure(truth, read_threads(db, open_at), open_at, dates), None
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'series.sqlite'}"
        try:
            return rolling(truth, series, url)
        finally:
            from store import db as store_db
            store_db.dispose_all()


def _print(rep: Report, roll: dict | None) -> None:
    c = rep.counts
    print(f"open at {rep.open_at}: {c['threads']} threads, {c['truth_actions']} truth actions "
          f"({c['truth_found']} found by the extractor, {c['threads_unmatched']} threads match "
          "none)")
    print(f"open list: {c['open_listed']} listed ({c['open_listed_stale_left_out']} stale, left "
          f"out), precision {c['open_precision']}, recall {c['open_recall']} "
          f"({c['truth_open_found']} of {c['truth_open']} truth-open actions found)")
    if roll:
        print(f"rolling, after each of {roll['meetings']} meetings: precision "
              f"{roll['open_precision']}, recall {roll['open_recall']} over {roll['listed']} "
              f"listed rows ({roll['stale_listed_open']} of them silent actions not marked stale)"
              f"; owner right on {roll['owner_right']} of the right rows")
    print(f"merged threads {c['merged_threads']}, split actions {c['split_actions']}")
    print(f"closures found {c['closures_found']}/{c['closures_of_found']} of found actions "
          f"({c['closures_truth']} in truth), at the right meeting {c['closures_right_meeting']}"
          f" (at another {c['closures_other_meeting']}, {c['closures_early']} of them early)"
          f"; wrong closures (open or silent actions closed) {c['wrong_closures']}")
    print("closures by form (found/total):", ", ".join(
        f"{k} {v}" for k, v in c["closures_by_form"].items()))
    print(f"silent {STALE_MEETINGS}+ meetings (stale rule: marked stale, left out; listed open "
          "unmarked, counted wrong; closed, closed silently):",
          ", ".join(f"{k} {v}" for k, v in c["stale_truth"].items()))
    for name, items in rep.lists.items():
        if items:
            print(f"\n{name} ({len(items)}):")
            for line in items:
                print("  " + line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="a store URL already holding the series (else the series is "
                    "loaded meeting by meeting into a temporary store)")
    ap.add_argument("--truth", type=Path, default=TRUTH)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    rep, roll = score(args.db, args.truth)
    if args.json:
        print(json.dumps({"open_at": rep.open_at, **rep.counts, "rolling": roll,
                          "lists": rep.lists}, indent=1))
    else:
        _print(rep, roll)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())

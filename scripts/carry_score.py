"""Measure the carry-forward (store/carry) against a ground truth read by hand.

    python scripts/carry_score.py                    # run the series into a temporary store
    python scripts/carry_score.py --db sqlite:////tmp/DB.sqlite [--json]

The truth (tests/fixtures/carry/souldern-series.json, format boardpapers/carry-truth@1) lists
every action the minutes raised, with its raising meeting, printed reference, key words,
later mentions and closure. This script reads the store's threads back through
`store.queries.action_log` (as of the truth's `open_at`, the series' last meeting) and the
words of each mention (the action rows its history points at), then:

- matches each thread's raising action to a truth action: raised at the same meeting (or a
  truth action raised earlier that this meeting speaks of: a late restart is a split), by
  key-word overlap with the action's words, a reference equal to the printed one helping;
- matches each mention's words the same way, so a thread holding two truth actions (a reused
  reference, a wording match to an old thread) is a wrong merge; an action and the one it
  `restates` count as one;
- reports the open list's precision and recall, merges, splits, closures found (and at the
  right meeting), wrong closures, and how actions of unknown fate are treated.

Unknown fate (never mentioned again, never closed): the issue wants these marked stale for the
clerk, never closed silently. A thread marked stale (`status == "stale"` or a true `stale`
attribute on the view) is left out of precision and recall; listed open without the mark it
counts against precision (the clerk reads it as outstanding with no warning); closed, it is
reported as closed silently.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT / "tests" / "fixtures" / "carry" / "souldern-series.json"
MATCH_AT = 0.5  # a key-word share (plus the reference bonus) below this matches nothing
REF_BONUS = 0.5  # the printed reference is strong evidence but clerks reuse them
SAME_MEETING_BONUS = 0.25  # prefer the action raised at this meeting over an older one


@dataclass(frozen=True)
class Truth:
    id: str
    raised: dt.date
    ref: str | None
    key_words: tuple[str, ...]
    fate: str  # closed / open / unknown
    closed: dt.date | None
    closed_how: str | None
    also_accept: frozenset[dt.date]
    spoken_on: frozenset[dt.date]  # meetings that mention or close it
    restates: str | None = None


@dataclass(frozen=True)
class Mention:
    date: dt.date | None
    ref: str | None
    text: str


@dataclass(frozen=True)
class Thread:
    id: int
    raised_on: dt.date | None
    ref: str | None
    text: str
    status: str  # open / closed (/ stale, if the store marks it so)
    closed_on: dt.date | None = None
    stale: bool = False
    owners: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass
class Report:
    open_at: str
    counts: dict[str, Any] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def load_truth(path: Path = TRUTH) -> tuple[list[Truth], dict[str, Any]]:
    doc = json.loads(path.read_text())
    if doc.get("format") != "boardpapers/carry-truth@1":
        raise SystemExit(f"{path}: not a boardpapers/carry-truth@1 file")
    out = []
    for a in doc["actions"]:
        c = a.get("closure") or {}
        spoken = {_date(m["date"]) for m in a.get("mentions", ())}
        if c:
            spoken.add(_date(c["date"]))
        out.append(Truth(
            id=a["id"], raised=_date(a["raised"]), ref=a.get("ref"),  # type: ignore[arg-type]
            key_words=tuple(a["key_words"]), fate=a["fate"], closed=_date(c.get("date")),
            closed_how=c.get("how"), also_accept=frozenset(map(_date, c.get("also_accept", ()))),
            spoken_on=frozenset(d for d in spoken if d), restates=a.get("restates")))
    return out, doc["series"]


GLUED = 16  # a "word" this long is several words PDF spacing glued together
_SUFFIXES = ("", "s", "es", "d", "ed", "ing")


def _squash(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def _has(key: str, words: set[str], glued: list[str]) -> bool:
    """A key word is in the text as a word (give or take an inflexion: 'poster' is not
    'post'), or inside a glued run ('AStoaction20mphlimit' holds '20mph')."""
    stem = key[:-1] if key.endswith("s") and len(key) > 3 else key
    if any(stem + end in words for end in _SUFFIXES):
        return True
    return any(key in run for run in glued)


def overlap(key_words: tuple[str, ...], text: str) -> float:
    """The share of the key words found in the text."""
    words = set(re.findall(r"[a-z0-9]+", (text or "").lower()))
    glued = [w for w in words if len(w) >= GLUED]
    keys = [k for k in (_squash(w) for w in key_words) if k]
    return sum(_has(k, words, glued) for k in keys) / len(keys) if keys else 0.0


def _score(t: Truth, ref: str | None, text: str) -> float:
    s = overlap(t.key_words, text)
    if ref and t.ref and _squash(ref) == _squash(t.ref):
        s += REF_BONUS
    return s


def best_truth(truth: list[Truth], date: dt.date | None, ref: str | None, text: str
               ) -> Truth | None:
    """The truth action these words at this meeting speak of: one raised here, or one raised
    earlier that this meeting mentions or closes; None under `MATCH_AT`. Words and reference
    score; one raised at this meeting gets `SAME_MEETING_BONUS` (a narrative line restating a
    row keeps few of its words), so an older action needs the stronger evidence."""
    if date is None:
        return None
    best: tuple[float, float, dt.date, str] | None = None
    found = None
    for t in truth:
        if not (t.raised == date or (t.raised < date and date in t.spoken_on)):
            continue
        here = base = _score(t, ref, text)
        if t.raised == date:
            here += SAME_MEETING_BONUS
        if here < MATCH_AT:
            continue
        rank = (base, here, t.raised, t.id)  # the words decide; the meeting breaks ties
        if best is None or rank > best:
            best, found = rank, t
    return found


STALE_MEETINGS = 3  # the issue: silent for "several meetings of its body" -> stale


def state_at(t: Truth, day: dt.date, meetings: list[dt.date]) -> str:
    """What the truth says of `t` at meeting `day`: not-yet / open / closed / stale. An action
    of unknown fate is open until it has been silent for `STALE_MEETINGS` meetings of the
    series, then stale: the clerk should be asked about it, not told it is done."""
    if t.raised > day:
        return "not-yet"
    if t.closed and t.closed <= day:
        return "closed"
    if t.fate != "unknown":
        return "open"
    last = max([t.raised, *(d for d in t.spoken_on if d <= day)])
    silent = sum(1 for m in meetings if last < m <= day)
    return "stale" if silent >= STALE_MEETINGS else "open"


def _root(t: Truth, by_id: dict[str, Truth]) -> str:
    seen = set()
    while t.restates and t.restates in by_id and t.id not in seen:
        seen.add(t.id)
        t = by_id[t.restates]
    return t.id


def _listed_stale(th: Thread) -> bool:
    return th.stale or th.status == "stale"


def _name(th: Thread) -> str:
    return f"thread {th.id} {th.raised_on} {th.ref or '-'} {th.text[:60]!r}"


def measure(truth: list[Truth], threads: list[Thread], open_at: dt.date,
            meetings: list[dt.date] | None = None) -> Report:
    """The scores of a store's threads as of meeting `open_at` (`meetings`: the series'
    meeting dates, for staleness)."""
    meetings = meetings if meetings is not None else sorted({t.raised for t in truth})
    by_id = {t.id: t for t in truth}
    rep = Report(open_at=open_at.isoformat())
    raising = {th.id: best_truth(truth, th.raised_on, th.ref, th.text) for th in threads}
    threads_of: dict[str, list[Thread]] = defaultdict(list)
    for th in sorted(threads, key=lambda x: (x.raised_on or dt.date.max, x.id)):
        if raising[th.id]:
            threads_of[raising[th.id].id].append(th)  # type: ignore[union-attr]

    # merges: the truth actions (restatements collapsed) a thread's raising and mentions hold
    merged = []
    for th in threads:
        held = {_root(t, by_id) for t in [raising[th.id]] if t}
        held |= {_root(t, by_id) for m in th.mentions
                 if (t := best_truth(truth, m.date, m.ref, m.text))}
        if len(held) > 1:
            merged.append(f"{_name(th)} holds {sorted(held)}")
    split = [f"{tid}: threads {[th.id for th in ths]}" for tid, ths in threads_of.items()
             if len(ths) > 1]

    # the open list: each listed thread against what the truth says at `open_at`
    tp, wrong, stale_out, counted = 0, [], 0, 0
    primary = {ths[0].id for ths in threads_of.values()}
    state = {t.id: state_at(t, open_at, meetings) for t in truth}
    for th in threads:
        if th.status == "closed":
            continue
        t = raising[th.id]
        if _listed_stale(th) and (t is None or state[t.id] == "stale"):
            stale_out += 1
            continue
        counted += 1
        if t and state[t.id] == "open" and th.id in primary:
            tp += 1
        elif t is None:
            wrong.append(f"{_name(th)}: matches no truth action")
        elif th.id not in primary:
            wrong.append(f"{_name(th)}: a second thread of {t.id}")
        elif state[t.id] == "closed":
            wrong.append(f"{_name(th)}: {t.id} closed {t.closed} ({t.closed_how})")
        else:
            wrong.append(f"{_name(th)}: {t.id} silent {STALE_MEETINGS}+ meetings, not marked "
                         "stale")
    found = {tid for tid in threads_of}
    truth_open = [t for t in truth if state[t.id] == "open"]
    open_found = [t for t in truth_open if t.id in found]
    recalled = [t for t in open_found if any(th.status != "closed" for th in threads_of[t.id])]
    missed_open = [f"{t.id}: listed closed" for t in open_found if t not in recalled]
    missed_open += [f"{t.id}: not found by the extractor" for t in truth_open if t.id not in found]

    # closures
    closures = [t for t in truth if state[t.id] == "closed"]
    cl_found, cl_right, by_how, by_how_found = 0, 0, Counter(), Counter()
    missed_closures, wrong_closures = [], []
    for t in closures:
        by_how[t.closed_how] += 1
        ths = threads_of.get(t.id)
        if not ths:
            continue
        th = ths[0]
        if th.status == "closed":
            cl_found += 1
            by_how_found[t.closed_how] += 1
            if th.closed_on == t.closed or th.closed_on in t.also_accept:
                cl_right += 1
            else:
                wrong_closures.append(f"{_name(th)}: closed {th.closed_on}, truth {t.id} "
                                      f"closed {t.closed} ({t.closed_how})")
        else:
            missed_closures.append(f"{t.id} closed {t.closed} by {t.closed_how}: "
                                   f"{'stale' if _listed_stale(th) else 'listed open'}")
    unknown = [t for t in truth if state[t.id] == "stale"]
    unk = Counter()
    for t in unknown:
        ths = threads_of.get(t.id)
        if not ths:
            unk["not found"] += 1
        elif ths[0].status == "closed":
            unk["closed silently"] += 1
            wrong_closures.append(f"{_name(ths[0])}: {t.id} silent, closed without a word")
        else:
            unk["listed stale" if _listed_stale(ths[0]) else "listed open, not stale"] += 1
    for t in truth_open:
        for th in threads_of.get(t.id, [])[:1]:
            if th.status == "closed":
                wrong_closures.append(f"{_name(th)}: {t.id} is open at {open_at}")

    listed = counted
    rep.counts = {
        "threads": len(threads), "truth_actions": len(truth),
        "truth_found": len(found), "threads_unmatched": sum(1 for v in raising.values() if not v),
        "open_listed": listed + stale_out, "open_listed_stale_left_out": stale_out,
        "open_precision": round(tp / listed, 3) if listed else None,
        "truth_open": len(truth_open), "truth_open_found": len(open_found),
        "open_recall": round(len(recalled) / len(open_found), 3) if open_found else None,
        "merged_threads": len(merged), "split_actions": len(split),
        "closures_truth": len(closures),
        "closures_of_found": sum(1 for t in closures if t.id in found),
        "closures_found": cl_found, "closures_right_meeting": cl_right,
        "closures_by_form": {h: f"{by_how_found[h]}/{n}" for h, n in sorted(by_how.items())},
        "wrong_closures": len(wrong_closures),
        "stale_truth": {"total": len(unknown), **dict(sorted(unk.items()))},
        "tp": tp, "listed_counted": listed, "recalled": len(recalled),
    }
    rep.lists = {"open_list_wrong": wrong, "open_missed": missed_open, "merged": merged,
                 "split": split, "closures_missed": missed_closures,
                 "wrong_closures": wrong_closures}
    return rep


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
        sums.update(tp=c["tp"], listed=c["listed_counted"], recalled=c["recalled"],
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
              f"listed rows ({roll['stale_listed_open']} of them silent actions not marked stale)")
    print(f"merged threads {c['merged_threads']}, split actions {c['split_actions']}")
    print(f"closures found {c['closures_found']}/{c['closures_of_found']} of found actions "
          f"({c['closures_truth']} in truth), at the right meeting {c['closures_right_meeting']}"
          f"; wrong closures {c['wrong_closures']}")
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

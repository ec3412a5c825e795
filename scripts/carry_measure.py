"""The measure behind scripts/carry_score.py, apart from any store: the truth's records, the
matcher (a store's words to a truth action) and the scores of a list of threads at a meeting.

Pure functions over small records, so tests can drive them with invented threads.
"""
from __future__ import annotations

import datetime as dt
import json
import re
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
    owners: tuple[str, ...] = ()  # who it is, by reading ("Cathy Fleet", "Clerk")


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
            spoken_on=frozenset(d for d in spoken if d), restates=a.get("restates"),
            owners=tuple(a.get("owners", ()))))
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


def owner_right(t: Truth, th: Thread) -> bool:
    """The thread names one of the truth's owners: the same name, surname or role word; for
    a task the minutes gave nobody, that it names nobody."""
    if not t.owners:
        return not th.owners
    mine = {o.lower().split()[-1] for o in th.owners if o.split()}
    return any(o.lower().split()[-1] in mine for o in t.owners if o.split())


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
    tp, owned, wrong, stale_out, counted = 0, 0, [], 0, 0
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
            owned += owner_right(t, th)
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
    missed_closures, wrong_closures, partly = [], [], 0
    # closed, but at another meeting than the truth's: early ones left the clerk's list
    # while still open (the rolling recall counts that), late ones stayed on it too long
    elsewhere: list[str] = []
    early = 0
    for t in closures:
        by_how[t.closed_how] += 1
        ths = threads_of.get(t.id)
        if not ths:
            continue
        # found when none of its threads is left open: a split row still open keeps it on
        # the clerk's list; at the right meeting when the last of them closed then
        still = [th for th in ths if th.status != "closed"]
        if not still:
            cl_found += 1
            by_how_found[t.closed_how] += 1
            last = max(ths, key=lambda th: th.closed_on or dt.date.min)
            if last.closed_on == t.closed or last.closed_on in t.also_accept:
                cl_right += 1
            else:
                when = "early" if (last.closed_on or dt.date.max) < t.closed else "late"
                early += when == "early"
                elsewhere.append(f"{_name(last)}: closed {last.closed_on} ({when}), truth "
                                 f"{t.id} closed {t.closed} ({t.closed_how})")
        else:
            why = "stale" if all(_listed_stale(th) for th in still) else "listed open"
            if len(still) < len(ths):
                partly += 1
                why += f" on {len(still)} of its {len(ths)} threads"
            missed_closures.append(f"{t.id} closed {t.closed} by {t.closed_how}: {why}")
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
        "closures_left_open_by_a_split": partly,
        "closures_by_form": {h: f"{by_how_found[h]}/{n}" for h, n in sorted(by_how.items())},
        "closures_other_meeting": len(elsewhere), "closures_early": early,
        "wrong_closures": len(wrong_closures),
        "stale_truth": {"total": len(unknown), **dict(sorted(unk.items()))},
        "tp": tp, "listed_counted": listed, "recalled": len(recalled),
        "open_owner_right": owned,  # of the tp rows: the owner the clerk would read is right
    }
    rep.lists = {"open_list_wrong": wrong, "open_missed": missed_open, "merged": merged,
                 "split": split, "closures_missed": missed_closures,
                 "closures_other_meeting": elsewhere, "wrong_closures": wrong_closures}
    return rep

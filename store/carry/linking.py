"""Linking: which earlier thread each action, RAG row and matters-arising note of a
later meeting speaks to, by the rules in the package docstring (ref, then text, then the
update column; notes by the references they name or the words they contain)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from ..mapping import done_pairs, normal_text, singular, words
from . import closing
from . import same_meeting
from .said import (
    BARE_REF_OVERLAP,
    CONTAINS,
    NEAR_WORDS,
    REF_TEXT_WORDS,
    STRONG_CONTAINS,
    Said,
    Thread,
    WordIndex,
    bare_ref,
    near_identical,
    overlap,
    ref_key,
    same_subject,
    wording_bar,
    words_overlap,
)
from .timeline import Timeline


# A closed thread no paper of its body has spoken of at this many meetings is cold: only a
# reference can reach it (wording, containment and the closure rules look at open threads),
# so the fold's state keeps only its references, and the state a save reads and writes
# stays the size of the body's recent business.
COLD_AFTER = 6


class ColdHit(Exception):
    """A reference reached a cold thread: the fold must be redone from the start, where
    every thread is whole (`rebuild.resume_body` falls back to the full rebuild)."""


class _Pool:
    """Threads raised at earlier meetings, indexed for matching: the whole state of the
    fold, so `link_actions` can resume from a pickled copy (`snapshot`). Whatever a fold
    step keeps between meetings belongs here, and a thread it changes goes in `touched`
    (the rows to write)."""

    def __init__(self, frequency: dict[str, int]) -> None:
        # The rank of a word's rarity in the indexes below. A resumed fold adds the new
        # words and never re-ranks old ones: the indexes find every candidate under any
        # fixed ranking, so the matches equal a full rebuild's.
        self.frequency = frequency
        self.threads: list[Thread] = []  # every thread, in the order raised
        self.touched: dict[int, Thread] = {}  # raised or changed by this fold, by id()
        self.by_ref: dict[str, list[Thread]] = {}
        self.by_text: dict[str, list[Thread]] = {}
        # Dice ≥ d means sharing at least d / (2 - d) of either text's words.
        self.similar = WordIndex[Thread](frequency, NEAR_WORDS / (2 - NEAR_WORDS))
        self.contained = WordIndex[Thread](frequency, CONTAINS)
        # Distinctive references as words, by their first word: to find them in free text.
        self.named: dict[str, list[tuple[list[str], Thread]]] = {}
        # The body's dated meetings so far (agenda and minutes of one day count once), and
        # the meeting each thread (by its raising action's id) was last raised or spoken to
        # at: a wording link weakens with the meetings between.
        self.meeting_no = 0
        self.last_date: dt.date | None = None
        self.last_seen: dict[int, int] = {}
        self.closing = closing.Closing.start()  # the closures no row states (`closing`)
        # What is kept of the cold threads (`freeze`): their references and reused-reference
        # flags, no more.
        self.cold_full: set[str] = set()
        self.cold_bare: dict[str, list[tuple[frozenset[str], str]]] = {}
        self.cold_named: dict[str, list[list[str]]] = {}
        self.cold_reused: list[tuple[Said, Said]] = []

    def freeze(self) -> list[int]:
        """Forget the cold threads but for what tells a later reference reached one: out
        of `threads` and every index; their full references in `cold_full` and `cold_named`,
        their bare ones (which only link with agreeing words) with their raising words in
        `cold_bare`; their reused-reference flags in `cold_reused`. A reference that may
        reach one raises `ColdHit` (the full rebuild, where every thread is whole, decides).
        Returns the ids of the facts that raised them."""
        self.closing.trim(COLD_AFTER)
        cold = {id(t): t for t in self.threads
                if t.status == "closed" and t.raised.id in self.last_seen
                and self.since(t) > COLD_AFTER}
        if not cold:
            return []
        self.threads[:] = [t for t in self.threads if id(t) not in cold]
        for t in cold.values():
            for key in t.refs:
                if bare_ref(key):
                    self.cold_bare.setdefault(key, []).append((t.raised.content,
                                                               t.raised.norm))
                else:
                    self.cold_full.add(key)
            self.cold_reused += t.reused
            self.last_seen.pop(t.raised.id, None)
        for lists in (self.by_ref, self.by_text):
            for key in list(lists):
                kept = [t for t in lists[key] if id(t) not in cold]
                if kept:
                    lists[key] = kept
                else:
                    del lists[key]
        for index in (self.similar, self.contained):
            index.drop(lambda t: id(t) in cold)
        for first in list(self.named):
            for written, t in self.named[first]:
                if id(t) in cold and written not in self.cold_named.setdefault(first, []):
                    self.cold_named[first].append(written)
            self.named[first] = [(w, t) for w, t in self.named[first] if id(t) not in cold]
        return [t.raised.id for t in cold.values()]

    def reaches_cold(self, said: Said) -> bool:
        """Whether `said`'s reference may be a cold thread's: any full one, a bare one
        whose words agree (`BARE_REF_OVERLAP`) with one's raising text."""
        key = ref_key(said.ref)
        if not key:
            return False
        if not bare_ref(key):
            return key in self.cold_full
        return any(words_overlap(said.content, said.norm, c, n) >= BARE_REF_OVERLAP
                   for c, n in self.cold_bare.get(key, ()))

    def at(self, date: dt.date | None) -> None:
        """The next dated meeting's facts are about to be linked."""
        if date != self.last_date:
            self.meeting_no += 1
            self.last_date = date

    def seen(self, t: Thread) -> None:
        self.last_seen[t.raised.id] = self.meeting_no

    def since(self, t: Thread) -> int:
        """Meetings of the body since `t` was last raised or spoken to (1: the next)."""
        return self.meeting_no - self.last_seen.get(t.raised.id, self.meeting_no - 1)

    def add(self, t: Thread) -> None:
        self.by_text.setdefault(t.raised.norm, []).append(t)
        self.similar.add(t, t.raised.content, t.raised.numbers)
        self.contained.add(t, t.raised.content)
        self.note_ref(t, t.raised.ref)
        self.seen(t)

    def note_ref(self, t: Thread, ref: str | None) -> None:
        key = ref_key(ref)
        if not key or t in self.by_ref.get(key, []):
            return
        t.refs.add(key)
        self.by_ref.setdefault(key, []).append(t)
        if not bare_ref(key):
            written = words(ref)
            self.named.setdefault(written[0], []).append((written, t))

    def by_reference(self, said: Said) -> Thread | None:
        """The thread whose reference `said` has and whose words agree with it (a bare
        reference by `BARE_REF_OVERLAP`, a full one unless the subjects clearly differ);
        the best agreeing, then the latest, wins."""
        if self.reaches_cold(said):
            raise ColdHit(said.ref)
        key = ref_key(said.ref)
        scored = [(overlap(said, t.raised), n, t)
                  for n, t in enumerate(self.by_ref.get(key, []) if key else [])]
        if bare_ref(key):
            scored = [s for s in scored if s[0] >= BARE_REF_OVERLAP]
        else:
            scored = [s for s in scored if _agrees(said, s[2])]
        return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None

    def reused(self, said: Said) -> Thread | None:
        """The latest thread with `said`'s full reference when none agrees with its words:
        the clerk reused the reference for another action."""
        key = ref_key(said.ref)
        earlier = self.by_ref.get(key, []) if key and not bare_ref(key) else []
        if not earlier or any(_agrees(said, t) for t in earlier):
            return None
        return earlier[-1]

    def by_wording(self, said: Said) -> Thread | None:
        """The open thread worded the same, or nearly so by a bar that rises with the
        meetings since it was last spoken to (`said.wording_bar`)."""
        same = [t for t in self.by_text.get(said.norm, [])
                if t.status == "open" and near_identical(said, t.raised, self.since(t))]
        if same:
            return same[-1]
        near = [t for t in self.similar.candidates(said.content, said.numbers)
                if t.status == "open" and near_identical(said, t.raised, self.since(t))]
        return max(near, key=lambda t: t.raised.rank) if near else None

    def named_in(self, text: str) -> list[Thread]:
        """Threads whose distinctive reference `text` names ("see Sep24.02")."""
        found = words(text)
        out: list[Thread] = []
        for i, word in enumerate(found):
            for written, t in self.named.get(word, []):
                if found[i:i + len(written)] == written and t not in out:
                    out.append(t)
            for written in self.cold_named.get(word, []):
                if found[i:i + len(written)] == written:
                    raise ColdHit(" ".join(written))
        return out

    def reported_done(self, note: Said) -> Thread | None:
        """The one open thread a done-report speaks of by what was done and to whom: "CRT
        re Lifting Bridge. A response to the letter sent …" reports the letter of "… will
        send a letter to CRT …" sent. The thread's task names the thing and the verb
        ("letter", "send") and a name the report gives ("CRT", not an owner's initials)."""
        pairs = done_pairs(note.text) if note.status == "closed" else []
        names = _names(note.text)
        if not pairs or not names:
            return None
        fits = []
        for t in self.contained.candidates(note.content, share=0):
            if t.status != "open" or t.raised.meeting.id == note.meeting.id:
                continue
            text = t.raised.text
            owners = {w.casefold() for w in (t.raised.owner_text or "").split()}
            things = {singular(w) for w in words(text)}
            # the verb of the task ("will send", "to write"), not of a clause reporting
            # what was done before ("a report had been submitted … and will be circulated")
            verbs = {m.group(1)[:4] for m in _TASK_VERB.finditer(text.casefold())}
            if (names & (_names(text) - owners)) and any(
                    thing in things and verb[:4] in verbs for thing, verb in pairs):
                fits.append(t)
        return fits[0] if len(fits) == 1 else None

    def containing(self, note: Said) -> Thread | None:
        """The open thread most of whose words the note contains."""
        best: tuple[float, tuple[Any, ...], Thread] | None = None
        for t in self.contained.candidates(note.content, share=0):
            n = t.raised.rank
            own = t.raised.content
            if t.status != "open" or len(own) < 3 or (
                    note.aside and wording_bar(self.since(t)) > 1):
                continue
            shared = len(own & note.content)
            share = shared / len(own)
            need = STRONG_CONTAINS if note.aside else CONTAINS
            if shared >= 3 and share >= need and (best is None or (share, n) > best[:2]):
                best = (share, n, t)
        return best[2] if best else None


# An acronym or a capitalised word inside a sentence ("CRT", "Lifting Bridge"), not its first.
_NAME = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
_TITLES = frozenset({"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "sir"})
_TASK_VERB = re.compile(r"\b(?:to|will|shall|would|should)\s+(?:be\s+)?([a-z]+)")


def _names(text: str) -> set[str]:
    """Names a text gives a body, a place or a person: capitalised words inside a sentence
    and acronyms ("CRT", "Lifting Bridge"); not a title ("Cllr")."""
    return {m.group(0).casefold() for m in _NAME.finditer(text)} - _TITLES


def _agrees(said: Said, t: Thread) -> bool:
    """Whether `said` can be `t` by its words: the same subject as the text it was raised
    with or any action since that says something (a restatement may reword it step by
    step; a status row agrees with anything, so it cannot stand for the thread's words)."""
    texts = [a for a in t.actions if len(a.content) >= REF_TEXT_WORDS]
    return not texts or any(same_subject(said, a) for a in texts)


def _mention(pool: _Pool, t: Thread, said: Said, rule: str) -> None:
    if _reprint_of_closed(t, said):
        said = dataclasses.replace(said, status=None)
    t.events.append((said, rule))
    pool.seen(t)
    pool.touched[id(t)] = t
    if said.status is not None:
        t.status = said.status
    if said.kind == "action":
        pool.note_ref(t, said.ref)  # a later table's own reference finds it from then on


def _reprint_of_closed(t: Thread, said: Said) -> bool:
    """A row reprinted later in the same meeting's papers with its update cut short ("NO
    meeting with Wrightons tomorrow." after "NO meeting with Wrightons tomorrow. Action
    closed"): it says nothing the closing row did not, so it does not reopen the action."""
    if said.status != "open" or not said.note:
        return False
    told = normal_text(said.note)
    return bool(told) and any(s.meeting.id == said.meeting.id and s.status == "closed"
                              and told in normal_text(s.note or "") for s, _ in t.events)


def learn(frequency: dict[str, int], more: dict[str, int]) -> None:
    """Rank the words a resumed fold meets for the first time; old ranks stay."""
    for w, n in more.items():
        frequency.setdefault(w, n)


def link_actions(timeline: Timeline, pool: _Pool | None = None) -> list[Thread]:
    """Every action raises a thread or is a mention of one raised at an earlier meeting;
    RAG rows and matters-arising notes are mentions only. With `pool` (the state after
    earlier meetings), folds the timeline's meetings on from there; returns every thread.
    Closures no row states (`closing`) are decided after each meeting, their state kept
    on the pool."""
    if pool is None:
        pool = _Pool(timeline.frequency)
    else:
        learn(pool.frequency, timeline.frequency)
    threads = pool.threads
    first = len(threads)
    said_by: dict[int, Thread] = {}  # each action's thread (this fold's meetings)
    for meeting in timeline.meetings:
        if meeting.date is None:  # no before or after: each action stands alone
            threads += [Thread(a, [(a, "raised")], "closed" if a.status == "closed"
                               else "open") for a in timeline.actions[meeting.id]]
            continue
        pool.at(meeting.date)
        raised: list[Thread] = []
        printed: dict[str, Thread] = {}  # full references raised at this meeting
        restated = same_meeting.restated(timeline.actions[meeting.id], timeline.titles)
        for a in timeline.actions[meeting.id]:
            if a.id in restated:  # a mention of the row that restates it, below
                continue
            t, rule = pool.by_reference(a), "ref"
            reused = pool.reused(a) if t is None else None
            if t is None:
                t, rule = pool.by_wording(a), "text"
            if t is None:
                t, rule = same_meeting.extended(
                    pool.contained.candidates(a.content, share=0), a, pool.since), "contains"
            # One reference printed twice in a meeting: the same action stated twice (a
            # table and its reprint) when the words agree, else the clerk's slip
            # ("May24.01" on two actions), both kept and the clerk told.
            key = ref_key(a.ref) if a.ref and not bare_ref(ref_key(a.ref)) else ""
            twin = printed.get(key) if t is None and key else None
            if twin is not None and _agrees(a, twin):
                t, rule = twin, "same-meeting"
            if t is not None:
                _mention(pool, t, a, rule)
            else:
                t = Thread(a, [(a, "raised")], "closed" if a.status == "closed" else "open")
                raised.append(t)
                if twin is not None and reused is None:
                    reused = twin
                elif key:
                    printed.setdefault(key, t)
            if reused is not None:
                t.reused.append((a, reused.raised))
            for other in pool.named_in(a.note or ""):
                if other is not t:
                    _mention(pool, other, a, "update-ref")
            said_by[a.id] = t
        for a in timeline.actions[meeting.id]:
            if a.id in restated:
                row = restated[a.id]
                _mention(pool, said_by[row.id], same_meeting.as_mention(a, row), "same-meeting")
        for r in timeline.rag[meeting.id]:
            t = pool.by_reference(r)
            rule = "rag-ref"
            if t is None:
                t, rule = pool.by_wording(r), "rag-text"
            if t is not None:
                _mention(pool, t, r, rule)
        for n in timeline.notes[meeting.id]:
            named = pool.named_in(n.text)
            rule = "note-ref" if named else "note-text"
            found = named or [pool.containing(n)]
            if found == [None]:
                found, rule = [pool.reported_done(n)], "note-done"
            for t in found:
                if t is not None:
                    _mention(pool, t, n, rule)
        for t in closing.after_meeting(pool.closing, meeting, threads, raised,
                                       timeline.notes[meeting.id]):
            pool.touched[id(t)] = t
        threads += raised
        for t in raised:  # linkable from the next meeting on
            pool.add(t)
    for t in threads[first:]:
        pool.touched[id(t)] = t
    for t in closing.finish(pool.closing, threads):  # stale marks set or lifted
        pool.touched[id(t)] = t
    return threads


# -- RAG rows -----------------------------------------------------------------------------------

class RagPool:
    """The RAG fold's state: its threads and their indexes (see `_Pool`)."""

    def __init__(self, frequency: dict[str, int]) -> None:
        self.threads: list[list[Said]] = []
        self.by_ref: dict[str, list[list[Said]]] = {}
        self.unnumbered = WordIndex[list[Said]](frequency, NEAR_WORDS / (2 - NEAR_WORDS))
        self.touched: dict[int, list[Said]] = {}


def link_rag(timeline: Timeline, pool: RagPool | None = None) -> list[list[Said]]:
    """The body's RAG rows as threads: lists of rows, one per meeting at most. With `pool`,
    folds on from the state it holds (whose word ranks `link_actions` extended)."""
    pool = pool if pool is not None else RagPool(timeline.frequency)
    threads, by_ref, unnumbered = pool.threads, pool.by_ref, pool.unnumbered
    for meeting in timeline.meetings:
        used: set[int] = set()
        for r in timeline.rag[meeting.id]:
            t = _rag_match(r, by_ref, unnumbered, used) if meeting.date is not None else None
            if t is None:
                t = []
                threads.append(t)
                if ref_key(r.ref):
                    by_ref.setdefault(ref_key(r.ref), []).append(t)
            if not ref_key(r.ref):
                unnumbered.add(t, r.content, r.numbers)
            t.append(r)
            used.add(id(t))
            pool.touched[id(t)] = t
    return threads


def _rag_match(r: Said, by_ref: dict[str, list[list[Said]]],
               unnumbered: WordIndex[list[Said]], used: set[int]) -> list[Said] | None:
    """The earlier thread a RAG row continues: the same reference (a bare one also needs
    the texts to agree, the best agreeing wins), else near-identical wording."""
    key = ref_key(r.ref)
    if key:
        scored = [(overlap(r, t[-1]), n, t) for n, t in enumerate(by_ref.get(key, []))
                  if id(t) not in used]
        if bare_ref(key):
            scored = [s for s in scored if s[0] >= BARE_REF_OVERLAP]
        return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None
    same = [t for t in unnumbered.candidates(r.content, r.numbers)
            if id(t) not in used and not t[-1].ref and near_identical(r, t[-1])]
    return max(same, key=lambda t: t[-1].rank) if same else None

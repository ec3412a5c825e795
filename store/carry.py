"""Carry-forward: each action and RAG row followed from meeting to meeting within a body.

Threads are derived from the facts, never typed in. `rebuild_body` reads one body's
actions, RAG rows and matters-arising notes in meeting order (by date; on one date the
agenda pack before the minutes; undated meetings are never linked) and writes its
`action_threads` with their `action_status_history`, and its `rag_threads` with their
`rag_status_history`. `carry_forward` runs it inside each save's transaction for the
bodies the document touched, so the log is never out of step with the facts. Rows that did
not change are not written, and thread rows keep their ids while any of their actions
survives, so a re-run changes nothing and a re-read does not churn the log.

An action of a later meeting is a mention of an earlier thread when (first rule wins):

- ref: it has the thread's reference ("Sep24.02"). A short or all-digit reference ("3",
  "4b") numbers one meeting's table, so it also needs the texts to agree
  (`_BARE_REF_OVERLAP`);
- text: its normalised text is the same as, or near-identical to (`_NEAR`), the text of a
  thread that is still open (a closed action worded again is a new one);
- update: its update column names a thread's reference ("see Sep24.02 - done").

Otherwise it raises a new thread. A RAG row speaks to an action thread by the same rules
(its reference, or its text against open threads); a resolution under a matters-arising
item (`MATTERS_ARISING`) speaks to the threads whose reference it names, or else to the
open thread whose words it contains (`_CONTAINS`).

Status: an action stays open until something closes it. Every mention may state a status:
closed when its status column, update column or note says so (`mapping.says_closed`, one
vocabulary) or a RAG row is blue; open when it gives some other status or update; none
when it only repeats the action. The latest stated status is the thread's. The clerk's
status correction (`store.corrections`, kind "status", on any action of the thread) wins
over every paper; actions the clerk dismissed are left out. Age is counted from the raising
meeting to today, or to the meeting (or the clerk's date) that closed it.

RAG rows are threaded by reference within the body (a bare reference needs the texts to
agree, since two tables in one pack may both number rows 1, 2, 3), else by near-identical
text; each thread keeps one status per meeting, so `queries.rag_trend` can show Red →
Amber → Green.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, delete, or_, select
from sqlalchemy.orm import Session

from . import mapping
from . import schema as db
from .mapping import normal_text, says_closed, words
from .results import SaveResult

__all__ = ["MATTERS_ARISING", "action_key", "carry_forward", "rebuild_body", "refresh",
           "stale_bodies"]

# Agenda item titles under which a later meeting reports on earlier actions.
MATTERS_ARISING: tuple[str, ...] = (
    "matters arising", "action log", "actions log", "action tracker", "action sheet",
    "actions arising", "review of actions", "outstanding actions", "actions from the",
    "action points",
)
_NEAR = 0.9  # character similarity of normalised texts that makes two wordings one
_NEAR_WORDS = 0.6  # word overlap (Dice) below which two texts cannot be near-identical
_BARE_REF_OVERLAP = 0.5  # word overlap a bare reference needs to link two texts
_CONTAINS = 0.6  # share of a thread's words a matters-arising note must contain (≥ 3)
T = TypeVar("T")
_STOP = frozenset({
    "a", "an", "the", "to", "of", "and", "or", "for", "on", "in", "at", "by", "with", "from",
    "be", "will", "would", "that", "this", "is", "are", "was", "were", "as", "about", "it",
    "cllr", "councillor", "action", "actions",
})


def action_key(action: db.Action) -> str:
    """The natural key of a stored action, as `store.corrections` keys the clerk's edits:
    sha256 over its organisation, body, meeting date and text (`mapping.action_key`). It is
    stored on the row (`actions.key`) when the action is saved; computed here otherwise."""
    if action.key:
        return action.key
    body = action.meeting.body
    org = body.organisation
    return mapping.action_key(org.name_key if org is not None else None, body.name_key,
                              action.meeting.date, action.text)


# -- entry points -------------------------------------------------------------------------------

def carry_forward(session: Session, result: SaveResult) -> None:
    """Bring the cross-meeting record up to date after `result`'s document was saved: keep
    the clerk's flag dismissals from a superseded version, then rebuild the threads of
    every body the document records and of any body a replaced reading left stale. Runs in
    the save's transaction, after the clerk's corrections were applied to the new rows."""
    _keep_dismissed(session, result)
    refresh(session, result.body_ids | stale_bodies(session))


def refresh(session: Session, body_ids: Iterable[int]) -> None:
    """Rebuild the threads of these bodies (call after recording a clerk's correction)."""
    for body_id in sorted(set(body_ids)):
        rebuild_body(session, body_id)
    session.flush()


def stale_bodies(session: Session) -> set[int]:
    """Bodies whose threads point at facts that are gone (a re-read or a superseding
    version deleted them, and the foreign keys were set NULL), or that migration 0003 made
    one per action and did not link."""
    gone = and_(db.ActionStatus.action_id.is_(None), db.ActionStatus.rag_item_id.is_(None),
                db.ActionStatus.resolution_id.is_(None))
    query = (
        select(db.ActionThread.body_id)
        .where(or_(db.ActionThread.raised_action_id.is_(None), db.ActionThread.relink))
        .union(select(db.ActionThread.body_id)
               .join(db.ActionStatus, db.ActionStatus.thread_id == db.ActionThread.id)
               .where(gone),
               select(db.RagThread.body_id)
               .join(db.RagStatus, db.RagStatus.thread_id == db.RagThread.id)
               .where(db.RagStatus.rag_item_id.is_(None)))
    )
    return set(session.scalars(query))


def _keep_dismissed(session: Session, result: SaveResult) -> None:
    if not result.dismissed:
        return
    meetings = {m for m, _, _ in result.dismissed}
    for f in session.scalars(select(db.Flag).where(
            db.Flag.document_id == result.document_id, db.Flag.meeting_id.in_(meetings),
            db.Flag.dismissed.is_(False))):
        if (f.meeting_id, f.kind, f.message) in result.dismissed:
            f.dismissed = True


def rebuild_body(session: Session, body_id: int) -> None:
    """Derive the body's action and RAG threads from its facts and write what changed."""
    session.flush()
    timeline = _Timeline(session, body_id)
    _write_actions(session, body_id, _link(timeline), timeline.clerk)
    _write_rag(session, body_id, _link_rag(timeline))


# -- what the body's papers say -----------------------------------------------------------------

@dataclass(frozen=True)
class _Meeting:
    id: int
    date: dt.date | None
    record: str

    @property
    def order(self) -> tuple[Any, ...]:
        # The agenda pack comes before the minutes of the same day; undated meetings last.
        return (self.date is None, self.date or dt.date.min, self.record != "agenda", self.id)


@dataclass
class _Said:
    """One fact that may raise or speak to a thread: an action, a RAG row or a note."""

    kind: str  # action / rag / matters-arising
    id: int
    meeting: _Meeting
    text: str
    ref: str | None
    provenance: dict[str, Any]
    status: str | None = None  # what this paper states: open / closed / None
    note: str | None = None  # the words it states it with
    due: dt.date | None = None
    due_text: str | None = None
    has_owners: bool = False
    key: str = ""
    norm: str = ""
    content: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.norm = normal_text(self.text)
        self.content = _content(self.text)
        self.numbers = frozenset(w for w in self.norm.split() if w.isdigit())


@dataclass
class _Clerk:
    """The clerk's corrections on one action, latest of each kind (by correction id)."""

    status: tuple[int, str, str | None, dt.date] | None = None  # (id, status, note, on)
    text: tuple[int, str] | None = None
    owner: int | None = None  # the owners on the row are the clerk's
    due: int | None = None  # the due date on the row is the clerk's
    dismissed: bool = False


@dataclass
class _Thread:
    raised: _Said
    events: list[tuple[_Said, str]] = field(default_factory=list)  # (fact, how linked)
    status: str = "open"  # as the papers so far have it, for matching against open threads
    refs: set[str] = field(default_factory=set)  # reference keys of its actions

    @property
    def actions(self) -> list[_Said]:
        return [s for s, _ in self.events if s.kind == "action"]


def _provenance(row: Any) -> dict[str, Any]:
    return {c: getattr(row, c) for c in
            ("document_id", "page", "block", "extractor", "span_start", "span_end")}


def _ref_key(ref: str | None) -> str:
    return "".join(words(ref))


def _bare(ref_key: str) -> bool:
    """A reference that only numbers a row of one meeting's table ("3", "4b", "1.2")."""
    return len(ref_key) < 4 or not any(c.isalpha() for c in ref_key)


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _STOP and len(w) > 1)


def _overlap(a: _Said, b: _Said) -> float:
    """Dice coefficient of the two texts' content words: cheap and order-blind."""
    if not a.content or not b.content:
        return 1.0 if a.norm == b.norm else 0.0
    return 2 * len(a.content & b.content) / (len(a.content) + len(b.content))


def _near(a: _Said, b: _Said) -> bool:
    """Near-identical wording: nearly the same characters in the same order, and the same
    numbers ("report on item 5" is not "report on item 6"). Word overlap is checked first,
    as the character comparison is the slow part."""
    if a.norm == b.norm:
        return True
    return (a.numbers == b.numbers and _overlap(a, b) >= _NEAR_WORDS
            and SequenceMatcher(None, a.norm, b.norm, autojunk=False).ratio() >= _NEAR)


class _WordIndex(Generic[T]):
    """Finds, among many texts, the few that may share enough words with a given one,
    without comparing it against all of them (prefix filtering): each text is filed under
    its rarest words, as many as guarantee that two texts sharing at least `share` of
    either's words have a filed word in common. Rarity is counted over the body's texts,
    once per rebuild, so the order is fixed. Texts can also be filed within a group that a
    match must share (the numbers of near-identical texts agree), so templated wording
    ("Report on item 12") does not pile every text under the same few words. A body that
    never closes its actions has thousands open: comparing each new action with each of
    them made rebuilds quadratic.
    """

    def __init__(self, frequency: dict[str, int], share: float) -> None:
        self.frequency = frequency
        self.share = share
        self.filed: dict[tuple[frozenset[str], str], list[T]] = {}

    def _rarest(self, words_: frozenset[str], share: float) -> list[str]:
        ranked = sorted(words_, key=lambda w: (self.frequency.get(w, 0), w))
        return ranked[:len(ranked) - math.ceil(share * len(ranked)) + 1]

    def add(self, t: T, words_: frozenset[str], group: frozenset[str] = frozenset()) -> None:
        for w in self._rarest(words_, self.share):
            self.filed.setdefault((group, w), []).append(t)

    def candidates(self, words_: frozenset[str], group: frozenset[str] = frozenset(), *,
                   share: float | None = None) -> list[T]:
        """What was filed in `group` under the probe's rarest words (all of them for
        share 0)."""
        probe = self._rarest(words_, self.share if share is None else share)
        seen: dict[int, T] = {}
        for w in probe:
            for t in self.filed.get((group, w), []):
                seen.setdefault(id(t), t)
        return list(seen.values())


class _Timeline:
    """A body's actions, RAG rows and matters-arising notes, by meeting in order."""

    def __init__(self, session: Session, body_id: int) -> None:
        self.meetings = sorted(
            (_Meeting(i, d, r) for i, d, r in session.execute(
                select(db.Meeting.id, db.Meeting.date, db.Meeting.record)
                .where(db.Meeting.body_id == body_id))),
            key=lambda m: m.order)
        by_id = {m.id: m for m in self.meetings}
        ids = list(by_id)
        self.clerk = _clerk(session, ids)
        titles = {(m, n): t for m, n, t in session.execute(
            select(db.AgendaItem.meeting_id, db.AgendaItem.number, db.AgendaItem.title)
            .where(db.AgendaItem.meeting_id.in_(ids)))}

        def arising(meeting_id: int, item: str | None, text: str) -> bool:
            title = normal_text(titles.get((meeting_id, item or ""), ""))
            return (any(t in title for t in MATTERS_ARISING)
                    or normal_text(text).startswith("matters arising"))

        owned = set(session.scalars(select(db.ActionOwner.action_id).join(db.Action)
                                    .where(db.Action.meeting_id.in_(ids))))
        self.actions: dict[int, list[_Said]] = {m: [] for m in ids}
        # Plain rows, not ORM objects: read once, never written, and a large body has
        # thousands of them.
        for a in session.execute(_columns(db.Action).where(db.Action.meeting_id.in_(ids))
                                 .order_by(db.Action.id)):
            clerk = self.clerk.get(a.id, _Clerk())
            if clerk.dismissed:  # the clerk says it is not an action
                continue
            status, note = _action_says(a, clerk, arising(a.meeting_id, a.item, a.text))
            self.actions[a.meeting_id].append(_Said(
                "action", a.id, by_id[a.meeting_id], a.text, a.ref, _provenance(a),
                status=status, note=note, due=a.due, due_text=a.due_text,
                has_owners=a.id in owned, key=a.key or ""))
        self.rag: dict[int, list[_Said]] = {m: [] for m in ids}
        for r in session.execute(_columns(db.RagItem).where(db.RagItem.meeting_id.in_(ids))
                                 .order_by(db.RagItem.id)):
            status = None if r.status is None else "closed" if r.status == "blue" else "open"
            self.rag[r.meeting_id].append(_Said(
                "rag", r.id, by_id[r.meeting_id], r.text, r.ref, _provenance(r),
                status=status, note=r.status, due_text=r.due_text))
        self.notes: dict[int, list[_Said]] = {m: [] for m in ids}
        self.frequency: dict[str, int] = {}
        for n in session.execute(_columns(db.Resolution).where(
                db.Resolution.meeting_id.in_(ids)).order_by(db.Resolution.id)):
            if arising(n.meeting_id, n.item, n.text):
                self.notes[n.meeting_id].append(_Said(
                    "matters-arising", n.id, by_id[n.meeting_id], n.text, None,
                    _provenance(n), status="closed" if says_closed(n.text) else None,
                    note=n.text))
        for said in (s for group in (self.actions, self.rag, self.notes)
                     for ss in group.values() for s in ss):
            for w in said.content:
                self.frequency[w] = self.frequency.get(w, 0) + 1


def _columns(model: type[db.Base]) -> Select[Any]:
    table: Any = model
    return select(*table.__table__.columns)


def _clerk(session: Session, meeting_ids: list[int]) -> dict[int, _Clerk]:
    """The clerk's corrections on these meetings' actions, by action id. `store.corrections`
    points each correction at the action it applies to now (`corrections.action_id`)."""
    c = db.Correction
    out: dict[int, _Clerk] = {}
    for cid, kind, value, note, created, action_id in session.execute(
            select(c.id, c.kind, c.value, c.note, c.created_at, c.action_id)
            .join(db.Action, db.Action.id == c.action_id)
            .where(db.Action.meeting_id.in_(meeting_ids),
                   c.kind.in_(("status", "text", "owner", "due", "dismiss_action")))
            .order_by(c.id)):
        fix = out.setdefault(action_id, _Clerk())
        if kind == "status" and value in db.ACTION_STATUSES:
            fix.status = (cid, value, note, created.date())
        elif kind == "text" and value:
            fix.text = (cid, value)
        elif kind == "owner":
            fix.owner = cid
        elif kind == "due":
            fix.due = cid
        elif kind == "dismiss_action":
            fix.dismissed = True
    return out


def _action_says(a: Any, clerk: _Clerk, arising: bool) -> tuple[str | None, str | None]:
    """The status an action row states, and the words it states it with.

    `actions.status` may hold the clerk's correction (which decides the thread anyway);
    the paper's own word is what counts for the mention (`status_text` keeps a word that
    was not plain open/closed)."""
    paper = a.status if clerk.status is None else (
        mapping.action_status(a.status_text)[0] if a.status_text else None)
    note = a.update or a.status_text
    if paper == "closed" or says_closed(a.update) or (arising and says_closed(a.text)):
        return "closed", note or "closed"
    if a.status_text or a.update:
        return "open", note
    return None, None


# -- linking actions ----------------------------------------------------------------------------

class _Pool:
    """Threads raised at earlier meetings, indexed for matching."""

    def __init__(self, frequency: dict[str, int]) -> None:
        self.by_ref: dict[str, list[_Thread]] = {}
        self.by_text: dict[str, list[_Thread]] = {}
        # Dice ≥ d means sharing at least d / (2 - d) of either text's words.
        self.similar = _WordIndex[_Thread](frequency, _NEAR_WORDS / (2 - _NEAR_WORDS))
        self.contained = _WordIndex[_Thread](frequency, _CONTAINS)
        # Distinctive references as words, by their first word: to find them in free text.
        self.named: dict[str, list[tuple[list[str], _Thread]]] = {}

    def add(self, t: _Thread) -> None:
        self.by_text.setdefault(t.raised.norm, []).append(t)
        self.similar.add(t, t.raised.content, t.raised.numbers)
        self.contained.add(t, t.raised.content)
        self.note_ref(t, t.raised.ref)

    def note_ref(self, t: _Thread, ref: str | None) -> None:
        key = _ref_key(ref)
        if not key or t in self.by_ref.get(key, []):
            return
        t.refs.add(key)
        self.by_ref.setdefault(key, []).append(t)
        if not _bare(key):
            written = words(ref)
            self.named.setdefault(written[0], []).append((written, t))

    def by_reference(self, said: _Said) -> _Thread | None:
        key = _ref_key(said.ref)
        scored = [(_overlap(said, t.raised), n, t)
                  for n, t in enumerate(self.by_ref.get(key, []) if key else [])]
        if _bare(key):
            scored = [s for s in scored if s[0] >= _BARE_REF_OVERLAP]
        return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None

    def by_wording(self, said: _Said) -> _Thread | None:
        same = [t for t in self.by_text.get(said.norm, []) if t.status == "open"]
        if same:
            return same[-1]
        near = [t for t in self.similar.candidates(said.content, said.numbers)
                if t.status == "open" and _near(said, t.raised)]
        return max(near, key=lambda t: t.raised.id) if near else None

    def named_in(self, text: str) -> list[_Thread]:
        """Threads whose distinctive reference `text` names ("see Sep24.02")."""
        found = words(text)
        out: list[_Thread] = []
        for i, word in enumerate(found):
            for written, t in self.named.get(word, []):
                if found[i:i + len(written)] == written and t not in out:
                    out.append(t)
        return out

    def containing(self, note: _Said) -> _Thread | None:
        """The open thread most of whose words the note contains."""
        best: tuple[float, int, _Thread] | None = None
        for t in self.contained.candidates(note.content, share=0):
            n = t.raised.id
            own = t.raised.content
            if t.status != "open" or len(own) < 3:
                continue
            shared = len(own & note.content)
            share = shared / len(own)
            if shared >= 3 and share >= _CONTAINS and (best is None or (share, n) > best[:2]):
                best = (share, n, t)
        return best[2] if best else None


def _mention(pool: _Pool, t: _Thread, said: _Said, rule: str) -> None:
    t.events.append((said, rule))
    if said.status is not None:
        t.status = said.status
    if said.kind == "action":
        pool.note_ref(t, said.ref)  # a later table's own reference finds it from then on


def _link(timeline: _Timeline) -> list[_Thread]:
    """Every action raises a thread or is a mention of one raised at an earlier meeting;
    RAG rows and matters-arising notes are mentions only."""
    pool = _Pool(timeline.frequency)
    threads: list[_Thread] = []
    for meeting in timeline.meetings:
        if meeting.date is None:  # no before or after: each action stands alone
            threads += [_Thread(a, [(a, "raised")], "closed" if a.status == "closed"
                                else "open") for a in timeline.actions[meeting.id]]
            continue
        raised: list[_Thread] = []
        for a in timeline.actions[meeting.id]:
            t, rule = pool.by_reference(a), "ref"
            if t is None:
                t, rule = pool.by_wording(a), "text"
            if t is not None:
                _mention(pool, t, a, rule)
            else:
                raised.append(_Thread(a, [(a, "raised")],
                                      "closed" if a.status == "closed" else "open"))
            for other in pool.named_in(a.note or ""):
                if other is not t:
                    _mention(pool, other, a, "update-ref")
        for r in timeline.rag[meeting.id]:
            t = pool.by_reference(r)
            rule = "rag-ref"
            if t is None:
                t, rule = pool.by_wording(r), "rag-text"
            if t is not None:
                _mention(pool, t, r, rule)
        for n in timeline.notes[meeting.id]:
            named = pool.named_in(n.text)
            for t in named or [pool.containing(n)]:
                if t is not None:
                    _mention(pool, t, n, "note-ref" if named else "note-text")
        threads += raised
        for t in raised:  # linkable from the next meeting on
            pool.add(t)
    return threads


# -- writing action threads ---------------------------------------------------------------------

def _unique(key: str, taken: set[str]) -> str:
    """`key`, or a hash of it when another thread of the body has it (the same action
    worded again after the first was closed, in a meeting of the same date)."""
    n, out = 1, key
    while out in taken:
        n += 1
        out = hashlib.sha256(f"{key}#{n}".encode()).hexdigest()
    taken.add(out)
    return out


def _thread_values(t: _Thread, clerk: dict[int, _Clerk]) -> dict[str, Any]:
    """The thread row: raised where, whose now, due when, and its status and why."""
    actions = t.actions
    fixes = {a.id: clerk[a.id] for a in actions if a.id in clerk}

    def clerk_latest(kind: str) -> _Said | None:
        fixed = [(getattr(fixes[a.id], kind), n, a) for n, a in enumerate(actions)
                 if a.id in fixes and getattr(fixes[a.id], kind) is not None]
        return max(fixed, key=lambda f: (f[0], f[1]))[2] if fixed else None

    owner = clerk_latest("owner") or next(
        (a for a in reversed(actions) if a.has_owners), None)
    due = clerk_latest("due") or next((a for a in reversed(actions) if a.due), None)
    texts = [f.text for f in fixes.values() if f.text is not None]
    clerk_says = max((f.status for f in fixes.values() if f.status is not None), default=None)

    status, note, closed_on, closed_by = "open", None, None, None
    for said, _rule in t.events:  # the latest stated status stands
        if said.status is None:
            continue
        if said.status == "closed" and status != "closed":
            closed_on = said.meeting.date
            closed_by = "raised" if said is t.raised else said.kind
        status, note = said.status, said.note
    if clerk_says is not None:  # the clerk's word wins over every paper's
        _cid, status, clerk_note, clerk_on = clerk_says
        note = clerk_note or note
        closed_on, closed_by = clerk_on, "clerk"
    if status == "open":
        closed_on = closed_by = None
    later = [s.meeting.date for s, _ in t.events if s is not t.raised and s.meeting.date]
    refs = [a.ref for a in actions if a.ref]
    return {
        "raised_action_id": t.raised.id, "raised_meeting_id": t.raised.meeting.id,
        "raised_on": t.raised.meeting.date, "ref": refs[0] if refs else None,
        "text": max(texts)[1] if texts else t.raised.text,
        "owner_action_id": owner.id if owner else None,
        "due": due.due if due else None,
        "due_text": next((a.due_text for a in reversed(actions) if a.due_text), None),
        "status": status, "status_note": note, "closed_on": closed_on,
        "closed_by": closed_by, "last_mentioned_on": max(later, default=None),
        "clerk_status": clerk_says[1] if clerk_says else None,
        "clerk_note": clerk_says[2] if clerk_says else None,
        "clerk_on": clerk_says[3] if clerk_says else None,
        "relink": False,
    }


def _event_values(said: _Said, rule: str, position: int, raised: bool) -> dict[str, Any]:
    source = {"action": "action_id", "rag": "rag_item_id",
              "matters-arising": "resolution_id"}[said.kind]
    status = said.status
    if raised:  # the raising paper always states one: open unless it says done
        status = "closed" if status == "closed" else "open"
    return {"position": position, "meeting_id": said.meeting.id, "date": said.meeting.date,
            "kind": "raised" if raised else said.kind, "rule": rule, "status": status,
            "note": said.note, "action_id": None, "rag_item_id": None,
            "resolution_id": None, source: said.id, **said.provenance}


def _assign(row: Any, values: dict[str, Any]) -> None:
    # Only what differs is set, so an unchanged thread costs no UPDATE.
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _write_threads(session: Session, model: type[db.Base], child: type[db.Base],
                   body_id: int, plan: list[tuple[list[str], str, dict[str, Any],
                                                  list[dict[str, Any]]]]) -> None:
    """Write a body's threads: `plan` holds, per thread, its actions' keys, its key, its
    values and its history rows' values.

    An existing row that holds the thread's key or any of its actions' keys keeps its id
    (and the clerk's columns); the rest are new, and rows no thread wants are deleted with
    their history. Keys that move are parked first, so two threads trading keys never meet
    the unique constraint half way. Rows are read with populate_existing: a bulk delete of
    facts has set their foreign keys NULL in the database under the session's copies.
    """
    parent: Any = model
    kid: Any = child
    fresh = {"populate_existing": True}
    existing = {r.key: r for r in session.scalars(
        select(parent).where(parent.body_id == body_id).execution_options(**fresh))}
    used: set[int] = set()
    rows: list[Any] = []
    for members, key, _values, _history in plan:
        row = next((existing[k] for k in [key, *members]
                    if k in existing and existing[k].id not in used), None)
        if row is not None:
            used.add(row.id)
        rows.append(row)
    unwanted = [r.id for r in existing.values() if r.id not in used]
    if unwanted:
        session.execute(delete(kid).where(kid.thread_id.in_(unwanted)))
        session.execute(delete(parent).where(parent.id.in_(unwanted)))
    moving = [r for r, (_m, key, _v, _h) in zip(rows, plan, strict=True)
              if r is not None and r.key != key]
    for row in moving:
        row.key = f"~{row.id}"
    if moving:
        session.flush()
    for n, (row, (_m, key, values, _h)) in enumerate(zip(rows, plan, strict=True)):
        if row is None:
            row = rows[n] = model(body_id=body_id)
            session.add(row)
        _assign(row, {**values, "key": key})
    session.flush()
    history: dict[int, list[Any]] = {}
    for h in session.scalars(select(kid).join(parent, kid.thread_id == parent.id)
                             .where(parent.body_id == body_id)
                             .order_by(kid.thread_id, kid.position).execution_options(**fresh)):
        history.setdefault(h.thread_id, []).append(h)
    for row, (_m, _k, _v, wanted) in zip(rows, plan, strict=True):
        have = history.get(row.id, [])
        for h, values in zip(have, wanted, strict=False):
            _assign(h, values)
        for h in have[len(wanted):]:
            session.delete(h)
        session.add_all(child(thread_id=row.id, **values) for values in wanted[len(have):])


def _write_actions(session: Session, body_id: int, threads: list[_Thread],
                   clerk: dict[int, _Clerk]) -> None:
    taken: set[str] = set()
    plan = [([a.key for a in t.actions if a.key],
             _unique(t.raised.key or f"action {t.raised.id}", taken),
             _thread_values(t, clerk),
             [_event_values(s, rule, n, s is t.raised) for n, (s, rule) in enumerate(t.events)])
            for t in threads]
    _write_threads(session, db.ActionThread, db.ActionStatus, body_id, plan)


# -- RAG rows -----------------------------------------------------------------------------------

def _link_rag(timeline: _Timeline) -> list[list[_Said]]:
    """The body's RAG rows as threads: lists of rows, one per meeting at most."""
    threads: list[list[_Said]] = []
    by_ref: dict[str, list[list[_Said]]] = {}
    unnumbered = _WordIndex[list[_Said]](timeline.frequency, _NEAR_WORDS / (2 - _NEAR_WORDS))
    for meeting in timeline.meetings:
        used: set[int] = set()
        for r in timeline.rag[meeting.id]:
            t = _rag_match(r, by_ref, unnumbered, used) if meeting.date is not None else None
            if t is None:
                t = []
                threads.append(t)
                if _ref_key(r.ref):
                    by_ref.setdefault(_ref_key(r.ref), []).append(t)
            if not _ref_key(r.ref):
                unnumbered.add(t, r.content, r.numbers)
            t.append(r)
            used.add(id(t))
    return threads


def _rag_match(r: _Said, by_ref: dict[str, list[list[_Said]]],
               unnumbered: _WordIndex[list[_Said]], used: set[int]) -> list[_Said] | None:
    """The earlier thread a RAG row continues: the same reference (a bare one also needs
    the texts to agree, the best agreeing wins), else near-identical wording."""
    key = _ref_key(r.ref)
    if key:
        scored = [(_overlap(r, t[-1]), n, t) for n, t in enumerate(by_ref.get(key, []))
                  if id(t) not in used]
        if _bare(key):
            scored = [s for s in scored if s[0] >= _BARE_REF_OVERLAP]
        return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None
    same = [t for t in unnumbered.candidates(r.content, r.numbers)
            if id(t) not in used and not t[-1].ref and _near(r, t[-1])]
    return max(same, key=lambda t: t[-1].id) if same else None


def _write_rag(session: Session, body_id: int, threads: list[list[_Said]]) -> None:
    taken: set[str] = set()
    plan = []
    for t in threads:
        key = hashlib.sha256(f"{_ref_key(t[0].ref)}|{t[0].norm}".encode()).hexdigest()
        rated = [r.note for r in t if r.note is not None]
        values = {"ref": t[-1].ref or t[0].ref, "text": t[-1].text,
                  "status": rated[-1] if rated else None,
                  "first_on": t[0].meeting.date, "last_on": t[-1].meeting.date}
        history = [{"position": n, "meeting_id": r.meeting.id, "date": r.meeting.date,
                    "status": r.note, "rag_item_id": r.id, **r.provenance}
                   for n, r in enumerate(t)]
        plan.append(([], _unique(key, taken), values, history))
    _write_threads(session, db.RagThread, db.RagStatus, body_id, plan)

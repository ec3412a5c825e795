"""Closures the rows themselves do not state, decided meeting by meeting as the fold in
`linking.link_actions` runs (its state is a `Closing`, so a snapshot of the fold can keep it):

- none outstanding: a matters-arising note saying the body carried nothing into the
  meeting ("There were no outstanding actions from the last meeting", `closing.json`)
  closes every thread raised before that meeting and still open, each closure citing it,
  except those already stale (no paper spoke of them at the body's last
  `stale_after_meetings` meetings: the body no longer carried them) and the promises of
  people who had not sat with the body (a resident's, a contractor's: not on its list);
- omission: when a meeting reprints most (`omission_share`) of the previous meeting's
  carried-actions table (its open rows that printed a reference or an update, and the
  unnumbered rows of the same tables), or carries several actions on as table rows
  (`omission_rows`: the last table's, older ones, or rows first seen there with references
  and updates, carried from meetings the store lacks), a row of the last table it leaves
  out is closed by omission, citing the table, and flagged for the clerk to confirm;
- summary: minutes that review the carried actions in one table and end with a summary
  table reprinting most of the reviewed rows drop, at that meeting, a reviewed row the
  summary leaves out (closed by omission, flagged); a reference the review called done that
  the summary carries on in new words is still open;
- stale: an open thread no paper has mentioned at `stale_after_meetings` meetings of its
  body is marked stale (counted in meetings, not days: bodies meet at different rhythms)
  and flagged for the clerk to confirm or close; it is never closed for that.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from .. import schema as db
from ..mapping import closing_vocab, normal_text
from .said import Said, Sitting, Thread
from .writing import existing_actions

OMITTED = "action-closed-by-omission"
STALE = "action-stale"
FLAG_KINDS = (OMITTED, STALE)


@dataclass(frozen=True)
class ClosureFlag:
    """A closure or mark the clerk should confirm, with the words it rests on."""

    kind: str
    meeting_id: int
    message: str
    provenance: dict[str, object]
    action_id: int | None = None  # the action row it is about (`store.flags`)


@dataclass
class Closing:
    """What the closure rules remember from one meeting of the fold to the next."""

    stale_after: int
    omission_share: float
    omission_rows: int
    none_outstanding: tuple[str, ...]
    tabled: list[Thread] = field(default_factory=list)  # the last meeting's carried table
    dated: list[Sitting] = field(default_factory=list)  # the body's dated meetings so far
    position: dict[int, int] = field(default_factory=dict)  # meeting id -> index in dated
    flags: list[ClosureFlag] = field(default_factory=list)
    # The (meeting, kind, message) of the flags last written, for a fold continued in
    # memory to write only the changes (reading every flag back grows with history).
    written: frozenset[tuple[int, str, str]] | None = None
    # Closures by omission at the meetings before this index of `dated` are in the store and
    # no longer here (`trim`): nothing a later meeting does changes them.
    frozen_before: int = 0

    def trim(self, keep: int) -> None:
        """Forget the omission flags of all but the last `keep` meetings: they are written,
        and only a full rebuild (which starts afresh) could change them."""
        horizon = len(self.dated) - keep
        if horizon <= self.frozen_before:
            return

        def old(meeting_id: int, kind: str) -> bool:
            return kind == OMITTED and self.position.get(meeting_id, horizon) < horizon
        self.flags = [f for f in self.flags if not old(f.meeting_id, f.kind)]
        if self.written is not None:
            self.written = frozenset(w for w in self.written if not old(w[0], w[1]))
        self.frozen_before = horizon

    @classmethod
    def start(cls) -> Closing:
        v = closing_vocab()
        return cls(int(v["stale_after_meetings"]), float(v["omission_share"]),
                   int(v["omission_rows"]),
                   tuple(normal_text(p) for p in v["none_outstanding"]))


def _here(t: Thread, meeting: Sitting) -> list[Said]:
    return [s for s, _ in t.events if s.meeting.id == meeting.id]


def _close(t: Thread, said: Said, rule: str, note: str) -> None:
    """A closure event citing `said` (the sentence or the table it rests on)."""
    t.events.append((dataclasses.replace(said, status="closed", note=note), rule))
    t.status = "closed"


def _left_out(t: Thread, table: Said, note: str) -> None:
    """A closure by omission: the thread's own latest row, at the meeting and the page of
    the table that left it out (another thread's row there would read as a merge)."""
    own = t.actions[-1]
    t.events.append((dataclasses.replace(own, meeting=table.meeting,
                                         provenance=table.provenance, status="closed",
                                         note=note), "omitted"))
    t.status = "closed"


def says_none_outstanding(state: Closing, text: str) -> bool:
    norm = f" {normal_text(text)} "
    return any(f" {p} " in norm for p in state.none_outstanding)


def after_meeting(state: Closing, meeting: Sitting, earlier: list[Thread],
                  raised: list[Thread], notes: list[Said]) -> list[Thread]:
    """Apply the closure rules to one dated meeting, after its facts were linked:
    `earlier` are the threads raised before it, `raised` those it raised. Returns the
    threads it closed (a resumed fold writes them)."""
    state.position[meeting.id] = len(state.dated)
    state.dated.append(meeting)
    closed: list[Thread] = []
    for n in notes:
        if says_none_outstanding(state, n.text):
            for t in earlier:
                if (t.status == "open" and not _here(t, meeting) and not _stale(state, t)
                        and not t.raised.outsiders):
                    _close(t, n, "none-outstanding", n.text)
                    closed.append(t)
    closed += _omitted(state, meeting, earlier, raised)
    closed += _summary_left_out(state, meeting, earlier, raised)
    state.tabled = _tabled(meeting, earlier + raised)
    return closed


def _table(s: Said) -> tuple[object, object, object]:
    """Where a row sits: rows of one table share the document, page and block."""
    p = s.provenance
    return (p.get("document_id"), p.get("page"), p.get("block"))


def _tabled(meeting: Sitting, threads: list[Thread]) -> list[Thread]:
    """The open threads this meeting's action tables carry: a row printing a reference or
    an update, and the other rows of the same table (a clerk leaves some rows of a
    referenced table unnumbered, and drops them as the others when they are done)."""
    rows = [(t, s) for t in threads if t.status == "open"
            for s in _here(t, meeting) if s.kind == "action"]
    tables = {_table(s) for _, s in rows if s.ref or s.note}
    out: list[Thread] = []
    for t, s in rows:
        if _table(s) in tables and t not in out:
            out.append(t)
    return out


def _stale(state: Closing, t: Thread) -> bool:
    """Whether no paper mentioned `t` at the last `stale_after` meetings before the one
    just added: the body no longer carried it, so "nothing outstanding" does not speak of
    it (it stays open, marked stale for the clerk, rather than closed on a guess)."""
    last = _last_mention(state, t)
    return last is not None and last[0] + state.stale_after <= len(state.dated) - 1


def _last_mention(state: Closing, t: Thread) -> tuple[int, Said] | None:
    """The latest dated meeting that spoke of `t` (its index in `dated`) and what it said."""
    seen = [(state.position[s.meeting.id], s) for s, _ in t.events
            if s.meeting.id in state.position]
    return max(seen, key=lambda p: p[0]) if seen else None


def _carries(t: Thread, meeting: Sitting) -> bool:
    """Whether a row of this meeting carries `t` on: a table row printing its reference or
    an update (a narrative restatement carries nothing)."""
    return any(s.kind == "action" and (s.ref or s.note) and rule != "raised"
               for s, rule in t.events if s.meeting.id == meeting.id)


def _omitted(state: Closing, meeting: Sitting, earlier: list[Thread],
             raised: list[Thread]) -> list[Thread]:
    before = state.tabled
    reprinted = [t for t in before if any(s.kind == "action" for s in _here(t, meeting))]
    # Carried again as table rows (a reference or an update printed): a table that does
    # this for several rows is the body's carried-actions table, whatever share it keeps
    # (a clerk drops the done rows, so the share falls as work gets done). The rows it
    # carries need not be the last table's: older actions it carries on, and rows first seen
    # here that already print a reference and an update (carried from a meeting the store
    # lacks, its minutes unpublished or not loaded) show the same.
    carried = [t for t in earlier if t.events and t.events[-1][0].meeting.id == meeting.id
               and _carries(t, meeting)]
    gap = [t for t in raised if t.raised.kind == "action" and t.raised.ref
           and t.raised.note]
    if len(carried) + len(gap) < state.omission_rows and (
            len(before) < 3 or len(reprinted) < state.omission_share * len(before)):
        return []
    if reprinted:
        why = f"{len(reprinted)} of its {len(before)} open rows reprinted"
    else:
        why = (f"which carries {len(carried) + len(gap)} other actions on and none of the "
               f"{len(before)} open rows before it")
        if gap:
            why += f"; {len(gap)} of them from meetings not in the store"
    return _close_left_out(state, meeting, before, reprinted, reprinted or carried or gap,
                           why)


def _summary_left_out(state: Closing, meeting: Sitting, earlier: list[Thread],
                      raised: list[Thread]) -> list[Thread]:
    """A paper that reviews the carried actions in one table and ends with a summary table
    of the actions still open: a reviewed row the summary leaves out was dropped at this
    meeting, when the summary reprints most of the reviewed rows (`omission_share`, at least
    three: a table of this meeting's new actions reprints none of them)."""
    # Carried rows: earlier threads this meeting spoke of (its last event is here: threads
    # are not scanned back through their history), and rows first seen here with a
    # reference and an update (carried from a meeting the store lacks).
    carried = [t for t in earlier if t.events and t.events[-1][0].meeting.id == meeting.id]
    carried += [t for t in raised if t.raised.kind == "action" and t.raised.ref
                and t.raised.note]
    rows = [(s, t) for t in carried for s in _here(t, meeting) if s.kind == "action"]
    closed: list[Thread] = []
    for doc in {_where(s)[0] for s, _ in rows}:
        mine = [(s, t) for s, t in rows if _where(s)[0] == doc]
        last = _where(max((s for s, _ in mine), key=_place))  # the table printed last
        summary = {id(t) for s, t in mine if _where(s) == last}
        # A row the review closed is left out of the summary as a matter of course; one
        # the summary carries all the same may still be open (`_still_open`).
        reviewed = list({id(t): t for s, t in mine if _where(s) != last and (s.ref or s.note)
                         and (t.status == "open" or id(t) in summary)}.values())
        kept = [t for t in reviewed if id(t) in summary]
        if len(reviewed) < 3 or len(kept) < state.omission_share * len(reviewed):
            continue
        for t in kept:
            _still_open(t, meeting, last)
        cite = min((s for s, _ in mine if _where(s) == last), key=_place)
        why = f"{len(kept)} of the {len(reviewed)} rows reviewed there reprinted"
        for t in reviewed:
            if id(t) not in summary and t.status == "open":
                _drop(state, t, cite, f"left out of the action summary that ends the minutes "
                                      f"of {meeting.date} ({why})")
                closed.append(t)
    return closed


def _where(s: Said) -> tuple[object, object]:
    """The table a row is in: its document and block (a continued table keeps its first)."""
    return (s.provenance.get("document_id"), s.provenance.get("block"))


def _place(s: Said) -> tuple[int, int, int]:
    p = s.provenance
    return (p.get("page") or 0, p.get("block") or 0, p.get("span_start") or 0)


def _drop(state: Closing, t: Thread, table: Said, note: str) -> None:
    """Close `t` by omission from `table`, flagged for the clerk to confirm."""
    what = t.raised.ref or t.raised.text[:80]
    _left_out(t, table, note)
    state.flags.append(ClosureFlag(
        OMITTED, table.meeting.id, f"{what}: closed by omission, {note}; confirm it is done "
        "or reopen it", table.provenance, t.raised.id))


def _still_open(t: Thread, meeting: Sitting, summary: tuple[object, object]) -> None:
    """A row the summary of open actions carries in new words, without a status of its own,
    says the action goes on, though the review above it called it done ("Nigel to strim
    the ditch – Done; work party to be organised" reviewed, then "Workparty to clean the
    ditch" carried under the same reference). The same words reprinted are the done row
    copied into the summary: it stays closed."""
    if t.status != "closed":
        return
    for n, (s, rule) in enumerate(t.events):
        done = [e for e, _ in t.events[:n] if e.meeting.id == meeting.id
                and e.status == "closed" and e.kind == "action"]
        if (s.meeting.id == meeting.id and s.kind == "action" and s.status is None
                and _where(s) == summary
                and done and all(normal_text(e.text) != normal_text(s.text) for e in done)
                and not any(e.status == "closed" for e, _ in t.events[n + 1:])):
            t.events[n] = (dataclasses.replace(s, status="open"), rule)
            t.status = "open"
            return


def _close_left_out(state: Closing, meeting: Sitting, before: list[Thread],
                    reprinted: list[Thread], cite: list[Thread], why: str) -> list[Thread]:
    closed: list[Thread] = []
    # Cite the table where it starts on the page (its first reprinted row), whatever order
    # the papers arrived in.
    table = min((s for t in cite for s in _here(t, meeting) if s.kind == "action"),
                key=_place)
    for t in before:
        if t in reprinted or t.status != "open" or _here(t, meeting):
            continue
        _drop(state, t, table, f"left out of the carried-actions table of {meeting.date} "
                               f"({why})")
        closed.append(t)
    return closed


def finish(state: Closing, threads: list[Thread]) -> list[Thread]:
    """Mark stale the open threads no paper mentioned at the body's last meetings, and
    lift the mark from those mentioned since; returns the threads whose mark changed.
    Run after every fold, full or resumed, so the stale flags are rebuilt each time."""
    state.flags = [f for f in state.flags if f.kind != STALE]
    changed: list[Thread] = []
    for t in threads:
        was, t.stale_since = t.stale_since, None
        mention = _last_mention(state, t)
        since = mention[0] + state.stale_after if mention else len(state.dated)
        if t.status == "open" and mention is not None and since < len(state.dated):
            last = mention[1]
            t.stale_since = state.dated[since].date
            what = t.raised.ref or t.raised.text[:80]
            # The message names fixed dates only, so a later meeting does not renew the
            # flag (and undo the clerk's dismissal).
            state.flags.append(ClosureFlag(
                STALE, last.meeting.id, f"{what}: last mentioned {last.meeting.date}, and "
                f"at none of the {state.stale_after} meetings after; stale since "
                f"{t.stale_since}: confirm it is still open, or close it", last.provenance,
                last.id if last.kind == "action" else t.raised.id))
        if t.stale_since != was:
            changed.append(t)
    return changed


def write_flags(session: Session, body_id: int, state: Closing, *, diff: bool = False
                ) -> None:
    """The body's closure flags as the fold found them: one row per (meeting, kind,
    message); a flag the clerk dismissed stays dismissed, one no longer found goes. With
    `diff` (the state continued in this process since it last wrote them), only the flags
    that came or went are touched."""
    f = db.Flag
    wanted = {(c.meeting_id, c.kind, c.message): c for c in state.flags}
    known = existing_actions(session, [c.action_id for c in wanted.values()])
    if diff and state.written is not None:
        for m, kind, message in state.written - wanted.keys():
            session.execute(delete(f).where(f.meeting_id == m, f.kind == kind,
                                            f.message == message, f.dismissed.is_(False)))
        have = set()
        for m, kind, message in wanted.keys() - state.written:
            if session.scalar(select(f.id).where(f.meeting_id == m, f.kind == kind,
                                                 f.message == message).limit(1)) is not None:
                have.add((m, kind, message))
        new = [(k, c) for k, c in wanted.items() if k not in state.written and k not in have]
    else:
        meetings = select(db.Meeting.id).where(db.Meeting.body_id == body_id)
        # Omission flags of the meetings the state no longer holds (`trim`) are as written;
        # only the later ones, and the stale marks, are read back to compare.
        later = [m.id for m in state.dated[state.frozen_before:]]
        rows = {(r.meeting_id, r.kind, r.message): (r.id, r.dismissed, r.action_id)
                for r in session.execute(select(f.id, f.meeting_id, f.kind, f.message,
                                                f.dismissed, f.action_id).where(
                    or_(and_(f.kind == STALE, f.meeting_id.in_(meetings)),
                        and_(f.kind == OMITTED, f.meeting_id.in_(later)))))}
        gone = [i for k, (i, dismissed, _) in rows.items() if k not in wanted and not dismissed]
        if gone:
            session.execute(delete(f).where(f.id.in_(gone)))
        # a row kept, written before flags named their action, or whose action was read again
        for k, (i, _, action_id) in rows.items():
            now = wanted[k].action_id if k in wanted and wanted[k].action_id in known else None
            if k in wanted and now != action_id:
                session.execute(update(f).where(f.id == i).values(action_id=now))
        new = [(k, c) for k, c in wanted.items() if k not in rows]
    for _, c in new:
        p = c.provenance
        session.add(f(meeting_id=c.meeting_id, kind=c.kind, message=c.message,
                      dismissed=False, document_id=p["document_id"], page=p["page"],
                      block=p["block"], extractor="carry", span_start=p["span_start"],
                      span_end=p["span_end"],
                      action_id=c.action_id if c.action_id in known else None))
    state.written = frozenset(wanted)

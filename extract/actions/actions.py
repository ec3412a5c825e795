"""Actions: things a named person or group must do after the meeting.

Sources, most explicit first (a later duplicate of the same task is merged into the first):
1. action tables (tables.py), one action per row;
2. "ACTION:" lines (markers.py);
3. a right-hand margin of owner initials, in running text or as a table's last column
   (margin_owners.py);
4. resolutions that task someone ("Delegates to the Monitoring Officer …", "asks the MO to …",
   "call on the Cabinet Member … to: a) … b) …");
5. prose commitments (commitments.py).
Owners are resolved through owners.OwnerResolver (the meeting's attendees and the people its
papers name); deadlines through due.py, against the meeting's date and the next meeting's
date. Only minutes carry actions: an agenda's "Action" wording is a plan, not a task.
Every low-confidence call becomes a flag: an owner that resolves to nobody or to several
people, an owner only implied, a deadline that could not be fixed, a task with no owner.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Block, Table

from ..document.parts import Part
from ..document.sections import SectionMap, sections
from ..document.textunits import Segment, clean, segments, unit_sentences
from ..model import Action, Evidence, Flag, Meeting
from ..people import Roster
from .commitments import Commitment, commitments
from .due import Calendar, Due, due_cell, due_in, next_meeting_in, schedule_in
from .margin_owners import (
    Marked,
    block_marked,
    has_action_column,
    has_tab_marks,
    margin_column_rows,
    row_marked,
    with_context,
)
from .markers import MarkedTask, marker_tasks
from .merging import Pending, merge
from .owners import OwnerResolver
from .pronouns import pronoun_commitments
from .tables import is_action_table, reprinted_layout, table_actions

EXTRACTOR = "actions@2"
# A note mark: a paragraph opening with one ("*** There has been another leak …") and an
# update cell pointing to it ("See below***").
NOTE_MARK = re.compile(r"^\s*(\*{1,4}|†{1,2})(?![*†])")
NOTE_POINTER = re.compile(r"(?i)\b(?:below|note)[\s:–-]{0,3}(\*{1,4}|†{1,2})\s*$")


def extract_actions(part: Part, meeting: Meeting, roster: Roster) -> tuple[list[Action],
                                                                          list[Flag]]:
    if part.record != "minutes":
        return [], []
    people = OwnerResolver.for_part(part, roster)
    cal = Calendar(meeting.date, meeting.next_meeting or next_meeting_in(part, meeting.date),
                   meeting.body, schedule_in(part, meeting.date))
    return _Reader(part, meeting, people, cal).read()


class _Reader:
    def __init__(self, part: Part, meeting: Meeting, people: OwnerResolver, cal: Calendar):
        self.part, self.meeting, self.people, self.cal = part, meeting, people, cal
        self.smap: SectionMap = sections(part)
        self.flags: list[Flag] = []
        self.found: list[Pending] = []
        self.reprints: dict[int, dict[str, int]] = {}  # table index -> the columns it reprints

    def read(self) -> tuple[list[Action], list[Flag]]:
        tables = {t.index for t in self.part.tables if is_action_table(t)}
        # A summary reprinting an earlier action table without its header row.
        self.reprints = {t.index: cols for n, t in enumerate(self.part.tables)
                         if t.index not in tables and (cols := reprinted_layout(
                             t, [e for e in self.part.tables[:n] if e.index in tables]))}
        tables |= set(self.reprints)
        self._tables(tables)
        segs = segments(self.part, self.smap, skip_tables=tables)
        for task in marker_tasks(segs, self.people):
            self._marker(task)
        self._margins(tables)
        self._resolutions()
        self._prose(segs)
        self._footnoted()
        actions = merge(self.found)
        for a in actions:
            self.flags += a.pop_flags()
        return [a.action for a in actions], self.flags

    # --- one candidate ---------------------------------------------------------------------

    def add(self, source: str, item: str | None, text: str, owner_text: str, ev: Evidence,
            due: Due | None = None, implied: bool = False, **kw) -> None:
        text = clean(text)
        if not text:
            return
        owners, flags = self.people.resolve(owner_text, ev) if owner_text else ([], [])
        page = ev.page
        if implied and owners:
            flags.append(Flag("owner-implied", f"No one is named for '{text[:100]}'; "
                              f"owner taken as {owners[0]}.", page, ev))
        elif implied:  # a decided task with no doer named: kept, for the clerk
            flags.append(Flag("owner-unresolved", f"No one is named for '{text[:100]}'; "
                              "owner left open.", page, ev))
        elif not owners:
            flags.append(Flag("action-no-owner", f"Action without an owner: {text[:120]}",
                              page, ev))
        due = due if due is not None and (due.text or due.date) else due_in(text, self.cal)
        if due.doubt:
            flags.append(Flag("due-unresolved", f"Deadline '{due.text}' left open: {due.doubt}.",
                              page, ev))
        action = Action(item=item, text=text, owners=owners, owner_text=owner_text or None,
                        due=due.date, due_text=due.text, evidence=ev, **kw)
        for f in flags:
            f.action = action
        self.found.append(Pending(action, source, ev.block or 0, flags))

    def _ev(self, page: int | None, block: int | None, quote: str) -> Evidence:
        return Evidence(page, block, extractor=EXTRACTOR, quote=quote[:300])

    # --- sources ---------------------------------------------------------------------------

    def _tables(self, tables: set[int]) -> None:
        for t in self.part.tables:
            if t.index not in tables:
                continue
            for row in table_actions(t, self.reprints.get(t.index)):
                owner = row.owner_text or _lead(commitments(row.text, self.people))
                status = "closed" if re.search(r"(?i)\bcomplete", row.update or "") else None
                due = due_cell(row.due_text, self.cal) if row.due_text else None
                self.add("table", self.smap.item(t.index), row.text, owner,
                         self._ev(row.page, row.index, row.text), due, ref=row.ref,
                         update=row.update, status=status)

    def _footnoted(self) -> None:
        """A row's update that points to a note below ("Feb23 – See below***") and the note
        that opens with the same mark ("*** … Removal of the pipe will be carried out asap.
        NO to organise."): the note's tasks are that row's action, so they carry its
        reference. A mark two rows end with points nowhere."""
        rows: dict[str, list[str]] = {}
        for p in self.found:
            m = NOTE_POINTER.search(p.action.update or "") if p.source == "table" else None
            if m and p.action.ref:
                rows.setdefault(m.group(1), []).append(p.action.ref)
        for p in self.found:
            refs = set(rows.get(p.footnote or "", ()))
            if p.footnote and p.action.ref is None and len(refs) == 1:
                p.action.ref = refs.pop()

    def _marker(self, task: MarkedTask) -> None:
        seg, n = task.segment, len(self.found)
        self.add("marker", seg.item, task.text, task.owner_text,
                 seg.evidence(EXTRACTOR, task.text))
        for p in self.found[n:]:  # none when its text was empty
            p.before = task.before

    def _margins(self, action_tables: set[int]) -> None:
        items = self.part.items
        column = any(isinstance(t, Table) and has_action_column(t) for t in items)
        tab_marks = any(isinstance(b, Block) and has_tab_marks(b) for b in items)
        for it in items:
            if isinstance(it, Block) and (tab_marks or column or "\t" in it.text):
                for m in block_marked(it, self.people, inline=tab_marks or column):
                    self._marked(m, self.smap.item(it.index), it.page, it.index)
            elif isinstance(it, Table) and column and it.index not in action_tables:
                for r, text, mark in margin_column_rows(it):
                    page = it.rows[r][0].page_or(it.page) if it.rows[r] else it.page
                    for m in row_marked(text, mark, self.people, self.cal):
                        self._marked(m, self.smap.item(it.index), page, it.index)

    def _marked(self, m: Marked, item: str | None, page: int | None, block: int) -> None:
        self.add("margin", item, m.text, m.owners, self._ev(page, block, m.text))

    def _resolutions(self) -> None:
        rs = self.meeting.resolutions
        for n, r in enumerate(rs):
            ev = r.evidence or Evidence(None)
            for owner, text, implied in _tasking(r.text, rs[n + 1:], r.item, self.people):
                self.add("resolution", r.item, text, owner,
                         self._ev(ev.page, ev.block, text), implied=implied)

    def _prose(self, segs: list[Segment]) -> None:
        for seg in segs:
            if seg.heading or seg.quoted:
                continue
            mark = NOTE_MARK.match(seg.text)
            first = len(self.found)
            self._prose_segment(seg)
            for p in self.found[first:]:
                p.footnote = mark.group(1) if mark else None
                if mark and p.action.text.startswith(mark.group(1)):
                    p.action.text = p.action.text[len(mark.group(1)):].lstrip()

    def _prose_segment(self, seg: Segment) -> None:
        sents = unit_sentences(seg)
        for k, s in enumerate(sents):
            found = commitments(s, self.people)
            pronoun = not found and pronoun_commitments(s, sents[:k], self.people)
            found = found or pronoun
            if not found:
                continue
            # "… She will keep us posted." reads with the sentence that names her
            text = f"{sents[k - 1]} {s}" if pronoun else with_context(sents, k)
            for part_text, part_found in _by_owner(text, s, found, self.people):
                self.add("prose", seg.item, part_text, _lead(part_found),
                         seg.evidence(EXTRACTOR, part_text),
                         self._neighbour_due(part_text, sents, k, _lead(part_found)),
                         implied=part_found[0].implied)

    def _neighbour_due(self, text: str, sents: list[str], k: int, owner: str) -> Due | None:
        """"Emergency Plan is on the June agenda. Cllr Lee agreed to add the halls.": a task
        with no deadline of its own takes the one the sentence before it sets, unless that
        sentence is someone else's task."""
        if k == 0 or sents[k - 1] in text or due_in(text, self.cal).text:
            return None
        prev = sents[k - 1]
        others = {c.owner_text for c in commitments(prev, self.people)} - {owner}
        near = due_in(prev, self.cal)
        # a deadline or a meeting, not a date something takes effect
        if near.date and not others and re.search(r"(?i)\b(?:agenda|meeting|due|deadline|by)\b",
                                                  near.text or ""):
            return near
        return None


def _by_owner(text: str, sent: str, found: list[Commitment],
              people: OwnerResolver) -> list[tuple[str, list[Commitment]]]:
    """"Jo would book the venue and RT would arrange catering": two owners doing different
    things are two tasks, cut at the "and"/";" before the second owner; one task when a clause
    would be left without its own doer."""
    owners = list(dict.fromkeys(c.owner_text for c in found if not c.implied))
    if len(owners) < 2 or text != sent:
        return [(text, found)]
    spans, at = [], 0
    for c in found[1:]:
        if not sent[c.start:].startswith(c.owner_text):
            return [(text, found)]  # found in a reworded sentence: offsets do not carry over
        art = re.search(r"\b(?:the|The)\s$", sent[:c.start])
        begin = art.start() if art else c.start  # the second task starts at its subject
        body = sent[:begin].rstrip()
        if re.search(r"\band\s(?:asked|requested|invited|urged)$", body):
            body = body[:body.rfind(" and ") + 4]  # "… and asked Trustees to …": cut at "and"
        word = body.rsplit(None, 1)[-1] if body.split() else ""
        if word in ("and", "but", "while"):
            cut = len(body) - len(word)
        elif body.endswith((",", ";")):
            cut = len(body)
        else:
            return [(text, found)]
        spans.append((at, cut))
        at = len(body) if word == "and" and len(body) < begin - 4 else begin
    spans.append((at, len(sent)))
    pieces = [sent[a:b].strip(" ,;") for a, b in spans]
    out = []
    for piece in pieces:
        own = commitments(piece, people)
        if not own:
            return [(text, found)]
        out.append((piece, own))
    return out


# --- resolutions that task someone ----------------------------------------------------------

@lru_cache(maxsize=1)
def _tasking_rx() -> re.Pattern:
    from .owners import vocab
    roles = vocab()["role_rx"].pattern
    groups = "|".join(re.escape(g) for g in sorted(vocab()["groups"], key=len, reverse=True))
    one = rf"(?:{roles}|(?i:{groups}))"
    return re.compile(
        rf"(?i:\b(?:delegates?\s+(?:authority\s+)?to|asks?|requests?\s+that|urges?|"
        rf"call(?:s)?\s+(?:on|upon))\s+the\s+)(?P<owner>{one}"
        rf"(?:\s+(?:in\s+conjunction\s+with|together\s+with|jointly\s+with|and)\s+(?:the\s+)?"
        rf"{one})?)")


def _tasking(text: str, after: list, item: str | None,
             people: OwnerResolver) -> list[tuple[str, str, bool]]:
    """Resolutions that task someone: "Delegates to the Monitoring Officer …", "That the
    Clerk invite …", "urges the Executive in conjunction with the Cabinet Member to …"; an
    introduction ending "… to:" tasks them with each of the sub-decisions that follow it."""
    body = re.sub(r"^\s*(?:\d{1,2}[.)]|\(?[a-z]{1,4}\))\s*", "", text)
    m = _tasking_rx().search(body)
    if m:
        owner = re.sub(r"(?i)\s+(?:in\s+conjunction\s+with|together\s+with|jointly\s+with)\s+",
                       " and ", m.group("owner"))
        if body.rstrip().endswith(":"):
            return [(owner, f"{body.rstrip()} {r.text}", False)
                    for r in _sub_decisions(after, item)]
        return [(owner, body, False)]
    found = commitments(body, people, decision=True)
    if found:
        return [(_lead(found), body, found[0].implied)]
    return []


def _sub_decisions(after: list, item: str | None) -> list:
    """The resolutions that continue a "… to:" introduction: same item, no subject of their
    own ("Write again to the government …")."""
    out = []
    for r in after:
        if r.item != item or re.match(r"(?i)\s*(?:that|this|the|council|it)\b", r.text):
            break
        out.append(r)
    return out


def _lead(found: list[Commitment]) -> str:
    return " / ".join(dict.fromkeys(c.owner_text for c in found if not c.implied)) or (
        found[0].owner_text if found else "")

"""One task found by several sources (a table row, an "Action:" line, a resolution, a prose
commitment) is one action: the most explicit source's, the others merged into it
(`extract.actions.actions` lists the sources in rank order)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document.textunits import clean
from ..model import Action, Flag

WORD = re.compile(r"[a-z0-9]+")
RANK = {"table": 0, "marker": 1, "margin": 2, "resolution": 3, "prose": 4}
# two rows, two action lines or two resolutions are two tasks, however alike their words
DISTINCT = {"table", "marker", "resolution"}
STOP = {"the", "a", "an", "to", "and", "of", "for", "on", "in", "at", "with", "this", "that", "be",
        "will", "would", "agreed", "is", "are", "was", "were", "it", "up", "out", "by", "as",
        "from", "they", "them", "he", "she", "his", "her", "their", "also", "should", "has",
        "have", "had", "been", "there", "which", "who", "s", "all", "any"}


@dataclass
class Pending:
    """An action found by one source, waiting to be merged with its duplicates."""

    action: Action
    source: str
    pos: int
    flags: list[Flag]
    # the later duplicates merged into this one: where else the task was written
    merged: list[Pending] = field(default_factory=list)
    before: str = ""  # an action line's: the words before it in its block
    footnote: str | None = None  # the mark ("***") its paragraph opens with

    def pop_flags(self) -> list[Flag]:
        out, self.flags = self.flags, []
        return out


def _tokens(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def _dice(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    contained = len(ta & tb) / min(len(ta), len(tb)) if min(len(ta), len(tb)) >= 4 else 0.0
    return max(2 * len(ta & tb) / (len(ta) + len(tb)), 1.0 if contained >= 0.99 else
               contained * 0.9 if min(len(ta), len(tb)) >= 6 else 0.0)


def _content(a: Action) -> set[str]:
    owner_words = {w for o in a.owners for w in WORD.findall(o.lower())}
    return {_stem(w) for w in _tokens(a.text) - STOP - owner_words}


def _stem(word: str) -> str:
    return word[:5]  # crude, enough to pair "prepare"/"prepared", "signatories"/"signature"


def _overlap(a: Action, b: Action) -> float:
    ca, cb = _content(a), _content(b)
    return len(ca & cb) / min(len(ca), len(cb)) if ca and cb else 0.0


def _summarised(row: Pending, p: Pending) -> bool:
    """The body's wording of a task that an action-list table also lists ("RFO to prepare the
    forms for signature at the next meeting" / "Bank mandate to be prepared for signature at
    the next meeting", both the Clerk's): same owners, mostly the same words."""
    return row.source == "table" and bool(row.action.owners) \
        and set(row.action.owners) == set(p.action.owners) and _overlap(row.action, p.action) >= 0.5


def _follows(line: Pending, before: Pending) -> bool:
    """Whether `line` is written right after `before`: it ends the block `before` is in, or
    opens the next one."""
    a, b = line.action.evidence, before.action.evidence
    if a is None or b is None or a.page != b.page:
        return False
    tail = clean(before.action.text)[-40:]
    return line.pos == before.pos + 1 or (line.pos == before.pos and bool(tail)
                                          and clean(line.before).endswith(tail))


def _restates(kept: Pending, prose: Pending) -> bool:
    """A prose commitment that an explicit action nearby restates: its owners among the
    action's, same item,
    at most three blocks apart, and either the action line follows it or they share most of
    their words ("The Clerk agreed to invite a Borough Council representative …" beside
    "That the Clerk invite the Borough Council …")."""
    a, b = kept.action, prose.action
    if not b.owners and not b.owner_text:
        # "The streetlamp will be put on the May agenda" beside "Clerk to put the streetlamp
        # on the May agenda": the body's wording of the task the action line owns. A decision
        # with no doer that an action line follows at once is the task that line assigns
        # ("It was agreed that the contract would be updated … Action AS to amend and send"),
        # though that line merged into the action list's row for it.
        if a.item == b.item and abs(kept.pos - prose.pos) <= 3 and _overlap(a, b) >= 0.5:
            return True
        return any(k.source == "marker" and k.action.item == b.item and _follows(k, prose)
                   for k in (kept, *kept.merged))
    if not b.owners or not set(b.owners) <= set(a.owners) or a.item != b.item:
        return False
    if abs(kept.pos - prose.pos) > 3:
        return False
    if kept.source == "marker" and prose.pos <= kept.pos:
        return True
    return _overlap(a, b) >= 0.5


def merge(found: list[Pending]) -> list[Pending]:
    out: list[Pending] = []
    for p in sorted(found, key=lambda x: RANK.get(x.source, 5)):
        twin = next((q for q in out if _dice(p.action.text, q.action.text) >= 0.7
                     and not (q.source == p.source and p.source in DISTINCT)), None)
        # a prose commitment, or a decision that names no doer, the action line beside
        # it restates
        if twin is None and (p.source == "prose" or (p.source == "resolution"
                                                     and not p.action.owners)):
            twin = next((q for q in out if RANK[q.source] < RANK[p.source]
                         and _restates(q, p)), None)
        if twin is None and p.source != "table":
            twin = next((q for q in out if _summarised(q, p)), None)
        if twin is None:
            out.append(p)
            continue
        twin.merged.append(p)
        a, t = p.action, twin.action
        if twin.source == "table" and p.source != "table":
            t.item = a.item or t.item  # the body's item number, the table's wording
        if not t.owners and a.owners:
            t.owners, twin.flags = a.owners, [f for f in twin.flags
                                              if f.kind != "action-no-owner"]
        if t.due is None and a.due is not None:
            t.due, t.due_text = a.due, a.due_text
    order = {id(p): n for n, p in enumerate(found)}
    return sorted(out, key=lambda p: order[id(p)])

"""One action stated twice in one meeting's papers: once in the item's narrative ("NO to
draft a letter to the residents") and again in the action list at the end of the minutes
("Trees - NO to draft response to residents' letter", often with a reference). Minutes of
parish and town councils and of boards commonly do both; read as two actions, the clerk
would hear one task read out twice and close only one of them.

`restated` pairs each such narrative statement with the later statement that restates it
(the list row: with a reference, or later in the papers). The carry-forward then keeps the
list row as the action and the narrative statement as a mention of it, with its evidence;
its owners and due date count only where the row gives none.

Two statements are one action when the later one is not the earlier's own paragraph, their
owners do not name different people, and either
- topic: the row opens with a topic ("Bus shelter - ...") that is the title of the item the
  narrative statement sits under, and they share a word beyond the topic and the owners
  (two when the narrative statement names no owner), or, for the person the narrative
  names, the row shares a word with the heading's own words after its topic ("Charity –
  The PC agreed to confirm …" / "Charity - NO to write confirming …"); or
- words: they share at least `SHARED` words beyond the owners' names, and enough of them
  (`OVERLAP`) that two tasks of one person on one subject ("write to the district council
  about the hedge" / "ask the district council for a bench") stay apart. The person one
  statement is owned by counts as a shared word when the other's task names them ("the
  contractor has offered to repair the wall" / "NO to ask the contractor to proceed with
  the repairs"; "... which the Clerk will circulate" / a row "Clerk to circulate the
  report" whose owner column names someone else), and words that say nothing of a task
  (pronouns, auxiliaries: `_NOT_TASK`) count on neither side.
Each narrative statement goes with the one row it best agrees with.

`extended` finds the open thread a later meeting restates, without its reference, in
fuller words.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..mapping import singular
from .said import WORDING_MEETINGS, Said, Thread, content_words

SHARED = 3  # words beyond the owners that two statements of one task have in common
OVERLAP = 0.3  # Dice over those words: rewordings of one task share more than this
CONTAINED = 2  # task words a short statement needs for a row containing them to restate it
TOPIC_DASHES = "-\u2013\u2014"  # the dash between a list row's topic and its task
TOPIC_CHARS = 60  # a topic is a short heading, not a sentence
_LETTERS = re.compile(r"[a-z]+")  # "Planning 24/01234/F" is about planning
# Words that say nothing of an item's subject ("Playground update" is "Playground").
_TOPIC_STOP = frozenset({"of", "the", "and", "by", "to", "for", "in", "on", "at", "update"})


def _topic_words(text: str) -> frozenset[str]:
    # Plural and singular headings ("Co-option of councillors" under "Co-option of
    # Councillor") are one topic.
    return frozenset(singular(w) for w in _LETTERS.findall(text.casefold())
                     if len(w) > 1 and w not in _TOPIC_STOP)


def topic(text: str) -> str | None:
    """The heading a list row opens with, before a dash that a space touches ("Village
    upkeep - ...", "BTFC agreement- ..."); None when the row has none."""
    for i, ch in enumerate(text[:TOPIC_CHARS]):
        if ch in TOPIC_DASHES and i > 0 and (text[i - 1] == " " or text[i + 1:i + 2] == " "):
            return text[:i].strip() or None
    return None


def _same_topic(row: Said, title: str | None) -> bool:
    heading = topic(row.text)
    if not heading or not title:
        return False
    mine, theirs = _topic_words(heading), _topic_words(topic(title) or title)
    shared = mine & theirs
    return bool(shared) and 2 * len(shared) >= min(len(mine), len(theirs))


# Function words the carry's stop list keeps (they matter to near-identical wording) but
# that say nothing of what a task is: a report sentence ("had submitted his report which")
# would otherwise outweigh the words it shares with its row.
_NOT_TASK = frozenset({
    "he", "she", "they", "him", "her", "them", "his", "hers", "their", "its", "we", "our",
    "has", "had", "have", "been", "being", "which", "who", "whom", "also", "all", "any",
    "if", "out", "per", "there", "so", "can", "should", "shall", "could",
})


def _title_words(title: str | None) -> frozenset[str]:
    """The words of an item's heading after its topic ("Charity – The PC agreed to …")."""
    rest = (title or "")[len(topic(title or "") or ""):]
    return frozenset(w for w in _topic_words(rest) if len(w) > 3 and w not in _NOT_TASK)


def _stems(ws: frozenset[str]) -> frozenset[str]:
    """Words with a verb's ending taken off ("confirming", "confirmed" -> "confirm")."""
    out = set()
    for w in ws:
        for end in ("ing", "ed"):
            if w.endswith(end) and len(w) - len(end) >= 4:
                w = w[:-len(end)]
                break
        out.add(w)
    return frozenset(out)


def _owner_words(said: Said) -> frozenset[str]:
    return frozenset(singular(w) for w in content_words(said.owner_text or ""))


def _task_words(said: Said) -> frozenset[str]:
    """Content words without the owners' names or initials ("NO", "Clerk", "CF")."""
    return frozenset(singular(w) for w in said.content | said.numbers) - _owner_words(said) \
        - _NOT_TASK


def _words_compared(a: Said, b: Said) -> tuple[frozenset[str], frozenset[str]]:
    """Each statement's task words, with its owners where the other's task names them."""
    mine, theirs = _task_words(a), _task_words(b)
    return mine | (_owner_words(a) & theirs), theirs | (_owner_words(b) & mine)


def _owners_differ(a: Said, b: Said) -> bool:
    return bool(a.people and b.people and not a.people & b.people)


def _agreement(narrative: Said, row: Said, title: str | None) -> float | None:
    """How well `row` restates `narrative` (shared task words), or None when it does not."""
    differ = _owners_differ(narrative, row)
    same_topic = _same_topic(row, title)
    if differ and not same_topic:
        return None
    mine, theirs = _words_compared(narrative, row)
    shared = mine & theirs
    if same_topic:
        beyond = shared - _topic_words(topic(row.text) or "")
        # A statement naming no one ("A letter will be sent") must agree by more words, and
        # so must one whose owner the row names otherwise: under the item's own topic, the
        # same task in the same words is one action and the names a clerk's slip ("NS to
        # respond to Nigel …" / "Grasscutting – NO to respond to Nigel Prickett …"); a
        # row naming the narrative's owner wins over it.
        enough = 2 if differ or not narrative.has_owners else 1
        if len(beyond) >= enough:
            return float(len(shared)) - (0.5 if differ else 0.0)
        # The item's heading runs on past its topic into what was agreed ("Charity - The
        # PC agreed to confirm the trustees"): the row may restate the task in those words
        # ("Charity - NO to write confirming the appointments"), for the person the
        # narrative names.
        told = _stems(_title_words(title) - _topic_words(topic(row.text) or ""))
        if narrative.has_owners and not differ \
                and told & _stems(theirs - _owner_words(row)):
            return 0.5
        return None
    if len(shared) >= SHARED and 2 * len(shared) >= OVERLAP * (len(mine) + len(theirs)):
        return float(len(shared))
    # A short statement whose every task word the row repeats, for its own owner: "HD to
    # create poster" in the narrative, "Spring clean – NO to respond to CDC with dates HD
    # to create posters" in the list.
    if (len(mine) >= CONTAINED and mine <= theirs and narrative.people
            and narrative.people <= row.people):
        return float(len(shared))
    return None


def _place(s: Said) -> tuple[int, int, int]:
    p = s.provenance
    return (p.get("page") or 0, p.get("block") or 0, s.id)


def restated(actions: list[Said], titles: dict[tuple[int, str], str]) -> dict[int, Said]:
    """One meeting's narrative statements that a later statement restates: the narrative
    statement's id -> the restating statement. `titles` are item titles by (meeting id,
    item number)."""
    out: dict[int, Said] = {}
    for d in actions:
        # A referenced row is the action itself; a row printing an update reports on an
        # earlier action (an unnumbered row of the carried-actions table), not this one.
        if d.ref or d.note:
            continue
        best: tuple[float, tuple[int, int, int], Said] | None = None
        for p in actions:
            later = _place(p) > _place(d) and _place(p)[:2] != _place(d)[:2]
            if p is d or not later or p.id in out or (not p.ref and d.has_owners
                                                      and not p.has_owners):
                continue
            score = _agreement(d, p, titles.get((d.meeting.id, d.item or "")))
            if score is not None and (best is None or (score, _place(p)) > best[:2]):
                best = (score, _place(p), p)
        if best is not None:
            out[d.id] = best[2]
    for d_id, p in out.items():  # a restatement that is itself restated: to the last
        while p.id in out:
            p = out[p.id]
        out[d_id] = p
    return out


def as_mention(narrative: Said, row: Said) -> Said:
    """The narrative statement as a mention of the row's action: its owners and due date
    only where the row gives none (the row is the minute's own list)."""
    changes: dict[str, object] = {}
    if row.has_owners:
        changes.update(has_owners=False, people=frozenset(), unresolved=False)
    if row.due or row.due_text:
        changes.update(due=None, due_text=None)
    return dataclasses.replace(narrative, **changes) if changes else narrative  # type: ignore[arg-type]


# -- a later meeting's fuller restatement --------------------------------------------------------

CONTAINED_WORDS = 3  # a thread's text must say this much to be recognised inside another


def extended(candidates: list[Thread], said: Said, since: Callable[[Thread], int]
             ) -> Thread | None:
    """The open thread of the same owner whose every word a later action repeats, adding
    detail or a topic ("JH will speak to the resident" -> "Trees - JH will speak to the
    resident about the willows"): the minutes restating it without its reference. Only
    within `WORDING_MEETINGS` of its last mention, where a reworded link is allowed at all
    (`wording_bar`); the latest raised wins."""
    fits = [t for t in candidates
            if t.status == "open" and said.people & t.raised.people
            and len(t.raised.content) >= CONTAINED_WORDS and t.raised.content <= said.content
            and t.raised.meeting.id != said.meeting.id and since(t) <= WORDING_MEETINGS]
    return max(fits, key=lambda t: t.raised.id) if fits else None

"""What a body's papers said, as the carry-forward sees it, and how two sayings compare.

A `Said` is one action, RAG row or matters-arising note of one meeting (`Sitting`); a
`Thread` is an action followed from the meeting that raised it. Two texts are compared by
their content words (Dice `overlap`) and, when those agree enough, character by character
(`near_identical`); references by their letters and digits (`ref_key`), where a short or all-digit
one (`bare_ref`) only numbers one meeting's table. `WordIndex` finds the few texts worth
comparing among thousands.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from ..mapping import normal_text, words

NEAR = 0.9  # character similarity of normalised texts that makes two wordings one
NEAR_WORDS = 0.6  # word overlap (Dice) below which two texts cannot be near-identical
BARE_REF_OVERLAP = 0.5  # word overlap a bare reference needs to link two texts
CONTAINS = 0.6  # share of a thread's words a matters-arising note must contain (≥ 3)
# A done-report told under another item ("the bench has now been installed" under
# "Village green") is not about earlier actions by its place, so it links only when it
# holds nearly all of a thread's words, and not once a wording link would no longer do.
STRONG_CONTAINS = 0.8
# A full reference ("Mar24.03") links two texts unless both say something and what they
# say shares almost nothing: then the clerk has reused the reference for a new action.
# A row with fewer content words than REF_TEXT_WORDS ("done", "see above") is a status
# row and links by reference alone. Unrelated actions of one parish council (its members'
# initials and item titles in common) overlap below 0.25 in 98 pairs of 100; the rows the
# clerk restated under their reference, reworded or not, overlap 0.5 and more.
REF_TEXT_WORDS = 3
REF_REUSED_OVERLAP = 0.25
# Time weakens a wording link: a restatement one or two meetings on (`WORDING_MEETINGS`)
# needs NEAR, each further meeting of the body since the thread was last mentioned adds
# WORDING_STEP, so after six meetings only the same words link and after seven none do
# (a monthly council's half year, a quarterly board's eighteen months). Meetings, not
# months: how often a body meets sets how soon it restates an action.
WORDING_MEETINGS = 2
WORDING_STEP = 0.025
T = TypeVar("T")
_STOP = frozenset({
    "a", "an", "the", "to", "of", "and", "or", "for", "on", "in", "at", "by", "with", "from",
    "be", "will", "would", "that", "this", "is", "are", "was", "were", "as", "about", "it",
    "cllr", "councillor", "action", "actions",
})


@dataclass(frozen=True)
class Sitting:
    id: int
    date: dt.date | None
    record: str

    @property
    def order(self) -> tuple[Any, ...]:
        # The agenda pack comes before the minutes of the same day; undated meetings last.
        return (self.date is None, self.date or dt.date.min, self.record != "agenda", self.id)


@dataclass
class Said:
    """One fact that may raise or speak to a thread: an action, a RAG row or a note."""

    kind: str  # action / rag / matters-arising
    id: int
    meeting: Sitting
    text: str
    ref: str | None
    provenance: dict[str, Any]
    status: str | None = None  # what this paper states: open / closed / None
    note: str | None = None  # the words it states it with
    due: dt.date | None = None
    due_text: str | None = None
    has_owners: bool = False
    people: frozenset[int] = frozenset()  # owners resolved to a person of the body
    unresolved: bool = False  # an owner that resolved to no person (a role, a bare string)
    key: str = ""
    source: str = ""  # the history column its id goes in, when not the kind's own
    aside: bool = False  # a note told outside matters arising (`STRONG_CONTAINS`)
    item: str | None = None  # the agenda item it was minuted under
    owner_text: str | None = None  # the owners as written ("NO", "Clerk")
    # every owner a person who had not sat with the body by then (a resident, a
    # contractor): not on the list the body keeps of its own actions
    outsiders: bool = False
    norm: str = ""
    content: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()

    @property
    def rank(self) -> tuple[Any, ...]:
        """Later meeting, then later row: the tie-break between equally good matches. Not
        the row id alone, which follows the order the files arrived in."""
        return (self.meeting.order, self.id)

    def __post_init__(self) -> None:
        self.norm = normal_text(self.text)
        self.content = content_words(self.text)
        self.numbers = frozenset(w for w in self.norm.split() if w.isdigit())


@dataclass
class Thread:
    raised: Said
    events: list[tuple[Said, str]] = field(default_factory=list)  # (fact, how linked)
    status: str = "open"  # as the papers so far have it, for matching against open threads
    refs: set[str] = field(default_factory=set)  # reference keys of its actions
    # (its action, the earlier thread's text) where the clerk reused that thread's
    # reference for this one's different subject: flagged for the clerk.
    reused: list[tuple[Said, Said]] = field(default_factory=list)
    stale_since: dt.date | None = None  # open and unmentioned for a while (closing.py)

    @property
    def actions(self) -> list[Said]:
        return [s for s, _ in self.events if s.kind == "action"]


def ref_key(ref: str | None) -> str:
    return "".join(words(ref))


def bare_ref(ref_key: str) -> bool:
    """A reference that only numbers a row of one meeting's table ("3", "4b", "1.2")."""
    return len(ref_key) < 4 or not any(c.isalpha() for c in ref_key)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _STOP and len(w) > 1)


def overlap(a: Said, b: Said) -> float:
    """Dice coefficient of the two texts' content words: cheap and order-blind."""
    return words_overlap(a.content, a.norm, b.content, b.norm)


def words_overlap(a: frozenset[str], a_norm: str, b: frozenset[str], b_norm: str) -> float:
    """`overlap` of two texts given by their content words and normalised text."""
    if not a or not b:
        return 1.0 if a_norm == b_norm else 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def near_identical(a: Said, b: Said, meetings: int = 1) -> bool:
    """Near-identical wording: nearly the same characters in the same order, and the same
    numbers ("report on item 5" is not "report on item 6"), the bar rising with the
    `meetings` of the body since `b`'s thread was last mentioned (`wording_bar`). Word
    overlap is checked first, as the character comparison is the slow part."""
    bar = wording_bar(meetings)
    if bar > 1:
        return False
    if a.norm == b.norm:
        return True
    return (a.numbers == b.numbers and overlap(a, b) >= NEAR_WORDS
            and SequenceMatcher(None, a.norm, b.norm, autojunk=False).ratio() >= bar)


def wording_bar(meetings: int) -> float:
    """The character similarity a wording link needs `meetings` meetings on (above 1: none
    will do)."""
    # Rounded: 0.9 + 4 × 0.025 must be 1 (the same words), not a hair above it.
    return round(NEAR + WORDING_STEP * max(0, meetings - WORDING_MEETINGS), 6)


def same_subject(a: Said, b: Said) -> bool:
    """Whether two texts under one full reference can be one action: either is a status
    row with little text, or their words agree beyond `REF_REUSED_OVERLAP`."""
    if len(a.content) < REF_TEXT_WORDS or len(b.content) < REF_TEXT_WORDS:
        return True
    return overlap(a, b) >= REF_REUSED_OVERLAP


class WordIndex(Generic[T]):
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

    def drop(self, gone: Callable[[T], bool]) -> None:
        """Take out every text `gone` says goes; the rest keep their order."""
        for key in list(self.filed):
            kept = [t for t in self.filed[key] if not gone(t)]
            if kept:
                self.filed[key] = kept
            else:
                del self.filed[key]

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

"""Motions: a decision written as the motion and the vote that carried it, the way councils,
boards and township meetings in the US and elsewhere record them.

  "Trustee A moved to approve the agenda. Trustee B seconded. Roll call vote: Ayes – … Motion
  carried" / "Motion to approve the minutes … was made by Trustee A, seconded by Trustee B.
  All were in favor." / "Councilmember A moved, seconded by Councilmember B, to approve first
  reading." … discussion … "After discussion, the motion carried unanimously."

A motion is a decision only once an outcome that carries it is recorded; the outcome may be
paragraphs later in the same item, so the open motion waits in the scan's context. A motion
lost, failed or withdrawn, or never given an outcome, is not a decision; one never given an
outcome is kept for the clerk (`MotionScan.unresolved`, flagged by the caller); nor is a procedural
motion (adjourn, recess, closed session) or an amendment (it becomes part of the motion it
amends). A consent agenda carried in one motion is one decision per lettered consent item
listed before it. Vocabulary lives in resolutions.json ("motion_*").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document.textunits import Segment
from ..model import Resolution
from ..vocab import load_vocab

EXTRACTOR = "resolutions@1"
MAX_CONSENT = 30
MAX_SUBJECT = 3  # sentences before a bare motion that say what it adopts (not a page header)


@lru_cache(maxsize=1)
def _p() -> dict[str, re.Pattern]:
    raw = load_vocab(__package__, "resolutions.json")
    return {k: re.compile(raw[f"motion_{k}"], re.IGNORECASE)
            for k in ("open", "carried", "lost", "procedural", "vote", "bare", "consent",
                      "result", "amends")}


@dataclass
class Motion:
    """A motion moved and not yet given its outcome."""

    text: str
    seg: Segment
    answered: bool = False  # a decision sentence after it records what became of it


# Every wording of "motion_open" holds one of these, or opens with its numbered heading's
# start (tests/test_extract_gates.py checks each wording): the full pattern, tried at every
# position of a sentence without them, was most of what reading motions cost.
OPEN_WORDING = re.compile(r"move|motion|^\s*[A-Z]{0,3}\d", re.IGNORECASE)


@lru_cache(maxsize=4096)  # a sentence is asked up to five times as the scan steps over it
def opens(sentence: str) -> bool:
    return bool(OPEN_WORDING.search(sentence)) and bool(_p()["open"].search(sentence))


def outcome(sentence: str) -> str | None:
    """'carried', 'lost', or None when the sentence records no outcome."""
    if _p()["lost"].search(sentence):
        return "lost"
    if _p()["carried"].search(sentence):
        return "carried"
    return None


def is_vote_record(sentence: str) -> bool:
    """A seconder or a tally between a motion and its outcome ("Trustee B seconded.")."""
    return bool(_p()["vote"].search(sentence))


def is_procedural(motion: str) -> bool:
    """Motions about the meeting itself, and amendments: not decisions of their own."""
    return bool(_p()["procedural"].search(motion))


def needs_subject(motion: str) -> bool:
    """"Moved by Smith to adopt." says what was adopted only through the text before it."""
    return bool(_p()["bare"].search(motion))


def carried(motion: Motion, tail: str, segs_before: list[str]) -> list[Resolution]:
    """The decision(s) a carried motion makes: the motion with its vote, or, for a consent
    agenda, one entry per lettered consent item in `segs_before` (the item's text up to the
    motion)."""
    if is_procedural(motion.text):
        return []
    seg = motion.seg
    if _p()["consent"].search(motion.text):
        items = consent_items(segs_before + [motion.text])
        if items:
            return [Resolution(seg.item, t, seg.evidence(EXTRACTOR, t)) for t in items]
    text = f"{motion.text} {tail}".strip()
    return [Resolution(seg.item, text, seg.evidence(EXTRACTOR, text))]


LETTER = re.compile(r"(?:^|(?<=\s))\(?([a-z])[.)]\s++")
REF = re.compile(r"\b(\d{1,2})([a-z])\b")


def consent_refs(motion: str) -> set[tuple[str, str]]:
    """Consent items a motion names by number: "items 11a, 11b, and 11c" -> (11, a) …"""
    if not _p()["consent"].search(motion):
        return set()
    return {(n, letter) for n, letter in REF.findall(motion)}


def consent_items(texts: list[str]) -> list[str]:
    """Lettered entries "a. Approve Minutes … b. Ratify Payment …" in order (a, b, c …),
    inline or one per paragraph; a letter out of sequence is part of the entry's words."""
    flat = " ".join(texts)
    out: list[str] = []
    starts: list[tuple[int, int]] = []  # (marker start, text start)
    expect = "a"
    for m in LETTER.finditer(flat):
        if m.group(1) == expect:
            starts.append((m.start(), m.end()))
            expect = chr(ord(expect) + 1)
        elif m.group(1) == "a" and len(starts) < 2:  # an earlier stray "a." restarts
            starts, expect = [(m.start(), m.end())], "b"
        if len(starts) > MAX_CONSENT:
            break
    if len(starts) < 2:
        return []
    for n, (_, at) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(flat)
        piece = flat[at:end].strip()
        if n + 1 == len(starts):
            piece = _before_motion(piece)
        if piece:
            out.append(piece)
    return out


def _before_motion(text: str) -> str:
    """The last consent item runs into the motion when no full stop ends it: "c. Approve
    Closure on Friday MOTION: Trustee Birch moved to approve …" -> "Approve Closure on Friday"."""
    m = _p()["open"].search(text)
    if m is None:
        return text
    head = text[:m.start()]
    label = re.search(r"(?i)\bmotion\s*:", head)
    if label:
        return head[:label.start()].strip()
    return re.sub(r"(?:\s++[A-Z][\w.'-]*+){1,3}\s*$", "", head).strip()  # the mover's name


@dataclass
class MotionScan:
    """What the scan carries between sentences and segments: the open motion, and the
    item's sentences since its last decision (a consent list, a bare motion's subject)."""

    open: Motion | None = None
    item: str | None = None
    before: list[str] | None = None
    raw: str | None = None  # the block the sentences of `here` come from
    here: list[str] | None = None  # this block's sentences since its last decision
    recent: list[Resolution] | None = None  # the motion just carried, until the next sentence
    superseded: list[Resolution] | None = None  # motions restated by the decision after them
    made: list[Resolution] | None = None  # every decision a carried motion made
    ahead: set[tuple[str, str]] | None = None  # consent items (item, letter) carried before
    taken: bool = False  # this block was taken whole as a consent item
    recent_raw: str | None = None  # the block the recent motion was carried in
    unresolved: list[Motion] | None = None  # motions left with no outcome read, for a flag

    def close(self, recorded: bool = False) -> None:
        """The open motion's item or section ends; `recorded`: by a line that records its
        outcome ("RESOLVED that …"), else it had none."""
        if recorded:
            self.open = None
        self._drop()

    def _drop(self) -> None:
        """Never drop what cannot be resolved: a motion given no outcome is no decision, but
        the clerk is shown it (procedural motions and amendments aside)."""
        if self.open is not None and not self.open.answered and not is_procedural(self.open.text):
            self.unresolved = (self.unresolved or []) + [self.open]
        self.open = None

    def followed_by(self, decided: bool) -> None:
        """The sentence or heading after a carried motion: a decision there ("It was
        APPROVED that: 1. …", "RESOLVED that …") records the motion's substance itself."""
        if self.recent and decided:
            self.superseded = (self.superseded or []) + self.recent
        self.recent = None

    def step(self, s: str, seg: Segment, decided: bool,
             title: str | None = None) -> tuple[bool, list[Resolution]]:
        """Read one sentence: whether it belongs to a motion, and the decisions it closes.
        `decided`: the sentence is a decision as written ("Peter moved that the report be
        adopted and Rod agreed."), read as such by the caller; `title`: the sub-heading the
        sentence sits under."""
        if self.before is None or seg.item != self.item:
            self._drop()
            self.item, self.before = seg.item, []
        if seg.raw != self.raw:
            self.raw, self.here, self.taken = seg.raw, [], False
            m = LETTER.match(seg.text)
            if self.ahead and m and (seg.item, m.group(1)) in self.ahead:
                self.ahead.discard((seg.item, m.group(1)))
                text = seg.text[m.end():].strip()
                found = [Resolution(seg.item, text, seg.evidence(EXTRACTOR, text))]
                self.made, self.taken = (self.made or []) + found, True
                return True, found
        if self.taken:  # the rest of a consent item already taken whole
            return True, []
        assert self.here is not None
        if self.open is not None and outcome(s) is None and not opens(s) and (
                is_vote_record(s) or self.open.text.endswith(":")):
            # a seconder or tally; or the motion's words under its header ("M24-07 A, B:")
            self.open.text = f"{self.open.text} {s}"
            return True, []
        if self.open is None and _p()["result"].match(s):
            return True, self._result(s, title, seg)
        if self.recent and not (opens(s) or decided) and (
                outcome(s) == "carried" or is_vote_record(s)):
            self.recent[-1].text = f"{self.recent[-1].text} {s}"  # "… in favor. Motion passes."
            return True, []
        if self.recent and decided and not opens(s) and self.recent_raw == seg.raw:
            # "… All were in favor. The bills stand approved for payment.": the motion's
            # outcome restated; a formal lead-in after it supersedes it instead (followed_by)
            self.recent[-1].text = f"{self.recent[-1].text} {s}"
            return True, []
        self.followed_by(False)
        if opens(s) and decided:
            self._drop()
            return False, []
        if opens(s):
            if self.open is not None and _p()["amends"].search(s):
                self.open.answered = True  # the amendment's vote decides what became of it
            self._drop()  # a new motion: the one before it got no outcome
            text = s
            if needs_subject(s) and self.here:
                text = f"{' '.join(self.here[-MAX_SUBJECT:])} {s}"
            self.open = Motion(text, seg)
            if outcome(s) == "carried":
                return True, self._carried("")
            return True, []
        if self.open is None:
            self._remember(s)
            return False, []
        self.open.answered = self.open.answered or decided
        result = outcome(s)
        if result == "carried":
            return True, self._carried(s)
        if result == "lost":
            self.open = None
            self.before, self.here = [], []
            return True, []
        self._remember(s)
        return False, []

    def _result(self, s: str, title: str | None, seg: Segment) -> list[Resolution]:
        """ "Result: PASSED [5-0]" under an item: the decision is what stands above it, the
        recommendation in this item's text or else the item's title."""
        if re.search(r"(?i)\b(?:failed|lost|defeated|withdrawn)\b", s):
            return []
        subject = (self.here or self.before or [None])[-1] or title
        if not subject:
            return []
        self.open = Motion(subject, seg)
        return self._carried(s)

    def _remember(self, s: str) -> None:
        assert self.before is not None and self.here is not None
        self.before = (self.before + [s])[-MAX_CONSENT * 2:]
        self.here = (self.here + [s])[-MAX_CONSENT:]

    def _carried(self, tail: str) -> list[Resolution]:
        assert self.open is not None
        refs = consent_refs(self.open.text)
        if refs and not consent_items((self.before or []) + [self.open.text]):
            # "… approve agenda items 11a, 11b and 11c of the Consent Agenda": the items are
            # listed further on; each becomes a decision when it is read (`ahead`)
            self.ahead, self.open, self.before, self.here = refs, None, [], []
            return []
        found = carried(self.open, tail, self.before or [])
        self.open, self.before, self.here, self.recent = None, [], [], found
        self.recent_raw = self.raw
        self.made = (self.made or []) + found
        return found

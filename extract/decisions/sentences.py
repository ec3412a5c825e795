"""Decisions written as sentences rather than under a formal lead-in.

"It was agreed …", "The Board agreed …", "… were approved …", "X proposed and Y seconded
that …", "… all in favour", "AGREED." — with the vote record that follows kept in the same
entry. Vocabulary lives in resolutions.json.

Not decisions of this meeting: another body's decisions reported to it ("The Chair of the
Finance Committee updated the Board on discussions at the committee meeting: … it was agreed
to …"), statistics ("39 adopter households were approved"), and a bare "Agreed." with nothing
to say what was agreed.

A decision that only points back ("The Board agreed unanimously to accept this proposal.")
is led by the sub-heading it sits under, so the clerk can tell which proposal; identical
sentences under different sub-headings stay apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..document.sections import without_printed_number
from ..document.textunits import Segment, clean, cut_units, split_sentences
from ..model import Resolution
from ..vocab import any_word, load_vocab
from .motions import MotionScan

EXTRACTOR = "resolutions@1"
VOTE = re.compile(r"(?i)^\s*(?:proposed\.?$|agreed\s+unanimously|carried|motion\s+carried)"
                  r"|\b(?:seconded|in\s+favou?r|abstained|abstention|against|roll\s+call\s+was)\b")
LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|\(?[a-h]\)|\(?[ivx]{1,4}\)"
                            r"|x(?=\s+[A-Z]))\s+")
BARE_OUTCOME = re.compile(r"(?i)^\s*(?:it\s+was\s+)?(?:agreed|approved|carried)"
                          r"(?:\s+unanimously)?\s*+[.!]?\s*$")
BARE_NOTED = re.compile(r"(?i)^\s*noted\.?\s*$")  # an outcome only under an item's heading
TRAILING_AGREED = re.compile(r"(?:[.,]|\b)\s*AGREED\.?\s*$")  # case-sensitive on purpose
MID_LEADIN = re.compile(r"(?i)(?:,\s*+|(?<!\s)\s*+)?\band\s+"
                        r"(?=it\s+was\s+(?:\w+\s+)?(?:agreed|resolved)\b)")
MONEY_LINE = re.compile(r"(?:£|\$|€)\s*[\d,]+(?:\.\d{2})?\s*$")
TITLE_SPLIT = re.compile(r"(?<!\s)\s++[-–—]\s+|:\s+")


@lru_cache(maxsize=1)
def _p() -> dict:
    raw = load_vocab(__package__, "resolutions.json")
    return {
        "sentence": [re.compile(s, re.IGNORECASE) for s in raw["sentence"]],
        "reject": [re.compile(s, re.IGNORECASE) for s in raw["reject"]],
        "reported_lead": re.compile(raw["reported_lead"], re.IGNORECASE),
        "own_subject": re.compile(raw["own_subject"], re.IGNORECASE),
        "anaphoric": re.compile(raw["anaphoric"], re.IGNORECASE),
        "needs_context": re.compile(raw["needs_context"], re.IGNORECASE),
        "points_back": re.compile(raw["points_back"], re.IGNORECASE),
    }


# Every wording in "sentence" holds one of these words (tests/test_extract_gates.py checks one
# sentence per pattern): most sentences hold none, and are spared trying every pattern.
DECISION_WORDING = any_word(
    "agreed resolved decided approved adopted endorsed accepted ratified signed seconded noted "
    "received signatories appointed elected opted passed carried confirmed favo satisfied "
    "payment settled fixed object observation comment support")


@lru_cache(maxsize=4096)  # a sentence is asked again as the one before the next
def is_decision_sentence(s: str) -> bool:
    p = _p()
    # most sentences decide nothing: the rejections are only worth trying on those that do
    return bool(DECISION_WORDING.search(s)) and any(r.search(s) for r in p["sentence"]) and \
        not any(r.search(s) for r in p["reject"])


def _mask_quotes(s: str) -> str:
    return re.sub(r"“[^”]*”", "“…”", s)


@dataclass
class Context:
    """What the scan knows beyond one sentence: the sub-heading it sits under, and whether
    it is inside a report of another body's meeting."""

    tables: set[int] = field(default_factory=set)  # indexes of the part's tables
    heading: str | None = None  # the latest sub-heading's words, within the current item
    heading_item: str | None = None
    reported: bool = False  # after "… updated the Board on discussions at the committee:"
    raw: str | None = None  # the block or cell the reported flag belongs to
    in_table: bool = False  # whether that raw is a table cell
    left: dict[bool, bool] = field(default_factory=dict)  # in a table? -> flag when left
    motions: MotionScan = field(default_factory=MotionScan)  # a motion awaiting its vote

    def enter(self, seg: Segment) -> None:
        in_table = seg.index in self.tables
        if seg.raw != self.raw:
            if self.raw is not None:
                self.left[self.in_table] = self.reported
            # a cell (or block) opening in lower case carries on the last cell (or block)
            # cut by the page break, footers read in between notwithstanding
            continued = seg.raw.lstrip()[:1].islower()
            self.reported = continued and self.left.get(in_table, False)
            self.raw, self.in_table = seg.raw, in_table
        if seg.item != self.heading_item:
            self.heading, self.heading_item = None, seg.item

    def set_heading(self, seg: Segment, title: str) -> None:
        self.heading, self.heading_item = title, seg.item
        self.motions.close()  # a motion not carried before the next heading has no outcome


def heading_title(text: str) -> str:
    """ "4. Opening Hours at Great Cornard Library" -> "Opening Hours at Great Cornard Library"."""
    return clean(without_printed_number(LEADING_NUMBER.sub("", text, count=1)))


def heading_decisions(seg: Segment) -> list[Resolution]:
    """A heading that carries its own outcome: "10.24.18 Finance - The following accounts
    were approved for payment: NO proposed JH seconded" (the topic word is dropped). The
    whole heading is vetted, so "… and, if in order, / to be approved as a correct record"
    over two lines stays a heading."""
    if any(r.search(clean(seg.raw)) for r in _p()["reject"]):
        return []
    title = heading_title(seg.text)
    parts = TITLE_SPLIT.split(title, maxsplit=1)
    rest = parts[1] if len(parts) == 2 and len(parts[0].split()) <= 4 else title
    if not is_decision_sentence(_mask_quotes(rest)):
        return []
    return [Resolution(seg.item, rest, seg.evidence(EXTRACTOR, rest))]


def sentence_decisions(seg: Segment, text: str, ctx: Context,
                       previous_heading: str | None = None) -> list[Resolution]:
    """Decision sentences of one segment's text. `previous_heading` is the heading segment
    just before (a bare "NOTED" under "7 WORK PROGRAMME" is "WORK PROGRAMME NOTED")."""
    out: list[Resolution] = []
    last: Resolution | None = None
    previous = ""
    own_title = _own_title(seg)
    for unit in _line_units(seg, text):
        for s in split_sentences(unit):
            s = LEADING_NUMBER.sub("", s, count=1)
            masked = _mask_quotes(s)
            if _p()["reported_lead"].search(masked):
                ctx.reported = True
            in_motion, carried = ctx.motions.step(s, seg, is_decision_sentence(masked),
                                                  own_title or ctx.heading)
            if in_motion:
                out += carried
                last = carried[-1] if carried else last
                continue
            is_vote = bool(VOTE.search(masked)) and not re.search(r"\bthat\b", masked)
            if last is not None and (BARE_OUTCOME.match(masked) or is_vote):
                last.text = f"{last.text} {s}"
                continue
            found = _decision(s, masked, previous, previous_heading if not out else None)
            if found is not None and ctx.reported and not _p()["own_subject"].search(found):
                found = None  # the committee's decision, reported to this meeting
            if found is not None:
                for piece in split_lettered(_with_heading(found, own_title, ctx)):
                    last = Resolution(seg.item, piece, seg.evidence(EXTRACTOR, piece))
                    out.append(last)
            elif not BARE_OUTCOME.match(masked):
                last = None
            previous = s
    return out


INLINE_MARK = re.compile(r"(?:^|(?<=\s))\(([a-h]|[ivx]{1,4})\)\s")


def split_lettered(text: str) -> list[str]:
    """ "It was agreed (a) that the fair be held in June, and (b) that stalls cost £5." -> one
    decision per lettered part, each led by the words before (a)."""
    marks = list(INLINE_MARK.finditer(text))
    if len(marks) < 2 or marks[0].group(1) not in ("a", "i") or \
            marks[1].group(1) not in ("b", "ii"):
        return [text]
    lead = text[:marks[0].start()].strip()
    out = []
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        part = re.sub(r"(?:[,;]\s*+(?:and|or)?|\s(?:and|or))\s*$", "", text[m.end():end].strip())
        out.append(f"{lead} {part}".strip())
    return out


def _decision(s: str, masked: str, previous: str, heading: str | None) -> str | None:
    """The text of the decision `s` makes, or None."""
    if BARE_NOTED.match(masked):
        return f"{heading} {s}" if heading else None
    if BARE_OUTCOME.match(masked):
        if previous:
            if not is_decision_sentence(previous) and any(
                    r.search(previous) for r in _p()["reject"]):
                return None
            return f"{previous} {s}"
        return f"{heading} {s}" if heading else None  # "Agreed." alone says nothing
    if TRAILING_AGREED.search(masked):
        return s  # the outcome, in capitals, after what was agreed
    if not is_decision_sentence(masked):
        return None
    parts = MID_LEADIN.split(s, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) > 20 and len(parts[1].split()) > 6:
        s = parts[1][:1].upper() + parts[1][1:]
    if previous and not is_decision_sentence(previous) and (
            _p()["points_back"].match(s) or len(s.split()) < 7 and _p()["needs_context"].match(s)):
        s = f"{previous} {s}"  # "The Councillors agreed all satisfactory." needs context
    return s


def _with_heading(text: str, own_title: str | None, ctx: Context) -> str:
    """ "The Board agreed unanimously to accept this proposal." under "Opening Hours at
    Great Cornard Library" -> "Opening Hours at Great Cornard Library: The Board …"."""
    if not _p()["anaphoric"].search(text):
        return text
    title = own_title or ctx.heading
    if not title or title.lower() in text.lower():
        return text
    return f"{title}: {text}"


def _own_title(seg: Segment) -> str | None:
    """The title line a segment opens with ("1. Fixed Asset Review" above its minute)."""
    flat = seg.raw.replace("\n", " ")
    at = flat.find(seg.text[:60])
    if at < 0:
        return None
    end = seg.raw.find("\n", at)
    first = seg.raw[at:end if end >= 0 else None]
    title = heading_title(first)
    if end < 0 or not title or len(title) > 80 or title.endswith((".", ":", ";", ",")):
        return None
    return title


def _line_units(seg: Segment, text: str) -> list[str]:
    """A block of list lines ("Larch for Seat<TAB>£ 48.00") ends a sentence at each such
    line: its lines carry no full stops, and prose after them is a sentence of its own."""
    if "\n" not in seg.raw or clean(seg.raw) != text:
        return cut_units(text, seg.units)  # and where a line ended a fact without a stop
    units: list[str] = []
    current: list[str] = []
    for line in seg.raw.split("\n"):
        current.append(line)
        if MONEY_LINE.search(line):
            units.append(clean(" ".join(current)))
            current = []
    if current:
        units.append(clean(" ".join(current)))
    return [piece for u in units if u for piece in cut_units(u, seg.units)]

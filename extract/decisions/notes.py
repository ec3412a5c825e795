"""Narrative notes: the sentences of a meeting's minutes told in running text, kept so the
carry-forward can read reports on earlier actions ("The clerk has written to the
landowner", "There were no outstanding actions from the previous meeting").

Every sentence under an item whose title says it reports on earlier actions ("Matters
arising", "Clerk's report", "Actions from the previous meeting": `notes.json`) is a note
with `arising=True`; sentences of other items are notes with `arising=False`, which the
store keeps only when its closing vocabulary reads them as done-reports (that vocabulary
lives in the store, and extract never imports the store). Headings, quoted motions and the
sentences already read as resolutions or actions are left out. Text is untrusted: a meeting keeps at
most `max_notes` notes of at most `max_chars` characters each, arising ones first.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document.parts import Part
from ..document.sections import sections
from ..document.textunits import clean, segments, unit_sentences
from ..model import Evidence, Meeting, Note
from ..vocab import load_vocab

EXTRACTOR = "notes@1"
# A correspondence subject line opening a paragraph ("CRT re Lifting Bridge.", "Letter from
# the county regarding verges"): the sentence after it reports on that matter.
SUBJECT_LINE = re.compile(r"(?i)\S\s+(?:re|regarding|concerning)\s+\S")
SUBJECT_WORDS = 8


@lru_cache(maxsize=1)
def _vocab() -> tuple[tuple[str, ...], int, int]:
    v = load_vocab(__package__, "notes.json")
    return tuple(v["arising_titles"]), int(v["max_notes"]), int(v["max_chars"])


def arising_titles() -> tuple[str, ...]:
    """Item titles under which a later meeting reports on earlier actions (normalised)."""
    return _vocab()[0]


def normal_title(text: str) -> str:
    """Lower case, punctuation as spaces: "Clerk's Report" -> "clerk s report"."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def is_arising(title: str) -> bool:
    norm = normal_title(title)
    return any(t in norm for t in arising_titles())


def _title(titles: dict[str, str], item: str | None) -> str:
    if not item:
        return ""
    if item in titles:
        return titles[item]
    top = re.match(r"\d+", item)  # "5a", "5.1": the item they belong to
    return titles.get(top.group(), "") if top else ""


def extract_notes(part: Part, meeting: Meeting) -> list[Note]:
    """The narrative sentences of a part's minutes (an agenda proposes; it reports nothing)."""
    if part.record != "minutes":
        return []
    _, max_notes, max_chars = _vocab()
    smap = sections(part)
    titles = {s.number: s.title for s in smap.sections if s.number}
    titles.update({i.number: i.title for i in meeting.items})
    # Decisions and actions are facts of their own: a note repeating one would mention
    # the same thread twice.
    decided = [clean(f.text).casefold() for f in (*meeting.resolutions, *meeting.actions)
               if len(f.text) > 20]
    arising: list[Note] = []
    other: list[Note] = []
    for seg in segments(part, smap):
        if seg.heading or seg.quoted:
            continue
        text = clean(seg.text)
        under = is_arising(_title(titles, seg.item))
        lead = ""
        for n, sentence in enumerate(unit_sentences(seg, text)):
            low = sentence.casefold()
            if n == 0 and len(sentence.split()) <= SUBJECT_WORDS and SUBJECT_LINE.search(sentence):
                lead = sentence  # "CRT re Lifting Bridge." names what the next one reports on
                continue
            if len(sentence) < 8 or any(d in low or low in d for d in decided):
                continue
            start = max(text.find(sentence), 0)
            if lead and 0 <= (at := text.find(lead)) < start:  # the lead and the sentence
                sentence, start = text[at:start + len(sentence)], at
            lead = ""
            quote = sentence[:max_chars]
            ev = Evidence(seg.page, seg.index, start, start + len(quote), EXTRACTOR, quote[:300])
            (arising if under else other).append(Note(seg.item, quote, under, ev))
    return (arising + other)[:max_notes]

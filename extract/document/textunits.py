"""The running text of a part as `Segment`s: a block split at its enumerators and bullets
("(i) …", "a) …", "1. …", "• …"), each with the agenda item it falls under.

A line that its writer ended without a full stop (minutes kept one fact per line) ends a
sentence too: `soft_units` keeps each segment's runs of such lines, `unit_sentences` reads
them. Resolutions and actions both scan segments, so they agree on where text came from. Table
cells that hold running text (minutes laid out as a two-column table of item number and
minute) are turned into segments too; action tables and payment tables are not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Block, Table

from ..model import Evidence
from ..vocab import load_vocab
from .nlp import one_sentence, sentences
from .parts import Part
from .sections import SectionMap, heading_match

OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


@dataclass
class Segment:
    text: str  # lines joined with spaces, tabs kept
    item: str | None
    page: int | None
    index: int  # block or table index
    block_no: int  # position among the part's segment-bearing items
    enumerated: bool  # starts with an enumerator ("(ii)", "b)", "3.", "•")
    heading: bool
    quoted: bool  # inside a proposed motion's quotation, not a decision
    raw: str  # the block/cell text as ingested (newlines and tabs kept)
    # where a line ended a fact without a full stop: the text of each such run of lines
    # (one-fact-per-line minutes); () when the segment is one run
    units: tuple[str, ...] = ()

    def evidence(self, extractor: str, quote: str | None = None) -> Evidence:
        return Evidence(page=self.page, block=self.index, extractor=extractor,
                        quote=(quote or self.text)[:300])


@lru_cache(maxsize=1)
def enumerator() -> re.Pattern:
    return re.compile(load_vocab(__package__, "textunits.json")["enumerator"])


@lru_cache(maxsize=4096)  # each extractor cleans the same segments
def clean(text: str) -> str:
    text = text.replace("\uf0b7", "•").replace("\t", " ")
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ;")


@lru_cache(maxsize=4096)  # actions, decisions, notes and votes each segment the same part
def _split_block(text: str) -> tuple[tuple[str, bool], ...]:
    enum = enumerator()
    out: list[list] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        starts = bool(enum.match(line.replace("\uf0b7", "•")))
        if starts or not out:
            out.append([line, starts])
        else:
            out[-1][0] += "\n" + line
    return tuple((t, s) for t, s in out)


def segments(part: Part, smap: SectionMap, skip_tables: set[int] | None = None) -> list[Segment]:
    out: list[Segment] = []
    width = line_measure(part)
    in_quote = False
    n = 0
    prev_index = -1
    skip_tables = skip_tables or set()
    for it in part.items:
        n += 1
        if isinstance(it, Table):
            if it.index in skip_tables:
                continue
            for row in it.rows:
                for cell in row:
                    if len(cell.text) < 40:
                        continue
                    for text, enum in _split_block(cell.text):
                        out.append(Segment(text.replace("\n", " "), smap.item(it.index), it.page,
                                           it.index, n, enum, False, False, cell.text,
                                           soft_units(text, 0)))
            continue
        if not isinstance(it, Block):
            continue
        body = it.text
        new_minute = bool(re.match(r"^\s*\d{1,2}\)", body)) or it.kind == "heading"
        hit = heading_match(it)
        if hit or new_minute:
            in_quote = False
        if out and not hit and _ends_in_heading(out[-1], it):
            # "… NS to add to" / "Asset Register": a sentence whose last words the layout
            # set apart (bold, or alone on a line) ends there; the short line is no heading
            last = out[-1]
            tail = it.text.strip().replace("\n", " ")
            if last.units:
                last.units = (*last.units[:-1], f"{last.units[-1]} {tail}")
            last.text = f"{last.text} {tail}"
            last.raw = f"{last.raw} {it.text.strip()}"
            prev_index = it.index
            continue
        if (out and not hit and it.kind == "paragraph" and out[-1].page != it.page
                and out[-1].index == prev_index and not out[-1].heading
                and not re.search(r"[.:;!?”]\s*$", out[-1].raw)):
            # a sentence running over a page break continues the previous segment
            last = out[-1]
            more = soft_units(it.text, width) or (it.text.replace("\n", " "),)
            if last.units or len(more) > 1:
                head = last.units or (last.text,)
                last.units = (*head[:-1], f"{head[-1]} {more[0]}", *more[1:])
            last.text = f"{last.text} {it.text.replace(chr(10), ' ')}"
            last.raw = f"{last.raw}\n{it.text}"
            prev_index = it.index
            continue
        prev_index = it.index
        if hit and not hit[2] and "\n" in body.strip():
            first, body = body.strip().split("\n", 1)
            out.append(Segment(first, smap.item(it.index), it.page, it.index, n, False, True,
                               False, first))
        for text, enum in _split_block(body):
            flat = text.replace("\n", " ")
            starts_quote = flat.lstrip(" 0123456789.)(\t").startswith(OPEN_QUOTE)
            quoted = in_quote or starts_quote
            opened = flat.count(OPEN_QUOTE) - flat.count(CLOSE_QUOTE)
            if in_quote and CLOSE_QUOTE in flat and opened < 0:
                in_quote = False
            elif starts_quote and opened > 0:
                in_quote = True
            elif not in_quote and opened > 0 and flat.rstrip().endswith(("to:", ":")):
                in_quote = True
            out.append(Segment(flat, smap.item(it.index), it.page, it.index, n, enum,
                               it.kind == "heading", quoted, it.text, soft_units(text, width)))
    return out


HEADING_TAIL_WORDS = 4  # the words a sentence's end set apart as a heading can hold


def _ends_in_heading(last: Segment, block: Block) -> bool:
    """Whether `block`, set as a heading, is the end of the sentence `last` stops in the
    middle of ("… to" + "Asset Register"): one short line with no full stop, after running
    text whose last word cannot end a phrase (`mid_phrase_end`)."""
    tail = block.text.strip()
    if (block.kind != "heading" or last.heading or last.quoted or "\n" in tail
            or not tail or len(tail.split()) > HEADING_TAIL_WORDS
            or tail.endswith((".", ":", ";"))):
        return False
    words = last.raw.rstrip().split()
    return bool(words) and words[-1].casefold() in _soft()[0]


# --- soft line ends ---------------------------------------------------------------------
# Minutes kept one fact per line often have no full stops ("Cllr Lee will write to the school
# / The Clerk will order the signs"); joined, two owners or two decisions become one. A line
# end is a sentence end when the writer, not the margin, ended the line: the next line's
# first word would have fitted on it, it does not stop mid-phrase ("… from the / Parish
# Council"), and the next line opens with a capitalised subject, not a continuing word.
FIT = 0.85  # share of the measure a line plus the next word stays within (proportional type)
MIN_MEASURE_LINES = 5


@lru_cache(maxsize=1)
def _soft() -> tuple[frozenset[str], frozenset[str]]:
    raw = load_vocab(__package__, "textunits.json")
    return frozenset(raw["mid_phrase_end"]), frozenset(raw["continuing_opener"])


def line_measure(part: Part) -> int:
    """The width in characters the part's running text wraps at: a high percentile of the
    lines that have a line after them in their paragraph (wrapped lines fill the measure);
    0 when too few lines say."""
    lengths = sorted(len(line.rstrip()) for it in part.items
                     if isinstance(it, Block) and it.kind == "paragraph"
                     for line in it.text.split("\n")[:-1] if line.strip() and "\t" not in line)
    if len(lengths) < MIN_MEASURE_LINES:
        return 0
    return lengths[int(len(lengths) * 0.8)]


def may_end(line: str, nxt: str) -> bool:
    """Whether the words allow `line` to end a sentence that has no full stop, given the line
    after it (whether the line was full is for `soft_units` to say)."""
    end, words = line.rstrip(), nxt.split()
    if not end or not words or re.search(r"[.!?:;,(/&+\-–—]$", end):
        return False  # already ended, or openly continued
    if end.count("(") > end.count(")") or end.count("“") > end.count("”"):
        return False  # inside brackets or a quotation
    first = words[0].strip("“‘\"'")
    mid_phrase, continuing = _soft()
    last = end.split()[-1].strip("\"'’”)").lower()
    if (not first[:1].isupper() or first.lower() in continuing or first.endswith((",", ")"))
            or last in mid_phrase):
        return False  # "… Resident / Parking Schemes, …", "(Corporate / Accounting)"
    if "\t" in end:  # a row of columns: only "7.2<TAB>Playground" (a numbered title) ends
        return "\t" not in nxt and bool(re.match(r"^\s*+[\w.()]{1,10}\t[^\t]++$", end))
    return True


def _wraps(line: str, nxt: str) -> bool:
    """The margin ended `line` mid-sentence: the next line carries on in lower case, or the
    line stops on a comma, a hyphen or a word that cannot end a phrase."""
    end, words = line.rstrip(), nxt.split()
    last = end.split()[-1].lower() if end else ""
    return bool(words) and (words[0][:1].islower() or bool(re.search(r"[,(/&+\-]$", end))
                            or last in _soft()[0])


def _width(line: str) -> int:
    return len(line.rstrip().expandtabs(8))


@lru_cache(maxsize=4096)  # each block is segmented once for each extractor that reads it
def soft_units(text: str, width: int) -> tuple[str, ...]:
    """`text`'s lines grouped into runs that end at a soft line end, each run flat; () when
    there is none. A line ends softly when its words allow it and the next line's first word
    would have fitted on it. The measure is the longest line the margin ended (a block can be
    narrower than the page, indented); failing that, `width`, the part's measure."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return ()
    ends = [may_end(line, nxt) for line, nxt in zip(lines, lines[1:])]
    if not any(ends):
        return ()
    wrapped = [_width(line) for line, nxt in zip(lines, lines[1:]) if _wraps(line, nxt)]
    width = max(wrapped) if wrapped else max(width, *(_width(line) for line in lines))
    runs = [[lines[0]]]
    for line, nxt, end in zip(lines, lines[1:], ends):
        if end and _width(line) + 1 + len(nxt.split()[0]) <= width * FIT:
            runs.append([nxt])
        else:
            runs[-1].append(nxt)
    return tuple(" ".join(run) for run in runs) if len(runs) > 1 else ()


def cut_units(text: str, units: tuple[str, ...]) -> list[str]:
    """`text` (a segment's text, cleaned, perhaps only its start) cut where its soft units
    begin."""
    pieces: list[str] = []
    pos = 0
    for unit in units[1:]:
        head = clean(unit)[:40]
        at = text.find(head, pos + 1) if head else -1
        if at > pos:
            pieces.append(text[pos:at].strip())
            pos = at
    pieces.append(text[pos:].strip())
    return [p for p in pieces if p]


def unit_sentences(seg: Segment, text: str | None = None) -> list[str]:
    """The sentences of a segment's (cleaned) text, a soft line end ending one too."""
    text = clean(seg.text) if text is None else text
    return [s for piece in cut_units(text, seg.units) for s in split_sentences(piece)]


def split_sentences(text: str) -> list[str]:
    """Sentences of a segment; bullets inside a line also end a sentence."""
    return list(_split_sentences(text))


@lru_cache(maxsize=4096)  # actions, decisions and notes each split the same segments
def _split_sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for piece in re.split(r"(?:(?<!\s)\s*+)?(?:[•\uf0b7]|\(\s?cid:\d+\))\s*", text):
        if not piece.strip():
            continue
        if one_sentence(piece):
            out.append(piece.strip())
            continue
        for _, _, s in sentences(piece):
            if s.strip():
                out.append(s.strip())
    return tuple(_rejoin(out))


_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|No|St|Rev|Prof|approx|e\.g|i\.e)|\b[A-Z])\.$")
# "etc." ends a list, and often the sentence: before a capital a new sentence starts
_LIST_END = re.compile(r"\betc\.$")


def _rejoin(parts: list[str]) -> list[str]:
    out: list[str] = []
    for s in parts:
        if out and (_ABBREV.search(out[-1]) or not re.search(r"[.!?:;)\]”\"]$", out[-1])
                    and s[:1].islower() or _LIST_END.search(out[-1]) and not s[:1].isupper()):
            out[-1] = out[-1] + " " + s
        else:
            out.append(s)
    return out

"""The running text of a part as `Segment`s: a block split at its enumerators and bullets
("(i) …", "a) …", "1. …", "• …"), each with the agenda item it falls under.

Resolutions and actions both scan segments, so they agree on where text came from. Table
cells that hold running text (minutes laid out as a two-column table of item number and
minute) are turned into segments too; action tables and payment tables are not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Block, Table

from ..model import Evidence
from ..vocab import load_vocab
from .nlp import sentences
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

    def evidence(self, extractor: str, quote: str | None = None) -> Evidence:
        return Evidence(page=self.page, block=self.index, extractor=extractor,
                        quote=(quote or self.text)[:300])


def enumerator() -> re.Pattern:
    return re.compile(load_vocab(__package__, "textunits.json")["enumerator"])


def clean(text: str) -> str:
    text = text.replace("\uf0b7", "•").replace("\t", " ")
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ;")


def _split_block(text: str) -> list[tuple[str, bool]]:
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
    return [(t, s) for t, s in out]


def segments(part: Part, smap: SectionMap, skip_tables: set[int] | None = None) -> list[Segment]:
    out: list[Segment] = []
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
                                           it.index, n, enum, False, False, cell.text))
            continue
        if not isinstance(it, Block):
            continue
        body = it.text
        new_minute = bool(re.match(r"^\s*\d{1,2}\)", body)) or it.kind == "heading"
        hit = heading_match(it)
        if hit or new_minute:
            in_quote = False
        if (out and not hit and it.kind == "paragraph" and out[-1].page != it.page
                and out[-1].index == prev_index and not out[-1].heading
                and not re.search(r"[.:;!?”]\s*$", out[-1].raw)):
            # a sentence running over a page break continues the previous segment
            last = out[-1]
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
                               it.kind == "heading", quoted, it.text))
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of a segment; bullets inside a line also end a sentence."""
    out: list[str] = []
    for piece in re.split(r"(?:(?<!\s)\s*+)?(?:[•\uf0b7]|\(\s?cid:\d+\))\s*", text):
        if not piece.strip():
            continue
        for _, _, s in sentences(piece):
            if s.strip():
                out.append(s.strip())
    return _rejoin(out)


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

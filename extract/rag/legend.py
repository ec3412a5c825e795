"""A document's own RAG key: which words (and which swatch fills) stand for which colour.

"RAG Key: Red = incomplete  Amber = slippage  Green = on track  Blue = completed" lets a
status column that says "slippage" be read as amber; a key table whose GREEN swatch is
#00FF00 lets a bare #00FF00 cell be read as green. A key is read from the part's blocks and
from key tables; key tables themselves are never status rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import Block, Table

from .colours import colour_distance, rag_patterns, status_from_fill

COLOURS = ("red", "amber", "green", "blue")
_COLOUR_RE = r"(red|amber|green|blue|r|a|g|b)"
# "<colour> = <meaning>" up to the next tab, newline, semicolon, comma or colour word
_FORWARD = re.compile(
    r"(?i)(?<![a-z])(red|amber|green|blue)\s*(?:=|:|–|-|—)\s*([a-z][a-z /'’-]{1,40}?)"
    r"(?=\s*(?:[\t\n;,.]|\b(?:red|amber|green|blue)\b\s*(?:=|:|–|-|—)|$))")
_COLOUR_WORD = re.compile(r"(?i)red|amber|green|blue")  # every <colour> = <meaning> holds one


def _forward(text: str) -> list[tuple[str, str]]:
    return _FORWARD.findall(text) if _COLOUR_WORD.search(text) else []


# "<meaning> = <colour>"
_BACKWARD = re.compile(
    r"(?i)(?:^|(?<!\s)[^\S\t\n]*+[\t\n]|[;,])\s*+"  # a blank run is entered at its start
    r"([a-z][a-z /'’-]{1,40}?)\s*(?:=|:)\s*(red|amber|green|blue)\b")


@lru_cache(maxsize=8192)  # the same cells and vocabulary words are folded again and again
def fold(text: str) -> str:
    """Lower case, punctuation to spaces, whitespace collapsed: "R/A/G" -> "r a g"."""
    return " ".join(re.sub(r"[^a-z0-9#]+", " ", (text or "").lower()).split())


@dataclass
class Legend:
    words: dict[str, str] = field(default_factory=dict)  # folded meaning -> colour
    swatches: dict[str, str] = field(default_factory=dict)  # "#rrggbb" -> colour

    def word(self, text: str) -> str | None:
        return self.words.get(fold(text))

    def fill(self, hexed: str | None, tolerance: float = 40.0) -> str | None:
        """The key colour whose swatch is (nearly) this fill, when the key shows swatches."""
        if not hexed or not self.swatches:
            return None
        best = min(self.swatches, key=lambda s: colour_distance(s, hexed))
        return self.swatches[best] if colour_distance(best, hexed) <= tolerance else None

    def merge(self, other: Legend) -> None:
        for k, v in other.words.items():
            self.words.setdefault(k, v)
        for k, v in other.swatches.items():
            self.swatches.setdefault(k, v)


def legend_from_text(text: str) -> Legend:
    out = Legend()
    if not _mentions_key(text) and len(_forward(text)) < 2:
        return out
    for colour, meaning in _forward(text):
        _add_word(out, meaning, colour)
    for meaning, colour in _BACKWARD.findall(text):
        _add_word(out, meaning, colour)
    return out


_DANGLING = {"and", "or", "but", "the", "with", "to", "of", "for", "a"}


def _add_word(out: Legend, meaning: str, colour: str) -> None:
    words = fold(meaning).split(" ")
    while len(words) > 1 and words[-1] in _DANGLING:  # a loop: `( (and|…))+$` is quadratic
        words.pop()
    key = " ".join(words)
    colour = colour.lower()
    if not key or key in COLOURS or len(key.split()) > 4 or key in ("rag", "key", "rag key"):
        return
    out.words.setdefault(key, colour)


def _mentions_key(text: str) -> bool:
    head = fold(text[:80])
    return any(head.startswith(m) or f" {m} " in f" {head} "
               for m in rag_patterns()["legend_markers"])


def colour_word(text: str) -> str | None:
    """"GREEN", "Green", "green." -> "green" (full colour names only)."""
    t = fold(text)
    return t if t in COLOURS else None


def is_legend_table(table: Table) -> bool:
    """A key: each row names one colour once (in its first cell, or as "<colour> = …"), or
    the table is titled Key/Legend. A status table rates several rows with repeated colours
    in a later column; a key explains each colour once, label first."""
    rows = [r for r in table.rows if any(c.text.strip() or c.fill for c in r)]
    if not rows:
        return False
    first = fold(rows[0][0].text) if rows[0] else ""
    if any(first == m or first.startswith(m + " ") for m in rag_patterns()["legend_markers"]):
        return True
    labelled = []
    for row in rows:
        head = row[0]
        colour = colour_word(head.text) or (status_from_fill(head.fill) if not head.text.strip()
                                            else None)
        if colour:
            labelled.append(colour)
    if len(labelled) >= 2 and len(labelled) == len(set(labelled)):
        # the colour sits in the label column and every colour appears once
        rest = [" ".join(c.text for c in row[1:]) for row in rows]
        return all(not colour_word(t) for t in rest) and len(rows) <= 8
    text = " ".join(c.text for row in rows for c in row)
    return len(_forward(text)) >= 2 and len(rows) <= 6


def legend_from_table(table: Table) -> Legend:
    out = Legend()
    for row in table.rows:
        if not row:
            continue
        head = row[0]
        colour = colour_word(head.text) or status_from_fill(head.fill)
        if not colour:
            continue
        if head.fill and status_from_fill(head.fill) == colour:
            out.swatches.setdefault(head.fill.lower(), colour)
        meaning = " ".join(c.text for c in row[1:]).strip()
        if meaning:
            _add_word(out, meaning, colour)
    text = "\n".join("\t".join(c.text for c in row) for row in table.rows)
    out.merge(legend_from_text(text))
    return out


def legend_for(blocks: list[Block], tables: list[Table]) -> Legend:
    out = Legend()
    for b in blocks:
        if re.search(_COLOUR_RE, b.text, re.IGNORECASE):
            out.merge(legend_from_text(b.text))
    for t in tables:
        if is_legend_table(t):
            out.merge(legend_from_table(t))
    return out

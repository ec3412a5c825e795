"""Positioned words → lines → blocks: pure functions over plain geometry, testable literally.

A wide horizontal gap inside a line becomes a tab, because in board papers it nearly always
separates columns ("Nick Oakhill (NO) CHAIR <gap> D/Cllr Andrew McHugh", or an action-owner
column on the right) and the extractors need to see that.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

NUMBERED = re.compile(r"^\s*(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}[.)]?|\(?[a-z]\)|\(?[ivx]{1,4}\)|[•·▪●◦\-–]\s)\s")
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\u00ad": ""}


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 10.0
    bold: bool = False
    para: int = 0  # OCR: the paragraph Tesseract put the word in (0: not known)


@dataclass
class Line:
    words: list[Word]
    text: str = ""
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    size: float = 10.0
    bold: bool = False


@dataclass
class RawBlock:
    lines: list[Line] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def size(self) -> float:
        return statistics.median(line.size for line in self.lines)

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)


def fix_text(text: str) -> str:
    for bad, good in LIGATURES.items():
        text = text.replace(bad, good)
    return text


def words_to_lines(words: list[Word]) -> list[Line]:
    """Cluster words whose vertical centres are close into lines, left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid = (w.top + w.bottom) / 2
        tol = max(2.0, (w.bottom - w.top) * 0.45)
        if lines and abs(((lines[-1].top + lines[-1].bottom) / 2) - mid) <= tol:
            lines[-1].words.append(w)
            lines[-1].top = min(lines[-1].top, w.top)
            lines[-1].bottom = max(lines[-1].bottom, w.bottom)
        else:
            lines.append(Line(words=[w], top=w.top, bottom=w.bottom))
    for line in lines:
        finish_line(line)
    return lines


def is_column_gap(left: Word, right: Word) -> bool:
    return right.x0 - left.x1 > max(left.size, right.size) * 1.6


def finish_line(line: Line) -> None:
    """Order the line's words and set its text (wide gaps as tabs), x0, size and weight."""
    line.words.sort(key=lambda w: w.x0)
    words = line.words
    parts = [words[0].text]
    for prev, w in zip(words, words[1:]):
        # is_column_gap, spelt out: this runs once per word of every page
        parts.append("\t" if w.x0 - prev.x1 > max(prev.size, w.size) * 1.6 else " ")
        parts.append(w.text)
    line.text = fix_text("".join(parts))
    line.x0 = line.words[0].x0
    line.size = statistics.median(w.size for w in line.words)
    line.bold = all(w.bold for w in line.words)


def lines_to_blocks(lines: list[Line]) -> list[RawBlock]:
    """Group lines into blocks: a new block at a larger vertical gap, a change of font size
    or weight, or a line that starts with a number or bullet (agenda items, list items)."""
    blocks: list[RawBlock] = []
    for line in lines:
        if not blocks:
            blocks.append(RawBlock([line]))
            continue
        prev = blocks[-1].lines[-1]
        height = max(prev.bottom - prev.top, 1.0)
        gap = line.top - prev.bottom
        new = (
            gap > height * 0.9
            or gap < -height  # back up the page: the top of the next column
            or abs(line.size - prev.size) > 1.0
            or line.bold != prev.bold
            or bool(NUMBERED.match(line.text))
            or _new_para(prev, line)
        )
        if new:
            blocks.append(RawBlock([line]))
        else:
            blocks[-1].lines.append(line)
    return blocks


def _new_para(prev: Line, line: Line) -> bool:
    """OCR: the line opens a paragraph Tesseract found (its spacing and indents, which a
    scan's uneven line boxes hide from the gap test). Lines of side-by-side columns are
    compared by their first words."""
    a, b = prev.words[0].para, line.words[0].para
    return bool(a and b and a != b)


def dehyphenate(text: str) -> str:
    """Join words broken at a line end with a hyphen ("recom-\\nmended" → "recommended").
    Hyphens before a capital are kept ("Cross-\\nParty" stays hyphenated but joined)."""
    return re.sub(r"([a-z])-\n([a-z])", r"\1\2", text)


def classify(block: RawBlock, body_size: float) -> str:
    text = block.text.strip()
    if NUMBERED.match(text) and not block.bold:
        return "list_item"
    short = len(text) <= 120 and len(block.lines) <= 2
    if short and (block.bold or block.size >= body_size * 1.18):
        return "heading"
    return "paragraph"

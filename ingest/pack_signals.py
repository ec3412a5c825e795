"""The signals packparts.py reads off each page of a pack: "Agenda Item N" stamps (a line,
a running header or footer, a rotated or stacked margin stamp), cover pages ("Report to …",
"Appendix A", "Minutes of the meeting …") and "This page is intentionally left blank".

Each page is read once and only its first few blocks closely, so the work is linear in pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import NUMBERED
from .model import Block, Page, PartKind, Table


TOP_BLOCKS = 4  # a cover's title lines sit among the first few blocks of its page
TITLE_CHARS = 120
COMPACT_CHARS = 600  # enough of a page, whitespace removed, to see a stamp or a blank notice
# A stamp is the whole line: "Agenda Item 6", "AGENDA ITEM 6(a)", "Agenda Item No. 4.1".
MARKER = re.compile(r"(?i)^\s*agenda\s+item\s*+(?:no\.?|number)?\s*+:?\s*"
                    r"(\d{1,3}(?:\.\d{1,2})?(?:\s*\(?[a-z]\)?)?)\s*$")
# The same stamp in text whose spaces are lost (letters stacked up a margin).
MARKER_COMPACT = re.compile(r"agendaitem(\d{1,3}(?:\.\d{1,2})?)(?!\d)")
BLANK_COMPACT = re.compile(r"(?:thispage)?(?:is|hasbeen)?(?:left)?intentionally(?:left)?blank\.?")
MAX_BLANK_REST = 60  # a blank page still carries a stamp or page number
REPORT_COVER = re.compile(r"(?i)^\s*report\s+(?:to|of|from|by|submitted\s+by)\s+\S")
APPENDIX_COVER = re.compile(r"(?i)^\s*(?:appendix|annexe?)\s+['‘’\"]?([a-z]{1,2}|\d{1,2})['‘’\"]?"
                            r"(?=$|[\s:.,)\-–—])(?!.*\brefers?\b)")
MINUTES_COVER = re.compile(
    r"(?i)^\s*(?:(?:draft|unconfirmed|confirmed|approved)\s+)?(?:minutes|notes)\s+of\s+"
    r"(?:the\s+|a\s+)?(?!last\b|previous\b)(?:[\w'’&,.-]+\s+){0,8}?(?:meeting|proceedings)\b"
    r"|^\s*(?:draft\s+)?minutes\s*$")
MINUTES_TITLE = re.compile(r"(?i)\bminutes\b|\bnotes\s+of\s+(?:the\s+)?(?:last\s+|previous\s+)?"
                           r"meeting\b")


@dataclass(frozen=True)
class _Cover:
    kind: PartKind
    key: str  # the same key again is a running header of the open part, not a new paper
    title: str


@dataclass
class _Facts:
    """What one page says about where papers start."""

    marker: str | None = None
    cover: _Cover | None = None
    blank: bool = False
    title: str = ""  # the first line at the page top, for naming a part
    header: str = ""  # a title-like top line, normalised, for recurring page headers


def _running_texts(pages: list[Page]) -> set[str]:
    """Running headers and footers, normalised: the same words in a page's body (where a
    header was read into the first paragraph) are still a running header, not a cover."""
    return {_norm(b.text.split("\n", 1)[0]) for p in pages for b in p.blocks
            if b.kind == "furniture" and len(b.text) <= 200}


def _page_facts(page: Page, running: set[str]) -> _Facts:
    facts = _Facts()
    body: list[Block | Table] = []
    glyphs: list[str] = []  # upright letters stacked up a margin, one block per few letters
    body_markers: list[str] = []
    for it in page.items:
        if isinstance(it, Table):
            body.append(it)
            continue
        if _is_glyph_column(it):
            glyphs.append(it.text)
            continue
        if it.kind == "furniture" or it.style == "rotated":
            facts.marker = facts.marker or _marker_in(it.text)
            continue
        first = it.text.strip().split("\n", 1)[0]
        m = MARKER.match(first)
        if m:
            if len(body) < TOP_BLOCKS:
                body_markers.append(_norm_item(m.group(1)))
            continue
        body.append(it)
    if len(body_markers) == 1:  # several on a page are item headings, not a paper's stamp
        facts.marker = facts.marker or body_markers[0]
    if not facts.marker and glyphs:
        m = MARKER_COMPACT.search(_compact("".join(glyphs)))
        facts.marker = _norm_item(m.group(1)) if m else None
    facts.blank = _is_blank(page)
    top = body[:TOP_BLOCKS]
    facts.cover = _cover(top, running)
    first_line = ""
    for it in top:
        line, title_like = _top_line(it)
        if not line or _norm(line) in running:
            continue
        first_line = first_line or line
        if title_like:
            facts.title = line
            # only the page's first line can be a header repeated over a bundle of papers
            if line == first_line and _header_shaped(line):
                facts.header = _norm(line)
            break
    facts.title = facts.title or first_line
    return facts


def _is_glyph_column(block: Block) -> bool:
    """A block of one- or two-character lines: text set vertically in upright letters."""
    lines = [ln.strip() for ln in block.text.split("\n")]
    return all(0 < len(ln) <= 2 for ln in lines)


def _marker_in(text: str) -> str | None:
    for line in text.split("\n"):
        m = MARKER.match(line)
        if m:
            return _norm_item(m.group(1))
    m = MARKER_COMPACT.search(_compact(text))  # "Page 3 Agenda Item 6" stamped as one line
    return _norm_item(m.group(1)) if m else None


def _is_blank(page: Page) -> bool:
    """The page says it is intentionally blank and says little else."""
    chunks, size = [], 0
    for it in page.items:
        if isinstance(it, Block):
            text = _compact(it.text)
            chunks.append(text)
            size += len(text)
            if size > COMPACT_CHARS:
                return False
    text = "".join(chunks)
    m = BLANK_COMPACT.search(text)
    return m is not None and len(text) - (m.end() - m.start()) <= MAX_BLANK_REST


def _top_line(it: Block | Table) -> tuple[str, bool]:
    """The first line of a top block, and whether it is set as a title. A table counts when
    its first row is one cell (a form's title bar)."""
    if isinstance(it, Table):
        cells = [c.text for c in (it.rows[0] if it.rows else []) if c.text.strip()]
        if not cells:
            return "", False
        return _clip(cells[0].split("\n")[0]), len(cells) == 1
    line = _clip(it.text.strip().split("\n", 1)[0])
    return line, it.kind == "heading" or it.bold


def _header_shaped(line: str) -> bool:
    words = re.findall(r"[A-Za-z]{2,}", line)
    return 2 <= len(words) and len(line) <= 80 and not NUMBERED.match(line)


def _cover(top: list[Block | Table], running: set[str]) -> _Cover | None:
    """A cover's title among the first lines of the page's top blocks."""
    lines: list[tuple[str, bool]] = []
    for it in top:
        if isinstance(it, Table):
            line, title_like = _top_line(it)
            lines.append((line, title_like))
        else:
            title_like = it.kind == "heading" or it.bold
            lines += [(ln.strip(), title_like) for ln in it.text.strip().split("\n")[:2]]
    for n, (line, title_like) in enumerate(lines):
        if not line or len(line) > 150 or NUMBERED.match(line) or _norm(line) in running:
            continue
        m = APPENDIX_COVER.match(line)
        if m and (title_like or len(line) <= 40):
            key = "appendix:" + m.group(1).lower()
            # the stamp "Appendix A" is often followed by the full title "Appendix A – …"
            same = [ln for ln, _ in lines[n:] if _appendix_key(ln) == key]
            return _Cover("appendix", key, _clip(max(same, key=len)))
        if MINUTES_COVER.match(line):
            return _Cover("minutes", "minutes:" + _norm(line)[:60], _clip(line))
        if REPORT_COVER.match(line) and not line.rstrip().endswith("."):
            return _Cover("report", "report:" + _norm(line)[:60], _clip(line))
    return None


def _appendix_key(line: str) -> str | None:
    m = APPENDIX_COVER.match(line)
    return "appendix:" + m.group(1).lower() if m else None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text[:COMPACT_CHARS * 2]).lower()


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _norm_item(item: str) -> str:
    return re.sub(r"[\s()]", "", item).lower()


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS - 1].rstrip() + "…"

"""Split an agenda pack into its papers: front sheet, minutes, each report and appendix.

A pack is one PDF a clerk assembled from separate documents. No one signal finds every
boundary, so several are combined:

* "Agenda Item N" stamps: a line alone near the page top, a running header or footer, a
  rotated margin stamp, or upright letters stacked up the margin;
* the agenda's own page references ("(Pages 7 - 14)", or a contents column "… <tab> 9"),
  mapped through the printed page labels ("Page 7" footers) to PDF pages;
* cover pages: "Report to/of/by …", "Appendix A", "Minutes of the meeting …" near the top;
* "This page is intentionally left blank", which packs insert so each paper starts on a new
  sheet: the page after one starts a paper;
* a page title that recurs at the top of separate runs of pages (a bundle of like forms).

Each page is read once and only its first few blocks closely, so the work is linear in pages.
A file without any of these signals is one part.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .layout import NUMBERED
from .model import Block, Document, Page, Part, PartKind, Table

TOP_BLOCKS = 4  # a cover's title lines sit among the first few blocks of its page
FRONT_PAGES = 20  # the agenda with its page references is within a pack's first pages
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

# An agenda line: item number, title, and perhaps a page reference at its end.
ENTRY = re.compile(r"(?i)^\s*(?:item\s+)?(\d{1,3}[a-z]?)(?:[.)]\s*|\s*\t\s*|\s+)(\S.*)$")
PAGE_REF = re.compile(r"(?i)(?:^|[\s(])pages?\s+(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?"
                      r"\s*+\)?\s*$")
# from where the blank run before the number starts (a tab in it), not from each tab in it
TOC_REF = re.compile(r"(?<!\s)[^\S\t]*+\t\s*+(\d{1,4})\s*$")  # a contents column: "4.\tAnnual report\t9"
MIN_TOC_ENTRIES = 2  # one trailing number is a coincidence; a column of them is contents

AGENDA_HINT = re.compile(r"(?im)^\s*(?:public\s+)?agenda\b|\bagenda\s*$|\bwill\s+be\s+held\b"
                         r"|\bto\s+be\s+held\b|\bsummon|\bnotice\s+of\s+meeting\b")
# How a one-paper file names itself in its first lines, and what only minutes contain.
MINUTES_NAME = re.compile(r"(?i)\bminutes\b|\bnotes\s+of\b|\bdisposition\b")
AGENDA_NAME = re.compile(r"(?i)\bagenda\b|\bsummons\b|\bnotice\s+of\s+meeting\b")
REPORT_NAME = re.compile(r"(?i)\breport\b")
PRESENT_LINE = re.compile(r"(?im)^\s*(?:members\s+)?(?:present|in attendance|attendees)\b")
HEAD_LINES = 5


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


@dataclass
class _Entry:
    """One agenda line with a page reference, resolved to page indices."""

    item: str
    title: str
    first: int | None = None
    last: int | None = None


@dataclass
class _Start:
    index: int
    evidence: list[str] = field(default_factory=list)
    item: str | None = None
    kind: PartKind | None = None
    title: str = ""


def split_pack(doc_or_pages: Document | Sequence[Page]) -> list[Part]:
    """Parts of a file in page order: contiguous, non-overlapping, covering every page."""
    pages = list(doc_or_pages.pages if isinstance(doc_or_pages, Document) else doc_or_pages)
    if not pages:
        return []
    if any(p.number is None for p in pages):  # DOCX / HTML / text: no pages to split at
        return [_whole(pages, None)]
    running = _running_texts(pages)
    facts = [_page_facts(p, running) for p in pages]
    entries = _agenda_entries(pages, facts)
    starts = _starts(facts, entries)
    if not starts or (len(starts) == 1 and starts[0].index == 0):
        return [_whole(pages, starts[0] if starts else None)]
    parts: list[Part] = []
    if starts[0].index > 0:
        parts.append(_front(pages[:starts[0].index], entries, facts[0].title))
    for n, s in enumerate(starts):
        stop = starts[n + 1].index if n + 1 < len(starts) else len(pages)
        parts.append(Part(kind=s.kind or "other", title=s.title, item=s.item,
                          first_page=pages[s.index].number, last_page=pages[stop - 1].number,
                          evidence="+".join(s.evidence)))
    return parts


# --- one page -------------------------------------------------------------------------------

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


# --- the agenda's page references -----------------------------------------------------------

def _agenda_entries(pages: list[Page], facts: list[_Facts]) -> dict[str, _Entry]:
    """Agenda lines on the front pages whose page references resolve to later pages, by item."""
    end = next((i for i, f in enumerate(facts) if i and (f.marker or f.cover)), len(pages))
    reader = _AgendaReader()
    for i in range(min(end, FRONT_PAGES)):
        for it in pages[i].items:
            if isinstance(it, Table):
                reader.block(i, ["\t".join(" ".join(c.text.split()) for c in row)
                                 for row in it.rows], title_like=False)
            elif it.kind != "furniture":
                reader.block(i, it.text.split("\n"), it.kind == "heading" or it.bold)
    refs = reader.refs
    if sum(r.toc for r in refs) < MIN_TOC_ENTRIES:
        refs = [r for r in refs if not r.toc]
    labels = _label_index(pages)
    entries: dict[str, _Entry] = {}
    previous = -1
    for r in refs:
        first = _resolve(labels, r.first, len(pages))
        last = _resolve(labels, r.last, len(pages)) if r.last is not None else None
        if first is None or first <= max(r.page, previous) or (last is not None and last < first):
            continue  # a reference points past the agenda, and later items come later
        r.entry.first, r.entry.last = first, last
        previous = first
        entries[r.entry.item] = r.entry
    return entries


@dataclass
class _Ref:
    entry: _Entry
    page: int  # index of the page the reference is printed on
    first: int  # printed page numbers
    last: int | None
    toc: bool  # a bare contents-column number rather than "Page(s) …"


class _AgendaReader:
    """Reads agenda lines in order: an item number starts an entry, a title that wraps is
    joined back, and the first page reference after it is the entry's."""

    def __init__(self) -> None:
        self.refs: list[_Ref] = []
        self._current: _Entry | None = None
        self._seen: set[str] = set()
        self._one_line_entry: _Entry | None = None

    def block(self, page: int, lines: list[str], title_like: bool) -> None:
        pending, self._one_line_entry = self._one_line_entry, None
        if (pending and title_like and len(lines) == 1 and len(lines[0]) <= 80
                and not ENTRY.match(lines[0]) and not PAGE_REF.search(lines[0])):
            # "4.<tab>Children in Care … Performance<tab>(Pages 8 - 9)" then, in bold like
            # the title, "Information": the title's last words, pushed down by the column
            pending.title = _clip(f"{pending.title} {lines[0]}")
        wrapping: _Entry | None = None
        for line in lines:
            if wrapping and line[:1].islower() and not PAGE_REF.search(line):
                wrapping.title = _clip(f"{wrapping.title} {line}")  # "… notes of" / "the …"
                continue
            wrapping = self._line(page, line)
            if wrapping and len(lines) == 1:
                self._one_line_entry = wrapping

    def _line(self, page: int, line: str) -> _Entry | None:
        """Read one line; return the entry it starts, if it starts one."""
        m = ENTRY.match(line)
        ref = PAGE_REF.search(line)
        toc = TOC_REF.search(line) if m and not ref else None
        hit = ref or toc
        started = None
        if m and _norm_item(m.group(1)) not in self._seen and re.search(r"[A-Za-z]{3}",
                                                                        m.group(2)):
            title = line[m.start(2):hit.start() if hit else len(line)]
            started = self._current = _Entry(_norm_item(m.group(1)), _clip(title))
            self._seen.add(started.item)
        if hit and self._current and not (self.refs and self.refs[-1].entry is self._current):
            self.refs.append(_Ref(self._current, page, int(hit.group(1)),
                                  int(ref.group(2)) if ref and ref.group(2) else None,
                                  toc=toc is not None))
        return started


def _label_index(pages: list[Page]) -> list[tuple[int, int]]:
    return [(int(p.label), i) for i, p in enumerate(pages) if p.label and p.label.isdigit()]


def _resolve(labels: list[tuple[int, int]], ref: int, n: int) -> int | None:
    """The page index printed as `ref`: through the nearest printed label, so a page whose
    footer was not read still resolves."""
    if not labels:
        return None
    label, index = min(labels, key=lambda li: (abs(li[0] - ref), li[1]))
    out = index + (ref - label)
    return out if 0 <= out < n else None


# --- combining the signals ------------------------------------------------------------------

def _starts(facts: list[_Facts], entries: dict[str, _Entry]) -> list[_Start]:
    marked = {f.marker for f in facts if f.marker}
    # where a stamp and a reference disagree the stamp wins: it is on the page itself
    ref_starts = {e.first: e for e in entries.values() if e.first is not None}
    inside_ref = _ref_interiors(entries)
    headed = _recurring_header_starts(facts)
    starts: list[_Start] = []
    item: str | None = None  # the agenda item the pages now belong to
    cover_key: str | None = None  # the open part's cover, repeated as a running header
    for i, f in enumerate(facts):
        s = _Start(i)
        new_item: str | None = None
        if f.marker and f.marker != item:
            s.evidence.append("agenda-item-marker")
            new_item = f.marker
        ref = ref_starts.get(i)
        if ref and (new_item == ref.item or (new_item is None and ref.item not in marked)):
            s.evidence.append("page-reference")
            new_item = ref.item
        if f.cover and f.cover.key != cover_key:
            s.evidence.append("cover-page")
        if i and facts[i - 1].blank and not f.blank:
            s.evidence.append("blank-page-separator")
        if i in headed and i not in inside_ref:
            s.evidence.append("page-header")
        if not s.evidence:
            continue
        if new_item is not None:
            item = new_item
        elif item is not None and item in entries:
            last = entries[item].last
            if last is not None and i > last:
                item = None  # past the pages the agenda gave this item
        s.item = item
        entry = entries.get(new_item) if new_item else None
        s.kind = _kind(f, item, entry)
        s.title = (entry.title if entry else "") or (f.cover.title if f.cover else "") or \
            f.title or (f"Agenda Item {item}" if item else "")
        cover_key = f.cover.key if f.cover else None
        starts.append(s)
    return starts


def _kind(f: _Facts, item: str | None, entry: _Entry | None) -> PartKind:
    if f.cover:
        return f.cover.kind
    if entry and MINUTES_TITLE.search(entry.title):
        return "minutes"
    return "report" if item else "other"


def _ref_interiors(entries: dict[str, _Entry]) -> set[int]:
    """Pages inside an item's referenced span, after its first: only a cover or a blank
    separator splits those, not a recurring header."""
    out: set[int] = set()
    for e in entries.values():
        if e.first is not None and e.last is not None:
            out.update(range(e.first + 1, e.last + 1))
    return out


def _recurring_header_starts(facts: list[_Facts]) -> set[int]:
    """Where a title that tops separate runs of pages begins each run: a bundle of like
    papers (amendment forms, motions). One run of it is a running header, not a bundle."""
    runs: dict[str, list[int]] = {}
    for i, f in enumerate(facts):
        if not f.header or f.cover or f.marker:
            continue
        seen = runs.setdefault(f.header, [])
        if not seen or facts[i - 1].header != f.header:
            seen.append(i)
    return {i for starts in runs.values() if len(starts) >= 2 for i in starts}


# --- whole-file and front parts -------------------------------------------------------------

def _front(pages: list[Page], entries: dict[str, _Entry], title: str) -> Part:
    """The pages before the first paper: the agenda, or a cover letter or title page."""
    text = _text(pages, 4000)
    kind: PartKind = "agenda" if entries or AGENDA_HINT.search(text) else "front"
    return Part(kind=kind, title=title or ("Agenda" if kind == "agenda" else ""),
                first_page=pages[0].number, last_page=pages[-1].number,
                evidence="front-pages")


def _whole(pages: list[Page], start: _Start | None) -> Part:
    """One part for a file that is one paper (minutes, a DOCX or HTML page)."""
    if start is not None:
        kind, title, item = start.kind or "other", start.title, start.item
        evidence = "+".join(["whole-document", *start.evidence])
    else:
        head = _head_lines(pages)
        kind = _guess_kind(head, _text(pages, 3000))
        title = _clip(head[0].split("\n", 1)[0]) if head else ""
        item, evidence = None, "whole-document"
    return Part(kind=kind, title=title, item=item, first_page=pages[0].number,
                last_page=pages[-1].number, evidence=evidence)


def _head_lines(pages: list[Page]) -> list[str]:
    """The start of each of the file's first few blocks and tables (a table by its first
    cell): where a file names itself."""
    out: list[str] = []
    for p in pages:
        for it in p.items:
            if isinstance(it, Block) and it.kind == "furniture":
                continue
            cells = [c.text for c in it.rows[0]] if isinstance(it, Table) and it.rows else []
            text = (cells[0] if cells else "") if isinstance(it, Table) else it.text
            if text.strip():
                out.append(text.strip()[:200])
                if len(out) >= HEAD_LINES:
                    return out
    return out


def _guess_kind(head: list[str], text: str) -> PartKind:
    """What a one-paper file is: by what its title lines call it, else by what it holds (a
    present list is minutes; "will be held" is a summons)."""
    for line in head:
        if MINUTES_NAME.search(line):
            return "minutes"
        if AGENDA_NAME.search(line):
            return "agenda"
    if PRESENT_LINE.search(text):
        return "minutes"
    if AGENDA_HINT.search(text):
        return "agenda"
    titles = [line for line in head if len(line) <= TITLE_CHARS]
    return "report" if any(REPORT_NAME.search(line) for line in titles) else "other"


# --- small helpers --------------------------------------------------------------------------

def _text(pages: list[Page], limit: int) -> str:
    out, size = [], 0
    for p in pages:
        for b in p.blocks:
            if b.kind != "furniture":
                out.append(b.text)
                size += len(b.text)
                if size >= limit:
                    return "\n".join(out)[:limit]
    return "\n".join(out)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text[:COMPACT_CHARS * 2]).lower()


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _norm_item(item: str) -> str:
    return re.sub(r"[\s()]", "", item).lower()


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS - 1].rstrip() + "…"

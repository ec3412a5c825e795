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
A file without any of these signals is one part. The page signals are read in
pack_signals.py, the agenda's page references in pack_agenda.py; this module combines them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Block, Document, Page, Part, PartKind, Table
from .pack_agenda import _agenda_entries, _Entry
from .pack_signals import MINUTES_TITLE, TITLE_CHARS, _clip, _Facts, _page_facts, _running_texts


AGENDA_HINT = re.compile(r"(?im)^\s*(?:public\s+)?agenda\b|\bagenda\s*$|\bwill\s+be\s+held\b"
                         r"|\bto\s+be\s+held\b|\bsummon|\bnotice\s+of\s+meeting\b")
# How a one-paper file names itself in its first lines, and what only minutes contain.
MINUTES_NAME = re.compile(r"(?i)\bminutes\b|\bnotes\s+of\b|\bdisposition\b")
AGENDA_NAME = re.compile(r"(?i)\bagenda\b|\bsummons\b|\bnotice\s+of\s+meeting\b")
REPORT_NAME = re.compile(r"(?i)\breport\b")
PRESENT_LINE = re.compile(r"(?im)^\s*(?:members\s+)?(?:present|in attendance|attendees)\b")
HEAD_LINES = 5


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

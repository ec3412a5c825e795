"""The agenda's own page references, for packparts.py: agenda lines ("5. Budget (Pages 7 -
14)", or a contents column "… <tab> 9") and the printed page labels ("Page 7" footers) that
map a reference to a PDF page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Page, Table
from .pack_signals import _clip, _Facts, _norm_item


FRONT_PAGES = 20  # the agenda with its page references is within a pack's first pages
# An agenda line: item number, title, and perhaps a page reference at its end.
ENTRY = re.compile(r"(?i)^\s*(?:item\s+)?(\d{1,3}[a-z]?)(?:[.)]\s*|\s*\t\s*|\s+)(\S.*)$")
PAGE_REF = re.compile(r"(?i)(?:^|[\s(])pages?\s+(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?"
                      r"\s*+\)?\s*$")
# from where the blank run before the number starts (a tab in it), not from each tab in it
# a contents column: "4.\tAnnual report\t9"
TOC_REF = re.compile(r"(?<!\s)[^\S\t]*+\t\s*+(\d{1,4})\s*$")
MIN_TOC_ENTRIES = 2  # one trailing number is a coincidence; a column of them is contents


@dataclass
class _Entry:
    """One agenda line with a page reference, resolved to page indices."""

    item: str
    title: str
    first: int | None = None
    last: int | None = None


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

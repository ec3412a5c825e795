"""Split a Document into the meetings it records something about.

An agenda pack holds the coming meeting's agenda and reports and, inside it, the previous
meeting's minutes; a minutes file holds one meeting (sometimes a joint session after it).
A minutes part starts at a minutes header ("Minutes of the meeting held on …") and ends at
the next such header or at the next "Agenda Item N" marker of the pack; everything else
belongs to the agenda part. Where ingest found the pack's papers (`Document.parts`: front
sheet, minutes, reports, appendices by page), a minutes part also takes the title lines at
the top of its paper's first page and ends with that paper's last page, and every part
keeps the papers it spans so extractors can tell an agenda list from a report's pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.layout import NUMBERED
from ingest.model import Block, Document, Item, Table
from ingest.model import Part as Paper

from ..model import Evidence
from .dates import find_dates

MINUTES_HEAD = re.compile(
    r"(?i)\b(minutes|notes|disposition)\s+(of|for|from)\s++(the|a|an)?\s*.{0,120}?"
    r"\b(meeting|committee|board|council|panel|session|trustees)\b"
    r"|^\s*(open\s+)?(board\s+)?meeting\s+minutes\b"
    r"|^\s*minutes\s*$"
    r"|^\s*(draft\s+|approved\s+|confirmed\s+)?minutes\b(?!\s+of\s+(the\s+)?(last|previous))"
    r"|\bdisposition\s+of\s+(agenda|council)\b"
)
PREVIOUS_MINUTES = re.compile(r"(?i)\b(approve|confirm|agree|receive|sign|note)\w*\b.{0,60}\bminutes\b"
                              r"|\bminutes\s+of\s+the\s+(last|previous)\b|matters arising"
                              r"|^\s*(resolved|agreed|that|it was)\b|\bminutes\b.{0,120}\b(be|were|was)\s+"
                              r"(approved|agreed|signed|noted|confirmed|received)\b")
# a label opens its line with a capital; "All\npresent in favour" is a wrapped sentence
PRESENT = re.compile(r"(?m)^\s*(?=[A-Z])(?i:present|members present|attendees|attendance)\b"
                     r"\s*[:;.\-]?")
AGENDA_HEAD = re.compile(r"(?i)^\s*(agenda|notice of meeting|summons|public agenda)\b"
                         r"|\bagenda\s*$|\bwill be held\b|\bto be held\b|\bsummoned to attend\b")
ITEM_MARKER = re.compile(r"(?i)^\s*agenda\s+item\s*+:?\s*(\d+[a-z]?)\b")


@dataclass
class Line:
    """One visual line of a block, with where it came from."""

    text: str
    block: Block
    line_no: int

    def evidence(self, extractor: str) -> Evidence:
        return Evidence(page=self.block.page, block=self.block.index, extractor=extractor,
                        quote=self.text[:300])


@dataclass
class Part:
    """One meeting's slice of a document: its items (blocks and tables) in reading order."""

    record: str  # "minutes" | "agenda"
    items: list[Item] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)  # ingest's papers over these pages
    last_page: int | None = None  # set when trailing pages with no content end the part

    def paper_of(self, item: Item) -> Paper | None:
        """The pack paper (front sheet, minutes, report, appendix) an item's page is in."""
        return _paper_of_page(item.page, self.papers)

    @property
    def blocks(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def tables(self) -> list[Table]:
        return [i for i in self.items if isinstance(i, Table)]

    def lines(self) -> list[Line]:
        return [Line(text, b, n) for b in self.blocks for n, text in enumerate(b.lines)
                if text.strip()]

    @property
    def pages(self) -> tuple[int, int] | None:
        nums = [i.page for i in self.items if i.page is not None]
        if not nums:
            return None
        return min(nums), max(nums + ([self.last_page] if self.last_page else []))

    def text(self, limit: int | None = None) -> str:
        """Blocks and tables (a row's cells tab-separated) as text, in reading order."""
        chunks: list[str] = []
        size = 0
        for it in self.items:
            chunk = it.text if isinstance(it, Block) else "\n".join(
                "\t".join(c.text for c in row) for row in it.rows)
            chunks.append(chunk)
            size += len(chunk)
            if limit and size >= limit:
                break
        out = "\n".join(chunks)
        return out[:limit] if limit else out


def content_items(doc: Document) -> list[Item]:
    """Blocks and tables in reading order, page furniture left out."""
    return [i for i in doc.items() if not (isinstance(i, Block) and i.kind == "furniture")]


# "AGM-2007/04: Minutes of the Previous AGM": a pack's item label; its stem ("AGM-2007/")
# stamps the pack's next papers too
ITEM_LABEL = re.compile(r"^\s*(?P<stem>[A-Za-z][\w/ -]{0,30}?[/ -])\d{1,3}\s*:")


def _is_filed_minutes(block: Block, page_position: int) -> bool:
    """Minutes filed in a pack under the item that approves them: the item's heading line
    ("Item 4: Minutes of the previous meeting") above the minutes' own dated title, at the
    top of a page."""
    lines = [x for x in block.text.strip().split("\n")[:2]]
    if page_position != 0 or len(lines) < 2 or not PREVIOUS_MINUTES.search(lines[0][:200]):
        return False
    title = lines[1][:200]
    return bool(MINUTES_HEAD.search(title)) and not PREVIOUS_MINUTES.search(title) and bool(
        find_dates(block.text[:400]))


def _is_minutes_head(block: Block, page_position: int, doc_position: int) -> bool:
    """A minutes title, not a reference to other minutes: heading-like, not an item heading
    ("2. Minutes of the meeting held …"), and at the top of a page (or of the document)."""
    first = block.text.strip().split("\n")[0][:200]
    if not MINUTES_HEAD.search(first) or PREVIOUS_MINUTES.search(first):
        return False
    if NUMBERED.match(first) or len(first) > 160:
        return False
    if re.match(r"(?i)^\s*the\s+minutes\b", first):  # running text about some minutes
        return False
    heading_like = block.kind == "heading" or block.bold or first.isupper() or (
        doc_position <= 2 and len(block.text) <= 200)
    return heading_like and (page_position <= 2 or doc_position <= 8)


def split_parts(doc: Document) -> list[Part]:
    items = content_items(doc)
    heads = _paper_tops(_part_starts(items), items, doc.parts)
    if not heads:
        whole = Part(record=_guess_record(items), items=items, papers=list(doc.parts))
        _cover_trailing_pages([whole], doc)
        return [whole]
    parts: list[Part] = []
    agenda = Part(record="agenda", items=list(items[:heads[0]]))
    for n, start in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(items)
        minutes_items = items[start:stop]
        cut = min(_pack_item_boundary(minutes_items, agenda_before=len(agenda.items) > 0),
                  _next_labelled_paper(minutes_items),
                  _paper_end(minutes_items, doc.parts))
        parts.append(Part(record="minutes", items=minutes_items[:cut]))
        agenda.items.extend(minutes_items[cut:])
    if _substantial(agenda.items) and AGENDA_SIGNS.search(Part("agenda", agenda.items).text(6000)):
        parts.insert(0, agenda)
    elif agenda.items:
        # a title page or banner before the minutes header belongs to the minutes
        parts[0].items[:0] = agenda.items
    for p in parts:
        p.papers = _papers_over(p, doc.parts)
    _cover_trailing_pages(parts, doc)
    return parts


def _cover_trailing_pages(parts: list[Part], doc: Document) -> None:
    """Pages at the end of the file with nothing but furniture on them (a footer, "This page
    is intentionally left blank" as a running line) belong to the part that ends the file."""
    numbers = [p.number for p in doc.pages if p.number is not None]
    spans = [(p.pages, p) for p in parts if p.pages is not None]
    if not numbers or not spans:
        return
    (_, last_content), part = max(spans, key=lambda s: s[0][1])
    if last_content < max(numbers):
        part.last_page = max(numbers)


def _paper_of_page(page: int | None, papers: list[Paper]) -> Paper | None:
    if page is None:
        return None
    return next((p for p in papers if p.first_page is not None and p.last_page is not None
                 and p.first_page <= page <= p.last_page), None)


def _paper_tops(heads: list[int], items: list[Item], papers: list[Paper]) -> list[int]:
    """A minutes header on the first page of a minutes paper starts that page: the body's
    name and the item stamp above the header ("Agenda Item 2" / "Corporate Parenting Board"
    / "Minutes of the Meeting held on …") are the minutes' own title lines."""
    out: list[int] = []
    for h in heads:
        page = items[h].page
        paper = _paper_of_page(page, papers)
        if paper is not None and paper.kind == "minutes" and paper.first_page == page:
            top = next(i for i in range(h, -1, -1) if i == 0 or items[i - 1].page != page)
            if not out or top > out[-1]:
                h = top
        out.append(h)
    return out


def _paper_end(items: list[Item], papers: list[Paper]) -> int:
    """Inside a pack, minutes end with the last page of the minutes paper ingest found (a
    report that follows without an "Agenda Item" stamp starts on the next page)."""
    paper = _paper_of_page(items[0].page if items else None, papers)
    if paper is None or paper.kind != "minutes" or len(papers) < 2 or paper.last_page is None:
        return len(items)
    for i, it in enumerate(items):
        if it.page is not None and it.page > paper.last_page:
            return i
    return len(items)


def _papers_over(part: Part, papers: list[Paper]) -> list[Paper]:
    span = part.pages
    if span is None:
        return []
    return [p for p in papers if p.first_page is not None and p.last_page is not None
            and p.first_page <= span[1] and p.last_page >= span[0]]


AGENDA_SIGNS = re.compile(r"(?i)\bagenda\b|\bwill be held\b|\bto be held\b|\bsummon|\bmembership\b"
                          r"|\bappendix\b|\breport\b")


def _part_starts(items: list[Item]) -> list[int]:
    """Where each set of minutes begins: a minutes title, or — for minutes titled only by the
    body and date ("AUDIT COMMITTEE / 24 SEPTEMBER 2009 / PRESENT: …") — the title blocks just
    above a present list at the top of a page."""
    positions = _page_positions(items)
    starts: list[int] = []
    for i, (it, on_page) in enumerate(zip(items, positions)):
        if not isinstance(it, Block):
            continue
        if _is_minutes_head(it, on_page, i) or _is_filed_minutes(it, on_page):
            starts.append(i)
        elif PRESENT.search(it.text) and (on_page <= 3 or i <= 8) \
                and not any(items[s].page == it.page for s in starts):
            # one meeting's title and its present list are close together on one page
            starts.append(i - min(on_page, 2))
    return _drop_adjacent(sorted(set(starts)), items)


def _page_positions(items: list[Item]) -> list[int]:
    """Each item's position among the content items of its own page."""
    out, page, n = [], object(), 0
    for it in items:
        n = n + 1 if it.page == page else 0
        page = it.page
        out.append(n)
    return out


TITLE_ONLY_CHARS = 300


def _drop_adjacent(heads: list[int], items: list[Item]) -> list[int]:
    """A header split over two blocks ("MINUTES" / "of the meeting held on …") is one header;
    so is a web page's banner title ("Minutes of the Residents' Association" / "December
    2006") above the minutes' own: a "meeting" of title lines only records nothing."""
    out: list[int] = []
    for h in heads:
        if out and _same_page(items[out[-1]], items[h]) and (
                h - out[-1] <= 3 or _title_lines_only(items[out[-1]:h])):
            continue
        out.append(h)
    return out


def _title_lines_only(items: list[Item]) -> bool:
    return all(isinstance(i, Block) for i in items) and not PRESENT.search(
        "\n".join(i.text for i in items if isinstance(i, Block))) and sum(
        len(i.text) for i in items if isinstance(i, Block)) <= TITLE_ONLY_CHARS


def _same_page(a: Item, b: Item) -> bool:
    return a.page == b.page


def _pack_item_boundary(items: list[Item], agenda_before: bool) -> int:
    """Inside a pack, the minutes end where the next "Agenda Item N" marker starts a report.
    The minutes' own stamp printed again further on (on each sheet of a paper assembled
    from two files) marks no new paper."""
    if not agenda_before:
        return len(items)
    own = _item_stamp(items[0]) if items else None
    for i, it in enumerate(items[1:], start=1):
        stamp = _item_stamp(it)
        if stamp is not None and stamp != own:
            return i
    return len(items)


def _item_stamp(item: Item) -> str | None:
    found = ITEM_MARKER.match(item.text) if isinstance(item, Block) else None
    return found.group(1).lower() if found else None


def _next_labelled_paper(items: list[Item]) -> int:
    """Minutes filed under a labelled pack item ("AGM-2007/04: …") end where a later page
    starts the pack's next labelled item ("AGM-2007/6: Expense Accounts")."""
    first = items[0] if items else None
    label = ITEM_LABEL.match(first.text) if isinstance(first, Block) else None
    if first is None or label is None:
        return len(items)
    stem = label.group("stem")
    for i, it in enumerate(items[1:], start=1):
        if isinstance(it, Block) and it.page != first.page and it.text.startswith(stem) \
                and ITEM_LABEL.match(it.text):
            return i
    return len(items)


def _substantial(items: list[Item]) -> bool:
    return sum(len(i.text) for i in items if isinstance(i, Block)) > 400 or any(
        isinstance(i, Table) for i in items)


MINUTES_SIGNS = re.compile(r"(?im)^\s*(present|in attendance|attendees|members present|"
                           r"apologies|resolved|minutes|disposition)\b|\bminutes\b|\bdisposition\b")
# what the paper's title calls it: "AGENDA – April 24, 2019", "REPORT TO: … COMMITTEE",
# "SUMMARY OF … COUNCIL MEETING", "Minutes of …"
TITLE_AGENDA = re.compile(r"(?i)^\s*(?:(?:draft|revised|public)\s+)?agenda\b|\bagenda\s*+(?:[-–—:]|$)"
                          r"|^\s*report\s+to\b|\bnotice\s+of\s+(?:the\s+)?meeting\b")
TITLE_MINUTES = re.compile(r"(?i)\b(?:minutes|notes\s+of|proceedings|disposition)\b"
                           r"|^\s*summary\s+of\b[^\n]{0,80}\bmeeting\b")
TITLE_LINES = 8


def _guess_record(items: list[Item]) -> str:
    """What the title lines call the paper; else minutes when the top of the file reads like
    minutes, an agenda or a report when it does not."""
    head = Part("agenda", items[:40]).text(4000)
    for line in [x for x in head.split("\n") if x.strip()][:TITLE_LINES]:
        if NUMBERED.match(line) or PRESENT.match(line):
            break  # the first item or the attendance list: below the title
        if TITLE_AGENDA.search(line):
            return "agenda"
        if TITLE_MINUTES.search(line):
            return "minutes"
    return "minutes" if MINUTES_SIGNS.search(head) else "agenda"

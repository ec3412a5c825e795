"""Agenda-item sections of a part: which numbered item each block, table or table row falls
under.

`sections(part)` walks the part in reading order and returns one `Section` per item heading
it recognises (shapes in items.json: "1. Welcome", "10.24.05<TAB>Clerks Report",
"93/18 Minutes…", "Item 4: …"), plus `item_of`: block/table index → item number as printed.

The number as printed on the agenda wins over a running minute number: a Kent-style
"(Item 4)" line under a heading ("295. Corporate Parenting …", or an unnumbered bold
heading), or "(Agenda item 4)" at the end of the heading line. Sub-paragraph numbers
("3.1 …") set the item of their own block without opening a new agenda item, and only under
their own item ("14.60" quoted from a constitution under item 15 is not item 14).

Three layouts need more than headings:
- minutes laid out as a table with the item number in its first column: each row is its
  own item, and numbered headings read between the table's page-broken pieces are the cell
  continuing, not new items;
- item codes printed in a margin column that ingest reads as a run of bare numbers before
  the text beside them (`margin_items`);
- an agenda pack: the agenda list on the front sheet gives the items (entries with page
  references count even when not set as headings, and the numbers only go up); a report or
  appendix belongs to the item its "Agenda Item N" stamp names, and its own numbered
  paragraphs are not agenda items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import Block, Item, Table

from ..model import Evidence
from ..vocab import load_vocab
from .margin_items import margin_assignments
from .parts import Part

EXTRACTOR = "sections@1"
PAPERS_WITHOUT_ITEMS = {"report", "appendix", "minutes"}  # in an agenda part


@dataclass(frozen=True)
class _Patterns:
    heads: list[tuple[str, re.Pattern, bool, bool]]  # name, regex, needs_heading, sub
    printed: re.Pattern  # "(Item 4)" alone on a line
    printed_tail: re.Pattern  # "… (Agenda item 4)" ending a heading line
    not_title: re.Pattern
    date_title: re.Pattern
    page_ref: re.Pattern
    not_item_table: re.Pattern


@lru_cache(maxsize=1)
def _compiled() -> _Patterns:
    p = load_vocab(__package__, "items.json")
    heads = [(h["name"], re.compile(h["regex"], re.IGNORECASE if h["name"] == "item-word" else 0),
              bool(h.get("needs_heading")), bool(h.get("sub"))) for h in p["headings"]]
    return _Patterns(heads, re.compile(p["printed_number"], re.IGNORECASE),
                     re.compile(p["printed_number_tail"], re.IGNORECASE), re.compile(p["not_titles"], re.IGNORECASE),
                     re.compile(p["date_title"], re.IGNORECASE), re.compile(p["page_reference"], re.IGNORECASE),
                     re.compile(p["not_item_table_header"], re.IGNORECASE))


@dataclass
class Section:
    number: str | None
    title: str
    evidence: Evidence | None = None
    indexes: list[int] = field(default_factory=list)  # block/table indexes under it
    printed: bool = False  # the number is the agenda's own, not a running minute number


@dataclass
class SectionMap:
    sections: list[Section]
    item_of: dict[int, str | None]  # block or table index -> item number
    # a table whose rows are items: (table index, cell text) -> that row's item
    cell_item: dict[tuple[int, str], str | None] = field(default_factory=dict)

    def item(self, index: int | None, cell_text: str | None = None) -> str | None:
        if index is None:
            return None
        if cell_text is not None and (index, cell_text) in self.cell_item:
            return self.cell_item[(index, cell_text)]
        return self.item_of.get(index)


# --- one heading ---------------------------------------------------------------------------

def printed_number(block: Block) -> str | None:
    """The agenda number printed at the end of one of the block's first two lines."""
    for line in block.text.strip().split("\n")[:2]:
        m = _compiled().printed_tail.search(line)
        if m:
            return m.group("num")
    return None


def without_printed_number(line: str) -> str:
    """ "WORK PROGRAMME (Agenda item 7)" -> "WORK PROGRAMME"."""
    return _compiled().printed_tail.sub("", line).rstrip()


def heading_match(block: Block) -> tuple[str, str, bool] | None:
    """(number, title, is_sub_paragraph) when the block opens with an item number."""
    return _heading_match(block.text, block.kind, block.bold)


@lru_cache(maxsize=4096)  # a block is asked again by each walk over its part's sections
def _heading_match(text: str, kind: str, bold: bool) -> tuple[str, str, bool] | None:
    p = _compiled()
    first = text.strip().split("\n")[0]
    first = p.printed_tail.sub("", first).rstrip()
    single = "\n" not in text.strip()
    headingish = kind == "heading" or bold or (
        single and kind != "list_item" and len(first) < 90
        and not first.rstrip().endswith((".", ":", ";", ",")))
    for name, rx, needs_heading, sub in p.heads:
        m = rx.match(first)
        if not m:
            continue
        title = m.group("title").replace("\t", " ").strip()
        if name == "numbered-heading" and p.date_title.match(title):
            return None  # "22 October 2009": a date line, not item 22
        shouty = title[:40].isupper() and len(title) > 3
        if needs_heading and (not (headingish or shouty) or p.not_title.match(title)):
            continue
        if needs_heading and re.match(r"^\d", title):
            continue
        return m.group("num"), title, sub
    return None


def agenda_entry(block: Block) -> tuple[str, str] | None:
    """An agenda list line: "2.<TAB>Notes of the Meeting …<TAB>(Pages 1 - 5)" or
    "4.<TAB>Annual complaints report<TAB>9": a numbered title carrying a page reference,
    or a numbered title alone on its line."""
    p = _compiled()
    first = block.text.strip().split("\n")[0]
    m = re.match(r"^\s*(?:item\s+)?(?P<num>\d{1,3}[a-z]?)(?:[.)]\s*|\t\s*|\s+)(?P<title>\S.*)$",
                 first, re.IGNORECASE)
    if not m:
        return None
    title = m.group("title")
    has_ref = bool(p.page_ref.search(title))
    title = p.page_ref.sub("", title).replace("\t", " ").strip()
    if not title[:1].isupper() or len(title) > 120 or p.not_title.match(title):
        return None
    if p.date_title.match(title):
        return None
    if has_ref or "\t" in first or ("\n" not in block.text.strip() and not title.endswith(".")):
        return m.group("num"), title
    return None


def table_row_item(row_texts: list[str]) -> tuple[str, str] | None:
    """An item table row: ("4", "Minutes of 19 December 2012 …") from ["4.", "Minutes…"]."""
    if len(row_texts) < 2:
        return None
    m = re.match(r"^\s*(\d{1,3}[a-z]?)\.?\s*$", row_texts[0])
    if m and row_texts[1].strip():
        title = row_texts[1].strip().split("\n")[0]
        return m.group(1), _compiled().page_ref.sub("", title).strip()
    return None


def is_item_table(table: Table) -> bool:
    """Rows of item number and title, not a status, finance or reference table."""
    texts = table.texts()
    if not texts or sum(1 for r in texts if table_row_item(r)) == 0:
        return False
    # header cells are short; a long cell is a minute carried over from the page before
    head = " ".join(c for r in texts[:2] if not table_row_item(r) for c in r if len(c) <= 40)
    return not _compiled().not_item_table.search(head)


def _number_key(number: str) -> tuple:
    """"4a" -> (4, "a"); "93/18" -> (93, "/18"); for 'do the numbers go up'."""
    m = re.match(r"^(\d+)(.*)", number)
    return (int(m.group(1)), m.group(2)) if m else (0, number)


# --- the walk -----------------------------------------------------------------------------

class _Walk:
    """Reading-order state: the open section, the open sub-paragraph, what was assigned."""

    def __init__(self) -> None:
        self.out: list[Section] = []
        self.item_of: dict[int, str | None] = {}
        self.cell_item: dict[tuple[int, str], str | None] = {}
        self.current: Section | None = None
        self.sub: str | None = None
        self.last_running: tuple | None = None  # the last plain number a heading printed

    def open(self, number: str | None, title: str, it: Item, quote: str, printed=False) -> None:
        self.current = Section(number, title, Evidence(it.page, it.index, extractor=EXTRACTOR,
                                                       quote=quote[:120]), printed=printed)
        self.out.append(self.current)
        self.sub = None

    def renumber(self, number: str) -> None:
        assert self.current is not None
        self.current.number, self.current.printed = number, True
        for idx in self.current.indexes:
            self.item_of[idx] = number

    def assign(self, it: Item) -> None:
        if self.current:
            self.current.indexes.append(it.index)
        self.item_of[it.index] = self.sub or (self.current.number if self.current else None)

    def result(self) -> SectionMap:
        return SectionMap(self.out, self.item_of, self.cell_item)


def sections(part: Part) -> SectionMap:
    w = _Walk()
    agenda = part.record == "agenda"
    row_items = not agenda and _uses_item_tables(part)
    margin = {} if agenda else margin_assignments(part.items, _bare_code)
    prev: Item | None = None
    for it in part.items:
        paper = part.paper_of(it) if agenda else None
        if paper is not None and paper.kind in PAPERS_WITHOUT_ITEMS:
            # a report in the pack: its stamp's item, and no items of its own
            if paper.item and all(s.number != paper.item for s in w.out):
                w.open(paper.item, paper.title, it, paper.title, printed=True)
            w.sub = None
            w.item_of[it.index] = paper.item
        elif isinstance(it, Table):
            _walk_table(w, it, enabled=is_item_table(it))
        elif it.index in margin:
            code = margin[it.index]
            if code is not None:
                w.open(code, _first_line(it), it, it.text)
            w.assign(it)
        else:
            _walk_block(w, it, prev, agenda, row_items)
        prev = it
    return w.result()


def _walk_table(w: _Walk, table: Table, enabled: bool) -> None:
    for row in table.texts():
        hit = table_row_item(row) if enabled else None
        if hit:
            w.open(hit[0], hit[1], table, hit[1])
        for cell in row:
            w.cell_item[(table.index, cell)] = w.current.number if w.current else None
    w.assign(table)


def _walk_block(w: _Walk, it: Block, prev: Item | None, agenda: bool, row_items: bool) -> None:
    p = _compiled()
    text = it.text.strip()
    standalone = p.printed.match(text)
    if standalone:
        _printed_line(w, standalone.group("num"), it, prev)
        w.assign(it)
        return
    hit = heading_match(it)
    if hit and agenda and not hit[2]:
        hit = hit if _goes_up(w, hit[0]) else None
    if hit is None and agenda:
        entry = agenda_entry(it)
        if entry and _goes_up(w, entry[0]):
            hit = (entry[0], entry[1], False)
    printed = printed_number(it)
    if hit and hit[2]:
        # "3.1" under item 3 marks a sub-paragraph; "14.60" under item 15 is a quotation
        if _sub_of(hit[0], w.current.number if w.current else None):
            w.sub = hit[0]
    elif hit and row_items:
        pass  # the cell of a page-broken item table continues: its headings are sub-heads
    elif hit and _backwards_paragraph(w, it, hit[0]):
        pass  # "1. Notes the report" under a resolution, not item 1 again
    elif hit:
        w.open(printed or hit[0], hit[1], it, it.text, printed=printed is not None)
        if re.fullmatch(r"\d{1,3}", hit[0]):
            w.last_running = _number_key(hit[0])
    elif printed and w.current is not None and not w.current.printed:
        w.renumber(printed)  # the heading's second half, carried over a page break
    w.assign(it)


def _printed_line(w: _Walk, number: str, it: Block, prev: Item | None) -> None:
    """"(Item 4)" under a heading: the heading's agenda number. A heading that opened the
    current section is renumbered; an unnumbered heading above opens the item itself."""
    cur = w.current
    if cur is not None and not cur.printed and cur.evidence and prev is not None \
            and cur.evidence.block == prev.index:
        w.renumber(number)
        return
    if isinstance(prev, Block) and _looks_like_heading(prev):
        if cur is not None and prev.index in cur.indexes:
            cur.indexes.remove(prev.index)  # the heading opens the new item, not the last
        w.open(number, _first_line(prev), prev, prev.text, printed=True)
        w.current.indexes.append(prev.index)  # type: ignore[union-attr]
        w.item_of[prev.index] = number
        return
    if cur is not None and not cur.printed:
        w.renumber(number)
        return
    w.open(number, "", it, it.text, printed=True)


def _sub_of(sub: str, item: str | None) -> bool:
    """ "3.1" under "3", "05.25.18.1" under "05.25.18" — and "05.18.25.4" there too, a
    misprint of the same depth under the same first number."""
    if not item:
        return False
    parts, head = sub.split("."), item.split(".")
    if ".".join(parts[:-1]) == item:
        return True
    return len(head) > 1 and len(parts) == len(head) + 1 and parts[0] == head[0]


def _looks_like_heading(block: Block) -> bool:
    first = _first_line(block)
    return (block.kind == "heading" or block.bold) and 0 < len(first) <= 150 \
        and not first.endswith((".", ";", ","))


def _goes_up(w: _Walk, number: str) -> bool:
    """An agenda list counts up; a smaller number is a footnote or a report's paragraph."""
    if w.current is None or not w.current.number:
        return True
    return _number_key(number) > _number_key(w.current.number)


def _backwards_paragraph(w: _Walk, it: Block, number: str) -> bool:
    """A plain-numbered paragraph that is not set as a heading and counts back below the
    last heading number is a numbered list inside the minute (sub-decisions, points)."""
    if it.kind == "heading" or it.bold or w.last_running is None:
        return False
    return bool(re.fullmatch(r"\d{1,3}", number)) and _number_key(number) <= w.last_running


def _uses_item_tables(part: Part) -> bool:
    """Minutes set out as a table with an item-number column (three rows or more)."""
    rows = sum(1 for t in part.tables if is_item_table(t) for r in t.texts() if table_row_item(r))
    return rows >= 3


BARE_CODE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,3}/\d{2}|\d{1,3}(?=\.))\.?\s*$")


def _bare_code(block: Block) -> str | None:
    """A block that is only an item code ("03.19.01", "93/18", "4."): a margin column read
    on its own. A bare "4" is more often a page number, so it needs its dot."""
    m = BARE_CODE.match(block.text) if isinstance(block, Block) else None
    return m.group(1) if m else None


def _first_line(block: Block) -> str:
    return block.text.strip().split("\n")[0].replace("\t", " ").strip()

"""The typed record ingest hands to extract: a Document of pages, blocks and tables.

Nothing from pdfplumber, python-docx or BeautifulSoup crosses this boundary. Every block and
table carries provenance so a fact extracted later can point back at the exact words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator, Literal, Union

Format = Literal["pdf", "docx", "html", "txt"]
BlockKind = Literal["paragraph", "heading", "list_item", "furniture"]
PartKind = Literal["front", "agenda", "minutes", "report", "appendix", "other"]


class Status(str, Enum):
    OK = "ok"
    PARTIAL = "partial"  # something was read, something was not (a bad page, OCR missing …)
    FAILED = "failed"  # nothing usable; problems say why


@dataclass(frozen=True)
class Provenance:
    """Where a piece of text came from: file, 1-based PDF page (None for DOCX/HTML/text),
    document-wide block index, and a character span inside that block's text."""

    sha256: str
    page: int | None
    block: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, in plain language: what, and what to do about it."""

    code: str  # stable slug, e.g. "encrypted", "pdf-corrupt", "ocr-unavailable"
    message: str
    page: int | None = None


@dataclass
class Block:
    """A paragraph, heading, list item or page furniture (running header/footer).

    `lines` keeps the visual lines the block was made of (PDF line breaks matter for
    attendance lists); `text` is those lines joined with newlines.
    """

    index: int
    page: int | None
    kind: BlockKind
    text: str
    sha256: str = ""
    font_size: float | None = None
    bold: bool = False
    style: str | None = None  # DOCX paragraph style / HTML tag name
    ocr: bool = False  # text came from OCR: lower confidence

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.sha256, self.page, self.index, 0, len(self.text))


@dataclass
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    fill: str | None = None  # "#rrggbb" of the cell's background, None when unfilled/white
    page: int | None = None  # set on rows of a table continued over a page break

    def page_or(self, default: int | None) -> int | None:
        return self.page if self.page is not None else default


@dataclass
class Table:
    """A table in reading order among the blocks; `index` shares the blocks' numbering."""

    index: int
    page: int | None
    rows: list[list[Cell]]
    sha256: str = ""
    pages: tuple[int, int] | None = None  # a table continued over a page break spans pages

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.sha256, self.page, self.index)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


Item = Union[Block, Table]


@dataclass
class Page:
    number: int | None  # 1-based PDF page index; None for formats without pages
    label: str | None = None  # the printed page number ("Page 7"), when one was found
    items: list[Item] = field(default_factory=list)  # blocks and tables in reading order
    ocr: bool = False

    @property
    def blocks(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]

    @property
    def tables(self) -> list[Table]:
        return [i for i in self.items if isinstance(i, Table)]


@dataclass
class Part:
    """A run of pages that is one paper of a file: an agenda pack's front sheet, the minutes
    it reproduces, each report and each appendix. A plain file is one part.

    Pages are 1-based PDF pages, inclusive; both None for formats without pages (DOCX, HTML).
    `evidence` names the signals that found the part ("agenda-item-marker+page-reference"),
    so a wrong split can be traced to the signal that made it.
    """

    kind: PartKind
    title: str
    item: str | None = None  # the agenda item number the part belongs to ("5", "6a")
    first_page: int | None = None
    last_page: int | None = None
    evidence: str = ""


@dataclass
class Source:
    file: str  # base name
    sha256: str
    format: Format
    pages: int | None  # PDF page count; None for DOCX/HTML/text
    size: int = 0


@dataclass
class Document:
    source: Source
    pages: list[Page] = field(default_factory=list)
    status: Status = Status.OK
    problems: list[Problem] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)  # set by load(); see ingest/packparts.py

    def items(self) -> Iterator[Item]:
        for page in self.pages:
            yield from page.items

    def blocks(self) -> Iterator[Block]:
        for page in self.pages:
            yield from page.blocks

    def tables(self) -> Iterator[Table]:
        for page in self.pages:
            yield from page.tables

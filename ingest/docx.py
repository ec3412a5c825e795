"""DOCX backend: body paragraphs and tables in document order, with styles, list numbering,
merged cells and `w:shd` cell shading. Headers/footers become furniture blocks.

The package is checked (docx_safety) before python-docx sees it: a decompression bomb or an
XML entity declaration is refused with a clear message rather than parsed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count, islice
from pathlib import Path
from typing import Any

from .colours import word_colour_to_hex
from .docx_numbering import ListNumbering
from .docx_safety import check_docx_package
from .errors import CorruptFile
from .limits import MAX_DOCX_ITEMS, MAX_TABLE_CELLS, MAX_TABLE_ROWS, clamp_span, cut
from .model import Block, BlockKind, Cell, Page, Problem, Table

MAX_CELL_CHARS = 5000
SPLIT = "Split the document, or run on the part you need."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# ModernGov's committee system leaves its template tags in Word exports as literal text:
# <AI3> … </AI3> around agenda item 3, <TITLE>/<TEXT> around its parts.
MODERNGOV_TAG = re.compile(r"<(/?)(AI\d+|TITLE|TEXT)>")
MODERNGOV_OPEN_ITEM = re.compile(r"<AI(\d+)>")
ITEM_NUMBER = re.compile(r"^\s*\(?\d{1,3}[a-z]?\b")


def read_docx(path: Path, sha256: str, problems: list[Problem]) -> list[Page]:
    check_docx_package(path)
    document = _open(path)
    page = Page(number=None)
    index = count()
    headers, footers = _header_footer_texts(document)
    for text in headers:
        page.items.append(Block(index=next(index), page=None, kind="furniture", text=text,
                                sha256=sha256, style="header"))
    numbering = ListNumbering(_part_element(document, "numbering"),
                              _part_element(document, "styles"))
    pending_item: str | None = None  # the number of a ModernGov <AIn> marker just passed
    for n, child in enumerate(_body_items(document.element.body)):
        if n == MAX_DOCX_ITEMS:
            problems.append(cut(f"paragraph {n:,}", f"{path.name} has more than {n:,} "
                                "paragraphs and tables, far more than any paper; the rest was "
                                f"not read. {SPLIT}"))
            break
        if child.tag == W + "p":
            para = _paragraph(child, numbering)
            if para.item_marker:
                pending_item = para.item_marker
            if para.text:
                text, kind = para.text, para.kind
                if pending_item and (kind == "heading" or para.titled) \
                        and not ITEM_NUMBER.match(text):
                    text, kind = f"{pending_item}. {text}", "heading"
                page.items.append(Block(index=next(index), page=None, kind=kind, text=text,
                                        sha256=sha256, bold=para.bold, style=para.style))
                pending_item = None
        elif child.tag == W + "tbl":
            pending_item = None  # the item table carries its own number
            rows = _table_rows(child, numbering)
            if len(rows) > MAX_TABLE_ROWS:
                problems.append(cut(f"table row {MAX_TABLE_ROWS:,}", f"{path.name} has a "
                                    f"table of more than {MAX_TABLE_ROWS:,} rows; the rows past "
                                    f"that were not read. {SPLIT}"))
                rows = rows[:MAX_TABLE_ROWS]
            if rows:
                page.items.append(Table(index=next(index), page=None, rows=rows,
                                        sha256=sha256))
    for text in footers:
        page.items.append(Block(index=next(index), page=None, kind="furniture", text=text,
                                sha256=sha256, style="footer"))
    return [page]


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise CorruptFile(f"{path.name} could not be opened as a Word document ({err}). "
                          "Re-save it from Word as .docx.", code="docx-corrupt") from err
    except Exception as err:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptFile(f"{path.name} has damaged XML inside ({type(err).__name__}: {err}). "
                          "Re-save it from Word as .docx.", code="docx-corrupt") from err


def _part_element(document: Any, which: str) -> Any | None:
    """numbering.xml / styles.xml root, or None when the package has no such part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    reltype = RT.NUMBERING if which == "numbering" else RT.STYLES
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _header_footer_texts(document: Any) -> tuple[list[str], list[str]]:
    """Paragraph texts of every header and footer part the sections use (default, first
    page and even page), each part once, in section order."""
    out: dict[str, list[str]] = {"header": [], "footer": []}
    seen: set[str] = set()
    for sect in document.element.body.iter(W + "sectPr"):
        for ref in sect:
            kind = {W + "headerReference": "header", W + "footerReference": "footer"}.get(ref.tag)
            rid = ref.get(R_ID)
            if kind is None or not rid or rid in seen:
                continue
            seen.add(rid)
            try:
                root = document.part.related_parts[rid].element
            except (KeyError, AttributeError):  # a dangling reference: nothing to show
                continue
            for p in root.iter(W + "p"):
                text = _text(p).strip()
                if text and text not in out[kind]:
                    out[kind].append(text)
    return out["header"], out["footer"]


def _body_items(parent: Any) -> Iterator[Any]:
    """Body paragraphs and tables in order, looking inside content controls and custom-XML
    wrappers, which python-docx's `paragraphs` and `tables` skip."""
    for child in parent.iterchildren():
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag == W + "customXml":
            yield from _body_items(child)
        elif child.tag == W + "sdt" and child.find(W + "sdtContent") is not None:
            yield from _body_items(child.find(W + "sdtContent"))


def _text(el: Any) -> str:
    """Visible text: runs, tabs and breaks (python-docx drops some breaks). The fallback
    copy of a text box (mc:Fallback) repeats the preferred one, so it is skipped."""
    parts: list[str] = []
    for node in el.iter():
        if node.tag == W + "t":
            if not any(a.tag == MC_FALLBACK for a in node.iterancestors()):
                parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif node.tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


@dataclass
class _Para:
    text: str
    kind: BlockKind
    bold: bool
    style: str | None
    item_marker: str | None  # n of the last ModernGov <AIn> opened in this paragraph
    titled: bool  # the text was inside a ModernGov <TITLE> tag


def _paragraph(el: Any, numbering: ListNumbering) -> _Para:
    raw = _text(el)
    markers = MODERNGOV_OPEN_ITEM.findall(raw)
    titled = "<TITLE>" in raw
    text = MODERNGOV_TAG.sub("", raw).strip()
    ppr = el.find(W + "pPr")
    style = None
    kind: BlockKind = "paragraph"
    if ppr is not None:
        pstyle = ppr.find(W + "pStyle")
        if pstyle is not None:
            style = pstyle.get(W + "val")
    numbered = numbering.resolve(ppr.find(W + "numPr") if ppr is not None else None, style)
    if numbered and text:
        label = numbering.label(*numbered)
        text = f"{label} {text}" if label else text
        kind = "list_item"
    runs = [r for r in el.iter(W + "r") if (r.findtext(W + "t") or "").strip()]
    bold = bool(runs) and all(_run_bold(r) for r in runs)
    heading_style = bool(style and re.match(r"(?i)heading|title", style))
    if heading_style or (bold and len(text) <= 120 and kind == "paragraph"):
        kind = "heading"
    return _Para(text, kind, bold, style, markers[-1] if markers else None, titled)


def _run_bold(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    b = rpr.find(W + "b")
    return b is not None and b.get(W + "val") not in ("0", "false")


def _cell_text(tc: Any, numbering: ListNumbering) -> str:
    lines = []
    for p in tc.iter(W + "p"):
        para = _paragraph(p, numbering)
        if para.text:
            lines.append(para.text)
    return "\n".join(lines)[:MAX_CELL_CHARS]


def _table_rows(tbl: Any, numbering: ListNumbering) -> list[list[Cell]]:
    """Rows of cells from the XML, so horizontal (gridSpan) and vertical (vMerge) merges are
    seen once rather than repeated as python-docx's `row.cells` does. `Cell.col` is the grid
    column, counting cells a row skips with `w:gridBefore`. Spans are clamped (a 10 KB file
    with `gridSpan="2147483647"` made the extractors build a grid of gigabytes), and rows stop
    one past MAX_TABLE_ROWS so the caller can say the table was cut."""
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}  # grid column → the cell a vMerge continuation extends
    for r, tr in enumerate(tbl.iterchildren(W + "tr")):
        if r > MAX_TABLE_ROWS:
            break
        cells: list[Cell] = []
        col = clamp_span(_val(tr.find(f"{W}trPr/{W}gridBefore"), 0) + 1) - 1
        for tc in islice(tr.iterchildren(W + "tc"), MAX_TABLE_CELLS):
            tcpr = tc.find(W + "tcPr")
            span, vmerge, fill = 1, None, None
            if tcpr is not None:
                span = clamp_span(_val(tcpr.find(W + "gridSpan"), 1))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
                shd = tcpr.find(W + "shd")
                if shd is not None:
                    fill = word_colour_to_hex(shd.get(W + "fill"))
            if vmerge == "continue" and col in above:
                above[col].rowspan = clamp_span(above[col].rowspan + 1)
            else:
                cell = Cell(text=_cell_text(tc, numbering), row=r, col=col, colspan=span,
                            fill=fill)
                cells.append(cell)
                above[col] = cell
            col += span
        if cells:
            rows.append(cells)
    if rows and tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None:
        for cell in rows[0]:
            cell.header = True
    return rows


def _val(el: Any | None, default: int) -> int:
    try:
        return int(el.get(W + "val")) if el is not None else default
    except (TypeError, ValueError):
        return default

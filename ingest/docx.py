"""DOCX backend: body paragraphs and tables in document order, with styles, list numbering,
merged cells and `w:shd` cell shading. Headers/footers become furniture blocks.

The zip is checked before python-docx sees it: a decompression bomb or an XML entity
declaration is refused with a clear message rather than parsed.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from .colours import word_colour_to_hex
from .errors import CorruptFile, TooLarge, UnsafeFile
from .model import Block, Cell, Page, Problem, Table

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # compressed → uncompressed; real Word XML compresses ~10-30x
MAX_CELL_CHARS = 5000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENTITY = re.compile(rb"<!ENTITY", re.I)
MODERNGOV_MARKER = re.compile(r"</?AI\d+>|</?TITLE>|</?TEXT>")


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise TooLarge(f"{path.name} expands to {total // 2**20} MiB, more than a "
                               "Word document should; it was not opened (possible zip bomb).")
            for info in infos:
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                        and info.file_size > 10 * 2**20:
                    raise UnsafeFile(f"{path.name}: part {info.filename} is compressed "
                                     f"{info.file_size // info.compress_size}:1, a sign of a "
                                     "decompression bomb; it was not opened.")
                if info.filename.endswith(".xml") and ENTITY.search(zf.read(info)[:65536]):
                    raise UnsafeFile(f"{path.name}: part {info.filename} declares XML "
                                     "entities, which Word never writes; it was not opened "
                                     "(possible XML bomb or external-entity attack).")
    except zipfile.BadZipFile as err:
        raise CorruptFile(f"{path.name} is a damaged DOCX ({err}). Re-save it from Word.",
                          code="docx-corrupt") from err


def read_docx(path: Path, sha256: str, problems: list[Problem]) -> list[Page]:
    _check_zip(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise CorruptFile(f"{path.name} could not be opened as a Word document ({err}). "
                          "Re-save it from Word as .docx.", code="docx-corrupt") from err
    except Exception as err:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptFile(f"{path.name} has damaged XML inside ({type(err).__name__}: {err}). "
                          "Re-save it from Word as .docx.", code="docx-corrupt") from err
    page = Page(number=None)
    counter = iter(range(10**9))
    for section in document.sections[:1]:
        for para in _safe_paragraphs(section.header):
            page.items.append(Block(index=next(counter), page=None, kind="furniture",
                                    text=para, sha256=sha256, style="header"))
    numbering = _Numbering()
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            block = _paragraph(child, next(counter), sha256, numbering)
            if block is not None:
                page.items.append(block)
        elif child.tag == W + "tbl":
            rows = _table_rows(child)
            if rows:
                page.items.append(Table(index=next(counter), page=None, rows=rows,
                                        sha256=sha256))
    for section in document.sections[:1]:
        for para in _safe_paragraphs(section.footer):
            page.items.append(Block(index=next(counter), page=None, kind="furniture",
                                    text=para, sha256=sha256, style="footer"))
    return [page]


def _safe_paragraphs(part: Any) -> list[str]:
    try:
        return [p.text.strip() for p in part.paragraphs if p.text.strip()]
    except Exception:  # a missing header part is not worth failing a document for
        return []


def _text(el: Any) -> str:
    """A paragraph's visible text: runs, tabs and breaks (python-docx drops some breaks)."""
    parts: list[str] = []
    for node in el.iter():
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


class _Numbering:
    """Automatic list numbers, which python-docx does not render: count per (numId, level)
    so "1.", "2." … can be put back in front of numbered paragraphs."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, int], int] = {}

    def label(self, num_id: str, level: int) -> str:
        key = (num_id, level)
        self.counts[key] = self.counts.get(key, 0) + 1
        for (nid, lvl) in list(self.counts):
            if nid == num_id and lvl > level:
                del self.counts[(nid, lvl)]
        return f"{self.counts[key]}."


def _paragraph(el: Any, index: int, sha256: str, numbering: _Numbering) -> Block | None:
    text = MODERNGOV_MARKER.sub("", _text(el)).strip()
    if not text:
        return None
    ppr = el.find(W + "pPr")
    style = None
    kind = "paragraph"
    bold = False
    if ppr is not None:
        pstyle = ppr.find(W + "pStyle")
        if pstyle is not None:
            style = pstyle.get(W + "val")
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            num_id = numpr.find(W + "numId")
            ilvl = numpr.find(W + "ilvl")
            if num_id is not None and num_id.get(W + "val") not in (None, "0"):
                level = int(ilvl.get(W + "val")) if ilvl is not None else 0
                text = f"{numbering.label(num_id.get(W + 'val'), level)} {text}"
                kind = "list_item"
    runs = [r for r in el.iter(W + "r") if (r.findtext(W + "t") or "").strip()]
    if runs:
        bold = all(_run_bold(r) for r in runs)
    if style and re.match(r"(?i)heading|title", style):
        kind = "heading"
    elif bold and len(text) <= 120 and kind == "paragraph":
        kind = "heading"
    return Block(index=index, page=None, kind=kind, text=text, sha256=sha256, bold=bold,
                 style=style)


def _run_bold(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    b = rpr.find(W + "b")
    return b is not None and b.get(W + "val") not in ("0", "false")


def _table_rows(tbl: Any) -> list[list[Cell]]:
    """Rows of cells from the XML, so horizontal (gridSpan) and vertical (vMerge) merges are
    seen once rather than repeated as python-docx's `row.cells` does."""
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}
    for r, tr in enumerate(tbl.iterchildren(W + "tr")):
        cells: list[Cell] = []
        col = 0
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span, vmerge, fill = 1, None, None
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = int(gs.get(W + "val", "1"))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
                shd = tcpr.find(W + "shd")
                if shd is not None:
                    fill = word_colour_to_hex(shd.get(W + "fill"))
            text = "\n".join(t for t in (_text(p).strip() for p in tc.iter(W + "p")) if t)
            text = MODERNGOV_MARKER.sub("", text)[:MAX_CELL_CHARS]
            if vmerge == "continue" and col in above:
                above[col].rowspan += 1
            else:
                cell = Cell(text=text, row=r, col=col, colspan=span, fill=fill)
                cells.append(cell)
                above[col] = cell
            col += span
        if cells:
            rows.append(cells)
    if rows and tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None:
        for cell in rows[0]:
            cell.header = True
    return rows

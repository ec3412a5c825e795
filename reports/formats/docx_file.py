"""DOCX: the agenda-pack item. A4 landscape; the title, the body, "As at DATE" and the
scope under it; each table with its header row repeated on every page (w:tblHeader) and
column widths in proportion to `Column.width`; the paged columns only (`Column.paged`);
the status cell shaded by the row's tone (its word is in the cell too); "Page X of Y" in the
footer; charts as PNG pictures.

python-docx lays out everything but the tables' rows; a table is a placeholder paragraph
that is replaced, when the file is written, by the table's XML written row by row: python-docx
builds every row as a tree of objects (and `add_row` deep-copies the last row), far too slow
and big for a log of 100,000 actions.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from ..document import Chart, Note, Report, Table
from .shared import TONE_FILL, PagedColumn, heading_lines, paged_cells, paged_columns

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_MARK = "BOARDPAPERS-TABLE-{n}-9f1c"  # a placeholder no report text can hold (see below)
A4_MM = (297, 210)
MARGIN_MM = 12.7
TWIPS_PER_MM = 1440 / 25.4
CELL_POINTS = 9


def write_docx(report: Report, path: Path) -> None:
    skeleton, tables = _skeleton(report)
    with zipfile.ZipFile(io.BytesIO(skeleton)) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, src.read(item.filename))
                continue
            xml = src.read(item.filename).decode("utf-8")
            info = zipfile.ZipInfo("word/document.xml", item.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            # the fastest level, as the writer's other parts: a ZipInfo handed to open()
            # otherwise gets zlib's default, 4× the CPU for a 10% smaller file
            info._compresslevel = 1  # type: ignore[attr-defined]  # compress_level in 3.13
            with out.open(info, "w", force_zip64=True) as doc:
                for piece in _fill(xml, tables):
                    doc.write(piece.encode("utf-8"))


def _skeleton(report: Report) -> tuple[bytes, list[Table]]:
    """The document without its tables' rows, and the tables in placeholder order."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = _clean(report.title)
    doc.add_heading(_clean(report.title), level=1)
    for line in heading_lines(report):
        doc.add_paragraph(_clean(line))
    tables: list[Table] = []
    for part in report.parts:
        if isinstance(part, Note):
            doc.add_paragraph(_clean(part.text))
        elif isinstance(part, Chart):
            doc.add_paragraph(_clean(part.title), style="Heading 2")
            doc.add_picture(io.BytesIO(part.png), width=Mm(A4_MM[0] - 2 * MARGIN_MM - 40))
        elif isinstance(part, Table):
            if part.title:
                doc.add_heading(_clean(part.title), level=2)
            doc.add_paragraph(_MARK.format(n=len(tables)))
            tables.append(part)
    _page_numbers(section)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), tables


def _page_numbers(section) -> None:  # type: ignore[no-untyped-def]
    """"Page X of Y" in the footer, as Word fields (Word fills them in as it lays out)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    para = section.footer.paragraphs[0]
    para.alignment = 1  # centred
    para.add_run("Page ")
    para._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t>'
                             '</w:r></w:fldSimple>'))
    para._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> of </w:t>'
                             '</w:r>'))
    para._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="NUMPAGES"><w:r><w:t>1'
                             '</w:t></w:r></w:fldSimple>'))


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _fill(xml: str, tables: list[Table]) -> Iterator[str]:
    """document.xml with each placeholder paragraph replaced by its table's XML. Report
    text that happened to hold a marker would be escaped text inside another paragraph; the
    markers are found in order, each after the last, and each must be a paragraph's whole
    text."""
    pos = 0
    for n, table in enumerate(tables):
        mark = xml.index(f"<w:t>{_MARK.format(n=n)}</w:t>", pos)
        start = xml.rindex("<w:p>", pos, mark) if "<w:p>" in xml[pos:mark] else \
            xml.rindex("<w:p ", pos, mark)
        end = xml.index("</w:p>", mark) + len("</w:p>")
        yield xml[pos:start]
        yield from _table_xml(table)
        pos = end
    yield xml[pos:]


def _widths(cols: tuple[PagedColumn, ...]) -> list[int]:
    usable = (A4_MM[0] - 2 * MARGIN_MM) * TWIPS_PER_MM
    total = sum(c.column.width for c in cols) or 1
    return [int(usable * c.column.width / total) for c in cols]


_RUN = f'<w:rPr><w:sz w:val="{CELL_POINTS * 2}"/><w:szCs w:val="{CELL_POINTS * 2}"/></w:rPr>'
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def _cell_open(width: int, fill: str | None = None, bold: bool = False) -> str:
    """A cell's XML up to its text: worked out once per column, not per cell."""
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    run = _RUN.replace("<w:rPr>", "<w:rPr><w:b/>") if bold else _RUN
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>'
            f'<w:r>{run}<w:t xml:space="preserve">')


_CELL_CLOSE = "</w:t></w:r></w:p></w:tc>"


_UNSAFE = re.compile(f"[&<>]|{_XML_ILLEGAL.pattern}")


def _text(text: str) -> str:
    """Cell text as <w:t> content: escaped, each line a line."""
    text = _XML_ILLEGAL.sub("", text)
    if "&" in text or "<" in text or ">" in text:
        text = escape(text)
    return text.replace("\n", _BREAK) if "\n" in text else text


def _cell(text: str, width: int, fill: str | None = None, bold: bool = False) -> str:
    return _cell_open(width, fill, bold) + _text(text) + _CELL_CLOSE


def _table_xml(table: Table) -> Iterator[str]:
    cols = paged_columns(table)
    widths = _widths(cols)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    yield ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" '
           'w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" '
           'w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>')
    # the header row: repeated at the top of every page, never split across two
    yield ('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
           + "".join(_cell(c.column.name, w, "D9D9D9", bold=True)
                     for c, w in zip(cols, widths, strict=True)) + "</w:tr>")
    plain = [_cell_open(w) for w in widths]
    shaded = {tone: [_cell_open(w, fill) if c.column.kind == "status" else p
                     for c, w, p in zip(cols, widths, plain, strict=True)]
              for tone, fill in TONE_FILL.items()}
    rows = 0
    batch: list[str] = []
    cells = paged_cells(table)
    for row in table.rows:
        rows += 1
        opens = shaded.get(row.tone, plain) if row.tone else plain  # type: ignore[call-overload]
        texts = cells(row)
        # One look at the whole row for what `_text` changes: most rows hold none of it
        # but line breaks, and those are the only "\n" in the row's XML.
        if _UNSAFE.search(joined := "".join(texts)):
            texts = [_text(t) for t in texts]
        xml = "".join([head + text + _CELL_CLOSE
                       for head, text in zip(opens, texts, strict=True)])
        batch.append(f"<w:tr>{xml.replace(chr(10), _BREAK) if chr(10) in joined else xml}"
                     "</w:tr>")
        if len(batch) > 500:  # written in slabs: one compress call per slab, not per row
            yield "".join(batch)
            batch = []
    yield "".join(batch)
    if not rows:
        yield (f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/><w:gridSpan '
               f'w:val="{len(cols)}"/></w:tcPr><w:p><w:r><w:t>{escape(table.empty)}</w:t>'
               '</w:r></w:p></w:tc></w:tr>')
    yield "</w:tbl>"

"""XLSX: a sheet per row group (per body), each a real Excel table with filters, a frozen
header row repeated on every printed page, A4 landscape fitted to the page width, the
report's title and "as at" date in the page header and "Page X of Y" in the footer.

Colour is conditional formatting, not fills: a "State" column holds each row's tone as a word
(`overdue`, `open`, …, so it can be filtered on too) and rules on the sheet colour the status
cell by it and the whole row when it is overdue. Dates are real dates; every string is an
inline string, so no paper text is ever a formula.

The workbook's XML is written here, row by row, instead of through openpyxl: openpyxl's
write-only mode still costs ~7 µs a cell, and a 100,000-action log is over a million cells.
Rows go to a temporary file per sheet as they are read (a sheet's table needs its row count
before its rows), then each sheet is copied into the zip. openpyxl reads the files back in
the tests.
"""
from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from ..document import TONES, Report, Table, Value
from .shared import TONE_FILL, TONE_INK

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
STATE = "State"  # the column holding a row's tone
_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
# cell styles (cellXfs in styles.xml): plain, date, wrapped text, top-aligned, header
S_DATE, S_WRAP, S_TOP, S_HEAD = 1, 2, 3, 4
MAX_ROWS = 1_048_575  # one sheet's rows after the header: Excel's limit


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def sheet_name(name: str | None, taken: set[str]) -> str:
    """A name Excel accepts: no []:*?/\\, no quote at either end, at most 31 characters,
    unique in the workbook (case-insensitively; "Board (2)" for the second)."""
    base = " ".join(_SHEET_UNSAFE.sub(" ", name or "").split()).strip("'") or "Sheet"
    base = base[:31].strip()
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        tail = f" ({n})"
        candidate = base[:31 - len(tail)].rstrip() + tail
    taken.add(candidate.lower())
    return candidate


@dataclass
class _Sheet:
    name: str
    table: Table
    state: bool  # a State column after the table's own
    rows: int = 0
    tones: set[str] = field(default_factory=set)
    spool: IO[str] = field(default_factory=lambda: tempfile.TemporaryFile(
        "w+", encoding="utf-8"))

    @property
    def width(self) -> int:
        return len(self.table.columns) + self.state


_UNSAFE = re.compile(f"[&<>]|{_XML_ILLEGAL.pattern}")  # what `_text` changes


def _text(value: str) -> str:
    value = _XML_ILLEGAL.sub("", value)
    if "&" in value or "<" in value or ">" in value:  # most cells: neither
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


class _RowWriter:
    """One table's rows as <row> XML: each column's letter and style worked out once."""

    def __init__(self, table: Table, state: bool) -> None:
        self.cols = [(_letters(i), S_WRAP if c.kind in ("text", "lines", "status") else S_TOP)
                     for i, c in enumerate(table.columns)]
        self.state_letter = _letters(len(table.columns)) if state else None

    def row(self, r: int, cells: tuple[Value, ...], tone: str | None) -> str:
        parts = [f'<row r="{r}">']
        # one look at the row's text for what `_text` changes: most rows hold none of it
        clean = not _UNSAFE.search("".join([v for v in cells if isinstance(v, str)]))
        for (letter, style), v in zip(self.cols, cells, strict=True):
            if v is None or v == "":
                continue
            if type(v) is str or isinstance(v, str):  # the first test is the cheap one
                parts.append(f'<c r="{letter}{r}" s="{style}" t="inlineStr"><is>'
                             f'<t xml:space="preserve">{v if clean else _text(v)}</t></is></c>')
            elif isinstance(v, dt.date):
                parts.append(f'<c r="{letter}{r}" s="{S_DATE}"><v>'
                             f'{v.toordinal() - _EXCEL_EPOCH}</v></c>')
            else:
                parts.append(f'<c r="{letter}{r}" s="{S_TOP}"><v>{int(v)}</v></c>')
        if self.state_letter and tone:
            parts.append(f'<c r="{self.state_letter}{r}" s="{S_TOP}" t="inlineStr"><is>'
                         f'<t>{tone}</t></is></c>')
        parts.append("</row>")
        return "".join(parts)


def write_xlsx(report: Report, path: Path) -> None:
    sheets: list[_Sheet] = []
    taken: set[str] = set()
    try:
        for table in (p for p in report.parts if isinstance(p, Table)):
            state = any(c.kind == "status" for c in table.columns)
            writer = _RowWriter(table, state)
            by_group: dict[str | None, _Sheet] = {}
            for row in table.rows:
                sheet = by_group.get(row.group)
                if sheet is None:
                    sheet = _Sheet(sheet_name(row.group or table.title, taken), table, state)
                    by_group[row.group] = sheet
                    sheets.append(sheet)
                if sheet.rows >= MAX_ROWS:
                    raise ValueError(f"more than {MAX_ROWS:,} rows for one sheet "
                                     f"({sheet.name}); filter the report")
                sheet.rows += 1
                if row.tone:
                    sheet.tones.add(row.tone)
                sheet.spool.write(writer.row(sheet.rows + 1, row.cells, row.tone))
            if not by_group:  # no rows: the sheet still shows the headings
                sheets.append(_Sheet(sheet_name(table.title, taken), table, state))
        _package(report, sheets, path)
    finally:
        for sheet in sheets:
            sheet.spool.close()


def _package(report: Report, sheets: list[_Sheet], path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _content_types(len(sheets)))
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("docProps/core.xml", _core(report))
        z.writestr("xl/workbook.xml", _workbook(sheets))
        z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        z.writestr("xl/styles.xml", _STYLES)
        for n, sheet in enumerate(sheets, start=1):
            with z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as out:
                head, tail = _sheet_xml(report, sheet, first=n == 1, n=n)
                out.write(head.encode("utf-8"))
                sheet.spool.seek(0)
                while chunk := sheet.spool.read(1 << 20):
                    out.write(chunk.encode("utf-8"))
                out.write(tail.encode("utf-8"))
            z.writestr(f"xl/worksheets/_rels/sheet{n}.xml.rels",
                       f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                       f'Type="{REL}/table" Target="../tables/table{n}.xml"/></Relationships>')
            z.writestr(f"xl/tables/table{n}.xml", _table_xml(sheet, n))


def _ref(sheet: _Sheet) -> str:
    # a table needs a data row; an empty one keeps a blank row under its headings
    return f"A1:{_letters(sheet.width - 1)}{max(sheet.rows, 1) + 1}"


def _headings(sheet: _Sheet) -> list[str]:
    return [c.name for c in sheet.table.columns] + ([STATE] if sheet.state else [])


def _header_code(text: str) -> str:
    # "&" starts a code in Excel's page header; a paper's "&" is written "&&"
    return escape(_XML_ILLEGAL.sub("", text).replace("&", "&&"))


def _sheet_xml(report: Report, sheet: _Sheet, *, first: bool, n: int) -> tuple[str, str]:
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{c.width}" customWidth="1"/>'
                   for i, c in enumerate(sheet.table.columns))
    if sheet.state:
        i = len(sheet.table.columns) + 1
        cols += f'<col min="{i}" max="{i}" width="10" customWidth="1"/>'
    header = "".join(f'<c r="{_letters(i)}1" s="{S_HEAD}" t="inlineStr"><is><t>{_text(h)}'
                     f'</t></is></c>' for i, h in enumerate(_headings(sheet)))
    selected = ' tabSelected="1"' if first else ""
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="{_ref(sheet)}"/>'
            f'<sheetViews><sheetView workbookViewId="0"{selected}>'
            f'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            f'<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
            f'</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
            f'<sheetData><row r="1">{header}</row>')
    title = " · ".join(filter(None, [report.title, report.body]))[:120]
    tail = (f'</sheetData>{_conditional(sheet)}'
            f'<pageMargins left="0.4" right="0.4" top="0.7" bottom="0.7" header="0.3" '
            f'footer="0.3"/>'
            f'<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
            f'fitToHeight="0"/>'
            f'<headerFooter><oddHeader>&amp;L{_header_code(title)}&amp;RAs at '
            f'{report.as_at.isoformat()}</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N'
            f'</oddFooter></headerFooter>'
            f'<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>')
    return head, tail


def _conditional(sheet: _Sheet) -> str:
    """Rules on the State column's word: the whole row for overdue, the status cell for
    the others; one rule per tone the sheet holds (stop at the first that applies)."""
    if not sheet.state or not sheet.rows:
        return ""
    last = sheet.rows + 1
    state = _letters(sheet.width - 1)
    statuses = [i for i, c in enumerate(sheet.table.columns) if c.kind == "status"]
    rules = []
    for priority, tone in enumerate((t for t in TONES if t in sheet.tones), start=1):
        if tone == "overdue":
            sqref = f"A2:{state}{last}"
        else:
            sqref = " ".join(f"{_letters(i)}2:{_letters(i)}{last}" for i in statuses)
            sqref += f" {state}2:{state}{last}"
        rules.append(f'<conditionalFormatting sqref="{sqref}"><cfRule type="expression" '
                     f'dxfId="{TONES.index(tone)}" priority="{priority}" stopIfTrue="1">'
                     f'<formula>${state}2="{tone}"</formula></cfRule></conditionalFormatting>')
    return "".join(rules)


def _table_xml(sheet: _Sheet, n: int) -> str:
    columns = "".join(f'<tableColumn id="{i + 1}" name={quoteattr(_XML_ILLEGAL.sub("", h))}/>'
                      for i, h in enumerate(_headings(sheet)))
    name = f"Table{n}"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<table xmlns="{MAIN}" id="{n}" name="{name}" displayName="{name}" '
            f'ref="{_ref(sheet)}" totalsRowShown="0"><autoFilter ref="{_ref(sheet)}"/>'
            f'<tableColumns count="{sheet.width}">{columns}</tableColumns>'
            f'<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" '
            f'showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>')


def _workbook(sheets: list[_Sheet]) -> str:
    entries = "".join(f'<sheet name={quoteattr(s.name)} sheetId="{n}" r:id="rId{n}"/>'
                      for n, s in enumerate(sheets, start=1))
    quoted = ["'" + s.name.replace("'", "''") + "'" for s in sheets]
    titles = "".join(f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">'
                     f'{escape(q)}!$1:$1</definedName>' for n, q in enumerate(quoted))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView '
            f'activeTab="0"/></bookViews><sheets>{entries}</sheets>'
            f'<definedNames>{titles}</definedNames></workbook>')


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{REL}/worksheet" '
                     f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">{sheets}<Relationship Id="rId{count + 1}" '
            f'Type="{REL}/styles" Target="styles.xml"/></Relationships>')


_SS = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _content_types(count: int) -> str:
    parts = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SS}.worksheet+xml"/>'
        f'<Override PartName="/xl/tables/table{n}.xml" ContentType="{_SS}.table+xml"/>'
        for n in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_SS}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_SS}.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
            f'openxmlformats-package.core-properties+xml"/>{parts}</Types>')


_ROOT_RELS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
              f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" '
              f'Type="{PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
              f'</Relationships>')


def _core(report: Report) -> str:
    title = " · ".join(filter(None, [report.title, report.body]))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{_text(title)}</dc:title>'
            f'<dc:subject>As at {report.as_at.isoformat()}</dc:subject>'
            f'<dc:description>{_text(report.scope)}</dc:description>'
            '<dc:creator>boardpapers</dc:creator></cp:coreProperties>')


def _dxf(tone: str) -> str:
    return (f'<dxf><font><color rgb="FF{TONE_INK[tone]}"/></font><fill><patternFill '  # type: ignore[index]
            f'patternType="solid"><bgColor rgb="FF{TONE_FILL[tone]}"/></patternFill></fill>'  # type: ignore[index]
            '</dxf>')


_FONT = '<sz val="10"/><name val="Calibri"/><family val="2"/>'
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="5">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    f'</cellStyles><dxfs count="{len(TONES)}">{"".join(_dxf(t) for t in TONES)}</dxfs>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
    'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')

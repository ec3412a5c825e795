"""Report writers (issue 12), read back with each format's own reader: python-docx for the
agenda-pack DOCX, openpyxl for the workbook, html.parser for the page, json/csv for the
data formats. Invented reports: two bodies, an overdue row, hostile paper text, a chart."""
from __future__ import annotations

import base64
import csv
import datetime as dt
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reports import TemplateError, write_report
from reports.document import Chart, Column, Note, Report, Row, Table
from reports.formats import FORMATS, format_for
from reports.formats.xlsx import sheet_name

AS_AT = dt.date(2025, 1, 9)
SCRIPT = "<script>alert('x')</script> & chase the lighting quote"
FORMULA = '=HYPERLINK("http://example.invalid","click")'
NASTY_BODY = "Parks: Trees/Verges [East] *Sub-Committee* with a very long name indeed"
PNG = base64.b64decode(  # a 1×1 white PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Red</title>'
       '<rect width="10" height="10" fill="#c00"/></svg>')

COLUMNS = (
    Column("Ref", "text", 8), Column("Action", "text", 40), Column("Owner", "text", 16),
    Column("Raised at", "date", 11), Column("Raised in", "text", 12, under="Raised at"),
    Column("Due", "date", 11), Column("Status", "status", 16),
    Column("Latest update", "text", 24), Column("Source", "text", 20, paged=False),
    Column("Age (days)", "int", 6, paged=False), Column("Later mentions", "lines", 30,
                                                         paged=False),
)


def _rows() -> Iterator[Row]:
    """A generator, as the store gives them: a writer may read it once only."""
    yield Row(("T1", "Order new bins for the rec", "Ann Ashby", dt.date(2024, 9, 10),
               "minutes, item 4", dt.date(2024, 10, 1), "open, overdue", "Quote awaited",
               "parks-sep.pdf p.3", 121, "2024-11-12 minutes: Quote awaited\n2024-12-10 "
               "agenda: chased"), "overdue", NASTY_BODY)
    yield Row(("T2", SCRIPT, "Bob Bray", dt.date(2024, 11, 12), "minutes", None, "open",
               None, "parks-nov.pdf p.2", 58, None), "open", NASTY_BODY)
    yield Row(("F1", FORMULA, "Cara Cole", dt.date(2024, 6, 4), "agenda", None,
               "closed 2024-09-10 (Done)", "Done", "finance-jun.pdf p.9", 98, None),
              "closed", "Finance")


def _report(*, chart: bool = False) -> Report:
    parts: list[object] = [Note("Actions carried from earlier meetings.")]
    if chart:
        parts.append(Chart("RAG per meeting", PNG, SVG, ("Red", "Amber")))
    parts.append(Table("Actions", COLUMNS, _rows(), empty="No actions recorded."))
    return Report("Action log", AS_AT, body="Parks Committee", scope="open actions",
                  parts=tuple(parts))  # type: ignore[arg-type]


# -- DOCX: the agenda-pack item -----------------------------------------------------------

def test_docx_is_an_a4_landscape_pack_item_with_repeated_header_and_page_numbers(tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    doc = Document(str(write_report(_report(chart=True), "docx", tmp_path / "log.docx")))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    text = [p.text for p in doc.paragraphs]
    assert "Action log" in text and "Parks Committee" in text
    assert "As at 2025-01-09" in text and "open actions" in text
    [table] = doc.tables
    first = table.rows[0]._tr
    assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None or \
        table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None  # only the header repeats
    # the seven pack columns; "Raised in" as a second line of "Raised at"
    assert [c.text for c in table.rows[0].cells] == [
        "Ref", "Action", "Owner", "Raised at", "Due", "Status", "Latest update"]
    assert table.rows[1].cells[3].text == "2024-09-10\nminutes, item 4"
    assert table.rows[2].cells[1].text == SCRIPT  # shown as written, not run
    assert len(table.rows) == 4
    # column widths follow the hints: "Action" much wider than "Ref"
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[1] > 4 * widths[0]
    # the overdue row's status cell is shaded, and says "overdue" in words
    shade = table.rows[1].cells[5]._tc.tcPr.find(qn("w:shd"))
    assert shade is not None and shade.get(qn("w:fill")) == "F8D7DA"
    assert "overdue" in table.rows[1].cells[5].text
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Page " in footer and " of " in footer
    assert len(doc.inline_shapes) == 1  # the chart, as a PNG picture


def test_docx_of_no_rows_says_so(tmp_path):
    from docx import Document

    empty = Report("Action log", AS_AT, parts=(Table("Actions", COLUMNS, iter(()),
                                                     empty="No actions recorded."),))
    [table] = Document(str(write_report(empty, "docx", tmp_path / "e.docx"))).tables
    assert table.rows[1].cells[0].text == "No actions recorded."


def _template(path: Path, body: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Hartfield Town Council house style")
    doc.add_paragraph(body)
    doc.save(str(path))
    return path


def test_docx_template_is_filled_with_the_report(tmp_path):
    from docx import Document

    template = _template(tmp_path / "house.docx", (
        "{{ title }} for {{ body }}, as at {{ as_at_long }} ({{ scope }}): "
        "{% for row in tables[0].rows %}[{{ row[0] }} {{ row[1] }} | {{ tables[0].states"
        "[loop.index0] }}]{% endfor %} {{ tables[0].columns | join('/') }}"))
    out = write_report(_report(), "docx", tmp_path / "filled.docx", template=template)
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert paras[0] == "Hartfield Town Council house style"  # the template's own text kept
    assert paras[1] == (
        "Action log for Parks Committee, as at 9 January 2025 (open actions): "
        f"[T1 Order new bins for the rec | overdue][T2 {SCRIPT} | open]"
        f"[F1 {FORMULA} | closed] Ref/Action/Owner/Raised at/Due/Status/Latest update")


@pytest.mark.parametrize("body", ["{{ title ", "{% for x in %}", "{{ tables[5].rows }}"])
def test_a_template_that_cannot_be_filled_is_one_sentence(tmp_path, body):
    template = _template(tmp_path / "bad.docx", body)
    with pytest.raises(TemplateError) as e:
        write_report(_report(), "docx", tmp_path / "out.docx", template=template)
    assert "bad.docx cannot be filled" in str(e.value) and "\n" not in str(e.value)
    not_word = tmp_path / "notes.docx"
    not_word.write_text("plain text")
    with pytest.raises(TemplateError, match="not a Word .docx file"):
        write_report(_report(), "docx", tmp_path / "out.docx", template=not_word)


# -- XLSX: a sheet per body ---------------------------------------------------------------

def test_xlsx_has_a_table_per_body_with_conditional_colours_and_print_setup(tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(write_report(_report(), "xlsx", tmp_path / "log.xlsx"))
    assert len(wb.sheetnames) == 2
    parks, finance = wb.worksheets
    assert finance.title == "Finance"
    assert len(parks.title) <= 31 and not set(parks.title) & set("[]:*?/\\")
    assert parks.title.startswith("Parks Trees Verges East")
    heads = [c.value for c in parks[1]]
    assert heads == [c.name for c in COLUMNS] + ["State"]
    assert [r[0] for r in parks.iter_rows(min_row=2, values_only=True)] == ["T1", "T2"]
    [(name, ref)] = parks.tables.items()
    assert ref == "A1:L3" and parks.tables[name].autoFilter.ref == "A1:L3"
    assert parks.tables[name].tableStyleInfo.name
    rules = {str(cf.sqref): [r.formula[0] for r in cf.rules]
             for cf in parks.conditional_formatting}
    assert rules["A2:L3"] == ['$L2="overdue"']  # the whole row
    assert rules["G2:G3 L2:L3"] == ['$L2="open"']  # the status cell (and the word)
    assert parks["L2"].value == "overdue"
    assert not any(cell.fill.fgColor.rgb not in (None, "00000000")
                   for row in parks.iter_rows() for cell in row)  # no static fills
    assert parks["D2"].is_date and parks["D2"].value == dt.datetime(2024, 9, 10)
    assert parks["D2"].number_format == "yyyy-mm-dd"
    assert parks["J2"].value == 121 and parks["K2"].value.count("\n") == 1
    assert parks.freeze_panes == "A2"
    assert parks.print_title_rows == "$1:$1"
    assert parks.page_setup.orientation == "landscape" and parks.page_setup.paperSize == 9
    assert parks.page_setup.fitToWidth == 1 and parks.page_setup.fitToHeight == 0
    assert parks.sheet_properties.pageSetUpPr.fitToPage
    assert "Parks Committee" in parks.oddHeader.left.text
    assert parks.oddHeader.right.text == "As at 2025-01-09"
    assert parks.oddFooter.center.text == "Page &P of &N"
    formula = finance["B2"]
    assert formula.value == FORMULA and formula.data_type == "s"  # text, never a formula


def test_sheet_names_are_safe_bounded_and_unique():
    taken: set[str] = set()
    names = [sheet_name(n, taken) for n in
             ["Audit: Risk/Assurance [2024]", "Audit  Risk Assurance  2024 ", "x" * 40,
              "x" * 40, "'quoted'", "", None, "History"]]
    assert names[0] == "Audit Risk Assurance 2024"
    assert names[1] == "Audit Risk Assurance 2024 (2)"
    assert names[2] == "x" * 31 and names[3] == "x" * 27 + " (2)"
    assert names[4] == "quoted" and names[5] == "Sheet" and names[6] == "Sheet (2)"
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_xlsx_of_no_rows_still_has_its_table(tmp_path):
    from openpyxl import load_workbook

    empty = Report("Action log", AS_AT, parts=(Table("Actions", COLUMNS, iter(())),))
    ws = load_workbook(write_report(empty, "xlsx", tmp_path / "e.xlsx")).active
    assert ws.title == "Actions" and [c.value for c in ws[1]][:2] == ["Ref", "Action"]
    assert list(ws.tables.items()) == [("Table1", "A1:L2")]


# -- HTML: printable, sortable, filterable ------------------------------------------------

class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.cells: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "td"):
            self._in = tag
            (self.scripts if tag == "script" else self.cells).append("")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == self._in:
            self._in = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "td":
            self.cells[-1] += data


def test_html_sorts_filters_prints_and_shows_paper_script_as_text(tmp_path):
    html = write_report(_report(chart=True), "html", tmp_path / "log.html").read_text()
    page = _Page()
    page.feed(html)
    tags = [t for t, _ in page.tags]
    assert "button" in tags  # a sort control in each heading
    heads = [a for t, a in page.tags if t == "th"]
    assert len(heads) == len(COLUMNS)
    assert any(t == "input" and a.get("type") == "search" for t, a in page.tags)
    assert len(page.scripts) == 1 and "sort" in page.scripts[0]  # our own script only
    assert SCRIPT in page.cells  # the paper's <script> is a cell's text
    assert "@media print" in html and "table-header-group" in html
    # colour with a word: the overdue row's status cell has the tone's class and its word
    status = [a for t, a in page.tags if t == "td" and "tone-overdue" in (a.get("class") or "")]
    assert len(status) == 1 and "open, overdue" in page.cells
    # nothing remote: no src or href that leaves the page
    assert not any(v and v.startswith(("http", "//")) for _, a in page.tags
                   for k, v in a.items() if k in ("src", "href"))
    [img] = [a for t, a in page.tags if t == "img"]
    assert img["src"].startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(img["src"].split(",", 1)[1]).decode() == SVG
    assert "Red, Amber" in img["alt"]
    assert "As at 2025-01-09" in html and "Parks Committee" in html


# -- data formats: the same rows back -----------------------------------------------------

def test_json_is_a_list_of_objects_with_iso_dates(tmp_path):
    data = json.loads(write_report(_report(), "json", tmp_path / "log.json").read_text())
    assert [d["Ref"] for d in data] == ["T1", "T2", "F1"]
    assert data[0]["Raised at"] == "2024-09-10" and data[0]["Age (days)"] == 121
    assert data[0]["Later mentions"] == ["2024-11-12 minutes: Quote awaited",
                                         "2024-12-10 agenda: chased"]
    assert data[0]["state"] == "overdue" and data[2]["group"] == "Finance"
    assert data[1]["Action"] == SCRIPT and data[1]["Due"] is None


def test_csv_and_markdown_hold_every_column_and_row(tmp_path):
    with write_report(_report(), "csv", tmp_path / "log.csv").open(
            encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [c.name for c in COLUMNS]
    assert [r[0] for r in rows[1:]] == ["T1", "T2", "F1"]
    assert rows[3][1] == "'" + FORMULA  # never a formula
    md = write_report(_report(), "md", tmp_path / "log.md").read_text()
    assert md.startswith("# Action log\n")
    assert "As at 2025-01-09" in md and "<script>" not in md
    assert sum(line.startswith("| T") for line in md.splitlines()) == 2
    assert "Quote awaited<br>2024-12-10 agenda: chased" in md


def test_text_lists_each_row_as_a_card(tmp_path):
    txt = write_report(_report(), "txt", tmp_path / "log.txt").read_text()
    assert txt.startswith("Action log\n==========\nParks Committee\nAs at 2025-01-09\n")
    assert "\nT1  [overdue]\n  Action: Order new bins for the rec\n" in txt
    assert "  Raised at: 2024-09-10\n    minutes, item 4\n" in txt
    assert "Later mentions" not in txt  # the paged columns only


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_the_rows_once(tmp_path, fmt):
    reads = []

    def once() -> Iterator[Row]:
        reads.append(1)
        yield from _rows()

    report = Report("Action log", AS_AT, parts=(Table("Actions", COLUMNS, once()),))
    path = write_report(report, fmt, tmp_path / f"log.{fmt}")
    assert reads == [1] and path.stat().st_size > 0
    assert format_for(path) == fmt


def test_a_template_is_only_for_docx(tmp_path):
    with pytest.raises(ValueError, match="Word template"):
        write_report(_report(), "xlsx", tmp_path / "x.xlsx", template=tmp_path / "t.docx")


def test_docx_template_table_row_tags_repeat_a_word_table_row(tmp_path):
    """The README's way of writing the log as a Word table in a template: {%tr %} tags."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}, {{ body }}")
    grid = doc.add_table(rows=3, cols=2)
    grid.rows[0].cells[0].text, grid.rows[0].cells[1].text = "Ref", "Action"
    grid.rows[1].cells[0].text = "{%tr for row in tables[0].rows %}"
    grid.rows[2].cells[0].text, grid.rows[2].cells[1].text = "{{ row[0] }}", "{{ row[1] }}"
    extra = grid.add_row()
    extra.cells[0].text = "{%tr endfor %}"
    doc.save(str(tmp_path / "t.docx"))
    out = write_report(_report(), "docx", tmp_path / "o.docx", template=tmp_path / "t.docx")
    [table] = Document(str(out)).tables
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Ref", "Action"], ["T1", "Order new bins for the rec"], ["T2", SCRIPT],
        ["F1", FORMULA]]


# Cells each of which one writer's escaping changes, each in a row of otherwise plain cells:
# the writers look at a whole row once and escape its cells only when something needs it.
TRICKY = [" lead", "trail ", "two  spaces", "see www.example.org", "a://b", "[x](y)",
          "a | b", "<b>", "x & y", "it's \"q\"", "line\nbreak", "=1+1", "\u202egnp.exe",
          "www.start", "end:", "//start"]


def _tricky_report() -> Report:
    columns = (Column("A", "text"), Column("B", "text"), Column("C", "lines"))
    rows = [Row((t, "plain", "plain")) for t in TRICKY] + \
        [Row(("plain", "plain", t)) for t in TRICKY] + [Row(("end:", "//start", "x"))]
    return Report("Log", dt.date(2025, 1, 9), parts=(Table("T", columns, rows),))


def test_a_row_checked_at_once_is_escaped_as_cell_by_cell(tmp_path):
    from reports.cells import no_formula
    from reports.formats.html import _escape
    from reports.formats.md import md_cell

    report = _tricky_report()
    rows = list(report.parts[0].rows)  # type: ignore[union-attr]
    md = write_report(report, "md", tmp_path / "t.md").read_text(encoding="utf-8")
    expected = ["| " + " | ".join(md_cell(c, breaks=k == 2) for k, c in enumerate(r.cells))
                + " |" for r in rows]
    assert md.splitlines()[-len(rows):] == expected
    html = write_report(report, "html", tmp_path / "t.html").read_text(encoding="utf-8")
    for r in rows:
        assert "".join(f"<td>{_escape(c)}</td>" for c in r.cells) in html
    write_report(report, "csv", tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1:] == [[no_formula(c) for c in r.cells] for r in rows]
    txt = write_report(report, "txt", tmp_path / "t.txt").read_text(encoding="utf-8")
    assert "\u202e" not in txt and "\n gnp.exe\n  B: plain\n" in txt  # not printable: a space

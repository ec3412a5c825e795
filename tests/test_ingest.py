"""Ingest: each format read into blocks/tables with provenance, fills and page furniture.
Bad input (empty, corrupt, encrypted, hostile, unsupported files) is in test_bad_input.py."""
from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ingest import Status, load
from ingest.layout import Word, lines_to_blocks, words_to_lines


def _pdf(path: Path, draw, **kw) -> Path:
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), invariant=1, **kw)
    draw(c)
    c.save()
    return path


def test_docx_paragraphs_tables_and_shading(tmp_path):
    d = DocxDocument()
    d.add_heading("Corporate Parenting Board", level=1)
    d.add_paragraph("Present: County Councillor Ian Brown")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ref", "RAG"
    table.cell(1, 0).text, table.cell(1, 1).text = "1a", ""
    table.cell(1, 1)._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="FFC000"/>'))
    f = tmp_path / "m.docx"
    d.save(f)
    doc = load(f)
    assert doc.status is Status.OK and doc.source.pages is None
    kinds = [(b.kind, b.text) for b in doc.blocks()]
    assert ("heading", "Corporate Parenting Board") in kinds
    (tbl,) = list(doc.tables())
    assert tbl.rows[1][1].fill == "#ffc000"
    assert tbl.rows[0][0].fill is None


def test_pdf_table_cell_fill_and_page_provenance(tmp_path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph
    from reportlab.lib.styles import getSampleStyleSheet

    f = tmp_path / "rag.pdf"
    t = Table([["Ref", "Action", "RAG"], ["1a", "Publish the pledge", "Green"],
               ["1b", "Recruit carers", ""]])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("BACKGROUND", (2, 1), (2, 1), colors.HexColor("#00B050")),
                           ("BACKGROUND", (2, 2), (2, 2), colors.HexColor("#FFC000"))]))
    SimpleDocTemplate(str(f), pagesize=A4, invariant=1).build(
        [Paragraph("Appendix A", getSampleStyleSheet()["Heading1"]), t])
    doc = load(f)
    (tbl,) = list(doc.tables())
    assert tbl.page == 1 and tbl.sha256 == doc.source.sha256
    assert [c.text for c in tbl.rows[1]] == ["1a", "Publish the pledge", "Green"]
    assert tbl.rows[1][2].fill == "#00b050"
    assert tbl.rows[2][2].fill == "#ffc000"
    assert tbl.rows[1][0].fill is None


def test_running_footer_is_furniture_with_page_label(tmp_path):
    def draw(c):
        for n in range(1, 4):
            c.drawString(72, 720, f"Body text of page {n} about the board.")
            c.drawString(280, 30, f"Page {n + 6}")
            c.showPage()
    doc = load(_pdf(tmp_path / "pack.pdf", draw))
    assert [p.label for p in doc.pages] == ["7", "8", "9"]
    furniture = [b.text for b in doc.blocks() if b.kind == "furniture"]
    assert furniture == ["Page 7", "Page 8", "Page 9"]


def test_html_navigation_is_stripped(tmp_path):
    f = tmp_path / "m.html"
    f.write_text("<html><body><nav><a>Home</a><a>News</a></nav><header>Site</header>"
                 "<article><h1>Minutes of the Parish Council</h1><p>Present: Cllr A Smith"
                 "<br>Cllr B Jones</p><table><tr><td>Item</td><td style='background:#ff0000'>"
                 "Red</td></tr></table></article><footer>Copyright</footer></body></html>")
    doc = load(f)
    texts = [b.text for b in doc.blocks()]
    assert texts[0] == "Minutes of the Parish Council"
    assert "Present: Cllr A Smith\nCllr B Jones" in texts
    assert not any("Home" in t or "Copyright" in t for t in texts)
    assert list(doc.tables())[0].rows[0][1].fill == "#ff0000"


def test_wide_gap_becomes_tab_and_numbered_lines_start_blocks():
    words = [Word("Nora", 72, 90, 100, 110), Word("Oakes", 92, 120, 100, 110),
             Word("D/Cllr", 300, 330, 100, 110), Word("1.", 72, 80, 113, 123),
             Word("Apologies", 84, 130, 113, 123)]
    lines = words_to_lines(words)
    assert [ln.text for ln in lines] == ["Nora Oakes\tD/Cllr", "1. Apologies"]
    assert len(lines_to_blocks(lines)) == 2


def test_margin_stamp_gives_the_printed_page_number_when_no_footer_does():
    from ingest.furniture import mark_furniture
    from ingest.model import Block, Page

    stamped = Page(number=3, items=[
        Block(0, 3, "paragraph", "Budget amendment form"),
        Block(1, 3, "furniture", "Page 1", style="rotated"),
        Block(2, 3, "furniture", "Agenda Item 6", style="rotated")])
    bare = Page(number=4, items=[Block(3, 4, "paragraph", "This page is intentionally blank")])
    mark_furniture([stamped, bare])
    assert stamped.label == "1" and bare.label is None


def test_next_column_starts_a_new_block_even_with_no_gap_between():
    from ingest.columns import arrange

    words = []
    for i in range(6):  # two columns of full prose lines, side by side
        top = 100 + 14 * i
        words += [Word("left", 50, 70, top, top + 10), Word("column", 73, 250, top, top + 10),
                  Word("right", 320, 345, top, top + 10), Word("column", 348, 530, top, top + 10)]
    lines = arrange(words_to_lines(words), 595, 842)
    blocks = lines_to_blocks(lines)
    assert [b.text.split("\n")[0] for b in blocks] == ["left column", "right column"]
    assert all(len(b.lines) == 6 for b in blocks)

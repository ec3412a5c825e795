"""The PDF reading path: PDFium words and stamps, paragraph blocks, tables from PDFium paths
(and the pdfplumber fallback for form XObjects), which pages go to table finding or OCR,
reading order across columns, and page-at-a-time streaming.

Every PDF is drawn here with reportlab (invariant, into tmp_path); column layouts are built
from literal words. Nothing here needs Tesseract: OCR is replaced by a fake.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

import ingest.pdf as pdfmod
from ingest import load
from ingest.columns import arrange, unweave_labels
from ingest.layout import Word, lines_to_blocks, words_to_lines
from ingest.pdf_frame import Frame
from ingest.pdfium_text import PageText, read_page_text

A4 = (595.0, 842.0)


# --- helpers --------------------------------------------------------------------------

def _pdf(path: Path, draw) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1, pagesize=A4)
    draw(c)
    c.save()
    return path


def _page_text(path: Path, index: int = 0) -> PageText:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            return read_page_text(textpage, Frame.of(page.get_cropbox(), page.get_rotation()))
        finally:
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _drawing_of(path: Path, index: int = 0) -> pdfmod._Drawing:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        try:
            return pdfmod._drawing(page)
        finally:
            page.close()
    finally:
        pdf.close()


def _only_page(path: Path):
    doc = load(path)
    assert doc.problems == [], doc.problems
    (page,) = doc.pages
    return page


class _Spy:
    """Wrap a function, record each call's arguments and result."""

    def __init__(self, fn) -> None:
        self.fn = fn
        self.calls: list[tuple] = []
        self.results: list = []

    def __call__(self, *args, **kw):
        result = self.fn(*args, **kw)
        self.calls.append(args)
        self.results.append(result)
        return result


@pytest.fixture
def table_spies(monkeypatch) -> SimpleNamespace:
    """Spies on the two table paths: PDFium geometry (read_geometry, grid_tables) and the
    pdfplumber fallback (the page indexes _Plumber.page was asked for)."""
    spies = SimpleNamespace(read_geometry=_Spy(pdfmod.read_geometry),
                            grid_tables=_Spy(pdfmod.grid_tables), plumber_pages=[])
    monkeypatch.setattr(pdfmod, "read_geometry", spies.read_geometry)
    monkeypatch.setattr(pdfmod, "grid_tables", spies.grid_tables)
    original = pdfmod._Plumber.page

    def page(self, index):
        spies.plumber_pages.append(index)
        return original(self, index)

    monkeypatch.setattr(pdfmod._Plumber, "page", page)
    return spies


def _text_words(text: str, x0: float, top: float, size: float = 10.0,
                char_w: float = 5.0) -> list[Word]:
    """Literal words of `text` set from x0 at a fixed advance per character."""
    words, x = [], x0
    for part in text.split(" "):
        if part:
            words.append(Word(part, x, x + char_w * len(part), top, top + size, size=size))
            x += char_w * len(part)
        x += char_w
    return words


# --- 1. PDFium words and stamps -------------------------------------------------------

def test_word_boxes_are_in_pdfplumbers_coordinates(tmp_path):
    import pdfplumber

    def draw(c):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 760, "Corporate Parenting Board")
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "Minutes of the meeting held on Tuesday")
        c.drawString(300, 420, "Apologies received from Cllr Smith")
        c.setFont("Times-Roman", 24)
        c.drawString(150, 120, "Appendix")

    f = _pdf(tmp_path / "words.pdf", draw)
    ours = {w.text: w for w in _page_text(f).words}
    with pdfplumber.open(f) as pl:
        theirs = {w["text"]: w for w in pl.pages[0].extract_words()}
    checked = ["Corporate", "Board", "Minutes", "Tuesday", "Apologies", "Smith", "Appendix"]
    for text in checked:
        mine, plumb = ours[text], theirs[text]
        for key in ("x0", "x1", "top", "bottom"):
            assert getattr(mine, key) == pytest.approx(plumb[key], abs=1.5), (text, key)
    # the coordinates are top-down: the heading is above the minutes line, which is above
    # the appendix near the foot of the page
    assert ours["Corporate"].top < ours["Minutes"].top < ours["Appendix"].top


def test_font_size_is_the_visual_size_under_a_scaled_matrix(tmp_path):
    BODY = ["Body text of the report to the board,", "set in eleven point type over",
            "three lines of the page."]

    def draw(c):
        c.setFont("Helvetica", 11)
        for n, text in enumerate(BODY):
            c.drawString(72, 700 - 14 * n, text)
        # "/F1 1 Tf" with the size carried by the text matrix, as Word writes it
        t = c.beginText()
        t.setTextTransform(18, 0, 0, 18, 72, 600)
        t.setFont("Helvetica", 1)
        t.textOut("Matrix scaled")
        c.drawText(t)
        # 9 pt text under a CTM that doubles it
        c.saveState()
        c.scale(2, 2)
        c.setFont("Helvetica", 9)
        c.drawString(36, 250, "Transform scaled")
        c.restoreState()

    f = _pdf(tmp_path / "scaled.pdf", draw)
    sizes = {w.text: w.size for w in _page_text(f).words}
    assert sizes["Body"] == 11.0
    assert sizes["Matrix"] == sizes["scaled"] == 18.0
    assert sizes["Transform"] == 18.0
    blocks = {b.text: b for b in _only_page(f).blocks}
    assert blocks["Matrix scaled"].font_size == 18.0
    assert blocks["Matrix scaled"].kind == "heading"  # larger than the body: a heading
    assert blocks["\n".join(BODY)].kind == "paragraph"
    assert blocks["\n".join(BODY)].font_size == 11.0


def test_bold_comes_from_a_bold_font_name(tmp_path):
    # the standard 14 fonts report no weight (0): only the name says Helvetica-Bold is bold
    def draw(c):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(72, 760, "Declarations of interest")
        c.setFont("Helvetica", 11)
        c.drawString(72, 720, "There were no declarations of interest.")

    f = _pdf(tmp_path / "bold.pdf", draw)
    words = {w.text: w for w in _page_text(f).words}
    assert words["Declarations"].bold and words["interest"].bold
    assert not words["There"].bold and not words["interest."].bold
    blocks = _only_page(f).blocks
    assert [(b.text, b.bold, b.kind) for b in blocks] == [
        ("Declarations of interest", True, "heading"),
        ("There were no declarations of interest.", False, "paragraph")]


def test_rotated_text_is_one_furniture_stamp_not_letters_in_the_body(tmp_path):
    def draw(c):
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "The board received the budget report.")
        c.saveState()
        c.translate(560, 300)
        c.rotate(90)
        c.drawString(0, 0, "Agenda Item 6")
        c.restoreState()

    f = _pdf(tmp_path / "stamp.pdf", draw)
    text = _page_text(f)
    assert [s.text for s in text.stamps] == ["Agenda Item 6"]
    assert [w.text for w in text.words] == ["The", "board", "received", "the", "budget",
                                            "report."]
    assert text.chars == len("Theboardreceivedthebudgetreport.")  # upright characters only
    blocks = _only_page(f).blocks
    assert [(b.kind, b.style, b.text) for b in blocks] == [
        ("paragraph", None, "The board received the budget report."),
        ("furniture", "rotated", "Agenda Item 6")]


def test_line_end_hyphen_and_ligatures_read_as_plain_words(tmp_path):
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # has U+FB01 and U+FB02
    pdfmetrics.registerFont(TTFont("BPVera", str(vera)))

    def draw(c):
        c.setFont("BPVera", 11)
        c.drawString(72, 700, "The \ufb01nance report on cash\ufb02ow.")
        c.drawString(72, 686, "It was recom-")
        c.drawString(72, 672, "mended that the plan be adopted.")

    f = _pdf(tmp_path / "hyphen.pdf", draw)
    # PDFium marks the hyphen it finds at a line end (U+0002); it is kept as "-" in the word
    assert "recom-" in [w.text for w in _page_text(f).words]
    (block,) = _only_page(f).blocks
    assert block.text == ("The finance report on cashflow.\n"
                          "It was recommended that the plan be adopted.")


def test_ligature_and_soft_hyphen_code_points_are_fixed_in_line_text():
    # a PDF whose ToUnicode keeps the ligature code points: layout fixes them per line
    words = [Word("\ufb01nance", 72, 110, 100, 110), Word("e\ufb00ective", 114, 160, 100, 110),
             Word("co\u00adoperation", 164, 220, 100, 110)]
    (line,) = words_to_lines(words)
    assert line.text == "finance effective cooperation"


# --- 2. paragraph blocks ----------------------------------------------------------------

def test_symbol_font_bullets_keep_the_paragraph_and_a_larger_gap_splits_it(tmp_path):
    def draw(c):
        y = 700.0

        def line(text, bullet=None, font="ZapfDingbats", after=14.0):
            nonlocal y
            if bullet:
                c.setFont(font, 11)
                c.drawString(72, y, bullet)
            c.setFont("Helvetica", 11)
            c.drawString(86 if bullet else 72, y, text)
            y -= after

        line("The board noted the following:")
        line("Agreed.", bullet="\u25cf")  # ZapfDingbats black circle
        line("Noted.", bullet="\u2022", font="Symbol")  # Symbol bullet: a taller glyph box
        line("Deferred to March.", after=34.0)  # then a gap of nearly two lines
        line("A separate paragraph after a larger gap.")

    f = _pdf(tmp_path / "bullets.pdf", draw)
    blocks = _only_page(f).blocks
    assert [b.text for b in blocks] == [
        "The board noted the following:\n\u25cf Agreed.\n\u2022 Noted.\nDeferred to March.",
        "A separate paragraph after a larger gap."]
    assert [b.font_size for b in blocks] == [11.0, 11.0]


# --- 3. tables from PDFium paths, and the pdfplumber fallback ---------------------------

ROWS = [["Ref", "Action", "RAG"],
        ["1a", "Publish the\npledge", "Green"],
        ["1b", "Recruit carers", "Amber"],
        ["1c", "Review placements", "Red"]]
COL_X = [72.0, 120.0, 320.0, 400.0]
TABLE_TOP, ROW_H = 700.0, 26.0
RAG_FILL = {"Green": "#00b050", "Amber": "#ffc000", "Red": "#ff0000"}
HEADER_FILL, BODY_FILL = "#d9d9d9", "#f2f2f2"


def _rgb(hexed: str) -> tuple[float, float, float]:
    return tuple(int(hexed[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _cell_text(c) -> None:
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 10)
    for r, row in enumerate(ROWS):
        for k, text in enumerate(row):
            for n, part in enumerate(text.split("\n")):
                c.drawString(COL_X[k] + 4, TABLE_TOP - r * ROW_H - 11 - 11 * n, part)


def _ruled(c) -> None:
    c.setLineWidth(0.5)
    bottom = TABLE_TOP - len(ROWS) * ROW_H
    for r in range(len(ROWS) + 1):
        c.line(COL_X[0], TABLE_TOP - r * ROW_H, COL_X[-1], TABLE_TOP - r * ROW_H)
    for x in COL_X:
        c.line(x, TABLE_TOP, x, bottom)
    _cell_text(c)


def _rag_cell_centre(row: int) -> tuple[float, float]:
    return (COL_X[2] + COL_X[3]) / 2, TABLE_TOP - row * ROW_H - ROW_H / 2


def _shaded(c) -> None:
    """One filled rectangle per cell, no strokes; a small black dot (a curve) drawn at the
    centre of the "Green" cell, where the cell's colour is read."""
    for r, row in enumerate(ROWS):
        for k in range(3):
            fill = HEADER_FILL if r == 0 else RAG_FILL[row[2]] if k == 2 else BODY_FILL
            c.setFillColorRGB(*_rgb(fill))
            c.rect(COL_X[k] + 0.5, TABLE_TOP - (r + 1) * ROW_H + 0.5,
                   COL_X[k + 1] - COL_X[k] - 1, ROW_H - 1, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)
    c.circle(*_rag_cell_centre(1), 3, fill=1, stroke=0)
    _cell_text(c)


def _table_page(path: Path, body, in_form: bool) -> Path:
    def draw(c):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, "Appendix A: action plan")
        if in_form:
            c.beginForm("actions")
            body(c)
            c.endForm()
            c.doForm("actions")
        else:
            body(c)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        c.drawString(72, 500, "The board will review progress in June.")

    return _pdf(path, draw)


EXPECTED_TEXTS = [["Ref", "Action", "RAG"], ["1a", "Publish the\npledge", "Green"],
                  ["1b", "Recruit carers", "Amber"], ["1c", "Review placements", "Red"]]


@pytest.mark.parametrize("style, in_form", [("ruled", False), ("shaded", False),
                                            ("ruled", True), ("shaded", True)])
def test_table_cells_and_fills(tmp_path, table_spies, style, in_form):
    f = _table_page(tmp_path / f"{style}-{in_form}.pdf", _ruled if style == "ruled" else _shaded,
                    in_form)
    page = _only_page(f)
    # in reading order: the title, the table, the text under it; no cell text in the body
    assert [type(i).__name__ for i in page.items] == ["Block", "Table", "Block"]
    assert [b.text for b in page.blocks] == ["Appendix A: action plan",
                                             "The board will review progress in June."]
    (table,) = page.tables
    assert table.texts() == EXPECTED_TEXTS
    assert table.n_cols == 3 and all(c.header for c in table.rows[0])
    fills = [[c.fill for c in row] for row in table.rows]
    if style == "ruled":
        assert fills == [[None] * 3] * 4
    else:
        # the black dot in the Green cell is an icon, not the cell's background
        assert fills == [[HEADER_FILL] * 3, [BODY_FILL, BODY_FILL, "#00b050"],
                         [BODY_FILL, BODY_FILL, "#ffc000"], [BODY_FILL, BODY_FILL, "#ff0000"]]
    # which path found it: PDFium's paths for a page's own drawing; pdfplumber only for
    # paths inside a form XObject (read_geometry declines those)
    (geometry,) = table_spies.read_geometry.results
    if in_form:
        assert geometry is None
        assert table_spies.plumber_pages == [0]
        assert table_spies.grid_tables.calls == []
    else:
        assert geometry is not None
        assert table_spies.plumber_pages == []
        assert len(table_spies.grid_tables.results[0]) == 1


def test_icon_curve_is_not_a_fill_in_pdfium_geometry(tmp_path):
    import pypdfium2 as pdfium

    f = _table_page(tmp_path / "icon.pdf", _shaded, in_form=False)
    pdf = pdfium.PdfDocument(str(f))
    try:
        page = pdf[0]
        try:
            geo = pdfmod.read_geometry(page, Frame.of(page.get_cropbox(), page.get_rotation()))
        finally:
            page.close()
    finally:
        pdf.close()
    assert geo is not None
    assert len(geo.fills) == 3 * len(ROWS)  # one per cell rectangle; none for the dot
    assert "#000000" not in {fill["hex"] for fill in geo.fills}


def test_form_xobject_table_on_a_cropped_page_is_not_read_twice(tmp_path):
    def draw(c):
        c.setCropBox((36, 36, 559, 806))  # a printer's trim: crop inset 36 pt all round
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, "Appendix A: action plan")
        c.beginForm("actions")
        _shaded(c)
        c.endForm()
        c.doForm("actions")
        c.setFont("Helvetica", 11)
        c.drawString(72, 500, "The board will review progress in June.")

    page = _only_page(_pdf(tmp_path / "cropped.pdf", draw))
    (table,) = page.tables
    assert table.texts() == EXPECTED_TEXTS
    assert [b.text for b in page.blocks] == ["Appendix A: action plan",
                                             "The board will review progress in June."]


# --- 4. which pages go to table finding, and which to OCR -------------------------------

def test_a_logo_and_a_rule_do_not_send_the_page_to_table_finding(tmp_path, table_spies):
    def draw(c):
        c.setFillColorRGB(0.1, 0.3, 0.6)
        c.rect(440, 760, 100, 40, fill=1, stroke=0)  # the council's logo block
        c.setFillColorRGB(0, 0, 0)
        c.line(72, 745, 523, 745)  # a rule under the letterhead
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "Report of the Director of Children's Services.")
        c.drawString(72, 686, "The board is asked to note the report.")

    f = _pdf(tmp_path / "logo.pdf", draw)
    drawing = _drawing_of(f)
    assert (drawing.boxes, drawing.h_rules, drawing.v_rules) == (1, 1, 0)
    assert not drawing.may_hold_table
    page = _only_page(f)
    assert page.tables == []
    assert [b.text for b in page.blocks] == [
        "Report of the Director of Children's Services.\nThe board is asked to note the report."]
    assert table_spies.read_geometry.calls == []
    assert table_spies.grid_tables.calls == []
    assert table_spies.plumber_pages == []


def _grey_image(size=(120, 170)):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    return ImageReader(Image.new("L", size, 200))


TSV_HEAD = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t"
            "height\tconf\ttext")


def _tsv(lines: list[tuple[int, str, int]], x: int = 300, char_px: int = 25) -> str:
    """Tesseract TSV (pixels at 300 dpi): one line of words per (top, text, paragraph);
    "left|right" is a line across two columns, each column a Tesseract block of its own."""
    rows = [TSV_HEAD]
    for n, (top, text, par) in enumerate(lines, start=1):
        left = x
        for block, part in enumerate(text.split("|"), start=1):
            ids = f"1\t{block}\t{par}\t{n}"
            rows.append(f"4\t{ids}\t0\t{left}\t{top}\t{char_px * len(part)}\t50\t-1\t")
            for w, word in enumerate(part.split(), start=1):
                rows.append(f"5\t{ids}\t{w}\t{left}\t{top}\t{char_px * len(word)}\t50\t95\t{word}")
                left += char_px * (len(word) + 1)
            left += 400  # the gutter before the next column
    return "\n".join(rows)


@pytest.fixture
def fake_ocr(monkeypatch):
    calls: list[tuple[Path, int]] = []

    def ocr_page(path, number, scans=None):
        calls.append((Path(path), number))
        return _tsv([(300, "Minutes of the meeting", 1), (350, "held on 3 May", 1),
                     (500, "Present: Cllr A Smith", 2)]), None

    monkeypatch.setattr(pdfmod, "ocr_page", ocr_page)
    return calls


@pytest.mark.parametrize("stamp", [None, "SCANNED"])
def test_a_page_that_is_one_image_is_read_by_ocr(tmp_path, fake_ocr, stamp):
    pytest.importorskip("PIL")

    def draw(c):
        c.drawImage(_grey_image(), 0, 0, width=A4[0], height=A4[1])
        if stamp:  # some scanners print a few characters of real text over the scan
            c.setFont("Helvetica", 8)
            c.drawString(20, 20, stamp)

    f = _pdf(tmp_path / "scan.pdf", draw)
    page = _only_page(f)
    assert fake_ocr == [(f, 1)]
    assert page.ocr is True
    assert [(b.kind, b.text, b.ocr) for b in page.blocks] == [
        ("paragraph", "Minutes of the meeting\nheld on 3 May", True),
        ("paragraph", "Present: Cllr A Smith", True)]


@pytest.mark.parametrize("background", [False, True])
def test_a_page_with_a_text_layer_is_not_ocrd(tmp_path, fake_ocr, background):
    if background:
        pytest.importorskip("PIL")

    def draw(c):
        if background:  # a full-page letterhead image behind real text
            c.drawImage(_grey_image(), 0, 0, width=A4[0], height=A4[1])
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "Minutes of the Corporate Parenting Board held on 3 May.")

    page = _only_page(_pdf(tmp_path / "text.pdf", draw))
    assert fake_ocr == []
    assert page.ocr is False
    assert [(b.text, b.ocr) for b in page.blocks] == [
        ("Minutes of the Corporate Parenting Board held on 3 May.", False)]


def test_a_blank_page_is_not_ocrd(tmp_path, fake_ocr):
    def draw(c):
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "Page one has the text.")
        c.showPage()
        c.showPage()  # page two is empty: nothing to read, nothing to OCR

    doc = load(_pdf(tmp_path / "blank.pdf", draw))
    assert fake_ocr == []
    assert [p.ocr for p in doc.pages] == [False, False]
    assert doc.pages[1].items == []


# --- 5. reading order across columns (literal words) -----------------------------------

def _line_words(*cells: tuple[float, str], top: float) -> list[Word]:
    return [w for x, text in cells for w in _text_words(text, x, top)]


def test_two_column_prose_is_read_down_the_left_column_then_the_right():
    left = ["Members discussed the placement report", "and the number of children placed",
            "out of county, which has risen for the", "third quarter running. Officers said",
            "that recruitment of local foster carers", "remains the main priority for the year."]
    right = ["The chair asked for a breakdown of the", "costs of external placements by age",
             "group and by provider, to be brought", "to the next meeting with the annual",
             "sufficiency statement and an update on", "the new residential home in Truro."]
    heading = "Report of the Director of Children's Services to the Board"
    words = _line_words((72, heading), top=100)
    for i, (a, b) in enumerate(zip(left, right)):
        words += _line_words((72, a), (315, b), top=130 + 14 * i)
    lines = arrange(words_to_lines(words), *A4)
    assert [ln.text for ln in lines] == [heading] + left + right


def test_name_organisation_list_keeps_its_order_and_tabs():
    people = [("Cllr Ian Brown", "- Cornwall Council"), ("Sarah Lee", "- NHS Kernow"),
              ("Dr Amanda Fitzgerald-Jones", "- Devon and Cornwall Police"),
              ("Tom Wu", "- Healthwatch"), ("Cllr Jo Bloggs", "- Cornwall Council"),
              ("Mark Evans", "- Voluntary Sector Forum")]
    words = []
    for i, (name, org) in enumerate(people):
        words += _line_words((72, name), (300, org), top=200 + 14 * i)
    lines = arrange(words_to_lines(words), *A4)
    assert [ln.text for ln in lines] == [f"{name}\t{org}" for name, org in people]


def test_margin_owner_entries_fold_into_the_nearest_body_line():
    first = ["The board agreed that officers would circulate", "the revised terms of reference",
             "before the next meeting and that the chair", "would write to the partners."]
    second = ["Members asked for the budget monitoring", "report to include a breakdown",
              "of spending on agency social workers."]
    words = []
    for i, text in enumerate(first):
        words += _line_words((72, text), top=200 + 14 * i)
    for i, text in enumerate(second):
        words += _line_words((72, text), top=290 + 14 * i)
    # owners in a narrow right-hand column, top-aligned with their paragraph but set a
    # little higher, so each is on lines of its own: "AW/" over "Agenda" is one entry
    words += _line_words((480, "AW/"), top=194) + _line_words((480, "Agenda"), top=206)
    words += _line_words((480, "IB/"), top=284)
    lines = words_to_lines(words)
    assert [ln.text for ln in lines][:3] == ["AW/", first[0], "Agenda"]  # before arranging
    arranged = arrange(lines, *A4)
    assert [ln.text for ln in arranged] == [f"{first[0]}\tAW/ Agenda", *first[1:],
                                            f"{second[0]}\tIB/", *second[1:]]
    assert [b.text.count("\n") + 1 for b in lines_to_blocks(arranged)] == [4, 3]


def test_a_single_right_aligned_line_is_left_alone():
    body = ["The meeting closed at 8.15pm.", "Confirmed as a true record."]
    words = _line_words((72, body[0]), top=386) + _line_words((72, body[1]), top=400)
    words += _line_words((440, "Signed: Chair"), top=416)  # one right-aligned line, no column
    arranged = arrange(words_to_lines(words), *A4)
    assert [ln.text for ln in arranged] == [*body, "Signed: Chair"]


def test_banner_lines_at_the_margin_x_are_not_folded_into_the_body():
    # a margin column is present (three owner entries at x=480); a running header and
    # footer at the same x, each within a line of a body line, stay lines of their own
    words = _line_words((480, "Agenda Item 5"), top=48)  # top band
    words += _line_words((72, "MINUTES"), top=60)
    for i in range(3):
        words += _line_words((480, f"AW{i}/"), top=295 + 40 * i)
        words += _line_words((72, f"Body line {i + 1} of the minutes of the meeting."),
                             top=300 + 40 * i)
    words += _line_words((72, "Date of next meeting: 12 June."), top=785)
    words += _line_words((480, "Page 3"), top=800)  # bottom band
    texts = [ln.text for ln in arrange(words_to_lines(words), *A4)]
    assert texts == ["Agenda Item 5", "MINUTES",
                     *[f"Body line {i + 1} of the minutes of the meeting.\tAW{i}/"
                       for i in range(3)],
                     "Date of next meeting: 12 June.", "Page 3"]


# --- 6. streaming -----------------------------------------------------------------------

def test_read_pdf_yields_pages_one_at_a_time(tmp_path, monkeypatch):
    n_pages = 300

    def draw(c):
        for n in range(1, n_pages + 1):
            c.setFont("Helvetica", 11)
            c.drawString(72, 700, f"Body text of page {n} of the agenda pack.")
            c.showPage()

    f = _pdf(tmp_path / "pack.pdf", draw)
    read: list[int] = []
    original = pdfmod._read_page

    def record(pdf, index, *rest):
        read.append(index)
        return original(pdf, index, *rest)

    monkeypatch.setattr(pdfmod, "_read_page", record)
    problems: list = []
    pages = pdfmod.read_pdf(f, "sha", problems)
    first = next(pages)
    assert read == [0]  # page 300 (or 2) has not been read to give page 1
    assert first.blocks[0].text == "Body text of page 1 of the agenda pack."
    for k, page in enumerate(pages, start=1):
        assert read[-1] == k and len(read) == k + 1  # each page read only when asked for
        assert page.number == k + 1
    assert read == list(range(n_pages))
    assert problems == []
    assert page.blocks[0].text == f"Body text of page {n_pages} of the agenda pack."


# --- found while writing these: a page rotated for display -------------------------------

def test_text_upright_on_a_rotated_page_is_body_text(tmp_path):
    def draw(c):
        c.setPageRotation(90)
        c.translate(A4[0], 0)
        c.rotate(90)  # with /Rotate 90 the text reads upright on screen and on paper
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 520, "Action plan")
        c.setFont("Helvetica", 11)
        c.drawString(72, 480, "Officers will report progress to the next meeting.")

    f = _pdf(tmp_path / "landscape.pdf", draw)
    page = _only_page(f)
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("heading", "Action plan"),
        ("paragraph", "Officers will report progress to the next meeting.")]


def test_words_set_close_in_a_form_xobject_table_stay_apart(tmp_path, table_spies):
    # words drawn one by one, 2 pt apart and with no space glyphs: pdfplumber's own
    # extract() (3 pt tolerance) glued them ("CarParkRamp"); cells now read PDFium's words
    def body(c):
        _ruled_empty(c)
        c.setFont("Helvetica", 10)
        x = COL_X[1] + 4
        for word in ("Car", "Park", "Ramp"):
            c.drawString(x, TABLE_TOP - ROW_H - 11, word)
            x += c.stringWidth(word, "Helvetica", 10) + 2.0

    def _ruled_empty(c):
        c.setLineWidth(0.5)
        bottom = TABLE_TOP - 2 * ROW_H
        for r in range(3):
            c.line(COL_X[0], TABLE_TOP - r * ROW_H, COL_X[-1], TABLE_TOP - r * ROW_H)
        for x in COL_X:
            c.line(x, TABLE_TOP, x, bottom)
        c.setFont("Helvetica", 10)
        for k, title in enumerate(("Ref", "Action", "Owner")):
            c.drawString(COL_X[k] + 4, TABLE_TOP - 11, title)
        c.drawString(COL_X[0] + 4, TABLE_TOP - ROW_H - 11, "4.1")
        c.drawString(COL_X[2] + 4, TABLE_TOP - ROW_H - 11, "HB")

    page = _only_page(_table_page(tmp_path / "close.pdf", body, in_form=True))
    assert table_spies.plumber_pages == [0]
    (table,) = page.tables
    assert table.texts() == [["Ref", "Action", "Owner"], ["4.1", "Car Park Ramp", "HB"]]


def test_ocr_reads_side_by_side_columns_as_columns(tmp_path, monkeypatch):
    pytest.importorskip("PIL")
    tsv = _tsv([(300, "Present:|Members of the Public:", 1),
                (360, "Ann Birch (AB) CHAIR|Tom Gray", 1), (410, "Ben Cole (BC)|Una Hale", 1),
                (560, "05.21.01|Apologies were received from Cllr Dee", 2)])
    monkeypatch.setattr(pdfmod, "ocr_page", lambda path, number, scans=None: (tsv, None))

    def draw(c):
        c.drawImage(_grey_image(), 0, 0, width=A4[0], height=A4[1])

    page = _only_page(_pdf(tmp_path / "scan.pdf", draw))
    texts = [b.text for b in page.blocks]
    # each member of the present list is a line of its own, the public column after a tab,
    # and the minute number stays with its minute
    assert ("Present:\tMembers of the Public:\nAnn Birch (AB) CHAIR\tTom Gray\n"
            "Ben Cole (BC)\tUna Hale") in texts
    assert "05.21.01\tApologies were received from Cllr Dee" in texts
    assert all(b.ocr for b in page.blocks)


def _at(top: float, *cells: tuple[float, str]) -> list[Word]:
    words = []
    for x, text in cells:
        for part in text.split():
            words.append(Word(part, x, x + 5 * len(part), top, top + 10, size=10))
            x += 5 * len(part) + 3
    return words


def test_a_wrapped_item_title_beside_its_notes_is_read_whole_first():
    words = _at(100, (50, "2. Matters arising"), (200, "The clerk reported that the new")) + \
        _at(112, (50, "from the last"), (200, "signs for the green had been")) + \
        _at(124, (50, "meeting"), (200, "ordered and would arrive in May.")) + \
        _at(136, (200, "No other matters were raised."))
    (block,) = lines_to_blocks(words_to_lines(words))
    assert unweave_labels(block).text == (
        "2. Matters arising from the last meeting\tThe clerk reported that the new\n"
        "signs for the green had been\nordered and would arrive in May.\n"
        "No other matters were raised.")


def test_one_label_line_or_two_columns_of_prose_are_left_as_read():
    one = _at(100, (50, "Apologies"), (200, "Apologies were received from") ) + \
        _at(112, (200, "Cllr Dee and Cllr Fox."))
    (block,) = lines_to_blocks(words_to_lines(one))
    assert unweave_labels(block) is block
    prose = _at(100, (50, "The council noted the report"), (300, "the treasurer, who said")) + \
        _at(112, (50, "of the auditor and agreed"), (300, "the accounts were sound."))
    (block,) = lines_to_blocks(words_to_lines(prose))
    assert unweave_labels(block) is block


def test_a_two_column_list_of_names_and_bodies_is_left_as_read():
    names = _at(100, (50, "Ann Lee"), (200, "- Parish Council of Elmbrook")) + \
        _at(112, (50, "Superintendent Bo"), (200, "- Elmbrook Constabulary")) + \
        _at(124, (50, "Dee"), (200, "- Office of the Commissioner"))
    (block,) = lines_to_blocks(words_to_lines(names))
    assert unweave_labels(block) is block

"""Ingest's fast paths give what the slow ones gave: PDFium text read in bulk, cell text by
bisection, and pdfplumber's table finder skipped only where it could find nothing.

The slow implementations are kept here as references; every PDF is drawn with reportlab.
"""
from __future__ import annotations

import ctypes
import math
import random
from pathlib import Path

import pytest

import ingest.pdf as pdfmod
import ingest.pdf_grid as grid
import ingest.pdfium_text as pt
from ingest.layout import Word, words_to_lines
from ingest.pdf_frame import Frame
from ingest.pdf_objects import EVERY_KIND, page_objects, text_is_level

A4 = (595.0, 842.0)


# --- references: the implementations these replaced ---------------------------------------

def reference_page_text(textpage, frame: Frame) -> pt.PageText:
    """The per-character reading: one GetUnicode, GetCharAngle and GetLooseCharBox call per
    character, boxes through Frame.box."""
    import pypdfium2.raw as raw

    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    out = pt.PageText()
    rect = raw.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    word, stamp = pt._Run(), pt._Run()
    fonts: dict = {}

    def flush_word() -> None:
        if word.chars:
            size, bold = pt._font(tp, word.first, fonts)
            raw.FPDFText_GetCharOrigin(tp, word.first, origin_x, origin_y)
            baseline = frame.point(origin_x.value, origin_y.value)[1]
            out.words.append(Word(text="".join(word.chars), x0=word.x0, x1=word.x1,
                                  top=baseline - 0.8 * size, bottom=baseline + 0.2 * size,
                                  size=size, bold=bold))
            word.chars = []

    def flush_stamp() -> None:
        if stamp.chars:
            text = " ".join("".join(stamp.chars).split())
            if text:
                out.stamps.append(pt.Stamp(text, stamp.x0, stamp.top, stamp.x1, stamp.bottom,
                                           stamp.turn, stamp.glyphs))
            stamp.chars, stamp.glyphs = [], []

    for i in range(n):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in {0, 0xFFFE, 0xFFFF}:
            continue
        ch = "-" if code == 2 else chr(code)
        angle = raw.FPDFText_GetCharAngle(tp, i)
        rotated = not frame.is_upright(angle)
        if ch in pt._SPACE:
            flush_word()
            if rotated and stamp.chars:
                stamp.chars.append(" ")
            continue
        raw.FPDFText_GetLooseCharBox(tp, i, rect)
        x0, top, x1, bottom = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        if rotated:
            flush_word()
            if stamp.chars and pt._apart(stamp.last, (x0, top, x1, bottom)):
                flush_stamp()
            if not stamp.chars:
                stamp.turn = round(math.degrees(angle - frame.upright_angle)) % 360
            stamp.add(ch, i, x0, x1, top, bottom)
            stamp.last = (x0, top, x1, bottom)
            stamp.glyphs.append((ch, x0, top, x1, bottom))
            continue
        flush_stamp()
        out.chars += 1
        if word.chars:
            size = word.bottom - word.top
            mid, wmid = (top + bottom) / 2, (word.top + word.bottom) / 2
            if (x0 - word.x1 > pt.WORD_GAP or x0 < word.x1 - size
                    or abs(mid - wmid) > size * 0.5):
                flush_word()
        word.add(ch, i, x0, x1, top, bottom)
    flush_word()
    flush_stamp()
    return out


def reference_cell_texts(table, words: list[Word]) -> list[list[str | None]]:
    """Every word against every cell."""
    out = []
    for row in table.rows:
        texts: list[str | None] = []
        for bbox in row.cells:
            if bbox is None:
                texts.append(None)
                continue
            x0, top, x1, bottom = bbox
            inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1
                      and top <= (w.top + w.bottom) / 2 <= bottom]
            texts.append("\n".join(ln.text.replace("\t", " ") for ln in words_to_lines(inside)))
        out.append(texts)
    return out


# --- PDFium text in bulk --------------------------------------------------------------------

def _mixed_page(c, rotation: int) -> None:
    """Upright prose in two fonts, a line-end hyphen, ligatures, a no-break space, text
    stamped up the margin and at 45°, and a word set letter by letter 2 pt apart. The page
    turned 180° also has a tab, which PDFium lists as a character that FPDFText_GetText
    leaves out: that page is read one character at a time."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("BPVeraSpeed", str(vera)))
    if rotation:  # a turned page whose text reads upright on screen, as Word prints them
        c.setPageRotation(rotation)
        c.translate(*{90: (A4[0], 0), 180: A4, 270: (0, A4[1])}[rotation])
        c.rotate(rotation)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 560, "Minutes of the Harbour Trust")
    c.setFont("BPVeraSpeed", 11)
    tab = "\t" if rotation == 180 else " "
    c.drawString(72, 530, f"The \ufb01nance report on cash\ufb02ow\u00a0was noted.{tab}Agreed.")
    c.drawString(72, 516, "It was recom-")
    c.drawString(72, 502, "mended that the plan be adopted.")
    c.setFont("Helvetica", 10)
    x = 72.0
    for letter in "SPACED":
        c.drawString(x, 480, letter)
        x += c.stringWidth(letter, "Helvetica", 10) + 2.0
    for k in range(12):
        c.drawString(72 + 40 * (k % 3), 450 - 12 * k, f"Item {k}: owner MB, due 3/{k + 1}")
    for turn, (x, y) in ((90, (560, 150)), (45, (300, 150)), (270, (30, 400))):
        c.saveState()
        c.translate(x, y)
        c.rotate(turn)
        c.drawString(0, 0, f"Agenda Item {turn}   Page 2")
        c.restoreState()


def _level(page) -> bool:
    return text_is_level(list(page_objects(page, EVERY_KIND)))


def _read_both(path: Path, monkeypatch=None) -> list[tuple[pt.PageText, pt.PageText]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            frame = Frame.of(page.get_cropbox(), page.get_rotation())
            out.append((reference_page_text(textpage, frame),
                        pt.read_page_text(textpage, frame, _level(page))))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return out


@pytest.fixture
def mixed_pdf(tmp_path) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), invariant=1, pagesize=A4)
    for rotation in (0, 90, 180, 270):
        _mixed_page(c, rotation)
        c.showPage()
    c.save()
    return path


def test_bulk_pdfium_text_gives_the_per_character_words_and_stamps(mixed_pdf):
    pages = _read_both(mixed_pdf)
    assert len(pages) == 4
    for reference, bulk in pages:
        assert bulk.words and bulk.stamps  # the page exercised both paths
        assert repr(bulk) == repr(reference)
    words = [w.text for w in pages[0][1].words]
    assert "recom-" in words and "cashflow" in words  # the removed hyphen, a ligature
    start = words.index("S")
    assert words[start:start + 6] == list("SPACED")  # letters 2 pt apart stay apart


def test_bulk_pdfium_text_falls_back_to_one_call_a_character(mixed_pdf, monkeypatch):
    # when GetText does not give one code unit per character, each is asked for
    import pypdfium2.raw as raw

    monkeypatch.setattr(raw, "FPDFText_GetText", lambda tp, start, n, buf: n)
    for reference, bulk in _read_both(mixed_pdf):
        assert repr(bulk) == repr(reference)


def test_hyphen_and_surrogates_are_asked_one_by_one(mixed_pdf, monkeypatch):
    """GetText's U+FFFE (a removed line-end hyphen) is asked of GetUnicode; text holding a
    surrogate half, or fewer characters than the page has, is read a character at a time."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(mixed_pdf))
    try:
        pages = [pdf[0], pdf[2]]
        textpages = [page.get_textpage() for page in pages]
        (upright, turned), real = [tp.raw for tp in textpages], raw.FPDFText_GetText
        n = raw.FPDFText_CountChars(upright)
        buf = (ctypes.c_ushort * (2 * n + 1))()
        assert real(upright, 0, n, buf) == n + 1 and 0xFFFE in list(buf)  # the bulk path
        text = pt._characters(upright, n)
        assert "recom-mended" in text and "\ufffe" not in text and len(text) == n
        m = raw.FPDFText_CountChars(turned)
        assert real(turned, 0, m, (ctypes.c_ushort * (2 * m + 1))()) < m + 1  # the tab
        assert pt._characters(turned, m) == "".join(
            pt._char(raw.FPDFText_GetUnicode(turned, i)) for i in range(m))

        def with_surrogate(tp, start, count, buf):
            got = real(tp, start, count, buf)
            buf[0] = 0xD83D
            return got

        monkeypatch.setattr(raw, "FPDFText_GetText", with_surrogate)
        assert pt._characters(upright, n) == text
        for tp in textpages:
            tp.close()
    finally:
        pdf.close()


def _level_pages(path: Path) -> None:
    """Page 1: upright prose, some of it inside a form XObject scaled up; page 2: the same
    prose on a page with /Rotate 90, so every character is turned on screen; page 3: upright
    prose, and a form XObject holding a line set at 90 degrees."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1, pagesize=A4)
    for page in range(3):
        if page == 1:
            c.setPageRotation(90)
        c.setFont("Helvetica", 11)
        for k in range(8):
            c.drawString(72, 700 - 14 * k, f"Resolved {k}: the ferry timetable is adopted.")
        c.beginForm(f"note{page}")
        c.setFont("Helvetica-Bold", 9)
        if page == 2:
            c.translate(40, 300)
            c.rotate(90)
        c.drawString(0, 0, "Signed by the Chair")
        c.endForm()
        c.saveState()
        c.translate(72, 400)
        c.scale(1.5, 1.5)
        c.doForm(f"note{page}")
        c.restoreState()
        c.showPage()
    c.save()


def test_level_pages_skip_the_angle_and_read_the_same(tmp_path, monkeypatch):
    """text_is_level is True only where no text object (in a form too) is turned; there the
    words are read without asking a single character's angle, and are the exact reading."""
    import pypdfium2 as pdfium

    path = tmp_path / "level.pdf"
    _level_pages(path)
    pdf = pdfium.PdfDocument(str(path))
    try:
        levels = [_level(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    assert levels == [True, True, False]
    exact = _read_both(path)
    assert "Signed" in [w.text for w in exact[0][1].words]  # the form's text was read
    assert exact[1][1].stamps and not exact[1][1].words  # all turned on the displayed page
    assert exact[2][1].stamps and exact[2][1].words

    def no_angle(*args):
        raise AssertionError("asked for an angle on a level, upright page")

    monkeypatch.setattr(pt, "_GET_ANGLE", no_angle)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        frame = Frame.of(page.get_cropbox(), page.get_rotation())
        assert repr(pt.read_page_text(textpage, frame, True)) == repr(exact[0][0])
        textpage.close()
        page.close()
    finally:
        pdf.close()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_boxer_is_frame_box(rotation):
    frame = Frame.of((10.0, -5.0, 600.5, 850.25), rotation)
    box = pt._boxer(frame)
    rnd = random.Random(rotation)
    for _ in range(500):
        l, b = rnd.uniform(-50, 700), rnd.uniform(-50, 900)
        r, t = l + rnd.choice([0.0, -0.0, rnd.uniform(-3, 12)]), b + rnd.uniform(-3, 12)
        assert repr(box(l, b, r, t)) == repr(frame.box(l, b, r, t))


# --- cell text by bisection -------------------------------------------------------------------

class _Row:
    def __init__(self, cells):
        self.cells = cells


class _Table:
    def __init__(self, rows):
        self.rows = [_Row(cells) for cells in rows]


def _word(text: str, cx: float, cy: float, w: float = 20.0, h: float = 10.0) -> Word:
    return Word(text, cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2, size=h)


def test_cell_texts_puts_words_in_their_cells_and_border_words_in_both():
    # a 2×3 grid, columns at 0/100/200/300, rows at 0/40/80; the last row's middle cell is
    # covered by a merged cell to its left (None)
    table = _Table([[(0, 0, 100, 40), (100, 0, 200, 40), (200, 0, 300, 40)],
                    [(0, 40, 200, 80), None, (200, 40, 300, 80)]])
    words = [
        _word("Ref", 30, 20), _word("Action", 150, 14), _word("plan", 150, 26),
        _word("Owner", 250, 20),
        _word("border", 100, 20),  # centre on the rule between the first two cells
        _word("corner", 200, 40),  # centre on the corner of four cells
        _word("Merged", 60, 60), _word("wide", 160, 60), _word("JS", 250, 60),
        _word("outside", 400, 20), _word("below", 150, 120),
    ]
    got = grid.cell_texts(table, words)
    assert got == [["Ref border", "Action\nborder\nplan\ncorner", "Owner\ncorner"],
                   ["corner\nMerged wide", None, "corner\nJS"]]
    assert got == reference_cell_texts(table, words)


def test_cell_texts_matches_every_word_against_every_cell_on_random_pages():
    rnd = random.Random(12)
    for _ in range(60):
        xs = sorted({round(rnd.uniform(0, 500)) for _ in range(rnd.randint(2, 6))})
        ys = sorted({round(rnd.uniform(0, 700)) for _ in range(rnd.randint(2, 8))})
        rows = [[(x0, t, x1, b) if rnd.random() > 0.15 else None
                 for x0, x1 in zip(xs, xs[1:])] for t, b in zip(ys, ys[1:])]
        # a cell taller than its row, as a merged cell is
        if len(rows) > 1 and rows[0] and rows[0][0] is not None:
            x0, t, x1, _ = rows[0][0]
            rows[0][0] = (x0, t, x1, ys[2])
        # words on a coarse grid so many sit exactly on rules and corners
        words = [_word(f"w{k}", rnd.choice([*xs, rnd.uniform(0, 500)]),
                       rnd.choice([*ys, rnd.uniform(0, 700)]), w=rnd.choice([0.0, 8.0, 30.0]))
                 for k in range(rnd.randint(0, 80))]
        table = _Table(rows)
        assert grid.cell_texts(table, words) == reference_cell_texts(table, words)


# --- the table finder, only where a table can be ------------------------------------------------

def _h(top: float, x0: float, x1: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": top, "width": x1 - x0, "height": 0.0,
            "orientation": "h", "object_type": "line"}


def _v(x: float, top: float, bottom: float) -> dict:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0,
            "height": bottom - top, "orientation": "v", "object_type": "line"}


def _finder(edges: list[dict]) -> list:
    from pdfplumber.table import TableFinder

    from ingest.pdf_tables import worth_keeping

    return worth_keeping(TableFinder(grid._EdgePage(edges, (0.0, 0.0, 595.0, 842.0))).tables)


def test_a_ruled_two_by_two_grid_is_found_and_two_rules_across_are_not_tried(monkeypatch):
    frame = Frame.of((0.0, 0.0, 595.0, 842.0))
    rules = [_h(y, 100, 300) for y in (100, 130, 160)] + [_v(x, 100, 160) for x in (100, 200, 300)]
    (table,) = grid.find_tables(grid.Geometry(edges=rules), frame)
    assert [len(r.cells) for r in table.rows] == [2, 2]

    import pdfplumber.table

    built: list = []
    real = pdfplumber.table.TableFinder

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kw):
            built.append(args)
            super().__init__(*args, **kw)

    monkeypatch.setattr(pdfplumber.table, "TableFinder", Spy)
    two_across = [e for e in rules if not (e["orientation"] == "h" and e["top"] == 160)]
    assert grid.find_tables(grid.Geometry(edges=two_across), frame) == []
    assert built == []  # not asked at all
    assert grid.find_tables(grid.Geometry(edges=rules), frame) and len(built) == 1


def test_the_finder_finds_nothing_where_it_is_skipped():
    """On random rulings with fewer than three rules one way, pdfplumber's own finder keeps no
    table: skipping it loses nothing."""
    rnd = random.Random(7)
    checked = 0
    for _ in range(300):
        hs = [_h(rnd.choice([100, 101.5, 130, 160, 200]), rnd.choice([50, 100]),
                 rnd.choice([250, 300])) for _ in range(rnd.randint(0, 6))]
        vs = [_v(rnd.choice([50, 100, 101, 200, 300]), rnd.choice([80, 100]),
                 rnd.choice([160, 200])) for _ in range(rnd.randint(0, 6))]
        edges = hs + vs
        rnd.shuffle(edges)
        if not grid.may_hold_grid(edges):
            checked += 1
            assert _finder(edges) == []
    assert checked > 50


def test_a_ruled_table_on_a_drawn_page_is_still_found(tmp_path):
    from reportlab.pdfgen import canvas

    from ingest import load

    path = tmp_path / "ruled.pdf"
    c = canvas.Canvas(str(path), invariant=1, pagesize=A4)
    c.setFont("Helvetica", 10)
    xs, ys = (72, 150, 400, 500), (700, 680, 660, 640)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for r, row in enumerate((("Ref", "Action", "Owner"), ("2.1", "Repair the slipway", "JT"),
                             ("2.2", "Order buoys", "AK"))):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - 13, text)
    c.save()
    (page,) = load(path).pages
    (table,) = page.tables
    assert table.texts() == [["Ref", "Action", "Owner"], ["2.1", "Repair the slipway", "JT"],
                             ["2.2", "Order buoys", "AK"]]


# --- drawing objects without pypdfium2's per-object helpers -------------------------------------

def test_page_objects_lists_what_get_objects_lists(tmp_path):
    """Paths and an image on the page, in a form XObject and in a form inside that form:
    the same objects, order, nesting level and bounds as pypdfium2's get_objects()."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from PIL import Image
    from reportlab.pdfgen import canvas

    from ingest.pdf_objects import bounds, page_objects

    logo = tmp_path / "logo.png"
    Image.new("RGB", (8, 8), (200, 30, 30)).save(logo)
    path = tmp_path / "objects.pdf"
    c = canvas.Canvas(str(path), invariant=1, pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 800, "Agenda")
    c.line(72, 790, 500, 790)
    c.beginForm("inner")
    c.rect(100, 100, 50, 20, fill=1)
    c.drawString(105, 105, "cell")
    c.endForm()
    c.beginForm("outer")
    c.line(72, 300, 500, 300)
    c.drawImage(str(logo), 400, 400, 30, 30)
    c.doForm("inner")
    c.endForm()
    c.doForm("outer")
    c.circle(300, 600, 10, fill=1)
    c.save()

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        for kinds in ({raw.FPDF_PAGEOBJ_PATH}, {raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE},
                      {raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM}):
            theirs = [(o.type, o.level, o.get_bounds())
                      for o in page.get_objects(filter=sorted(kinds))]
            ours = [(o.type, o.level, bounds(o.raw)) for o in page_objects(page, frozenset(kinds))]
            assert ours == theirs
        levels = [o.level for o in page_objects(page, frozenset({raw.FPDF_PAGEOBJ_PATH}))]
        assert sorted(set(levels)) == [0, 1, 2]  # the walk went into both forms
        page.close()
    finally:
        pdf.close()

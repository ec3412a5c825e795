"""Attendance registers whose meeting dates are printed turned a quarter over their columns
(issue 9, capability 1): ingest keeps those rotated titles as the table's header cells, the
register reader then reads the meeting's column. Rotated text that is not a column title (a
margin stamp, a watermark, a turned word over a cell of figures) stays page furniture.

Every PDF is drawn here with reportlab; names, dates and codes are invented.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract import extract
from ingest import load
from ingest.rotated_heads import glyph_text

DATES = ["12/09/24", "07/11/24", "16/01/25", "13/03/25"]
MEMBERS = [("JANE DOE", "Y", "E", "", ""), ("OMAR FIELD", "Y", "Y/l", "", ""),
           ("LENA PARK", "N", "N", "", ""), ("RAJ TOLL", "E", "Y", "", "")]


def _register(path: Path, *, over_grid: bool = False, pitch: float = 40, down: bool = False,
              extra=None) -> Path:
    """A ruled register: names down the side, one column per meeting, the dates set up
    (or down) the page in the header cells, or over a grid that rules only the body."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1, pagesize=(595.0, 842.0))
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, 790, "Governing Body meeting held on 7 November 2024")
    c.setFont("Helvetica", 10)
    c.drawString(60, 768, "1. Attendance")
    xs = [60, 200] + [200 + pitch * (i + 1) for i in range(len(DATES))]
    head_top, head_foot = 750, 700
    rules = [head_foot - 18 * i for i in range(len(MEMBERS) + 1)]
    top = head_foot if over_grid else head_top
    for y in [top] + rules:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, top, x, rules[-1])
    c.drawString(64, head_foot + 6, "Member")
    for i, date in enumerate(DATES):
        c.saveState()
        if down:  # read top to bottom
            c.translate(xs[i + 1] + pitch / 2 - 3, head_top - 4)
            c.rotate(-90)
        else:  # read bottom to top
            c.translate(xs[i + 1] + pitch / 2 + 3, head_foot + 4)
            c.rotate(90)
        c.setFont("Helvetica", 8)
        c.drawString(0, 0, date)
        c.restoreState()
    for r, (name, *codes) in enumerate(MEMBERS):
        c.drawString(64, rules[r] - 13, name)
        for i, code in enumerate(codes):
            c.drawString(xs[i + 1] + 4, rules[r] - 13, code)
    c.drawString(60, rules[-1] - 20, "Key: Y attended   N did not attend   E excused   "
                                     "Y/l attended, arrived late")
    c.drawString(60, rules[-1] - 50, "2. The minutes of the last meeting were approved.")
    if extra:
        extra(c)
    c.save()
    return path


def _meeting(path: Path):
    (meeting,) = extract(load(path)).meetings
    return meeting


@pytest.mark.parametrize("layout", [
    {},  # titles inside the ruled header cells, read bottom to top
    {"down": True},  # turned the other way, read top to bottom
    {"pitch": 16},  # columns so narrow that PDFium runs the four dates into one stamp
    {"over_grid": True},  # titles standing on a grid that rules only the body
])
def test_register_with_rotated_dates_reads_the_meetings_column(tmp_path, layout):
    f = _register(tmp_path / "register.pdf", **layout)
    (table,) = load(f).pages[0].tables
    assert [c.text for c in table.rows[0]] == ["Member", *DATES]
    assert all(c.header for c in table.rows[0])
    meeting = _meeting(f)
    assert meeting.date == dt.date(2024, 11, 7)
    assert [(a.name, a.arrived) for a in meeting.attendees] == [("Omar Field", "Y/l"),
                                                                ("Raj Toll", None)]
    assert [a.name for a in meeting.apologies] == ["Jane Doe"]  # "N": neither


def _margin_stamp_and_watermark(c) -> None:
    c.saveState()
    c.translate(575, 300)
    c.rotate(90)
    c.drawString(0, 0, "Agenda Item 6")
    c.restoreState()
    c.saveState()
    c.translate(150, 560)
    c.rotate(45)
    c.setFont("Helvetica", 40)
    c.drawString(0, 0, "DRAFT")
    c.restoreState()


def test_a_margin_stamp_and_a_watermark_stay_furniture_beside_a_rotated_header(tmp_path):
    f = _register(tmp_path / "register.pdf", extra=_margin_stamp_and_watermark)
    page = load(f).pages[0]
    furniture = [b.text for b in page.blocks if b.kind == "furniture"]
    assert furniture == ["Agenda Item 6", "DRAFT"]  # the four dates went to the table
    body = " ".join(b.text for b in page.blocks if b.kind != "furniture")
    assert "Agenda Item" not in body and "DRAFT" not in body
    (table,) = page.tables
    assert [c.text for c in table.rows[0]] == ["Member", *DATES]


def test_turned_words_over_cells_of_figures_stay_furniture(tmp_path):
    """A stamp up the edge of a wide table of figures lies in a cell that holds upright
    text: it is not that cell's title."""
    from reportlab.pdfgen import canvas

    f = tmp_path / "figures.pdf"
    c = canvas.Canvas(str(f), invariant=1, pagesize=(595.0, 842.0))
    c.setFont("Helvetica", 10)
    for y in (700, 600, 580):
        c.line(40, y, 590, y)
    for x in (40, 300, 590):
        c.line(x, 700, x, 580)
    c.drawString(50, 680, "Budget 2025-26")
    c.drawString(310, 680, "1,204.5")
    c.drawString(50, 585, "Total")
    c.drawString(310, 585, "1,204.5")
    for x, text in ((580, "Page 9"), (290, "Agenda Item 6")):
        c.saveState()
        c.translate(x, 610)
        c.rotate(90)
        c.drawString(0, 0, text)
        c.restoreState()
    c.save()
    page = load(f).pages[0]
    assert sorted(b.text for b in page.blocks if b.kind == "furniture") == ["Agenda Item 6",
                                                                            "Page 9"]
    assert page.label == "9"


def test_rotated_glyphs_read_in_their_lines_order():
    """Two lines turned to read upwards: the leftmost line first, each from its foot; a
    gap along the line is a space. Turned to read downwards: the rightmost line first."""
    up = [("2", 110, 40, 118, 46), ("1", 110, 46, 118, 52), ("l", 100, 30, 108, 34),
          ("u", 100, 40, 108, 46), ("F", 100, 46, 108, 52)]
    assert glyph_text(up, 270) == "Fu l 12"
    down = [("b", 100, 46, 108, 52), ("a", 100, 40, 108, 46), ("y", 110, 40, 118, 46),
            ("x", 110, 34, 118, 37)]
    assert glyph_text(down, 90) == "x y ab"

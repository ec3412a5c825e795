"""RAG status tables: literal `Table`s in, `RagItem`s and flags out.

Each case is a pattern seen in real council papers (a rating word, an office fill shade, a
document's own key, a key table, directorate colour coding, a table continued over a page
break, an unrated row). The realdocs test runs the whole pipeline on ../shared/realdocs/dev
and is skipped when that folder is absent.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract.document.parts import Part
from extract.model import Meeting
from extract.rag import extract_rag
from extract.rag.colours import status_from_fill
from ingest.model import Block, Cell, Page, Table
from ingest.table_join import join_continued_tables

SHARED = Path(__file__).resolve().parents[2] / "shared"

_index = iter(range(10_000))


def table(rows, page=1, header=True) -> Table:
    """rows: lists of "text" or ("text", "#fill") or ("text", "#fill", colspan)."""
    out = []
    for r, row in enumerate(rows):
        cells, col = [], 0
        for spec in row:
            text, fill, span = (spec, None, 1) if isinstance(spec, str) else (
                spec + (1,) if len(spec) == 2 else spec)
            cells.append(Cell(text=text, row=r, col=col, colspan=span, fill=fill,
                              header=header and r == 0))
            col += span
        out.append(cells)
    return Table(index=next(_index), page=page, rows=out, pages=(page, page))


def block(text, page=1) -> Block:
    return Block(index=next(_index), page=page, kind="paragraph", text=text)


def run(*items):
    part = Part(record="agenda", items=list(items))
    return extract_rag(part, Meeting(record="agenda"))


ACTIONS = ["Ref", "Action", "Timescale", "RAG"]


# ---- status from words ------------------------------------------------------------------

def test_status_from_words_with_ref_and_due():
    items, flags = run(table([
        ACTIONS,
        ["1", "Engage corporate parent champions", "31/12/2019", "Green"],
        ["4b", "Collect data on advocacy complaints", "18/02/2019", "RED"],
        ["4d", "Appoint a strategic lead for participation", "2018-2019", "Blue"],
        ["5", "Review the placement workshops", "Nov-19", "amber"],
    ]))
    assert [(i.ref, i.status, i.status_source) for i in items] == [
        ("1", "green", "word"), ("4b", "red", "word"), ("4d", "blue", "word"),
        ("5", "amber", "word")]
    assert items[1].text == "Collect data on advocacy complaints"
    assert items[1].due_text == "18/02/2019"
    assert flags == []


def test_single_letters_under_a_rag_header():
    items, _ = run(table([["Indicator", "R/A/G"], ["Calls answered", "G"],
                          ["Complaints in time", "R"], ["Visits made", "A"]]))
    assert [i.status for i in items] == ["green", "red", "amber"]


def test_latest_and_previous_columns():
    items, _ = run(table([
        [("Customer Services KPIs", "#d9d9d9"), ("RAG rating", "#d9d9d9", 2), ("DoT", "#d9d9d9")],
        [("", None), ("Latest", "#d9d9d9"), ("Previous", "#d9d9d9"), ("", None)],
        ["% of phone calls answered", ("GREEN", "#00ff00"), ("AMBER", "#ffc000"), ""],
        ["% of complaints responded to in time", ("RED", "#c00000"), ("RED", "#c00000"), ""],
    ]))
    assert [(i.text, i.status, i.previous_status) for i in items] == [
        ("% of phone calls answered", "green", "amber"),
        ("% of complaints responded to in time", "red", "red")]


# ---- status from fill -------------------------------------------------------------------

@pytest.mark.parametrize("fill,status", [
    ("#ffc000", "amber"), ("#ffcc00", "amber"), ("#ffff00", "amber"), ("#ffeb9c", "amber"),
    ("#92d050", "green"), ("#00b050", "green"), ("#00ff00", "green"), ("#c6efce", "green"),
    ("#ff0000", "red"), ("#c00000", "red"), ("#ffc7ce", "red"),
    ("#00b0f0", "blue"), ("#0070c0", "blue"),
    ("#d9d9d9", None), ("#f2f2f2", None), ("#ebf2de", None), ("#cfd5ea", None),
    ("#00194c", None), ("#8064a2", None), (None, None),
])
def test_fill_shades(fill, status):
    assert status_from_fill(fill) == status


def test_status_from_fill_only():
    items, flags = run(table([
        ACTIONS,
        ["10b", "Fostering service to encourage carers to apply for SGO", "", ("", "#00b050")],
        ["5", "Explore models that promote staying close", "Nov-19", ("", "#ffc000")],
        ["7", "Review s.20 children", "31/08/2019", ("", "#ff0000")],
        ["8", "Improve the care leaver offer", "Nov-19", ("", "#92d050")],
    ]))
    assert [(i.status, i.status_source) for i in items] == [
        ("green", "fill"), ("amber", "fill"), ("red", "fill"), ("green", "fill")]
    assert flags == []


def test_word_beats_fill_and_conflict_is_flagged():
    items, flags = run(table([ACTIONS, ["1", "Publish the strategy", "Jun-20", ("Green", "#ff0000")],
                              ["2", "Train the staff", "Jul-20", ("Red", "#ff0000")]]))
    assert [i.status for i in items] == ["green", "red"]
    assert [f.kind for f in flags] == ["rag-conflict"]


# ---- the document's own key -------------------------------------------------------------

def test_status_from_legend_words():
    key = block("RAG Key:\tRed\t= incomplete\tAmber\t= slippage\tGreen\t= on track\t"
                "Blue\t= completed")
    items, flags = run(key, table([
        ["Ref", "Action", "Timescale", "Progress"],
        ["1", "Engage champions", "Dec-19", "On track"],
        ["2", "Consult young people", "Nov-19", "Slippage"],
        ["3", "Appoint a lead", "2019", "Completed"],
        ["4", "Publish the offer", "Mar-20", "Incomplete"],
    ]))
    assert [(i.status, i.status_source) for i in items] == [
        ("green", "legend"), ("amber", "legend"), ("blue", "legend"), ("red", "legend")]
    assert flags == []


def test_legend_table_is_ignored_but_read():
    key = table([[("GREEN", "#00ff00"), "Target has been achieved or exceeded"],
                 [("AMBER", "#ffcc00"), "Floor standard achieved but target not met"],
                 [("RED", "#c00000"), "Floor standard has not been achieved"]])
    items, _ = run(key)
    assert items == []


def test_count_table_is_ignored():
    counts = table([["", ("G", "#00ff00"), ("A", "#ffc000"), ("R", "#c00000")],
                    ["Customer Services", "2", "", "1"], ["Adult Social Care", "2", "3", "1"],
                    ["TOTAL", "17", "12", "9"]])
    assert run(counts) == ([], [])


def test_directorate_colours_are_not_ratings():
    budget = table([
        ["Row Ref", "MTFP Category", "Directorate", "Headline description", "2025-26 £000's"],
        ["1", "Base Budget Changes", ("ASCH", "#235f6f"), "Adult Social Care", "7,800.0"],
        ["2", "Base Budget Changes", ("CYPE", "#b85808"), "Disabled children", "4,000.0"],
        ["6", "Base Budget Changes", ("GET", "#647d33"), "Concessionary travel", "3,116.0"],
        ["26", "Reduction in Grant", ("CED", "#ad403d"), "Domestic abuse", "274.2"],
        ["27", ("TOTAL REDUCTION IN GRANT INCOME 3,234.7", "#4f6228", 5)],
    ])
    banded = table([["Objectively Verifiable Indicators", "Timescale", "Progress"],
                    [("Pupils achieving a good level", "#cfd5ea"), ("2028", "#cfd5ea"),
                     ("", "#cfd5ea")],
                    [("Pupil absence rates will fall", "#e9ebf5"), ("2028", "#e9ebf5"),
                     ("", "#e9ebf5")]])
    assert run(budget, banded) == ([], [])


# ---- layout -----------------------------------------------------------------------------

def test_continued_table_over_a_page_break():
    # ingest joins the parts (table_join); the rows keep the page each was printed on
    first = table([ACTIONS, ["1", "Engage champions", "31/12/2019", ("Green", "#00b050")],
                   ["2", "Consult young people", "Nov-19", ("Red", "#ff0000")]], page=13)
    repeated = table([ACTIONS, ["3", "Review feedback", "Mar-20", ("Amber", "#ffc000")]],
                     page=14)
    bare = table([["4", "Implement changes", "Nov-19", ("", "#00b050")],
                  ["5", "Publish the offer", "31/04/2019", ("Red", "#ff0000")]],
                 page=15, header=False)
    pages = [Page(13, items=[first]), Page(14, items=[repeated]), Page(15, items=[bare])]
    join_continued_tables(pages)
    items, flags = run(*(i for page in pages for i in page.items))
    assert [(i.ref, i.status, i.due_text, i.evidence.page) for i in items] == [
        ("1", "green", "31/12/2019", 13), ("2", "red", "Nov-19", 13),
        ("3", "amber", "Mar-20", 14),
        ("4", "green", "Nov-19", 15), ("5", "red", "31/04/2019", 15)]
    assert all("Ref" != i.ref for i in items) and flags == []


def test_unrated_row_is_kept_and_flagged():
    items, flags = run(table([ACTIONS, ["1", "Engage champions", "Dec-19", "Green"],
                              ["2", "Consult young people", "Nov-19", ""]]))
    assert [(i.ref, i.status) for i in items] == [("1", "green"), ("2", None)]
    assert [(f.kind, f.page) for f in flags] == [("rag-unrated", 1)]


def test_section_heading_rows_are_not_items():
    items, flags = run(table([ACTIONS, [("Objective 1 - Our children have a voice", None, 4)],
                              ["1", "Engage champions", "Dec-19", "Green"]]))
    assert [i.ref for i in items] == ["1"] and flags == []


def test_kpi_box():
    box = table([[("Percentage of phone calls to Contact Point which were answered",
                   "#d9d9d9", 3), ("GREEN", "#00ff00")],
                 ["Latest: 94%", "Target: 90%, Floor: 85%", ("Previous: 89% (Amber)", None, 2)]])
    items, flags = run(box)
    assert [(i.text, i.status, i.previous_status) for i in items] == [
        ("Percentage of phone calls to Contact Point which were answered", "green", "amber")]
    assert flags == []


def test_a_table_without_ratings_is_not_a_status_table():
    plain = table([["Name", "Role"], ["Dylan Jeffrey", "Cabinet Member"],
                   ["Amanda Beer", "Corporate Director"]])
    assert run(plain) == ([], [])


def test_colour_only_column_without_a_rating_header():
    items, _ = run(table([["Measure", "Target", "Q3 2024/25"],
                          ["Calls answered", "90%", ("94%", "#92d050")],
                          ["Complaints in time", "85%", ("71%", "#c00000")],
                          ["Visits made", "400", ("380", "#ffc000")]]))
    assert [(i.text, i.status) for i in items] == [
        ("Calls answered", "green"), ("Complaints in time", "red"), ("Visits made", "amber")]


def test_html_cells_numbered_in_order_are_placed_past_spans():
    # HTML gives col = position in the <tr>; a rowspan from above shifts the real column
    t = Table(index=next(_index), page=None, rows=[
        [Cell("Objective", 0, 0, header=True), Cell("Action", 0, 1, header=True),
         Cell("RAG", 0, 2, header=True)],
        [Cell("Voice of the child", 1, 0, rowspan=2), Cell("Consult young people", 1, 1),
         Cell("Green", 1, 2)],
        [Cell("Audit feedback", 2, 0), Cell("Amber", 2, 1)],
    ])
    items, _ = run(t)
    assert [(i.text, i.status) for i in items] == [
        ("Consult young people", "green"), ("Audit feedback", "amber")]

"""Tables continued over a page break: literal pages in, one joined table out; and the
sample agenda pack, whose RAG action plan runs over a page break, read through load()."""
from __future__ import annotations

from itertools import count

from conftest import SAMPLES
from ingest import load
from ingest.model import Block, Cell, Page, Table
from ingest.table_join import join_continued_tables

HEAD = ["Ref", "Action", "Timescale", "RAG"]
GREEN, AMBER = "#00b050", "#ffc000"
_index = count()


def table(page: int, rows: list, header: bool = True) -> Table:
    """rows: lists of "text" or ("text", "#fill"); the first row is flagged as a header
    when `header` is set, as the PDF reader does for a row of words."""
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, spec in enumerate(row):
            text, fill = (spec, None) if isinstance(spec, str) else spec
            cells.append(Cell(text=text, row=r, col=c, fill=fill, header=header and r == 0))
        out.append(cells)
    return Table(index=next(_index), page=page, rows=out, pages=(page, page))


def block(page: int, text: str, kind: str = "paragraph") -> Block:
    return Block(index=next(_index), page=page, kind=kind, text=text)


def footer(page: int) -> Block:
    return block(page, f"Page {page}", kind="furniture")


def texts(t: Table) -> list[list[str]]:
    return t.texts()


def test_repeated_header_is_dropped_and_rows_renumbered():
    first = table(1, [HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    cont = table(2, [HEAD, ["2", "Collect feedback", "Nov-19", "Red"]])
    after = block(2, "The board noted the plan.")
    pages = [Page(1, items=[block(1, "Action plan", "heading"), first]),
             Page(2, items=[cont, after])]
    join_continued_tables(pages)
    assert texts(first) == [HEAD, ["1", "Engage champions", "Dec-19", "Green"],
                            ["2", "Collect feedback", "Nov-19", "Red"]]
    assert first.pages == (1, 2)
    assert [c.row for c in first.rows[2]] == [2, 2, 2, 2]
    assert not first.rows[2][0].header
    assert pages[1].items == [after]  # the later part is gone; what followed it stays


def test_continuation_without_header_keeps_all_rows():
    first = table(1, [HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    cont = table(2, [["2", "Collect feedback", "Nov-19", "Red"]], header=False)
    pages = [Page(1, items=[first]), Page(2, items=[cont])]
    join_continued_tables(pages)
    assert [r[0] for r in texts(first)] == ["Ref", "1", "2"]
    assert first.pages == (1, 2)
    assert pages[1].items == []


def test_different_column_count_is_not_joined():
    first = table(1, [HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    cont = table(2, [["2", "Collect feedback", "Red"]], header=False)
    pages = [Page(1, items=[first]), Page(2, items=[cont])]
    join_continued_tables(pages)
    assert len(first.rows) == 2 and first.pages == (1, 1)
    assert pages[1].items == [cont]


def test_new_table_with_its_own_header_is_not_joined():
    # one KPI box at the foot of a page, the next at the top of the following page
    box1 = table(1, [["Calls answered in time", "GREEN"], ["Latest: 94%", "Target: 90%"]])
    box2 = table(2, [["Complaints closed in time", "RED"], ["Latest: 60%", "Target: 90%"]])
    pages = [Page(1, items=[box1]), Page(2, items=[box2])]
    join_continued_tables(pages)
    assert len(box1.rows) == 2 and pages[1].items == [box2]


def test_running_header_and_footer_do_not_block_the_join():
    first = table(1, [HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    cont = table(2, [HEAD, ["2", "Collect feedback", "Nov-19", "Red"]])
    banner = block(2, "County Council - Corporate Parenting Board", kind="furniture")
    pages = [Page(1, items=[first, footer(1)]), Page(2, items=[banner, cont, footer(2)])]
    join_continued_tables(pages)
    assert first.pages == (1, 2) and len(first.rows) == 3
    assert cont not in pages[1].items and banner in pages[1].items


def test_paragraph_between_means_a_new_table():
    first = table(1, [HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    cont = table(2, [["2", "Collect feedback", "Nov-19", "Red"]], header=False)
    pages = [Page(1, items=[first]),
             Page(2, items=[block(2, "Objective 2: children are safe"), cont])]
    join_continued_tables(pages)
    assert first.pages == (1, 1) and cont in pages[1].items


def test_repeated_title_or_continued_line_may_sit_between():
    title = "APPENDIX F: ALTERNATIVE BUDGET - SPENDING"
    t1 = table(1, [HEAD, ["1", "Waste realignment", "2025", "Green"]])
    t2 = table(2, [HEAD, ["2", "Domestic abuse", "2025", "Red"]])
    t3 = table(3, [["3", "Libraries", "2026", "Amber"]], header=False)
    pages = [Page(1, items=[block(1, title, "heading"), t1]),
             Page(2, items=[block(2, title, "heading"), t2]),
             Page(3, items=[block(3, "Appendix F (continued)"), t3])]
    join_continued_tables(pages)
    assert t1.pages == (1, 3) and [r[0] for r in texts(t1)] == ["Ref", "1", "2", "3"]


def test_a_different_heading_between_is_not_joined():
    t1 = table(1, [HEAD, ["1", "Waste realignment", "2025", "Green"]])
    t2 = table(2, [HEAD, ["2", "Domestic abuse", "2025", "Red"]])
    pages = [Page(1, items=[block(1, "Spending", "heading"), t1]),
             Page(2, items=[block(2, "Savings", "heading"), t2])]
    join_continued_tables(pages)
    assert t1.pages == (1, 1) and t2 in pages[1].items


def test_three_page_chain_with_more_after_it():
    t1 = table(1, [HEAD, ["1", "a", "Dec-19", "Green"]])
    t2 = table(2, [HEAD, ["2", "b", "Dec-19", "Green"]])
    t3 = table(3, [HEAD, ["3", "c", "Dec-19", "Red"]])
    later = table(3, [HEAD, ["1", "next objective", "Jan-20", "Amber"]])
    pages = [Page(1, items=[t1]), Page(2, items=[t2]),
             Page(3, items=[t3, block(3, "Objective 2", "heading"), later])]
    join_continued_tables(pages)
    assert t1.pages == (1, 3)
    assert [r[0] for r in texts(t1)] == ["Ref", "1", "2", "3"]
    assert [r[0].row for r in t1.rows] == [0, 1, 2, 3]
    assert pages[1].items == [] and pages[2].items[1:] == [later]
    assert later.pages == (3, 3) and len(later.rows) == 2


def test_fills_are_kept():
    t1 = table(1, [[(h, "#d9d9d9") for h in HEAD], ["1", "a", "Dec-19", ("Green", GREEN)]])
    t2 = table(2, [[(h, "#d9d9d9") for h in HEAD], ["5", "b", "Nov-19", ("", AMBER)]])
    pages = [Page(1, items=[t1]), Page(2, items=[t2])]
    join_continued_tables(pages)
    assert [[c.fill for c in row] for row in t1.rows] == [
        ["#d9d9d9"] * 4, [None, None, None, GREEN], [None, None, None, AMBER]]


def test_tail_of_a_split_row_joins_the_row_above():
    t1 = table(1, [HEAD, ["4b", "Collect data on advocacy", "Feb-19", ("Red", "#ff0000")]])
    t2 = table(2, [["", "complaints and share it", "", ("", "#ff0000")],
                   ["5", "Review workshops", "Nov-19", ("Amber", AMBER)]], header=False)
    pages = [Page(1, items=[t1]), Page(2, items=[t2])]
    join_continued_tables(pages)
    assert texts(t1)[1:] == [["4b", "Collect data on advocacy\ncomplaints and share it",
                              "Feb-19", "Red"],
                             ["5", "Review workshops", "Nov-19", "Amber"]]
    assert t1.rows[1][3].fill == "#ff0000"
    assert [c.row for c in t1.rows[2]] == [2, 2, 2, 2]


def test_rows_of_their_own_are_not_folded_into_the_row_above():
    colour_only = ["", "", "", ("", AMBER)]  # a rating with no words: a row in its own right
    new_line = ["", "Review workshops", "Nov-19", ("Red", "#ff0000")]  # no ref, but a new row
    own_colour = ["", "and the placements", "", ("", AMBER)]  # its own rating colour
    for row in (colour_only, new_line, own_colour):
        t1 = table(1, [HEAD, ["4b", "Collect data", "Feb-19", ("Red", "#ff0000")]])
        t2 = table(2, [row], header=False)
        join_continued_tables([Page(1, items=[t1]), Page(2, items=[t2])])
        assert len(t1.rows) == 3, row
        assert t1.rows[1][1].text == "Collect data"


def test_pages_not_consecutive_are_left_alone():
    t1 = table(1, [HEAD, ["1", "a", "Dec-19", "Green"]])
    t3 = table(3, [["2", "b", "Dec-19", "Green"]], header=False)
    join_continued_tables([Page(1, items=[t1]), Page(3, items=[t3])])
    assert t1.pages == (1, 1)


def unpaged(rows: list, header: bool = True) -> Table:
    """A DOCX/HTML table: no page number."""
    t = table(1, rows, header)
    t.page, t.pages = None, None
    return t


def test_word_table_split_in_two_is_joined_without_page_numbers():
    # a Word action plan split by a manual page break: the second table carries on with body
    # rows, one repeating the header; DOCX has no page numbers, only the reading order
    first = unpaged([HEAD, ["1", "Engage champions", "Dec-19", ("Green", GREEN)]])
    bare = unpaged([["2", "Collect feedback", "Nov-19", ("", AMBER)]], header=False)
    repeated = unpaged([HEAD, ["3", "Review workshops", "Mar-20", "Red"]])
    note = Block(index=next(_index), page=None, kind="paragraph", text="The board noted it.")
    page = Page(None, items=[first, bare, repeated, note])
    join_continued_tables([page])
    assert [r[0] for r in texts(first)] == ["Ref", "1", "2", "3"]
    assert first.rows[2][3].fill == AMBER and first.pages is None
    assert page.items == [first, note]


def test_headerless_table_right_after_a_table_on_the_same_page_is_joined():
    # pdfplumber cut one ruled table in two on the same page
    first = table(4, [HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    rest = table(4, [["2", "Collect feedback", "Nov-19", "Red"]], header=False)
    pages = [Page(4, items=[block(4, "Action plan", "heading"), first, rest])]
    join_continued_tables(pages)
    assert [r[0] for r in texts(first)] == ["Ref", "1", "2"] and first.pages == (4, 4)
    assert rest not in pages[0].items


def test_without_a_page_break_text_between_or_a_row_of_words_means_a_new_table():
    first = unpaged([HEAD, ["1", "Engage champions", "Dec-19", "Green"]])
    after_text = unpaged([["2", "Collect feedback", "Nov-19", "Red"]], header=False)
    text = Block(index=next(_index), page=None, kind="paragraph",
                 text="Objective 2: children and young people are safe")
    join_continued_tables([Page(None, items=[first, text, after_text])])
    assert len(first.rows) == 2
    # one table per report, each opening with its title across the table (a disposition list)
    report1 = unpaged([[("REPORT OF THE EXECUTIVE POLICY COMMITTEE", None)],
                       ["1", "Rezoning", "ADOPTED"]], header=False)
    report2 = unpaged([[("REPORT OF THE PROPERTY COMMITTEE", None)],
                       ["1", "Lease renewal", "ADOPTED"]], header=False)
    for t in (report1, report2):
        t.rows[0][0].colspan = 3
    page = Page(None, items=[report1, report2])
    join_continued_tables([page])
    assert len(report1.rows) == 2 and page.items == [report1, report2]
    # one attendance table per group, each opening with its own (unflagged) header row
    groups = [unpaged([[group, "Representing"], [name, "Lancashire County Council"]],
                      header=False)
              for group, name in (("Members", "County Councillor Ian Brown"),
                                  ("Co-opted members", "Brendan Lee"),
                                  ("Other Attendees", "Shell Arliss"))]
    page = Page(None, items=list(groups))
    join_continued_tables([page])
    assert page.items == groups and all(len(t.rows) == 2 for t in groups)


def test_sample_pack_rag_table_arrives_as_one_table():
    doc = load(SAMPLES / "lancs-cpb_agenda-pack_2019-11-26.pdf")
    plans = [t for t in doc.tables() if t.rows and
             [c.text.strip() for c in t.rows[0]] == HEAD]
    objective1 = next(t for t in plans if any(r[0].text == "4d" for r in t.rows))
    assert objective1.pages == (13, 14)
    refs = [r[0].text.strip() for r in objective1.rows]
    assert refs.count("Ref") == 1  # the header printed again on page 14 is dropped
    assert refs[refs.index("4d") + 1] == "5a1"  # page 14's first row follows page 13's last
    assert all(t.page != 14 for t in plans)  # nothing of it is left behind on page 14
    # rows keep the page they were printed on, so a fact read from them cites it
    assert objective1.rows[refs.index("4d")][0].page_or(objective1.page) == 13
    assert objective1.rows[refs.index("5a1")][0].page_or(objective1.page) == 14


def test_rag_rows_from_a_continued_table_cite_their_own_page():
    from extract import extract

    record = extract(load(SAMPLES / "lancs-cpb_agenda-pack_2019-11-26.pdf"))
    pages = {item.ref: item.evidence.page for m in record.meetings for item in m.rag_items}
    assert pages["4d"] == 13 and pages["5a1"] == 14


CARRIED = ["No", "Action", "Owner", "Update"]


def test_continuation_opening_with_a_body_row_of_words_is_joined():
    # the PDF reader flags the first row of every table made only of words as a header; a
    # carried-actions table run onto the next page without its header opens with such a row
    first = table(1, [CARRIED, ["Jun30.01", "Clerk to write to the highways team", "RB", "Sent"],
                      ["Jun30.02", "Quotes for the bench repair", "TW", ""]])
    cont = table(2, [["Jul28.04", "Ask the school about the crossing patrol", "PK", "Completed"],
                     ["Jul28.05", "Order new bins", "RB", ""]])
    assert all(c.header for c in cont.rows[0])  # as the reader hands it over
    pages = [Page(1, items=[first, footer(1)]), Page(2, items=[cont, footer(2)])]
    join_continued_tables(pages)
    assert [r[0] for r in texts(first)] == ["No", "Jun30.01", "Jun30.02", "Jul28.04", "Jul28.05"]
    assert first.pages == (1, 2) and cont not in pages[1].items
    assert not any(c.header for c in first.rows[3])
    assert first.rows[3][3].text == "Completed"


def test_tail_of_a_split_row_flagged_as_header_joins_the_row_above():
    first = table(1, [CARRIED, ["Jun30.01", "Clerk to write to the highways team", "RB",
                                "Letter drafted, to be"]])
    cont = table(2, [["", "", "", "sent next week"],
                     ["Jun30.02", "Quotes for the bench repair", "TW", "Done"]])
    pages = [Page(1, items=[first]), Page(2, items=[cont])]
    join_continued_tables(pages)
    assert texts(first)[1][3] == "Letter drafted, to be\nsent next week"
    assert [r[0] for r in texts(first)] == ["No", "Jun30.01", "Jun30.02"]


def test_a_box_under_the_same_labels_or_shading_is_still_a_new_table():
    # one project box per page: the next opens by repeating a label, or shaded like a header
    box1 = table(1, [["Project", "Harbour walls"], ["Spend", "Within budget, 2025 figures"]])
    box2 = table(2, [["Project", "Riverside path, phase 2 of 2026"], ["Spend", "Over budget"]])
    grey = "#d9d9d9"
    t1 = table(1, [[(h, grey) for h in CARRIED], ["A1", "Mend the gate", "RB", "In hand"]])
    # a shaded band of a new table: body-like words, but the header's shading
    t2 = table(2, [[("B1", grey), ("Finance and the precept for next year", grey),
                    ("TW", grey), ("", grey)], ["B2", "Set the precept", "TW", ""]])
    join_continued_tables([Page(1, items=[box1]), Page(2, items=[box2])])
    join_continued_tables([Page(1, items=[t1]), Page(2, items=[t2])])
    assert len(box1.rows) == 2 and len(t1.rows) == 2


def test_body_looking_row_without_a_page_break_stays_a_table_of_its_own():
    # on the same page nothing explains a split: a row flagged as a header starts a new table
    first = table(1, [CARRIED, ["Jun30.01", "Clerk to write to the highways team", "RB", "Sent"]])
    second = table(1, [["Jul28.04", "Ask the school about the crossing patrol", "PK", "Done"]])
    page = Page(1, items=[first, second])
    join_continued_tables([page])
    assert len(first.rows) == 2 and second in page.items

"""Agenda items and which item each block, table row and report page falls under."""
from _build import meeting, part

from extract.document.items import extract_items
from extract.document.parts import Part
from extract.document.sections import sections
from ingest.model import Block
from ingest.model import Part as Paper


def numbers(p) -> list[str]:
    return [i.number for i in extract_items(p, meeting())]


def test_numbered_headings_and_item_of_each_block():
    p = part("#1. Welcome and Apologies", "Apologies from Jo.",
             "10.24.05\tClerks Report\nThe report was noted.", "93/18 Minutes of the Meeting")
    items = extract_items(p, meeting())
    assert [(i.number, i.title) for i in items] == [
        ("1", "Welcome and Apologies"), ("10.24.05", "Clerks Report"),
        ("93/18", "Minutes of the Meeting")]
    assert sections(p).item(1) == "1"


def test_printed_item_number_wins_over_running_minute_number():
    p = part("#295. Corporate Parenting Panel", "(Item 4)", "RESOLVED that the minutes be noted.")
    assert numbers(p) == ["4"]
    assert sections(p).item(2) == "4"


def test_item_line_under_unnumbered_headings_opens_each_item():
    # each "(Item N)" belongs to the heading above it, not to the item before
    p = part("#Apologies and Substitutes", "(Item 1)", "Apologies were received.",
             "#Chairman's Announcements", "(Item 2)", "RESOLVED that Mr Bartlett be Vice Chair.")
    items = extract_items(p, meeting())
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies and Substitutes"), ("2", "Chairman's Announcements")]
    smap = sections(p)
    assert [smap.item(n) for n in range(6)] == ["1", "1", "1", "2", "2", "2"]


def test_agenda_item_number_at_the_end_of_the_heading_line():
    p = part("2\tMINUTES OF THE MEETING HELD ON 23 JUNE 2009 (Agenda item 3)\n"
             "RESOLVED: That the minutes are agreed.",
             "3\tAUDIT COMMISSION INTERIM REPORT (Agenda item 4)\nThe report was noted.")
    items = extract_items(p, meeting())
    assert [(i.number, i.title) for i in items] == [
        ("3", "MINUTES OF THE MEETING HELD ON 23 JUNE 2009"),
        ("4", "AUDIT COMMISSION INTERIM REPORT")]


def test_a_date_line_is_not_an_item():
    p = part("#Audit Committee", "#22 October 2009", "#24 SEPTEMBER 2009\n(19:15 TO 19:25)",
             "#1. Declarations of interest")
    assert numbers(p) == ["1"]


def test_sub_paragraph_number_only_under_its_own_item():
    p = part("#3. Finance", "3.1 The accounts were approved.", "#15. Governance Updates",
             "14.60 The text of any motion must be given to the Chairman in writing.",
             "RESOLVED that Council notes the update.")
    smap = sections(p)
    assert [smap.item(n) for n in range(5)] == ["3", "3.1", "15", "15", "15"]


def test_action_plan_is_an_item_title_but_an_action_line_is_not():
    p = part("#8. Annual Report", "#9. Action Plan", "The plan was discussed.",
             "#10. Action: Clerk to write")
    assert numbers(p) == ["8", "9"]


def test_a_numbered_paragraph_counting_back_is_not_an_item():
    # "1. Notes the report" under item 8's resolution is a sub-decision, not item 1 again
    p = part("#8. Minerals Plan", "RESOLVED that Council:", "1. Notes the Inspector's Report",
             "2. Adopts the Plan")
    assert numbers(p) == ["8"]
    assert sections(p).item(3) == "8"


def test_each_row_of_an_item_table_is_its_own_item():
    minute = "Minutes of 19 December 2012\nThe minutes were agreed."
    p = part([["1.", "Welcome and Apologies\nNone."], ["4.", minute, "AW"]])
    smap = sections(p)
    assert numbers(p) == ["1", "4"]
    assert smap.item(0, minute) == "4" and smap.item(0, "Welcome and Apologies\nNone.") == "1"


def test_status_table_rows_are_not_items():
    p = part("#5. Delivery Plan", [["Ref", "Action", "Timescale", "RAG"],
                                   ["3b", "Engage champions", "Dec 18", "Green"]])
    assert numbers(p) == ["5"]


def test_headings_between_pieces_of_an_item_table_are_its_sub_headings():
    # minutes set out as a table: a page break leaves the cell's text as loose blocks
    p = part([["3.", "Minutes of previous meeting\nAgreed."], ["4.", "Decisions\n1. Review"]],
             "#4. Opening Hours at Great Cornard Library",
             "The Board agreed unanimously to accept this proposal.",
             [["", "7. Marketing Group"], ["5.", "Update from Committees"]])
    assert numbers(p) == ["3", "4", "5"]
    assert sections(p).item(2) == "4"


def test_codes_read_as_a_margin_column_go_to_the_titles_beside_them():
    p = part("03.19.01", "03.19.02", "03.19.03", "Apologies\nApologies had been received.",
             "Declarations of interest\nThere were none.",
             "Norma Jones asked why a small oak tree had been planted on the\ncommon land.",
             "Trees\nIt has been agreed that no work would be done.")
    smap = sections(p)
    assert [smap.item(n) for n in (3, 4, 5, 6)] == ["03.19.01", "03.19.02", "03.19.02",
                                                    "03.19.03"]
    assert [(i.number, i.title) for i in extract_items(p, meeting())] == [
        ("03.19.01", "Apologies"), ("03.19.02", "Declarations of interest"),
        ("03.19.03", "Trees")]


def _pack(*pages: list[str], papers: list[Paper]) -> Part:
    blocks, n = [], 0
    for number, texts in enumerate(pages, start=1):
        for text in texts:
            kind = "heading" if text.startswith("#") else "list_item"
            blocks.append(Block(index=n, page=number, kind=kind, text=text.lstrip("#")))
            n += 1
    return Part(record="agenda", items=blocks, papers=papers)


def test_agenda_list_entries_and_report_pages_of_a_pack():
    p = _pack(["#Agenda", "1.\tIntroductions and Apologies",
               "2.\tNotes of the Meeting and Matters Arising\t(Pages 1 - 5)",
               "3.\tExploitation and Violence Reduction\t(Pages 6 - 7)\nAndy Smith, Head of Service",
               "1 Members are advised to declare interests in any item on this agenda"],
              ["#Exploitation and Violence Reduction", "#1. Introduction", "Some text."],
              papers=[Paper("agenda", "Agenda", None, 1, 1),
                      Paper("report", "Exploitation and Violence Reduction", "3", 2, 2)])
    items = extract_items(p, meeting())
    assert [(i.number, i.title) for i in items] == [
        ("1", "Introductions and Apologies"), ("2", "Notes of the Meeting and Matters Arising"),
        ("3", "Exploitation and Violence Reduction")]
    assert [sections(p).item(n) for n in (5, 6, 7)] == ["3", "3", "3"]


def test_a_report_stamped_with_an_item_the_agenda_did_not_list_gives_that_item():
    p = _pack(["#Dear Member", "Enclosed are the amendments."],
              ["#Budget Amendment Form", "#1. Amendment", "2. Proposer"],
              papers=[Paper("front", "", None, 1, 1), Paper("report", "Budget", "6", 2, 2)])
    assert numbers(p) == ["6"]


def test_four_part_codes_are_sub_items_of_their_item():
    p = part("#05.25.18\tFinance", "05.25.18.1\tThe bank mandate was amended and signed",
             "05.18.25.4\tThe internal Audit report was received", "#05.25.19\tOther matters")
    assert numbers(p) == ["05.25.18", "05.25.19"]
    assert [sections(p).item(n) for n in (1, 2)] == ["05.25.18.1", "05.18.25.4"]

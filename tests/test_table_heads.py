"""A table's header line printed above its rules rejoins the table (ingest/table_heads.py)."""
from ingest.model import Block, Cell, Page, Table
from ingest.table_heads import attach_header_lines


def _page(line: str, rows: list[list[str]]) -> Page:
    table = Table(index=1, page=1, rows=[[Cell(t, r, c) for c, t in enumerate(row)]
                                         for r, row in enumerate(rows)])
    return Page(number=1, items=[Block(index=0, page=1, kind="heading", text=line), table])


def test_a_header_line_above_a_header_less_action_table_becomes_its_header_row():
    page = _page("REF\tACTION\tOWNER\tDEADLINE",
                 [["4.1", "Obtain two quotes for the ramp", "HB", "May 2021"],
                  ["4.2", "Write to the landlord", "Clerk", "June 2021"]])
    attach_header_lines([page])
    assert len(page.items) == 1
    rows = page.items[0].rows
    assert [c.text for c in rows[0]] == ["REF", "ACTION", "OWNER", "DEADLINE"]
    assert all(c.header for c in rows[0]) and not any(c.header for c in rows[1])
    assert [c.row for c in rows[2]] == [2, 2, 2, 2]


def test_a_data_row_or_caption_above_a_table_is_left_alone():
    rows = [["4.1", "Obtain two quotes", "HB"]]
    for line in ("3.9\tRepair the gate\tClerk", "Action plan", "Ann Lee\tBob Ray\tCy Hale"):
        page = _page(line, rows)
        attach_header_lines([page])
        assert len(page.items) == 2, line


def test_a_table_with_titles_of_its_own_keeps_them():
    page = _page("Action\tOwner", [["Action", "Owner"], ["Book the hall", "AL"]])
    attach_header_lines([page])
    assert len(page.items) == 2

"""Register column titles in the short date forms spreadsheets print (issue 9, capability 1):
"12.09.24", "12-Sep-24", "Thu 7 Nov", "Sep 12", and a month alone for a register kept by the
month ("Sep-24"). What a title leaves out (the year, the day) is not compared with the
meeting's date. Every name and date here is invented."""
from __future__ import annotations

import datetime as dt

import pytest

from extract.attendance import extract_attendance
from extract.document.parts import Part
from extract.model import Meeting
from ingest.model import Block, Cell, Table

KEY = "Key: P present   A apologies   N did not attend"


def _register(titles: list[str]) -> Part:
    rows = [["Governor", *titles],
            ["KIT ASHE", "P", "A", "P"],
            ["MINA BROOK", "A", "P", "N"],
            ["OLA CHEN", "P", "P", "P"]]
    table = Table(index=0, page=1, rows=[[Cell(t, r, c) for c, t in enumerate(row)]
                                         for r, row in enumerate(rows)])
    return Part(record="minutes", items=[table, Block(index=1, page=1, kind="paragraph",
                                                      text=KEY)])


@pytest.mark.parametrize("titles", [
    ["12.09.24", "07.11.24", "16.01.25"],
    ["12-Sep-24", "7-Nov-24", "16-Jan-25"],
    ["Thu 12 Sep", "Thu 7 Nov", "Thu 16 Jan"],
    ["Sep 12", "Nov 7", "Jan 16"],
    ["Sep-24", "Nov-24", "Jan-25"],  # one meeting a month
])
def test_short_date_titles_find_the_meetings_column(titles):
    attendees, apologies, flags = extract_attendance(_register(titles),
                                                     Meeting(date=dt.date(2024, 11, 7)))
    assert [a.name for a in attendees] == ["Mina Brook", "Ola Chen"]
    assert [a.name for a in apologies] == ["Kit Ashe"]
    assert not [f for f in flags if f.kind == "attendance-unparsed"]


def test_a_title_with_another_year_is_not_the_meetings_column():
    attendees, _, flags = extract_attendance(_register(["12-Sep-23", "7-Nov-23", "16-Jan-24"]),
                                             Meeting(date=dt.date(2024, 11, 7)))
    assert attendees == []
    assert "attendance-unparsed" in [f.kind for f in flags]  # no column for 7 Nov 2024

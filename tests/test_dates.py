import datetime as dt

import pytest
from _build import part

from extract.actions.due import Calendar, Due, due_cell, due_in, next_meeting_in
from extract.document.dates import find_dates

D = dt.date
SEPT = Calendar(D(2019, 9, 17))
WITH_NEXT = Calendar(D(2019, 9, 17), D(2019, 11, 26), "Corporate Parenting Board")


@pytest.mark.parametrize("text,expected", [
    ("Minutes of the Meeting held on Tuesday, 17th September, 2019 at 6.00 pm", D(2019, 9, 17)),
    ("ON 31st October 2024", D(2024, 10, 31)),
    ("Newbiggin Parish Council - 3 rd September 2019", D(2019, 9, 3)),
    ("Meeting of May 5th 2015", D(2015, 5, 5)),
    ("2016-05-26 draft Open Board Minutes", D(2016, 5, 26)),
    ("Timescale 18/02/2019", D(2019, 2, 18)),
    ("by 03.09.2019", D(2019, 9, 3)),
])
def test_full_dates(text, expected):
    assert find_dates(text)[0].date == expected


def test_minute_numbers_are_not_dates():
    # parish minute numbers look like dd.mm.yy
    assert find_dates("19.09.01 Apologies  16.07.5 Planning") == []


def test_dated_deadlines_resolve_against_the_meeting_not_today():
    assert due_in("Clerk to reply by 30 June", SEPT).date == D(2020, 6, 30)
    assert due_in("help with the move at 5:30 16th September",
                  Calendar(D(2015, 8, 4))).date == D(2015, 9, 16)
    assert due_in("attend the next Events Group meeting, 24th August 1pm",
                  Calendar(D(2015, 8, 4))).date == D(2015, 8, 24)
    assert due_in("a report to the April 14, 2015 meeting of the Committee",
                  Calendar(D(2015, 3, 25))).date == D(2015, 4, 14)


def test_a_date_that_is_no_deadline_is_not_a_due_date():
    assert due_in("ideas for the children's event planned for 13th December", SEPT) == Due()
    assert due_in("follow up the visit on 3rd May 2019", SEPT).date is None  # history


def test_a_name_after_by_is_not_a_deadline():
    assert due_in("Sam to address the concerns raised by LINX", SEPT).text is None
    assert due_in("This will be achieved by the Trustees funding it", SEPT).text is None


def test_month_deadlines():
    assert due_in("by the end of March", SEPT).date == D(2020, 3, 31)
    assert due_in("review before March", SEPT).date == D(2020, 2, 29)
    assert due_in("complete by October 2019", SEPT).date == D(2019, 10, 31)
    assert due_in("was raised in March", SEPT).text is None  # when, not by when


def test_next_meeting_resolves_only_when_its_date_is_known():
    due = due_in("report back to the next meeting", WITH_NEXT)
    assert (due.date, due.text, due.doubt) == (D(2019, 11, 26), "to the next meeting", None)
    due = due_in("report back to the next meeting", SEPT)
    assert due.date is None and due.doubt
    assert due_in("before the next board meeting", WITH_NEXT).date == D(2019, 11, 26)


def test_another_bodys_or_an_undated_meeting_is_left_open_with_a_reason():
    due = due_in("a list for the next Finance & Audit meeting", WITH_NEXT)
    assert due.date is None and "another meeting" in due.doubt
    due = due_in("a presentation at the next possible meeting", WITH_NEXT)
    assert due.date is None and due.doubt
    assert due_in("brought back to a future meeting of the Panel", WITH_NEXT).date is None


def test_a_month_meeting_is_the_next_meeting_when_the_months_agree():
    june = Calendar(D(2018, 5, 2), D(2018, 6, 6))
    assert due_in("the plan was on the June agenda", june).date == D(2018, 6, 6)
    assert due_in("complete the paperwork at the meeting in June", june).date == D(2018, 6, 6)
    due = due_in("at the meeting in July", june)
    assert due.date is None and due.doubt


def test_relative_deadlines_keep_their_words_without_a_date():
    due = due_in("will be presented to the Commissioner next week", SEPT)
    assert (due.date, due.text, due.doubt) == (None, "next week", None)


def test_a_by_when_cell():
    assert due_cell("30/06/2025", SEPT).date == D(2025, 6, 30)
    assert due_cell("March", SEPT).date == D(2020, 3, 31)
    assert due_cell("Next meeting", WITH_NEXT).date == D(2019, 11, 26)
    assert due_cell("Ongoing", SEPT) == Due(None, "Ongoing")


def test_next_meeting_date_from_a_table_cell_without_a_year():
    p = part([["12.", ("Date of Next Meeting & Forward agenda\nBoard Away Day 18th February\n"
                      "Board Meeting 26th February")]])
    assert next_meeting_in(p, D(2013, 1, 24)) == D(2013, 2, 26)


def test_next_meeting_date_from_a_list_of_dates():
    p = part("Date of next meetings : last Thursday of the month 7.30pm:\n26th June, 31st July")
    assert next_meeting_in(p, D(2025, 5, 20)) == D(2025, 6, 26)


@pytest.mark.parametrize("text,expected", [
    ("Meeting held on Thursday 07-Mar-2019 at 19:30", D(2019, 3, 7)),  # hyphenated
    ("Friday 15-Nov- 2019 at 7pm", D(2019, 11, 15)),
    ("HELD ON FRIDAY, 14” JUNE\n2019, AT 10:00 A.M.", D(2019, 6, 14)),  # OCR's superscript "th"
    ("held in the hall on Tuesday3rd March 2020 at", D(2020, 3, 3)),  # a web page's lost space
])
def test_full_dates_in_other_written_forms(text, expected):
    assert find_dates(text)[0].date == expected


def test_a_us_numeric_date_reads_month_first_only_where_day_first_is_no_date():
    assert find_dates("REVISED 4/23/19")[0].date == D(2019, 4, 23)
    assert find_dates("by 05/06/2019")[0].date == D(2019, 6, 5)  # ambiguous: day first


@pytest.mark.parametrize("text,expected", [
    ("held on the 9th day of March, 2021 at 7 p.m.", D(2021, 3, 9)),  # formal US/Irish minutes
    ("Meeting of 14-10-2020", D(2020, 10, 14)),
])
def test_formal_and_hyphen_numeric_dates(text, expected):
    assert find_dates(text)[0].date == expected

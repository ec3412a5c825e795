import datetime as dt

import pytest

from extract.dates import find_dates, resolve_due

D = dt.date


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


def test_due_dates_resolve_against_the_meeting_not_today():
    meeting = D(2019, 9, 17)
    assert resolve_due("by 30 June", meeting) == (D(2020, 6, 30), "30 June")
    assert resolve_due("by the end of October", meeting)[0] == D(2019, 10, 31)
    assert resolve_due("report back to the next meeting", meeting, D(2019, 11, 26)) == (
        D(2019, 11, 26), "next meeting")
    assert resolve_due("report back to the next meeting", meeting) == (None, "next meeting")
    assert resolve_due("as soon as possible", meeting) == (None, None)

from extract.items import extract_items
from extract.sections import sections

from _build import meeting, part


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
    assert [i.number for i in extract_items(p, meeting())] == ["4"]
    assert sections(p).item(2) == "4"

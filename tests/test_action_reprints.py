"""An action table reprinted at the end of the minutes ("Action list summary") without its
header row: read under the header of the action table it reprints (invented text)."""
from _build import meeting, part, roster

from extract.actions import extract_actions

PEOPLE = roster(("Mike Stephens", "MS", None), ("Kate Vale", "KV", None),
                ("Carol Flynn", "CF", "Clerk"))
CARRIED = [["No", "Action", "Owner", "Update"],
           ["Jun24.01", "KV to get quotes for relining the pavilion gutters", "KV", "One quote in"],
           ["Jun24.02", "MS to write to the bus company about the timetable", "MS", "Done"]]


def _rows(p):
    acts, _ = extract_actions(p, meeting(), PEOPLE)
    return [(a.ref, a.text, a.owners) for a in acts]


def test_a_summary_table_without_its_header_is_read_under_the_earlier_tables_header():
    p = part("#Actions from the last meeting", CARRIED,
             "#Action list summary",
             [["Jun24.01", "KV to get quotes for relining the pavilion gutters", "KV", ""],
              ["Jul24.01", "Repaint the noticeboard by the shop", "MS", ""],
              ["Jul24.02", "Book the hall for the autumn quiz night", "CF", ""]])
    got = _rows(p)
    assert ("Jul24.01", "Repaint the noticeboard by the shop", ["Mike Stephens"]) in got
    assert ("Jul24.02", "Book the hall for the autumn quiz night", ["Carol Flynn"]) in got


def test_a_headerless_table_of_the_same_width_without_references_is_not_read_as_actions():
    p = part("#Actions from the last meeting", CARRIED,
             "#Invoices to be approved",
             [["Village Hall", "Room hire for the quiz night", "45.00", "0.00"],
              ["Green Contractors", "Grass cutting on the playing field", "350.00", "70.00"],
              ["Office Supplies", "Printer ink for the clerk", "32.50", "6.50"]])
    assert [r for r in _rows(p) if r[0] is None or not r[0].startswith("Jun24")] == []

"""Splitting a file into the meetings it records: packs, joint sessions, plain minutes."""
import datetime as dt

from extract.meeting import describe
from extract.parts import split_parts
from ingest.model import Block, Document, Page, Source


def _doc(pages: list[list[tuple[str, str]]]) -> Document:
    out, n = [], 0
    for number, blocks in enumerate(pages, start=1):
        page = Page(number=number)
        for kind, text in blocks:
            page.items.append(Block(index=n, page=number, kind=kind, text=text))
            n += 1
        out.append(page)
    return Document(Source("x.pdf", "0" * 64, "pdf", len(out)), pages=out)


def test_agenda_pack_holds_agenda_and_previous_minutes():
    doc = _doc([
        [("heading", "Corporate Parenting Board"),
         ("paragraph", "Meeting to be held on Tuesday, 26th November, 2019 at 6.00 pm"),
         ("heading", "Agenda"), ("list_item", "1. Introductions and Apologies"),
         ("list_item", "2. Notes of the Meeting and Matters Arising from 17 September 2019 "
                       "(Pages 1 - 6)"), ("list_item", "3. Exploitation (Pages 7 - 14)")],
        [("paragraph", "Agenda Item 2"), ("heading", "Corporate Parenting Board"),
         ("heading", "Minutes of the Meeting held on Tuesday, 17th September, 2019 at 6.00 pm"),
         ("paragraph", "Present: County Councillor Ian Brown")],
        [("paragraph", "Agenda Item 3"), ("heading", "Exploitation and Violence Reduction"),
         ("paragraph", "A report of the Head of Service. " * 20)],
    ])
    parts = split_parts(doc)
    assert [p.record for p in parts] == ["agenda", "minutes"]
    agenda, minutes = (describe(p, p.record) for p in parts)
    assert agenda.date == dt.date(2019, 11, 26)
    assert minutes.date == dt.date(2019, 9, 17) and minutes.pages == (2, 2)
    assert parts[0].pages == (1, 3)  # the report after the minutes belongs to the agenda


def test_reference_to_previous_minutes_does_not_start_a_meeting():
    doc = _doc([[("heading", "Minutes of Trustees of The Friends of the Library"),
                 ("heading", "Meeting of 5th May 2015"), ("paragraph", "Present; David Thomas"),
                 ("heading", "2. Minutes of the meeting held 27th January 2015"),
                 ("paragraph", "The minutes of the meeting held on 27 January were approved."),
                 ("paragraph", "RESOLVED that the minutes of the meeting held on 27 January "
                               "2015 be approved.")]])
    parts = split_parts(doc)
    assert len(parts) == 1
    assert describe(parts[0], "minutes").date == dt.date(2015, 5, 5)


def test_minutes_titled_by_body_and_date_above_present_list():
    doc = _doc([
        [("heading", "Audit Committee"), ("heading", "22 October 2009"),
         ("list_item", "1. Declarations of interest"), ("paragraph", "Agenda " + "x" * 400)],
        [("paragraph", "AUDIT COMMITTEE"),
         ("paragraph", "24 SEPTEMBER 2009\nPRESENT:\tDave Roberts (Chairman)")],
        [("paragraph", "AUDIT AND GENERAL PURPOSES COMMITTEES (JOINT SESSION)"),
         ("paragraph", "24 SEPTEMBER 2009\nPRESENT:\tDave Roberts (Chairman)")],
    ])
    parts = split_parts(doc)
    assert [(p.record, p.pages) for p in parts] == [("agenda", (1, 1)), ("minutes", (2, 2)),
                                                    ("minutes", (3, 3))]
    assert [describe(p, p.record).date for p in parts] == [
        dt.date(2009, 10, 22), dt.date(2009, 9, 24), dt.date(2009, 9, 24)]

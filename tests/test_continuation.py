"""Minutes that run on over a part boundary ingest found (a blank sheet, an "Agenda Item"
stamp printed mid-way) stay one meeting: the later part has no date or body of its own."""
from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import func, select

from extract.document.continuation import join_continuations
from extract.document.parts import split_parts
from extract.pipeline import extract
from ingest.model import Block, Document, Page, Source
from ingest.packparts import split_pack
from store import save_extraction, schema

_n = itertools.count()
DAY = dt.date(2025, 6, 5)


def page(number: int, blocks: list[tuple[str, str]]) -> Page:
    return Page(number=number, items=[Block(index=next(_n), page=number, kind=kind, text=text)
                                      for kind, text in blocks])


def item(k: int, topic: str) -> list[tuple[str, str]]:
    return [("heading", f"{k}. {topic.title()}"),
            ("paragraph", f"The Cabinet considered the report on {topic}. Members asked "
                          "about the timetable and the cost of the work."),
            ("paragraph", f"RESOLVED that the recommendations on {topic} be agreed."),
            ("paragraph", f"ACTION: The Director of Finance to circulate a note on {topic} "
                          "to all Members.")]


def minutes(between: list[tuple[str, str]] | None, then: list[tuple[str, str]] | None = None,
            name: str = "m.pdf") -> Document:
    """Four items of a cabinet's minutes, `between` alone on a page (a blank sheet) or
    `then` at the top of the next (a stamp, a title), and four more items."""
    pages = [page(1, [("heading", "Shire County Council"),
                      ("heading", "Minutes of the meeting of the Cabinet held on Thursday, "
                                  "5 June 2025 at 10.00 am"),
                      ("paragraph", "Present: Mrs A Bell (Chair), Mr T Reed, Mr J Gale")]
                  + item(1, "highways plan")),
             page(2, item(2, "school places") + item(3, "library hours")),
             page(3, item(4, "waste contract"))]
    if between:
        pages.append(page(4, between))
    rest = [(then or []) + item(5, "bus routes") + item(6, "care homes"),
            item(7, "parks review") + item(8, "council tax")]
    for blocks in rest:
        pages.append(page(len(pages) + 1, blocks))
    doc = Document(Source(name, name.ljust(64, "0"), "pdf", len(pages)), pages=pages)
    doc.parts = split_pack(doc)
    return doc


BLANK = [("paragraph", "This page is intentionally left blank")]
STAMP = [("paragraph", "Agenda Item 5")]


def test_minutes_over_a_blank_sheet_or_a_stamp_are_one_meeting():
    for doc in (minutes(BLANK), minutes(None, STAMP)):
        assert len(doc.parts) == 2  # ingest sees two papers
        [meeting] = extract(doc).meetings
        assert (meeting.record, meeting.date, meeting.body) == ("minutes", DAY, "Cabinet")
        assert len(meeting.actions) == 8 and meeting.pages[1] == len(doc.pages)


def test_later_part_with_a_date_or_body_of_its_own_stays_a_meeting():
    dated = [("heading", "Minutes of the meeting of the Cabinet held on 3 July 2025")]
    named = [("heading", "Minutes of the Licensing Committee")]
    for head in (dated, named):
        doc = minutes(BLANK, head)
        parts = split_parts(doc)
        assert len(join_continuations(parts)) == len(parts) == 2


def test_part_after_an_agenda_is_not_folded_into_it():
    agenda = page(1, [("heading", "Cabinet"), ("heading", "Agenda"),
                      ("paragraph", "Meeting to be held on Thursday, 3 July 2025"),
                      ("list_item", "1. Apologies"), ("list_item", "2. Budget report"),
                      ("paragraph", "Members are asked to read the papers. " * 12)])
    notes = page(2, [("heading", "Minutes"), ("paragraph", "Present: Mr T Reed"),
                     ("paragraph", "Notes of a workshop. " * 40)])
    doc = Document(Source("a.pdf", "a" * 64, "pdf", 2), pages=[agenda, notes])
    parts = split_parts(doc)
    assert [p.record for p in parts] == ["agenda", "minutes"]
    assert len(join_continuations(parts)) == 2


def test_the_store_keeps_one_meeting_for_minutes_and_their_pack_copy(session):
    save_extraction(session, extract(minutes(BLANK, name="minutes.pdf")))
    save_extraction(session, extract(minutes(None, STAMP, name="pack.pdf")))
    assert session.scalar(select(func.count()).select_from(schema.Meeting)) == 1
    assert session.scalar(select(func.count()).select_from(schema.Action)) == 8


def test_minutes_stamp_printed_again_mid_way_in_a_pack_does_not_end_them():
    # the pack's agenda, then item 2's minutes stamped "Agenda Item 2" on their first page and
    # again where the second file they were assembled from begins, then item 3's report
    front = page(1, [("heading", "Cabinet"), ("heading", "Agenda"),
                     ("paragraph", "Meeting to be held on Thursday, 3 July 2025 at 10.00 am"),
                     ("list_item", "1. Apologies"),
                     ("list_item", "2. Minutes of the meeting held on 5 June 2025 (Pages 2 - 6)"),
                     ("list_item", "3. Budget report (Pages 7 - 7)")])
    inner = minutes(None, [("paragraph", "Agenda Item 2")])
    pages = [front]
    for p in inner.pages:
        p.number += 1
        for it in p.items:
            it.page = p.number
        pages.append(p)
    pages[1].items.insert(0, Block(index=-1, page=2, kind="paragraph", text="Agenda Item 2"))
    pages.append(page(len(pages) + 1, [("paragraph", "Agenda Item 3"), ("heading", "Budget"),
                                       ("paragraph", "A report of the Director. " * 30)]))
    doc = Document(Source("p.pdf", "p" * 64, "pdf", len(pages)), pages=pages)
    doc.parts = split_pack(doc)
    agenda, held = extract(doc).meetings
    assert (held.date, held.pages, len(held.actions)) == (DAY, (2, 6), 8)
    assert agenda.date == dt.date(2025, 7, 3)

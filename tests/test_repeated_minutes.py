"""One file carrying the same minutes twice (a draft and the signed copy, a pack that
repeats an appendix): stored as one meeting with one source, the repeat flagged with both
page spans, the facts of the two copies not doubled, and a re-run changing nothing.

Runs on SQLite always; on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from test_store import BODY, ORG, count, ev, save_all, sha, snapshot

from extract.model import Action, Attendee, Extraction, Meeting, Resolution, SourceInfo
from store import save_extraction, schema

SEPT = dt.date(2024, 9, 10)


def copy_of_minutes(pages: tuple[int, int], *, signed: bool) -> Meeting:
    first = pages[0]
    actions = [Action("2", "Sam Gorton to write to the police about a representative",
                      owners=["Sam Gorton"], evidence=ev(first, 4))]
    if signed:  # the signed copy adds what the draft lacked
        actions.append(Action("3", "Clerk to circulate the signed minutes", owners=["Clerk"],
                              evidence=ev(first, 5)))
    return Meeting(
        body=BODY, organisation=ORG, date=SEPT, record="minutes", pages=pages,
        attendees=[Attendee("Sue Prynn", title="Cllr", role="Chair", evidence=ev(first, 1)),
                   Attendee("Sam Gorton", category="officer", evidence=ev(first, 2))],
        resolutions=[Resolution("2", "That the membership be agreed.", ev(first, 3))],
        actions=actions)


def draft_and_signed() -> Extraction:
    return Extraction(SourceInfo("minutes-2024-09-10-pack.pdf", sha("draft+signed"), "pdf", 8),
                      meetings=[copy_of_minutes((1, 4), signed=False),
                                copy_of_minutes((5, 8), signed=True)])


def test_minutes_twice_in_one_file_are_one_meeting_with_the_repeat_flagged(
        session: Session) -> None:
    result = save_extraction(session, draft_and_signed())
    assert result.outcome == "saved" and result.meetings == 1 and result.new_meetings == 1
    assert count(session, schema.Meeting) == 1
    [source] = session.scalars(select(schema.MeetingSource)).all()
    assert (source.first_page, source.last_page) == (1, 4)  # the first copy's pages
    assert count(session, schema.Attendance) == 2  # not doubled by the second copy
    assert count(session, schema.Resolution) == 1
    assert sorted(session.scalars(select(schema.Action.text))) == [
        "Clerk to circulate the signed minutes",  # only the signed copy has it
        "Sam Gorton to write to the police about a representative"]
    assert result.duplicates_skipped == 4  # two attendees, a resolution, an action
    [flag] = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "meeting-repeated")).all()
    assert flag.meeting_id == source.meeting_id and flag.page == 5
    assert flag.extractor == "store"
    assert "pages 1-4" in flag.message and "pages 5-8" in flag.message


def test_rerunning_a_file_with_minutes_twice_changes_nothing(session: Session) -> None:
    save_all(session, draft_and_signed())
    before = snapshot(session)
    again = save_extraction(session, draft_and_signed())
    assert again.outcome == "unchanged"
    assert snapshot(session) == before


def test_rereading_a_partial_file_with_minutes_twice_doubles_nothing(
        session: Session) -> None:
    """A partial record read again by a new reader replaces the old reading: still one
    source, one repeat flag, the copies' facts once."""
    draft_only = draft_and_signed()
    draft_only.meetings = draft_only.meetings[:1]
    draft_only.source.status, draft_only.source.problems = "partial", ["page 5 unreadable"]
    save_extraction(session, draft_only, reader="old")
    again = save_extraction(session, draft_and_signed(), reader="new")
    assert again.outcome == "replaced"
    counts, _ = snapshot(session)
    assert (counts["meetings"], counts["meeting_sources"], counts["attendance"],
            counts["actions"]) == (1, 1, 2, 2)
    assert [f.kind for f in session.scalars(select(schema.Flag))] == ["meeting-repeated"]
    before = snapshot(session)
    assert save_extraction(session, draft_and_signed(), reader="new").outcome == "unchanged"
    assert snapshot(session) == before


def test_minutes_twice_without_pages_are_flagged_without_pages(session: Session) -> None:
    """A DOCX has no pages: the repeat is still noted, in words that claim none."""
    x = draft_and_signed()
    for m in x.meetings:
        m.pages = None
    save_extraction(session, x)
    [message] = session.scalars(select(schema.Flag.message).where(
        schema.Flag.kind == "meeting-repeated")).all()
    assert "twice" in message and "page" not in message


def _pdf_with_minutes_twice(path: Path) -> Path:
    from reportlab.pdfgen import canvas
    minutes = ["Corporate Parenting Panel",
               "Minutes of the meeting held on 10 September 2024",
               "Present: Cllr Sue Prynn (Chair), Cllr Ian Brown, Sam Gorton",
               "Apologies: Cllr Jayne Rear",
               "1. Apologies", "Apologies were received from Cllr Rear.",
               "2. Membership", "RESOLVED: That the membership be agreed.",
               "ACTION: Sam Gorton to write to the police about a representative."]
    c = canvas.Canvas(str(path), invariant=1)
    for heading in ("DRAFT", "Signed copy"):
        y = 800
        for line in [heading, *minutes]:
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return path


def test_pdf_with_the_same_minutes_twice_is_stored(session: Session, tmp_path: Path) -> None:
    """The reported failure, from a file: the whole pipeline, then the store."""
    from extract import extract
    from ingest import load

    x = extract(load(_pdf_with_minutes_twice(tmp_path / "minutes-twice.pdf")))
    assert len(x.meetings) == 2  # the premise: extract finds both copies
    result = save_extraction(session, x)
    assert result.outcome == "saved" and result.document_status == "ok"
    assert count(session, schema.Meeting) == count(session, schema.MeetingSource) == 1
    assert count(session, schema.Attendance) == len(x.meetings[0].attendees)
    assert count(session, schema.Action) == 1
    assert session.scalar(select(schema.Flag.message).where(
        schema.Flag.kind == "meeting-repeated")) is not None

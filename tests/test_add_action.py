"""Actions the clerk adds (store.corrections.added): stored as a correction keyed by body,
meeting date and words, materialised as an action row marked as the clerk's, in the listing,
the owner filter, the log and the carry-forward's threads, kept across re-runs and
re-reads, undoable; and due dates as the clerk types them (store.corrections.dates).

Runs on SQLite always; on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from test_corrections import (
    DEC,
    NEW,
    OLD,
    SEPT,
    TODAY,
    dec_minutes,
    sept_minutes,
    snapshot,
)

from extract.model import Action
from reports.table import action_row
from store import action_log, outstanding_actions, save_extraction, schema
from store.corrections import (
    CorrectionError,
    add_action,
    correct_action,
    read_due,
    reapply_corrections,
    undo_correction,
)

MISSED = "Sue Prynn to invite the youth council to the next panel"


def meeting_on(session: Session, date: dt.date) -> int:
    return session.scalar(select(schema.Meeting.id).where(schema.Meeting.date == date))


def added(session: Session):  # type: ignore[no-untyped-def]
    return [a for a in outstanding_actions(session, today=TODAY, status="all")
            if a.text == MISSED]


def rows_of(session: Session) -> int:
    return session.scalar(select(func.count()).where(schema.Action.text == MISSED)) or 0


def test_an_added_action_is_listed_owned_and_threaded_like_an_extracted_one(
        session: Session) -> None:
    save_extraction(session, sept_minutes())
    done = add_action(session, meeting_on(session, SEPT), MISSED, owners=["Prynn"], due=DEC,
                      page=3, note="missed by the reader")
    assert [o.person for o in done.owners] == ["Sue Prynn"]  # resolved to the body's people
    [view] = added(session)
    assert view.added_by_clerk and view.owners == ("Sue Prynn",) and view.due == DEC
    assert view.thread_id and view.meeting_date == SEPT and view.source_page == 3
    assert view.id == done.action_id
    assert any(str(cell) == "added by the clerk (minutes-2024-09-10.pdf) p.3"
               for cell in action_row(view))
    mine = outstanding_actions(session, today=TODAY, owner="Sue Prynn")
    assert done.action_id in [a.id for a in mine]
    assert MISSED in [a.text for a in action_log(session, today=TODAY)]
    # an added action takes corrections like any other
    correct_action(session, done.action_id, status="closed", note="invited by letter")
    [closed] = added(session)
    assert (closed.status, closed.closed_by, closed.status_text) == \
        ("closed", "clerk", "invited by letter")


def test_an_added_action_survives_a_rerun_and_a_reread_once(session: Session) -> None:
    save_extraction(session, sept_minutes(status="partial"), reader=OLD)
    save_extraction(session, dec_minutes(), reader=OLD)
    add_action(session, meeting_on(session, SEPT), MISSED, owners=["Sue Prynn"])
    before = snapshot(session)
    assert save_extraction(session, sept_minutes("v1", "partial"), reader=OLD).outcome \
        == "unchanged"
    reapply_corrections(session)
    session.commit()
    assert snapshot(session) == before
    # a re-read drops the document's rows: the clerk's action is made again, once
    save_extraction(session, sept_minutes("v1", "partial"), reader=NEW)
    assert rows_of(session) == 1
    [view] = added(session)
    assert view.added_by_clerk and view.owners == ("Sue Prynn",) and view.thread_id


def test_an_added_action_gives_way_when_a_new_version_of_the_paper_has_it(
        session: Session) -> None:
    save_extraction(session, sept_minutes())
    done = add_action(session, meeting_on(session, SEPT), MISSED, owners=["Sue Prynn"])
    v2 = sept_minutes("v2")
    meeting = v2.meetings[0]
    v2 = dataclasses.replace(v2, meetings=[dataclasses.replace(meeting, actions=[
        *meeting.actions, Action("6", MISSED, owners=["Sue Prynn"])])])
    save_extraction(session, v2)  # the same file name, new bytes: it supersedes v1
    assert rows_of(session) == 1
    [view] = added(session)
    assert not view.added_by_clerk and view.owners == ("Sue Prynn",)
    correction = session.get(schema.Correction, done.correction_id)
    assert correction is not None and correction.action_id == view.id


def test_an_added_action_can_be_undone(session: Session) -> None:
    save_extraction(session, sept_minutes())
    done = add_action(session, meeting_on(session, SEPT), MISSED)
    assert rows_of(session) == 1
    undone = undo_correction(session, done.correction_id)
    assert undone.kind == "add_action"
    assert rows_of(session) == 0 and added(session) == []
    with pytest.raises(CorrectionError, match="already undone"):
        undo_correction(session, done.correction_id)


def test_adding_words_the_meeting_already_has_is_refused(session: Session) -> None:
    save_extraction(session, sept_minutes())
    with pytest.raises(CorrectionError, match="already has this action"):
        add_action(session, meeting_on(session, SEPT), "  sam gorton to find a police "
                   "REPRESENTATIVE ")
    with pytest.raises(CorrectionError, match="no meeting 999"):
        add_action(session, 999, MISSED)
    with pytest.raises(CorrectionError, match="empty"):
        add_action(session, meeting_on(session, SEPT), "   ")


@pytest.mark.parametrize("typed, date, month_end", [
    ("2025-03-31", dt.date(2025, 3, 31), False),
    ("31 March 2025", dt.date(2025, 3, 31), False),
    ("31/3/25", dt.date(2025, 3, 31), False),
    ("4/3/25", dt.date(2025, 3, 4), False),  # day first
    ("31st Mar", dt.date(2025, 3, 31), False),  # the next 31 March
    ("March 2025", dt.date(2025, 3, 31), True),
    ("end of June", dt.date(2025, 6, 30), True),
])
def test_due_dates_as_the_clerk_types_them(typed: str, date: dt.date, month_end: bool) -> None:
    read = read_due(typed, today=dt.date(2025, 1, 9))
    assert (read.date, read.month_end) == (date, month_end)


@pytest.mark.parametrize("typed", ["soon", "31 Feb 2025", "next meeting", "   "])
def test_a_due_date_that_names_no_day_is_refused(typed: str) -> None:
    with pytest.raises(CorrectionError):
        read_due(typed, today=dt.date(2025, 1, 9))

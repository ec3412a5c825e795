"""Undoing the clerk's corrections (store.corrections.undo), accepting flags and closing a
meeting's flags of one kind at once (store.corrections.flags): after an undo the store is as
if the correction had never been made, and stays so across re-runs and re-reads.

Runs on SQLite always; on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from test_corrections import (
    CHASE,
    DEC,
    LATER,
    LINK,
    MISSING,
    NEW,
    NOTED,
    OLD,
    POLICE,
    SEPT,
    TODAY,
    action_id,
    dec_minutes,
    flag_id,
    sept_minutes,
    sha,
    snapshot,
)

from extract.model import Extraction, Flag, SourceInfo
from store import outstanding_actions, save_extraction, schema
from store.corrections import (
    CorrectionError,
    accept_flag,
    alias,
    bulk_flags,
    correct_action,
    correction_log,
    dismiss_flag,
    dismissed_action_ids,
    merge,
    reapply_corrections,
    undo_correction,
)
from store.people import people_listing


def view(session: Session, words: str):  # type: ignore[no-untyped-def]
    return {a.id: a for a in outstanding_actions(session, today=TODAY, status="all")}.get(
        action_id(session, words))


def is_open(session: Session, message: str) -> bool:
    return bool(session.scalar(select(func.count()).where(
        schema.Flag.message == message, schema.Flag.dismissed.is_(False))))


@pytest.fixture
def stored(session: Session) -> Session:
    save_extraction(session, sept_minutes())
    save_extraction(session, dec_minutes())
    return session


# -- each kind, undone ----------------------------------------------------------------------------

def test_undoing_owner_and_due_puts_the_papers_values_back(stored: Session) -> None:
    done = correct_action(stored, action_id(stored, POLICE), owners=["Ian Brown"], due=LATER)
    owner_fix, due_fix = (c for c, _, _ in done.recorded)
    undone = undo_correction(stored, owner_fix, note="Sam does it after all")
    assert undone.kind == "owner" and "Sam Gorton" in undone.restored[0]
    police = view(stored, POLICE)
    assert police.owners == ("Sam Gorton",) and police.due == LATER
    undo_correction(stored, due_fix)
    assert view(stored, POLICE).due == DEC  # the paper's
    log = {c.id: c for c in correction_log(stored)}
    assert log[owner_fix].undone_at is not None and log[owner_fix].applies_to is None
    assert log[owner_fix].undone_note == "Sam does it after all"


def test_undoing_the_latest_of_a_kind_brings_back_the_earlier_correction(stored: Session) -> None:
    police = action_id(stored, POLICE)
    correct_action(stored, police, due=LATER)
    second = correct_action(stored, police, due=dt.date(2025, 6, 30)).recorded[0][0]
    assert view(stored, POLICE).due == dt.date(2025, 6, 30)
    undo_correction(stored, second)
    assert view(stored, POLICE).due == LATER
    # and with the earlier one undone too, the paper's again
    first = min(c.id for c in correction_log(stored) if c.kind == "due")
    undo_correction(stored, first)
    assert view(stored, POLICE).due == DEC


def test_undoing_a_status_close_reopens_the_thread(stored: Session) -> None:
    fix = correct_action(stored, action_id(stored, POLICE), status="closed",
                         note="done by email").recorded[0][0]
    closed = view(stored, POLICE)
    assert (closed.status, closed.closed_by, closed.status_text) == \
        ("closed", "clerk", "done by email")
    undo_correction(stored, fix)
    assert (view(stored, POLICE).status, view(stored, POLICE).closed_by) == ("open", None)


def test_undoing_a_dismissed_action_puts_it_back_in_the_listing_and_threads(
        stored: Session) -> None:
    fix = correct_action(stored, action_id(stored, NOTED), dismiss=True).recorded[0][0]
    assert view(stored, NOTED) is None
    undo_correction(stored, fix)
    assert dismissed_action_ids(stored) == set()
    back = view(stored, NOTED)
    assert back is not None and back.thread_id


def test_undoing_a_text_correction_shows_the_papers_words_again(stored: Session) -> None:
    fix = correct_action(stored, action_id(stored, POLICE), text="Sam to find a PC"
                         ).recorded[0][0]
    assert view(stored, POLICE).text == "Sam to find a PC"
    undo_correction(stored, fix)
    assert view(stored, POLICE).text == POLICE


def test_undoing_a_dismissed_flag_opens_it_again(stored: Session) -> None:
    done = dismiss_flag(stored, flag_id(stored, MISSING))
    assert not is_open(stored, MISSING)
    undo_correction(stored, done.correction_id)
    assert is_open(stored, MISSING)


def test_undo_of_an_undone_correction_is_refused(stored: Session) -> None:
    done = dismiss_flag(stored, flag_id(stored, MISSING))
    undo_correction(stored, done.correction_id)
    with pytest.raises(CorrectionError, match="already undone"):
        undo_correction(stored, done.correction_id)
    with pytest.raises(CorrectionError, match="no correction 999"):
        undo_correction(stored, 999)


def test_undoing_an_alias_removes_it_and_the_owner_it_resolved(stored: Session) -> None:
    done = alias(stored, "Ian Brown", "Ian Browne")
    assert view(stored, LINK).owners == ("Ian Brown",)
    undo_correction(stored, done.correction_id)
    people = {p.name: p for p in people_listing(stored)}
    assert "Ian Browne" not in people["Ian Brown"].aliases
    link = view(stored, LINK)
    assert link.owners == ("Ian Browne",) and link.unmatched_owners == ("Ian Browne",)


def test_undoing_a_merge_splits_the_two_people_again(stored: Session) -> None:
    before = {p.name: (p.meetings, p.actions) for p in people_listing(stored)}
    assert before["Susan Prynn"] == (1, 1) and before["Sue Prynn"] == (1, 1)
    done = merge(stored, "Sue Prynn", "Susan Prynn")
    assert "Susan Prynn" not in {p.name for p in people_listing(stored)}
    undone = undo_correction(stored, done.correction_id)
    assert undone.caveats == ()
    people = {p.name: p for p in people_listing(stored)}
    assert (people["Susan Prynn"].meetings, people["Susan Prynn"].actions) == (1, 1)
    assert (people["Sue Prynn"].meetings, people["Sue Prynn"].actions) == (1, 1)
    assert "Susan Prynn" not in people["Sue Prynn"].aliases
    chase = [a.id for a in outstanding_actions(stored, today=TODAY, owner="Susan Prynn")]
    assert chase == [action_id(stored, CHASE)]
    assert action_id(stored, CHASE) not in [
        a.id for a in outstanding_actions(stored, today=TODAY, owner="Sue Prynn")]


def test_undoing_a_merge_of_two_people_at_one_meeting_gives_back_the_dropped_row(
        session: Session) -> None:
    both = sept_minutes()
    meeting = both.meetings[0]
    attendees = [*meeting.attendees,
                 dataclasses.replace(meeting.attendees[0], name="Susan Prynn")]
    save_extraction(session, dataclasses.replace(
        both, meetings=[dataclasses.replace(meeting, attendees=attendees)]))
    done = merge(session, "Sue Prynn", "Susan Prynn")
    assert done.merged is not None and done.merged.dropped["attendance"] == 1
    undo_correction(session, done.correction_id)
    people = {p.name: p.meetings for p in people_listing(session)}
    assert people["Susan Prynn"] == 1 and people["Sue Prynn"] == 1


# -- surviving re-runs ------------------------------------------------------------------------------

def test_an_undo_survives_a_rerun_and_a_reread(session: Session) -> None:
    save_extraction(session, sept_minutes(status="partial"), reader=OLD)
    save_extraction(session, dec_minutes(status="partial"), reader=OLD)
    police = action_id(session, POLICE)
    due = correct_action(session, police, due=LATER).recorded[0][0]
    flag = dismiss_flag(session, flag_id(session, MISSING)).correction_id
    merged = merge(session, "Sue Prynn", "Susan Prynn").correction_id
    for c in (due, flag, merged):
        undo_correction(session, c)
    before = snapshot(session)
    # the same files again: nothing changes
    assert [save_extraction(session, x, reader=OLD).outcome
            for x in (sept_minutes("v1", "partial"), dec_minutes("partial"))] \
        == ["unchanged", "unchanged"]
    reapply_corrections(session)
    session.commit()
    assert snapshot(session) == before
    # read again by a new reader: the rows are made anew, and the undone stay undone
    for x in (sept_minutes("v1", "partial"), dec_minutes("partial")):
        save_extraction(session, x, reader=NEW)
    assert view(session, POLICE).due == DEC
    assert is_open(session, MISSING)
    assert {"Sue Prynn", "Susan Prynn"} <= {p.name for p in people_listing(session)}


# -- accept, and a meeting's flags of one kind at once ----------------------------------------------

def two_of_a_kind() -> Extraction:
    x = sept_minutes()
    return dataclasses.replace(
        x, source=dataclasses.replace(x.source, sha256=sha("two")),
        flags=[Flag("due-unclear", "Due date 'soon' is not a date", page=2),
               Flag("due-unclear", "Due date 'asap' is not a date", page=3),
               Flag("attendance-missing", MISSING, page=1)])


def test_accepting_a_flag_closes_it_and_the_record_says_accepted(session: Session) -> None:
    save_extraction(session, sept_minutes())
    done = accept_flag(session, flag_id(session, MISSING), note="right as read")
    assert done.how == "accept_flag" and not done.already
    assert not is_open(session, MISSING)
    kinds = {c.id: c.kind for c in correction_log(session)}
    assert kinds[done.correction_id] == "accept_flag"
    again = dismiss_flag(session, flag_id(session, MISSING))
    assert again.already and again.how == "accept_flag"
    undo_correction(session, done.correction_id)
    assert is_open(session, MISSING)


def test_bulk_closes_every_open_flag_of_a_kind_in_one_meeting(session: Session) -> None:
    save_extraction(session, two_of_a_kind())
    meeting = session.scalar(select(schema.Meeting.id).where(schema.Meeting.date == SEPT))
    done = bulk_flags(session, meeting, "due-unclear", accept=False, note="no dates here")
    assert done.recorded == 2 and done.how == "dismiss_flag"
    assert not is_open(session, "Due date 'soon' is not a date")
    assert not is_open(session, "Due date 'asap' is not a date")
    assert is_open(session, MISSING)  # another kind: untouched
    undo_correction(session, done.closed[0].correction_id)  # each undoable on its own
    assert is_open(session, "Due date 'soon' is not a date")
    assert not is_open(session, "Due date 'asap' is not a date")
    accepted = bulk_flags(session, meeting, "due-unclear", accept=True)
    assert accepted.recorded == 1 and accepted.how == "accept_flag"
    with pytest.raises(CorrectionError, match="no open flag of kind 'due-unclear'.*"
                                              "attendance-missing"):
        bulk_flags(session, meeting, "due-unclear", accept=True)
    with pytest.raises(CorrectionError, match="no meeting 999"):
        bulk_flags(session, 999, "due-unclear", accept=True)

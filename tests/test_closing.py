"""Closures from every way minutes say an action is done (issue 10): done-reports without a
closing word, closing words glued by bad PDF spacing, narrative under a clerk's report,
"no outstanding actions", rows a reprinted carried-actions table leaves out, and actions
no paper has mentioned for several meetings (stale). All text here is invented."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session
from test_carry import log, one, paper, act
from test_store import ev, save_all

from extract.model import AgendaItem, Resolution
from store.mapping import says_closed, says_done

JAN, FEB, MAR, APR, MAY, JUN = (dt.date(2024, m, 12) for m in range(1, 7))
BENCH = "Clerk to write to the highways team about the broken bench"
SIGN = "HW to replace the faded sign at the recreation ground"


@pytest.mark.parametrize(("words", "closed"), [
    ("Paymentcompleted", True), ("actioncompleted 3 May", True), ("Closedon 4 June", True),
    ("Incomplete", False), ("Uncompleted", False), ("Foreclosed", False),
    ("Undone", False), ("Present", False), ("Completely new approach", False),
])
def test_closing_words_glued_by_bad_spacing(words: str, closed: bool) -> None:
    assert says_closed(words) is closed


@pytest.mark.parametrize(("words", "done"), [
    ("Letter sent", True), ("Quotes obtained and approved", True),
    ("The new bench has been installed", True), ("Now on the website", True),
    ("Invoice paid", True), ("Emailsent 3 March", True), ("Paidby cheque", True),
    ("Application was submitted in May", True),
    ("To be sent next week", False), ("Not yet paid", False), ("Will be installed soon", False),
    ("Letter sent; awaiting reply", False), ("Quote approved, work to be booked", False),
    ("Ongoing", False), ("No responses sent back", False), ("Represented at the meeting", False),
    (None, False),
])
def test_done_reports_without_a_closing_word(words: str | None, done: bool) -> None:
    assert says_done(words) is done


def test_an_update_reporting_the_work_done_closes_the_thread(session: Session) -> None:
    save_all(session, paper(JAN, act(BENCH, ref="Jan24.01")),
             paper(FEB, act(BENCH, ref="Jan24.01", update="Letter sent to highways 2 Feb")))
    a = one(session)
    assert (a.status, a.closed_on, a.closed_by) == ("closed", FEB, "action")
    assert a.status_text == "Letter sent to highways 2 Feb"


def test_a_clerks_report_item_is_where_narrative_speaks_to_actions(session: Session) -> None:
    report = [AgendaItem("5", "Clerk's Report and Actions from previous meeting", ev(1))]
    save_all(session, paper(JAN, act(BENCH)),
             paper(FEB, items=report, resolutions=[Resolution(
                 "5", "The letter to the highways team about the broken bench has been "
                 "sent.", ev(2, 7))]))
    a = one(session)
    assert (a.status, a.closed_by) == ("closed", "matters-arising")
    [m] = a.mentions
    assert (m.source_page, m.note) == (2, "The letter to the highways team about the broken "
                                          "bench has been sent.")

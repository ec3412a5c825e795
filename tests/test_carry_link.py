"""Which thread a later action speaks to, and whose a thread is: a reference reused for
another subject raises a new thread (and a flag), a wording link weakens with the meetings
between, and a thread's owner is the best-resolved one its mentions printed.

Invented records, built with test_carry's helpers; SQLite always, PostgreSQL when configured.
"""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session
from test_carry import DEC, GORTON, MAR, PRYNN, SEPT, TODAY, act, log, paper
from test_store import all_open_flags, save_all

from store.carry.said import wording_bar
from store.queries import outstanding_actions

VENUE = "Clerk to book the village hall for the summer fete committee"


# -- references and words ---------------------------------------------------------------------

def test_a_reused_reference_raises_a_new_thread_while_a_status_row_still_links(
        session: Session) -> None:
    save_all(session,
             paper(SEPT, act(GORTON, ref="Sep24.03")),
             paper(DEC, act("Done", ref="Sep24.03", status="Done")),  # a status row
             paper(MAR, act(VENUE, ref="Sep24.03", owners=["Clerk"])))  # the clerk reused it
    threads = {a.text: a for a in log(session)}
    assert set(threads) == {GORTON, VENUE}
    assert (threads[GORTON].status, threads[GORTON].closed_on) == ("closed", DEC)
    assert [m.meeting_date for m in threads[GORTON].mentions] == [DEC]
    assert (threads[VENUE].status, threads[VENUE].mentions) == ("open", ())
    [flag] = [f for f in all_open_flags(session) if f.kind == "reference-reused"]
    assert GORTON in flag.message and VENUE in flag.message and "Sep24.03" in flag.message
    assert (flag.meeting_date, flag.page) == (MAR, 2)


def test_a_reused_reference_is_flagged_once_across_rebuilds(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.03")),
             paper(DEC, act(VENUE, ref="Sep24.03", owners=["Clerk"])),
             paper(MAR, act("Clerk to print the agenda for the annual meeting")))
    assert [f.kind for f in all_open_flags(session)].count("reference-reused") == 1


def test_one_reference_printed_for_two_actions_of_a_meeting_is_flagged(session: Session
                                                                      ) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.03"),
                            act(VENUE, ref="Sep24.03", owners=["Clerk"]),
                            act("Find a Police Representative for the board", ref="Sep24.04")))
    assert {a.text for a in log(session)} >= {GORTON, VENUE}
    [flag] = [f for f in all_open_flags(session) if f.kind == "reference-reused"]
    assert GORTON in flag.message and VENUE in flag.message and flag.meeting_date == SEPT


def test_one_action_printed_twice_under_its_reference_in_a_meeting_is_one_thread(
        session: Session) -> None:
    # the action list and its reprint at the end of the minutes
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.03"),
                            act(f"Police - {GORTON}", ref="Sep24.03", page=5)))
    [thread] = log(session)
    assert [m.source_page for m in thread.mentions] == [5]
    assert not [f for f in all_open_flags(session) if f.kind == "reference-reused"]


def test_a_later_row_with_the_reused_reference_speaks_to_the_subject_it_names(
        session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.03")),
             paper(DEC, act(VENUE, ref="Sep24.03", owners=["Clerk"])),
             paper(MAR, act("Book the village hall for the fete committee", ref="Sep24.03",
                            owners=["Clerk"], update="Booked for July")))
    threads = {a.text: a for a in log(session)}
    assert threads[GORTON].mentions == ()
    assert [m.meeting_date for m in threads[VENUE].mentions] == [MAR]


def test_an_action_restated_under_a_new_reference_links_by_its_words(session: Session
                                                                     ) -> None:
    # Clerks number each meeting's list afresh ("Dec24.04") and carry old actions into it.
    save_all(session, paper(SEPT, act(PRYNN, ref="Sep24.01", owners=["Prynn"])),
             paper(DEC, act(PRYNN, ref="Dec24.04", owners=["Prynn"])),
             paper(MAR, act("Write to the Minister", ref="Dec24.04", owners=["Prynn"],
                            update="Completed")))
    [a] = log(session)
    assert [m.meeting_date for m in a.mentions] == [DEC, MAR]
    assert a.status == "closed"


# -- distance in time ---------------------------------------------------------------------------

def _monthly(n: int) -> dt.date:
    return dt.date(2022 + n // 12, n % 12 + 1, 15)


@pytest.mark.parametrize(("meetings", "restated", "linked"), [
    (1, PRYNN.replace("about", "regarding"), True),
    (2, PRYNN.replace("about", "regarding"), True),  # one or two meetings on: as before
    (4, PRYNN.replace("about", "regarding"), False),  # reworded, four meetings on: too far
    (4, PRYNN.replace("Minister", "Ministers"), True),  # nearly the same words still link
    (6, PRYNN, True),  # the same words, half a year on
    (7, PRYNN, False),
    (20, PRYNN, False),  # twenty months on: a new action
])
def test_a_wording_link_weakens_with_the_meetings_between(
        session: Session, meetings: int, restated: str, linked: bool) -> None:
    papers = [paper(_monthly(0), act(PRYNN, owners=["Prynn"]))]
    papers += [paper(_monthly(n), act(f"Clerk to file the papers of meeting {n}",
                                      owners=["Clerk"])) for n in range(1, meetings)]
    papers.append(paper(_monthly(meetings), act(restated, owners=["Prynn"])))
    save_all(session, *papers)
    prynn = [a for a in log(session) if "Minister" in a.text]
    assert len(prynn) == (1 if linked else 2)


def test_the_bar_rises_from_near_to_the_same_words_and_beyond() -> None:
    assert wording_bar(1) == wording_bar(2) == 0.9
    assert wording_bar(3) > 0.9 and wording_bar(6) == 1.0 and wording_bar(7) > 1.0


def test_a_mention_keeps_the_thread_near_in_time(session: Session) -> None:
    # Restated by reference every meeting, the thread is never far: its words still link.
    papers = [paper(_monthly(0), act(PRYNN, ref="Jan22.01", owners=["Prynn"]))]
    papers += [paper(_monthly(n), act("Minister letter", ref="Jan22.01", owners=["Prynn"]))
               for n in range(1, 9)]
    papers.append(paper(_monthly(9), act(PRYNN.replace("about", "regarding"),
                                         owners=["Prynn"])))
    save_all(session, *papers)
    [a] = log(session)
    assert len(a.mentions) == 9


# -- owners -------------------------------------------------------------------------------------

def test_an_unresolved_owner_does_not_replace_a_resolved_one(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.01")),
             paper(DEC, act(GORTON, ref="Sep24.01", owners=["SGX (?)"])))
    [a] = outstanding_actions(session, today=TODAY, owner="Sam Gorton")
    assert a.owners == ("Sam Gorton",)


def test_a_poorer_reading_of_two_owners_keeps_both(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.01", owners=["Sam Gorton", "Prynn"])),
             paper(DEC, act(GORTON, ref="Sep24.01", owners=["Sam Gorton", "SPX"])))
    [a] = outstanding_actions(session, today=TODAY, owner="Sue Prynn")
    assert set(a.owners) == {"Sam Gorton", "Sue Prynn"}


def test_an_owner_no_paper_resolved_is_the_latest_printed(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.01", owners=["Zed Quill"])),
             paper(DEC, act(GORTON, ref="Sep24.01", owners=["Yan Orrow"])),
             paper(MAR, act(GORTON, ref="Sep24.01", owners=[])))
    [a] = log(session)
    assert a.owners == ("Yan Orrow",)


def test_a_later_owner_resolving_to_another_person_reassigns(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.01")),
             paper(DEC, act(GORTON, ref="Sep24.01", owners=["SGX (?)"])),
             paper(MAR, act(GORTON, ref="Sep24.01", owners=["Prynn"])))
    [a] = log(session)
    assert a.owners == ("Sue Prynn",)

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

from extract.model import Action, AgendaItem, Resolution
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
    # a member's initials in capitals are not the word "no"
    ("NO has sent a letter to the owner", True), ("No letter sent", False),
    (None, False),
])
def test_done_reports_without_a_closing_word(words: str | None, done: bool) -> None:
    assert says_done(words) is done


@pytest.mark.parametrize(("words", "handed"), [
    ("Agenda item", True), ("Agenda Item 7", True), ("See item 05.24.06", True),
    ("Covered in item 10", True), ("Next agenda", False), ("On the agenda for March", False),
    ("Quotes awaited. Agenda item", False), ("Agenda item to follow", False), (None, False),
])
def test_an_update_referring_the_action_to_an_item_of_the_meeting(words: str | None,
                                                                   handed: bool) -> None:
    from store.mapping import says_handed_over
    assert says_handed_over(words) is handed


def test_a_row_handed_to_an_agenda_item_closes_at_that_meeting(session: Session) -> None:
    save_all(session, paper(JAN, act(BENCH, ref="Jan24.01"), act(SIGN, ref="Jan24.02")),
             paper(FEB, act(BENCH, ref="Jan24.01", update="Agenda item"),
                   act(SIGN, ref="Jan24.02", update="Next agenda")))
    views = {v.ref: v for v in log(session)}
    assert (views["Jan24.01"].status, views["Jan24.01"].closed_on) == ("closed", FEB)
    assert views["Jan24.02"].status == "open"


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


# -- closures no row states (store/carry/closing.py) -------------------------------------------

REPORT = [AgendaItem("4", "Matters arising from the last meeting", ev(1))]
TABLE = [("Jan24.01", BENCH), ("Jan24.02", SIGN),
         ("Jan24.03", "MK to book the hall for the summer fete"),
         ("Jan24.04", "Clerk to renew the insurance policy before it lapses")]


def test_no_outstanding_actions_closes_what_the_body_carried(session: Session) -> None:
    save_all(session, paper(JAN, act(BENCH), act(SIGN, owners=["HW"])),
             paper(FEB, act("Clerk to order a new litter bin"), items=REPORT,
                   resolutions=[Resolution("4", "There were no outstanding actions from the "
                                           "last meeting.", ev(3, 9))]))
    views = {v.text: v for v in log(session)}
    for text in (BENCH, SIGN):  # raised before the meeting and open: closed, citing it
        v = views[text]
        assert (v.status, v.closed_on, v.closed_by) == ("closed", FEB, "matters-arising")
        [m] = v.mentions
        assert (m.status, m.source_page, m.note) == (
            "closed", 3, "There were no outstanding actions from the last meeting.")
    assert views["Clerk to order a new litter bin"].status == "open"  # raised there


def test_a_row_left_out_of_a_reprinted_table_is_closed_by_omission_and_flagged(
        session: Session) -> None:
    from test_store import all_open_flags
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *[act(t, ref=r, update="In hand", page=4) for r, t in TABLE[1:]]))
    views = {v.ref: v for v in log(session)}
    left = views["Jan24.01"]
    assert (left.status, left.closed_on) == ("closed", FEB)
    assert left.mentions[-1].source_page == 4  # the later table's page
    assert "left out of the carried-actions table" in (left.status_text or "")
    assert all(views[r].status == "open" for r, _ in TABLE[1:])
    [flag] = [f for f in all_open_flags(session) if f.kind == "action-closed-by-omission"]
    assert flag.message.startswith("Jan24.01: closed by omission") and flag.page == 4


def test_a_table_that_reprints_few_rows_closes_nothing_by_omission(session: Session) -> None:
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, act(SIGN, ref="Jan24.02", update="In hand")))
    assert [v.status for v in log(session)] == ["open"] * 4


def test_a_table_carrying_several_rows_again_closes_the_rows_it_drops(
        session: Session) -> None:
    # Clerks drop the done rows from the carried table, so a table that carries two rows
    # on (their references printed again) is the body's table even when it keeps under
    # the share: the two it dropped are closed by omission, each flagged.
    from test_store import all_open_flags
    five = [*TABLE, ("Jan24.05", "HW to ask the county about the flooded footpath")]
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in five]),
             paper(FEB, *[act(t, ref=r, page=4) for r, t in five[3:]]))
    views = {v.ref: v for v in log(session)}
    assert [views[r].status for r, _ in five] == ["closed"] * 3 + ["open"] * 2
    assert views["Jan24.01"].closed_on == FEB
    flags = [f for f in all_open_flags(session) if f.kind == "action-closed-by-omission"]
    assert sorted(f.message[:8] for f in flags) == ["Jan24.01", "Jan24.02", "Jan24.03"]


def test_unnumbered_rows_of_a_referenced_table_are_carried_and_dropped_with_it(
        session: Session) -> None:
    # A clerk numbers some rows of the action table and not others; the next table
    # reprints most of them, one unnumbered row left out. A narrative action elsewhere in
    # the minutes (another page) is no row of that table and stays open.
    from test_store import all_open_flags
    rows = ["MK to book the hall for the summer fete",
            "Clerk to renew the insurance policy before it lapses",
            "HW to ask the county about the flooded footpath"]
    save_all(session, paper(JAN, act(BENCH, ref="Jan24.01"), *[act(t) for t in rows],
                            act("Clerk to thank the volunteers", page=3)),
             paper(FEB, act(BENCH, ref="Jan24.01", update="In hand", page=4),
                   *[act(t, page=4) for t in rows[1:]]))
    views = {v.text: v for v in log(session)}
    assert (views[rows[0]].status, views[rows[0]].closed_on) == ("closed", FEB)
    assert [views[t].status for t in (BENCH, *rows[1:])] == ["open"] * 3
    assert views["Clerk to thank the volunteers"].status == "open"
    [flag] = [f for f in all_open_flags(session) if f.kind == "action-closed-by-omission"]
    assert flag.message.startswith("MK to book the hall")


def test_a_table_carried_from_a_missing_meeting_drops_the_rows_it_leaves_out(
        session: Session) -> None:
    # February's minutes were never published: March's carried-actions table prints rows
    # first seen there, with their references and updates, and none of January's rows.
    # January's rows were dropped at the meeting the store lacks (or at this one): closed
    # by omission, each flagged for the clerk.
    from test_store import all_open_flags
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(MAR, act("NS to order a dog waste bin for the pond", ref="Feb24.01",
                            update="Outstanding", page=4),
                   act("Clerk to chase the road sweeper", ref="Feb24.02",
                       update="Chased 3 March", page=4)))
    views = {v.ref: v for v in log(session)}
    assert [(views[r].status, views[r].closed_on) for r, _ in TABLE] == [("closed", MAR)] * 4
    assert views["Feb24.01"].status == views["Feb24.02"].status == "open"
    flags = [f for f in all_open_flags(session) if f.kind == "action-closed-by-omission"]
    assert len(flags) == 4 and all("meetings not in the store" in f.message for f in flags)


def test_a_table_carrying_older_actions_on_drops_the_rows_it_leaves_out(
        session: Session) -> None:
    # January's table held two rows; its narrative raised two more tasks. February's table
    # numbers those two (with updates) and one of January's rows: it is the body's
    # carried-actions table, though it reprints only one of the two rows it followed.
    narrative = ["MK to book the hall for the summer fete",
                 "Clerk to renew the insurance policy before it lapses"]
    save_all(session, paper(JAN, act(BENCH, ref="Jan24.01"), act(SIGN, ref="Jan24.02"),
                            *[act(t, page=3) for t in narrative]),
             paper(FEB, act(SIGN, ref="Jan24.02", update="In hand", page=4),
                   *[act(t, ref=f"Jan24.0{n}", update="Ongoing", page=4)
                     for n, t in enumerate(narrative, 3)]))
    views = {v.text: v for v in log(session)}
    assert (views[BENCH].status, views[BENCH].closed_on) == ("closed", FEB)
    assert [views[t].status for t in (SIGN, *narrative)] == ["open"] * 3


def test_a_table_of_new_actions_after_a_gap_closes_nothing_by_omission(
        session: Session) -> None:
    # New actions raised at March (references, no updates) say nothing of January's rows.
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(MAR, act("NS to order a dog waste bin", ref="Mar24.01", page=4),
                   act("Clerk to chase the road sweeper", ref="Mar24.02", page=4)))
    assert all(v.status == "open" for v in log(session))


def test_old_actions_restated_without_a_table_close_nothing_by_omission(
        session: Session) -> None:
    # The same two actions said again in the narrative (no reference, no update) do not
    # make a carried table: nothing else is taken as dropped.
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *[act(t) for _, t in TABLE[2:]]))
    assert [v.status for v in log(session)] == ["open"] * 4


def test_an_action_unmentioned_for_several_meetings_is_stale_never_closed(
        session: Session) -> None:
    from test_store import all_open_flags
    save_all(session, paper(JAN, act(BENCH), act(SIGN, owners=["HW"])),
             *[paper(d, act(SIGN, update=f"Still waiting {d:%B}", owners=["HW"]))
               for d in (FEB, MAR, APR)])
    views = {v.text: v for v in log(session)}
    assert (views[BENCH].status, views[BENCH].stale, views[BENCH].stale_since) == (
        "open", True, APR)
    assert not views[SIGN].stale
    [flag] = [f for f in all_open_flags(session) if f.kind == "action-stale"]
    assert flag.meeting_date == JAN and "stale since 2024-04-12" in flag.message
    # A later mention ends it, and the flag goes.
    save_all(session, paper(MAY, act(BENCH, update="Chased again")))
    assert not {v.text: v for v in log(session)}[BENCH].stale
    assert not [f for f in all_open_flags(session) if f.kind == "action-stale"]


def test_a_dismissed_closure_flag_stays_dismissed_across_rebuilds(session: Session) -> None:
    from sqlalchemy import select

    from store import carry, schema
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *[act(t, ref=r, update="In hand") for r, t in TABLE[1:]]))
    flag = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "action-closed-by-omission")).one()
    flag.dismissed = True
    body_ids = set(session.scalars(select(schema.Body.id)))
    carry.refresh(session, body_ids)
    carry.refresh(session, body_ids)
    rows = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "action-closed-by-omission")).all()
    assert [(r.id, r.dismissed) for r in rows] == [(flag.id, True)]


def test_a_dismissed_closure_flag_stays_dismissed_when_its_paper_is_reissued(
        session: Session) -> None:
    # The carry-forward rewrites its flags after the save that dropped the old version's:
    # the clerk's dismissal must be carried over to the flag raised again.
    from sqlalchemy import select

    from store import schema
    feb = [act(t, ref=r, update="In hand", page=4) for r, t in TABLE[1:]]
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *feb, file="minutes-feb.pdf"))
    flag = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "action-closed-by-omission")).one()
    flag.dismissed = True
    session.commit()
    save_all(session, paper(FEB, *feb, act("Clerk to book the hall for the AGM"),
                            file="minutes-feb-v2.pdf"))
    rows = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "action-closed-by-omission")).all()
    assert [(r.message[:8], r.dismissed) for r in rows] == [("Jan24.01", True)]


def test_a_dismissed_closure_flag_stays_dismissed_when_its_paper_is_read_again(
        session: Session) -> None:
    # A partial paper read again by a better reader: the clear removes the flags that cite
    # it, and the carry-forward raises them again; the clerk's dismissal is kept.
    from sqlalchemy import select
    from test_store import NEW, OLD, partial, reread

    from store import schema
    from store.save import save_extraction
    feb = [act(t, ref=r, update="In hand", page=4) for r, t in TABLE[1:]]
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]))
    first = partial(paper(FEB, *feb))
    save_extraction(session, first, reader=OLD)
    flag = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "action-closed-by-omission")).one()
    flag.dismissed = True
    session.commit()
    result = save_extraction(session, reread(paper(FEB, *feb), sha_of=first), reader=NEW)
    assert result.outcome == "replaced"
    rows = session.scalars(select(schema.Flag).where(
        schema.Flag.kind == "action-closed-by-omission")).all()
    assert [(r.message[:8], r.dismissed) for r in rows] == [("Jan24.01", True)]


def _row(text_: str, ref: str, *, page: int, block: int, update: str | None = None,
         status: str | None = None) -> Action:
    """A row of one table: rows of one table share its page and block."""
    return Action("4", text_, owners=["Sam Gorton"], ref=ref, update=update, status=status,
                  evidence=ev(page, block))


def test_a_row_the_closing_summary_leaves_out_was_dropped_at_that_meeting(
        session: Session) -> None:
    # February's minutes review every carried row in the clerk's report, then end with a
    # summary of the actions still open that reprints three of the four as they stand:
    # the fourth was dropped there, at February, not at March's table.
    from test_store import all_open_flags
    review = [_row(t, r, page=2, block=10, update="In hand") for r, t in TABLE]
    summary = [_row(t, r, page=5, block=40, update="In hand") for r, t in TABLE[1:]]
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *review, *summary))
    views = {v.ref: v for v in log(session)}
    dropped = views["Jan24.01"]
    assert (dropped.status, dropped.closed_on) == ("closed", FEB)
    assert dropped.mentions[-1].source_page == 5  # the summary's page
    assert "left out of the action summary" in (dropped.status_text or "")
    assert [views[r].status for r, _ in TABLE[1:]] == ["open"] * 3
    [flag] = [f for f in all_open_flags(session) if f.kind == "action-closed-by-omission"]
    assert flag.message.startswith("Jan24.01: closed by omission") and flag.page == 5


def test_a_second_table_of_new_actions_drops_nothing(session: Session) -> None:
    # The review table, then a table of the actions the meeting raised: it reprints none
    # of the reviewed rows, so it is no summary of them.
    review = [_row(t, r, page=2, block=10, update="In hand") for r, t in TABLE]
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *review, _row("Clerk to order two new litter bins", "Feb24.01",
                                      page=5, block=40)))
    assert {v.status for v in log(session)} == {"open"}


def test_a_summary_carrying_a_done_row_in_new_words_keeps_the_action_open(
        session: Session) -> None:
    # Reviewed "Done" (the strimming), the summary carries the reference on with the task
    # left (the work party): open. A done row the summary reprints as it stood, its
    # update cut short, stays closed.
    review = [_row(BENCH, "Jan24.01", page=2, block=10, update="Done"),
              _row(SIGN, "Jan24.02", page=2, block=10,
                   update="County chased for a date. Action closed"),
              *[_row(t, r, page=2, block=10, update="In hand") for r, t in TABLE[2:]]]
    summary = [_row("Work party to clear the ditch behind the broken bench", "Jan24.01",
                    page=5, block=40),
               _row(SIGN, "Jan24.02", page=5, block=40, update="County chased for a date."),
               *[_row(t, r, page=5, block=40, update="In hand") for r, t in TABLE[2:]]]
    save_all(session, paper(JAN, *[act(t, ref=r) for r, t in TABLE]),
             paper(FEB, *review, *summary))
    views = {v.ref: v for v in log(session)}
    assert len(views) == 4 and views["Jan24.01"].status == "open"
    assert (views["Jan24.02"].status, views["Jan24.02"].closed_on) == ("closed", FEB)


@pytest.mark.parametrize(("words", "pairs"), [
    ("Canal Trust re the bridge. A response to the letter sent indicated signs are up",
     [("letter", "send")]),
    ("Quotes have been obtained and approved", [("quote", "obtain"), ("quote", "approv")]),
    ("The invoice was paid on 3 May", [("invoice", "pay")]),
    ("Letter to be sent next week", []), ("Letter not yet sent", []),
])
def test_what_a_done_report_says_was_done(words: str, pairs: list[tuple[str, str]]) -> None:
    from store.mapping import done_pairs
    assert done_pairs(words) == pairs


CORRESPONDENCE = [AgendaItem("7", "Correspondence", ev(2))]
LETTER = ("It was agreed that the council will send a letter to the Canal Trust about the "
          "lifting bridge, HW will draft it and the Clerk will send it")


def _noted(x, *notes: str):
    from extract.model import Note
    x.meetings[0].notes.extend(Note("7", n, False, ev(2, 30)) for n in notes)
    return x


def test_a_reply_to_the_letter_sent_closes_the_task_of_sending_it(session: Session) -> None:
    # Under "Correspondence", not matters arising, and sharing few of the task's words: the
    # report names what was done (the letter sent) and to whom (the Canal Trust).
    save_all(session, paper(JAN, act(LETTER, owners=[]), act(BENCH)),
             _noted(paper(FEB, items=CORRESPONDENCE),
                    "Canal Trust re Lifting Bridge. A response to the letter sent indicated "
                    "that signs have been put up by the bridge."))
    views = {v.text: v for v in log(session)}
    assert (views[LETTER].status, views[LETTER].closed_on) == ("closed", FEB)
    assert views[BENCH].status == "open"


def test_a_done_report_of_another_thing_or_for_another_party_links_nothing(
        session: Session) -> None:
    save_all(session, paper(JAN, act(LETTER, owners=[])),
             _noted(paper(FEB, items=CORRESPONDENCE),
                    "Letter from Oxfordshire County re the lifting bridge. A response to the "
                    "letter sent said they will repair it.",
                    "Canal Trust re moorings. The invoice was paid in full."))
    assert one(session).status == "open"


def test_no_outstanding_actions_leaves_an_outsiders_promise_open(session: Session) -> None:
    # A resident's promise recorded in the minutes is no action on the body's own list:
    # "no outstanding actions" does not speak of it (it goes stale if never mentioned).
    from extract.model import Attendee
    resident = "Dan Carey will advertise the vacancy on the village website"
    present = [Attendee("Sue Prynn", title="Cllr", role="Chair", evidence=ev(1, 1)),
               Attendee("Sam Gorton", category="officer", evidence=ev(1, 2)),
               Attendee("Dan Carey", category="public", evidence=ev(1, 3))]
    save_all(session, paper(JAN, act(BENCH), act(resident, owners=["Dan Carey"]),
                            attendees=present),
             paper(FEB, items=REPORT, resolutions=[Resolution(
                 "4", "There were no outstanding actions from the last meeting.", ev(3, 9))]))
    views = {v.text: v for v in log(session)}
    assert views[BENCH].status == "closed" and views[resident].status == "open"


def test_a_done_report_matches_the_tasks_own_verb_not_a_clause_before_it(
        session: Session) -> None:
    circulate = ("A written report had been submitted by the Canal Trust and will be "
                 "circulated to all councillors")
    save_all(session, paper(JAN, act(circulate, owners=[])),
             _noted(paper(FEB, items=CORRESPONDENCE),
                    "Reports from the Canal Trust. The Canal Trust had submitted a written "
                    "report before the meeting."))
    assert one(session).status == "open"

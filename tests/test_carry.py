"""The store as one record across meetings: actions carried forward until something closes
them, RAG rows followed meeting by meeting, new versions of a paper superseding the old,
dated roles, aliases, and the by-person queries' indexes.

Runs on SQLite always; on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set (the fixtures
are test_store's).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from test_store import BODY, ORG, all_open_flags, ev, save_all, sha, snapshot

from extract.model import (
    Action,
    AgendaItem,
    Attendee,
    Evidence,
    Extraction,
    FilePart,
    Flag,
    Meeting,
    RagItem,
    Resolution,
    SourceInfo,
)
from store import carry, open_session, save_extraction, schema
from store import db as store_db
from store.mapping import action_key, says_closed
from store.meetings import version_key
from store.queries import (
    ActionView,
    action_log,
    outstanding_actions,
    rag_trend,
    role_holders,
    summary_counts,
)

# db_url and session come from conftest: SQLite, and PostgreSQL when configured.

SEPT, DEC, MAR = dt.date(2024, 9, 10), dt.date(2024, 12, 10), dt.date(2025, 3, 11)
TODAY = dt.date(2025, 4, 1)
GORTON = "Sam Gorton to find a Police Representative for the Board"
PRYNN = "Cllr Prynn to write to the Minister about placements for care leavers"


def paper(date: dt.date | None, *actions: Action, file: str | None = None,
          record: str = "minutes", items: Sequence[AgendaItem] = (),
          resolutions: Sequence[Resolution] = (), rag: Sequence[RagItem] = (),
          attendees: Sequence[Attendee] | None = None, body: str = BODY) -> Extraction:
    """One file recording one meeting; its bytes (sha256) follow its content."""
    meeting = Meeting(
        body=body, organisation=ORG, date=date, record=record,  # type: ignore[arg-type]
        pages=(1, 5),
        attendees=list(attendees if attendees is not None else [
            Attendee("Sue Prynn", title="Cllr", role="Chair", evidence=ev(1, 1)),
            Attendee("Sam Gorton", category="officer", evidence=ev(1, 2))]),
        items=list(items), resolutions=list(resolutions), actions=list(actions),
        rag_items=list(rag))
    name = file or f"{record}-{date}.pdf"
    return Extraction(SourceInfo(name, sha(name + repr(meeting)), "pdf", 5),
                      meetings=[meeting])


def act(text_: str, *, ref: str | None = None, owners: Sequence[str] = ("Sam Gorton",),
        status: str | None = None, update: str | None = None, due: dt.date | None = None,
        item: str | None = "3", page: int = 2) -> Action:
    return Action(item, text_, owners=list(owners), ref=ref, status=status, update=update,
                  due=due, evidence=ev(page, 10))


def log(session: Session) -> list[ActionView]:
    return action_log(session, today=TODAY)


def one(session: Session) -> ActionView:
    [view] = log(session)
    return view


# -- carry-forward of actions ------------------------------------------------------------------

def test_a_later_action_tables_update_column_closes_the_action(session: Session) -> None:
    save_all(session,
             paper(SEPT, act(GORTON, ref="Sep24.01", due=DEC)),
             paper(DEC, act("Find a Police Representative", ref="Sep24.01",
                            update="Complete - Insp. Lee attends from March", page=4),
                   record="agenda", file="agenda-pack-2024-12-10.pdf"))
    a = one(session)
    assert (a.text, a.meeting_date, a.status, a.closed_on, a.closed_by) == (
        GORTON, SEPT, "closed", DEC, "action")
    assert a.status_text == "Complete - Insp. Lee attends from March"
    assert a.age_days == (DEC - SEPT).days  # to its closing, not to today
    assert (a.source_file, a.source_page) == ("minutes-2024-09-10.pdf", 2)
    [m] = a.mentions
    assert (m.meeting_date, m.record, m.kind, m.status) == (DEC, "agenda", "action", "closed")
    assert (m.source_file, m.source_page) == ("agenda-pack-2024-12-10.pdf", 4)
    assert outstanding_actions(session, today=TODAY) == []


def test_an_action_stays_open_until_something_closes_it(session: Session) -> None:
    save_all(session,
             paper(SEPT, act(GORTON, due=DEC)),
             paper(DEC, act(GORTON.upper() + ".")),  # the same words, restated
             paper(MAR, act(GORTON, update="Ongoing - to be completed by June")))
    a = one(session)
    assert a.status == "open" and a.closed_on is None
    assert [(m.meeting_date, m.status) for m in a.mentions] == [(DEC, None), (MAR, "open")]
    assert a.update == "Ongoing - to be completed by June"
    assert a.age_days == (TODAY - SEPT).days
    assert a.overdue  # due in December, still open in April
    assert summary_counts(session).open_actions == 1
    assert summary_counts(session).actions == 3  # the rows read; one action


def test_near_identical_wording_is_the_same_action(session: Session) -> None:
    save_all(session, paper(SEPT, act(PRYNN, owners=["Prynn"])),
             paper(DEC, act(PRYNN.replace("about", "regarding"), owners=["Prynn"])))
    assert len(log(session)) == 1
    assert len(one(session).mentions) == 1


def test_near_identical_wording_with_other_numbers_is_another_action(session: Session
                                                                      ) -> None:
    save_all(session, paper(SEPT, act("Officers to report on the 2024/25 placement budget")),
             paper(DEC, act("Officers to report on the 2025/26 placement budget")))
    assert len(log(session)) == 2


def test_a_bare_reference_needs_the_texts_to_agree(session: Session) -> None:
    # Row "1" of each meeting's table: a different action each time, unless the words say
    # otherwise.
    save_all(session,
             paper(SEPT, act(GORTON, ref="1"), act(PRYNN, ref="2", owners=["Prynn"])),
             paper(DEC, act("Clerk to book the venue for the annual conference", ref="1",
                            owners=["Clerk"]),
                   act(PRYNN + " (letter drafted)", ref="3", owners=["Prynn"])))
    threads = {a.text: a for a in log(session)}
    assert set(threads) == {GORTON, PRYNN, "Clerk to book the venue for the annual conference"}
    assert threads[GORTON].mentions == ()
    assert [m.meeting_date for m in threads[PRYNN].mentions] == [DEC]


def test_a_closed_action_worded_again_is_a_new_action(session: Session) -> None:
    save_all(session, paper(SEPT, act("Clerk to circulate the slides", owners=["Clerk"],
                                      status="Done")),
             paper(DEC, act("Clerk to circulate the slides", owners=["Clerk"])))
    assert [(a.meeting_date, a.status) for a in log(session)] == [
        (SEPT, "closed"), (DEC, "open")]


def test_update_column_naming_another_reference_speaks_to_it(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="CPP-2409")),
             paper(DEC, act("Report on police attendance", ref="CPP-2412",
                            update="Replaces CPP-2409, which is complete")))
    first = next(a for a in log(session) if a.ref == "CPP-2409")
    assert (first.status, first.closed_on, first.closed_by) == ("closed", DEC, "action")


def test_a_blue_rag_row_with_its_reference_closes_the_action(session: Session) -> None:
    save_all(session,
             paper(SEPT, act(GORTON, ref="CPP-07")),
             paper(DEC, record="agenda", rag=[RagItem("CPP-07", "Police representation",
                                                      "amber", evidence=ev(29, 40))]),
             paper(MAR, record="agenda", rag=[RagItem("CPP-07", "Police representation",
                                                      "blue", evidence=ev(30, 41))]))
    a = one(session)
    assert [(m.kind, m.status, m.note) for m in a.mentions] == [
        ("rag", "open", "amber"), ("rag", "closed", "blue")]
    assert (a.status, a.closed_on, a.closed_by) == ("closed", MAR, "rag")


def test_a_matters_arising_note_closes_the_action(session: Session) -> None:
    arising = [AgendaItem("2", "Minutes of the last meeting and matters arising", ev(1))]
    save_all(session,
             paper(SEPT, act(PRYNN, owners=["Prynn"]), act(GORTON)),
             paper(DEC, items=arising, resolutions=[
                 Resolution("2", "The letter to the Minister about placements for care "
                            "leavers had been sent and the action was complete.", ev(2, 5)),
                 Resolution("2", "Sam Gorton would find a Police Representative for the "
                            "Board once the restructure is complete.", ev(2, 6))]))
    views = {a.text: a for a in log(session)}
    assert (views[PRYNN].status, views[PRYNN].closed_by) == ("closed", "matters-arising")
    # Mentioned, but "once … complete" is not done.
    assert views[GORTON].status == "open"
    assert [(m.kind, m.status) for m in views[GORTON].mentions] == [("matters-arising", None)]


def test_a_resolution_outside_matters_arising_does_not_close(session: Session) -> None:
    save_all(session, paper(SEPT, act(PRYNN, owners=["Prynn"])),
             paper(DEC, items=[AgendaItem("5", "Placements", ev(1))], resolutions=[
                 Resolution("5", "The letter to the Minister about placements for care "
                            "leavers had been sent and the action was complete.", ev(2))]))
    assert one(session).status == "open"


@pytest.mark.parametrize(("words", "closed"), [
    ("Complete", True), ("COMPLETED - letter sent", True), ("Done", True),
    ("Closed", True), ("No further action", True), ("Discharged", True),
    ("Not yet done", False), ("To be completed by March", False), ("Ongoing", False),
    ("Incomplete", False), ("Will be done once funding is agreed", False), (None, False),
])
def test_closing_vocabulary(words: str | None, closed: bool) -> None:
    assert says_closed(words) is closed


def test_files_arriving_out_of_order_give_the_same_log(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = [paper(SEPT, act(GORTON, ref="Sep24.01"), act(PRYNN, owners=["Prynn"])),
             paper(DEC, act(GORTON, ref="Sep24.01", update="In progress")),
             paper(MAR, act(GORTON, ref="Sep24.01", status="Complete"))]

    def shape(views: list[ActionView]) -> list[object]:
        return [(a.text, a.meeting_date, a.status, a.closed_on,
                 [(m.meeting_date, m.status) for m in a.mentions]) for a in views]

    save_all(session, files[2], files[0], files[1])
    with open_session(f"sqlite:///{tmp_path / 'in-order.sqlite'}") as ordered:
        save_all(ordered, *files)
        assert shape(log(session)) == shape(log(ordered))
    assert shape(log(session))[0][2:] == ("closed", MAR, [(DEC, "open"), (MAR, "closed")])


def test_undated_meetings_are_never_linked(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON)), paper(None, act(GORTON), file="undated.pdf"))
    assert [(a.meeting_date, a.mentions) for a in log(session)] == [(SEPT, ()), (None, ())]


def test_thread_rows_keep_their_ids_as_meetings_are_added(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON)), paper(DEC, act(PRYNN, owners=["Prynn"])))
    before = {a.text: a.thread_id for a in log(session)}
    save_all(session, paper(MAR, act(GORTON, status="Complete")))
    after = {a.text: a.thread_id for a in log(session)}
    assert after == before


def test_rerun_of_unchanged_files_changes_no_row(session: Session) -> None:
    files = [paper(SEPT, act(GORTON, ref="Sep24.01")),
             paper(DEC, act(GORTON, ref="Sep24.01", status="Complete"),
                   rag=[RagItem("1", "Placements", "red", evidence=ev(3))])]
    save_all(session, *files)
    before = snapshot(session)
    assert {r.outcome for r in (save_extraction(session, x) for x in files)} == {"unchanged"}
    assert snapshot(session) == before


# -- the clerk ---------------------------------------------------------------------------------

def test_the_clerks_status_wins_over_later_papers(session: Session) -> None:
    from store.corrections import correct_action

    save_all(session, paper(SEPT, act(GORTON)))
    correct_action(session, one(session).id, status="closed", note="Confirmed by phone",
                   now=dt.datetime(2024, 10, 1, tzinfo=dt.UTC))
    a = one(session)
    assert (a.status, a.closed_by, a.closed_on, a.status_text) == (
        "closed", "clerk", dt.date(2024, 10, 1), "Confirmed by phone")
    save_all(session, paper(DEC, act(GORTON, update="Ongoing")))  # a later paper disagrees
    a = one(session)
    assert (a.status, a.closed_by) == ("closed", "clerk")
    assert [(m.meeting_date, m.status) for m in a.mentions] == [(DEC, "open")]


def test_an_action_the_clerk_dismissed_is_left_out(session: Session) -> None:
    from store.corrections import correct_action

    save_all(session, paper(SEPT, act(GORTON), act(PRYNN, owners=["Prynn"])))
    dismissed = next(a for a in log(session) if a.text == PRYNN)
    correct_action(session, dismissed.id, dismiss=True, note="Not an action")
    assert [a.text for a in log(session)] == [GORTON]


# -- identity across files ---------------------------------------------------------------------

def test_a_new_version_of_the_minutes_supersedes_the_old(session: Session) -> None:
    draft = paper(SEPT, act(GORTON), act(PRYNN, owners=["Prynn"]),
                  file="Minutes 10-Sep-2024 (draft).docx",
                  attendees=[Attendee("Sue Prynn", role="Chair"), Attendee("Sam Gorton"),
                             Attendee("Jayne Rear")])
    draft.flags = [Flag("rag-unrated", "Row 4d has no rating", page=1)]
    pack = paper(SEPT, act(GORTON), file="agenda-pack-2024-12-10.pdf")
    save_all(session, draft, pack)
    flag = next(f for f in all_open_flags(session) if f.kind == "rag-unrated")
    session.get(schema.Flag, flag.id).dismissed = True  # the clerk has dealt with it
    session.commit()
    # The approved minutes: Jayne Rear was not there, and the letter action was reworded.
    approved = paper(SEPT, act(GORTON), act("Cllr Prynn to write to the Minister",
                                            owners=["Prynn"]),
                     file="minutes 10 sep 2024 - approved.pdf",
                     attendees=[Attendee("Sue Prynn", role="Chair"), Attendee("Sam Gorton")])
    approved.flags = [Flag("rag-unrated", "Row 4d has no rating", page=1)]
    result = save_extraction(session, approved)
    assert result.outcome == "saved" and len(result.superseded) == 1

    sources = session.execute(
        select(schema.Document.file_name, schema.MeetingSource.id,
               schema.MeetingSource.superseded_by_source_id)
        .join(schema.MeetingSource).order_by(schema.Document.id)).all()
    assert [(name, by) for name, _, by in sources] == [
        ("Minutes 10-Sep-2024 (draft).docx", sources[2][1]),
        ("agenda-pack-2024-12-10.pdf", None), ("minutes 10 sep 2024 - approved.pdf", None)]
    assert sorted(a.text for a in log(session)) == sorted(
        [GORTON, "Cllr Prynn to write to the Minister"])
    names = set(session.scalars(select(schema.Person.name)))
    assert names == {"Sue Prynn", "Sam Gorton"}  # Rear went with the draft
    assert summary_counts(session).meetings == 1
    assert not [f for f in all_open_flags(session) if f.kind == "rag-unrated"]  # still dealt with


def test_the_clerks_corrections_survive_a_new_version(session: Session) -> None:
    from store.corrections import correct_action

    save_all(session, paper(SEPT, act(GORTON), file="minutes-2024-09-10.docx"))
    correct_action(session, one(session).id, status="closed")
    save_all(session, paper(SEPT, act(GORTON), act(PRYNN, owners=["Prynn"]),
                            file="minutes-2024-09-10-v2.docx"))
    views = {a.text: a for a in log(session)}
    assert (views[GORTON].status, views[GORTON].closed_by) == ("closed", "clerk")
    assert views[PRYNN].status == "open"


def test_same_minutes_in_the_next_pack_is_one_set_of_facts(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON), file="minutes-2024-09-10.docx"),
             paper(SEPT, act(GORTON), file="agenda-pack-2024-12-10.pdf"))
    assert len(log(session)) == 1
    assert session.scalar(select(schema.MeetingSource.id).where(
        schema.MeetingSource.superseded_by_source_id.is_not(None))) is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Minutes 10-Sep-2024 (1).docx", "minutes 10 sep 2024 - approved.pdf", True),
    ("Copy of minutes_10_sep_2024_FINAL.pdf", "minutes-10-sep-2024-v2.docx", True),
    ("minutes-2024-09-10.docx", "agenda-pack-2024-12-10.pdf", False),
    ("Minutes 10-Sep-2024 (draft).docx", "Minutes 10-Sep-2024 version 2.pdf", True),
    ("semifinal.pdf", "semi.pdf", False),
    ("minutes-2024-09-10.pdf", "minutes-2024-09-11.pdf", False),
])
def test_version_key(a: str, b: str, same: bool) -> None:
    assert (version_key(a) == version_key(b)) is same


def test_rereading_a_partial_file_relinks_its_body(session: Session) -> None:
    sept = paper(SEPT, act(GORTON, ref="Sep24.01"))
    sept.source.status, sept.source.problems = "partial", ["page 3 is a scanned image"]
    save_extraction(session, sept, reader="old")
    save_all(session, paper(DEC, act(GORTON, ref="Sep24.01", status="Complete")))
    # Read again by a new reader: the action is now found under another item.
    again = paper(SEPT, act(GORTON, ref="Sep24.01", item="4"))
    again.source.sha256, again.source.file = sept.source.sha256, sept.source.file
    assert save_extraction(session, again, reader="new").outcome == "replaced"
    a = one(session)
    assert (a.item, a.status, [m.meeting_date for m in a.mentions]) == ("4", "closed", [DEC])
    assert carry.stale_bodies(session) == set()


def test_a_body_a_reading_no_longer_records_is_relinked_too(session: Session) -> None:
    # Read again, the partial file turns out to be another committee's minutes: the
    # panel's thread lost the action that raised it, though the panel is not among the
    # bodies the new reading records.
    sept = paper(SEPT, act(GORTON, ref="Sep24.01"))
    sept.source.status, sept.source.problems = "partial", ["page 1 is a scanned image"]
    save_extraction(session, sept, reader="old")
    save_all(session, paper(DEC, act(GORTON, ref="Sep24.01", update="Ongoing")))
    other = paper(SEPT, act(GORTON, ref="Sep24.01"), body="Schools Forum")
    other.source.sha256, other.source.file = sept.source.sha256, sept.source.file
    save_extraction(session, other, reader="new")
    panel = [a for a in log(session) if a.body == BODY]
    assert [(a.meeting_date, a.source_file, a.mentions) for a in panel] == [
        (DEC, "minutes-2024-12-10.pdf", ())]  # the December row now raises it
    assert carry.stale_bodies(session) == set()


# -- keys, provenance, parts, roles ------------------------------------------------------------

def test_each_action_carries_the_natural_key_corrections_use(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON)))
    row = session.scalars(select(schema.Action)).one()
    assert row.key == carry.action_key(row) == action_key(
        ORG.lower(), BODY.lower(), SEPT, "  " + GORTON.replace(" ", "  "))
    from store.corrections import Place
    from store.corrections import action_key as corrections_key
    place = Place(row.meeting.body_id, ORG.lower(), BODY.lower(), SEPT, "minutes")
    assert corrections_key(place, GORTON) == row.key


def test_facts_keep_their_span(session: Session) -> None:
    x = paper(SEPT)
    x.meetings[0].actions = [Action("3", GORTON, owners=["Sam Gorton"],
                                    evidence=Evidence(2, 7, 10, 52, "actions"))]
    save_all(session, x)
    row = session.scalars(select(schema.Action)).one()
    assert (row.page, row.block, row.span_start, row.span_end, row.extractor) == (
        2, 7, 10, 52, "actions")
    attendee = session.scalars(select(schema.Attendance)).first()
    assert attendee is not None and attendee.span_start is None  # none given: none stored


def test_document_parts_are_stored_and_replaced_on_reading_again(session: Session) -> None:
    x = paper(SEPT)
    x.parts = [FilePart("agenda", "Agenda", None, 1, 2),
               FilePart("minutes", "Minutes of 17 September", "2", 3, 7),
               FilePart("dossier", "A kind ingest has not told the store of", "9", 8, 9)]
    x.source.status, x.source.problems = "partial", ["page 8 is a scanned image"]
    save_extraction(session, x, reader="old")
    parts = session.execute(select(schema.DocumentPart.kind, schema.DocumentPart.item,
                                   schema.DocumentPart.first_page)
                            .order_by(schema.DocumentPart.position)).all()
    assert parts == [("agenda", None, 1), ("minutes", "2", 3), ("other", "9", 8)]
    x.parts = x.parts[:1]
    save_extraction(session, x, reader="new")
    assert session.scalar(select(schema.DocumentPart.title)) == "Agenda"
    assert len(session.scalars(select(schema.DocumentPart)).all()) == 1


def test_extraction_carries_the_files_parts() -> None:
    from conftest import SAMPLES

    from extract import extract, from_dict, to_dict
    from ingest import load

    x = extract(load(SAMPLES / "lancs-cpb_agenda-pack_2019-11-26.pdf"))
    assert [p.kind for p in x.parts][:2] == ["agenda", "minutes"]
    assert from_dict(to_dict(x)).parts == x.parts


def test_who_held_which_office_and_when(session: Session) -> None:
    def present(chair: str) -> list[Attendee]:
        return [Attendee("Sue Prynn", role="Chair" if chair == "Prynn" else "Vice-Chairman"),
                Attendee("Ian Brown", role="Chairman" if chair == "Brown" else None),
                Attendee("Sam Gorton", category="officer", role="Clerk")]

    save_all(session, paper(SEPT, attendees=present("Prynn")),
             paper(DEC, attendees=present("Prynn")), paper(MAR, attendees=present("Brown")))
    chairs = [(t.person, t.first_on, t.last_on, t.meetings)
              for t in role_holders(session, body="parenting", role="Chair")]
    assert chairs == [("Sue Prynn", SEPT, DEC, 2), ("Ian Brown", MAR, MAR, 1)]
    [vice] = role_holders(session, role="vice chair")
    assert (vice.person, vice.first_on) == ("Sue Prynn", MAR)
    assert {t.role for t in role_holders(session)} == {"chair", "vice-chair", "clerk"}


# -- RAG trends --------------------------------------------------------------------------------

def test_rag_rows_keep_their_status_per_meeting(session: Session) -> None:
    def plan(date: dt.date, advocacy: str, leavers: str) -> Extraction:
        return paper(date, record="agenda", file=f"pack-{date}.pdf", rag=[
            RagItem("4b", "Data on advocacy complaints and compliments", advocacy,  # type: ignore[arg-type]
                    evidence=ev(29)),
            RagItem("4c", "Care leavers in education, employment or training", leavers,  # type: ignore[arg-type]
                    evidence=ev(29)),
            # Another table of the same pack numbers its rows too.
            RagItem("4b", "Foster carer recruitment campaign", "green", evidence=ev(31))])

    save_all(session, plan(SEPT, "red", "green"), plan(DEC, "amber", "green"),
             plan(MAR, "green", "amber"))
    trends = {t.text: t for t in rag_trend(session, body="parenting")}
    advocacy = trends["Data on advocacy complaints and compliments"]
    assert advocacy.trend == "Red → Amber → Green"
    assert [s.meeting_date for s in advocacy.steps] == [SEPT, DEC, MAR]
    assert trends["Care leavers in education, employment or training"].trend == \
        "Green → Green → Amber"
    assert trends["Foster carer recruitment campaign"].trend == "Green → Green → Green"
    assert len(rag_trend(session, ref="4B")) == 2


# -- queries -----------------------------------------------------------------------------------

def test_outstanding_by_person_includes_aliases(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON), act(PRYNN, owners=["Prynn"])))
    sam = session.scalars(select(schema.Person).where(schema.Person.name == "Sam Gorton")).one()
    session.add(schema.PersonAlias(person_id=sam.id, alias="Samuel Gorton",
                                   alias_key="samuel gorton"))
    session.commit()
    assert [a.text for a in outstanding_actions(session, today=TODAY,
                                                owner="Samuel Gorton")] == [GORTON]
    assert [a.text for a in outstanding_actions(session, today=TODAY, owner="gorton")] == [
        GORTON]
    assert outstanding_actions(session, today=TODAY, owner="Samuel Prynn") == []


def test_the_current_owner_is_the_latest_paper_to_name_one(session: Session) -> None:
    save_all(session, paper(SEPT, act(GORTON, ref="Sep24.01")),
             paper(DEC, act(GORTON, ref="Sep24.01", owners=["Prynn"], update="Reassigned")))
    assert [a.owners for a in outstanding_actions(session, today=TODAY, owner="Sue Prynn")] \
        == [("Sue Prynn",)]
    assert outstanding_actions(session, today=TODAY, owner="Sam Gorton") == []


def test_overdue_and_by_body(session: Session) -> None:
    save_all(session,
             paper(SEPT, act(GORTON, due=DEC), act(PRYNN, owners=["Prynn"],
                                                   due=dt.date(2025, 6, 1))),
             paper(SEPT, act("Report on the health of looked-after children", due=DEC),
                   body="Health and Wellbeing Board", file="hwb.pdf"))
    overdue = outstanding_actions(session, today=TODAY, overdue=True)
    assert sorted(a.text for a in overdue) == sorted(
        [GORTON, "Report on the health of looked-after children"])
    assert [a.text for a in outstanding_actions(session, today=TODAY, overdue=True,
                                                body="parenting")] == [GORTON]


def test_by_person_query_is_index_driven(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """At 100k actions a scan is what makes by-person slow: the plan must look owners and
    threads up by index (SQLite's plan, without statistics; PostgreSQL's planner is
    cost-based, see scripts/bench_store.py). People and aliases are looked up first, by
    `people.name_key` and `person_aliases.alias_key`."""
    from store.queries import _owner_filter

    url = f"sqlite:///{tmp_path / 'plan.sqlite'}"
    with open_session(url) as s:
        s.add(schema.Body(id=1, name=BODY, name_key=BODY.lower()))
        s.add(schema.Person(id=1, body_id=1, name="Sam Gorton", name_key="sam gorton",
                            surname_key="gorton"))
        s.add(schema.PersonAlias(person_id=1, alias="Sam Gorton", alias_key="sam gorton"))
        s.flush()
        query = select(schema.ActionThread.id).where(_owner_filter(s, "Sam Gorton"),
                                                     schema.ActionThread.status == "open")
        compiled = query.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " | ".join(row[-1] for row in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    store_db.dispose_all()
    assert "SCAN" not in plan, plan
    for index in ("ix_action_threads_owner_action_id", "ix_action_owners_person_id",
                  "ix_action_owners_text_key"):
        assert index in plan, plan
    # Led by the owner, not by status: two values, so "open" is most of the table.
    assert plan.startswith("SEARCH action_threads USING INDEX ix_action_threads_owner"), plan


# -- migration ---------------------------------------------------------------------------------

def test_upgrade_from_0002_gives_each_stored_action_a_thread_and_downgrade_works(
        db_url: str) -> None:
    engine = store_db.make_engine(db_url)
    cfg = store_db.alembic_config(engine)
    try:
        command.upgrade(cfg, "0002")
        with engine.begin() as conn:
            for sql in (
                "INSERT INTO organisations (name, name_key) VALUES ('Kent', 'kent')",
                "INSERT INTO bodies (organisation_id, name, name_key) VALUES (1, 'CPP', 'cpp')",
                "INSERT INTO meetings (body_id, date, record) VALUES (1, '2024-09-10', 'minutes')",
                ("INSERT INTO documents (sha256, file_name, format, status, ingested_at) "
                 "VALUES ('ab', 'm.pdf', 'pdf', 'ok', '2025-01-09 12:00:00+00')"),
                "INSERT INTO meeting_sources (meeting_id, document_id) VALUES (1, 1)",
                ("INSERT INTO people (body_id, name, name_key, surname_key) "
                 "VALUES (1, 'Sue Prynn', 'sue prynn', 'prynn')"),
                ("INSERT INTO attendance (meeting_id, person_id, category, role, "
                 "document_id) VALUES (1, 1, 'member', 'Chairman', 1)"),
                ("INSERT INTO actions (meeting_id, text, status, document_id, page) "
                 "VALUES (1, 'Sue  to write', 'open', 1, 2)"),
                ("INSERT INTO action_owners (action_id, position, kind, person_id, text, "
                 "text_key) VALUES (1, 0, 'person', 1, 'Sue Prynn', 'sue prynn')"),
            ):
                conn.execute(text(sql))
        command.upgrade(cfg, "head")
        with Session(engine) as s:
            action = s.scalars(select(schema.Action)).one()
            assert action.key == action_key("kent", "cpp", SEPT, "Sue to write")
            [a] = action_log(s, today=TODAY)
            assert (a.text, a.owners, a.status, a.age_days) == (
                "Sue  to write", ("Sue Prynn",), "open", (TODAY - SEPT).days)
            assert carry.stale_bodies(s) == {1}  # linked on the body's next save
            assert [(r.person, r.role) for r in role_holders(s)] == [("Sue Prynn", "chair")]
        command.downgrade(cfg, "0002")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM actions")).scalar() == 1
        command.upgrade(cfg, "head")
        command.check(cfg)
    finally:
        engine.dispose()

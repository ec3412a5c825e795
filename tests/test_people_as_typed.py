"""People as the clerk types them (issue 10): initials a body prints become aliases, offices
resolve to their holder at the meeting, near spellings are suggested (never merged),
`--owner` takes a name in every form a clerk types it, `--body` a short form. All names and
minutes here are invented."""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from boardpapers.cli import app
from extract.model import Action, Apology, Attendee, Evidence, Extraction, Meeting, SourceInfo
from store import outstanding_actions, save_extraction, schema
from store.names import names_body, surname_first
from store.owner_lookup import lookup_owner

BODY, ORG = "Brookfield Parish Council", "Brookfield Parish Council"
JAN, FEB, MAR = dt.date(2024, 1, 15), dt.date(2024, 2, 19), dt.date(2024, 3, 18)
TODAY = dt.date(2024, 6, 1)


def ev(page: int = 1) -> Evidence:
    return Evidence(page=page, block=1, extractor="test")


def paper(date: dt.date, attendees: list[Attendee], actions: list[Action],
          apologies: list[Apology] | None = None) -> Extraction:
    name = f"brookfield-{date}.pdf"
    return Extraction(SourceInfo(name, hashlib.sha256(name.encode()).hexdigest(), "pdf", 2),
                      meetings=[Meeting(body=BODY, organisation=ORG, date=date,
                                        record="minutes", attendees=attendees,
                                        apologies=apologies or [], actions=actions)])


def act(text: str, *owners: str) -> Action:
    return Action(None, text, owners=list(owners), evidence=ev(2))


def save(session: Session, *papers: Extraction) -> None:
    for x in papers:
        save_extraction(session, x, now=dt.datetime(2024, 6, 1, tzinfo=dt.UTC))


def owners_of(session: Session, text: str) -> list[tuple[str, str | None]]:
    rows = session.execute(
        select(schema.ActionOwner.kind, schema.Person.name)
        .join(schema.Action, schema.Action.id == schema.ActionOwner.action_id)
        .outerjoin(schema.Person, schema.Person.id == schema.ActionOwner.person_id)
        .where(schema.Action.text == text).order_by(schema.ActionOwner.position)).all()
    return [(k, n) for k, n in rows]


def flags(session: Session, kind: str) -> list[str]:
    """The open flags of a kind: a flag whose owner resolved later is kept, resolved."""
    return list(session.scalars(select(schema.Flag.message).where(
        schema.Flag.kind == kind, schema.Flag.resolved.is_(None))))


JANUARY = paper(JAN, [Attendee("Marjorie Quince", initials="MQ", role="Chair", evidence=ev()),
                      Attendee("Tobias Wren", initials="TW", evidence=ev()),
                      Attendee("Peter Lark", role="Clerk", evidence=ev())],
                [act("Obtain quotes for a bench", "Clerk")])
# February: nobody's initials printed, Marjorie Quince away, a new clerk.
FEBRUARY = paper(FEB, [Attendee("Tobias Wren", role="Chair", evidence=ev()),
                       Attendee("Rosa Finch", role="Clerk", evidence=ev())],
                 [act("Write to the landowner", "MQ"), act("Order a lock", "Action Clerk"),
                  act("Check the grit bin", "the Chair"), act("Survey the pond", "MQ TW")],
                 apologies=[Apology("Marjorie Quince", evidence=ev())])


def test_printed_initials_resolve_owners_at_later_meetings_that_do_not_print_them(
        session: Session) -> None:
    save(session, JANUARY, FEBRUARY)
    assert owners_of(session, "Write to the landowner") == [("person", "Marjorie Quince")]
    # initials run together (their separator lost) are each a person's
    assert owners_of(session, "Survey the pond") == [("person", "Marjorie Quince"),
                                                     ("person", "Tobias Wren")]
    assert flags(session, "owner-unmatched") == []


def test_initials_resolve_whatever_order_the_papers_arrive_in(session: Session) -> None:
    save(session, FEBRUARY, JANUARY)
    assert owners_of(session, "Write to the landowner") == [("person", "Marjorie Quince")]
    # so do initials run together, each the person a save in date order would give
    assert owners_of(session, "Survey the pond") == [("person", "Marjorie Quince"),
                                                     ("person", "Tobias Wren")]
    # the flags February raised while "MQ" named nobody have nothing left to ask
    assert flags(session, "owner-unmatched") == []


def test_office_owners_resolve_to_who_held_the_office_at_that_meeting(
        session: Session) -> None:
    march = paper(MAR, [Attendee("Tobias Wren", evidence=ev())],
                  [act("Renew the insurance", "Clerk")])
    save(session, JANUARY, FEBRUARY, march)
    assert owners_of(session, "Obtain quotes for a bench") == [("person", "Peter Lark")]
    assert owners_of(session, "Order a lock") == [("person", "Rosa Finch")]
    assert owners_of(session, "Check the grit bin") == [("person", "Tobias Wren")]
    # no clerk listed in March: kept as the office, nobody guessed
    assert owners_of(session, "Renew the insurance") == [("role", None)]


def test_initials_two_people_share_stay_nobodys_alias_but_the_meetings_own_list_wins(
        session: Session) -> None:
    april = paper(dt.date(2024, 4, 15),
                  [Attendee("Maria Quayle", initials="MQ", evidence=ev())],
                  [act("Book the hall", "MQ")])
    save(session, JANUARY, april)
    assert owners_of(session, "Book the hall") == [("person", "Maria Quayle")]
    shared = flags(session, "initials-shared")
    assert len(shared) == 1 and "Marjorie Quince" in shared[0] and "Maria Quayle" in shared[0]


def test_near_spellings_of_a_name_are_flagged_never_merged(session: Session) -> None:
    later = paper(FEB, [Attendee("Marjory Quince", evidence=ev()),
                        Attendee("Tobyas Wren", evidence=ev()),
                        Attendee("Tobias Wrenn", evidence=ev()),
                        Attendee("Mark Quince", evidence=ev())], [])  # a different person
    save(session, JANUARY, later)
    similar = flags(session, "person-similar")
    assert len(similar) == 3, similar
    assert any("'Marjory Quince' may be 'Marjorie Quince'" in m for m in similar)
    assert all("people merge" in m and "brookfield-2024-01-15.pdf" in m for m in similar)
    assert not any("Mark Quince" in m for m in similar)
    names = set(session.scalars(select(schema.Person.name)))
    assert {"Marjorie Quince", "Marjory Quince", "Tobyas Wren", "Tobias Wrenn"} <= names


def _ids(rows: list) -> set[str]:
    return {r.text for r in rows}


def test_owner_typed_every_way_a_clerk_types_it(session: Session) -> None:
    two_davids = paper(MAR, [Attendee("David Ash", evidence=ev()),
                             Attendee("David Birch", evidence=ev()),
                             Attendee("Peter Lark", role="Clerk", evidence=ev())],
                       [act("Trim the verge", "David Ash"), act("Paint the gate", "David Birch")])
    save(session, JANUARY, FEBRUARY, two_davids)
    mine = {"Write to the landowner", "Survey the pond"}
    for typed in ("Marjorie Quince", "Quince", "Quince, Marjorie", "MQ", "Marjorie",
                  "M Quince", "cllr marjorie quince"):
        assert _ids(outstanding_actions(session, today=TODAY, owner=typed)) == mine, typed
    # the office: as written, and by whoever held it at the raising meeting
    clerk = {"Obtain quotes for a bench", "Order a lock"}
    for typed in ("Clerk", "the Clerk", "Parish Clerk"):
        assert _ids(outstanding_actions(session, today=TODAY, owner=typed)) == clerk, typed
    # initials the body never printed still find the one person they fit
    assert _ids(outstanding_actions(session, today=TODAY, owner="PL")) == clerk - {
        "Order a lock"}
    # a first name two people share: both listed, and said so
    found = lookup_owner(session, "David")
    assert [n for _, n, _ in found.people] == ["David Ash", "David Birch"]
    assert found.ambiguous == (BODY,)
    assert _ids(outstanding_actions(session, today=TODAY, owner="David")) == {
        "Trim the verge", "Paint the gate"}


def test_body_by_full_or_short_name_or_organisation() -> None:
    assert surname_first("Quince, Marjorie") == "Marjorie Quince"
    assert surname_first("Marjorie Quince") is None
    for typed in ("Brookfield PC", "brookfield parish council.", "BPC", "Brookfield",
                  "parish council"):
        assert names_body(typed, BODY), typed
    assert names_body("Wessex CC", "Planning Committee", "Wessex County Council")
    assert not names_body("Ashby PC", BODY)
    assert not names_body("%", BODY)


def test_body_filter_takes_the_short_form(session: Session) -> None:
    save(session, JANUARY)
    assert len(outstanding_actions(session, today=TODAY, body="Brookfield PC")) == 1
    assert outstanding_actions(session, today=TODAY, body="Ashby PC") == []


# -- a clerk's session, over three meetings of invented minutes, through the CLI ----------------

_HEAD = ("BROOKFIELD PARISH COUNCIL\nMinutes of the meeting of Brookfield Parish Council held "
         "on {when} at 7.30pm in the Village Hall.\n\n")
SESSION = {
    "2024-01-15": "15 January 2024",
    "2024-02-19": "19 February 2024",
    "2024-03-18": "18 March 2024",
}
BODIES = {
    "2024-01-15": (
        "Present: Cllr Marjorie Quince (MQ) Chair, Cllr Tobias Wren (TW), Cllr Denise Hollins "
        "(DH), Peter Lark (Clerk)\n\n1. Apologies\nApologies were received from Cllr Oliver "
        "Pike.\n\n2. Village green\nThe council discussed the damaged bench on the green.\n"
        "ACTION: Clerk to obtain quotes for a replacement bench.\n\n3. Footpaths\nCllr Wren "
        "reported a blocked stile on footpath 7.\nACTION: TW to report the stile to the "
        "county footpaths officer.\n\n4. Hedges\nACTION: Marjorie Quince to write to the "
        "landowner about the overgrown hedge.\n"),
    "2024-02-19": (
        "Present: Cllr Marjorie Quince Chair, Cllr Denise Hollins, Peter Lark (Clerk)\n\n"
        "1. Apologies\nApologies were received from Cllr Tobias Wren.\n\n2. Grit bin\n"
        "ACTION: DH to check the grit bin at the school.\n\n3. Noticeboard\nACTION: Clerk to "
        "order a new lock for the noticeboard.\n"),
    "2024-03-18": (
        "Present: Cllr Marjorie Quince Chair, Cllr Tobias Wren, Cllr Denise Hollins, Peter "
        "Lark (Clerk)\n\n1. Apologies\nNone.\n\n2. Bus shelter\nACTION: MQ to ask the bus "
        "company to repair the shelter roof.\n\n3. Website\nACTION: Clerk to publish the "
        "annual accounts on the website.\n"),
}


def test_clerk_session_what_is_outstanding_for_the_clerk_and_for_a_councillor(tmp_path
                                                                              ) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    for day, when in SESSION.items():
        (papers / f"brookfield-pc_minutes_{day}.txt").write_text(
            _HEAD.format(when=when) + BODIES[day], encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'clerk.sqlite'}"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(papers), "--db", db]).exit_code == 0

    def count(*args: str) -> int:
        result = runner.invoke(app, ["actions", "--db", db, *args])
        assert result.exit_code == 0, result.output
        return int(result.output.strip().splitlines()[-1].split()[0])

    assert count("--owner", "Clerk") == 3
    assert count("--owner", "the Clerk", "--body", "Brookfield PC") == 3
    for typed in ("Marjorie Quince", "Quince", "Quince, Marjorie", "MQ"):
        assert count("--owner", typed) == 2, typed
    for typed in ("Denise Hollins", "Hollins", "Hollins, Denise", "DH"):
        assert count("--owner", typed) == 1, typed
    assert count("--owner", "TW") == 1
    # and they are the right actions, whichever way the person is typed
    from store import open_session
    with open_session(db) as s:
        def texts(owner: str) -> set[str]:
            return {v.text for v in outstanding_actions(s, today=TODAY, owner=owner)}
        assert texts("Clerk") == texts("Peter Lark") == texts("Lark, Peter") == {
            "Clerk to obtain quotes for a replacement bench.",
            "Clerk to order a new lock for the noticeboard.",
            "Clerk to publish the annual accounts on the website."}
        quince = {"Marjorie Quince to write to the landowner about the overgrown hedge.",
                  "MQ to ask the bus company to repair the shelter roof."}
        for typed in ("Marjorie Quince", "Quince", "Quince, Marjorie", "MQ", "Marjorie"):
            assert texts(typed) == quince, typed


def test_office_resolves_when_the_list_naming_its_holder_comes_in_a_later_file(
        session: Session) -> None:
    actions_only = paper(JAN, [], [act("Obtain quotes for a bench", "Clerk")])
    actions_only.source.file, actions_only.source.sha256 = "extract.pdf", "ab" * 32
    save(session, actions_only, JANUARY)  # the same meeting's full minutes, second
    assert owners_of(session, "Obtain quotes for a bench") == [("person", "Peter Lark")]


def test_an_owner_resolved_late_reaches_the_thread_of_a_meeting_already_folded(
        session: Session) -> None:
    # In date order: January's "MQ" names nobody yet; February prints her initials. The
    # carry-forward must not resume past January with the owner it folded as text (then
    # February's poorer reading, naming nobody, would replace her as the owner).
    from store import action_log
    from store.carry import refresh
    january = paper(JAN, [Attendee("Tobias Wren", evidence=ev())],
                    [act("Write to the landowner", "MQ")])
    february = paper(FEB, [Attendee("Marjorie Quince", initials="MQ", evidence=ev()),
                           Attendee("Tobias Wren", evidence=ev())],
                     [act("Write to the landowner", "Councillor Q")])
    save(session, january, february)

    def owner() -> list[str]:
        [view] = [v for v in action_log(session, today=TODAY)
                  if v.text == "Write to the landowner"]
        return list(view.owners)
    assert owner() == ["Marjorie Quince"]
    refresh(session, set(session.scalars(select(schema.Body.id))))
    assert owner() == ["Marjorie Quince"]


def test_the_office_is_held_until_another_is_named(session: Session) -> None:
    # February's list names no clerk: Peter Lark, clerk in January, still is; from March,
    # when Rosa Finch is named clerk, his own actions are no longer the clerk's.
    jan = paper(JAN, [Attendee("Peter Lark", role="Clerk", evidence=ev())], [])
    feb = paper(FEB, [Attendee("Peter Lark", evidence=ev())],
                [act("Renew the insurance", "Peter Lark")])
    mar = paper(MAR, [Attendee("Rosa Finch", role="Clerk", evidence=ev()),
                      Attendee("Peter Lark", evidence=ev())],
                [act("Paint the gate", "Peter Lark"), act("Order a lock", "Rosa Finch")])
    save(session, jan, feb, mar)
    found = {v.text for v in outstanding_actions(session, today=TODAY, owner="Clerk")}
    assert found == {"Renew the insurance", "Order a lock"}

"""The save writes a meeting's list in a few statements (`store.roll`, `facts.write_attendance`,
`facts.insert_rows`) rather than a flush a row: what it stores must be what a row-by-row save
stored. Names and minutes are invented."""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from extract.model import Action, AgendaItem, Apology, Attendee, Evidence, Extraction, Meeting
from extract.model import SourceInfo
from store import save_extraction, schema
from store.facts import insert_rows

JAN = dt.date(2024, 1, 15)


def ev(page: int = 1) -> Evidence:
    return Evidence(page=page, block=1, extractor="test")


def _paper() -> Extraction:
    name = "tremough-2024-01-15.pdf"
    attendees = [
        Attendee("Hollis Dunmore", role="Chair", evidence=ev()),
        Attendee("Tregear", evidence=ev()),  # a bare surname: the full name below
        Attendee("Hollis Dunmorr", evidence=ev(2)),  # a near spelling in the same list
        Attendee("Wenna Tregear", role="Clerk", evidence=ev()),
        Attendee("Dunmore", evidence=ev()),  # Hollis Dunmore again
    ]
    meeting = Meeting(body="Tremough Trust", organisation=None, date=JAN, record="minutes",
                      attendees=attendees, apologies=[Apology("Ivo Penrose", evidence=ev())],
                      items=[AgendaItem("1", "Welcome", evidence=ev()),
                             AgendaItem("2", "Stiles", evidence=ev())],
                      actions=[Action(None, "Mend the stile", owners=["Clerk"],
                                      evidence=ev(2)),
                               Action(None, "Cut the hedge", owners=["Zebedee"],
                                      evidence=ev(2))])
    return Extraction(SourceInfo(name, hashlib.sha256(name.encode()).hexdigest(), "pdf", 2),
                      meetings=[meeting])


def test_a_list_saved_in_a_few_statements_stores_what_a_row_each_did(session: Session) -> None:
    save_extraction(session, _paper(), now=dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
    attended = session.execute(
        select(schema.Person.name, schema.Attendance.page)
        .join(schema.Attendance, schema.Attendance.person_id == schema.Person.id)
        .order_by(schema.Attendance.id)).all()
    # Full names first, in list order; a bare surname is the person already listed (even
    # one not yet written when it is met), not a second attendance row.
    assert [tuple(r) for r in attended] == [("Hollis Dunmore", 1), ("Hollis Dunmorr", 2),
                                            ("Wenna Tregear", 1)]
    people = session.scalars(select(schema.Person.name).order_by(schema.Person.id)).all()
    assert people == ["Hollis Dunmore", "Hollis Dunmorr", "Wenna Tregear", "Ivo Penrose"]
    # Each office hangs off its holder's own attendance row.
    roles = session.execute(
        select(schema.PersonRole.role, schema.Person.name)
        .join(schema.Attendance, schema.Attendance.id == schema.PersonRole.attendance_id)
        .join(schema.Person, schema.Person.id == schema.Attendance.person_id)
        .where(schema.Attendance.person_id == schema.PersonRole.person_id)
        .order_by(schema.PersonRole.id)).all()
    assert [tuple(r) for r in roles] == [("Chair", "Hollis Dunmore"), ("Clerk", "Wenna Tregear")]
    # The near spelling says where the other was last seen: earlier in this same list.
    similar = session.scalars(select(schema.Flag.message)
                              .where(schema.Flag.kind == "person-similar")).all()
    assert len(similar) == 1
    assert "'Hollis Dunmorr' may be 'Hollis Dunmore' (last seen 2024-01-15, " \
           "tremough-2024-01-15.pdf p.1)" in similar[0]
    apologies = session.scalars(select(schema.Person.name).join(
        schema.Apology, schema.Apology.person_id == schema.Person.id)).all()
    assert apologies == ["Ivo Penrose"]
    assert session.scalars(select(schema.AgendaItem.number)
                           .order_by(schema.AgendaItem.id)).all() == ["1", "2"]
    owners = session.execute(
        select(schema.Action.text, schema.ActionOwner.kind, schema.Person.name)
        .join(schema.ActionOwner, schema.ActionOwner.action_id == schema.Action.id)
        .outerjoin(schema.Person, schema.Person.id == schema.ActionOwner.person_id)
        .order_by(schema.Action.id)).all()
    assert [tuple(r) for r in owners] == [("Mend the stile", "person", "Wenna Tregear"),
                                          ("Cut the hedge", "unmatched", None)]
    # The unmatched owner's flag names its action, though the action had no id when
    # the owner was read.
    unmatched = session.execute(select(schema.Flag.action_id, schema.Action.text).join(
        schema.Action, schema.Action.id == schema.Flag.action_id)
        .where(schema.Flag.kind == "owner-unmatched")).all()
    assert [r[1] for r in unmatched] == ["Cut the hedge"]


def test_insert_rows_keeps_order_and_column_defaults(session: Session) -> None:
    """Rows of one model in one statement: ids in the given order, and a column the row
    object left unset takes its default as the unit of work would give it."""
    saved = save_extraction(session, _paper(), now=dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
    rows = [schema.Flag(document_id=saved.document_id, kind="k", message=m) for m in "cab"]
    insert_rows(session, rows)
    got = session.execute(select(schema.Flag.message, schema.Flag.dismissed)
                          .where(schema.Flag.kind == "k").order_by(schema.Flag.id)).all()
    assert [tuple(r) for r in got] == [("c", False), ("a", False), ("b", False)]

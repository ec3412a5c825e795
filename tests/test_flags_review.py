"""Flags tied to their action, one per owner problem, closed when their cause goes, and the
review queue's action row and JSON (store.flags, store.review, `boardpapers review`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from boardpapers.cli import app
from extract.model import Action, Attendee, Evidence, Extraction, Flag, Meeting, SourceInfo
from store import db as store_db
from store import open_session, save_extraction, schema

runner = CliRunner()
BODY = "Upper Wick Parish Council"
TASK = "XY to order the new noticeboard"


def _x(name: str, owner: str, flag_message: str) -> Extraction:
    action = Action("4", TASK, owners=[owner], owner_text=owner, evidence=Evidence(2, 7))
    flag = Flag("owner-unresolved", flag_message, 2, Evidence(2, 7), action=action,
                owner=owner)
    meeting = Meeting(body=BODY, date=dt.date(2025, 3, 4), pages=(1, 2),
                      attendees=[Attendee("Wendy Lark", evidence=Evidence(1, 1))],
                      actions=[action])
    sha = hashlib.sha256(name.encode()).hexdigest()
    return Extraction(SourceInfo(name, sha, "pdf", 2), meetings=[meeting], flags=[flag])


@pytest.fixture
def url(tmp_path):  # type: ignore[no-untyped-def]
    yield f"sqlite:///{tmp_path / 'bp.sqlite'}"
    store_db.dispose_all()


def test_the_extractions_owner_flag_folds_into_the_stores_and_is_tied_to_the_action(url):
    with open_session(url) as session:
        save_extraction(session, _x("a.pdf", "XY", "Owner 'XY' matches no attendee; kept as "
                                                   "written."))
        flags = session.scalars(select(schema.Flag)).all()
        action = session.scalars(select(schema.Action)).one()
    assert [f.kind for f in flags] == ["owner-unmatched"]  # one flag for one problem
    assert flags[0].action_id == action.id and flags[0].owner == "XY"


def test_an_alias_closes_the_flag_without_dismissing_it_and_review_json_shows_the_row(url):
    with open_session(url) as session:
        save_extraction(session, _x("a.pdf", "XY", "Owner 'XY' matches no attendee; kept as "
                                                   "written."))
        action_id = session.scalars(select(schema.Action.id)).one()
    out = runner.invoke(app, ["review", "--json", "--db", url])
    rows = json.loads(out.output)
    assert [r["action_id"] for r in rows] == [action_id]
    assert rows[0]["words"] == [TASK] and rows[0]["action"]["owner_text"] == "XY"
    assert runner.invoke(app, ["people", "alias", "Wendy Lark", "XY", "--db", url]
                         ).exit_code == 0
    assert json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output) == []
    with open_session(url) as session:
        flag = session.scalars(select(schema.Flag)).one()
        assert not flag.dismissed and "is Wendy Lark" in (flag.resolved or "")


def _undo_id(url: str, kind: str) -> int:
    with open_session(url) as session:
        return session.scalars(select(schema.Correction.id).where(
            schema.Correction.kind == kind)).one()


def test_undoing_the_alias_that_closed_a_flag_opens_it_again(url):
    with open_session(url) as session:
        save_extraction(session, _x("a.pdf", "XY", "Owner 'XY' matches no attendee; kept as "
                                                   "written."))
    assert runner.invoke(app, ["people", "alias", "Wendy Lark", "XY", "--db", url]
                         ).exit_code == 0
    assert json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output) == []
    out = runner.invoke(app, ["undo", str(_undo_id(url, "alias")), "--db", url])
    assert out.exit_code == 0, out.output
    rows = json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output)
    assert [r["kind"] for r in rows] == ["owner-unmatched"]


def _two_rows(name: str) -> Extraction:
    """One action table (block 7): the clerk's row with a deadline nobody can date, and a
    second row; the flag is on the first."""
    first = Action("4", "Clerk to book the hall", owners=["Clerk"], owner_text="Clerk",
                   due_text="by the next meeting", evidence=Evidence(2, 7))
    second = Action("5", "Wendy Lark to price the benches", owners=["Wendy Lark"],
                    owner_text="Wendy Lark", evidence=Evidence(2, 7))
    flag = Flag("due-unresolved", "Deadline 'by the next meeting' left open.", 2,
                Evidence(2, 7), action=first)
    meeting = Meeting(body=BODY, date=dt.date(2025, 3, 4), pages=(1, 2),
                      attendees=[Attendee("Wendy Lark", evidence=Evidence(1, 1))],
                      actions=[first, second])
    sha = hashlib.sha256(name.encode()).hexdigest()
    return Extraction(SourceInfo(name, sha, "pdf", 2), meetings=[meeting], flags=[flag])


def test_a_flag_on_one_row_of_a_table_quotes_that_row_and_a_due_date_closes_it(url):
    with open_session(url) as session:
        save_extraction(session, _two_rows("t.pdf"))
        first = session.scalars(select(schema.Action.id).where(
            schema.Action.text == "Clerk to book the hall")).one()
    rows = json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output)
    assert [r["action_id"] for r in rows] == [first]
    assert rows[0]["words"] == ["Clerk to book the hall"]  # the row, not the whole table
    out = runner.invoke(app, ["correct", str(first), "--due", "2025-04-01", "--db", url])
    assert out.exit_code == 0, out.output
    assert json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output) == []
    # and the flag comes back when the correction that removed its cause is undone
    assert runner.invoke(app, ["undo", str(_undo_id(url, "due")), "--db", url]).exit_code == 0
    assert len(json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output)) == 1


def test_dismissing_the_action_closes_its_flags(url):
    with open_session(url) as session:
        save_extraction(session, _two_rows("t.pdf"))
        first = session.scalars(select(schema.Action.id).where(
            schema.Action.text == "Clerk to book the hall")).one()
    assert runner.invoke(app, ["correct", str(first), "--dismiss", "--db", url]).exit_code == 0
    assert json.loads(runner.invoke(app, ["review", "--json", "--db", url]).output) == []
    with open_session(url) as session:
        assert not session.scalars(select(schema.Flag)).one().dismissed

def test_undoing_the_owner_fix_that_closed_a_flag_opens_the_flag_again(url):
    from store.corrections import correct_action, undo_correction

    with open_session(url) as session:
        save_extraction(session, _x("a.pdf", "XY", "Owner 'XY' matches no attendee; kept as "
                                                   "written."))
        action_id = session.scalars(select(schema.Action.id)).one()
        done = correct_action(session, action_id, owners=["Wendy Lark"])
        flag = session.scalars(select(schema.Flag)).one()
        assert "set the owner" in (flag.resolved or "")
        undo_correction(session, done.recorded[0][0])
        session.refresh(flag)
        assert flag.resolved is None and not flag.dismissed  # back in the queue

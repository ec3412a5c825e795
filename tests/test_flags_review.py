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

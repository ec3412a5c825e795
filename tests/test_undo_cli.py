"""`undo`, `accept`, `dismiss --kind --meeting`, `add-action` and `--due` as typed, through
typer's CliRunner on a real store (the store's behaviour is tested in test_undo.py and
test_add_action.py)."""
from __future__ import annotations

from sqlalchemy import select
from test_review_cli import bp, db, ids  # noqa: F401  (db is a fixture)

from store import open_session, schema


def test_undo_accept_bulk_and_add_action_on_the_command_line(db) -> None:  # noqa: F811
    flag = ids(db, schema.Flag, schema.Flag.kind, "attendance-missing")
    accepted = bp(db, "accept", str(flag), "--note", "right as read")
    assert accepted.exit_code == 0 and "accepted as read" in accepted.output
    with open_session(db) as session:
        fix = session.scalars(select(schema.Correction.id)).one()
        meeting = session.scalars(select(schema.Flag.meeting_id).where(
            schema.Flag.id == flag)).one()
    undone = bp(db, "undo", str(fix), "--note", "not right after all")
    assert undone.exit_code == 0 and f"undid correction {fix} (accept_flag)" in undone.output
    again = bp(db, "undo", str(fix))
    assert again.exit_code == 2 and "already undone" in again.output
    bulk = bp(db, "dismiss", "--kind", "attendance-missing", "--meeting", str(meeting))
    assert bulk.exit_code == 0 and "dismissed 1 flag(s) of kind attendance-missing" in bulk.output
    reopened = bp(db, "dismiss", str(flag), "--undo")
    assert reopened.exit_code == 0 and "is open again" in reopened.output
    added = bp(db, "add-action", str(meeting), "Clerk to book the hall", "--due", "March 2025")
    assert added.exit_code == 0, added.output
    assert "due 2025-03-31" in added.output and "month's last day" in added.output
    listed = bp(db, "actions", "--status", "all")
    assert "Clerk to book the hall" in listed.output and "added by the clerk" in listed.output
    bad = bp(db, "add-action", str(meeting), "Clerk to book the hall again", "--due", "soonish")
    assert bad.exit_code == 2 and "cannot read 'soonish' as a date" in bad.output
    listing = bp(db, "corrections")
    assert "undone" in listing.output and "not right after all" in listing.output

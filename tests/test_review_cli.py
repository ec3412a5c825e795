"""The clerk's loop on the command line: review, correct, dismiss, people merge/alias/list
and corrections, each through typer's CliRunner on a real store."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from conftest import SAMPLES
from sqlalchemy import select, text
from typer.testing import CliRunner

from boardpapers.cli import app
from extract.model import (
    Action,
    Attendee,
    Evidence,
    Extraction,
    Flag,
    Meeting,
    SourceInfo,
)
from store import db as store_db
from store import open_session, save_extraction, schema

runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # Rich tables wrap at 80 columns under the runner

BODY = "Corporate Parenting Panel"
MARKUP = "[bold]Healthwatch[/bold] to report back [/] on complaints"
MINISTER = "Cllr Prynn to write to the Minister"
CHASE = "Susan Prynn to chase the virtual school head"


def ev(page: int, block: int) -> Evidence:
    return Evidence(page=page, block=block, extractor="test")


def papers() -> list[Extraction]:
    sept = Meeting(
        body=BODY, organisation="Kent County Council", date=dt.date(2024, 9, 10),
        pages=(1, 4),
        attendees=[Attendee("Sue Prynn", evidence=ev(1, 1)),
                   Attendee("Ian Brown", evidence=ev(1, 2)),
                   Attendee("Sam Gorton", category="officer", evidence=ev(1, 3))],
        actions=[Action("3", "Sam Gorton to find a Police Representative",
                        owners=["Sam Gorton"], evidence=ev(2, 10)),
                 Action("4", MINISTER, owners=["Prynn"], evidence=ev(3, 11)),
                 Action("5", MARKUP, owners=["Healthwatch [Kent]"], evidence=ev(4, 13))])
    dec = Meeting(
        body=BODY, organisation="Kent County Council", date=dt.date(2024, 12, 10),
        attendees=[Attendee("Susan Prynn", evidence=ev(1, 1))],
        actions=[Action("2", CHASE, owners=["Susan Prynn"], evidence=ev(2, 5))])
    return [
        Extraction(SourceInfo("minutes [draft].pdf", _sha("sept"), "pdf", 4), meetings=[sept],
                   flags=[Flag("attendance-missing", "No time of arrival [/] recorded",
                               page=1)]),
        Extraction(SourceInfo("minutes-dec.docx", _sha("dec"), "docx", None), meetings=[dec]),
    ]


def _sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


@pytest.fixture
def db(tmp_path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    with open_session(url) as session:
        for x in papers():
            save_extraction(session, x)
    yield url
    store_db.dispose_all()


def bp(db: str, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, "--db", db], env=WIDE)


def ids(db: str, model, column, value) -> int:  # type: ignore[no-untyped-def]
    with open_session(db) as session:
        return session.scalars(select(model.id).where(column == value)).one()


# -- review ---------------------------------------------------------------------------------------

def test_review_lists_open_flags_with_meeting_file_page_and_words_as_written(db) -> None:
    result = bp(db, "review")
    assert result.exit_code == 0, result.output
    flag = ids(db, schema.Flag, schema.Flag.kind, "owner-unmatched")
    assert f"flag {flag}  owner-unmatched  {BODY} · minutes 2024-09-10 · " \
        "minutes [draft].pdf p.4" in result.output
    assert "action owner 'Healthwatch [Kent]' matches no attendee" in result.output
    assert f"“{MARKUP}”" in result.output  # the words of the flagged block, not markup
    assert "No time of arrival [/] recorded" in result.output
    assert "2 open flag(s)" in result.output


def test_review_filters_by_kind_and_body_and_limits(db) -> None:
    only = bp(db, "review", "--kind", "attendance-missing")
    assert "attendance-missing" in only.output and "owner-unmatched" not in only.output
    assert "1 open flag(s)" in only.output
    assert "0 open flag(s)" in bp(db, "review", "--body", "planning").output
    assert "1 of 2 open flag(s)" in bp(db, "review", "--limit", "1").output


def test_review_context_reads_the_file_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    assert runner.invoke(app, ["run", str(SAMPLES), "--db", url]).exit_code == 0
    plain = bp(url, "review", "--kind", "owner-unmatched")
    context = bp(url, "review", "--kind", "owner-unmatched", "--context")
    assert context.exit_code == 0, context.output
    flagged = [line for line in context.output.splitlines() if line.startswith("    › ")]
    assert flagged and "Chris Greenwood" in flagged[0]  # the block the flag was raised on
    assert len(context.output.splitlines()) > len(plain.output.splitlines())  # neighbours
    store_db.dispose_all()


# -- correct --------------------------------------------------------------------------------------

def test_correct_records_each_field_and_the_listing_shows_them(db) -> None:
    action = ids(db, schema.Action, schema.Action.text, "Sam Gorton to find a Police "
                 "Representative")
    result = bp(db, "correct", str(action), "--owner", "Ian Brown", "--owner", "Clerk",
                "--due", "2025-03-31", "--status", "closed",
                "--text", "[red]Find[/red] a police rep [/]", "--note", "[b]agreed[/b]")
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"action {action} · {BODY} 2024-09-10 · Sam Gorton to find" in out
    assert re.search(r"recorded correction \d+: owner → Ian Brown, Clerk \(role\)", out)
    assert re.search(r"recorded correction \d+: due → 2025-03-31", out)
    assert re.search(r"recorded correction \d+: status → closed", out)
    assert re.search(r"recorded correction \d+: text → \[red\]Find\[/red\] a police rep \[/\]",
                     out)
    listed = bp(db, "actions", "--owner", "Ian Brown", "--status", "closed")
    [row] = [line for line in listed.output.splitlines() if "police rep" in line]
    assert "[red]Find[/red] a police rep [/]" in row and "2025-03-31" in row
    log = bp(db, "corrections")
    assert "[b]agreed[/b]" in log.output and f"action {action}" in log.output


def test_correct_names_an_owner_the_body_does_not_know_and_the_open_flag(db) -> None:
    action = ids(db, schema.Action, schema.Action.text, MARKUP)
    flag = ids(db, schema.Flag, schema.Flag.kind, "owner-unmatched")
    result = bp(db, "correct", str(action), "--owner", "Healthwatch Kent")
    assert result.exit_code == 0, result.output
    assert "Healthwatch Kent (not a known person of this body; kept as written)" \
        in result.output
    # the owner the flag asked about is the clerk's now: the flag closes itself (store.flags)
    assert f"flag {flag} " not in bp(db, "review").output
    with open_session(db) as session:
        row = session.get(schema.Flag, flag)
        assert row is not None and not row.dismissed
        assert row.resolved and "the clerk set the owner" in row.resolved


def test_correct_dismiss_records_a_false_action(db) -> None:
    action = ids(db, schema.Action, schema.Action.text, MINISTER)
    result = bp(db, "correct", str(action), "--dismiss", "--note", "a discussion, not a task")
    assert result.exit_code == 0, result.output
    assert "dismissed: kept, but left out of the listing and the log" in result.output
    assert "dismiss_action" in bp(db, "corrections").output


# -- dismiss --------------------------------------------------------------------------------------

def test_dismiss_hides_the_flag_and_saying_it_twice_records_nothing(db) -> None:
    flag = ids(db, schema.Flag, schema.Flag.kind, "attendance-missing")
    done = bp(db, "dismiss", str(flag), "--note", "not minuted")
    assert done.exit_code == 0, done.output
    assert re.search(rf"recorded correction \d+: dismissed flag {flag} \(attendance-missing\): "
                     r"No time of arrival \[/\] recorded", done.output)
    assert "attendance-missing" not in bp(db, "review").output
    again = bp(db, "dismiss", str(flag))
    assert again.exit_code == 0 and "already dismissed by correction" in again.output
    assert bp(db, "corrections").output.count("dismiss_flag") == 1


# -- people ---------------------------------------------------------------------------------------

def test_people_merge_lets_actions_owner_find_either_name(db) -> None:
    merged = bp(db, "people", "merge", "Sue Prynn", "Susan Prynn", "--note", "same person")
    assert merged.exit_code == 0, merged.output
    assert re.search(r"recorded correction \d+: merged Susan Prynn into Sue Prynn "
                     rf"\({BODY}\); moved 1 action ownerships, 1 attendance; Susan Prynn is "
                     "now an alias of Sue Prynn", merged.output), merged.output
    for name in ("Sue Prynn", "Susan Prynn"):
        listed = bp(db, "actions", "--owner", name)
        assert CHASE in listed.output, name
    assert MINISTER in bp(db, "actions", "--owner", "Sue Prynn").output
    people = bp(db, "people", "list")
    [row] = [line for line in people.output.splitlines() if "Sue Prynn" in line]
    assert "Susan Prynn" in row
    assert "Susan Prynn" not in people.output.replace(row, "")  # no longer a person


def test_people_alias_and_the_merge_it_points_to(db) -> None:
    done = bp(db, "people", "alias", "Ian Brown", "Cllr I. Brown [Labour]")
    assert done.exit_code == 0, done.output
    assert re.search(r"recorded correction \d+: Cllr I\. Brown \[Labour\] is another name of "
                     rf"Ian Brown \({BODY}\)", done.output)
    refused = bp(db, "people", "alias", "Ian Brown", "Sam Gorton")
    assert refused.exit_code == 2
    assert 'run `boardpapers people merge "Ian Brown" "Sam Gorton"`' in refused.output
    again = bp(db, "people", "alias", "Ian Brown", "Cllr I. Brown [Labour]")
    assert again.exit_code == 0 and "nothing recorded" in again.output


@pytest.mark.parametrize(("args", "message"), [
    (["correct", "9999", "--status", "closed"], "there is no action 9999"),
    (["dismiss", "9999"], "there is no flag 9999"),
    (["correct", "{action}"], "nothing to correct"),
    (["correct", "{action}", "--due", "31/13/2025"], "--due is a date as YYYY-MM-DD"),  # 31/03/2025 reads now
    (["correct", "{action}", "--status", "done"], "--status is open or closed"),
    (["correct", "{action}", "--owner", "Prynn"], "could be Sue Prynn, Susan Prynn"),
    (["people", "merge", "Nobody", "Sue Prynn"], "there is no person called 'Nobody'"),
    (["people", "alias", "Prynn", "S P"], "'Prynn' could be Sue Prynn, Susan Prynn"),
    (["people", "merge", "Sue Prynn", "Sue Prynn"], "'Sue Prynn' is already Sue Prynn"),
])
def test_errors_are_plain_messages_with_exit_code_2(db, args, message) -> None:  # type: ignore[no-untyped-def]
    action = ids(db, schema.Action, schema.Action.text, MINISTER)
    result = bp(db, *(a.format(action=action) for a in args))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert "0 correction(s)" in bp(db, "corrections").output


# -- the whole loop on the samples, across a re-extraction -----------------------------------------

def test_corrections_made_on_the_command_line_survive_a_re_run_that_reads_again(tmp_path
                                                                                 ) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    assert runner.invoke(app, ["run", str(SAMPLES), "--db", url]).exit_code == 0
    with open_session(url) as session:
        action = session.scalars(select(schema.Action).where(
            schema.Action.text.startswith("Sam to send the Performance Report"))).one()
        flag = session.scalars(select(schema.Flag).where(
            schema.Flag.kind == "due-unresolved")).first()
        action_id, flag_id, words, message = action.id, flag.id, action.text, flag.message
    assert bp(url, "correct", str(action_id), "--owner", "Sam Gorton", "--due",
              "2016-12-01").exit_code == 0
    assert bp(url, "dismiss", str(flag_id)).exit_code == 0
    # Mark the stored readings as partial from an older reader: the next run reads every
    # file again and replaces its rows.
    with open_session(url) as session:
        session.execute(text("UPDATE documents SET status = 'partial', reader = 'old'"))
        session.commit()
    again = runner.invoke(app, ["run", str(SAMPLES), "--db", url])
    assert "re-read 3" in again.output, again.output
    listed = bp(url, "actions", "--owner", "Sam Gorton")
    [row] = [line for line in listed.output.splitlines() if words[:30] in line]
    assert "2016-12-01" in row
    assert message not in bp(url, "review").output
    assert "nothing now" not in bp(url, "corrections").output
    store_db.dispose_all()

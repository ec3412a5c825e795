"""The command line in a terminal and in a pipe (issue 12, Terminal): `actions` readable at
80 columns, plain tab-separated lines when piped, `--json` on every listing, `--version`,
`-v`/`-q`, shell completion. Every store here is invented.

Rich decides "terminal or not" from stdout, and honours `TTY_COMPATIBLE=1` (a terminal) and
`COLUMNS`: that is how a test stands in for an 80-column terminal under the runner, whose
stdout is not one (so without it every command here is "piped").
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers import __version__
from boardpapers.cli import app
from extract.model import Action, Attendee, Evidence, Extraction, Flag, Meeting, SourceInfo
from reports.table import COLUMNS
from store import open_session, save_extraction

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOX = re.compile(r"[\u2500-\u257f]")  # box drawing: ─ │ ┏ ┃ ╇ …
BODY = "Nether Wallop Parish Council"
# Long enough to wrap at 80 columns, with a word a five-character cell would have split.
ROOF = ("Clerk to obtain three quotations for the repair of the pavilion roof and "
        "circulate them with a recommendation before the October meeting")
BENCH = "Cllr Ashdown to ask the highways officer about the bench by the war memorial"
# TTY_COMPATIBLE from Rich 14; FORCE_COLOR does the same for older Rich
TERMINAL = {"TTY_COMPATIBLE": "1", "FORCE_COLOR": "1", "NO_COLOR": "1"}


def terminal(columns: int) -> dict[str, str]:
    return {**TERMINAL, "COLUMNS": str(columns)}


def _store(tmp_path: Path) -> str:
    """One parish meeting with two open actions, one overdue with a reference, page and
    owner; the other in words holding a tab, a line break and "[...]"; and one flag."""
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    with open_session(db) as session:
        save_extraction(session, Extraction(
            SourceInfo("nw-minutes-2024-06.pdf", hashlib.sha256(b"nw").hexdigest(), "pdf", 6),
            meetings=[Meeting(
                body=BODY, date=dt.date(2024, 6, 3),
                attendees=[Attendee("Cllr Petra Ashdown"), Attendee("Cllr Tom Vesey")],
                actions=[
                    Action("7", ROOF, owners=["Clerk"], due=dt.date(2024, 9, 30),
                           ref="NW24.07", evidence=Evidence(page=3)),
                    Action("8", "Cllr Ashdown to ask the highways officer\tabout the bench\n"
                                "by the [bold]war memorial[/bold]",
                           owners=["Cllr Petra Ashdown"], evidence=Evidence(page=4)),
                ])],
            flags=[Flag("attendance-missing", "No list of those present [draft]", page=1)]))
    return db


def _lines(output: str) -> list[str]:
    return ANSI.sub("", output).splitlines()


def _words(output: str) -> str:
    """The output with every run of spaces and line breaks as one space: text that wraps
    inside one cell reads as it was written; text chopped between cells does not."""
    return " ".join(ANSI.sub("", output).split())


# -- actions on a terminal ---------------------------------------------------------------

def test_actions_at_80_columns_are_cards_with_every_word(tmp_path):
    db = _store(tmp_path)
    result = runner.invoke(app, ["actions", "--db", db], env=terminal(80))
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert lines and max(len(line) for line in lines) <= 80, lines
    assert not BOX.search(result.stdout)  # cards, not a squeezed table
    words = _words(result.stdout)
    assert f"NW24.07 {ROOF}" in words  # ref and the whole text, in order
    assert "Clerk · raised 2024-06-03" in words and "due 2024-09-30" in words
    assert "open, overdue" in words
    assert f"{BODY} · nw-minutes-2024-06.pdf p.3" in words
    # paper text is shown as written: brackets are not markup, a tab is made visible
    assert "[bold]war memorial[/bold]" in words and "\\x09about" in words


def test_actions_between_cards_and_the_full_table_keep_the_columns_read_first(tmp_path):
    db = _store(tmp_path)
    middle = runner.invoke(app, ["actions", "--db", db], env=terminal(140))
    assert middle.exit_code == 0, middle.output
    lines = _lines(middle.stdout)
    assert max(len(line) for line in lines) <= 140
    header = next(line for line in lines if "Action" in line)
    for kept in ("Ref", "Owners", "Raised", "Due", "Status", "Source"):
        assert kept in header
    # one body in the listing: no Body column; the log's later mentions only when wide
    assert "Body" not in header and "Later mentions" not in header
    assert "nw-minutes-2024-06.pdf" in _words(middle.stdout).replace(" ", "")
    wide = runner.invoke(app, ["actions", "--db", db], env=terminal(200))
    header = next(line for line in _lines(wide.stdout) if "Action" in line)
    assert all(column in header for column in COLUMNS)


# -- piped: plain text ---------------------------------------------------------------------

def test_piped_actions_are_one_tab_separated_line_each_under_a_header(tmp_path):
    db = _store(tmp_path)
    result = runner.invoke(app, ["actions", "--db", db], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert not BOX.search(result.stdout) and "\x1b" not in result.stdout
    header, *rows = result.stdout.splitlines()
    assert header.split("\t") == list(COLUMNS)
    assert len(rows) == 2 and all(len(r.split("\t")) == len(COLUMNS) for r in rows)
    cell = {row.split("\t")[0]: dict(zip(COLUMNS, row.split("\t"))) for row in rows}
    roof = cell["NW24.07"]
    assert (roof["Action"], roof["Owners"], roof["Body"], roof["Raised"], roof["Due"]) == (
        ROOF, "Clerk", BODY, "2024-06-03", "2024-09-30")  # not cut at 80 columns
    assert roof["Status"] == "open, overdue" and roof["Source"] == "nw-minutes-2024-06.pdf p.3"
    [bench] = [c for ref, c in cell.items() if ref != "NW24.07"]
    # its own tab escaped, its line break a space: still one line of the right fields
    assert bench["Action"] == ("Cllr Ashdown to ask the highways officer\\x09about the bench "
                               "by the [bold]war memorial[/bold]")
    assert "2 action(s)" in result.stderr and "2 action(s)" not in result.stdout


@pytest.mark.parametrize("command, header", [
    (["people", "list"], "id\tname\talso known as\tbody\tmeetings\tactions"),
    (["corrections"], "id\twhen\tkind\tabout\tvalue\tnote\tapplies to"),
])
def test_piped_people_and_corrections_are_plain_lines(tmp_path, command, header):
    db = _store(tmp_path)
    assert runner.invoke(app, ["correct", "1", "--note", "quotes [late]", "--due",
                               "2024-10-31", "--db", db]).exit_code == 0
    result = runner.invoke(app, [*command, "--db", db])
    assert result.exit_code == 0, result.output
    assert not BOX.search(result.stdout) and "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == header and len(lines) > 1
    width = len(header.split("\t"))
    assert all(len(line.split("\t")) == width for line in lines)
    assert "Petra Ashdown" in result.stdout or "quotes [late]" in result.stdout


# -- --json on every listing ---------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ["actions", "--status", "all"], ["review"], ["people", "list"], ["corrections"]])
def test_every_listing_prints_one_json_list_on_stdout_and_nothing_else(tmp_path, command):
    db = _store(tmp_path)
    assert runner.invoke(app, ["correct", "1", "--due", "2024-10-31", "--db", db]
                         ).exit_code == 0
    result = runner.invoke(app, [*command, "--json", "--db", db], env=terminal(80))
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)  # all of stdout is the JSON: no count, no table
    assert isinstance(listed, list) and listed
    assert "\x1b" not in result.stdout and not BOX.search(result.stdout)
    if command[0] == "actions":
        [roof] = [a for a in listed if a["ref"] == "NW24.07"]
        assert (roof["text"], roof["owners"], roof["meeting_date"], roof["due"],
                roof["page"]) == (ROOF, ["Clerk"], "2024-06-03", "2024-10-31", 3)
        assert roof["overdue"] is True and roof["status"] == "open"
    elif command[0] == "corrections":
        [fix] = listed
        assert fix["kind"] == "due" and fix["value"] == "2024-10-31"
        dt.datetime.fromisoformat(fix["created_at"])  # an ISO timestamp
    elif command[0] == "review":
        [flag] = listed
        assert flag["kind"] == "attendance-missing" and flag["meeting_date"] == "2024-06-03"
    elif command[0] == "people":
        assert {"Petra Ashdown", "Tom Vesey"} <= {p["name"].removeprefix("Cllr ")
                                                   for p in listed}


def test_actions_json_for_an_owner_that_names_nobody_is_an_empty_list(tmp_path):
    db = _store(tmp_path)
    result = runner.invoke(app, ["actions", "--owner", "!!!", "--json", "--db", db])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [] and "names nobody" in result.stderr


# -- --version, -q, -v ---------------------------------------------------------------------

def test_version_prints_the_package_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"boardpapers {__version__}"


MINUTES = ("Nether Wallop Parish Council\n\nMinutes of the meeting held on 3 June 2024\n\n"
           "Present: Cllr P Ashdown (Chair), Cllr T Vesey\n\n1. Apologies\n\nNone.\n\n"
           "2. Pavilion\n\nACTION: Clerk to obtain quotes for the pavilion roof.\n")


def test_quiet_run_and_listing_say_nothing_on_stderr_but_errors(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "nw-minutes.txt").write_text(MINUTES)
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    # as on a terminal, where the progress bar is drawn on stderr
    loud = runner.invoke(app, ["run", str(papers), "--db", db], env=terminal(80))
    assert loud.exit_code == 0 and "files 1" in loud.stderr
    quiet = runner.invoke(app, ["-q", "run", str(papers), "--db", db], env=terminal(80))
    assert quiet.exit_code == 0 and quiet.stderr == ""
    for command in (["actions"], ["people", "list"], ["corrections"], ["review"]):
        listed = runner.invoke(app, ["-q", *command, "--db", db], env=terminal(80))
        assert listed.exit_code == 0 and listed.stderr == "", (command, listed.stderr)
        assert listed.stdout or command == ["review"]  # no flag on these minutes
    records = runner.invoke(app, ["-q", "extract", str(papers), "--out",
                                  str(tmp_path / "out")])
    assert records.exit_code == 0 and records.stderr == ""
    assert (tmp_path / "out" / "nw-minutes.txt.json").is_file()
    # -q lasts one command: the next one counts again
    assert "person(s)" in runner.invoke(app, ["people", "list", "--db", db]).stderr
    # an error is still said, with its exit code
    wrong = runner.invoke(app, ["-q", "actions", "--db", "notaurl"])
    assert wrong.exit_code == 2 and "is not a database URL" in wrong.stderr


def test_verbose_names_the_store_without_its_password_and_the_time_taken(tmp_path):
    db = _store(tmp_path)
    result = runner.invoke(app, ["-v", "actions", "--db", db])
    assert result.exit_code == 0, result.output
    assert f"store: {db}" in result.stderr
    assert re.search(r"actions: [\d.]+ s \([\d.]+ s CPU\)", result.stderr)
    secret = runner.invoke(app, ["-v", "actions", "--db",
                                 "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/bp"])
    assert secret.exit_code == 2
    assert "store: postgresql+psycopg://clerk:***@127.0.0.1:1/bp" in secret.stderr
    assert "s3cret" not in secret.output
    assert "store:" not in runner.invoke(app, ["actions", "--db", db]).stderr
    both = runner.invoke(app, ["-v", "-q", "actions", "--db", db])
    assert both.exit_code == 2 and "not both" in both.stderr


# -- shell completion ----------------------------------------------------------------------

def test_bash_completion_script_and_completing_a_command():
    script = runner.invoke(app, ["--show-completion", "bash"], prog_name="boardpapers")
    assert script.exit_code == 0, script.output
    assert "complete -o default -F _boardpapers_completion boardpapers" in script.stdout
    assert "_BOARDPAPERS_COMPLETE=complete_bash" in script.stdout
    # what the script asks the command for when the clerk presses Tab after "peo"
    done = runner.invoke(app, [], prog_name="boardpapers", env={
        "_BOARDPAPERS_COMPLETE": "complete_bash", "COMP_WORDS": "boardpapers peo",
        "COMP_CWORD": "1"})
    assert done.stdout.split() == ["people"]
    option = runner.invoke(app, [], prog_name="boardpapers", env={
        "_BOARDPAPERS_COMPLETE": "complete_bash", "COMP_WORDS": "boardpapers actions --ov",
        "COMP_CWORD": "2"})
    assert option.stdout.split() == ["--overdue"]


def test_later_mentions_stay_on_the_actions_line_when_piped_and_the_card_shows_the_latest(
        tmp_path):
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    with open_session(db) as session:  # raised in June, then a word on it at two meetings
        for n, (day, update) in enumerate([(dt.date(2024, 6, 3), None),
                                           (dt.date(2024, 7, 1), "Two quotes in"),
                                           (dt.date(2024, 9, 2), "Third quote awaited")]):
            save_extraction(session, Extraction(
                SourceInfo(f"nw-{n}.pdf", hashlib.sha256(bytes([n])).hexdigest(), "pdf", 4),
                meetings=[Meeting(body=BODY, date=day, actions=[
                    Action("7", "Clerk to obtain three quotations for the pavilion roof",
                           owners=["Clerk"], ref="NW24.07", status="open" if n else None,
                           update=update, evidence=Evidence(page=2))])]))
    piped = runner.invoke(app, ["actions", "--db", db])
    header, row = piped.stdout.splitlines()
    assert dict(zip(COLUMNS, row.split("\t")))["Later mentions"] == (
        "2024-07-01 minutes, action row: Two quotes in (nw-1.pdf p.2) | "
        "2024-09-02 minutes, action row: Third quote awaited (nw-2.pdf p.2)")
    card = _words(runner.invoke(app, ["actions", "--db", db], env=terminal(80)).stdout)
    assert ("latest: 2024-09-02 minutes, action row: Third quote awaited (nw-2.pdf p.2) "
            "(+1 earlier)") in card

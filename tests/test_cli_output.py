"""Honest, safe output (issue 8 §5): what a file name or a paper holds cannot drive the
clerk's terminal, forge a line, reorder what is shown or make a link in a log; a file name
that is not UTF-8 is stored; ordinary mistakes are one sentence and exit code 2."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import socket
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.show import shown
from extract.model import Action, Attendee, Extraction, Flag, Meeting, SourceInfo
from store import open_session, save_extraction

runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # Rich tables wrap at 80 columns under the runner
ESC = "\x1b]0;pwned\x07\x1b[2J"  # retitle the terminal, then clear the screen
RLO = "\u202e"  # right-to-left override: what follows is shown reversed
MINUTES = ("Hartley Parish Council\n\nMinutes of the meeting held on 3 June 2024\n\n"
           "Present: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies\n\nNone.\n")


def _db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bp.sqlite'}"


def _hostile_store(tmp_path: Path) -> str:
    """A store holding one meeting whose every text carries ESC and bidi controls."""
    db = _db(tmp_path)
    with open_session(db) as session:
        save_extraction(session, Extraction(
            SourceInfo(f"minutes{ESC}.pdf", hashlib.sha256(b"x").hexdigest(), "pdf", 1),
            meetings=[Meeting(
                body=f"Parish {RLO}Council", date=dt.date(2024, 6, 3),
                attendees=[Attendee(f"Ann {ESC}Smith")],
                actions=[Action("1", f"Clerk to {RLO}pay{ESC} the invoice",
                                owners=["Clerk"])])],
            flags=[Flag("owner-unresolved", f"Owner {ESC}{RLO} is unmatched")]))
    return db


def _assert_inert(output: str) -> None:
    assert "\x1b" not in output and RLO not in output, repr(output)


# -- terminal ------------------------------------------------------------------------------

def test_shown_escapes_controls_bidi_and_undecodable_bytes():
    name = "a\x1b]0;t\x07b\nc" + RLO + "d\udce9.pdf\u00a0x"
    assert shown(name) == "a\\x1b]0;t\\x07b\\x0ac\\u202ed\\xe9.pdf x"
    assert shown("one\ntwo", lines=True) == "one\ntwo"


def test_run_escapes_a_file_name_that_would_drive_the_terminal_or_forge_a_line(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / f"a{ESC}b\nfailed forged.txt").write_bytes(b"")  # empty: listed as failed
    result = runner.invoke(app, ["run", str(papers), "--db", _db(tmp_path)])
    assert result.exit_code == 1
    _assert_inert(result.output)
    assert not any(line.startswith("failed forged.txt") for line in result.output.splitlines())
    assert "a\\x1b]0;pwned\\x07\\x1b[2Jb\\x0afailed forged.txt" in result.output


def test_extract_escapes_the_file_name_it_reports(tmp_path):
    paper = tmp_path / f"minutes{ESC}.txt"
    paper.write_text(MINUTES)
    result = runner.invoke(app, ["extract", str(paper), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    _assert_inert(result.output)
    assert "minutes\\x1b]0;pwned" in result.output


def test_inspect_escapes_the_file_name_of_a_failed_file(tmp_path):
    paper = tmp_path / f"pack{ESC}.pdf"
    paper.write_bytes(b"%PDF-1.7 cut short")
    result = runner.invoke(app, ["inspect", str(paper)])
    assert result.exit_code == 1
    _assert_inert(result.output)


@pytest.mark.parametrize("command", [
    ["actions", "--status", "all"], ["review"], ["people", "list"], ["corrections"]])
def test_paper_text_reaches_the_terminal_escaped(tmp_path, command):
    db = _hostile_store(tmp_path)
    noted = runner.invoke(app, ["correct", "1", "--status", "closed", "--note",
                                f"paid {RLO}late", "--db", db], env=WIDE)
    assert noted.exit_code == 0, noted.output
    _assert_inert(noted.output)
    result = runner.invoke(app, [*command, "--db", db], env=WIDE)
    assert result.exit_code == 0, result.output
    _assert_inert(result.output)
    assert "\\u202e" in result.output or command == ["people", "list"]


# -- a file name that is not UTF-8 ---------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8_is_stored_escaped_and_found_again(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    raw = os.path.join(os.fsencode(papers), b"caf\xe9 minutes.txt")  # a Windows zip's name
    with open(raw, "w", encoding="utf-8") as fh:
        fh.write(MINUTES)
    db = _db(tmp_path)
    first = runner.invoke(app, ["run", str(papers), "--db", db])
    assert first.exit_code == 0, first.output
    assert "new 1" in first.output and "failed 0" in first.output
    again = runner.invoke(app, ["run", str(papers), "--db", db])
    assert again.exit_code == 0 and "unchanged 1" in again.output, again.output
    from boardpapers import batch

    with open_session(db) as session:  # it is the stored file, not a copy of it
        (outcome,) = batch.run(session, [Path(os.fsdecode(raw))])
    assert outcome.action == "unchanged" and outcome.note == "", outcome
    from store.review import document_paths
    from store.save import original_name

    with open_session(db) as session:
        (stored,) = document_paths(session, 1)
    assert stored.endswith("caf\\xe9 minutes.txt")  # lossless, readable, storable
    assert os.fsencode(original_name(stored)) == raw
    extracted = runner.invoke(app, ["extract", str(papers), "--out", str(tmp_path / "out")])
    assert extracted.exit_code == 0, extracted.output
    assert "caf\\xe9 minutes.txt → " in extracted.output
    (record,) = (tmp_path / "out").iterdir()
    assert json.loads(record.read_text(encoding="utf-8"))["source"]["file"] == \
        "caf\\xe9 minutes.txt"


# -- mistakes: one sentence, exit code 2 ---------------------------------------------------

def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _mistakes(tmp_path: Path) -> list[tuple[list[str], str]]:
    db = _db(tmp_path)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    mistakes = [
        (["log", "--out", str(tmp_path), "--db", db], "is a folder"),
        (["log", "--out", str(a_file / "log.md"), "--db", db], "is a file, not a folder"),
        (["log", "--out", "/proc/no/such/log.md", "--db", db], "cannot write the log"),
        (["actions", "--db", f"sqlite:///{tmp_path / 'no' / 'such' / 'bp.sqlite'}"],
         "does not exist"),
        (["extract", str(a_file), "--out", str(a_file)], "is a file"),
        (["actions", "--db", "notaurl"], "is not a database URL"),
        (["log", "--out", str(tmp_path / "log.md"), "--db", "foo://x"], "no database of kind"),
    ]
    try:
        import psycopg  # noqa: F401  (the driver is an extra)
    except ImportError:
        return mistakes
    down = f"postgresql+psycopg://x@127.0.0.1:{_unused_port()}/x"  # nothing listens there
    return [*mistakes, (["actions", "--db", down], "cannot open the store")]


def test_ordinary_mistakes_are_one_sentence_and_exit_code_2(tmp_path):
    for args, words in _mistakes(tmp_path):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert isinstance(result.exception, SystemExit), (args, result.exception)
        assert words in result.output, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, (args, result.output)


# -- the action log: no links, no bidi, no formulas ----------------------------------------

HOSTILE_ACTION = (f"{RLO}=1+1 [click](http://evil.example) [x](javascript:alert(1)) see "
                  "http://evil.example and www.evil.example <https://x.example>")


def _store_with(tmp_path: Path, text: str) -> str:
    db = _db(tmp_path)
    with open_session(db) as session:
        save_extraction(session, Extraction(
            SourceInfo("m.pdf", hashlib.sha256(text.encode()).hexdigest(), "pdf", 1),
            meetings=[Meeting(body="Parish Council", date=dt.date(2024, 6, 3), actions=[
                Action("1", text, owners=["Clerk"])])]))
    return db


def test_markdown_log_makes_no_link_from_paper_text(tmp_path):
    db = _store_with(tmp_path, HOSTILE_ACTION)
    target = tmp_path / "log.md"
    assert runner.invoke(app, ["log", "--out", str(target), "--db", db]).exit_code == 0
    md = target.read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<a " not in html and "<img" not in html
    # bare URLs, which GitHub links without brackets, are broken up too
    assert not re.search(r"[^\\]://", md) and not re.search(r"\bwww\.", md)
    assert "http\\://evil.example" in md  # and still read as written once rendered
    assert "http://evil.example" in html


def test_bidi_controls_are_neutralised_in_every_text_log_and_formulas_stay_inert(tmp_path):
    db = _store_with(tmp_path, HOSTILE_ACTION)
    for fmt in ("md", "csv", "html"):
        target = tmp_path / f"log.{fmt}"
        result = runner.invoke(app, ["log", "--out", str(target), "--db", db])
        assert result.exit_code == 0, result.output
        text = target.read_text(encoding="utf-8-sig")
        assert RLO not in text and "\\u202e" in text, fmt
    with (tmp_path / "log.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    other = tmp_path / "formula"
    other.mkdir()
    db2 = _store_with(other, '=HYPERLINK("http://evil.example")')
    target = tmp_path / "formula.csv"
    assert runner.invoke(app, ["log", "--out", str(target), "--db", db2]).exit_code == 0
    assert "'=HYPERLINK" in target.read_text(encoding="utf-8-sig")


# -- actions --owner, log --format ---------------------------------------------------------

def test_an_owner_with_no_letters_lists_no_action_and_says_so(tmp_path):
    db = _store_with(tmp_path, "Clerk to pay the invoice")
    everyone = runner.invoke(app, ["actions", "--db", db], env=WIDE)
    assert "Clerk to pay the invoice" in everyone.output
    result = runner.invoke(app, ["actions", "--owner", "!!!", "--db", db], env=WIDE)
    assert result.exit_code == 0
    assert "Clerk to pay" not in result.output
    assert "names nobody" in result.output and "0 action(s)" in result.output


def test_log_format_follows_the_file_extension(tmp_path):
    from openpyxl import load_workbook

    db = _store_with(tmp_path, "Clerk to pay the invoice")
    target = tmp_path / "log.xlsx"
    result = runner.invoke(app, ["log", "--out", str(target), "--db", db])
    assert result.exit_code == 0, result.output
    assert load_workbook(target).active["B2"].value == "Clerk to pay the invoice"
    plain = tmp_path / "log"  # no extension: Markdown, as before
    assert runner.invoke(app, ["log", "--out", str(plain), "--db", db]).exit_code == 0
    assert plain.read_text().startswith("# Action log")


@pytest.mark.parametrize("args, words", [
    (["--format", "md", "--out", "x.xlsx"], "does not match"),
    (["--out", "x.pdf"], "cannot tell the format"),
    (["--format", "pdf", "--out", "x.md"], "--format is one of"),
])
def test_log_refuses_a_format_the_file_name_contradicts(tmp_path, args, words):
    db = _store_with(tmp_path, "Clerk to pay the invoice")
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = runner.invoke(app, ["log", *args, "--db", db])
    assert result.exit_code == 2 and words in result.output, result.output
    assert not any(p.name.startswith("x.") for p in tmp_path.iterdir())
    assert re.fullmatch(r"[^\n]+\n", result.output), result.output

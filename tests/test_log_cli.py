"""`boardpapers log` filters and `boardpapers digest` (issue 12), end to end on an invented
store, and the streamed reading of the log (`store.action_stream`)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers.cli import app
from extract.model import Action, Attendee, Evidence, Extraction, Meeting, SourceInfo
from reports.action_report import action_log_report, action_row
from reports.filenames import safe_file_name
from store import action_log, open_session, save_extraction
from store.action_stream import iter_actions, stream_actions
from store.queries import ActionView, StreamedAction

runner = CliRunner()
SEP, NOV, DEC = dt.date(2024, 9, 10), dt.date(2024, 11, 5), dt.date(2024, 12, 10)
PARKS, FINANCE = "Parks Committee", "Finance Committee"
TODAY = dt.date(2025, 1, 9)


def _paper(name: str, meeting: Meeting) -> Extraction:
    return Extraction(SourceInfo(name, hashlib.sha256(name.encode()).hexdigest(), "pdf", 9),
                      meetings=[meeting])


def _people(*names: str) -> list[Attendee]:
    return [Attendee(n) for n in names]


def _papers() -> list[Extraction]:
    return [
        _paper("parks-2024-09-10.pdf", Meeting(
            body=PARKS, organisation="Hartfield Town Council", date=SEP,
            attendees=_people("Ann Ashby", "Bob Bray"), actions=[
                Action("1", "Order new bins for the recreation ground", owners=["Ann Ashby"],
                       due=dt.date(2024, 10, 1), ref="P1", evidence=Evidence(3)),
                Action("2", "Ask the county about the verge cutting", owners=["Bob Bray"],
                       evidence=Evidence(4)),
                Action("3", "Pay the mower invoice", owners=["Ann Ashby"], status="Complete",
                       evidence=Evidence(4)),
            ])),
        _paper("finance-2024-11-05.pdf", Meeting(
            body=FINANCE, organisation="Hartfield Town Council", date=NOV,
            attendees=_people("Cara Cole"), actions=[
                Action("1", "Renew the insurance", owners=["Cara Cole"], evidence=Evidence(2)),
            ])),
        _paper("parks-pack-2024-12-10.pdf", Meeting(
            body=PARKS, organisation="Hartfield Town Council", date=DEC, record="agenda",
            actions=[Action(None, "Order new bins", ref="P1", update="Quote awaited",
                            evidence=Evidence(5))])),
        _paper("parks-2024-12-10.pdf", Meeting(
            body=PARKS, organisation="Hartfield Town Council", date=DEC,
            attendees=_people("Ann Ashby", "Bob Bray"), actions=[
                Action("4", "Repaint the bandstand railings", owners=["Bob Bray"], ref="P2",
                       evidence=Evidence(2)),
            ])),
    ]


@pytest.fixture
def db(db_url: str) -> Iterator[str]:
    """The invented store, on SQLite (and PostgreSQL with BOARDPAPERS_TEST_PG_URL)."""
    with open_session(db_url) as session:
        for paper in _papers():
            save_extraction(session, paper)
    yield db_url


def _log(db: str, tmp_path: Path, *args: str) -> list[dict]:
    out = tmp_path / "log.json"
    result = runner.invoke(app, ["log", "--out", str(out), *args, "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert f"{len(data)} action(s) → {out}" in result.output
    return data


def _texts(data: list[dict]) -> list[str]:
    return [d["Action"] for d in data]


# -- the stream ---------------------------------------------------------------------------

@pytest.mark.parametrize("chunk", [1, 2, 2000])
def test_the_stream_reads_what_the_list_reads(db, chunk):
    with open_session(db) as s:
        listed = action_log(s, today=TODAY)
        streamed = list(iter_actions(s, today=TODAY, chunk=chunk))
    assert len(listed) == 5 and streamed == listed
    assert [a.mentions[0].note for a in streamed if a.ref == "P1"] == ["Quote awaited"]


def test_the_stream_puts_undated_meetings_last_as_the_list_does(db):
    """The stream reads dated threads, then undated ones (each in index order)."""
    undated = Meeting(body=PARKS, organisation="Hartfield Town Council", date=None,
                      actions=[Action("1", "Clear the pond of weed", owners=["Ann Ashby"],
                                      evidence=Evidence(1)),
                               Action("2", "Fix the gate latch", owners=["Bob Bray"],
                                      evidence=Evidence(1))])
    with open_session(db) as s:
        save_extraction(s, _paper("parks-undated.pdf", undated))
        listed = action_log(s, today=TODAY)
        streamed = [a.view() for a in stream_actions(s, today=TODAY, chunk=1)]
        opened = list(stream_actions(s, today=TODAY, status="open"))
    assert streamed == listed and len(listed) == 7
    assert [a.text for a in streamed[-2:]] == ["Clear the pond of weed", "Fix the gate latch"]
    assert [a.meeting_date for a in streamed[:-2]] == sorted(a.meeting_date
                                                             for a in streamed[:-2])
    assert opened[-1].text == "Fix the gate latch" and opened[-1].owners == ("Bob Bray",)


@pytest.mark.parametrize("chunk", [1, 2000])
def test_the_log_rows_from_tuples_are_the_rows_from_views(db, chunk):
    """`log` writes from `stream_actions` tuples: the same fields as `ActionView`, and the
    same report rows as the views `action_log` lists, cell for cell (the rows of a whole
    log share their memo of body and source cells; each view's row here has its own)."""
    with open_session(db) as s:
        listed = action_log(s, today=TODAY)
        tuples = list(stream_actions(s, today=TODAY, chunk=chunk))
    assert StreamedAction._fields == tuple(f.name for f in dataclasses.fields(ActionView))
    assert [t.view() for t in tuples] == listed
    assert [t.stale for t in tuples] == [a.stale for a in listed]
    rows = list(action_log_report(tuples, as_at=TODAY).parts[0].rows)
    assert rows == [action_row(a) for a in listed] and len(rows) == 5
    # the tones and the status words the fast path leaves out are still there
    by_text = {r.cells[1]: r for r in rows}
    assert by_text["Pay the mower invoice"].tone == "closed"
    assert by_text["Pay the mower invoice"].cells[7] == "closed (Complete)"
    assert by_text["Order new bins for the recreation ground"].tone == "overdue"
    assert by_text["Renew the insurance"].cells[7:9] == ("open", None)


# -- log filters --------------------------------------------------------------------------

def test_log_from_and_to_as_typed(db, tmp_path):
    every = _log(db, tmp_path)
    assert len(every) == 5 and every[0]["Raised at"] == "2024-09-10"
    autumn = _log(db, tmp_path, "--from", "1 Oct 2024", "--to", "30/11/24")
    assert _texts(autumn) == ["Renew the insurance"]
    december = _log(db, tmp_path, "--from", "December 2024")  # a month: from its 1st
    assert _texts(december) == ["Repaint the bandstand railings"]
    to_sep = _log(db, tmp_path, "--to", "September 2024")  # a month: to its last day
    assert len(to_sep) == 3


def test_log_open_owner_and_body(db, tmp_path):
    open_ = _log(db, tmp_path, "--open")
    assert "Pay the mower invoice" not in _texts(open_) and len(open_) == 4
    bray = _log(db, tmp_path, "--owner", "Bray", "--open")
    assert _texts(bray) == ["Ask the county about the verge cutting",
                            "Repaint the bandstand railings"]
    parks = _log(db, tmp_path, "--body", "parks")
    assert {d["Body"] for d in parks} == {PARKS} and len(parks) == 4


def test_log_since_last_meeting(db, tmp_path):
    since = _log(db, tmp_path, "--since-last-meeting", "--body", "Parks")
    # P2 raised there, P1 mentioned in that meeting's pack; the verge action neither
    assert _texts(since) == ["Order new bins for the recreation ground",
                             "Repaint the bandstand railings"]
    finance = _log(db, tmp_path, "--since-last-meeting", "--body", "Finance")
    assert _texts(finance) == ["Renew the insurance"]
    two = runner.invoke(app, ["log", "--since-last-meeting", "--out",
                              str(tmp_path / "x.json"), "--db", db])
    assert two.exit_code == 2 and "needs one body" in two.output
    assert re.fullmatch(r"[^\n]+\n", two.output), two.output


def test_log_bad_dates_and_ranges_are_one_sentence(db, tmp_path):
    for args, words in [(["--from", "someday"], "--from is a date"),
                        (["--from", "2025-01-01", "--to", "2024-01-01"], "swap them"),
                        (["--owner", "!!"], "names nobody"),
                        (["--template", str(tmp_path / "t.docx")], "fills a Word document")]:
        result = runner.invoke(app, ["log", "--out", str(tmp_path / "x.json"), *args,
                                     "--db", db])
        assert result.exit_code == 2 and words in result.output, (args, result.output)
        assert re.fullmatch(r"[^\n]+\n", result.output), result.output


def test_log_docx_names_body_date_and_scope(db, tmp_path):
    from docx import Document

    out = tmp_path / "pack.docx"
    result = runner.invoke(app, ["log", "--out", str(out), "--body", "parks", "--open",
                                 "--db", db])
    assert result.exit_code == 0, result.output
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert PARKS in paras and f"As at {dt.date.today().isoformat()}" in paras
    assert "open actions" in paras


def test_log_into_a_template_and_a_broken_one(db, tmp_path):
    from docx import Document

    template = tmp_path / "house.docx"
    doc = Document()
    doc.add_paragraph("{{ body }}: {% for r in tables[0].rows %}{{ r[0] }}; {% endfor %}")
    doc.save(str(template))
    out = tmp_path / "filled.docx"
    result = runner.invoke(app, ["log", "--out", str(out), "--body", "parks", "--open",
                                 "--template", str(template), "--db", db])
    assert result.exit_code == 0, result.output
    assert Document(str(out)).paragraphs[0].text == f"{PARKS}: P1; #2; P2; "
    broken = tmp_path / "broken.docx"
    doc = Document()
    doc.add_paragraph("{% for r in %}")
    doc.save(str(broken))
    result = runner.invoke(app, ["log", "--out", str(tmp_path / "b.docx"), "--template",
                                 str(broken), "--db", db])
    assert result.exit_code == 2 and "broken.docx cannot be filled" in result.output
    assert re.fullmatch(r"[^\n]+\n", result.output), result.output


# -- digest -------------------------------------------------------------------------------

def test_digest_writes_one_file_per_person_oldest_first(db, tmp_path):
    out = tmp_path / "digests"
    result = runner.invoke(app, ["digest", "--body", "Parks", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["Ann-Ashby.txt", "Bob-Bray.txt"]
    ann = (out / "Ann-Ashby.txt").read_text()
    assert "Order new bins for the recreation ground" in ann
    assert "[overdue]" in ann and "parks-2024-09-10.pdf p.3" in ann
    assert "mower invoice" not in ann  # closed
    bob = (out / "Bob-Bray.txt").read_text()
    assert bob.index("verge cutting") < bob.index("bandstand")  # oldest first
    assert "1 open action for Ann Ashby, 1 overdue" in ann
    assert "2 digest(s)" in result.output
    again = runner.invoke(app, ["digest", "--body", "Parks", "--out", str(out), "--db", db])
    assert again.exit_code == 0 and len(list(out.iterdir())) == 2  # a re-run overwrites


def test_digest_for_one_owner_as_html_or_xlsx(db, tmp_path):
    from openpyxl import load_workbook

    page = tmp_path / "bob.html"
    result = runner.invoke(app, ["digest", "--body", "Parks", "--owner", "Bray", "--out",
                                 str(page), "--db", db])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    assert "Actions for Bob Bray" in html and "bandstand" in html and "parks-2024-12-10.pdf" \
        in html
    book = tmp_path / "ann.xlsx"
    assert runner.invoke(app, ["digest", "--body", "Parks", "--owner", "Ann Ashby", "--out",
                               str(book), "--db", db]).exit_code == 0
    ws = load_workbook(book).active
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == [
        "Order new bins for the recreation ground"]
    folder = tmp_path / "as-html"
    assert runner.invoke(app, ["digest", "--body", "Parks", "--format", "html", "--out",
                               str(folder), "--db", db]).exit_code == 0
    assert sorted(p.suffix for p in folder.iterdir()) == [".html", ".html"]


def test_digest_mistakes_are_one_sentence(db, tmp_path):
    for args, words in [
            (["--body", "Parks", "--out", str(tmp_path / "d.docx")], "a digest is written as"),
            (["--body", "Parks", "--out", str(tmp_path / "one.txt")], "give --owner"),
            (["--body", "Allotments", "--out", str(tmp_path / "d")], "names no body"),
            (["--body", "Parks", "--format", "md", "--out", str(tmp_path / "d")], "one of")]:
        result = runner.invoke(app, ["digest", *args, "--db", db])
        assert result.exit_code == 2 and words in result.output, (args, result.output)
        assert re.fullmatch(r"[^\n]+\n", result.output), result.output


def test_file_names_from_people_are_safe_bounded_and_unique():
    taken: set[str] = set()
    names = [safe_file_name(n, "txt", taken) for n in
             ["../../etc/passwd", "Sue O'Prynn", "Sue O'Prynn", "CON", "x" * 300,
              "Dr. A\\B: C", ".hidden", "\u202eevil", ""]]
    assert names[0] == "etc-passwd.txt"
    assert names[1] == "Sue-O-Prynn.txt" and names[2] == "Sue-O-Prynn-2.txt"
    assert names[3] == "CON-person.txt"
    assert names[4] == "x" * 60 + ".txt"
    assert names[5] == "Dr-A-B-C.txt" and names[6] == "hidden.txt"
    assert names[7] == "evil.txt" and names[8] == "person.txt"
    assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names)


def test_quiet_reports_write_their_files_and_say_nothing(db, tmp_path):
    # -q leaves stderr to warnings and errors: no "N action(s) → file", no digest list
    log = tmp_path / "log.json"
    said = runner.invoke(app, ["-q", "log", "--out", str(log), "--owner", "Bob Bray",
                               "--db", db])
    assert said.exit_code == 0 and said.stderr == "" and said.stdout == ""
    assert {"Repaint the bandstand railings"} <= set(_texts(json.loads(log.read_text())))
    digests = tmp_path / "digests"
    said = runner.invoke(app, ["-q", "digest", "--body", PARKS, "--out", str(digests),
                               "--db", db])
    assert said.exit_code == 0 and said.stderr == "" and said.stdout == ""
    assert list(digests.glob("*.txt"))
    said = runner.invoke(app, ["-q", "decisions", "--out", str(tmp_path / "d.csv"),
                               "--db", db])
    assert said.exit_code == 0 and said.stderr == "" and (tmp_path / "d.csv").exists()

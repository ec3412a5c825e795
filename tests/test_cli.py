"""The command line, end to end on the bundled samples: run, re-run, extract, actions, log."""
from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from boardpapers.cli import app
from conftest import SAMPLES

runner = CliRunner()


def _db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'bp.sqlite'}"


def test_run_stores_samples_and_rerun_changes_nothing(tmp_path):
    db = _db(tmp_path)
    first = runner.invoke(app, ["run", str(SAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "files 3 (new 3, re-read 0, unchanged 0, failed 0) · partial 0" in first.output
    again = runner.invoke(app, ["run", str(SAMPLES), "--db", db])
    assert again.exit_code == 0
    assert "files 3 (new 0, re-read 0, unchanged 3, failed 0) · partial 0" in again.output
    # the store's own summary line is identical: nothing was added or changed
    store_line = [out.output.split("store:")[1].splitlines()[0] for out in (first, again)]
    assert store_line[0] == store_line[1]
    assert "read 3 file(s), 26 page(s)" in first.output and "slowest" not in again.output


def test_batch_goes_on_past_a_bad_file_and_exits_non_zero(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(SAMPLES / "lancs-cpb_minutes_2016-09-08.pdf", papers)
    (papers / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    (papers / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = runner.invoke(app, ["run", str(papers), "--db", _db(tmp_path)])
    assert result.exit_code == 1
    assert "failed 2" in result.output
    assert "legacy Word" in result.output
    # one line per file at the default 80 columns: the path is not split from its reason
    assert f"failed {papers / 'broken.pdf'}: broken.pdf is a damaged PDF" in result.output
    assert "meetings 1" in result.output  # the good file was still stored


def test_extract_writes_contract_records(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(SAMPLES / "lancs-cpb_minutes_2020-09-10.docx"),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    record = json.loads((out / "lancs-cpb_minutes_2020-09-10.docx.json").read_text())
    assert record["schema"] == "boardpapers/extraction@1"
    assert record["source"]["format"] == "docx" and record["source"]["pages"] is None
    assert record["meetings"][0]["date"] == "2020-09-10"
    assert not (tmp_path / "boardpapers.sqlite").exists()


def test_actions_and_log_read_the_store(tmp_path):
    db = _db(tmp_path)
    runner.invoke(app, ["run", str(SAMPLES), "--db", db])
    listed = runner.invoke(app, ["actions", "--status", "all", "--db", db])
    assert listed.exit_code == 0, listed.output
    for fmt in ("md", "csv", "html", "xlsx", "docx"):
        target = tmp_path / f"log.{fmt}"
        result = runner.invoke(app, ["log", "--format", fmt, "--out", str(target), "--db", db])
        assert result.exit_code == 0, result.output
        assert target.stat().st_size > 0
    bad = runner.invoke(app, ["log", "--format", "pdf", "--out", str(tmp_path / "x"),
                              "--db", db])
    assert bad.exit_code != 0


def test_brackets_in_names_and_paper_text_are_shown_as_written(tmp_path):
    """Rich would read "[...]" as markup: styles swallowed, and "[/]" an error."""
    import datetime as dt

    from extract.model import Action, Extraction, Meeting, SourceInfo
    from store import open_session, save_extraction

    papers = tmp_path / "papers [draft]"
    papers.mkdir()
    (papers / "minutes [bold]x[red].txt").write_text(
        "Hartley Parish Council\n\nMinutes of the meeting held on 3 June 2024\n\n"
        "Present: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies\n\nNone.")
    (papers / "[i]empty.pdf").write_bytes(b"")
    out = tmp_path / "out [b]"
    extracted = runner.invoke(app, ["extract", str(papers), "--out", str(out)])
    assert "minutes [bold]x[red].txt → " + str(out / "minutes [bold]x[red].txt.json") \
        in extracted.output, extracted.output
    assert f"failed {papers / '[i]empty.pdf'}: [i]empty.pdf is empty" in extracted.output

    db = _db(tmp_path)
    with open_session(db) as session:
        save_extraction(session, Extraction(
            SourceInfo("m [v2].pdf", "ab" * 32, "pdf", 1),
            meetings=[Meeting(body="Parish Council", date=dt.date(2024, 6, 3), actions=[
                Action("1", "Clerk to fix [/] and [bold]x[/bold]", owners=["Clerk"])])]))
    listed = runner.invoke(app, ["actions", "--status", "all", "--db", db],
                           env={"COLUMNS": "400"})
    assert listed.exit_code == 0, listed.output
    assert "Clerk to fix [/] and [bold]x[/bold]" in listed.output
    assert "m [v2].pdf" in listed.output
    target = tmp_path / "log [final].md"
    logged = runner.invoke(app, ["log", "--format", "md", "--out", str(target), "--db", db])
    assert f"1 action(s) → {target}" in logged.output, logged.output


def test_a_file_with_many_problems_names_the_first_few():
    from pathlib import Path

    from boardpapers.batch import Outcome
    from boardpapers.cli import SHOWN_PROBLEMS, _outcome_line

    problems = tuple(f"Page {n} is a scanned image" for n in range(1, 8))
    line = _outcome_line(Outcome(Path("pack.pdf"), "new", "partial", problems)).plain
    assert line == ("partial pack.pdf: " + "; ".join(problems[:SHOWN_PROBLEMS])
                    + f" (and {7 - SHOWN_PROBLEMS} more, stored with the document)")


def test_actions_overdue_lists_only_open_actions_past_their_due_date(tmp_path):
    import datetime as dt
    import re

    from store import open_session, outstanding_actions

    db = _db(tmp_path)
    runner.invoke(app, ["run", str(SAMPLES), "--db", db])
    today = dt.date.today()
    with open_session(db) as s:
        open_ = outstanding_actions(s, today=today)
    late = [a for a in open_ if a.due is not None and a.due < today]
    assert late and len(late) < len(open_)  # the samples have both kinds
    listed = runner.invoke(app, ["actions", "--overdue", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert re.search(rf"\b{len(late)} action\(s\)", listed.output)

"""The register commands end to end: `decisions`, `attendance [--by member]`, `rag [--chart]`
and `roles`, on a store the pipeline built from invented papers (tests/_registers.py),
printed on screen and written to files that are read back with their own libraries."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from defusedxml import ElementTree
from typer.testing import CliRunner

from _desk import run_pipeline, write_paper
from _registers import HOSTILE, write_papers
from boardpapers.cli import app
from store import db as store_db

runner = CliRunner()
WIDE = {"COLUMNS": "250"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("registers-cli")
    write_papers(folder / "papers")
    write_paper(folder / "papers")
    url = f"sqlite:///{folder / 'store.sqlite'}"
    run_pipeline(url, [folder / "papers"])
    yield url
    store_db.dispose_all()


def _run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_decisions_on_screen_show_paper_text_as_written(db: str) -> None:
    result = _run("decisions", "--db", db, env=WIDE)
    assert result.exit_code == 0, result.output
    assert HOSTILE in result.output  # "[bold]" is not read as markup
    assert "3 Budget" in result.output and "Brookfield Parish Council" in result.output
    assert "5 decision(s)" in result.output
    one = _run("decisions", "--body", "ashcombe", "--from", "1 May 2024", "--db", db,
               env=WIDE)
    assert one.exit_code == 0, one.output
    assert "the library open in September." in one.output
    assert "the fees be frozen." not in one.output and "Brookfield" not in one.output
    assert "2 decision(s)" in one.output


def test_dates_and_options_a_clerk_can_fix_exit_2(db: str, tmp_path: Path) -> None:
    bad = _run("decisions", "--from", "31/13/2024", "--db", db)
    assert bad.exit_code == 2 and "--from is a date" in bad.output
    swapped = _run("attendance", "--from", "2024-06-01", "--to", "2024-01-01", "--db", db)
    assert swapped.exit_code == 2 and "swap them" in swapped.output
    by = _run("attendance", "--by", "person", "--db", db)
    assert by.exit_code == 2 and "--by is meeting or member" in by.output
    gif = _run("rag", "--chart", str(tmp_path / "c.gif"), "--db", db)
    assert gif.exit_code == 2 and ".png or .svg" in gif.output
    assert not (tmp_path / "c.gif").exists()


def test_month_only_dates_cover_the_whole_month(db: str) -> None:
    may = _run("decisions", "--from", "May 2024", "--to", "May 2024", "--db", db, env=WIDE)
    assert may.exit_code == 0, may.output
    assert "2024-05-13" in may.output and "2024-05-20" in may.output
    assert "2024-03-11" not in may.output and "2024-07-08" not in may.output


def test_attendance_by_meeting_and_by_member(db: str) -> None:
    meetings = _run("attendance", "--body", "ashcombe", "--db", db, env=WIDE)
    assert meetings.exit_code == 0, meetings.output
    assert "Fay Quill for Bryn Moss" in meetings.output
    assert "Cara Nunn" in meetings.output and "4 meeting(s)" in meetings.output
    assert "not from a roster" in meetings.output
    members = _run("attendance", "--by", "member", "--body", "ashcombe", "--db", db,
                   env=WIDE)
    assert members.exit_code == 0, members.output
    [evan] = [line for line in members.output.splitlines() if "Evan Pike" in line]
    assert [c.strip() for c in evan.split("│")][1:-1] == [
        "Evan Pike", "2024-01-15", "2024-07-08", "4", "2", "2", "0", "50"]
    assert "Dee Ogle" not in members.output  # the Clerk is not a member


def test_rag_on_screen_fits_the_terminal(db: str) -> None:
    wide = _run("rag", "--db", db, env=WIDE)
    assert wide.exit_code == 0, wide.output
    for date in ("2024-01-15", "2024-03-11", "2024-05-13", "2024-07-08"):
        assert date in wide.output
    assert "Chart:" in wide.output and "--chart" in wide.output
    narrow = _run("rag", "--db", db, env={"COLUMNS": "64"})  # room for two meetings
    assert narrow.exit_code == 0, narrow.output
    assert "the latest 2 of 4 meetings are shown" in narrow.output
    assert "2024-01-15" not in narrow.output
    assert max(len(line) for line in narrow.output.splitlines()
               if line.startswith(("┃", "│"))) <= 64


def test_rag_chart_alone_as_png_and_svg(db: str, tmp_path: Path) -> None:
    png, svg = tmp_path / "out" / "rag.png", tmp_path / "rag.svg"
    done = _run("rag", "--body", "ashcombe", "--chart", str(png), "--db", db)
    assert done.exit_code == 0, done.output
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and png.stat().st_size > 5000
    assert f"chart → {png}" in done.output
    assert _run("rag", "--chart", str(svg), "--db", db).exit_code == 0
    texts = {t.text for t in ElementTree.parse(svg).getroot().iter(
        "{http://www.w3.org/2000/svg}text")}
    assert {"Red", "Amber", "Green", "Blue", "2024-07-08"} <= texts
    empty = _run("rag", "--body", "brookfield", "--chart", str(tmp_path / "none.png"),
                 "--db", db)
    assert empty.exit_code == 2 and "no chart" in empty.output


def test_roles(db: str) -> None:
    result = _run("roles", "--role", "chair", "--db", db, env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Ada Lovell" in result.output and "Marjorie Quince" in result.output
    assert "Dee Ogle" not in result.output and "3 term(s)" in result.output

"""The register commands end to end: `decisions`, `attendance [--by member]`, `rag [--chart]`
and `roles`, on a store the pipeline built from invented papers (tests/_registers.py),
printed on screen and written to files that are read back with their own libraries."""
from __future__ import annotations

import base64
import csv
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from defusedxml import ElementTree
from typer.testing import CliRunner

from _desk import run_pipeline, write_paper
from _registers import HOSTILE, write_papers
from boardpapers.cli import app
from store import db as store_db

runner = CliRunner()
# a terminal forced as Rich reads it (no colour codes in the output); else it is piped
TERMINAL = {"TTY_COMPATIBLE": "1", "FORCE_COLOR": "1", "NO_COLOR": "1"}
WIDE = {**TERMINAL, "COLUMNS": "250"}


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
    # piped: no box drawing, one tab-separated line per row under a header line
    piped = _run("attendance", "--by", "member", "--body", "ashcombe", "--db", db,
                 env={"TTY_COMPATIBLE": "0"})
    assert piped.exit_code == 0 and "│" not in piped.stdout
    lines = piped.stdout.splitlines()
    assert "Member\tFirst\tLast\tMeetings held" in "\n".join(lines)
    assert "Evan Pike\t2024-01-15\t2024-07-08\t4\t2\t2\t0\t50" in "\n".join(lines)


def test_rag_on_screen_fits_the_terminal(db: str) -> None:
    wide = _run("rag", "--db", db, env=WIDE)
    assert wide.exit_code == 0, wide.output
    for date in ("2024-01-15", "2024-03-11", "2024-05-13", "2024-07-08"):
        assert date in wide.output
    assert "Chart:" in wide.output and "--chart" in wide.output
    one = _run("rag", "--ref", "p2", "--db", db, env=WIDE)
    assert "Publish the tree survey" in one.output and "footbridge" not in one.output
    narrow = _run("rag", "--db", db, env={**TERMINAL, "COLUMNS": "64"})  # room for two meetings
    assert narrow.exit_code == 0, narrow.output
    assert "the latest 2 of 4 meetings are shown" in narrow.output
    assert "2024-01-15" not in narrow.output
    assert max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in narrow.output.splitlines()
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


def test_roles_within_a_date_range(db: str, tmp_path: Path) -> None:
    out = tmp_path / "chairs.json"
    result = _run("roles", "--role", "chair", "--from", "1 April 2024", "--to", "2024-06-30",
                  "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    (report,) = [json.loads(out.read_text(encoding="utf-8"))]
    text = json.dumps(report)
    # Ada chaired in January and March, Bryn from May: only Bryn's May meeting is in range
    assert "Bryn Moss" in text and "Ada Lovell" not in text
    assert "2024-05-13" in text and "2024-07-08" not in text
    md = tmp_path / "chairs.md"
    assert _run("roles", "--from", "1 April 2024", "--to", "2024-06-30", "--out", str(md),
                "--db", db).exit_code == 0
    assert "2024-04-01 to 2024-06-30" in md.read_text(encoding="utf-8")  # the scope, stated
    backwards = _run("roles", "--from", "2024-06-30", "--to", "2024-04-01", "--db", db)
    assert backwards.exit_code == 2 and "is after --to" in backwards.output


# --- the same registers as files, read back with their own libraries ---

class _Html(HTMLParser):
    """The <img> sources, the table cells' text and the text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_rag_html_embeds_the_chart(db: str, tmp_path: Path) -> None:
    out = tmp_path / "rag.html"
    result = _run("rag", "--body", "ashcombe", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    page = _Html()
    page.feed(out.read_text(encoding="utf-8"))
    [src] = [s for s in page.images if s.startswith("data:image/svg+xml;base64,")]
    svg = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    texts = {t.text for t in ElementTree.fromstring(svg).iter(
        "{http://www.w3.org/2000/svg}text")}
    assert {"Red", "Amber", "Green", "Blue"} <= texts
    assert "Repair the footbridge" in page.cells and "2024-07-08" in page.cells


def test_rag_docx_holds_the_chart_as_an_inline_picture(db: str, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "rag.docx"
    assert _run("rag", "--out", str(out), "--db", db).exit_code == 0
    document = docx.Document(str(out))
    [shape] = document.inline_shapes
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blip].blob.startswith(b"\x89PNG\r\n\x1a\n")
    items = document.tables[0]
    assert [c.text for c in items.rows[0].cells][:3] == ["Ref", "Item", "2024-01-15"]
    assert [c.text for c in items.rows[2].cells][-1] == "Red"  # P2's latest rating


def test_rag_xlsx_has_a_sheet_of_rows_and_one_of_counts(db: str, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "rag.xlsx"
    assert _run("rag", "--out", str(out), "--db", db).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Ashcombe Valley Board", "Counts Ashcombe Valley Board"]
    counts = book["Counts Ashcombe Valley Board"]
    assert [c.value for c in counts[1]] == ["Date", "Red", "Amber", "Green", "Blue",
                                            "Unrated", "Rows"]
    assert [c.value for c in counts[3]][1:] == [0, 2, 0, 1, 0, 3]
    assert counts["A2"].is_date


def test_attendance_by_member_xlsx_sheet_per_body(db: str, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "attendance.xlsx"
    result = _run("attendance", "--by", "member", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Ashcombe Valley Board", "Brookfield Parish Council"]
    sheet = book["Ashcombe Valley Board"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    [evan] = [r for r in rows if r[1] == "Evan Pike"]
    assert evan[4:] == [4, 2, 2, 0, 50]
    assert sheet["C2"].is_date


def test_decisions_html_csv_and_json_keep_paper_text_inert(db: str, tmp_path: Path) -> None:
    html, table, data = tmp_path / "d.html", tmp_path / "d.csv", tmp_path / "d.json"
    for out in (html, table, data):
        result = _run("decisions", "--body", "ashcombe", "--out", str(out), "--db", db)
        assert result.exit_code == 0, result.output
        assert f"4 decision(s) → {out}" in result.output
    text = html.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)" in text
    with table.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["Decision"] for r in rows][2] == f"the notice {HOSTILE} be removed."
    assert rows[0]["Item"] == "3 Budget" and rows[0]["Date"] == "2024-01-15"
    records = json.loads(data.read_text(encoding="utf-8"))
    assert [r["Decision"] for r in records if "Decision" in r][3] == \
        "the library open in September."


def test_roles_and_attendance_in_text_formats(db: str, tmp_path: Path) -> None:
    md, txt = tmp_path / "roles.md", tmp_path / "attendance.txt"
    assert _run("roles", "--out", str(md), "--db", db).exit_code == 0
    assert "| Ashcombe Valley Board | Chair | Bryn Moss | 2024-05-13 | 2024-07-08 | 2 |" \
        in md.read_text(encoding="utf-8")
    assert _run("attendance", "--body", "ashcombe", "--out", str(txt), "--db", db
                ).exit_code == 0
    assert "Fay Quill for Bryn Moss" in txt.read_text(encoding="utf-8")
    clash = _run("roles", "--out", str(tmp_path / "r.xlsx"), "--format", "md", "--db", db)
    assert clash.exit_code == 2 and "does not match" in clash.output

"""Reports: the action log read from a real (temporary SQLite) store and written in every
format; each file opens with its own library and holds the rows; hostile text stays inert;
each action shows where it was raised, every later mention, its status now and its age.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.model import Action, Attendee, Evidence, Extraction, Meeting, SourceInfo
from reports import FORMATS, action_table, format_for, write_log
from reports.cells import MAX_CELL
from reports.outstanding import outstanding_listing
from store import ActionView, action_log, open_session, save_extraction
from store import db as store_db

TODAY = dt.date(2025, 1, 9)
SCRIPT = "<script>alert('x')</script> & report back"
FORMULA = '=HYPERLINK("http://example.invalid","click")'
HUGE = "word " * 20_000  # 100,000 characters from a broken extraction


DEC = dt.date(2024, 12, 10)


def _december_pack() -> Extraction:
    """The next meeting's action table: Sep24.01 is done, the script action is ongoing."""
    meeting = Meeting(
        body="Corporate Parenting Panel", organisation="Kent County Council", date=DEC,
        record="agenda", pages=(1, 30),
        actions=[
            Action(None, "Police Representative", ref="Sep24.01",
                   update="Complete - Insp. Lee joins in March", evidence=Evidence(7)),
            Action(None, SCRIPT, status="In progress", evidence=Evidence(8)),
        ])
    return Extraction(SourceInfo("agenda-pack-2024-12-10.pdf",
                                 hashlib.sha256(b"pack").hexdigest(), "pdf", 30),
                      meetings=[meeting])


def _extraction() -> Extraction:
    meeting = Meeting(
        body="Corporate Parenting Panel", organisation="Kent County Council",
        date=dt.date(2024, 9, 10), pages=(1, 3),
        attendees=[Attendee("Sue Prynn", title="Cllr"), Attendee("Sam Gorton")],
        actions=[
            Action("3", "Sam Gorton to find a Police Representative", owners=["Sam Gorton"],
                   due=dt.date(2024, 12, 10), due_text="next meeting", ref="Sep24.01",
                   evidence=Evidence(2, extractor="test")),
            Action("4", SCRIPT, owners=["Prynn", "Clerk"], evidence=Evidence(2)),
            Action("5", FORMULA, owners=["Healthwatch Kent"], status="Complete",
                   evidence=Evidence(3)),
            Action("6", "Bell\x07 | pipe\nnewline " + HUGE, owners=["Officers"],
                   due_text="ASAP", evidence=Evidence(3)),
        ],
    )
    return Extraction(SourceInfo("minutes-2024-09-10.pdf",
                                 hashlib.sha256(b"reports").hexdigest(), "pdf", 3),
                      meetings=[meeting])


@pytest.fixture
def rows(tmp_path: Path) -> Iterator[list[ActionView]]:
    with open_session(f"sqlite:///{tmp_path / 'reports.sqlite'}") as session:
        save_extraction(session, _extraction())
        save_extraction(session, _december_pack())
        yield action_log(session, today=TODAY)
    store_db.dispose_all()


def test_table_columns_and_cells(rows: list[ActionView]) -> None:
    table = action_table(rows)
    assert table.headers == ("Ref", "Action", "Owners", "Body", "Raised", "Due", "Status",
                             "Age (days)", "Source", "Later mentions")
    first = dict(zip(table.headers, table.text_rows()[0], strict=True))
    assert first == {
        "Ref": "Sep24.01", "Action": "Sam Gorton to find a Police Representative",
        "Owners": "Sam Gorton", "Body": "Corporate Parenting Panel", "Raised": "2024-09-10",
        "Due": "2024-12-10", "Status": "closed 2024-12-10 (Complete - Insp. Lee joins in March)",
        "Age (days)": "91", "Source": "minutes-2024-09-10.pdf p.2",
        "Later mentions": "2024-12-10 agenda, action row: Complete - Insp. Lee joins in March "
                          "(agenda-pack-2024-12-10.pdf p.7)",
    }
    by_text = {r[1][:20]: r for r in table.text_rows()}
    assert by_text[FORMULA[:20]][2] == "Healthwatch Kent (?)"  # unmatched owner marked
    assert by_text[FORMULA[:20]][6] == "closed (Complete)"
    assert by_text[SCRIPT[:20]][2] == "Sue Prynn, Clerk"
    assert by_text[SCRIPT[:20]][6] == "open (In progress)"  # mentioned, still open
    assert by_text[SCRIPT[:20]][7] == "121"  # open: aged to today
    assert len(rows) == 4  # the pack's rows are mentions, not new actions


def test_status_says_overdue_and_who_closed() -> None:
    from store.queries import ActionView

    def view(**kw: object) -> ActionView:
        return ActionView(id=1, ref=None, text="x", owners=(), unmatched_owners=(), body="b",
                          organisation=None, meeting_date=dt.date(2024, 9, 10),
                          record="minutes", item=None, due=dt.date(2024, 12, 10),
                          due_text=None, status_text=None, update=None, age_days=1,
                          source_file="f.pdf", source_page=None, **kw)  # type: ignore[arg-type]

    late = view(status="open", overdue=True)
    clerk = view(status="closed", closed_on=dt.date(2025, 1, 2), closed_by="clerk")
    statuses = [row[6] for row in action_table([late, clerk]).text_rows()]
    assert statuses == ["open, overdue", "closed 2025-01-02 by the clerk"]


def test_cells_are_bounded_and_clean(rows: list[ActionView]) -> None:
    for row in action_table(rows).text_rows():
        assert all(len(cell) <= MAX_CELL for cell in row)
        assert all("\x07" not in cell for cell in row)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_a_file_of_bounded_size(rows, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    path = write_log(rows, fmt, tmp_path / "out" / f"log.{fmt}")
    assert path.exists()
    # Four rows of at most 2,000 characters a cell: far below the 100 kB of raw text.
    assert path.stat().st_size < 60_000


def test_html_escapes_untrusted_text(rows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = write_log(rows, "html", tmp_path / "log.html").read_text(encoding="utf-8")
    # one <script>, the page's own sorting and filtering (intended since issue 12)
    assert html.count("<script") == 1 and "alert(" not in html.split("<script")[1]
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; report back" in html
    assert "Sam Gorton to find a Police Representative" in html
    assert html.count("<tr>") == 1 + len(rows)


def test_csv_opens_and_cannot_run_formulas(rows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_log(rows, "csv", tmp_path / "log.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:2] == ["Ref", "Action"]
    assert len(table) == 1 + len(rows)
    actions = [r[1] for r in table[1:]]
    assert "'" + FORMULA in actions and FORMULA not in actions
    assert SCRIPT in actions


def test_xlsx_opens_with_typed_cells_and_text_formulas(rows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    ws = load_workbook(write_log(rows, "xlsx", tmp_path / "log.xlsx")).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0][:2] == ("Ref", "Action")
    assert len(values) == 1 + len(rows)
    assert values[1][1] == "Sam Gorton to find a Police Representative"
    # columns by name: the log's columns changed in issue 12 (Raised at / Due are dates only)
    first = dict(zip(values[0], values[1]))
    assert first["Raised at"] == dt.datetime(2024, 9, 10)  # a real date cell, not text
    assert first["Due"] == dt.datetime(2024, 12, 10)
    assert first["Age (days)"] == 91  # an int cell: days from raised to closed
    formula_cell = next(c for c in ws["B"] if c.value == FORMULA)
    assert formula_cell.data_type == "s"


def test_docx_opens_and_holds_the_rows(rows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    doc = Document(str(write_log(rows, "docx", tmp_path / "log.docx")))
    [table] = doc.tables
    assert [c.text for c in table.rows[0].cells][:2] == ["Ref", "Action"]
    assert len(table.rows) == 1 + len(rows)
    assert table.rows[2].cells[1].text == SCRIPT


def test_markdown_holds_rows_and_escapes_pipes(rows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    md = write_log(rows, "md", tmp_path / "log.md").read_text(encoding="utf-8")
    lines = md.splitlines()
    table_lines = [line for line in lines if line.startswith("|")]
    assert len(table_lines) == 2 + len(rows)  # header, rule, one line per action
    assert "Sam Gorton to find a Police Representative" in md
    assert "Bell \\| pipe newline" in md
    assert "<script>" not in md
    # Several mentions in one cell keep a line each.
    two = _md_mentions(["2024-12-10 agenda, action row: Complete (a.pdf p.7)",
                        "2025-03-11 minutes, RAG row: RAG blue <b> (b.pdf p.2)"])
    assert two == ("2024-12-10 agenda, action row: Complete (a.pdf p.7)<br>"
                   "2025-03-11 minutes, RAG row: RAG blue &lt;b&gt; (b.pdf p.2)")


def _md_mentions(lines: list[str]) -> str:
    from reports.action_log import _md_cell

    return _md_cell("\n".join(lines), breaks=True)


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "docx", "xlsx"])
def test_every_format_shows_the_later_mentions(rows, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    path = write_log(rows, fmt, tmp_path / f"log.{fmt}")
    if fmt == "xlsx":
        from openpyxl import load_workbook

        content = " ".join(str(v) for row in load_workbook(path).active.iter_rows(
            values_only=True) for v in row if v is not None)
    elif fmt == "docx":
        # The pack item has the seven pack columns: the latest update, not every mention
        # (changed in issue 12; the formats with room keep "Later mentions").
        from docx import Document

        content = " ".join(c.text for r in Document(str(path)).tables[0].rows for c in r.cells)
        assert "Latest update" in content and "Later mentions" not in content
        assert "Complete - Insp. Lee joins in March" in content and "In progress" in content
        return
    else:
        content = path.read_text(encoding="utf-8-sig")
    assert "Later mentions" in content
    assert "agenda-pack-2024-12-10.pdf p.7" in content
    assert "In progress (agenda-pack-2024-12-10.pdf p.8)" in content


def test_format_for_and_unknown_format(rows, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert format_for("out/Log.XLSX") == "xlsx"
    assert format_for("log.markdown") == "md"
    with pytest.raises(ValueError, match="format"):
        format_for("log.pdf")
    with pytest.raises(ValueError, match="format"):
        write_log(rows, "pdf", tmp_path / "log.pdf")  # type: ignore[arg-type]


def test_outstanding_listing_is_plain_text(rows) -> None:  # type: ignore[no-untyped-def]
    headers, body = outstanding_listing(rows)
    assert headers[1] == "Action" and len(body) == len(rows)
    assert all(isinstance(cell, str) for row in body for cell in row)


def test_empty_log_still_writes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = write_log([], "html", tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "No actions recorded." in html
    assert write_log([], "xlsx", tmp_path / "empty.xlsx").exists()



def test_reports_read_the_store_only_through_queries() -> None:
    import ast

    import reports

    for path in Path(reports.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("store"):
                # the read-only query modules: small frozen records, never ORM rows
                assert node.module in ("store.queries", "store.registers"), (path, node.module)
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] not in ("store", "boardpapers"), path

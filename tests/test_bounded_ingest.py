"""Bounded work for any single file: spans are clamped, each format stops at its caps with a
"cut at …" problem (the document is partial, what was read is kept), anything that is not a
regular file is refused without reading it, and an exception is always named."""
from __future__ import annotations

import io
import os
import threading
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from typer.testing import CliRunner

import ingest.docx
import ingest.html
import ingest.text
from boardpapers import batch, cli
from ingest import Status, load
from ingest.limits import MAX_HTML_DEPTH, MAX_SPAN

def _docx(path: Path, rows: int = 2, paragraphs: int = 1,
          edit: tuple[bytes, bytes] | None = None) -> Path:
    """A python-docx file: `paragraphs` paragraphs and one 2-column table of `rows` rows;
    `edit` replaces bytes once in word/document.xml."""
    d = DocxDocument()
    for n in range(paragraphs):
        d.add_paragraph(f"Minute {n}: the board noted the report.")
    table = d.add_table(rows=rows, cols=2)
    for r, row in enumerate(table.rows):
        row.cells[0].text, row.cells[1].text = f"Action {r}", f"Owner {r}"
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if edit and item.filename == "word/document.xml":
                assert edit[0] in data
                data = data.replace(*edit, 1)
            zout.writestr(item, data)
    return path


def _cut(doc, at: str) -> str:
    assert doc.status is Status.PARTIAL, doc.problems
    [message] = [p.message for p in doc.problems if p.code == "cut"]
    assert message.startswith(f"cut at {at}: "), message
    return message


# ---- spans -------------------------------------------------------------------------------

def test_docx_grid_span_of_two_billion_is_clamped(tmp_path):
    f = _docx(tmp_path / "span.docx",
              edit=(b"<w:tcW ", b'<w:gridSpan w:val="2147483647"/><w:tcW '))
    [table] = load(f).tables()
    first, second = table.rows[0]
    assert first.colspan == MAX_SPAN and second.col == MAX_SPAN


def test_docx_grid_before_is_clamped(tmp_path):
    f = _docx(tmp_path / "before.docx")
    xml = _document_xml(f)
    first_row = xml.index(b">", xml.index(b"<w:tr")) + 1
    _rewrite(f, xml[:first_row] + b'<w:trPr><w:gridBefore w:val="999999999"/></w:trPr>'
             + xml[first_row:])
    [table] = load(f).tables()
    assert table.rows[0][0].col == MAX_SPAN - 1


def test_docx_vertical_merge_run_is_clamped(tmp_path):
    f = _docx(tmp_path / "vmerge.docx", rows=MAX_SPAN + 20)
    # every row's first cell continues the one above: one merged cell down the whole table
    rows = _document_xml(f).split(b"<w:tr>")
    rows[1] = rows[1].replace(b"<w:tcPr>", b'<w:tcPr><w:vMerge w:val="restart"/>', 1)
    rows[2:] = [r.replace(b"<w:tcPr>", b"<w:tcPr><w:vMerge/>", 1) for r in rows[2:]]
    _rewrite(f, b"<w:tr>".join(rows))
    [table] = load(f).tables()
    assert table.rows[0][0].rowspan == MAX_SPAN
    assert len(table.rows) == MAX_SPAN + 20 and len(table.rows[-1]) == 1


def _document_xml(f: Path) -> bytes:
    with zipfile.ZipFile(f) as zf:
        return zf.read("word/document.xml")


def _rewrite(f: Path, document_xml: bytes) -> None:
    with zipfile.ZipFile(f) as zin:
        items = [(i, zin.read(i)) for i in zin.infolist()]
    with zipfile.ZipFile(f, "w") as zout:
        for item, data in items:
            zout.writestr(item, document_xml if item.filename == "word/document.xml" else data)


# ---- caps per format ---------------------------------------------------------------------

def test_docx_table_is_cut_at_its_row_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.docx, "MAX_TABLE_ROWS", 30)
    doc = load(_docx(tmp_path / "long-table.docx", rows=50))
    assert "more than 30 rows" in _cut(doc, "table row 30")
    [table] = doc.tables()
    assert len(table.rows) == 30 and table.rows[-1][0].text == "Action 29"


def test_docx_body_is_cut_at_its_paragraph_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.docx, "MAX_DOCX_ITEMS", 40)
    doc = load(_docx(tmp_path / "long.docx", paragraphs=60))
    assert "more than 40 paragraphs and tables" in _cut(doc, "paragraph 40")
    assert [b.text for b in doc.blocks()][-1] == "Minute 39: the board noted the report."
    assert not list(doc.tables())


def test_html_is_cut_at_its_byte_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.html, "MAX_HTML_BYTES", 2**20)
    f = tmp_path / "huge.html"
    f.write_text("<html><body>" + "".join(f"<p>Minute {n} noted.</p>" for n in range(80_000)))
    doc = load(f)
    assert "larger than the 1 MiB of HTML" in _cut(doc, "1 MiB")
    texts = [b.text for b in doc.blocks()]
    assert texts[0] == "Minute 0 noted." and 40_000 < len(texts) < 80_000
    assert all(t.startswith("Minute ") and t.endswith(" noted.") for t in texts)  # no half tag


def test_html_is_cut_at_its_tag_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.html, "MAX_HTML_TAGS", 1000)
    f = tmp_path / "many.html"
    f.write_text("<html><body>" + "".join(f"<p>Minute {n}</p>" for n in range(2000)))
    doc = load(f)
    assert "more than 1,000 tags" in _cut(doc, "tag 1,000")
    assert 400 < len(list(doc.blocks())) < 500


def test_html_a_thousand_unclosed_divs_deep_is_partial_not_an_internal_error(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text("<html><body><p>Minutes of the board</p>"
                 + "".join(f"<div>level {n} " for n in range(1000)) + "</body></html>")
    doc = load(f)
    assert "nests elements more than" in _cut(doc, f"nesting depth {MAX_HTML_DEPTH}")
    text = "\n".join(b.text for b in doc.blocks())
    assert "Minutes of the board" in text and "level 999" in text  # deep text still read


def test_text_is_cut_at_its_byte_cap_on_a_line_boundary(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.text, "MAX_TEXT_BYTES", 2**20)
    f = tmp_path / "long.txt"
    f.write_text("".join(f"Minute {n}: the board noted the report.\n\n" for n in range(60_000)))
    doc = load(f)
    assert "longer than the 1 MiB of text" in _cut(doc, "1 MiB")
    texts = [b.text for b in doc.blocks()]
    assert texts[-1].endswith("noted the report.") and len(texts) < 60_000


# ---- not a regular file ------------------------------------------------------------------

class _Writer(threading.Thread):
    """Feeds a FIFO if anyone opens it to read to the end, so a reader that would block
    gets text instead of hanging the test: the refusal, not a timeout, is what is checked."""

    def __init__(self, fifo: Path) -> None:
        super().__init__(daemon=True)
        self.fifo, self.done = fifo, threading.Event()

    def run(self) -> None:
        deadline = time.monotonic() + 10
        while not self.done.is_set() and time.monotonic() < deadline:
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader yet
                time.sleep(0.01)
                continue
            try:
                os.write(fd, b"Minutes of the board\n")
            except OSError:
                pass
            os.close(fd)


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe-minutes.txt"
    os.mkfifo(path)
    writer = _Writer(path)
    writer.start()
    yield path
    writer.done.set()
    writer.join()


def test_a_fifo_is_refused_not_read(fifo):
    doc = load(fifo)
    assert doc.status is Status.FAILED
    [problem] = doc.problems
    assert problem.code == "not-a-file"
    assert problem.message.startswith("pipe-minutes.txt is a named pipe, not a file")


@pytest.mark.parametrize("path,kind", [("/dev/null", "a device"), ("/", "a folder")])
def test_devices_and_folders_are_refused(path, kind):
    [problem] = load(path).problems
    assert problem.code == "not-a-file" and f" is {kind}, not a file" in problem.message


def test_run_refuses_a_fifo_named_on_the_command_line_and_goes_on(fifo, tmp_path,
                                                                  monkeypatch):
    good = tmp_path / "minutes.txt"
    good.write_text("Minutes of the Finance Committee held on 3 March 2024\n\nPresent: "
                    "Cllr A Smith (Chair), Cllr B Jones\n")
    monkeypatch.setattr(cli.console, "width", 1000)
    result = CliRunner().invoke(cli.app, ["run", str(fifo), str(good), "--db",
                                          f"sqlite:///{tmp_path / 'bp.sqlite'}"])
    assert result.exit_code == 1, result.output
    assert (f"failed {fifo}: not stored: the file could not be opened: pipe-minutes.txt is a "
            "named pipe, not a file") in result.output
    assert "files 2 (new 1," in result.output


# ---- exceptions are named ----------------------------------------------------------------

def test_memory_error_in_a_reader_is_named(tmp_path, monkeypatch):
    def exhausted(*_args):
        raise MemoryError()
    monkeypatch.setattr(ingest.text, "read_text", exhausted)
    f = tmp_path / "minutes.txt"
    f.write_text("Minutes")
    [problem] = load(f).problems
    assert "(MemoryError)" in problem.message and "more memory" in problem.message


def test_memory_error_in_extraction_is_named(tmp_path, monkeypatch):
    def exhausted(_doc):
        raise MemoryError()
    monkeypatch.setattr(batch, "extract", exhausted)
    f = tmp_path / "minutes.txt"
    f.write_text("Minutes of the board")
    record = batch.extract_file(f)
    assert record.source.problems == ["extraction failed: MemoryError"]
    assert "(MemoryError)" in record.flags[0].message

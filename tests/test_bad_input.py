"""Bad input, end to end. Each kind of broken, hostile or unsupported file is built here and
must come back from `load()` (never raised) with its own problem code, a message that says
what is wrong and what to do, and a failed or partial status. Then the same files, in one
folder with a good paper, go through `boardpapers run`: the batch goes on, each bad file is
stored as a failed/partial document with its reason, a second run loses nothing, and a crash
while saving one document leaves no half-written meeting behind.
"""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLES
from docx import Document as DocxDocument
from sqlalchemy import select
from typer.testing import CliRunner

import store.save
from boardpapers import batch, cli
from ingest import Status, load
from store import open_session, schema

GOOD_SAMPLE = "lancs-cpb_minutes_2016-09-08.pdf"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---- builders: one bad file each ---------------------------------------------------------

def _reportlab_pdf(path: Path, text: str, **kw) -> Path:
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), invariant=1, **kw)
    for n in range(3):
        c.drawString(72, 720, f"{text}, page {n + 1}")
        c.showPage()
    c.save()
    return path


def empty_file(folder: Path) -> Path:
    f = folder / "empty-minutes.pdf"
    f.write_bytes(b"")
    return f


def truncated_pdf(folder: Path) -> Path:
    """A real PDF cut in half, as an interrupted download leaves it: no xref, no trailer."""
    whole = _reportlab_pdf(folder / "whole.pdf", "Minutes of the Finance Committee")
    f = folder / "truncated-minutes.pdf"
    data = whole.read_bytes()
    f.write_bytes(data[: len(data) // 2])
    whole.unlink()
    return f


def encrypted_pdf(folder: Path) -> Path:
    return _reportlab_pdf(folder / "locked-minutes.pdf", "Confidential minutes",
                          encrypt="s3cret")


def html_named_pdf(folder: Path) -> Path:
    f = folder / "agenda-pack.pdf"
    f.write_text("<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Access "
                 "denied</h1><p>Please log in to download this document.</p></body></html>")
    return f


def zip_not_docx(folder: Path) -> Path:
    f = folder / "minutes-archive.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("minutes.txt", "Minutes of the meeting")
        zf.writestr("agenda.txt", "Agenda")
    return f


def _docx_with_prolog(path: Path, prolog: bytes, body_text: bytes, part: str) -> Path:
    """A real python-docx file whose `part` gets `prolog` (a DOCTYPE) after its XML
    declaration and, in the document part, `body_text` as the first paragraph's text."""
    src = io.BytesIO()
    d = DocxDocument()
    d.add_paragraph("PLACEHOLDER")
    d.save(src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == part:
                data = data.replace(b"?>", b"?>" + prolog, 1)
            if item.filename == "word/document.xml":
                data = data.replace(b"PLACEHOLDER", body_text)
            zout.writestr(item, data)
    return path


def xml_bomb_docx(folder: Path, part: str = "word/document.xml") -> Path:
    """Billion laughs: ten levels of ten references, 10^9 "lol"s once expanded."""
    entities = [b'<!ENTITY lol0 "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%d;" % (n - 1) for _ in range(10)))
        for n in range(1, 10)]
    prolog = b"<!DOCTYPE w:document [" + b"".join(entities) + b"]>"
    name = "bomb-minutes.docx" if part == "word/document.xml" else "bomb-styles.docx"
    body = b"&lol9;" if part == "word/document.xml" else b"Minutes"
    return _docx_with_prolog(folder / name, prolog, body, part)


def external_entity_docx(folder: Path) -> Path:
    prolog = b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return _docx_with_prolog(folder / "xxe-minutes.docx", prolog, b"&secret;",
                             "word/document.xml")


def many_page_pdf(folder: Path, pages: int = 2000) -> Path:
    """A minimal hand-written PDF: one page object and one small text stream per page, so
    2,000 pages take milliseconds to write."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for i in range(pages):
        page, content = 4 + 2 * i, 5 + 2 * i
        stream = b"BT /F1 12 Tf 72 720 Td (Report %d to the board) Tj ET" % (i + 1)
        objects[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                         b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(b"%d 0 R" % page)
    objects[2] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    f = folder / "huge-pack.pdf"
    f.write_bytes(bytes(out))
    return f


def legacy_doc(folder: Path) -> Path:
    f = folder / "old-minutes.doc"
    f.write_bytes(OLE2_MAGIC + b"\x00" * 4088 + "WordDocument".encode("utf-16-le"))
    return f


BAD_FILES = [empty_file, truncated_pdf, encrypted_pdf, html_named_pdf, zip_not_docx,
             xml_bomb_docx, external_entity_docx, many_page_pdf, legacy_doc]


def _refused(path: Path, code: str, what: str, todo: str, status: Status = Status.FAILED):
    """load() did not raise, and reported `code` first with a message naming the file, what
    is wrong (`what`) and what to do (`todo`), case ignored."""
    doc = load(path)
    assert doc.status is status, doc.problems
    problem = doc.problems[0]
    assert problem.code == code, problem
    message = problem.message.lower()
    assert path.name.lower() in message
    assert what.lower() in message, problem.message
    assert todo.lower() in message, problem.message
    return doc


# ---- one test per kind of bad input -------------------------------------------------------

def test_empty_file(tmp_path):
    doc = _refused(empty_file(tmp_path), "empty-file", "is empty", "download or export it again")
    assert doc.pages == []


def test_truncated_pdf(tmp_path):
    _refused(truncated_pdf(tmp_path), "pdf-corrupt", "damaged", "download it again")


def test_encrypted_pdf(tmp_path):
    _refused(encrypted_pdf(tmp_path), "encrypted", "password", "unlocked copy")


def test_pdf_that_is_really_html(tmp_path):
    _refused(html_named_pdf(tmp_path), "pdf-is-html", "really an html page",
             "download the pdf again")


def test_docx_that_is_really_html(tmp_path):
    f = tmp_path / "minutes.docx"
    f.write_text("<html><body><p>Your session has expired.</p></body></html>")
    _refused(f, "docx-is-html", "really an html page", "download the word document again")


def test_zip_that_is_not_docx(tmp_path):
    _refused(zip_not_docx(tmp_path), "not-docx", "is a zip archive, not a word document",
             "save the papers as .docx or pdf")


def test_excel_workbook_named_docx_is_named_for_what_it_is(tmp_path):
    f = tmp_path / "minutes.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    _refused(f, "not-docx", "is an excel workbook", "save the papers as .docx or pdf")


def test_damaged_docx_zip(tmp_path):
    good = tmp_path / "good.docx"
    DocxDocument().save(good)
    f = tmp_path / "cut.docx"
    f.write_bytes(good.read_bytes()[:2000])  # the zip's central directory is at the end
    _refused(f, "docx-corrupt", "damaged", "download it again")


def test_docx_xml_bomb(tmp_path):
    doc = _refused(xml_bomb_docx(tmp_path), "xml-bomb", "declares xml entities",
                   "copy saved again from word")
    assert not list(doc.blocks())


def test_docx_xml_bomb_in_any_part(tmp_path):
    _refused(xml_bomb_docx(tmp_path, part="word/styles.xml"), "xml-bomb", "word/styles.xml",
             "copy saved again from word")


def test_docx_decompression_bomb(tmp_path):
    f = tmp_path / "padded-minutes.docx"
    DocxDocument().save(f)
    with zipfile.ZipFile(f, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/padding.bin", bytes(11 * 2**20))  # ~1000:1 once deflated
    _refused(f, "zip-bomb", "decompression bomb", "copy saved again from word")


def test_docx_external_entity(tmp_path):
    doc = _refused(external_entity_docx(tmp_path), "xml-external-entity",
                   "external xml entity", "copy saved again from word")
    assert "root:" not in doc.problems[0].message  # nothing was read from the entity


def test_two_thousand_page_pdf_is_read_up_to_the_limit(tmp_path):
    f = many_page_pdf(tmp_path)
    doc = _refused(f, "too-many-pages", "2000 pages", "split the file",
                   status=Status.PARTIAL)
    from ingest.pdf import MAX_PAGES as limit
    assert doc.source.pages == 2000  # the file's page count, not the pages read
    assert [p.number for p in doc.pages] == list(range(1, limit + 1))
    assert doc.pages[-1].blocks[0].text == f"Report {limit} to the board"


def test_legacy_doc(tmp_path):
    _refused(legacy_doc(tmp_path), "legacy-doc", "word 97-2003", "save it as .docx")


def test_password_protected_docx_is_encrypted_not_legacy(tmp_path):
    # Word stores a password-protected .docx inside an OLE2 file with an EncryptedPackage
    # stream, whose name may sit well past the first block.
    f = tmp_path / "locked-minutes.docx"
    f.write_bytes(OLE2_MAGIC + b"\x00" * 2_000_000 + "EncryptedPackage".encode("utf-16-le")
                  + b"\x00" * 512)
    _refused(f, "encrypted", "password-protected", "remove the password")


def test_unknown_binary_file(tmp_path):
    f = tmp_path / "scan.bin"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _refused(f, "unsupported-format", "does not read", "save it as pdf or .docx")


def test_foreign_exception_is_translated_not_raised(tmp_path, monkeypatch):
    import ingest.docx

    def broken(*_args):
        raise KeyError("word/numbering.xml")
    monkeypatch.setattr(ingest.docx, "read_docx", broken)
    f = tmp_path / "minutes.docx"
    DocxDocument().save(f)
    _refused(f, "unreadable", "could not be read (keyerror", "report this file")


def test_loading_a_mixed_folder_never_raises(tmp_path):
    for name, data in [("a.pdf", b"%PDF-1.4 garbage"), ("b.docx", b"PK\x03\x04junk"),
                       ("c.txt", b"Minutes\n\nPresent: A")]:
        (tmp_path / name).write_bytes(data)
    statuses = {f.name: load(f).status for f in sorted(tmp_path.iterdir())}
    assert statuses == {"a.pdf": Status.FAILED, "b.docx": Status.FAILED, "c.txt": Status.OK}


# ---- end to end: the batch, the store, a re-run and a crash -------------------------------

EXPECTED = {  # file → (stored status, problem code)
    "empty-minutes.pdf": ("failed", "empty-file"),
    "truncated-minutes.pdf": ("failed", "pdf-corrupt"),
    "locked-minutes.pdf": ("failed", "encrypted"),
    "agenda-pack.pdf": ("failed", "pdf-is-html"),
    "minutes-archive.docx": ("failed", "not-docx"),
    "bomb-minutes.docx": ("failed", "xml-bomb"),
    "xxe-minutes.docx": ("failed", "xml-external-entity"),
    "huge-pack.pdf": ("partial", "too-many-pages"),
    "old-minutes.doc": ("failed", "legacy-doc"),
}


@pytest.fixture
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for build in BAD_FILES:
        build(folder)
    shutil.copy(SAMPLES / GOOD_SAMPLE, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([*EXPECTED, GOOD_SAMPLE])
    return folder


def _run(folder: Path, db: str, monkeypatch):
    monkeypatch.setattr(cli.console, "width", 1000)  # one line per failure, unwrapped
    return CliRunner().invoke(cli.app, ["run", str(folder), "--db", db])


def _documents(db: str) -> dict[str, tuple[str, str | None, set[tuple[str, str]]]]:
    """file → (status, problems text, {(flag kind, flag message)}) as stored."""
    with open_session(db) as s:
        docs = s.scalars(select(schema.Document)).all()
        flags = s.execute(select(schema.Flag.document_id, schema.Flag.kind,
                                 schema.Flag.message)).all()
        return {d.file_name: (d.status, d.problems,
                              {(k, m) for doc_id, k, m in flags if doc_id == d.id})
                for d in docs}


def _meetings_of(db: str, file: str) -> list[schema.Meeting]:
    with open_session(db) as s:
        return list(s.scalars(
            select(schema.Meeting).join(schema.MeetingSource).join(schema.Document)
            .where(schema.Document.file_name == file)).all())


def _snapshot(db: str) -> dict[str, dict[tuple, tuple]]:
    """Every stored row's values, by table and primary key."""
    with open_session(db) as s:
        return {table.name: {tuple(row._mapping[c] for c in table.primary_key.columns):
                             tuple(row) for row in s.execute(select(table)).all()}
                for table in schema.Base.metadata.sorted_tables}


def test_batch_stores_the_good_paper_and_every_bad_file_with_its_reason(papers, tmp_path,
                                                                         monkeypatch):
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    result = _run(papers, db, monkeypatch)
    assert result.exit_code == 1, result.output
    assert "files 10 (new 2, re-read 0, unchanged 0, failed 8) · partial 1" in result.output
    assert _meetings_of(db, GOOD_SAMPLE), "the good paper's meeting was not stored"

    stored = _documents(db)
    assert stored[GOOD_SAMPLE][0] == "ok"
    for name, (status, code) in EXPECTED.items():
        doc_status, problems, flags = stored[name]
        assert doc_status == status, name
        message = load(papers / name).problems[0].message
        assert message in (problems or ""), name  # the reason, on the document row
        assert (code, message) in flags, name  # and its code, as a flag for the clerk
        # the summary names each failed and each partly read file with its reason
        assert f"{status} {papers / name}: {message}" in result.output, name
    assert not _meetings_of(db, "locked-minutes.pdf")  # a failed file adds no meeting
    # a file read whole needs no line of its own (the timing summary after the counts
    # names the slowest files, good or bad)
    assert GOOD_SAMPLE not in result.output.split("files 10 (")[0]


def test_stored_page_count_is_the_files_not_the_pages_read(papers, tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    _run(papers, db, monkeypatch)
    with open_session(db) as s:
        pages = s.scalar(select(schema.Document.pages)
                         .where(schema.Document.file_name == "huge-pack.pdf"))
    assert pages == 2000


def test_second_run_over_the_same_folder_loses_nothing(papers, tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    first = _run(papers, db, monkeypatch)
    before = _snapshot(db)
    again = _run(papers, db, monkeypatch)
    assert "files 10 (new 0, re-read 0, unchanged 2, failed 8) · partial 1" in again.output
    assert _snapshot(db) == before
    assert _meetings_of(db, GOOD_SAMPLE)
    # The clerk is told the same truth as the first time: each failed or partial file with
    # its reason, and a non-zero exit while any file is failed.
    assert again.exit_code == 1
    listed = [line for line in first.output.splitlines() if line.startswith(("failed", "partial"))]
    assert len(listed) == len(EXPECTED)
    for line in listed:
        assert line in again.output.splitlines()


def test_crash_while_saving_leaves_no_half_written_meeting(papers, tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    assert _run(papers, db, monkeypatch).exit_code == 1
    before = _snapshot(db)

    # A second good paper whose save dies after its meeting and facts were added.
    shutil.copy(SAMPLES / "lancs-cpb_minutes_2020-09-10.docx", papers)
    (papers / "zz-late-minutes.txt").write_text(
        "Hartley Parish Council\n\nMinutes of the meeting held on 3 June 2024\n\n"
        "Present: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies\n\nNone.")
    real_save_meeting = store.save.save_meeting
    added: list[int] = []

    def save_then_crash(session, doc, file, m, result):
        meeting = real_save_meeting(session, doc, file, m, result)
        session.flush()
        added.append(meeting.id)
        if file.endswith(".docx"):
            raise RuntimeError("disk unplugged mid-save")
        return meeting
    monkeypatch.setattr(store.save, "save_meeting", save_then_crash)
    result = _run(papers, db, monkeypatch)

    assert added, "the crash did not happen after rows were added"
    assert result.exit_code == 1
    assert "disk unplugged mid-save" in result.output
    assert "lancs-cpb_minutes_2020-09-10.docx" not in _documents(db)
    assert not _meetings_of(db, "lancs-cpb_minutes_2020-09-10.docx")
    # the batch went on past the crash to the next file
    assert _documents(db)["zz-late-minutes.txt"][0] == "ok"
    after = _snapshot(db)
    # every row stored before the crash is still there, unchanged …
    for table, rows in before.items():
        assert {pk: after[table].get(pk) for pk in rows} == rows, table
    # … and the only new meetings are the later file's: none is left from the crashed one
    late = {(m.id,) for m in _meetings_of(db, "zz-late-minutes.txt")}
    assert set(after["meetings"]) - set(before["meetings"]) == late


# ---- re-runs: failed and partial files, copies, unreadable files, names with brackets -----

OLD_READER, NEW_READER = "boardpapers 0.1.0; ocr none", "boardpapers 0.2.0; ocr none"


def _minutes_txt(path: Path, day: int) -> Path:
    path.write_text("Hartley Parish Council\n\n"
                    f"Minutes of the meeting held on {day} June 2024\n\n"
                    "Present: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies\n\nNone.")
    return path


def test_failed_and_partial_files_are_read_again_when_the_reader_changes(tmp_path,
                                                                          monkeypatch):
    import ingest.text
    from ingest import Problem

    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(SAMPLES / GOOD_SAMPLE, folder)
    broken, scanned = _minutes_txt(folder / "a-minutes.txt", 3), \
        _minutes_txt(folder / "b-minutes.txt", 4)
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    real_read_text = ingest.text.read_text
    # files are read in a forked child (the per-file budget): calls are counted in a file
    log = tmp_path / "calls.log"
    log.touch()

    class Calls:
        def append(self, name: str) -> None:
            with log.open("a") as fh:
                fh.write(name + "\n")

        def clear(self) -> None:
            log.write_text("")

        def names(self) -> list[str]:
            return log.read_text().split()
    calls = Calls()

    def old_reader(path, digest, problems):  # a parser bug, and a page it could not read
        calls.append(path.name)
        if path.name == broken.name:
            raise KeyError("parser bug")
        problems.append(Problem("ocr-unavailable", "Page 3 is a scanned image", page=3))
        return real_read_text(path, digest, problems)

    def counted(path, digest, problems):
        calls.append(path.name)
        return real_read_text(path, digest, problems)

    monkeypatch.setattr(batch, "current_reader", lambda: OLD_READER)
    monkeypatch.setattr(ingest.text, "read_text", old_reader)
    first = _run(folder, db, monkeypatch)
    assert first.exit_code == 1
    ids = {name: _document_id(db, name) for name in (broken.name, scanned.name)}

    # Same reader: nothing that could mend them has changed, so they are not read again,
    # but they are still listed and the failure still fails the run.
    monkeypatch.setattr(ingest.text, "read_text", counted)
    calls.clear()
    same = _run(folder, db, monkeypatch)
    assert calls.names() == []
    assert same.exit_code == 1
    assert "files 3 (new 0, re-read 0, unchanged 2, failed 1) · partial 1" in same.output
    assert f"failed {broken}: a-minutes.txt could not be read (KeyError" in same.output
    assert f"partial {scanned}: Page 3 is a scanned image" in same.output

    # A new reader (a fixed release): both are read again and replace their old records.
    monkeypatch.setattr(batch, "current_reader", lambda: NEW_READER)
    fixed = _run(folder, db, monkeypatch)
    assert sorted(calls.names()) == [broken.name, scanned.name]  # the good paper was not re-read
    assert fixed.exit_code == 0, fixed.output
    assert "files 3 (new 0, re-read 2, unchanged 1, failed 0) · partial 0" in fixed.output
    assert f"ok {broken}: read again (was failed)" in fixed.output
    assert f"ok {scanned}: read again (was partial)" in fixed.output
    stored = _documents(db)
    for name in (broken.name, scanned.name):
        status, problems, flags = stored[name]
        assert (status, problems) == ("ok", None), name
        assert not {k for k, _ in flags} & {"document-failed", "document-partial",
                                            "unreadable", "ocr-unavailable"}, name
        assert _document_id(db, name) == ids[name]  # replaced in place, not added
        assert _meetings_of(db, name), name
    assert _meetings_of(db, GOOD_SAMPLE)


def test_a_worse_reading_keeps_the_partial_record_and_says_so(tmp_path, monkeypatch):
    import ingest.text
    from ingest import Problem

    folder = tmp_path / "papers"
    folder.mkdir()
    scanned = _minutes_txt(folder / "minutes.txt", 3)
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    real_read_text = ingest.text.read_text

    def one_page_unread(path, digest, problems):
        problems.append(Problem("ocr-unavailable", "Page 3 is a scanned image", page=3))
        return real_read_text(path, digest, problems)

    def regressed(*_args):
        raise KeyError("new parser bug")

    monkeypatch.setattr(batch, "current_reader", lambda: OLD_READER)
    monkeypatch.setattr(ingest.text, "read_text", one_page_unread)
    _run(folder, db, monkeypatch)
    monkeypatch.setattr(batch, "current_reader", lambda: NEW_READER)
    monkeypatch.setattr(ingest.text, "read_text", regressed)
    result = _run(folder, db, monkeypatch)
    assert result.exit_code == 0, result.output  # partial, as stored: not a failure
    assert (f"partial {scanned}: read again, but this reading failed (minutes.txt could not "
            "be read (KeyError: 'new parser bug')") in result.output
    assert "the earlier partial record is kept: Page 3 is a scanned image" in result.output
    assert _documents(db)["minutes.txt"][0] == "partial"
    assert _meetings_of(db, "minutes.txt")


def _document_id(db: str, name: str) -> int:
    with open_session(db) as s:
        return s.scalars(select(schema.Document.id)
                         .where(schema.Document.file_name == name)).one()


def test_installing_tesseract_changes_the_reader(monkeypatch):
    import ingest.ocr

    readers = []
    for available in (False, True):
        monkeypatch.setattr(ingest.ocr, "tesseract_available", lambda a=available: a)
        readers.append(batch.current_reader())
    assert readers[0] != readers[1]
    from boardpapers import __version__
    assert all(__version__ in r for r in readers)


def test_files_with_the_same_bytes_are_each_named_and_recorded(tmp_path, monkeypatch):
    from store.queries import stored_document

    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "a-empty.pdf").write_bytes(b"")
    (folder / "b-empty.pdf").write_bytes(b"")
    shutil.copy(SAMPLES / GOOD_SAMPLE, folder / "c-minutes.pdf")
    shutil.copy(SAMPLES / GOOD_SAMPLE, folder / "d-minutes-copy.pdf")
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    result = _run(folder, db, monkeypatch)
    assert result.exit_code == 1
    assert "files 4 (new 1, re-read 0, unchanged 1, failed 2)" in result.output
    assert f"failed {folder / 'a-empty.pdf'}: a-empty.pdf is empty" in result.output
    assert (f"failed {folder / 'b-empty.pdf'}: same content as a-empty.pdf: "
            "a-empty.pdf is empty") in result.output
    with open_session(db) as s:
        assert len(s.scalars(select(schema.Document)).all()) == 2
        empty = stored_document(s, load(folder / "b-empty.pdf").source.sha256)
        good = stored_document(s, load(folder / "c-minutes.pdf").source.sha256)
    assert empty is not None and good is not None
    assert empty.paths == (str(folder / "a-empty.pdf"), str(folder / "b-empty.pdf"))
    assert good.paths == (str(folder / "c-minutes.pdf"), str(folder / "d-minutes-copy.pdf"))


def test_unopenable_files_are_named_on_every_run_and_fail_it(tmp_path, monkeypatch):
    import importlib

    loader = importlib.import_module("ingest.load")  # `ingest.load` is the function
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(SAMPLES / GOOD_SAMPLE, folder)
    (folder / "moved-minutes.pdf").symlink_to(tmp_path / "nowhere.pdf")  # a broken link
    locked = _minutes_txt(folder / "locked-minutes.txt", 5)
    real_sha = loader.sha256_of

    def denied(path):  # tests run as root, which chmod cannot lock out
        if Path(path).name == locked.name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_sha(path)
    monkeypatch.setattr(loader, "sha256_of", denied)
    monkeypatch.setattr(batch, "sha256_of", denied)
    db = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    for _ in range(2):
        result = _run(folder, db, monkeypatch)
        assert result.exit_code == 1
        assert "files 3 (" in result.output and "failed 2)" in result.output
        assert (f"failed {folder / 'moved-minutes.pdf'}: not stored: the file could not be "
                "opened: moved-minutes.pdf could not be read: No such file or directory"
                ) in result.output
        assert (f"failed {locked}: not stored: the file could not be opened: "
                "locked-minutes.txt could not be read: Permission denied") in result.output
    assert set(_documents(db)) == {GOOD_SAMPLE}


def test_markup_in_file_names_and_problems_is_shown_as_written(tmp_path, monkeypatch):
    import ingest.text

    folder = tmp_path / "papers"
    folder.mkdir()
    names = ["minutes [bold]x[red].pdf", "[i]agenda[link=x].docx"]
    (folder / names[0]).write_bytes(b"")
    (folder / names[1]).write_bytes(b"PK\x03\x04 cut short")
    _minutes_txt(folder / "notes [b].txt", 6)

    def broken(*_args):  # "[/]" closes nothing: read as markup it stops the run
        raise KeyError("[/bold] closes [/]")
    monkeypatch.setattr(ingest.text, "read_text", broken)
    result = _run(folder, f"sqlite:///{tmp_path / 'bp.sqlite'}", monkeypatch)
    assert result.exit_code == 1, result.output
    for name in names:  # in the path and again in the problem message, verbatim
        assert f"failed {folder / name}: {name} " in result.output, result.output
    assert (f"failed {folder / 'notes [b].txt'}: notes [b].txt could not be read (KeyError: "
            "'[/bold] closes [/]')") in result.output


def test_problem_code_examples_are_codes_ingest_uses():
    import re

    import ingest

    root = Path(ingest.__file__).parent
    model = (root / "model.py").read_text(encoding="utf-8")
    [comment] = [line for line in model.splitlines() if "stable slug" in line]
    examples = re.findall(r'"([a-z-]+)"', comment)
    assert examples
    sources = "\n".join(p.read_text(encoding="utf-8") for p in root.glob("*.py")
                        if p.name != "model.py")
    for code in examples:
        assert f'"{code}"' in sources, code

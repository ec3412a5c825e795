"""A DTD is found from an XML part's prolog bytes, whatever the encoding and whatever stands
before it, so a DOCX's entities are refused the same way under any lxml version."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as DocxDocument

from ingest import Status, load
from ingest.xml_prolog import PROLOG_LIMIT, PrologError, read_doctype

BOMB = ('<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>')
XXE = '<!DOCTYPE w:document [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
DECL = '<?xml version="1.0" encoding="{}" standalone="yes"?>'
ROOT = "<w:document><w:body/></w:document>"
LAUGHS = ("<!DOCTYPE w:styles [<!ENTITY l0 'lol'>" + "".join(  # 10^9 "lol"s once expanded
    f"<!ENTITY l{n} '{f'&l{n - 1};' * 10}'>" for n in range(1, 10)) + "]>")


def _kind(data: bytes) -> str | None:
    found = read_doctype(io.BytesIO(data))
    return found.kind if found else None


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("utf-16-be", b""),
    ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b""), ("cp037", b"")])
def test_entities_are_found_in_any_encoding(encoding, bom):
    label = {"cp037": "IBM037"}.get(encoding, encoding.upper())
    text = DECL.format(label) + "\r\n" + BOMB + ROOT
    assert _kind(bom + text.encode(encoding)) == "entities"


@pytest.mark.parametrize("before", [
    "\n\t  ", "<!-- a comment with <!DOCTYPE inside it -->",
    "<?mso-application progid='Word.Document'?>\n<!-- x -->  <?pi ?>"])
def test_comments_pis_and_whitespace_before_the_doctype_are_skipped(before):
    assert _kind((DECL.format("UTF-8") + before + XXE + ROOT).encode()) == "external"


def test_utf7_declared_doctype_is_seen_as_libxml2_would_read_it():
    # "+ADw-" is "<" in UTF-7: no "<!DOCTYPE" byte string for a naive search to find
    hidden = (BOMB + ROOT).replace("<", "+ADw-").replace(">", "+AD4-").encode("ascii")
    assert b"<!DOCTYPE" not in hidden
    assert _kind(DECL.format("UTF-7").encode() + hidden) == "entities"


@pytest.mark.parametrize("xml", [
    DECL.format("UTF-8") + ROOT,  # Word's own parts: no DTD
    DECL.format("UTF-8") + "<!-- <!DOCTYPE x [<!ENTITY a 'b'>]> -->" + ROOT,
    DECL.format("UTF-8") + ROOT + BOMB,  # after the root it is no DTD (and not well-formed)
    "<w:document>" + "x" * (PROLOG_LIMIT + 10) + "</w:document>"])
def test_no_doctype_in_the_prolog(xml):
    assert _kind(xml.encode()) is None


def test_a_bare_doctype_declares_nothing():
    assert _kind((DECL.format("UTF-8") + "<!DOCTYPE w:document>" + ROOT).encode()) == "dtd"


def test_an_encoding_we_cannot_read_is_refused():
    with pytest.raises(PrologError, match="x-klingon"):
        read_doctype(io.BytesIO((DECL.format("x-klingon") + BOMB + ROOT).encode()))


def test_an_endless_preamble_is_refused():
    with pytest.raises(PrologError, match="preamble"):
        read_doctype(io.BytesIO(("<!--" + " " * PROLOG_LIMIT).encode()))


def test_utf16_docx_part_with_entities_is_an_xml_bomb(tmp_path):
    src = io.BytesIO()
    d = DocxDocument()
    d.add_paragraph("Minutes")
    d.save(src)
    f = tmp_path / "utf16-bomb.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(f, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/styles.xml":
                body = data.decode("utf-8").split("?>", 1)[1]
                data = b"\xff\xfe" + (DECL.format("UTF-16") + "<!-- styles -->\n" + LAUGHS
                                      + body.replace("<w:style ", "&l9;<w:style ", 1)
                                      ).encode("utf-16-le")
            zout.writestr(item, data)
    doc = load(f)
    assert doc.status is Status.FAILED
    assert doc.problems[0].code == "xml-bomb", doc.problems
    assert "word/styles.xml" in doc.problems[0].message


def test_html_entities_declared_in_a_doctype_are_never_expanded(tmp_path):
    # HTML goes through libxml2's HTML parser (BeautifulSoup "lxml"), which reads no internal
    # subset: the declarations stay inert text and no prolog check is needed for HTML.
    f = tmp_path / "laughs.html"
    f.write_text('<?xml version="1.0"?>' + LAUGHS.replace("w:styles", "html")
                 + "<html><body><p>Minutes &l9; end</p></body></html>")
    doc = load(f)
    assert "lollol" not in "".join(b.text for b in doc.blocks())

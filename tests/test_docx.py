"""DOCX fidelity: what Word shows and python-docx does not give us directly. List numbers
(formats, levels, starts, restarts), ModernGov template tags, merged and shaded cells,
headers/footers as furniture, content controls. Each file is built here with python-docx
plus raw WordprocessingML; the HTML check at the end uses a literal page.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ingest import Status, load
from ingest.docx_numbering import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _el(xml: str):
    return parse_xml(f'<root xmlns:w="{W_NS}" xmlns:mc="{MC_NS}">{xml}</root>')[0]


def _docx(path: Path, body: list[str], abstracts: str = "", nums: str = "",
          build=None) -> Path:
    """A DOCX whose body is the given raw <w:p>/<w:tbl> elements and whose numbering part
    holds exactly `abstracts` and `nums`; `build(doc)` may add more through python-docx."""
    doc = DocxDocument()
    if abstracts or nums:
        numbering = doc.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        for xml in (abstracts, nums):
            if xml:
                for el in parse_xml(f'<root xmlns:w="{W_NS}">{xml}</root>'):
                    numbering.append(el)
    if build:
        build(doc)
    sect = doc.element.body.find(qn("w:sectPr"))
    for xml in body:
        sect.addprevious(_el(xml))
    doc.save(path)
    return path


def _p(text: str, num: tuple[int, int] | None = None, bold: bool = False,
       style: str | None = None) -> str:
    ppr = ""
    if num or style:
        numpr = (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
                 if num else "")
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{pstyle}{numpr}</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{_esc(text)}</w:t></w:r></w:p>"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _abstract(aid: int, *levels: tuple[str, str, int]) -> str:
    """An abstractNum with one <w:lvl> per (numFmt, lvlText, start), at ilvl 0, 1, …"""
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text, start) in enumerate(levels))
    return f'<w:abstractNum w:abstractNumId="{aid}">{lvls}</w:abstractNum>'


def _num(num_id: int, aid: int, start_override: int | None = None) -> str:
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/>'
                "</w:lvlOverride>" if start_override is not None else "")
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'


def _texts(path: Path) -> list[str]:
    doc = load(path)
    assert doc.status is Status.OK, doc.problems
    return [b.text for b in doc.blocks() if b.kind != "furniture"]


# ---- list numbering ----------------------------------------------------------------------

def test_decimal_list_starts_at_the_abstract_start_value(tmp_path):
    f = _docx(tmp_path / "m.docx", [_p("Apologies", (1, 0)), _p("Minutes", (1, 0))],
              _abstract(0, ("decimal", "%1.", 4)), _num(1, 0))
    assert _texts(f) == ["4. Apologies", "5. Minutes"]
    assert {b.kind for b in load(f).blocks()} == {"list_item"}


def test_letter_and_roman_formats(tmp_path):
    f = _docx(tmp_path / "m.docx",
              [_p("agree", (1, 0)), _p("note", (1, 0)), _p("first", (2, 0)),
               _p("second", (2, 0)), _p("third", (2, 0)), _p("fourth", (2, 0))],
              _abstract(0, ("lowerLetter", "(%1)", 1)) + _abstract(1, ("lowerRoman", "%1)", 1)),
              _num(1, 0) + _num(2, 1))
    assert _texts(f) == ["(a) agree", "(b) note", "i) first", "ii) second", "iii) third",
                         "iv) fourth"]


def test_number_formats_past_the_alphabet_and_upper_case():
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(3, "upperLetter") == "C"
    assert format_number(7, "decimalZero") == "07"
    assert format_number(5, "ordinalTextNobodyUses") == "5"


def test_multilevel_labels_and_deeper_levels_restart(tmp_path):
    f = _docx(tmp_path / "m.docx",
              [_p("Finance", (1, 0)), _p("Budget", (1, 1)), _p("Audit", (1, 1)),
               _p("Planning", (1, 0)), _p("Applications", (1, 1))],
              _abstract(0, ("decimal", "%1.", 1), ("decimal", "%1.%2", 1)), _num(1, 0))
    assert _texts(f) == ["1. Finance", "1.1 Budget", "1.2 Audit", "2. Planning",
                         "2.1 Applications"]


def test_legal_numbering_shows_every_level_as_decimal(tmp_path):
    abstract = ('<w:abstractNum w:abstractNumId="0">'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
                '<w:lvlText w:val="%1."/></w:lvl>'
                '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                '<w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>')
    f = _docx(tmp_path / "m.docx", [_p("Part", (1, 0)), _p("Clause", (1, 1))], abstract,
              _num(1, 0))
    assert _texts(f) == ["I. Part", "1.1 Clause"]


def test_new_numid_with_start_override_restarts_and_plain_numid_continues(tmp_path):
    # Word keeps the count on the abstract definition: "Restart numbering" writes a new
    # numId with a startOverride; a numId without one continues the same list.
    f = _docx(tmp_path / "m.docx",
              [_p("a", (1, 0)), _p("b", (1, 0)), _p("Resolved:"), _p("c", (2, 0)),
               _p("d", (2, 0)), _p("e", (3, 0)), _p("other list", (4, 0))],
              _abstract(0, ("decimal", "%1.", 1)) + _abstract(1, ("decimal", "%1.", 1)),
              _num(1, 0) + _num(2, 0, start_override=1) + _num(3, 0) + _num(4, 1))
    assert _texts(f) == ["1. a", "2. b", "Resolved:", "1. c", "2. d", "3. e", "1. other list"]


def test_numbering_from_paragraph_style_and_bullets_have_no_label(tmp_path):
    def build(doc):
        doc.add_paragraph("Receive the report", style="List Number")
        doc.add_paragraph("Note the risks", style="List Number")
        doc.add_paragraph("A bullet point", style="List Bullet")
    f = _docx(tmp_path / "m.docx", [], build=build)
    blocks = [(b.kind, b.text) for b in load(f).blocks()]
    assert blocks == [("list_item", "1. Receive the report"), ("list_item", "2. Note the risks"),
                      ("list_item", "A bullet point")]


def test_numbering_id_zero_switches_a_styles_numbering_off(tmp_path):
    def build(doc):
        doc.add_paragraph("Numbered", style="List Number")
    off = ('<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/>'
           '<w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Not numbered</w:t></w:r></w:p>')
    f = _docx(tmp_path / "m.docx", [off], build=build)
    assert _texts(f) == ["1. Numbered", "Not numbered"]


def test_list_numbers_inside_table_cells(tmp_path):
    cell = _p("Agree the budget", (1, 0)) + _p("Note the report", (1, 0))
    tbl = f"<w:tbl><w:tr><w:tc>{_p('Resolved')}</w:tc><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    f = _docx(tmp_path / "m.docx", [tbl], _abstract(0, ("lowerLetter", "%1)", 1)), _num(1, 0))
    (table,) = load(f).tables()
    assert table.rows[0][1].text == "a) Agree the budget\nb) Note the report"


# ---- ModernGov template tags ----------------------------------------------------------------

CLOSING = ("The Chair thanked everyone for attending and closed the meeting, noting that the "
           "next meeting would be held in the spring.")


def test_moderngov_tags_are_stripped_and_their_item_number_kept(tmp_path):
    item_table = (f"<w:tbl><w:tr><w:tc>{_p('1.')}</w:tc><w:tc>{_p('Apologies', bold=True)}"
                  "</w:tc></w:tr></w:tbl>")
    body = [
        _p("<AI1>"), item_table, _p("Apologies were received from Cllr Smith."), _p("</AI1>"),
        # the heading has no number of its own: the tag's number is put back
        _p("<AI2>"), _p("Minutes of the last meeting", bold=True),
        _p("The minutes were agreed.</AI2>"),
        # the heading already has its number: left as it is
        _p("<AI3>"), _p("3. Declarations of interest", bold=True), _p("None.</AI3>"),
        # a <TITLE> tag marks the title even when it is not bold
        _p("<AI4>"), _p("<TITLE>Any other business</TITLE>"), _p("<TEXT>None.</TEXT>"),
        # body text right after a tag is not a heading and gets no number
        _p("<AI5>"), _p(CLOSING),
    ]
    doc = load(_docx(tmp_path / "m.docx", body))
    blocks = [(b.kind, b.text) for b in doc.blocks()]
    assert blocks == [
        ("paragraph", "Apologies were received from Cllr Smith."),
        ("heading", "2. Minutes of the last meeting"),
        ("paragraph", "The minutes were agreed."),
        ("heading", "3. Declarations of interest"),
        ("paragraph", "None."),
        ("heading", "4. Any other business"),
        ("paragraph", "None."),
        ("paragraph", CLOSING),
    ]
    (table,) = doc.tables()
    assert table.texts() == [["1.", "Apologies"]]


# ---- tables ----------------------------------------------------------------------------------

def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


def test_merged_cells_and_shading(tmp_path):
    rows = [
        # a heading cell spanning both columns, shaded grey
        _tc("Action log", '<w:gridSpan w:val="2"/><w:shd w:val="clear" w:fill="D9D9D9"/>'),
        # a cell merged down over two rows, next to an amber RAG cell
        _tc("Recruit carers", '<w:vMerge w:val="restart"/>')
        + _tc("Amber", '<w:shd w:val="clear" w:color="auto" w:fill="FFC000"/>'),
        _tc("", "<w:vMerge/>") + _tc("Green", '<w:shd w:val="clear" w:fill="00B050"/>'),
        _tc("Unrated", '<w:shd w:val="clear" w:fill="auto"/>') + _tc(""),
    ]
    tbl = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    (table,) = load(_docx(tmp_path / "m.docx", [tbl])).tables()
    top = table.rows[0][0]
    assert (top.text, top.colspan, top.fill) == ("Action log", 2, "#d9d9d9")
    merged = table.rows[1][0]
    assert (merged.text, merged.rowspan) == ("Recruit carers", 2)
    assert table.rows[1][1].fill == "#ffc000"
    # the continuation is not repeated as a cell of its own; the next cell keeps its column
    assert [(c.text, c.col, c.fill) for c in table.rows[2]] == [("Green", 1, "#00b050")]
    assert table.rows[3][0].fill is None


def test_grid_before_keeps_cells_in_their_columns(tmp_path):
    tbl = ("<w:tbl><w:tr>" + _tc("Ref") + _tc("Status") + "</w:tr>"
           '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("Open") + "</w:tr></w:tbl>")
    (table,) = load(_docx(tmp_path / "m.docx", [tbl])).tables()
    assert [(c.text, c.col) for c in table.rows[1]] == [("Open", 1)]


# ---- headers, footers and other containers ------------------------------------------------

def test_headers_and_footers_become_furniture(tmp_path):
    def build(doc):
        section = doc.sections[0]
        section.header.paragraphs[0].text = "Corporate Parenting Board"
        section.footer.paragraphs[0].text = "Page 1 of 3"
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "OFFICIAL"
        doc.add_paragraph("Present: Cllr A Smith")
    doc = load(_docx(tmp_path / "m.docx", [], build=build))
    blocks = [(b.kind, b.style, b.text) for b in doc.blocks()]
    assert ("paragraph", None, "Present: Cllr A Smith") in blocks
    furniture = {(b.style, b.text) for b in doc.blocks() if b.kind == "furniture"}
    assert furniture == {("header", "Corporate Parenting Board"), ("header", "OFFICIAL"),
                         ("footer", "Page 1 of 3")}
    assert blocks[-1] == ("furniture", "footer", "Page 1 of 3")


def test_content_controls_and_text_box_fallbacks(tmp_path):
    sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('Minutes of the Annual Meeting')}" \
          "</w:sdtContent></w:sdt>"
    boxed = ("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>Draft</w:t>"
             "</mc:Choice><mc:Fallback><w:t>Draft</w:t></mc:Fallback></mc:AlternateContent>"
             "</w:r></w:p>")
    assert _texts(_docx(tmp_path / "m.docx", [sdt, boxed])) == [
        "Minutes of the Annual Meeting", "Draft"]


# ---- HTML minutes page ------------------------------------------------------------------------

COOKIE_PAGE = """<!DOCTYPE html><html><head><title>Minutes</title></head><body>
<div id="CybotCookiebotDialog"><p>We use cookies to improve your experience.</p>
  <a href="#">Accept all cookies</a></div>
<div class="cookie-banner"><p>This site uses cookies.</p></div>
<a class="skip-link" href="#main">Skip to content</a>
<div class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>
<div role="navigation"><a href="/meetings">Meetings</a></div>
<main id="main">
  <article>
    <header><h1>Minutes of Hartley Parish Council, 3 June 2024</h1></header>
    <div class="page-header"><p>Draft, subject to approval</p></div>
    <p>Present: Cllr A Smith (Chair)<br>Cllr B Jones</p>
    <table><tr class="table-header"><th>Ref</th><th>Action</th></tr>
      <tr><td>1</td><td>Clerk to order the bench</td></tr></table>
    <div class="share-buttons"><p>Share this page on social media</p></div>
    <p>The meeting closed at 9.05pm.</p>
  </article>
  <div class="row text-muted"><p>Copyright the parish council. All rights reserved.</p></div>
</main>
<footer><p>Contact us</p></footer>
</body></html>"""


def test_html_minutes_page_drops_navigation_and_cookie_banners(tmp_path):
    f = tmp_path / "minutes.html"
    f.write_text(COOKIE_PAGE, encoding="utf-8")
    doc = load(f)
    texts = [b.text for b in doc.blocks()]
    assert texts == ["Minutes of Hartley Parish Council, 3 June 2024",
                     "Draft, subject to approval",
                     "Present: Cllr A Smith (Chair)\nCllr B Jones",
                     "The meeting closed at 9.05pm."]
    (table,) = doc.tables()
    assert table.texts() == [["Ref", "Action"], ["1", "Clerk to order the bench"]]

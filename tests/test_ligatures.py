"""Ligature glyphs a PDF's text layer maps to the wrong character (issue 9, FAILURE-FORMS 20).
All text is invented."""
from __future__ import annotations

from pathlib import Path

from ingest import load
from ingest.ligatures import _words, expand_forms, plan_repairs, repair_pages
from ingest.model import Block, Page, Problem


def _plan(text: str):
    return plan_repairs(_words(text))


def test_symbol_glyph_read_as_the_ligature_the_document_confirms():
    r = _plan("The Commi$ee met. Members a$end each month; all attend. Jo Bre$on chaired.")
    assert r.words["Commi$ee"] == "Committee"  # known from the list
    assert r.words["a$end"] == "attend"  # spelt cleanly elsewhere in the document
    # two words agree that '$' is 'tt', so a name nobody could confirm is read too
    assert r.words["Bre$on"] == "Bretton"
    assert r.unresolved == []


def test_private_use_and_control_glyphs_are_read_too():
    r = _plan("the \ue001oor was \ue001ooding; Pat Ra\ue001ey and the e\x03ect of the sta\x03")
    assert r.words["\ue001oor"] == "floor" and r.words["\ue001ooding"] == "flooding"
    assert r.words["Ra\ue001ey"] == "Rafley"
    assert r.words["e\x03ect"] == "effect" and r.words["sta\x03"] == "staff"


def test_clean_text_with_symbols_is_left_alone():
    text = ("Costs rose to $500 (10%). What? A&E and/or Q&A, see www.example.org/a?b=c or "
            "clerk@example.org; **Note** next** item #3, C# and M*A*S*H.")
    assert _plan(text).words == {}
    pages = [Page(number=1, items=[Block(index=0, page=1, kind="paragraph", text=text)])]
    problems: list[Problem] = []
    repair_pages(pages, problems)
    assert pages[0].items[0].text == text and problems == []


def test_a_question_mark_is_read_only_where_a_known_word_confirms_it():
    # '?' stands for every unmapped glyph: "noti?cation" and "?nal" do not make it "fi"
    # in a name
    r = _plan("The noti?cation was ?nal. Present: Cllr Ve?ina Oakes.")
    assert r.words["noti?cation"] == "notification" and r.words["?nal"] == "final"
    assert "Ve?ina" not in r.words
    assert r.unresolved == ["Ve?ina"]


def test_unconfirmed_glyph_is_kept_and_flagged():
    pages = [Page(number=1, items=[Block(index=0, page=1, kind="paragraph",
                                         text="Present: Zo\ue005ba Qu\ue005xo and Ann Lee")])]
    problems: list[Problem] = []
    repair_pages(pages, problems)
    assert pages[0].items[0].text == "Present: Zo\ue005ba Qu\ue005xo and Ann Lee"
    assert [p.code for p in problems] == ["ligature-glyphs"]
    assert "Zo\ue005ba" in problems[0].message and problems[0].page == 1


def test_presentation_forms_are_expanded():
    assert expand_forms("\ufb01nal \ufb02oor e\ufb00ect o\ufb03ce ba\ufb04e") == \
        "final floor effect office baffle"
    pages = [Page(number=1, items=[Block(index=0, page=1, kind="paragraph",
                                         text="Sta\ufb00 a\ufb03rmed the \ufb01gures")])]
    repair_pages(pages, [])
    assert pages[0].items[0].text == "Staff affirmed the figures"


def test_case_is_kept():
    r = _plan("COMMI$EE MINUTES. The Commi$ee and the commi$ee.")
    assert r.words["COMMI$EE"] == "COMMITTEE"
    assert r.words["Commi$ee"] == "Committee" and r.words["commi$ee"] == "committee"


def _pdf(lines: list[bytes], to_unicode: dict[int, str]) -> bytes:
    """One page in Helvetica whose codes 128/129 draw the fi/fl glyphs, with a ToUnicode
    table that maps them as `to_unicode` says (the broken text layer)."""
    content = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(
        b"(" + line + b") Tj T*" for line in lines) + b" ET"
    ascii_ = [b"<%02X> <%04X>" % (c, c) for c in range(0x20, 0x7F)]
    bad = [b"<%02X> <%s>" % (c, u.encode()) for c, u in to_unicode.items()]
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n"
            % (len(ascii_) + len(bad)) + b"\n".join(ascii_ + bad)
            + b"\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            b"/BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl] >> /ToUnicode 6 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)


def test_pdf_whose_font_maps_ligatures_to_wrong_characters(tmp_path: Path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(_pdf([b"The noti\x80cation was \x80nal; the \x81oor was \x81ooding.",
                           b"Present: Cllr Al\x80e Wra\x81am. Fee: $500."],
                          {0x80: "0024", 0x81: "E001"}))
    doc = load(path)
    text = "\n".join(b.text for b in doc.blocks())
    assert "notification was final; the floor was flooding." in text
    assert "Cllr Alfie Wraflam" in text  # glyphs settled by two words each
    assert "$500" in text
    assert not any(p.code == "ligature-glyphs" for p in doc.problems)


def test_a_glyph_the_document_also_uses_on_its_own_is_not_flagged():
    text = "Vote: Yes|No, Red|Amber. Options | Owner | Date | Cost $5 | Note"
    pages = [Page(number=1, items=[Block(index=0, page=1, kind="paragraph", text=text)])]
    problems: list[Problem] = []
    repair_pages(pages, problems)
    assert pages[0].items[0].text == text and problems == []


def test_ocr_text_is_not_touched():
    # OCR noise is not a font's glyph map: "[a]" must not become a word
    text = "The Commi$ee met; a$end [a] S$ Pe$er"
    pages = [Page(number=1, ocr=True, items=[Block(index=0, page=1, kind="paragraph",
                                                   text=text, ocr=True)])]
    problems: list[Problem] = []
    repair_pages(pages, problems)
    assert pages[0].items[0].text == text and problems == []

"""Splitting an agenda pack into its papers (ingest/packparts.py): literal pages for each
signal, the generated sample pack, and the multi-part packs of the real dev set."""
from __future__ import annotations

import importlib
import itertools
import time

import pytest

from conftest import SAMPLES
from ingest import load
from ingest.model import Block, Cell, Document, Page, Part, Source, Table
from ingest.packparts import split_pack

PACK = SAMPLES / "lancs-cpb_agenda-pack_2019-11-26.pdf"


def b(text: str, kind: str = "paragraph", bold: bool = False, style: str | None = None
      ) -> Block:
    return Block(index=0, page=None, kind=kind, text=text, bold=bold, style=style)  # type: ignore[arg-type]


def h(text: str) -> Block:
    return b(text, "heading", bold=True)


def footer(label: str) -> Block:
    return b(f"Page {label}", "furniture")


def pages(*specs: list, labels: list[str | None] | None = None) -> list[Page]:
    """Numbered pages from lists of items; `labels` are the printed page numbers."""
    out = []
    for n, items in enumerate(specs, start=1):
        label = labels[n - 1] if labels else None
        for it in items:
            it.page = n
        out.append(Page(number=n, label=label, items=list(items)))
    return out


def spans(parts: list[Part]) -> list[tuple[str, str | None, int | None, int | None]]:
    return [(p.kind, p.item, p.first_page, p.last_page) for p in parts]


def assert_tiles(parts: list[Part], n_pages: int) -> None:
    """Contiguous, non-overlapping, in page order, covering pages 1..n."""
    assert parts[0].first_page == 1 and parts[-1].last_page == n_pages
    for a, nxt in itertools.pairwise(parts):
        assert a.first_page <= a.last_page and nxt.first_page == a.last_page + 1


def body(words: int = 60) -> Block:
    return b(" ".join(["the board noted the report"] * (words // 5)))


# --- literal packs ----------------------------------------------------------------------------

def _pack() -> list[Page]:
    """Front sheet (pages i, ii) with "(Pages a - b)" references printed as page labels; the
    minutes stamped "Agenda Item 2" up the margin; a report found by its reference and cover;
    its appendix; and a last report found only by its reference."""
    front = [h("Audit Committee"), b("A meeting of the Audit Committee will be held on 1 May"),
             h("Agenda"), h("1.\tApologies for absence"),
             b("2.\tMinutes of the meeting held on\t(Pages 1 - 2)", "list_item"),
             b("3.\tBudget monitoring report for the\t(Pages 3 - 5)", "list_item"),
             h("second quarter"), b("Director of Finance"),
             b("4.\tRisk register (Page 6)", "list_item")]
    return pages(
        front, [body()],
        [b("Agenda Item 2", "furniture", style="rotated"), h("Audit Committee"),
         h("Minutes of the meeting held on 3 March"), body(), footer("1")],
        [body(), footer("2")],
        [h("Audit Committee"), b("Report of the Director of Finance"), h("Budget monitoring"),
         body(), footer("3")],
        [body()],  # its footer was not read: the page still resolves through its neighbours
        [h("Appendix A"), h("Appendix A – Budget by service"), body(), footer("5")],
        [h("Risk register"), body(), footer("6")],
        [body(), footer("7")],
        labels=[None, None, "1", "2", "3", None, "5", "6", "7"])


def test_pack_split_by_markers_references_and_covers():
    parts = split_pack(_pack())
    assert spans(parts) == [("agenda", None, 1, 2), ("minutes", "2", 3, 4),
                            ("report", "3", 5, 6), ("appendix", "3", 7, 7),
                            ("report", "4", 8, 9)]
    assert [p.evidence for p in parts] == [
        "front-pages", "agenda-item-marker+page-reference+cover-page",
        "page-reference+cover-page", "cover-page", "page-reference"]
    # titles come from the agenda, a title wrapped onto a bold line joined back
    assert parts[2].title == "Budget monitoring report for the second quarter"
    assert parts[3].title == "Appendix A – Budget by service"
    assert parts[4].title == "Risk register"


def test_split_pack_accepts_a_document_or_its_pages():
    doc = Document(Source("x.pdf", "0" * 64, "pdf", 9), pages=_pack())
    assert split_pack(doc) == split_pack(doc.pages)


def test_stamp_wins_where_the_agenda_reference_disagrees():
    front = [h("Agenda"), b("2.\tQuarterly report\t(Pages 1 - 3)", "list_item")]
    doc = pages(front, [body(), footer("1")], [b("Agenda Item 2", "heading"), body(),
                                               footer("2")], [body(), footer("3")],
                labels=[None, "1", "2", "3"])
    assert spans(split_pack(doc)) == [("agenda", None, 1, 2), ("report", "2", 3, 4)]


def test_item_ends_where_its_referenced_pages_end():
    front = [h("Agenda"), b("2.\tQuarterly report\t(Pages 1 - 1)", "list_item")]
    doc = pages(front, [h("Report to the Cabinet"), footer("1")],
                [b("This page is intentionally left blank")],
                [h("Letter from the auditor"), footer("3")], labels=[None, "1", None, "3"])
    assert spans(split_pack(doc)) == [("agenda", None, 1, 1), ("report", "2", 2, 3),
                                      ("other", None, 4, 4)]


def test_contents_column_of_page_numbers_is_a_reference():
    front = [h("Audit Committee"), b("1.\tDeclarations of interest 1", "list_item"),
             b("3.\tMinutes of the meeting held on 24 September and notes of\t3\n"
               "the joint session with General Purposes", "list_item"),
             b("4.\tAnnual complaints report\t9", "list_item")]
    doc = pages([h("Merton Council"), b("Membership: councillors")], front,
                [b("AUDIT COMMITTEE"), b("PRESENT: Dave Roberts (Chair)"), footer("3")],
                [body(), footer("4")], [body(), footer("5")])
    doc[2].label, doc[3].label, doc[4].label = "3", "4", "5"
    parts = split_pack(doc)
    assert spans(parts) == [("agenda", None, 1, 2), ("minutes", "3", 3, 5)]
    assert parts[1].title == ("Minutes of the meeting held on 24 September and notes of the "
                              "joint session with General Purposes")


def test_one_trailing_number_is_not_a_contents_column():
    front = [h("Agenda"), b("4.\tAnnual complaints report\t3", "list_item")]
    doc = pages(front, [body(), footer("2")], [body(), footer("3")], labels=[None, "2", "3"])
    assert len(split_pack(doc)) == 1


# --- stamps ------------------------------------------------------------------------------------

def test_stamp_in_a_running_band_or_rotated_or_at_the_top():
    doc = pages([h("Agenda"), body()],
                [b("Agenda Item 3", "furniture"), body()],
                [body(), b("Page 7 Agenda Item 4", "furniture", style="rotated")],
                [b("Agenda Item 5(a)", "heading"), body()])
    assert [(p.item, p.first_page) for p in split_pack(doc)] == [
        (None, 1), ("3", 2), ("4", 3), ("5a", 4)]


def test_stamp_of_upright_letters_stacked_up_the_margin():
    stacked = [b("P"), b("a\ng\ne\n1"), b("A"), b("g\ne\nn\nd\na"), b("I\nt"), b("e"), b("m"),
               b("6")]
    doc = pages([h("Dear Member"), body()], [h("Budget Amendment Form"), *stacked, body()])
    parts = split_pack(doc)
    assert spans(parts) == [("front", None, 1, 1), ("report", "6", 2, 2)]
    assert parts[1].title == "Budget Amendment Form"


def test_stamp_repeated_on_every_page_of_a_paper_is_one_part():
    doc = pages([h("Agenda"), body()], *[[b("Agenda Item 4", "furniture"), body()]] * 3,
                [b("Agenda Item 5", "furniture"), body()])
    assert spans(split_pack(doc)) == [("agenda", None, 1, 1), ("report", "4", 2, 4),
                                      ("report", "5", 5, 5)]


def test_item_headings_in_minutes_are_not_stamps():
    doc = pages([h("Minutes of the Parish Council meeting held on 5 May"),
                 h("Agenda Item 1"), body(), h("Agenda Item 2"), body()],
                [h("Agenda Item 3"), body(), h("Agenda Item 4"), body()])
    assert spans(split_pack(doc)) == [("minutes", None, 1, 2)]


# --- covers, blank separators, page headers ----------------------------------------------------

def test_running_appendix_header_continues_its_appendix():
    doc = pages([h("Report to the Cabinet"), body()],
                *[[h("APPENDIX F: SPENDING PLAN"), body()]] * 2,
                [h("APPENDIX F: SAVINGS PLAN"), body()],
                [h("Appendix G – Reserves"), body()])
    assert spans(split_pack(doc)) == [("report", None, 1, 1), ("appendix", None, 2, 4),
                                      ("appendix", None, 5, 5)]


def test_running_header_read_into_the_body_is_not_a_cover():
    doc = pages([h("Quarterly Performance Report"), body()],
                [b("Appendix 1", "furniture"), body()],
                [b("Appendix 1\nCustomer services met target"), body()],
                [b("Appendix 1", "furniture"), body()])
    assert spans(split_pack(doc)) == [("report", None, 1, 4)]


def test_cover_in_running_text_is_not_a_cover():
    doc = pages([h("Minutes of the meeting of the Trustees"), body()],
                [b("5. Report of the Treasurer", "list_item"),
                 b("Report of the Chair was received and noted."), body()])
    assert spans(split_pack(doc)) == [("minutes", None, 1, 2)]


def test_page_after_an_intentionally_blank_page_starts_a_paper():
    doc = pages([h("Report to the Council"), body()], [body()],
                [b("This page is intentionally left blank"), footer("3")],
                [b("Motion on local bus services"), body()])
    assert spans(split_pack(doc)) == [("report", None, 1, 3), ("other", None, 4, 4)]
    assert split_pack(doc)[1].evidence == "blank-page-separator"


def test_blank_notice_on_a_page_with_content_is_not_a_separator():
    doc = pages([h("Minutes of the meeting of the Board"), body()],
                [body(200), b("This page is intentionally left blank")], [body()])
    assert len(split_pack(doc)) == 1


def test_title_topping_separate_runs_of_pages_is_a_bundle_of_papers():
    form = Table(index=0, page=None, rows=[[Cell("Budget Amendment Form", 0, 0)],
                                           [Cell("Proposer", 1, 0), Cell("Mr A Brady", 1, 1)]])
    doc = pages([h("Dear Member"), body()], [form, body()], [body()],
                [h("Alternative budget report"), body()],
                [Table(0, None, [list(r) for r in form.rows]), body()])
    parts = split_pack(doc)
    assert [(p.first_page, p.title) for p in parts] == [
        (1, "Dear Member"), (2, "Budget Amendment Form"), (5, "Budget Amendment Form")]
    assert parts[2].evidence == "page-header"


def test_title_topping_one_run_of_pages_is_a_running_header():
    doc = pages(*[[h("Corporate Risk Register"), body()]] * 4)
    assert len(split_pack(doc)) == 1


# --- one-paper files ---------------------------------------------------------------------------

def test_plain_minutes_are_one_part():
    doc = pages([h("Milburn Parish Council"), b("5th July 2016"), h("Present"),
                 b("Councillors D Richardson (Chair), R Healey"), body()], [body()], [body()])
    assert spans(split_pack(doc)) == [("minutes", None, 1, 3)]
    assert split_pack(doc)[0].evidence == "whole-document"


@pytest.mark.parametrize("head, kind", [
    ("Notice of meeting and agenda", "agenda"),
    ("Disposition of items, council meeting", "minutes"),
    ("Quarterly Performance Report", "report"),
    ("Kent County Council", "other"),
])
def test_one_paper_file_is_named_by_its_title(head, kind):
    assert split_pack(pages([h(head), body()]))[0].kind == kind


def test_docx_like_pages_without_numbers_are_one_part():
    page = Page(number=None, items=[h("Minutes of the Board"), b("Appendix A"), body()])
    (part,) = split_pack([page])
    assert (part.kind, part.first_page, part.last_page) == ("minutes", None, None)


def test_no_pages_no_parts():
    assert split_pack([]) == []


def test_a_thousand_page_pack_is_split_in_linear_time():
    specs = []
    for n in range(1000):
        stamp = [b(f"Agenda Item {n // 10 + 1}", "furniture")] if n % 10 == 0 else []
        specs.append(stamp + [body() for _ in range(30)] + [footer(str(n + 1))])
    doc = pages(*specs, labels=[str(n + 1) for n in range(1000)])
    started = time.perf_counter()
    parts = split_pack(doc)
    assert time.perf_counter() - started < 5
    assert len(parts) == 100
    assert_tiles(parts, 1000)


# --- load() ------------------------------------------------------------------------------------

def test_a_splitter_bug_never_fails_a_load(monkeypatch, tmp_path):
    def broken(doc):
        raise RuntimeError("bug")

    # `ingest.load` the name is the function; the module is patched where load() looks
    monkeypatch.setattr(importlib.import_module("ingest.load"), "split_pack", broken)
    paper = tmp_path / "minutes.txt"
    paper.write_text("Minutes of the meeting of the Board\n\nPresent: A Smith\n")
    doc = load(paper)
    assert doc.status.value == "ok"
    assert [(p.kind, p.title, p.evidence) for p in doc.parts] == [
        ("other", "minutes.txt", "whole-document")]


def test_sample_pack_parts_are_its_real_papers():
    """scripts/make_samples.py: front sheet pages i–ii, then the pack proper numbered 1–17:
    minutes (Agenda Item 2), police presentation (3), performance report (4), delivery plan
    report (5) with its landscape Appendix A, and the schedule of meetings (6)."""
    parts = load(PACK).parts  # load() sets them
    assert spans(parts) == [
        ("agenda", None, 1, 2), ("minutes", "2", 3, 7), ("report", "3", 8, 9),
        ("report", "4", 10, 11), ("report", "5", 12, 12), ("appendix", "5", 13, 18),
        ("report", "6", 19, 19)]
    assert parts[1].title == "Notes of the Meeting and Matters Arising from 17 September 2019"
    assert parts[2].title == "Exploitation and Violence Reduction"
    assert parts[5].title.startswith("Appendix A – Summary of Corporate Parenting Strategy")
    assert all("page-reference" in p.evidence for p in parts if p.item and p.kind != "appendix")


# --- the real dev set --------------------------------------------------------------------------

@pytest.mark.realdocs
def test_dev_packs_split_into_their_papers(shared):
    dev = shared / "realdocs" / "dev"
    merton = load(dev / "merton-council_audit-committee_agenda_2009-10-22.pdf").parts
    # cover and agenda; then item 3, the minutes and joint-session notes, to the blank page 8
    assert spans(merton) == [("agenda", None, 1, 2), ("minutes", "3", 3, 8)]

    kent = load(dev / "kent-cc_county-council_budget-amendments-pack_2025-02-13.pdf").parts
    assert_tiles(kent, 48)
    by_start = {p.first_page: p for p in kent}
    # the covering letter; Agenda Item 6: amendment 1's form, the Labour Group's alternative
    # budget with Appendices D and F, then amendment forms 2–6, each form and its blank back
    assert by_start[1].kind == "front"
    assert set(by_start) >= {3, 5, 9, 13, 39, 41, 43, 45, 47}
    assert by_start[3].item == "6" and all(p.item == "6" for p in kent[1:])
    assert (by_start[9].kind, by_start[13].kind) == ("appendix", "appendix")
    assert by_start[13].last_page == 38


@pytest.mark.realdocs
@pytest.mark.parametrize("name", [
    "kent-cc_county-council_minutes_2024-12-19.pdf", "souldern-pc_minutes_2024-10-31.pdf",
    "suffolk-libraries-ips_board-minutes_2016-05-26.pdf", "kent-cc_qpr-q3-2024-25_part1.pdf",
    "newbiggin-pc_minutes_2019-09-03.docx", "stoke-ferry-pc_minutes_2018-05_webpage.html"])
def test_dev_single_papers_are_one_part(shared, name):
    doc = load(shared / "realdocs" / "dev" / name)
    (part,) = doc.parts
    assert part.evidence.startswith("whole-document")
    assert (part.first_page, part.last_page) == (
        (1, doc.source.pages) if doc.source.format == "pdf" else (None, None))

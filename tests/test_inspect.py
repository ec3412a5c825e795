"""`boardpapers inspect`: what ingest saw, shown safely (document text is never markup)."""
from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.inspect import BLOCK_CHARS, describe, render, short
from conftest import SAMPLES
from ingest.model import Block, Cell, Document, Page, Source, Table

runner = CliRunner()
PACK = str(SAMPLES / "lancs-cpb_agenda-pack_2019-11-26.pdf")
WIDE = {"COLUMNS": "200"}  # one screen line per block, so assertions see whole lines


@pytest.fixture(scope="module")
def appendix_page() -> str:
    result = runner.invoke(app, ["inspect", PACK, "--page", "13"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_shows_source_and_parts_with_page_spans(appendix_page):
    assert "lancs-cpb_agenda-pack_2019-11-26.pdf" in appendix_page
    assert "pdf · 19 pages · sha256 b64b51c6753a · ok" in appendix_page
    assert "│ appendix │ 5    │ 13–18 │ Appendix A – Summary" in appendix_page
    assert "│ minutes  │ 2    │ 3–7   │" in appendix_page


def test_shows_one_page_blocks_tables_and_fills(appendix_page):
    assert "page 13  printed 11" in appendix_page and "page 12 " not in appendix_page
    assert "heading   bold 12pt        Appendix A" in appendix_page
    assert "furniture" in appendix_page and "Page 11" in appendix_page
    assert "table  pages 13–14  25×4" in appendix_page
    # a RAG cell: its word, then a swatch and the fill as #rrggbb
    assert "│ Green    #00b050" in appendix_page


def test_blocks_and_tables_can_be_left_out():
    result = runner.invoke(app, ["inspect", PACK, "--page", "13", "--no-tables"], env=WIDE)
    assert "Appendix A" in result.stdout and "#00b050" not in result.stdout
    result = runner.invoke(app, ["inspect", PACK, "--page", "13", "--no-blocks"], env=WIDE)
    assert "#00b050" in result.stdout and "heading" not in result.stdout


def test_json_is_the_same_structure():
    result = runner.invoke(app, ["inspect", PACK, "--page", "3", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["source"]["status"] == "ok" and info["source"]["pages"] == 19
    assert [(p["kind"], p["first_page"], p["last_page"]) for p in info["parts"]][:2] == [
        ("agenda", 1, 2), ("minutes", 3, 7)]
    (page,) = info["pages"]
    assert page["number"] == 3 and page["label"] == "1"
    assert {"index", "kind", "style", "bold", "size", "ocr", "text"} <= set(page["blocks"][0])


def test_document_text_is_shown_literally_never_as_markup(tmp_path):
    paper = tmp_path / "minutes.txt"
    paper.write_text("Minutes [bold]x[/bold] of the meeting [link=http://evil]here[/link]\n\n"
                     "Present: [red]A Smith[/red] \x1b[31mred\x1b[0m :smile:\n")
    result = runner.invoke(app, ["inspect", str(paper)], env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Minutes [bold]x[/bold] of the meeting [link=http://evil]here[/link]" in out
    assert "Present: [red]A Smith[/red]" in out and ":smile:" in out
    assert "\x1b" not in out  # control codes from the file are replaced, not passed through
    assert "│ minutes │" in out  # the part's title is the same untrusted text, also literal


def test_a_file_that_failed_to_load_exits_non_zero_with_a_plain_message(tmp_path):
    bad = tmp_path / "[bold]agenda.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really a pdf")
    result = runner.invoke(app, ["inspect", str(bad)])
    assert result.exit_code == 1
    assert "failed" in result.output and "[bold]agenda.pdf" in result.output
    assert "damaged" in result.output


def test_a_page_the_file_does_not_have_exits_non_zero():
    result = runner.invoke(app, ["inspect", PACK, "--page", "40"])
    assert result.exit_code == 2 and "has no page 40" in result.output


def test_text_is_bounded_and_unprintables_replaced():
    text = short("A\u202eB\tC\nD " + "x" * 500, BLOCK_CHARS)
    assert len(text) == BLOCK_CHARS and text.endswith("…")
    assert text.startswith("A\\u202eB ⇥ C ↵ D")


def _doc_with_fills(*fills: str | None) -> Document:
    cells = [Cell(f"c{n}", 0, n, fill=f) for n, f in enumerate(fills)]
    table = Table(index=1, page=1, rows=[cells], pages=(1, 1))
    page = Page(number=1, items=[Block(0, 1, "heading", "Appendix A"), table])
    return Document(Source("x.pdf", "0" * 64, "pdf", 1), pages=[page])


def test_fill_is_shown_as_a_coloured_swatch_only_when_well_formed():
    info = describe(_doc_with_fills("#00B050", "red on white", None))
    assert [c["fill"] for c in info["pages"][0]["tables"][0]["cells"][0]] == [
        "#00B050", None, None]
    out = io.StringIO()
    render(info, Console(file=out, width=120, color_system="truecolor", force_terminal=True))
    ansi = out.getvalue()
    assert "\x1b[48;2;0;176;80m  \x1b[0m #00b050" in ansi  # a green swatch, then its code
    assert ansi.count("\x1b[48;") == 1  # the malformed fill never became a style

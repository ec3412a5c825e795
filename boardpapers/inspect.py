"""`boardpapers inspect FILE`: what ingest saw in one file — its source, the parts a pack was
split into, and each page's blocks and tables — so a wrong extraction can be traced by eye.

Document text is untrusted. It reaches the screen only inside rich.text.Text (never parsed as
markup), with control and bidi characters escaped and its length bounded (`show.short`);
fills are shown only when they are well-formed "#rrggbb".
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from .show import short

if TYPE_CHECKING:  # types only: the records come from the caller's `ingest.load`
    from ingest.model import Block, Document, Page, Table

__all__ = ["describe", "render", "short"]

BLOCK_CHARS = 100
CELL_CHARS = 40
TITLE_CHARS = 120
PROBLEM_CHARS = 300
MAX_ROWS = 60  # rows shown per table; the count says how many were left out
HEX = re.compile(r"#[0-9a-fA-F]{6}")


def describe(doc: Document, page: int | None = None, blocks: bool = True,
             tables: bool = True) -> dict[str, Any]:
    """The plain structure both the screen and --json show. `page` picks one page by its
    1-based number (by position, for DOCX/HTML pages, which have none)."""
    src = doc.source
    return {
        "source": {"file": short(src.file, TITLE_CHARS), "format": src.format,
                   "pages": src.pages, "sha256": src.sha256[:12], "status": doc.status.value,
                   "problems": [{"code": p.code, "message": short(p.message, PROBLEM_CHARS),
                                 "page": p.page} for p in doc.problems]},
        "parts": [{"kind": p.kind, "item": _opt(p.item, 20), "first_page": p.first_page,
                   "last_page": p.last_page, "title": short(p.title, TITLE_CHARS),
                   "evidence": short(p.evidence, TITLE_CHARS)} for p in doc.parts],
        "pages": [_page(p, blocks, tables) for n, p in enumerate(doc.pages, start=1)
                  if page is None or (p.number if p.number is not None else n) == page],
    }


def _page(p: Page, blocks: bool, tables: bool) -> dict[str, Any]:
    return {
        "number": p.number, "label": _opt(p.label, 20), "ocr": p.ocr,
        "blocks": [_block(b) for b in p.blocks] if blocks else [],
        "tables": [_table(t) for t in p.tables] if tables else [],
    }


def _block(b: Block) -> dict[str, Any]:
    return {"index": b.index, "kind": b.kind, "style": _opt(b.style, 40), "bold": b.bold,
            "size": b.font_size, "ocr": b.ocr, "text": short(b.text, BLOCK_CHARS)}


def _opt(text: str | None, limit: int) -> str | None:
    # page labels, item numbers and DOCX style names are read from the file too
    return None if text is None else short(text, limit)


def _table(t: Table) -> dict[str, Any]:
    return {"index": t.index, "pages": list(t.pages) if t.pages else [t.page, t.page],
            "rows": len(t.rows), "cols": t.n_cols,
            "cells": [[{"text": short(c.text, CELL_CHARS),
                        "fill": c.fill if c.fill and HEX.fullmatch(c.fill) else None}
                       for c in row] for row in t.rows[:MAX_ROWS]],
            "more_rows": max(0, len(t.rows) - MAX_ROWS)}


# --- on screen --------------------------------------------------------------------------------

def render(info: dict[str, Any], console: Console) -> None:
    src = info["source"]
    n = src["pages"]
    pages = "no page numbers" if n is None else f"{n} page" + ("" if n == 1 else "s")
    status_style = {"ok": "green", "partial": "yellow"}.get(src["status"], "red")
    console.print(Text.assemble((src["file"], "bold"), f"  {src['format']} · {pages} · sha256 ",
                                src["sha256"], " · ", (src["status"], status_style)))
    for p in src["problems"]:
        where = f" (page {p['page']})" if p["page"] is not None else ""
        console.print(Text.assemble(("  ! ", "yellow"), f"{p['code']}: ", p["message"], where))
    if info["parts"]:
        console.print(_parts_table(info["parts"]))
    for page in info["pages"]:
        _render_page(page, console)


def _parts_table(parts: list[dict[str, Any]]) -> RichTable:
    table = RichTable("kind", "item", "pages", "title", "evidence", title="parts",
                      title_justify="left")
    for p in parts:
        first, last = p["first_page"], p["last_page"]
        span = "–" if first is None else str(first) if first == last else f"{first}–{last}"
        table.add_row(Text(p["kind"]), Text(p["item"] or ""), Text(span), Text(p["title"]),
                      Text(p["evidence"], style="dim"))
    return table


def _render_page(page: dict[str, Any], console: Console) -> None:
    number = page["number"]
    head = Text("page " + (str(number) if number is not None else "(unnumbered)"), style="bold")
    if page["label"]:
        head.append(f"  printed {page['label']!s}")
    if page["ocr"]:
        head.append("  OCR", style="yellow")
    console.rule(head, align="left")
    # blocks and tables share one numbering: in index order they are in reading order
    for it in sorted(page["blocks"] + page["tables"], key=lambda it: it["index"]):
        if "cells" in it:
            _render_table(it, console)
        else:
            console.print(_block_line(it))


def _block_line(b: dict[str, Any]) -> Text:
    meta = " ".join(x for x in (b["style"] or "", "bold" if b["bold"] else "",
                                f"{b['size']:g}pt" if b["size"] else "") if x)
    line = Text.assemble((f"{b['index']:>5} ", "dim"), (f"{b['kind']:<10}", "cyan"),
                         (f"{meta:<16} ", "dim"), ("OCR " if b["ocr"] else "", "yellow"),
                         b["text"])
    if b["kind"] == "furniture":
        line.stylize("dim")
    return line


def _render_table(t: dict[str, Any], console: Console) -> None:
    first, last = t["pages"]
    span = f"page {first}" if first == last else f"pages {first}–{last}"
    console.print(Text.assemble((f"{t['index']:>5} ", "dim"), ("table", "magenta"),
                                f"  {span}  {t['rows']}×{t['cols']}"))
    for r, row in enumerate(t["cells"]):
        line = Text.assemble((f"      r{r:<3}", "dim"))
        for c, cell in enumerate(row):
            if c:
                line.append(" │ ", style="dim")
            line.append(cell["text"])
            if cell["fill"]:
                line.append(" ")
                line.append("  ", style=Style(bgcolor=cell["fill"]))
                line.append(f" {cell['fill'].lower()}")
        console.print(line)
    if t["more_rows"]:
        console.print(Text(f"      … {t['more_rows']} more rows", style="dim"))

"""How much of one file ingest reads, per format. Past a cap the reader stops, keeps what it
read, and says so in a "cut" problem (the document is then partial): a hostile or runaway file
costs bounded time and memory, and the clerk learns what was left out and why.

The caps sit far above real papers (the largest table in the dev set has ~200 rows, the
largest HTML page ~300 KB) and far below where the extractors' time goes from seconds to
minutes.
"""
from __future__ import annotations

from .model import Problem

MAX_SPAN = 100  # cells a merged cell may cover, across or down; Word's grid stops at 63 columns
MAX_TABLE_ROWS = 5_000  # rows of one DOCX table
MAX_TABLE_CELLS = 200  # cells of one row (DOCX, HTML)
MAX_DOCX_ITEMS = 50_000  # body paragraphs and tables of one DOCX
MAX_HTML_BYTES = 5 * 2**20
MAX_HTML_TAGS = 100_000  # "<" in the kept bytes: start and end tags, comments
MAX_HTML_DEPTH = 100  # elements nested deeper are read as their text only
MAX_TEXT_BYTES = 2 * 2**20  # extraction runs ~3 s a MiB of minutes-like text

CUT_CODE = "cut"


def cut(at: str, what: str) -> Problem:
    """The problem that makes a document partial: where reading stopped, then what was left
    out, why, and what to do (`what`, whole sentences)."""
    return Problem(CUT_CODE, f"cut at {at}: {what}")


def clamp_span(value: int) -> int:
    return max(1, min(value, MAX_SPAN))

"""Item codes printed in a margin column beside the minutes' text.

A PDF laid out as an unruled two-column table (code | title and text) is read column by
column: a page gives a run of bare codes ("03.19.01", "03.19.02", …) and then the text
beside them. Each code belongs to the next block that opens with a title line ("Apologies",
"Trees", "Clerks Report and Actions from previous meeting" above its text), in order; text
before the first such block continues the item from the previous page.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ingest.model import Block, Item

MIN_RUN = 2  # one bare number is a page number or a stray line; a column of them is codes
TITLE_MAX = 70
# "ACTION: …", "KA to speak to Richard …": a task line, not a title
ACTION_LINE = re.compile(r"^(?:(?i:action)\b|[A-Z]{2,3}(?:/[A-Z]{2,3})*\s+(?:to|will|has|had|is|was|and)\b)")


def margin_assignments(items: list[Item], bare_code: Callable[[Block], str | None]
                       ) -> dict[int, str | None]:
    """index -> the code a block opens (None for the code blocks themselves)."""
    out: dict[int, str | None] = {}
    i = 0
    while i < len(items):
        run: list[tuple[int, str]] = []
        j = i
        while j < len(items):
            it = items[j]
            code = bare_code(it) if isinstance(it, Block) else None
            if code is None:
                break
            run.append((it.index, code))
            j += 1
        if len(run) < MIN_RUN:
            i = max(j, i + 1)
            continue
        page = items[i].page
        titled = [it.index for it in _beside(items, j, page, bare_code) if opens_with_title(it)]
        if titled:
            out.update({idx: None for idx, _ in run})
            out.update({idx: code for idx, (_, code) in zip(titled, run)})
        i = j
    return out


def _beside(items: list[Item], start: int, page: int | None,
            bare_code: Callable[[Block], str | None]) -> list[Block]:
    """The text blocks after a run of codes, on the same page, up to the next code."""
    out: list[Block] = []
    for it in items[start:]:
        if it.page != page or not isinstance(it, Block) or bare_code(it):
            break
        out.append(it)
    return out


def opens_with_title(block: Block) -> bool:
    """A short first line that is a title: no closing punctuation, not an action line, and
    either alone or followed by a line that starts a sentence of its own."""
    lines = [ln.strip() for ln in block.text.strip().split("\n") if ln.strip()]
    if not lines:
        return False
    first = lines[0]
    if len(first) > TITLE_MAX or not first[:1].isupper() or first.endswith((".", ",", ";", ":")):
        return False
    if ACTION_LINE.match(first):
        return False
    return len(lines) == 1 or lines[1][:1].isupper() or lines[1][:1] in "•(" or \
        bool(re.match(r"^[a-z]\)", lines[1]))

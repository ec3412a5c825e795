"""Running headers and footers: found by repetition across pages, marked as furniture.

They are kept (the printed page number lives there) but extractors skip them, so a council
banner or "Page 7" never ends up inside an attendee list or an action's text.
"""
from __future__ import annotations

import re
from collections import Counter

from .model import Block, Page

PAGE_LABEL = re.compile(r"^\s*(?:page\s*+\|?\s*)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
PAGE_WORD = re.compile(r"\bpage\s*+\|?\s*(\d{1,4})\b", re.I)


def _shape(text: str) -> str:
    """Text with numbers blanked, so "Page 3" and "Page 4" count as the same furniture."""
    return re.sub(r"\d+", "#", text.strip().lower())


def mark_furniture(pages: list[Page]) -> None:
    """Mark blocks in the top or bottom band that repeat (numbers aside) on many pages, and
    bare page numbers anywhere in those bands. Sets each page's printed `label`."""
    banded = [(p, b) for p in pages for b in p.blocks if getattr(b, "_band", "body") != "body"]
    # count pages, not blocks: the same banner twice on one page is still one page
    counts = Counter(shape for _, shape in {(p.number, _shape(b.text)) for p, b in banded})
    n_pages = len([p for p in pages if p.items])
    threshold = max(2, round(n_pages * 0.4))
    for page, block in banded:
        repeated = n_pages >= 2 and counts[_shape(block.text)] >= threshold
        if repeated or PAGE_LABEL.match(block.text):
            block.kind = "furniture"
            label = _label(block.text)
            if label and page.label is None:
                page.label = label
    for page in pages:  # no running footer: a margin stamp may carry it
        for block in page.blocks:
            # a margin stamp up the page edge often carries the printed number ("Page 7")
            if block.style == "rotated" and page.label is None:
                m = PAGE_WORD.search(block.text)
                page.label = m.group(1) if m else None


def _label(text: str) -> str | None:
    m = PAGE_LABEL.match(text) or PAGE_WORD.search(text)
    return m.group(1) if m else None


def furniture_texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.kind == "furniture"]

"""Make extracted text safe to put in a report cell.

Extracted text is untrusted: a pathological extraction could be megabytes long, carry
control characters that XLSX/DOCX (XML) reject, bidirectional controls (U+202E) that make a
reader see the words in another order than they are stored, or start with "=" so a
spreadsheet runs it as a formula. Every report cell goes through here.
"""
from __future__ import annotations

import re

MAX_CELL = 2000  # characters; enough for any real action, bounded for a broken one

# Characters XML 1.0 forbids (openpyxl and python-docx raise on them); \t \n \r are allowed.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Bidi embeddings, overrides, isolates and marks. Written as a visible "\u202e" rather
# than dropped, so the log shows both what the paper says and that it tried to reorder it.
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


BIDI_CONTROL = _BIDI  # for a writer that checks a whole row at once before each cell


def neutral(text: str) -> str:
    """`text` with every bidirectional control written as its escape ("\\u202e")."""
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Either kind of character above: most cells hold neither, and one search says so.
_SUSPECT = re.compile(f"{_XML_ILLEGAL.pattern}|{_BIDI.pattern}")


def bounded(text: str | None, limit: int = MAX_CELL) -> str:
    """Text without XML-illegal characters or working bidi controls, at most `limit`
    characters (ending "…" if cut)."""
    if not text:
        return ""
    if len(text) <= limit and not _SUSPECT.search(text):
        return text  # the common case, once per cell of a 100,000-row log
    clean = neutral(_XML_ILLEGAL.sub("", text))
    if len(clean) <= limit:
        return clean
    return clean[: limit - 1] + "…"


def no_formula(text: str) -> str:
    """Prefix a quote so a CSV opened in a spreadsheet shows text, not a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text

"""Text from outside (file names, paper text, stored values) made safe to print.

A file name or a paper can hold anything: ESC sequences that retitle or clear the clerk's
terminal, a newline that forges a line of our output, bidirectional controls (U+202E) that
make the screen show something other than what is stored, and, in a file name whose bytes
were not UTF-8, lone surrogates the terminal cannot encode. Everything such a value holds
reaches the screen through `shown` (or `short`, which also bounds it), always as rich Text,
never parsed as markup.

Kept free of heavy imports: the CLI imports it for every command, `--help` included.
"""
from __future__ import annotations

import unicodedata
from os import PathLike

# Categories never printed as themselves: controls, format characters (bidi overrides and
# isolates, zero-width marks), surrogates, line and paragraph separators, unassigned.
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp", "Cn"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str | PathLike[str], *, lines: bool = False) -> str:
    """`text` with every control, format (bidi) and undecodable character written as a
    visible escape ("\\x1b", "\\u202e", "\\xe9" for a non-UTF-8 byte) and other spaces
    as plain spaces. With `lines`, line breaks are kept (a table cell of several lines);
    otherwise they are escaped too, so one value is always one line."""
    out = []
    for ch in str(text):
        if ch.isprintable() or (lines and ch == "\n"):
            out.append(ch)
        elif unicodedata.category(ch) in _HIDDEN:
            out.append(_escape(ch))
        else:  # a no-break, thin or other space: shown as the space it is
            out.append(" ")
    return "".join(out)


def short(text: str, limit: int) -> str:
    """One line of at most `limit` characters, for paper text: line breaks and column gaps
    made visible, everything else as `shown`."""
    text = text.strip().replace("\r", "").replace("\n", " ↵ ").replace("\t", " ⇥ ")
    text = shown(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"

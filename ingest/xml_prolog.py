"""Find a DTD in an XML part by reading its prolog bytes, before any XML parser runs.

Asking the parser (lxml's docinfo) made the answer depend on the parser's version: lxml 6.2
stops a billion-laughs part with its own amplification limit, so the part was reported as
damaged instead of hostile. The prolog is the only place a DOCTYPE may stand (after the XML
declaration, whitespace, comments and processing instructions; before the root element), so
reading it ourselves is exact. The encoding is found as the XML spec's appendix F says (byte
order mark, then the first bytes, then the declared encoding), because a DOCTYPE written in
UTF-16 or UTF-7 is as live to libxml2 as one in UTF-8.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO, Literal

PROLOG_LIMIT = 1 << 20  # Word's prologs are ~60 bytes; a 1 MiB preamble is no honest part
# First bytes → the encoding they imply (XML 1.0, appendix F); longest marks first.
SIGNATURES = [(b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
              (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xfe\xff", "utf-16-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\x00\x00\x00<", "utf-32-be"),
              (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00?", "utf-16-be"),
              (b"<\x00?\x00", "utf-16-le"), (b"\x4c\x6f\xa7\x94", "cp037")]
DECLARED = re.compile(r"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
EXTERNAL = re.compile(r"\b(?:SYSTEM|PUBLIC)\b")
ENTITY = re.compile(r"<!ENTITY\b", re.IGNORECASE)

DtdKind = Literal["external", "entities", "dtd"]


class PrologError(ValueError):
    """The prolog cannot be read safely: an encoding we cannot decode, or no end in sight."""


@dataclass(frozen=True)
class Doctype:
    kind: DtdKind  # refers outside the file / declares entities / a DTD with neither
    text: str  # the start of the DOCTYPE, for messages and tests


def read_doctype(fh: BinaryIO) -> Doctype | None:
    """The DOCTYPE in the prolog of the XML read from `fh`, or None when it has none."""
    raw = fh.read(PROLOG_LIMIT)
    complete = len(raw) < PROLOG_LIMIT
    for text in _decodings(raw):
        at = _skip_misc(text, complete)
        if at is not None and text.startswith("<!DOCTYPE", at):
            return _classify(text[at:])
    return None


def _classify(dtd: str) -> Doctype:
    end = _doctype_end(dtd)
    dtd = dtd[:end] if end is not None else dtd
    if EXTERNAL.search(dtd):
        return Doctype("external", dtd[:200])
    if ENTITY.search(dtd):
        return Doctype("entities", dtd[:200])
    return Doctype("dtd", dtd[:200])


def _decodings(raw: bytes) -> list[str]:
    """The prolog as the first bytes say it is encoded and, when the XML declaration names
    another encoding, as that one too: parsers differ on which of the two wins (libxml2
    ignores a declared UTF-16 in 8-bit bytes), so a DOCTYPE visible in either counts."""
    encoding = next((enc for mark, enc in SIGNATURES if raw.startswith(mark)), "utf-8")
    encodings = [encoding]
    declared = DECLARED.match(raw[:512].decode(encoding, "replace").lstrip("\ufeff"))
    if declared:
        # Python must know it too, or we cannot see what libxml2 (with iconv) would see
        try:
            encodings.append(codecs.lookup(declared.group(1)).name)
        except LookupError as err:
            raise PrologError(f"declares the encoding {declared.group(1)!r}, which Word "
                              "never writes") from err
    # errors="replace": a multi-byte character cut at PROLOG_LIMIT must not hide the prolog
    return [codecs.decode(raw, enc, "replace").lstrip("\ufeff")
            for enc in dict.fromkeys(encodings)]


def _skip_misc(text: str, complete: bool) -> int | None:
    """Offset of the first markup after the XML declaration, whitespace, comments and
    processing instructions; None when the text ends first (nothing more to find)."""
    at = 0
    while True:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if text.startswith("<!--", at):
            close = text.find("-->", at + 4)
        elif text.startswith("<?", at):
            close = text.find("?>", at + 2)
        else:
            return at if at < len(text) else None
        if close == -1:
            if complete:
                return None  # an unclosed comment: damaged, and the parser will say so
            raise PrologError(f"has a preamble longer than {PROLOG_LIMIT // 2**20} MiB")
        at = close + (3 if text[close] == "-" else 2)


def _doctype_end(dtd: str) -> int | None:
    """End of the DOCTYPE: its first '>' outside quotes and the internal subset."""
    depth, quote = 0, ""
    for i, ch in enumerate(dtd):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == ">" and depth == 0:
            return i + 1
    return None

"""File names made from untrusted names (a person's name as a paper printed it): no path
separators or characters a file system refuses, no leading dot, bounded length, not a
Windows device name, and unique within one folder (case-insensitively)."""
from __future__ import annotations

import re
import unicodedata

MAX_STEM = 60
_UNSAFE = re.compile(r"[^\w\-]+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)


def safe_file_name(name: str, suffix: str, taken: set[str]) -> str:
    """"Sue O'Prynn / Chair" -> "Sue-O-Prynn-Chair.txt"; "…-2.txt" when already taken.
    `taken` (lower-case names) is updated."""
    ascii_ish = unicodedata.normalize("NFKC", name)
    stem = _UNSAFE.sub("-", ascii_ish).strip("-._")[:MAX_STEM].strip("-._") or "person"
    if _RESERVED.match(stem):
        stem = f"{stem}-person"
    candidate, n = f"{stem}.{suffix}", 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}.{suffix}"
    taken.add(candidate.lower())
    return candidate

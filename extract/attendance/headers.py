"""What opens an attendance list, and the `Section` a list is gathered into.

"Present:", "IN ATTENDANCE", "Members of the Public:" … come from attendance.json:
strong headers open a list anywhere, weak ones ("Members", "Officers") only inside an open
list, where they start a sub-list with its own category.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import Block, Table

from ..model import Evidence
from ..people.words import PLURAL_TITLES
from ..vocab import load_vocab

EXTRACTOR = "attendance"
PATTERNS: dict = load_vocab(__package__, "attendance.json")
STRONG: dict[str, str] = PATTERNS["strong_headers"]
WEAK: dict[str, str] = PATTERNS["weak_headers"]
GROUP_HEADERS: set[str] = set(PATTERNS["group_headers"])
# "3 members of the public", "Two others": the public given only as a count is not listed
PUBLIC_COUNT = re.compile(PATTERNS["public_count"])


def _header_re(words) -> re.Pattern:
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                   for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)^\s*(?P<h>{alt})(?![\w-])\s*+(?:were|was)?\s*+[:;.\-–—]?\s*")


STRONG_RE = _header_re(STRONG)
WEAK_RE = _header_re(WEAK)
ITEM_START = re.compile(r"^\s*(?:\d{1,3}(?:[./]\d{1,3}){1,3}\.?|\d{1,3}[.)]?|[A-Z]\d{0,2}[.)]"
                        r"|item\s+\d+)(?:\s+|$)", re.IGNORECASE)
TITLE_ANYWHERE = re.compile(r"\b(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rev|"
                            r"Revd)\b\.?\s+[A-Z]")
BULLET = re.compile(r"^\s*[•·▪●◦*\-–]\s*")


@dataclass
class Section:
    category: str
    header: str
    lines: list[tuple[str, Evidence]] = field(default_factory=list)
    one_per_line: bool | None = None  # None: decide from the text
    organisation: str | None = None  # a column header naming the body ("Public Service")

    @property
    def by_role(self) -> bool:
        """May a person's role move them to "officer"? Not under a header that names the
        group ("Executive Directors": a Medical Director there is a board member)."""
        return self.header not in GROUP_HEADERS


def evidence(block: Block | Table, text: str) -> Evidence:
    return Evidence(page=block.page, block=block.index, extractor=EXTRACTOR, quote=text[:300])


def header_key(m: re.Match) -> str:
    return re.sub(r"\s+", " ", m.group("h")).lower()


def match_header(line: str, open_zone: bool) -> tuple[str, str, str] | None:
    """(header, category, rest of line) when the line starts with an attendance header."""
    m = STRONG_RE.match(line)
    table = STRONG
    if not m and open_zone:
        m, table = WEAK_RE.match(line), WEAK
    label = label_header(line)
    if not m or label and len(label[0]) > len(header_key(m)):
        return label  # "STAFF ATTENDING:" is one label, not "Staff" + "ATTENDING: …"
    head = header_key(m)
    rest = line[m.end():]
    # "Public participation", "Attendance at incidents …": a header word followed by prose
    bare_header = rest and not re.match(r"^\s*[:;\-–—\t]|^\s*$", line[m.end("h"):])
    if bare_header and (is_prose(rest) or not rest.lstrip()[:1].isupper()
                        or head in PLURAL_TITLES):
        return label_header(line)  # "Councillors D Richardson, …" is a title, not a header
    if bare_header and "," not in rest and not TITLE_ANYWHERE.search(rest):
        return label_header(line)  # "Attendance Monitoring Report": a title, not a list
    return head, table[head], rest


# "OFFICIALS IN ATTENDANCE:", "Members present at the meeting (from the signing-in sheet):",
# "Present but not signed in:": a short label that ends in an attendance word before its
# colon, in a wording the vocabulary does not list (or misread by OCR: "FF IN ATTENDANCE:")
LABEL = re.compile(r"(?i)^\s*+(?P<h>(?:[A-Za-z/'’-]++\s++){0,3}?(?:in\s++attendance|present|attending))"
                   r"(?:\s++(?:at|but|for|during|via|from|on)\b[^:\n]{0,60}|\s*+\([^:\n()]{0,60}\))?"
                   r"\s*+:\s*+")
_LABEL_CATEGORY = (("public", "public"), ("officials", "officer"), ("officers", "officer"),
                   ("staff", "officer"), ("also", "other"), ("in attendance", "officer"))


def label_header(line: str) -> tuple[str, str, str] | None:
    m = LABEL.match(line)
    if not m or not m.group("h")[:1].isupper():
        return None
    head = re.sub(r"\s+", " ", m.group("h")).lower()
    category = next((c for w, c in _LABEL_CATEGORY if re.search(rf"\b{w}\b", head)), "member")
    return head, category, line[m.end():]


def is_prose(line: str) -> bool:
    """A sentence rather than a list of names."""
    text = re.sub(r"\([^)]{0,300}\)", " ", line)  # bounded as titles.IN_BRACKETS
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    lower = [w for w in words if w[0].islower()
             and w not in ("and", "of", "for", "the", "from", "to", "&", "in", "on", "de",
                           "van", "von", "representing", "with")]
    return len(words) >= 5 and len(lower) >= 3


def weak_header_ending(text: str) -> str:
    """The weak header a column title ends with ("Winnipeg Public Service" → "public
    service"), or ""."""
    words = text.lower().split()
    for n in range(len(words)):
        key = " ".join(words[n:])
        if key in WEAK:
            return key
    return ""

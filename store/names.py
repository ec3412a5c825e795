"""Name keys for matching people, bodies and action owners within the store.

Pure functions only: the store matches a person by these keys *within one body*, so the keys
can be simple (lowercase, no titles, no punctuation) without merging strangers across bodies.
"""
from __future__ import annotations

import re

# Honorifics and office titles that papers put before a name. Longest first, so
# "County Councillor" is stripped whole rather than leaving "County".
_TITLES = sorted(
    [
        "county councillor", "borough councillor", "district councillor", "parish councillor",
        "town councillor", "city councillor", "councillor", "cllr", "cc", "mr", "mrs", "ms",
        "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
        "revd", "reverend", "the rt hon", "rt hon", "hon",
    ],
    key=len,
    reverse=True,
)
_TITLE_RE = re.compile(r"^(?:" + "|".join(re.escape(t) for t in _TITLES) + r")\b\.?\s*")

# Owners that name a role or a group rather than a person. These are kept as role text and
# never matched against (or turned into) people. Compared on the normalised key.
ROLE_WORDS = frozenset({
    "clerk", "the clerk", "chair", "the chair", "chairman", "chairperson", "vice chair",
    "vice-chair", "officer", "officers", "all officers", "the board", "board", "all",
    "all members", "members", "councillors", "all councillors", "committee", "the committee",
    "panel", "the panel", "council", "the council", "secretary", "the secretary", "secretariat",
    "democratic services", "governance", "governance team", "everyone", "partners",
    "all partners", "lead officer", "lead officers", "team", "the team",
})
# A word that makes an owner a group ("Public Health team", "Licensing Board"), not a person.
_GROUP_WORDS = frozenset({
    "team", "board", "service", "services", "department", "directorate", "committee", "panel",
    "group", "council", "officers", "members", "partnership", "unit", "forum",
})

_PUNCT_RE = re.compile(r"[^\w\s'-]")
_SPACE_RE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Collapse runs of whitespace (papers wrap names across lines)."""
    return _SPACE_RE.sub(" ", text).strip()


def strip_titles(name: str) -> str:
    """Remove leading honorifics, repeatedly: "Cllr Dr Sue Prynn" -> "Sue Prynn"."""
    text = collapse(name)
    while True:
        match = _TITLE_RE.match(text.lower())
        # Keep the word when the "title" is all there is ("Lord" as a surname, per contract).
        if not match or match.end() >= len(text):
            return text
        text = text[match.end():].strip()


def name_key(name: str) -> str:
    """The key two spellings of one person share: "Cllr. Sue  Prynn" -> "sue prynn"."""
    text = strip_titles(name)
    text = _PUNCT_RE.sub(" ", text)
    return collapse(text).lower()


def surname_key(key: str) -> str:
    """Last token of a name key; "" for an empty key."""
    parts = key.split()
    return parts[-1] if parts else ""


def is_bare(key: str) -> bool:
    """A key that is only a surname (or only a first name): one token."""
    return len(key.split()) == 1


def is_role(owner: str) -> bool:
    """Whether an owner string names a role or a group rather than a person."""
    key = collapse(_PUNCT_RE.sub(" ", owner)).lower()
    if key in ROLE_WORDS:
        return True
    return any(word in _GROUP_WORDS for word in key.split())


def initial_matches(key: str, candidate: str) -> bool:
    """"i brown" stands for "ian brown": same surname, first initial agrees."""
    parts, cand = key.split(), candidate.split()
    if len(parts) != 2 or len(parts[0]) != 1 or len(cand) < 2:
        return False
    return parts[1] == cand[-1] and cand[0].startswith(parts[0])


_WORDS_RE = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORDS_RE.findall(text.casefold())


def names_body(typed: str, *names: str | None) -> bool:
    """Whether `typed` names a body called any of `names` (its own name, its
    organisation's): case and punctuation ignored, a part of the name ("parish council"),
    or every typed word a word of the name or the initials of a run of its words, so
    "Souldern PC" and "SPC" name "Souldern Parish Council"."""
    want = _words(typed)
    if not want:  # "%" names no body (and is no pattern)
        return False
    for name in names:
        have = _words(name or "")
        if not have:
            continue
        if " ".join(want) in " ".join(have):  # a part of the name, as before
            return True
        runs = {"".join(w[0] for w in have[i:j])
                for i in range(len(have)) for j in range(i + 2, len(have) + 1)}
        if all(w in have or w in runs for w in want):
            return True
    return False


def surname_first(typed: str) -> str | None:
    """"Smith, Alan" -> "Alan Smith": a name the clerk typed surname first; None when
    `typed` is not of that form."""
    parts = [collapse(p) for p in typed.split(",")]
    if len(parts) != 2 or not all(parts) or len(parts[0].split()) > 2:
        return None
    return f"{parts[1]} {parts[0]}"


def initials_of(key: str) -> str:
    """"alan smith" -> "as": the first letters of a name key's words."""
    return "".join(w[0] for w in key.split())

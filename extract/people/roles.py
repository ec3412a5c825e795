"""Role and organisation words: "CHAIR" → "Chair", "Cabinet Member for …" is a role,
"EDC" an organisation, "Democratic Services Manager" an officer's role."""
from __future__ import annotations

import re

from .words import (
    MEMBER_ROLE_WORDS,
    OFFICER_WORDS,
    ORG_WORDS,
    PARTICLES,
    REPRESENTS_WORDS,
    ROLE_HEADS,
    ROLE_PATTERNS,
    ROLE_WORDS,
    ROLES,
    SEAT_WORDS,
)

_ROLE_PATTERNS = [(re.compile(rx, re.IGNORECASE), role) for rx, role in ROLE_PATTERNS.items()]


def words_of(text: str) -> list[str]:
    return [w.strip(".,;:'’").lower() for w in text.split() if w.strip(".,;:'’")]


def canonical_role(text: str | None) -> str | None:
    """"CHAIR" → "Chair", "Vice Chairman" → "Vice-Chair"; other roles as printed."""
    if not text:
        return None
    clean = re.sub(r"\s+", " ", text).strip(" ,;:-–()")
    clean = re.sub(r"(?i)^the\s+", "", clean)
    if not clean:
        return None
    key = re.sub(r"(?:(?<!\s)\s*+)?&\s*", " and ", clean.lower())  # "Clerk & RFO"
    if key in ROLES:
        return ROLES[key]
    # "Clerk to the Governors", "Chair of the Board": the meeting's own Clerk or Chair
    return next((role for rx, role in _ROLE_PATTERNS if rx.match(clean)), clean)


def is_role_phrase(text: str) -> bool:
    """A job rather than a body: "Medical Director", "Head of Finance", "Board Secretary";
    not "Lancashire County Council", nor "LINX Representative" (who they represent)."""
    words = words_of(text)
    if not words or words[-1] in REPRESENTS_WORDS:
        return False
    if text.strip().lower() in ROLES:
        return True
    if len(words) > 2 and words[0] in ROLE_HEADS and words[1] in ("of", "for", "to", "at"):
        return True  # "Director of Public Health", "Clerk to the Governors"
    # "Medical Director", "School Business Manager"; not "Office of the Police and Crime
    # Commissioner", a body named after its head
    return words[-1] in ROLE_HEADS and not (words[0] in ORG_WORDS and "of" in words)


def is_role_text(text: str) -> bool:
    """True for a role or organisation ("Cabinet Member for …", "EDC", "Parish Clerk"),
    False for something that reads as a person's name."""
    words = words_of(text)
    if not words:
        return False
    if text.strip().lower() in ROLES:
        return True
    if any(w in ROLE_WORDS or w in ORG_WORDS for w in words):
        return True
    raw = text.split()
    if len(raw) == 1 and re.fullmatch(r"[A-Z]{3,6}", raw[0].strip(".,")):
        return True  # an acronym: "EDC", "SCC"
    return any(w[0].islower() and w.lower() not in PARTICLES and w not in ("and", "&")
               for w in raw)


def is_officer_role(role: str | None) -> bool:
    return bool(role) and any(w in OFFICER_WORDS for w in words_of(role or ""))


def is_member_role(role: str | None) -> bool:
    """A seat on the body ("Vice-Chair", "Non-Executive Director", "Parent Governor"): it
    keeps its holder a member even where the words also name staff jobs."""
    words = words_of(re.sub(r"[-/]", " ", role or ""))
    return bool(words) and (any(w in MEMBER_ROLE_WORDS for w in words)
                            or words[-1] in SEAT_WORDS
                            or "non" in words and "executive" in words)

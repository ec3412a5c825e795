"""Vocabularies for reading people: titles, roles, organisation words, post-nominals.

They live in people.json so a new paper's "Revd Canon" or "Parent Governor" is a
data change, not a code change. Everything here is lower-case unless it is a title.
"""
from __future__ import annotations

from ..vocab import load_vocab


def vocab() -> dict:
    return load_vocab(__package__, "people.json")


_V = vocab()
TITLE_WORDS: list[str] = _V["titles"]
PLURAL_TITLES: dict[str, str] = _V["plural_titles"]
ROLES: dict[str, str] = _V["canonical_roles"]
ROLE_WORDS: set[str] = set(_V["role_words"])
ORG_WORDS: set[str] = set(_V["org_words"])
OFFICER_WORDS: set[str] = set(_V["officer_role_words"])
COUNT_WORDS: set[str] = set(_V["count_words"])
PARTICLES: set[str] = set(_V["name_particles"])
POSTNOMINAL_WORDS: list[str] = _V["postnominals"]
ROLE_PATTERNS: dict[str, str] = _V["canonical_role_patterns"]
ROLE_HEADS: set[str] = set(_V["role_heads"])
REPRESENTS_WORDS: set[str] = set(_V["represents_words"])
ATTENDANCE_MODES: set[str] = set(_V["attendance_modes"])
MEMBER_ROLE_WORDS: set[str] = set(_V["member_role_words"])
SEAT_WORDS: set[str] = set(_V["seat_words"])
GUEST_TITLE_WORDS: set[str] = set(_V["guest_title_words"])
STOPWORDS = {"and", "or", "of", "the", "was", "were", "had", "has", "have", "is", "are",
             "who", "for", "from", "to", "in", "on", "at", "with", "by", "as", "a", "an"}

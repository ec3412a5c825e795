"""A sentence led by "he" or "she" that commits the person last named before it."""
from __future__ import annotations

import re

from .commitments import Commitment, _person, _rx, commitments
from .owners import OwnerResolver

PRONOUN = re.compile(r"^(?:He|She)(?=\s)")


def pronoun_commitments(sentence: str, before: list[str],
                        people: OwnerResolver) -> list[Commitment]:
    """"Trustee Ames has not heard back. She will keep us posted.": a sentence led by he or
    she commits the person last named in the sentences before it (nearest first)."""
    if not PRONOUN.match(sentence):
        return []
    for prev in reversed(before[-2:]):
        named = [m.group(0) for m in _rx()["mention"].finditer(prev) if _person(m.group(0),
                                                                                people)]
        if named:
            found = commitments(PRONOUN.sub(named[-1], sentence, count=1), people)
            return [c for c in found if c.owner_text == named[-1]]
    return []

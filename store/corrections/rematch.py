"""Finding a corrected action again when a re-issued paper changed a word of it.

A correction names its action by body, meeting date and exact words (`keys.action_key`).
A re-issued paper that writes "invoices" for "invoice", or mends a typo, gives the action
a new key, and the correction would stop applying. Before giving up, a correction whose
key names no action of its meeting looks among that meeting's actions no correction names
exactly, for one that

- sits under the same agenda item or carries the same printed reference (both recorded on
  the correction and the action: words alone are not enough, a meeting has many similar
  actions), and
- shares most of its words (`MIN_OVERLAP`, plural endings ignored).

One correction never applies to two actions, and one action never takes the corrections
meant for two: when a correction fits several actions, or an action fits several
corrections, nothing is applied and the clerk gets a flag (`AMBIGUOUS`) naming them.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..mapping import singular, words

# Share of words in common (Jaccard, over distinct words with a plural "s" dropped) for a
# reworded action to be the corrected one. One word changed in an action of ten words
# leaves 9/11 = 0.82; an inflection or a mended typo of a shorter action counts as no
# change at all. A clause added or taken away (three words on seven: 7/10 = 0.70) changes
# what the action asks, so the correction waits for the clerk (and is listed as such).
MIN_OVERLAP = 0.8
AMBIGUOUS = "correction-ambiguous"  # the flag kind


@dataclass(frozen=True)
class Wording:
    """An action as the matching sees it: its key, words, item and reference."""

    key: str
    text: str
    item: str | None
    ref: str | None


@dataclass(frozen=True)
class Rematched:
    found: dict[str, str]  # correction's target key -> the action key it applies to now
    ambiguous: dict[str, list[str]]  # target key -> the action keys it fits (two or more)


def overlap(a: str, b: str) -> float:
    wa, wb = {singular(w) for w in words(a)}, {singular(w) for w in words(b)}
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _same(x: str | None, y: str | None) -> bool:
    return bool(x and y and " ".join(words(x)) == " ".join(words(y)))


def fits(target: Wording, action: Wording) -> bool:
    return (_same(target.item, action.item) or _same(target.ref, action.ref)) \
        and overlap(target.text, action.text) >= MIN_OVERLAP


def rematch(targets: list[Wording], free: list[Wording]) -> Rematched:
    """Each lost target's one fitting action among `free` (actions no correction names
    exactly); targets fitting several actions, or sharing their one action with another
    target, are ambiguous."""
    fitting = {t.key: [a.key for a in free if fits(t, a)] for t in targets}
    claims: dict[str, int] = {}
    for keys in fitting.values():
        for k in keys:
            claims[k] = claims.get(k, 0) + 1
    found: dict[str, str] = {}
    ambiguous: dict[str, list[str]] = {}
    for key, keys in fitting.items():
        if len(keys) == 1 and claims[keys[0]] == 1:
            found[key] = keys[0]
        elif keys:
            ambiguous[key] = keys
    return Rematched(found, ambiguous)

"""Elections: one decision per role filled, after a lead that says an election took place.

  "The following officers were elected:" / "President: Ann Birch. Nominated by Carl." /
  "Treasurer: Omar Field." / "Committee:" / "Tom Gray. Nominated by Ann." / "Eve Fox."
  "Elected for the year: Chair – Ann Birch; Vice-Chair – Carl Dunn"

Each "Role: Name" line (or "Role – Name" clause) is its own entry; the plain names listed under
a group label ("Committee:") fill one role together and are one entry. The lead alone is no
entry. Vocabulary lives in resolutions.json ("election_lead").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document.textunits import Segment, clean
from ..model import Resolution
from ..vocab import load_vocab

EXTRACTOR = "resolutions@1"
MAX_ROLES = 30
ROLE = re.compile(r"^(?P<role>[A-Z][\w'’/.-]{1,25}(?:\s[\w'’/.-]{1,25}){0,3})\s*[:–—]\s*+"
                  r"(?P<name>[A-Z][^:]{1,200})$")
GROUP = re.compile(r"^[A-Z][\w'’ -]{1,40}:$")
NAME = re.compile(r"^[A-Z][\w'’.-]{1,30}(?:\s[A-Z][\w'’.-]{0,30}){1,3}\.?(?:\s+\S.{0,80})?$")


@lru_cache(maxsize=1)
def _lead() -> re.Pattern:
    return re.compile(load_vocab(__package__, "resolutions.json")["election_lead"], re.I)


def is_lead(text: str) -> bool:
    return bool(_lead().search(text))


def election_roles(segs: list[Segment], start: int) -> tuple[list[Resolution], int]:
    """The roles filled after the lead at segs[start]: the decisions, and where the scan
    goes on. A lead with no role after it gives nothing (its words are no decision)."""
    lead = segs[start]
    out: list[Resolution] = []
    inline = _lead().split(clean(lead.text), maxsplit=1)[-1].strip(" :.")
    out += [_entry(lead, c) for c in re.split(r"\s*;\s*", inline) if ROLE.match(c)]
    i, group, names = start + 1, None, []
    while i < len(segs) and len(out) < MAX_ROLES:
        seg, text = segs[i], clean(segs[i].text)
        if seg.heading or seg.item != lead.item:
            break
        if GROUP.match(text):
            out += _group(group, names)
            group, names = text, []
        elif ROLE.match(text) and group is None or ROLE.match(text) and not names:
            out.append(_entry(seg, text))
        elif group is not None and NAME.match(text):
            names.append(seg)
        else:
            break
        i += 1
    out += _group(group, names)
    return out, i


def _entry(seg: Segment, text: str) -> Resolution:
    return Resolution(seg.item, text, seg.evidence(EXTRACTOR, text))


def _group(label: str | None, names: list[Segment]) -> list[Resolution]:
    if not names:
        return []
    text = " ".join(clean(s.text) for s in names)
    return [Resolution(names[0].item, text, names[0].evidence(EXTRACTOR, text))]

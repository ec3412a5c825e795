"""Who owns an action: owner text as written ("MS/AB", "Clerk", "Cllr Daphne Clements",
"Trustees/DT") → owner names, plus flags for tokens that could not be resolved.

Resolution goes through `people.Roster` (the meeting's attendees). A small local adapter adds
people the part itself defines with their initials ("David Thomas (DT)", "Peter Baker (Head
of IT)") when the attendance list did not yield them, so body text like "DT will …" still
resolves. Nobody is invented: an unresolved token is kept as written and flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Evidence, Flag
from .parts import Part
from .people import Roster, split_title
from .sections import load_patterns

INITIALS = re.compile(r"^[A-Z]{2,4}$|^[A-Z][a-z]?[A-Z][a-z]{0,3}$")


@lru_cache(maxsize=1)
def vocab() -> dict:
    raw = load_patterns("actions.json")
    roles = sorted(raw["role_words"], key=len, reverse=True)
    return {
        "groups": raw["group_owners"],
        "roles": roles,
        "role_rx": re.compile(r"(?:the\s+)?(" + raw["role_extension"] + "|"
                              + "|".join(re.escape(r) for r in roles) + r")\b"),
        "markers": set(raw["marker_words"]),
    }


@dataclass
class OwnerResolver:
    roster: Roster

    @classmethod
    def for_part(cls, part: Part, roster: Roster) -> "OwnerResolver":
        return cls(roster)

    def _lookup(self, token: str) -> list[str] | None:
        hits = self.roster.resolve(token)
        if hits:
            return list(dict.fromkeys(hits))
        holders = [a.name for a in self.roster.attendees
                   if (a.role or "").lower() == token.lower()]
        return holders or None

    def known(self, token: str) -> bool:
        """The token names someone in this meeting (an attendee or a person defined inline)."""
        _, plain = split_title(token)
        return bool(self._lookup(plain or token))

    def resolve(self, owner_text: str, evidence: Evidence | None = None
                ) -> tuple[list[str], list[Flag]]:
        owners: list[str] = []
        flags: list[Flag] = []
        for token in split_owner_text(owner_text):
            name, flag = self.one(token, evidence)
            if name and name not in owners:
                owners.append(name)
            if flag:
                flags.append(flag)
        return owners, flags

    def one(self, token: str, evidence: Evidence | None) -> tuple[str | None, Flag | None]:
        v = vocab()
        key = re.sub(r"\s+", " ", token.strip(" .,;:()")).lower()
        if not key or key in v["markers"]:
            return None, None
        if key in v["groups"]:
            return v["groups"][key], None
        bare = re.sub(r"^the\s+", "", key)
        role = next((r for r in v["roles"] if r.lower() == bare), None)
        if role or v["role_rx"].fullmatch(token.strip()):
            hits = self._lookup(role or token.strip())
            if hits and len(hits) == 1:
                return hits[0], None
            return (role or re.sub(r"^(?i:the)\s+", "", token.strip())), None
        tok = token.strip(" .,;:()")
        if tok.isupper() and len(tok) > 4:
            tok = tok.title()
            if tok.lower() in v["groups"]:
                return v["groups"][tok.lower()], None
        _, plain = split_title(tok)
        hits = self._lookup(plain or tok)
        page = evidence.page if evidence else None
        if hits and len(hits) == 1:
            return hits[0], None
        if hits:
            return tok, Flag("owner-unresolved", f"Owner '{tok}' could be any of "
                             f"{', '.join(hits)}; kept as written.", page, evidence)
        return plain or tok, Flag("owner-unresolved", f"Owner '{tok}' matches no attendee; "
                                  "kept as written.", page, evidence)


ROLE_START = (r"(?:the\s+)?(?:Cabinet\s+Member|Corporate\s+Director|Director|Head|Chair|Clerk|"
              r"Leader|Chief|Monitoring\s+Officer|Footpath|Secretary|Treasurer)")


def split_owner_text(text: str) -> list[str]:
    text = re.sub(r"(?i)\b(?:cllrs?|councillors?)\.?\s+(?=[A-Z])", "", text.strip())
    out: list[str] = []
    for piece in re.split(r"\s*/\s*", text):
        if re.search(r"\b(?:for|of)\s+[A-Z]", piece) and re.match(ROLE_START, piece):
            out += re.split(rf"\s*(?:,\s*|\s+and\s+|\s*&\s*)(?={ROLE_START}\b)", piece)
        else:
            out += re.split(r"\s*(?:,|&|\band\b|\+)\s*", piece)
    return [p for p in (x.strip() for x in out) if p]


def looks_like_owner_list(text: str) -> bool:
    """"DT/TRUSTEES", "MS/AB/AHop", "CF", "Clerk", "IB/Agenda" — owners only, no task."""
    toks = split_owner_text(text)
    if not toks or len(text) > 60:
        return False
    v = vocab()
    for t in toks:
        k = t.lower().strip(" .")
        if INITIALS.match(t) or k in v["groups"] or k in v["markers"] or any(
                r.lower() == k for r in v["roles"]) or (t.isupper() and k in v["groups"]):
            continue
        return False
    return True

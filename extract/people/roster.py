"""One meeting's people, to resolve owner tokens against.

Initials ("DT"), first names ("Sam"), surnames ("Cllr Prynn", "CC Prynn"), full names with
titles and roles in brackets ("County Councillor Sue Prynn (Chair)") and role words
("Clerk", "the Chair") resolve to the attendee they stand for. A token that fits two people
resolves to both so the caller can flag it; nobody is ever picked by guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Attendee
from .names import initials_of, name_key
from .titles import IN_BRACKETS, split_title, title_gender
from .words import ROLES


@dataclass
class Roster:
    """`resolve(token) -> list[str] | None`: one name when resolved, several when ambiguous,
    None when the token matches no one."""

    attendees: list[Attendee] = field(default_factory=list)

    def by_initials(self, token: str) -> list[Attendee]:
        hits = [a for a in self.attendees if a.initials and a.initials == token]
        if hits:
            return hits
        up = token.upper()
        hits = [a for a in self.attendees if a.initials and a.initials.upper() == up]
        return hits or [a for a in self.attendees if initials_of(a.name) == up]

    def by_name(self, token: str) -> list[Attendee]:
        hits = self._by_name(token)
        gender = title_gender(split_title(token)[0])
        if len(hits) > 1 and gender:  # "Mrs Godfrey" of Mr and Mrs Godfrey
            hits = [a for a in hits if title_gender(a.title) in (gender, None)] or hits
        return hits

    def _by_name(self, token: str) -> list[Attendee]:
        key = name_key(token)
        if not key:
            return []
        exact = [a for a in self.attendees if name_key(a.name) == key]
        if exact:
            return exact
        words = key.split()
        if len(words) == 1:  # a first name or a surname alone
            w = words[0]
            return [a for a in self.attendees
                    if w in name_key(a.name).split()]
        return [a for a in self.attendees
                if name_key(a.name).split()[-1:] == words[-1:]
                and name_key(a.name).split()[0][:1] == words[0][:1]]

    def by_role(self, role: str) -> list[Attendee]:
        want = ROLES.get(role.lower(), role).lower()
        exact = [a for a in self.attendees if (a.role or "").lower() == want]
        if exact:
            return exact
        # "Parish Clerk and Financial Responsible Person" holds the role "Clerk";
        # "Deputy City Clerk" or "Vice-Chair" do not
        out = []
        for a in self.attendees:
            role = a.role or ""
            m = re.search(rf"(?i)\b{re.escape(want)}\b", role)
            if m and not re.search(r"(?i)\b(deputy|assistant|vice|co|under|sub|senior|"
                                   r"committee|acting)\b", role[:m.start()]):
                out.append(a)
        return out

    def resolve(self, token: str) -> list[str] | None:
        """Names the token stands for: one name when resolved, several when ambiguous,
        None when it matches no one. Role words resolve to the role holder when there is one
        ("Cathy Fleet | Clerk" style is the caller's choice)."""
        outside = IN_BRACKETS.sub(" ", token).strip()  # "Sue Prynn (Chair)"; not "(DT)"
        token = (outside or token).strip(" .,;:()")
        if not token:
            return None
        key = token.lower()
        bare = key.removeprefix("the ")
        if bare in ROLES:
            holders = self.by_role(ROLES[bare])
            return [h.name for h in holders] or None
        if re.fullmatch(r"[A-Z]{2,4}", token) or re.fullmatch(r"[A-Z][a-z]?[A-Z][a-z]{0,2}",
                                                               token):
            hits = self.by_initials(token)
        else:
            hits = self.by_name(token)
        return [h.name for h in hits] or None

"""Who owns an action: owner text as written ("MS/AB", "Clerk", "Cllr Daphne Clements",
"Trustees/DT") → owner names, plus flags for tokens that could not be resolved.

Resolution goes through `extract.people.Roster` (the meeting's attendees) first. The papers' own
text is the second source of known people: a first name that fits no attendee, or fits
several, resolves to the one person the papers name in full with that first name ("Sam" →
"Sam Gorton" when "Sam R" and "Sam W" are never written out; "Amanda" → "Amanda Sharman",
co-opted in the same minutes). Role words resolve to whoever held the role at that meeting.
A per-document alias table adds initials printed beside a full name ("Rob Everall (RE)") and
surnames after an office used as a title ("Director Whitmer" → the one "Sandy Whitmer" the
papers write), for attendees and non-attendees alike.
Nobody is invented: an unresolved token is kept as written and flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import Block, Table

from ..document.parts import Part
from ..model import Evidence, Flag
from ..people import Roster, initials_match, split_title
from ..vocab import load_vocab

INITIALS = re.compile(r"^[A-Z]{2,4}$|^[A-Z][a-z]?[A-Z][a-z]{0,3}$")
# a surname as printed: "Gorton", "McAllister", "O'Brien", "Smith-Jones", "LaDelfe", "DuRocher"
SURNAME = r"(?:Mc|Mac|O['’]|La|Le|De|Di|Du|Da)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
FULL_NAME = re.compile(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+({SURNAME})\b")
# every "First Last" pair, overlapping ("Librarian Nora Quill" holds "Nora Quill")
NAME_PAIRS = re.compile(rf"(?<![\w'’-])(?=([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+({SURNAME})\b)")
# "Rob Everall (RE)", "Lucy Hart-Lowe (LH-L)": initials the papers give a person, anywhere
PRINTED_INITIALS = re.compile(rf"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+{SURNAME})\s*\("
                              r"([A-Z][A-Za-z-]{1,5})\)")
# "NO proposed … that Cathy Fleet be appointed RFO": the role is hers from this meeting on
APPOINTED = re.compile(rf"\b(?P<name>[A-Z][a-z]+\s+{SURNAME})\s+(?:be|is|was|has\s+been)\s+"
                       r"(?:duly\s+)?(?:appointed|elected|co-opted)\s+(?:as\s+)?(?:the\s+)?"
                       r"(?P<role>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")


@lru_cache(maxsize=1)
def vocab() -> dict:
    raw = load_vocab(__package__, "actions.json")
    roles = sorted(raw["role_words"], key=len, reverse=True)
    return {
        "groups": raw["group_owners"],
        "bodies": set(raw["deciding_bodies"]),
        "roles": roles,
        "role_rx": re.compile(r"(?:the\s+)?(" + raw["role_extension"] + "|"
                              + "|".join(re.escape(r) for r in roles) + r")\b"),
        "unit_rx": re.compile(raw["organisation_unit"]),
        "markers": set(raw["marker_words"]),
        "not_person": set(raw["not_person_words"]),
        "office_rx": re.compile(r"(?:" + "|".join(
            re.escape(t).replace(r"\ ", r"\s+")
            for t in sorted(raw["office_titles"], key=len, reverse=True))
            + rf")\s+(?P<surname>{SURNAME})"),
    }


@lru_cache(maxsize=4096)  # owners are tried against the vocabulary again and again
def office_surname(token: str) -> str | None:
    """"Director Whitmer" -> "Whitmer": an office used as a title before a surname."""
    m = vocab()["office_rx"].fullmatch(re.sub(r"^[Tt]he\s+", "", token.strip()))
    return m.group("surname") if m else None


def is_body(owner: str) -> bool:
    """The meeting's own decision-making body ("the Board", "Council"): when it "agreed to"
    something that is a decision, not a task."""
    key = re.sub(r"^the\s+", "", owner.lower().strip())
    return key in vocab()["bodies"]


def is_group(owner: str) -> bool:
    key = owner.lower().strip()
    groups = vocab()["groups"]
    return key in groups or re.sub(r"^the\s+", "", key) in groups


@lru_cache(maxsize=4096)  # owners are tried against the vocabulary again and again
def is_role(owner: str) -> bool:
    role_rx = vocab()["role_rx"]
    return bool(role_rx.fullmatch(owner) or role_rx.fullmatch(re.sub(r"^[Tt]he\s+", "", owner)))


def is_unit(owner: str) -> bool:
    """An organisation or team named as a whole ("Winnipeg Public Service", "Corporate
    Parenting Board")."""
    return bool(vocab()["unit_rx"].fullmatch(re.sub(r"^[Tt]he\s+", "", owner.strip())))


@dataclass
class OwnerResolver:
    roster: Roster
    # full names the papers write, by first name: {"sam": {"Sam Gorton"}}
    written: dict[str, set[str]] = field(default_factory=dict)
    # roles given at the meeting to someone present: {"rfo": "Cathy Fleet"}
    appointed: dict[str, str] = field(default_factory=dict)
    # initials the papers print beside a full name, attendee or not: {"RE": "Rob Everall"}
    aliases: dict[str, str] = field(default_factory=dict)
    # full names the papers write, by surname: {"whitmer": {"Sandy Whitmer"}}
    surnames: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def for_part(cls, part: Part, roster: Roster) -> OwnerResolver:
        written: dict[str, set[str]] = {}
        appointed: dict[str, str] = {}
        printed: dict[str, set[str]] = {}
        surnames: dict[str, set[str]] = {}
        for it in part.items:
            texts = [it.text] if isinstance(it, Block) else (
                [c.text for row in it.rows for c in row] if isinstance(it, Table) else [])
            for text in texts:
                flat = text.replace("\n", " ")
                for m in FULL_NAME.finditer(flat):
                    if is_role(m.group(1)):
                        continue  # "Clerk Ongoing" in a cell is a role and a status
                    written.setdefault(m.group(1).lower(), set()).add(f"{m.group(1)} {m.group(2)}")
                for m in NAME_PAIRS.finditer(flat):
                    first, last = m.group(1), m.group(2)
                    if not (is_role(first) or office_surname(f"{first} {last}")
                            or split_title(f"{first} {last}")[0]):
                        surnames.setdefault(last, set()).add(f"{first} {last}")
                for m in PRINTED_INITIALS.finditer(flat):
                    if initials_match(m.group(2), m.group(1)) and \
                            m.group(1).split()[-1] not in vocab()["not_person"]:
                        printed.setdefault(m.group(2), set()).add(m.group(1))
                for m in APPOINTED.finditer(flat):
                    hits = roster.resolve(m.group("name"))
                    role = m.group("role")
                    if hits and len(hits) == 1 and (is_role(role) or role.isupper()):
                        appointed[role.lower()] = hits[0]
        aliases = {k: next(iter(v)) for k, v in printed.items() if len(v) == 1}
        return cls(roster, written, appointed, aliases, surnames)

    def _lookup(self, token: str, titled: bool = False) -> list[str] | None:
        hits = self.roster.resolve(token)
        if hits:
            hits = list(dict.fromkeys(hits))
            if len(hits) > 1 and " " not in token.strip():
                named = [h for h in hits if h in self.written.get(token.strip().lower(), ())]
                if len(named) == 1:
                    return named
            return hits
        holders = [a.name for a in self.roster.attendees
                   if (a.role or "").lower() == token.lower()]
        if holders:
            return holders
        bare = re.sub(r"(?i)^the\s+", "", token.strip()).lower()
        if bare in self.appointed:
            return [self.appointed[bare]]
        if re.fullmatch(r"[A-Z][a-z]+", token.strip()):
            named = sorted(self.written.get(token.strip().lower(), ()))
            if len(named) == 1:
                return named
        if token.strip() in self.aliases:
            return [self.aliases[token.strip()]]
        if titled and re.fullmatch(SURNAME, token.strip()):
            # "Director Whitmer" -> the one "Sandy Whitmer" the papers write in full
            full = sorted(self.surnames.get(token.strip(), ()))
            if len(full) == 1:
                return full
        return None

    def lookup(self, token: str) -> list[str]:
        """Everyone the token could name (several for a shared first name)."""
        return self._lookup(token.strip()) or []

    def known(self, token: str) -> bool:
        """The token names someone in this meeting or in its papers."""
        title, plain = split_title(token)
        office = office_surname(token)
        return bool(self._lookup(office or plain or token, bool(office or title)))

    def resolve(self, owner_text: str, evidence: Evidence | None = None
                ) -> tuple[list[str], list[Flag]]:
        owners: list[str] = []
        flags: list[Flag] = []
        for token in split_owner_text(owner_text):
            name, flag = self.one(token, evidence)
            if name and name not in owners:
                owners.append(name)
            if flag:
                flag.owner = name  # the owner as the action keeps it, for the store
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
        title, plain = split_title(tok)
        office = office_surname(tok)
        plain = office or plain  # "Supervisor Liccar": the person is Liccar
        hits = self._lookup(plain or tok, bool(office or title))
        page = evidence.page if evidence else None
        if hits and len(hits) == 1 and not _other_first_name(plain or tok, hits[0]):
            return hits[0], None
        if hits:
            return tok, Flag("owner-unresolved", f"Owner '{tok}' could be any of "
                             f"{', '.join(hits)}; kept as written.", page, evidence)
        if is_unit(tok):
            return re.sub(r"^[Tt]he\s+", "", tok), None
        return plain or tok, Flag("owner-unresolved", f"Owner '{tok}' matches no attendee; "
                                  "kept as written.", page, evidence)


def _other_first_name(written: str, name: str) -> bool:
    """"Stacey Thomas" is not the attendee "Stephen Thomas": both first names spelt out."""
    a, b = written.split(), name.split()
    return len(a) >= 2 and len(b) >= 2 and len(a[0]) > 2 and len(b[0]) > 2 \
        and a[0].lower()[:4] != b[0].lower()[:4] and a[-1] == b[-1]  # "Brenda" ~ "Brendan"


ROLE_START = (r"(?:the\s+)?(?:Cabinet\s+Member|Corporate\s+Director|Director|Head|Chair|Clerk|"
              r"Leader|Chief|Monitoring\s+Officer|Footpath|Secretary|Treasurer)")


def split_owner_text(text: str) -> list[str]:
    text = re.sub(r"(?i)\b(?:cllrs?|councillors?)\.?\s+(?=[A-Z])", "", text.strip())
    if (is_role(text) or is_group(text)) and not re.search(
            rf"\s(?:and|&)\s+{ROLE_START}\b", text):  # "Libraries Innovation and Development Manager"
        return [text]
    out: list[str] = []
    for piece in re.split(r"(?:(?<!\s)\s*+)?/\s*", text):
        if re.search(r"\b(?:for|of)\s+[A-Z]", piece) and re.match(ROLE_START, piece):
            out += re.split(rf"(?:(?<!\s)\s*+)?(?:,\s*|(?<=\s)and\s+|&\s*)(?={ROLE_START}\b)", piece)
        else:
            out += re.split(r"(?:(?<!\s)\s*+)?(?:,|&|\band\b|\+)\s*", piece)
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

"""Names, titles and who an owner token stands for.

`split_title("County Councillor Ian Brown (Chair)")` → ("County Councillor", "Ian Brown").
`split_people(text)` cuts a written list of people ("Mr A B, Mrs C D and Dr E F") into one
string per person; `parse_person(chunk)` reads one of those strings into a `PersonText`
(name, title, role, organisation, printed initials).
`Roster` holds one meeting's people and resolves owner tokens — initials ("DT"), first names
("Sam"), surnames ("Cllr Prynn"), role words ("Clerk", "Chair") — to the attendee they stand
for, or says it could not (an unresolved or ambiguous owner becomes a flag, never a guess).
Vocabularies live in patterns/people.json.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .model import Attendee


@lru_cache(maxsize=1)
def vocab() -> dict:
    path = Path(__file__).with_name("patterns") / "people.json"
    return json.loads(path.read_text(encoding="utf-8"))


_V = vocab()
TITLE_WORDS: list[str] = _V["titles"]
PLURAL_TITLES: dict[str, str] = _V["plural_titles"]
ROLES: dict[str, str] = _V["canonical_roles"]
ROLE_WORDS = set(_V["role_words"])
ORG_WORDS = set(_V["org_words"])
OFFICER_WORDS = set(_V["officer_role_words"])
COUNT_WORDS = set(_V["count_words"])
PARTICLES = set(_V["name_particles"])

_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLE_WORDS, key=len, reverse=True))
_TITLE = re.compile(r"^\s*((?:(?:" + _TITLE_ALT + r")\.?(?:\s+|$))+)", re.IGNORECASE)
# a title inside a run of names ("Cllr Sue Lintern Cllr Jim McNeill"): case-sensitive, so the
# surname "Lord" in "Sir Lord" style text is not cut
TITLE_INSIDE = re.compile(r"(?<=\S)\s+(?=(?:" + _TITLE_ALT + r")\.?\s+[A-Z])")
POSTNOMINALS = re.compile(
    r",?\s*\b(?:" + "|".join(_V["postnominals"]) + r")\b\.?(?=[\s,;)]|$)")
ROLE_IN_BRACKETS = re.compile(r"\(([^)]*)\)")
STOPWORDS = {"and", "or", "of", "the", "was", "were", "had", "has", "have", "is", "are",
             "who", "for", "from", "to", "in", "on", "at", "with", "by", "as", "a", "an"}
LEAD_ROLE = re.compile(r"(?i)(?:the\s+)?(?:deputy\s+|vice[\s-]+)?(?:speaker|chair\w*|clerk|"
                       r"mayor|leader|secretary|treasurer)\s*,?")
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
GROUP_OWNERS = {"officers", "the board", "board", "councillors", "all", "all members",
                "members", "trustees", "the council", "council", "all councillors",
                "the clerk", "clerk", "the chair", "chair", "committee", "the committee"}


# --------------------------------------------------------------------------- titles, roles

def split_title(raw: str) -> tuple[str | None, str]:
    """("County Councillor", "Ian Brown") from "County Councillor Ian Brown (Chair)"."""
    text = ROLE_IN_BRACKETS.sub(" ", raw)
    text = POSTNOMINALS.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–")
    m = _TITLE.match(text)
    if not m:
        return None, text
    title = re.sub(r"\s+", " ", m.group(1)).strip()
    name = text[m.end():].strip()
    if not name:  # "County Councillor Lord": the last word is the name
        words = title.split()
        return " ".join(words[:-1]) or None, words[-1].rstrip(".")
    if title.endswith(".") and len(title.rstrip(".").split()[-1]) > 3:
        title = title.rstrip(".")
    return title, name


def canonical_role(text: str | None) -> str | None:
    """"CHAIR" → "Chair", "Vice Chairman" → "Vice-Chair"; other roles as printed."""
    if not text:
        return None
    clean = re.sub(r"\s+", " ", text).strip(" ,;:-–()")
    clean = re.sub(r"(?i)^the\s+", "", clean)
    return ROLES.get(clean.lower(), clean) if clean else None


def role_in(raw: str) -> str | None:
    for inner in ROLE_IN_BRACKETS.findall(raw):
        key = inner.strip().lower()
        if key in ROLES:
            return ROLES[key]
    return None


def name_key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", split_title(name)[1].lower()).strip()


def initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", split_title(name)[1]) if w and w[0].isalpha()]
    return "".join(w[0].upper() for w in words)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:'’").lower() for w in text.split() if w.strip(".,;:'’")]


def is_role_text(text: str) -> bool:
    """True for a role or organisation ("Cabinet Member for …", "EDC", "Parish Clerk"),
    False for something that reads as a person's name."""
    words = _words(text)
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
    return bool(role) and any(w in OFFICER_WORDS for w in _words(role or ""))


def looks_like_name(name: str) -> bool:
    """A person's name: 1-5 capitalised words or initials, no role or organisation words."""
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(re.search(r"\d", w) for w in words):
        return False
    if len(words) == 1 and words[0].lower().strip(".") in COUNT_WORDS:
        return False
    for n, w in enumerate(words):
        bare = w.strip(".,'’")
        if not bare:
            return False
        if bare.lower() in PARTICLES:
            continue
        if n == len(words) - 1 and n >= 2 and bare.isalpha() and bare.islower() \
                and bare not in STOPWORDS:
            continue  # "Diane Neil mills": a surname printed in lower case
        if not (bare[0].isupper() and re.fullmatch(r"[A-Za-zÀ-ÿ'’.\-]+", bare)):
            return False
        if bare.lower() in ROLE_WORDS or bare.lower() in ORG_WORDS:
            return False
    return not (len(words) == 1 and re.fullmatch(r"[A-Z]{3,}", words[0])
                and words[0].lower() not in ())


def initials_match(token: str, name: str) -> bool:
    """"NO" for Nick Oakhill, "AHol" for Alan Holzer; not "SCC" for Stephen Taylor."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    if not words or not token[:1].isupper():
        return False
    caps = [c for c in token if c.isupper()]
    return (caps[0] == words[0][0].upper() and caps[-1] == words[-1][0].upper()
            and 2 <= len(token) <= 5 and len(caps) <= len(words) + 1)


# --------------------------------------------------------------------------- list splitting

@dataclass
class PersonText:
    """One person read from a list entry, before it becomes an Attendee or Apology."""

    name: str
    title: str | None = None
    role: str | None = None
    organisation: str | None = None
    initials: str | None = None
    arrived: str | None = None
    left: str | None = None
    substitute_for: str | None = None
    plural_title: str | None = None  # "Councillors A, B and C": the title the list shares
    raw: str = ""


def join_lines(text: str) -> str:
    """Lines of a wrapped list joined: "Crow-\\nBrown" → "Crow-Brown", "Mrs\\nBruneau" →
    "Mrs Bruneau"; a line that ends a person (",", ")", ".", ";") keeps a separator."""
    out = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and out[-2:-1].isalpha() and line[:1].isupper():
            out += line
        elif re.search(r"[),.;]$", out) and not line.startswith("("):
            out += ", " + line if not out.endswith(",") else " " + line
        else:
            out += " " + line
    return out


_COUPLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s*(?:&|and)\s*(Mr|Mrs|Ms|Miss|Dr)\.?\s+"
                     r"([A-Z][\w'’-]+)")
_SEP = re.compile(r"\s*[,;\t]\s*|\s+(?:and|&|\+)\s+(?=\S)|(?<=\))\s+(?=[A-Z])|\s+[•·+]\s+")
_SEP_NO_AND = re.compile(r"\s*[,;\t]\s*|(?<=\))\s+(?=[A-Z])|\s+[•·+]\s+")
_DASHED = re.compile(r"\s[-–—]\s")
SQUARE = re.compile(r"\[([^\]]*)\]")


def split_people(text: str, one_per_line: bool = False) -> list[str]:
    """"Mr A B (Chair), Mrs C D and Dr E F" → ["Mr A B (Chair)", "Mrs C D", "Dr E F"].
    Commas inside brackets do not split. `one_per_line`: each line is its own entry."""
    text = _COUPLE.sub(lambda m: f"{m[1]} {m[3]}, {m[2]} {m[3]}", SQUARE.sub(r"(\1)", text))
    text = POSTNOMINALS.sub("", text)
    lines = text.split("\n") if one_per_line else [join_lines(text)]
    # "A – SCC, B – MP for Central Suffolk and North Ipswich": in a list of "name – body"
    # entries the commas separate people and "and" belongs to the body
    sep = _SEP_NO_AND if len(_DASHED.findall(text)) >= 2 else _SEP
    chunks: list[str] = []
    for line in lines:
        pieces = _split_outside_brackets(line, sep)
        for piece in _share_plural_title(pieces):
            chunks.extend(_split_run_on(piece))
    return [c for c in (c.strip(" .,;:") for c in chunks) if c]


def _share_plural_title(pieces: list[tuple[str, str]]) -> list[str]:
    """"Councillors A, B and C, D" → "Councillors A", "Councillor B", "Councillor C", "D":
    a plural title covers the names up to the one after "and"."""
    out: list[str] = []
    shared: str | None = None
    for piece, sep in pieces:
        title, _ = split_title(piece)
        if title and title.lower() in PLURAL_TITLES:
            shared = PLURAL_TITLES[title.lower()]
            out.append(piece)
            continue
        if shared and not title and piece.strip():
            out.append(f"{shared} {piece.strip()}")
            if re.search(r"(?i)\b(and|&)\s*$", sep):
                shared = None
            continue
        if title:
            shared = None
        out.append(piece)
    return out


def _split_outside_brackets(line: str, pattern: re.Pattern = _SEP) -> list[tuple[str, str]]:
    """Pieces of a list line, each with the separator that came before it."""
    out, depth, start, sep = [], 0, 0, ""
    masked = []
    for ch in line:  # blank out bracketed text so separators inside are ignored
        depth += ch == "("
        masked.append("x" if depth > 0 and ch not in "()" else ch)
        depth -= ch == ")" and depth > 0
    masked_text = "".join(masked)
    for m in pattern.finditer(masked_text):
        out.append((line[start:m.start()], sep))
        start, sep = m.end(), m.group()
    out.append((line[start:], sep))
    return out


def _split_run_on(piece: str) -> list[str]:
    """"Cllr Sue Lintern Cllr Jim McNeill" → two entries (titles with no separator);
    "Gail Reeve Helen Richardson Parish Clerk" → "Gail Reeve", "Helen Richardson Parish Clerk"
    (four or more plain capitalised words with no initials are two-word names)."""
    out: list[str] = []
    pieces: list[str] = []
    for p in TITLE_INSIDE.split(piece):
        if pieces and (_TITLE.fullmatch(pieces[-1].strip() + " ")
                       or LEAD_ROLE.fullmatch(pieces[-1].strip())):
            pieces[-1] += " " + p  # "His Worship" + "Mayor Bowman", "Deputy Speaker" + …
            continue
        last = pieces[-1].split()[-1] if pieces and pieces[-1].split() else ""
        joined = _TITLE.match(f"{last} {p}") if last else None
        if joined and joined.end() > len(last) + 1 and last[:1].isupper():
            # "County" + "Councillors Lord": the word before belongs to the title
            pieces[-1] = pieces[-1][:pieces[-1].rfind(last)].rstrip()
            p = f"{last} {p}"
            if not pieces[-1]:
                pieces.pop()
        pieces.append(p)
    for p in pieces:
        if not p.strip():
            continue
        title, rest = split_title(p)
        words = rest.split()
        plain = 0
        for w in words:
            key = w.strip(".,").lower()
            if key in ROLE_WORDS or key in ORG_WORDS or "(" in w or not w[:1].isupper():
                break
            plain += 1
        if plain >= 4 and plain % 2 == 0 and all(len(w.strip(".")) > 1 for w in words[:plain]):
            names = [" ".join(words[i:i + 2]) for i in range(0, plain, 2)]
            names[0] = f"{title} {names[0]}" if title else names[0]
            names[-1] = " ".join([names[-1]] + words[plain:])
            out += names
        else:
            out.append(p)
    return out


# --------------------------------------------------------------------------- one person

_BRACKET_TIME = re.compile(r"(?i)^(?:from|arrived|joined|until|left|to)\b")
_SUB_IN_BRACKETS = re.compile(r"(?i)^(?:substitute|sub|substituting|replacing|deputising|"
                              r"in place of)\s*(?:for|of)?\s+(.+)$")
_DASH = re.compile(r"\s+[-–—]\s+|\t+[-–—]?\s*|\s+[-–—](?=\S)")


def parse_person(chunk: str, default_title: str | None = None) -> PersonText | None:
    """Read one list entry: "Nick Oakhill (NO) CHAIR", "Mr R C Love, OBE",
    "County Councillor Ian Brown - Lancashire County Council (Chair)",
    "Clerk J Connelly", "The Speaker, Councillor Sharma". None when no name is left."""
    raw = chunk
    p = PersonText(name="", raw=raw)
    text = SQUARE.sub(r"(\1)", chunk.strip())
    # bracketed parts: initials, role, arrival, substitution, organisation
    for inner in ROLE_IN_BRACKETS.findall(text):
        _bracket(p, inner.strip(), text)
    text = ROLE_IN_BRACKETS.sub(" ", text)
    text = POSTNOMINALS.sub("", text)
    # "Name - Organisation" / "Name <tab> Organisation"
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        tail = re.sub(r"\s+", " ", parts[1]).strip(" ,;:-–.")
        if tail.lower() in ROLES:
            p.role = p.role or ROLES[tail.lower()]
        else:  # "Jake - LINX Representative": what a dash column gives is who they represent
            p.organisation = p.organisation or tail
        text = parts[0]
    # "The Speaker, Councillor Sharma" / "Name, Role"
    if "," in text:
        bits = [b.strip() for b in text.split(",") if b.strip()]
        names = [b for b in bits if not is_role_text(_strip_title(b))]
        roles = [b for b in bits if is_role_text(_strip_title(b))]
        if names:
            text = names[0]
            for r in roles:
                add_tail(p, r)
    text = re.sub(r"\s+", " ", text).strip(" .,;:-–")
    text = re.sub(r"^(?i:the)\s+", "", text)
    # leading role words: "Clerk J Connelly", "Deputy Speaker Councillor Gerbasi"
    lead = _leading_role(text)
    if lead:
        p.role = p.role or canonical_role(lead)
        text = text[len(lead):].strip(" ,")
    title, name = split_title(text)
    if title and title.lower() in PLURAL_TITLES:
        p.plural_title = PLURAL_TITLES[title.lower()]
        title = p.plural_title
    if title and re.search(r"(?i)\bmayor\b", title) and not p.role:
        p.role = "Mayor"
    # trailing role words: "Nick Oakhill CHAIR", "Helen Richardson Parish Clerk"
    name, tail = _trailing_role(name)
    if tail:
        add_tail(p, tail)
    p.title = title or default_title
    p.name = name.strip(" .,;:-–&")
    described = re.match(r"^((?:[A-Z][\w'’-]*\.?\s+){0,2}[A-Z][\w'’-]+)\s+([a-z].*)$", p.name)
    if described and described.group(2).split()[0] not in PARTICLES \
            and len(described.group(2).split()) >= 2:
        # "Lauren owners of the Mullions", "John Smith representing the Trust"
        p.name = described.group(1)
        add_tail(p, described.group(2))
    if not p.name:
        return None
    return p


def _strip_title(text: str) -> str:
    return split_title(text)[1]


def _bracket(p: PersonText, inner: str, whole: str) -> None:
    if not inner:
        return
    before = whole[:whole.find("(" + inner)] if "(" + inner in whole else whole
    if re.fullmatch(r"[A-Z][A-Za-z]{0,4}", inner) and initials_match(
            inner, ROLE_IN_BRACKETS.sub(" ", split_title(before)[1])):
        p.initials = inner
        return
    sub = _SUB_IN_BRACKETS.match(inner)
    if sub:
        p.substitute_for = split_title(sub.group(1))[1]
        return
    if _BRACKET_TIME.match(inner) or re.search(r"\b(item|\d{1,2}[.:]\d{2}|[ap]m)\b", inner, re.IGNORECASE):
        if re.match(r"(?i)(left|until|to)\b", inner):
            p.left = inner
        else:
            p.arrived = inner
        return
    if inner.lower() in ROLES:
        p.role = ROLES[inner.lower()]
        return
    words = _words(inner)
    if any(w in ORG_WORDS for w in words) and not any(w in ROLE_WORDS for w in words) \
            or re.fullmatch(r"[A-Z]{2,6}", inner):
        p.organisation = p.organisation or inner
    else:
        p.role = p.role or canonical_role(inner)


def add_tail(p: PersonText, text: str) -> None:
    """Text after a name: a role ("Democratic Services Manager") or an organisation."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–.")
    if not text:
        return
    key = text.lower()
    if key in ROLES:
        p.role = p.role or ROLES[key]
        return
    words = _words(text)
    if any(w in ROLE_WORDS for w in words) and not (
            words[-1] in ORG_WORDS and words[-1] not in ROLE_WORDS):
        p.role = p.role or canonical_role(text)
    elif p.organisation:
        p.role = p.role or text
    else:
        p.organisation = text


def _leading_role(text: str) -> str | None:
    m = re.match(r"(?i)^((?:deputy\s+|vice[\s-]+)?(?:speaker|clerk|chair(?:man|woman|person)?|"
                 r"rfo|secretary|treasurer|parish\s+clerk|clerk\s+to\s+the\s+council))\b\s*[,:\-–]?\s+(?=\S)",
                 text)
    if not m:
        return None
    rest = text[m.end():]
    return m.group(1) if rest[:1].isupper() else None


def _trailing_role(name: str) -> tuple[str, str | None]:
    words = name.split()
    for i, w in enumerate(words):
        key = w.strip(".,").lower()
        if i >= 1 and (key in ROLE_WORDS or key in ORG_WORDS or (
                w.isupper() and len(w) > 2 and key in ROLES)):
            # pull in modifiers before the role word that are not part of the name
            start = i
            while start > 1 and words[start - 1].lower() in ORG_WORDS | ROLE_WORDS:
                start -= 1
            head, tail = words[:start], words[start:]
            if len(head) == 1 and not _TITLE.match(name) and w[:1].isupper() \
                    and not w.isupper():
                return "", name  # "Community Libraries Manager": all of it is a role
            if len(head) > 2 and not any(len(h.strip(".")) == 1 for h in head):
                # "Martin Storey Norfolk County Council": a name is two words here
                tail = head[2:] + tail
                head = head[:2]
            return " ".join(head), " ".join(tail)
    return name, None


# --------------------------------------------------------------------------- the roster

@dataclass
class Resolution:
    owners: list[str]  # resolved names or role words
    unresolved: list[str] = field(default_factory=list)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Roster:
    """The people of one meeting, to resolve owner tokens against.

    `resolve(token) -> list[str] | None`: one name when resolved, several when ambiguous,
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
            m = re.search(rf"(?i)\b{re.escape(want)}\b", a.role or "")
            if m and not re.search(r"(?i)\b(deputy|assistant|vice|co|under|sub|senior|"
                                   r"committee|acting)\b", a.role[:m.start()]):
                out.append(a)
        return out

    def resolve(self, token: str) -> list[str] | None:
        """Names the token stands for: one name when resolved, several when ambiguous,
        None when it matches no one. Role words resolve to the role holder when there is one
        ("Cathy Fleet | Clerk" style is the caller's choice)."""
        token = token.strip(" .,;:()")
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

"""One list entry → a `PersonText`: name, title, role, organisation, printed initials,
arrival/departure and whom they substitute for.

    parse_person("Nick Oakhill (NO) CHAIR")            → Nick Oakhill, initials NO, Chair
    parse_person("County Councillor Ian Brown - Lancashire County Council (Chair)")
    parse_person("Clerk J Connelly"), parse_person("The Speaker, Councillor Sharma")
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lists import SQUARE
from .names import initials_match, looks_like_name
from .roles import canonical_role, is_role_phrase, is_role_text, words_of
from .titles import IN_BRACKETS, POSTNOMINALS, TITLE_START, split_title, strip_title
from .words import (
    ATTENDANCE_MODES,
    ORG_WORDS,
    PARTICLES,
    PLURAL_TITLES,
    ROLE_WORDS,
    ROLES,
)


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
    forename_initial: str | None = None  # "Collins (B)": tells two Councillors Collins apart


_BRACKET_TIME = re.compile(r"(?i)^(?:from|arrived|joined|until|left|to)\b")
# the same outside brackets must say so plainly: "- arrived 7.20pm", "left after item 6"
_STATED_MOVE = re.compile(r"(?i)^(?:(?:arrived|joined|entered)|(?:left|departed|withdrew))\b"
                          r"|^(?:from|until)\s+(?:item|\d)")
_LEAVING = re.compile(r"(?i)^(?:left|until|to|departed|withdrew)\b")
# "the Clerk (Mrs Bell)": a role with the person's name in brackets
# the role is all before "(" but its trailing spaces (`[^()]+?\s*` tried every split of them)
_ROLE_THEN_NAME = re.compile(r"^(?:[Tt]he\s+)?(?P<role>[^()]*[^()\s]|\s)\s*"
                             r"\((?P<name>[^()]+)\)\s*$")
_SUB_IN_BRACKETS = re.compile(r"(?i)^(?:substitute|sub|substituting|replacing|deputising|"
                              r"in place of)(?:\s*+(?:for|of))?\s++(.+)$")
_DASH = re.compile(r"(?<!\s)\s++[-–—]\s+|(?<!\t)\t++[-–—]?\s*|(?<!\s)\s++[-–—](?=\S)")


def parse_person(chunk: str, default_title: str | None = None) -> PersonText | None:
    """Read one list entry: "Nick Oakhill (NO) CHAIR", "Mr R C Love, OBE",
    "County Councillor Ian Brown - Lancashire County Council (Chair)",
    "Clerk J Connelly", "The Speaker, Councillor Sharma". None when no name is left."""
    p = PersonText(name="", raw=chunk)
    text = name_first(SQUARE.sub(r"(\1)", chunk.strip()))
    # bracketed parts: initials, role, arrival, substitution, organisation
    for inner in IN_BRACKETS.findall(text):
        _bracket(p, inner.strip(), text)
    text = IN_BRACKETS.sub(" ", text)
    text = POSTNOMINALS.sub("", text)
    # "Name - Organisation" / "Name <tab> Organisation"
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        if _is_role_only(parts[0]) and _is_titled_name(parts[1]):
            parts = [parts[1], parts[0]]  # "Clerk - Mrs K Bell"
        _dash_tail(p, re.sub(r"\s+", " ", parts[1]).strip(" ,;:-–."))
        text = parts[0]
    # "The Speaker, Councillor Sharma" / "Name, Role"
    if "," in text:
        bits = [b.strip() for b in text.split(",") if b.strip()]
        names = [b for b in bits if not is_role_text(strip_title(b))]
        roles = [b for b in bits if is_role_text(strip_title(b))]
        if names:
            text = names[0]
            for r in roles:
                add_tail(p, r)
    text = re.sub(r"\s+", " ", text).strip(" .,;:-–")
    text = re.sub(r"^(?i:the)\s+", "", text)
    # leading role words: "Clerk J Connelly", "Deputy Speaker Councillor Gerbasi"
    lead = _leading_role(text) or job_title_lead(text)
    if lead:
        p.role = p.role or canonical_role(lead)
        text = text[len(lead):].strip(" ,")
    title, name = split_title(text)
    if title and title.lower().rstrip(".") in PLURAL_TITLES:
        p.plural_title = PLURAL_TITLES[title.lower().rstrip(".")]
        title = p.plural_title
    if title and re.search(r"(?i)\bmayor\b", title) and not p.role:
        p.role = "Mayor"
    # trailing role words: "Nick Oakhill CHAIR", "Helen Richardson Parish Clerk"
    # "Mr T Speaker": after an honorific and initials the last word is a surname, even a
    # role word
    initials_surname = title and re.fullmatch(r"(?:[A-Z]\.?\s+){1,3}[A-Z][\w'’-]+", name)
    name, tail = (name, None) if initials_surname else _trailing_role(name)
    if tail:
        add_tail(p, tail)
    name = _acronym_suffix(p, name)
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
    if p.forename_initial and len(p.name.split()) == 1:
        p.name = f"{p.forename_initial}. {p.name}"  # "Ryan (E)" → "E. Ryan"
    return p


def _is_role_only(text: str) -> bool:
    bare = re.sub(r"(?i)^the\s+", "", text.strip(" ,;:-–"))
    return bare.lower() in ROLES or is_role_phrase(bare)


def _is_titled_name(text: str) -> bool:
    """"Mrs K Bell", "Jo Bloggs": a name (a title helps), not a role or a body."""
    title, name = split_title(text.strip(" ,;:-–."))
    return looks_like_name(name) and (bool(title) or not is_role_text(name))


def name_first(text: str) -> str:
    """"the Clerk (Mrs Bell)" → "Mrs Bell (Clerk)"."""
    m = _ROLE_THEN_NAME.match(text)
    if m and _is_role_only(m.group("role")) and _is_titled_name(m.group("name")) \
            and split_title(m.group("name"))[0]:
        return f"{m.group('name').strip()} ({m.group('role').strip()})"
    return text


def _dash_tail(p: PersonText, tail: str) -> None:
    """What follows "Name - ": a role ("Medical Director"), a role and a body ("Director of
    Children's Social Care, Lancashire County Council"), a late arrival, or the body they
    come from or represent ("Jake - LINX Representative")."""
    if _STATED_MOVE.match(tail):
        _moved(p, tail)
    elif tail.lower() in ROLES:
        p.role = p.role or ROLES[tail.lower()]
    else:
        first, _, rest = tail.partition(", ")
        if is_role_phrase(first) and not rest.lower() in ROLES:
            p.role = p.role or canonical_role(first)
            p.organisation = p.organisation or rest or None
        else:
            p.organisation = p.organisation or tail


def _moved(p: PersonText, text: str) -> None:
    if _LEAVING.match(text):
        p.left = p.left or text
    else:
        p.arrived = p.arrived or text


def _bracket(p: PersonText, inner: str, whole: str) -> None:
    if not inner or inner.lower() in ATTENDANCE_MODES:
        return  # "(remote)", "(via Teams)": how they attended, not who they are
    if re.fullmatch(r"[A-Z]\.?", inner):
        p.forename_initial = inner[0]
        return
    before = whole[:whole.find("(" + inner)] if "(" + inner in whole else whole
    compact = re.sub(r"[\s.-]", "", inner)  # "(L H-L)" for Lucy Hart-Lowe
    if re.fullmatch(r"[A-Z][A-Za-z]{0,4}", compact) and initials_match(
            compact, IN_BRACKETS.sub(" ", split_title(before)[1])):
        p.initials = inner
        return
    sub = _SUB_IN_BRACKETS.match(inner)
    if sub:
        p.substitute_for = split_title(sub.group(1))[1]
        return
    if _BRACKET_TIME.match(inner) or re.search(r"\b(item|\d{1,2}[.:]\d{2}|[ap]m)\b", inner,
                                               re.IGNORECASE):
        _moved(p, inner)
        return
    if inner.lower() in ROLES:
        p.role = ROLES[inner.lower()]
        return
    words = words_of(inner)
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
    if _STATED_MOVE.match(text):
        _moved(p, text)  # "Cllr B Jones arrived at 7.20pm"
        return
    key = text.lower()
    if key in ROLES:
        p.role = p.role or ROLES[key]
        return
    words = words_of(text)
    if any(w in ROLE_WORDS for w in words) and not (
            words[-1] in ORG_WORDS and words[-1] not in ROLE_WORDS):
        p.role = p.role or canonical_role(text)
    elif p.organisation:
        p.role = p.role or text
    else:
        p.organisation = text


def _leading_role(text: str) -> str | None:
    m = re.match(r"(?i)^((?:deputy\s+|vice[\s-]+)?(?:speaker|clerk|chair(?:man|woman|person)?|"
                 r"rfo|secretary|treasurer|parish\s+clerk|clerk\s+to\s+the\s+council))\b"
                 r"(?:\s*+[,:\-–])?\s+(?=\S)", text)
    if not m:
        return None
    rest = text[m.end():]
    return m.group(1) if rest[:1].isupper() else None


def job_title_lead(text: str) -> str | None:
    """"Library Director Sandy Whitmer", "Head of Finance Jo Bloggs": a leading job title
    (a role phrase) after which a two-word (else three-word) name is left; not "Manager of
    the Decision Making Process", a role that names a thing."""
    words = text.split()
    if TITLE_START.match(text) or any(w.lower() == "the" for w in words):
        return None  # "Councillor R Healey": a title, read by split_title
    for size in (2, 3):
        lead, rest = " ".join(words[:-size]), " ".join(words[-size:])
        if len(words) > size and is_role_phrase(lead) and looks_like_name(rest) \
                and not split_title(rest)[0] and words[-size - 1].lower() not in (
                    "of", "and", "for", "to", "at", "&"):
            return lead
    return None


def _acronym_suffix(p: PersonText, name: str) -> str:
    """"B Stone NDC": an organisation's acronym after a name (not "A B LEE", a surname)."""
    words = name.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z]{2,5}", words[-1]) \
            and re.search(r"[a-z]", words[-2]) and not words[-1] in ("II", "III", "IV"):
        p.organisation = p.organisation or words[-1]
        return " ".join(words[:-1])
    return name


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
            if len(head) == 1 and not TITLE_START.match(name) and w[:1].isupper() \
                    and not w.isupper():
                return "", name  # "Community Libraries Manager": all of it is a role
            if len(head) > 2 and not any(len(h.strip(".")) == 1 for h in head):
                # "Martin Storey Norfolk County Council": a name is two words here
                tail = head[2:] + tail
                head = head[:2]
            return " ".join(head), " ".join(tail)
    return name, None

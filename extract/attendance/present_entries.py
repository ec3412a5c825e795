"""A list `Section` → Attendees: cut the section's text into entries (one per line, a comma
list, or "Name - Organisation" lines), read each entry as a person, and give them the
section's category unless their role says otherwise (a Clerk under "Present" is an officer).
"""
from __future__ import annotations

import re

from ..model import Attendee, Evidence
from ..people.entry import PersonText, add_tail, job_title_lead, name_first, parse_person
from ..people.lists import (
    join_lines,
    reorder_surname_first,
    split_outside_brackets,
    split_people,
)
from ..people.names import looks_like_name
from ..people.roles import (
    is_member_role,
    is_officer_role,
    is_role_phrase,
    is_role_text,
    words_of,
)
from ..people.titles import split_title, title_gender
from ..people.words import GUEST_TITLE_WORDS, ROLES
from .headers import PUBLIC_COUNT, Section
from .substitutions import as_bracketed

Lines = list[tuple[str, Evidence]]


def section_people(section: Section) -> tuple[list[Attendee], list[tuple[str, Evidence]]]:
    """The section's people, and the entries that could not be read as anyone."""
    entries = _entries(section)
    people: list[Attendee] = []
    leftovers: list[tuple[str, Evidence]] = []
    last: PersonText | None = None
    pending_role: str | None = None
    for chunk, ev in entries:
        if _is_count(chunk):
            continue
        p = parse_person(chunk)
        if p is None or not looks_like_name(p.name):
            if _lead_role_only(chunk) and (last is None or chunk.rstrip().endswith(",")):
                pending_role = chunk
            elif last is not None:
                _attach(last, chunk)
                people[-1] = _attendee(last, section, people[-1].evidence)
            else:
                leftovers.append((chunk, ev))
            continue
        if pending_role:
            _attach(p, pending_role)
            pending_role = None
        last = p
        people.append(_attendee(p, section, ev))
    return people, leftovers


def _entries(section: Section) -> Lines:
    lines = _clean_lines(section.lines)
    if not lines:
        return []
    text = "\n".join(t for t, _ in lines)
    evs = [ev for _, ev in lines]
    held = role_then_name_entries(join_lines(text))
    if held:  # "Role (Mr. A. Name), Role, Unit (Ms. B. Name)": commas inside the roles
        return [(c, next((e for e in evs if c.split("(")[0].strip() in e.quote), evs[0]))
                for c in held]
    if _wrapped_list(lines):  # "A – Org, B – Org, C –" / "Org, D …": entries across lines
        return _with_evidence(split_people(join_lines(text)), evs)
    dash = sum(bool(re.search(r"\t[-–—]|\s[-–—]\s", t)) for t, _ in lines)
    if dash >= max(2, len(lines) // 2):
        return _dash_entries(lines)
    one_per_line = section.one_per_line
    reordered = reorder_surname_first([t for t, _ in lines]) if len(lines) > 1 else None
    if reordered:  # "Green, Ann (Chair)" / "White, Bob": one person a line, surname first
        lines, one_per_line = list(zip(reordered, evs)), True
    if one_per_line is None:
        # "Ann Birch" / "Chair" / "Carl Dunn": a role alone on the line under its holder
        one_per_line = all(single_entry_line(t) or _role_only_line(t) for t, _ in lines) \
            and single_entry_line(lines[0][0])
    out: Lines = []
    if one_per_line:
        for t, ev in lines:
            if "," in t and single_entry_line(t):
                out.append((t.strip(), ev))  # "Mr. M. Lemoine, Deputy City Clerk"
                continue
            for c in split_people(t, one_per_line=True):
                out.append((c, ev))
        return out
    return _with_evidence(split_people(text), evs)


def _with_evidence(chunks: list[str], evs: list[Evidence]) -> Lines:
    """Each entry with the evidence of the line its first word is on."""
    return [(c, next((e for e in evs if c.split()[0] in e.quote), evs[0])) for c in chunks]


# "(Mr. J. Clune)": a titled name in brackets, the person whose role precedes it
_NAME_IN_BRACKETS = re.compile(r"\((?P<who>(?:" + "|".join(
    ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Cllr", "Councillor", "Sir", "Dame"))
    + r")\.?\s[^()]{1,60})\)")


def role_then_name_entries(text: str) -> list[str]:
    """"Director General (Dr. P. Daly), A/Director, Housing (Mr. B. Kidney), …": each entry
    is a role (with its own commas) closed by the holder's titled name in brackets; cut
    after each such bracket, as "Dr. P. Daly (Director General)". Two or more entries of
    the form, or nothing (a single "the Clerk (Mrs Bell)" is read by parse_person)."""
    found = list(_NAME_IN_BRACKETS.finditer(text))
    if len(found) < 2 or text[found[-1].end():].strip(" ,.;"):
        return []
    out, start = [], 0
    for m in found:
        role = text[start:m.start()].strip(" ,;.").removeprefix("and ").strip()
        if not role or "(" in role or ")" in role:
            return []
        out.append(f"{m.group('who').strip()} ({role})")
        start = m.end()
    return out


_DASH_CELL = re.compile(r"\S\s[-–—]\s\S")
# "Secretary D Eaton" on the line after a list: a person of their own, not a wrapped role
_ROLE_LINE = re.compile(r"(?i)^(?:the\s+)?(?:deputy\s+|vice[\s-])?(?:clerk|secretary|treasurer|"
                        r"chair(?:man|woman|person)?|mayor|speaker|minute[\s-]taker)\s++"
                        r"(?-i:(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’-]+)\s*+$")


def _clean_lines(lines: Lines) -> Lines:
    """Counts of the public dropped ("…, 4 members of the public"), substitutions in words
    put in brackets ("X substituted for Y" → "X (substitute for Y)"), two "Name – Body"
    cells of one line split ("A – FIN (Chair)\tB – TRE"), and a "Secretary D Eaton" line
    cut from the list line above it."""
    lines = [(c, ev) for t, ev in lines for c in _dash_cells(t)]
    for i in range(1, len(lines)):
        prev = lines[i - 1][0].rstrip()
        if _ROLE_LINE.match(lines[i][0].strip()) and not re.search(r"(?i)(?:[,;(&]|\band)$",
                                                                  prev):
            lines[i - 1] = (prev + ",", lines[i - 1][1])
    out: Lines = []
    for t, ev in lines:
        t = as_bracketed(_without_counts(t))
        if t.strip():
            out.append((t, ev))
    return out


def _dash_cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if len(cells) >= 2 and all(_DASH_CELL.search(c) for c in cells):
        return cells
    return [line]


def _role_only_line(line: str) -> bool:
    bare = line.strip(" ,.;")
    return bare.lower() in ROLES or is_role_phrase(bare)


def _without_counts(line: str) -> str:
    pieces = split_outside_brackets(line)
    kept = [(p, sep) for p, sep in pieces if not PUBLIC_COUNT.match(p.strip())]
    if len(kept) == len(pieces):
        return line
    return "".join((sep if i else "") + p for i, (p, sep) in enumerate(kept)).strip()


def single_entry_line(line: str) -> bool:
    """A line that holds one person: no comma, or "Name, Role" / "Role, Name"."""
    bare = re.sub(r"\([^)]{0,300}\)", "", line).strip()
    if re.search(r"(?i)(,|\band|&)$", bare):
        return False
    person = parse_person(line)
    if person is None or not looks_like_name(person.name):
        return False  # a wrapped role or organisation: the line continues another
    bits = [b.strip() for b in bare.split(",") if b.strip()]
    if len(bits) <= 1:
        return True
    if re.search(r"(?i)\s(and|&)\s", bare):
        return False
    if len(bits) != 2 or not any(is_role_text(split_title(b)[1]) for b in bits):
        return False
    if any(job_title_lead(b) for b in bits) and all(
            (q := parse_person(b)) is not None and looks_like_name(q.name) for b in bits):
        return False  # "Library Director Ann Lee, Bo Park": two people, the first titled
    # "the Clerk (Mrs Bell), PCSO Jim Reed": a role with its holder in brackets is a person
    return not any(name_first(p) != p for p, _ in split_outside_brackets(line, _COMMA))


_COMMA = re.compile(r"(?:(?<!\s)\s*+)?,\s*")  # see person_lists._SEP


def _wrapped_list(lines: Lines) -> bool:
    """One list run over several lines, the breaks falling inside entries ("A – Org, B –" /
    "Org, C …"): half the lines or more hold several entries (two dashes, or three commas'
    worth), so a line is no entry, and some line is cut inside one (it ends on a dash, or the
    next starts in lower case)."""
    body = [t.strip() for t, _ in lines[:-1]]
    if not body:
        return False
    multi = sum(len(_SPACED_DASH.findall(t)) >= 2 or len(split_outside_brackets(t, _COMMAS)) >= 3
                for t in body)
    cut = any(re.search(r"\s[-–—]$", t) for t in body) or any(
        t.strip()[:1].islower() for t, _ in lines[1:])
    return 2 * multi >= len(body) and cut


_COMMAS = re.compile(r"[,;]")
_SPACED_DASH = re.compile(r"\s[-–—](?=\s|$)")


def _dash_entries(lines: Lines) -> Lines:
    """"Name\\t- Organisation" lines; a line without a dash continues the name when the
    name so far is a title and one word ("County Councillor Sue" / "Prynn (Chair)"),
    else the organisation."""
    out: list[list] = []
    for t, ev in lines:
        if re.search(r"\t[-–—]?|\s[-–—]\s", t) or not out or _titled_name_line(t):
            out.append([t, ev])
            continue
        prev = out[-1][0]
        name_part = re.split(r"\t[-–—]?\s*|\s[-–—]\s", prev, maxsplit=1)
        title, name = split_title(name_part[0])
        if len(name_part) == 2 and title and len(name.split()) <= 1 or \
                len(name_part) == 2 and re.match(r"^[A-Z][\w'’-]+(\s*\(.*\))?$", t) \
                and len(name.split()) <= 1:
            out[-1][0] = name_part[0] + " " + t + "\t- " + name_part[1]
        else:
            out[-1][0] = prev + " " + t
    return [(t, ev) for t, ev in out]


def _titled_name_line(line: str) -> bool:
    """"Cllr C Brown (left after item 8)" among dashed lines is a person of its own, not
    the wrapped end of the line before."""
    title, name = split_title(line)
    return bool(title) and looks_like_name(name)


def _is_count(chunk: str) -> bool:
    """"3 members of the public", "16", "None": not a person (and not listed)."""
    return bool(PUBLIC_COUNT.match(chunk.strip()) or re.fullmatch(r"\(?\d+\)?", chunk.strip())
                or re.match(r"(?i)^(none|nil|no one|n/a|there were|members of the public)\b",
                            chunk))


def _lead_role_only(chunk: str) -> bool:
    return bool(re.match(r"(?i)^(the\s+)?(deputy\s+|vice[\s-])?(speaker|chair\w*|clerk|mayor)"
                         r"\s*,?$", chunk.strip()))


def _attach(p: PersonText, chunk: str) -> None:
    inner = re.findall(r"\(([^)]{0,300})\)", chunk)  # bounded: see titles.IN_BRACKETS
    text = re.sub(r"\([^)]{0,300}\)", " ", chunk).strip(" ,.")
    for i in inner:
        if re.fullmatch(r"[A-Z][A-Za-z]{0,4}", i.strip()) and not p.initials:
            p.initials = i.strip()
    add_tail(p, text)


def _attendee(p: PersonText, section: Section, ev: Evidence | None) -> Attendee:
    category = section.category
    if p.substitute_for:
        category = "substitute"
    elif category in ("member", "other") and section.by_role and is_officer_role(p.role) \
            and not is_member_role(p.role):
        category = "officer"
    elif category in ("public", "officer") and _guest_title(p.title) \
            and not is_officer_role(p.role):
        category = "other"  # a district councillor or PCSO "in attendance" is a guest
    if category == "member" and p.role and re.search(r"(?i)\bco-?opted\b", p.role):
        category = "co-opted"  # "Co-opted Governor"
    return Attendee(name=p.name, title=p.title, category=category,  # type: ignore[arg-type]
                    role=p.role, organisation=p.organisation or section.organisation,
                    initials=p.initials, substitute_for=p.substitute_for,
                    arrived=p.arrived, left=p.left, evidence=ev)


def _guest_title(title: str | None) -> bool:
    """A title that holds an office elsewhere ("District Cllr", "PCSO"): never the
    meeting's own staff."""
    return any(w in GUEST_TITLE_WORDS for w in words_of(re.sub(r"/", " ", title or "")))


def host_staff(people: list[Attendee], host: str | None) -> list[Attendee]:
    """Guests from the meeting's own organisation ("Democratic Services, LCC" at Lancashire
    County Council) are its officers."""
    if not host:
        return people
    acronym = "".join(w[0] for w in host.split() if w[:1].isupper())
    for p in people:
        org = (p.organisation or "").strip()
        if p.category == "other" and org and (
                org.endswith(host) or re.search(rf"\b{re.escape(acronym)}$", org)):
            p.category = "officer"
    return people


def dedupe_attendees(people: list[Attendee]) -> list[Attendee]:
    """One entry per person: the same name under the same title, or the same full name
    under titles that do not contradict ("Cllr Sue Prynn" and "County Councillor Sue
    Prynn"; not "Mr J Meade" and "Ms J Meade"). The first keeps what the second adds."""
    out: list[Attendee] = []
    for p in people:
        same = next((o for o in out if _one_person(o, p)), None)
        if same is None:
            out.append(p)
            continue
        if len(p.name) > len(same.name) and _initial_form(same, p):
            same.name, same.title = p.name, same.title or p.title  # the fuller name
        for f in ("role", "organisation", "initials", "substitute_for", "arrived", "left"):
            if getattr(same, f) is None and getattr(p, f) is not None:
                setattr(same, f, getattr(p, f))
    return out


def _one_person(a: Attendee, b: Attendee) -> bool:
    if a.name != b.name:
        return _initial_form(a, b)
    if (a.title or "") == (b.title or ""):
        return True
    ga, gb = title_gender(a.title), title_gender(b.title)
    return len(a.name.split()) >= 2 and not re.fullmatch(r"(?:[A-Z]\.?\s+)+\S+", a.name) \
        and (not ga or not gb or ga == gb)


def _initial_form(a: Attendee, b: Attendee) -> bool:
    """"K Rowe" and "Kim Rowe" (both with a forename or its initial, one only the
    initial): one person listed twice. A bare surname matches too many to merge."""
    wa, wb = a.name.replace(".", " ").split(), b.name.replace(".", " ").split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    fa, fb = wa[0], wb[0]
    if (len(fa) == 1) == (len(fb) == 1) or fa[0] != fb[0]:
        return False
    ga, gb = title_gender(a.title), title_gender(b.title)
    return not ga or not gb or ga == gb

"""Apologies in every shape: "Apologies were received from …", "Apologies: …", an
"Apologies" heading followed by names, "X sent apologies". In an agenda only a sentence
naming who sent them counts (an agenda's "Apologies" item is followed by its presenter).
Absent without apologies is not an apology.
"""
from __future__ import annotations

import re

from ingest.model import Table

from ..document.parts import Part
from ..model import Apology, Attendee, Evidence, Flag
from ..people.entry import parse_person
from ..people.lists import join_lines, reorder_surname_first, split_people
from ..people.names import looks_like_name, same_person
from ..people.words import TITLE_WORDS
from ..vocab import any_word
from .headers import BULLET, PATTERNS, Section, evidence
from .present_entries import section_people

APOLOGY_HEAD = re.compile(PATTERNS["apology_head"], re.IGNORECASE)
APOLOGY_FROM = re.compile(PATTERNS["apology_from"], re.IGNORECASE)
APOLOGY_SENT = re.compile(PATTERNS["apology_sent"], re.IGNORECASE)
APOLOGY_WORD = re.compile(r"(?i)apolog|\bregrets\b")
# "Motion that Member Yu be excused – carried", "leave of absence granted to Cllr Ray"
EXCUSED = re.compile(PATTERNS["excused"], re.IGNORECASE)
EXCUSED_WORDING = any_word("excused leave")  # each wording of "excused" holds one of them
_NAME_IN_CLAUSE = re.compile(r"(?<![\w'’.-])(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Trustee|"
                             r"Director)\.?\s+)?(?:[A-Z]\.?\s+){0,2}[A-Z][a-z][\w'’-]*"
                             r"(?:\s+[A-Z][a-z][\w'’-]*)?(?=\s+[a-z])")


def _texts(part: Part) -> list[tuple[str, Evidence, bool]]:
    """Block texts and table cell texts in reading order: (text, evidence, is_heading)."""
    out: list[tuple[str, Evidence, bool]] = []
    for item in part.items:
        if isinstance(item, Table):
            for row in item.texts():
                for cell in row:
                    if cell.strip():
                        out.append((cell, evidence(item, cell), False))
        elif item.kind != "furniture":
            out.append((item.text, evidence(item, item.text), item.kind == "heading"))
    return out


def find_apologies(part: Part) -> list[Apology]:
    found: list[Apology] = []
    minutes = part.record == "minutes"
    texts = _texts(part)
    for i, (text, ev, _heading) in enumerate(texts):
        if not APOLOGY_WORD.search(text):
            continue
        lines = text.split("\n")
        for n, line in enumerate(lines):
            if not APOLOGY_WORD.search(line):
                continue
            joined = join_lines("\n".join(lines[n:]))
            m = APOLOGY_FROM.search(joined)
            if m:
                found += _apology_list(sentence_end(joined[m.end():]), ev)
                continue
            m = APOLOGY_SENT.search(joined)
            if m:
                before = joined[:m.start()].split(".")[-1]
                found += _apology_list(before, ev) or _subject(before, ev)
                continue
            h = APOLOGY_HEAD.match(line)
            if not h or not minutes:
                continue
            rest = line[h.end():].strip()
            if rest:
                found += _apology_list(sentence_end(rest), ev, strict=True)
                continue
            # heading alone: the names follow in this block or the next ones
            follow = "\n".join(lines[n + 1:]).strip()
            if follow:
                if not APOLOGY_FROM.search(follow):
                    found += _listed(lines[n + 1:], ev) or _apology_list(
                        sentence_end(join_lines(follow)), ev, strict=True)
                break
            found += _names_in_following(texts[i + 1:i + 30])
            break
    for text, ev, _heading in texts if minutes else []:
        for m in EXCUSED.finditer(text.replace("\n", " ")) if EXCUSED_WORDING.search(text) else ():
            p = parse_person(m.group("who") or m.group("who2"))
            if p is not None and looks_like_name(p.name) and (p.title or " " in p.name):
                found.append(Apology(name=p.name, title=p.title, evidence=ev))
    return dedupe_apologies(found)


def _listed(lines: list[str], ev: Evidence) -> list[Apology]:
    """Lines under "Apologies:" read with the attendance-list grammar (one "Name (AB) -
    Body" a line, comma lists, roles), when there are two lines or more and every one gives
    a person: the same shapes as a present list."""
    lines = [t.strip() for t in lines if t.strip()]
    if len(lines) < 2 or any(re.search(r"(?i)apolog", t) for t in lines):
        return []
    section = Section("member", "apologies")
    section.lines = [(t, ev) for t in lines]
    people, leftovers = section_people(section)
    if leftovers or not people:
        return []
    return [Apology(name=p.name, title=p.title, evidence=ev) for p in people]


def _names_in_following(texts: list[tuple[str, Evidence, bool]]) -> list[Apology]:
    """Names under an "Apologies" heading: one block per name, or one block of them all."""
    found: list[Apology] = []
    for text, ev, heading in texts:
        if heading or APOLOGY_FROM.search(text) or re.search(r"(?i)apolog", text):
            break  # the next text is handled on its own (or is a heading)
        names = _apology_list(sentence_end(join_lines(BULLET.sub("", text))), ev, strict=True)
        if not names:
            break
        found += names
        if len(text.split("\n")) > 1 or "," in text:
            break  # a whole list in one block
    return found


# a stop after a title ("Cllrs. Doris Jones") does not end the list
_ABBREVIATIONS = {t.lower() for t in TITLE_WORDS if " " not in t} | {"st"}


def _subject(before: str, ev: Evidence) -> list[Apology]:
    """"The secretary added that Ms Page could not attend and had": the last (titled) name
    before the verb, when the clause is more than a list."""
    names = list(_NAME_IN_CLAUSE.finditer(before))
    if not names:
        return []
    p = parse_person(names[-1].group(0))
    return [Apology(name=p.name, title=p.title, evidence=ev)] \
        if p is not None and looks_like_name(p.name) and (p.title or " " in p.name) else []


def sentence_end(text: str) -> str:
    """The list up to the end of its sentence: a full stop after a word that is not an
    initial or a title abbreviation, or a ";" — unless the ";" separate "Surname, Forename"
    entries ("Apologies: White, Ann; Black, Tom") or a name follows it ("A; B; C")."""
    if ";" in text:
        head = re.split(r"\.(?=\s|$)", text, maxsplit=1)[0]
        if reorder_surname_first([e for e in re.split(r"(?:(?<!\s)\s*+)?;\s*", head) if e.strip()]):
            return head
    for m in re.finditer(r"\.(?=\s|$)|[;:]", text):
        if m.group() == ";" and _name_follows(text[m.end():m.end() + 120]):
            continue  # "Ann Lee; Bo Park; Cy Dunn": a list whose entries end in ";"
        if m.group() in ";:":
            return text[:m.start()]
        # the word before the stop; a window, not text[:m.start()], keeps "A. B. C. …" linear
        # (a longer word is neither an initial nor a title either way)
        before = re.findall(r"(?<![\w'’-])[\w'’-]+$", text[max(0, m.start() - 40):m.start()])
        word = before[0] if before else ""
        if len(word) <= 1 or word.lower() in _ABBREVIATIONS:
            continue
        return text[:m.start()]
    return text


def _name_follows(text: str) -> bool:
    """Is the next entry (up to ";", "," or a stop) a person's name?"""
    entry = re.split(r"[;,]|\.(?=\s|$)", text.lstrip(" ,"), maxsplit=1)[0]
    p = parse_person(entry) if entry.strip() else None
    return p is not None and looks_like_name(p.name)


def _apology_list(text: str, ev: Evidence, strict: bool = False) -> list[Apology]:
    text = re.sub(r"(?i)\b(?:for\s+absence|were\s+received|had\s+been\s+received|received|"
                  r"and\s+accepted|accepted|noted)\b", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text or re.match(r"(?i)^(none|nil|no\b|there were no|n/a)", text):
        return []
    out: list[Apology] = []
    chunks = split_people(text)
    for chunk in chunks:
        p = parse_person(chunk)
        if p is None:
            continue
        if not looks_like_name(p.name):
            if strict and len(chunks) == 1:
                return []
            continue
        out.append(Apology(name=p.name, title=p.title, evidence=ev))
    return out


def dedupe_apologies(items: list[Apology]) -> list[Apology]:
    out: list[Apology] = []
    for a in items:
        if not any(o.name == a.name and (o.title or "") == (a.title or "") for o in out):
            out.append(a)
    return out


def remove_apologised(attendees: list[Attendee], apologies: list[Apology]
                      ) -> tuple[list[Attendee], list[Flag]]:
    """People who sent apologies were not there, though a header box may list the whole
    board; the removals are one "attendance-conflict" flag with both quotes, for the clerk
    to confirm. An apology that fits two attendees ("Cllr Smith" for J and K Smith) removes
    neither unless one carries exactly that name; the clerk gets a flag."""
    gone: set[int] = set()
    flags: list[Flag] = []
    both: list[tuple[Attendee, Apology]] = []
    for ap in apologies:
        hits = [i for i, a in enumerate(attendees) if same_person(a.name, a.title, ap.name,
                                                                  ap.title)]
        exact = [i for i in hits if attendees[i].name == ap.name]
        if len(hits) > 1 and len(exact) == 1:
            hits = exact
        if len(hits) == 1:
            gone.add(hits[0])
            both.append((attendees[hits[0]], ap))
        elif hits:
            ev = ap.evidence
            flags.append(Flag("attendance-ambiguous", f"Apologies from {ap.name!r} could be "
                              f"any of {', '.join(attendees[i].name for i in hits)}; all are "
                              "kept as present.", page=ev.page if ev else None, evidence=ev))
    if both:  # one flag for the part: a header box listing the whole board gives many
        ev = both[0][1].evidence
        flags.append(Flag("attendance-conflict", "Listed as present and as sending apologies"
                          f"{_where(ev)}: {', '.join(repr(a.name) for a, _ in both)} (listed"
                          f"{_where(both[0][0].evidence)}); recorded as apologies only, check "
                          "which is right.", page=ev.page if ev else None, evidence=ev))
    return [a for i, a in enumerate(attendees) if i not in gone], flags


def _where(ev: Evidence | None) -> str:
    return f" ({ev.quote[:80]!r}, page {ev.page})" if ev else ""

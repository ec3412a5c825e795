"""A written list of people cut into one string per person.

`split_people("Mr A B (Chair), Mrs C D and Dr E F")` → ["Mr A B (Chair)", "Mrs C D",
"Dr E F"]; plural titles are shared ("Councillors A and B" → "Councillors A",
"Councillor B"), couples split ("Mr & Mrs Godfrey"), run-on titles cut ("Cllr A Cllr B").
"""
from __future__ import annotations

import re
from itertools import pairwise

from .titles import POSTNOMINALS, TITLE_INSIDE, TITLE_START, split_title
from .words import ORG_WORDS, PLURAL_TITLES, ROLE_WORDS

LEAD_ROLE = re.compile(r"(?i)(?:the\s+)?(?:deputy\s+|vice[\s-]+)?(?:speaker|chair\w*|clerk|"
                       r"mayor|leader|secretary|treasurer)\s*,?")
SQUARE = re.compile(r"\[([^\]]{0,300})\]")  # bounded as titles.IN_BRACKETS
_COUPLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s*(?:&|and)\s*(Mr|Mrs|Ms|Miss|Dr)\.?\s+"
                     r"([A-Z][\w'’-]+)")
# (?<!\s): a separator's spaces are taken from where their run starts, not retried from
# inside it (which made a long run of spaces quadratic)
_SEP = re.compile(r"(?:(?<!\s)\s*)?[,;\t]\s*|(?<!\s)\s+(?:and|&|\+)\s+(?=\S)|(?<=\))\s+(?=[A-Z])"
                  r"|(?<!\s)\s+[•·+]\s+")
_SEP_NO_AND = re.compile(r"(?:(?<!\s)\s*)?[,;\t]\s*|(?<=\))\s+(?=[A-Z])|(?<!\s)\s+[•·+]\s+")
# "John & Chris Denton" (an entry of its own: not "Ann Birch & Carl Dunn"): two people
_FORENAME_COUPLE = re.compile(r"(?<![\w'’.-]\s)(?<![\w'’.-])([A-Z][a-z]+)\s?&\s?([A-Z][a-z]+)\s"
                              r"([A-Z][\w'’-]+)(?![\w'’-]|\s[A-Z])")
_AND_HEAD = re.compile(r"^(?:and|&)\s+")
_DASHED = re.compile(r"\s[-–—]\s")
_SEMICOLON = re.compile(r"(?:(?<!\s)\s*+)?;\s*")
_NAME_WORD = r"[A-Z][\w'’.-]*"
# "Green, Ann (Chair)", "Smith, Mrs J", "Bell-Ward, A. B.": a surname, then forenames
_SURNAME_FIRST = re.compile(rf"^(?P<sur>[A-Z][\w'’-]+),\s*(?P<fore>(?:{_NAME_WORD}\s+){{0,3}}"
                            rf"{_NAME_WORD})\s*(?P<rest>\(.*\))?$")


def join_lines(text: str) -> str:
    """Lines of a wrapped list joined: "Crow-\\nBrown" → "Crow-Brown", "Mrs\\nBruneau" →
    "Mrs Bruneau"; a line that ends a person (",", ")", ".", ";") keeps a separator."""
    # The joined text is built as parts, and only its last line is looked at: searching the
    # whole text so far at each line made a list of thousands of lines quadratic.
    parts: list[str] = []
    tail = ""  # the last two characters joined so far
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if not parts:
            part = line
        elif tail.endswith("-") and tail[-2:-1].isalpha() and line[:1].isupper():
            part = line
        elif tail.endswith((")", ",", ".", ";")) and not line.startswith("("):
            part = " " + line if tail.endswith(",") else ", " + line
        else:
            part = " " + line
        parts.append(part)
        tail = (tail + part)[-2:]
    return "".join(parts)


def split_people(text: str, one_per_line: bool = False) -> list[str]:
    """"Mr A B (Chair), Mrs C D and Dr E F" → ["Mr A B (Chair)", "Mrs C D", "Dr E F"].
    Commas inside brackets do not split. `one_per_line`: each line is its own entry."""
    text = _COUPLE.sub(lambda m: f"{m[1]} {m[3]}, {m[2]} {m[3]}", SQUARE.sub(r"(\1)", text))
    text = _FORENAME_COUPLE.sub(lambda m: f"{m[1]} {m[3]}, {m[2]} {m[3]}", text)
    text = POSTNOMINALS.sub("", text)
    if not one_per_line and ";" in text:
        entries = [p for p, _ in split_outside_brackets(join_lines(text), _SEMICOLON)]
        reordered = reorder_surname_first([e.strip(" .") for e in entries if e.strip(" .")])
        if reordered:
            return reordered
    lines = text.split("\n") if one_per_line else [join_lines(text)]
    # "A – SCC, B – MP for Central Suffolk and North Ipswich": in a list of "name – body"
    # entries the commas separate people and "and" belongs to the body
    sep = _SEP_NO_AND if len(_DASHED.findall(text)) >= 2 else _SEP
    chunks: list[str] = []
    for line in lines:
        pieces = split_outside_brackets(line, sep)
        for piece in _share_plural_title(pieces):
            chunks.extend(_split_run_on(piece))
    # "A, B, and C": the serial comma leaves "and" at the head of the last entry
    return [c for c in (_AND_HEAD.sub("", c.strip(" .,;:")) for c in chunks)
            if c and c.lower() not in ("and", "&")]


def reorder_surname_first(entries: list[str]) -> list[str] | None:
    """["Green, Ann (Chair)", "White, Bob"] → ["Ann Green (Chair)", "Bob White"] when every
    entry of a list (two or more) is "Surname, Forenames"; None otherwise. One such entry
    alone could as well be two people ("Green, White"), so it is left alone."""
    if len(entries) < 2:
        return None
    out: list[str] = []
    for entry in entries:
        m = _SURNAME_FIRST.match(entry.strip())
        if not m or _is_role_like(m.group("sur")) or _is_role_like(m.group("fore")):
            return None
        fore = m.group("fore")
        title, bare = split_title(fore)
        if title and not bare:
            return None
        out.append(" ".join(x for x in (fore, m.group("sur"), m.group("rest")) if x))
    return out


def _is_role_like(text: str) -> bool:
    return any(w.strip(".").lower() in ROLE_WORDS | ORG_WORDS for w in text.split())


def _share_plural_title(pieces: list[tuple[str, str]]) -> list[str]:
    """"Councillors A, B and C, D" → "Councillors A", "Councillor B", "Councillor C", "D":
    a plural title covers the names up to the one after "and"."""
    out: list[str] = []
    shared: str | None = None
    for piece, sep in pieces:
        title, _ = split_title(piece)
        if title and title.lower().rstrip(".") in PLURAL_TITLES:
            shared = PLURAL_TITLES[title.lower().rstrip(".")]
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


def _masked(line: str) -> str:
    """The line with bracketed text blanked out, so separators and titles inside brackets
    ("(substitute for Cllr Dan Grey)") are not taken for the list's own."""
    depth, masked = 0, []
    for ch in line:
        depth += ch == "("
        masked.append("x" if depth > 0 and ch not in "()" else ch)
        depth -= ch == ")" and depth > 0
    return "".join(masked)


def split_outside_brackets(line: str, pattern: re.Pattern = _SEP) -> list[tuple[str, str]]:
    """Pieces of a list line, each with the separator that came before it."""
    out, start, sep = [], 0, ""
    for m in pattern.finditer(_masked(line)):
        out.append((line[start:m.start()], sep))
        start, sep = m.end(), m.group()
    out.append((line[start:], sep))
    return out


def _split_at_titles(piece: str) -> list[str]:
    cuts = [m.start() for m in TITLE_INSIDE.finditer(_masked(piece))]
    bounds = [0] + cuts + [len(piece)]
    return [piece[a:b].lstrip() if a else piece[a:b] for a, b in pairwise(bounds)]


def _split_run_on(piece: str) -> list[str]:
    """"Cllr Sue Lintern Cllr Jim McNeill" → two entries (titles with no separator);
    "Gail Reeve Helen Richardson Parish Clerk" → "Gail Reeve", "Helen Richardson Parish Clerk"
    (four or more plain capitalised words with no initials are two-word names)."""
    out: list[str] = []
    pieces: list[str] = []
    for p in _split_at_titles(piece):
        if pieces and (TITLE_START.fullmatch(pieces[-1].strip() + " ")
                       or LEAD_ROLE.fullmatch(pieces[-1].strip())):
            pieces[-1] += " " + p  # "His Worship" + "Mayor Bowman", "Deputy Speaker" + …
            continue
        last = pieces[-1].split()[-1] if pieces and pieces[-1].split() else ""
        joined = TITLE_START.match(f"{last} {p}") if last else None
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

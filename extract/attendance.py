"""Attendance: present lists, apologies, substitutions.

Steps, each a small function over a Part:
  find_sections   headers ("Present:", "In attendance", "Members of the Public:" …) open a
                  list; the lines under them, up to the first item, sentence or heading, are
                  its entries. Tab-separated header columns and label/value tables
                  ("Attendees | …") are sections too.
  section_people  a section's text → people (people.split_people / parse_person)
  find_apologies  "Apologies were received from …", "Apologies: …", an "Apologies" heading
                  followed by names, "X sent apologies"
  substitutions   "X was replacing Y", "X (substitute for Y)"
Then people who sent apologies are taken out of the attendees (a header box that lists the
whole board), and a minutes part with no list gets an "attendance-missing" flag.
Vocabularies are in patterns/attendance.json and patterns/people.json.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.model import Block, Table

from .model import Apology, Attendee, Evidence, Flag, Meeting
from .parts import Part
from .people import (
    PLURAL_TITLES,
    PersonText,
    add_tail,
    is_officer_role,
    is_role_text,
    join_lines,
    looks_like_name,
    parse_person,
    split_people,
    split_title,
)

EXTRACTOR = "attendance"
_PAT = json.loads((Path(__file__).with_name("patterns") / "attendance.json")
                  .read_text(encoding="utf-8"))
STRONG: dict[str, str] = _PAT["strong_headers"]
WEAK: dict[str, str] = _PAT["weak_headers"]


def _header_re(words) -> re.Pattern:
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                   for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)^\s*(?P<h>{alt})(?![\w-])\s*(?:were|was)?\s*[:;.\-–—]?\s*")


STRONG_RE = _header_re(STRONG)
WEAK_RE = _header_re(WEAK)
APOLOGY_HEAD = re.compile(_PAT["apology_head"], re.IGNORECASE)
APOLOGY_FROM = re.compile(_PAT["apology_from"], re.IGNORECASE)
APOLOGY_SENT = re.compile(_PAT["apology_sent"], re.IGNORECASE)
_NAME = (r"(?:(?:County\s+|District\s+|Borough\s+|Parish\s+|Town\s+)?(?:Councillor|Cllr|"
         r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+")
SUBSTITUTION = re.compile(_PAT["substitution"].replace("NAME", _NAME))
ITEM_START = re.compile(r"^\s*(?:\d{1,3}(?:[./]\d{1,3}){1,3}\.?|\d{1,3}[.)]?|[A-Z]\d{0,2}[.)]"
                        r"|item\s+\d+)(?:\s+|$)", re.IGNORECASE)
DATE_OR_PLACE = re.compile(r"(?i)^\s*(held|on|at|venue|date|time|place)\b|\b(19|20)\d\d\b")
MAX_SECTION_LINES = 80
TITLE_ANYWHERE = re.compile(r"\b(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rev|"
                            r"Revd)\b\.?\s+[A-Z]")
BULLET = re.compile(r"^\s*[•·▪●◦*\-–]\s*")
PUBLIC_COUNT = re.compile(r"(?i)^there\s+(?:were|was)\s+\w+\s+members?\s+of\s+the\s+public"
                          r"(?:\s+present)?\s*[,:;-]?\s*")


@dataclass
class Section:
    category: str
    header: str
    lines: list[tuple[str, Evidence]] = field(default_factory=list)
    one_per_line: bool | None = None  # None: decide from the text
    organisation: str | None = None  # a column header naming the body ("Public Service")


def extract_attendance(part: Part, meeting: Meeting) -> tuple[list[Attendee], list[Apology],
                                                                list[Flag]]:
    flags: list[Flag] = []
    sections = find_sections(part)
    attendees: list[Attendee] = []
    for section in sections:
        people, leftovers = section_people(section)
        attendees.extend(people)
        for text, ev in leftovers:
            flags.append(Flag("attendance-unparsed", f"Could not read a person from "
                              f"{text!r} in the {section.header!r} list.", page=ev.page,
                              evidence=ev))
    attendees = _host_staff(_dedupe_attendees(attendees), meeting.organisation)
    apologies = find_apologies(part)
    attendees = [a for a in attendees if not any(_same_person(a.name, a.title, x.name, x.title)
                                                 for x in apologies)]
    attendees = apply_substitutions(part, attendees)
    if attendees:
        attendees = attending_sentences(part, attendees)
    if part.record == "minutes" and not attendees:
        page = part.pages[0] if part.pages else None
        flags.append(Flag("attendance-missing", "No attendance list (Present / Attendees / "
                          "In attendance) was found in these minutes.", page=page))
    return attendees, apologies, flags


# --------------------------------------------------------------------------- sections

def _ev(block: Block | Table, text: str) -> Evidence:
    return Evidence(page=block.page, block=block.index, extractor=EXTRACTOR, quote=text[:300])


def _match_header(line: str, open_zone: bool) -> tuple[str, str, str] | None:
    """(header, category, rest of line) when the line starts with an attendance header."""
    m = STRONG_RE.match(line)
    table = STRONG
    if not m and open_zone:
        m, table = WEAK_RE.match(line), WEAK
    if not m:
        return None
    head = re.sub(r"\s+", " ", m.group("h")).lower()
    rest = line[m.end():]
    # "Public participation", "Attendance at incidents …": a header word followed by prose
    bare_header = rest and not re.match(r"\s*[:;\-–—\t]|\s*$", line[m.end("h"):])
    if bare_header and (_is_prose(rest) or not rest.lstrip()[:1].isupper()
                        or head in PLURAL_TITLES):
        return None  # "Councillors D Richardson, …" is a title, not a header
    if bare_header and "," not in rest and not TITLE_ANYWHERE.search(rest):
        return None  # "Attendance Monitoring Report": a title, not a list
    return head, table[head], rest


def _is_prose(line: str) -> bool:
    """A sentence rather than a list of names."""
    text = re.sub(r"\([^)]*\)", " ", line)
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    lower = [w for w in words if w[0].islower()
             and w not in ("and", "of", "for", "the", "from", "to", "&", "in", "on", "de",
                           "van", "von", "representing", "with")]
    return len(words) >= 5 and len(lower) >= 3


def _ends_zone(block: Block, line: str, line_no: int) -> bool:
    if re.search(r"(?i)\bapolog", line):
        return True
    if ITEM_START.match(line) and not re.match(r"^\s*\d+\s*$", line) or \
            re.match(r"^\s*\d{1,3}(\.\d+)*\.?\s*$", line):
        return True
    if _is_prose(line):
        return True
    return line_no == 0 and block.kind == "heading" and (block.bold or line.isupper()) \
        and not STRONG_RE.match(line) and not WEAK_RE.match(line)


def find_sections(part: Part) -> list[Section]:
    sections: list[Section] = []
    sections += _table_sections(part)
    current: Section | None = None
    columns: list[Section] | None = None
    last_col: Section | None = None
    lines_in_zone = 0
    for item in part.items:
        if isinstance(item, Table):
            if _is_header_table(item):
                current, columns = None, None
                continue
            found = _table_after_header(item, current)
            sections += found
            current = found[-1] if found else None
            columns = None
            continue
        block = item
        if block.kind == "furniture":
            continue
        for n, raw in enumerate(block.lines):
            raw = BULLET.sub("", raw) if current is not None else raw
            line = raw.strip()
            if not line:
                continue
            cells = [c.strip() for c in raw.split("\t") if c.strip()]
            heads = [_match_header(c, i > 0 or current is not None)
                     for i, c in enumerate(cells)]
            if len(cells) >= 2 and all(h and not h[2].strip() for h in heads) \
                    and len({h[1] for h in heads}) > 1:
                # "Present:\tMembers of the Public:" — a header per column
                columns = [Section(h[1], h[0]) for h in heads]
                sections += columns
                current, lines_in_zone = columns[0], 0
                continue
            head = _match_header(line, current is not None)
            if head:
                h, cat, rest = head
                nested = _match_header(rest.strip(), True) if rest.strip() else None
                if nested and nested[1] == cat and not nested[2].strip():
                    h, cat, rest = nested  # "Present:\tMembers"
                current = Section(cat, h)
                columns = None
                sections.append(current)
                lines_in_zone = 0
                if rest.strip():
                    current.lines.append((rest.strip(), _ev(block, line)))
                continue
            if current is None:
                continue
            if columns and not re.search(r"(?i)\bapolog", line) and not ITEM_START.match(line):
                if "\t" in raw:
                    lines_in_zone += 1
                    for col, cell in zip(columns, raw.split("\t")):
                        cell = PUBLIC_COUNT.sub("", cell.strip())
                        if cell and not _is_prose(cell):
                            col.lines.append((cell, _ev(block, line)))
                            last_col = col
                    continue
                if last_col is not None and last_col is not columns[0] and last_col.lines \
                        and re.search(r"(?i)(,|\band|&)\s*$", last_col.lines[-1][0]):
                    last_col.lines.append((line, _ev(block, line)))  # a wrapped cell
                    continue
            if _ends_zone(block, line, n) or lines_in_zone > MAX_SECTION_LINES:
                current, columns = None, None
                if re.search(r"(?i)\bapolog", line):
                    break
                continue
            if DATE_OR_PLACE.search(line) and not re.search(r"[,(]", line):
                continue  # "HELD IN THE VILLAGE HALL", "ON 28th March 2019"
            lines_in_zone += 1
            current.lines.append((line, _ev(block, line)))
    return [s for s in sections if s.lines]


def _is_header_table(table: Table) -> bool:
    rows = table.texts()
    return bool(rows) and any(_match_header(c.strip(), False) for c in rows[0] if c.strip())


def _table_sections(part: Part) -> list[Section]:
    """Label/value rows ("Attendees | A, B, C"), and tables whose header row names the
    groups ("MEMBERS PRESENT | WINNIPEG PUBLIC SERVICE")."""
    out: list[Section] = []
    for table in part.tables:
        rows = table.texts()
        if not rows:
            continue
        first = [c.strip() for c in rows[0]]
        heads = [_match_header(c, True) if c else None for c in first]
        header_table = len(first) >= 2 and any(
            h and STRONG_RE.match(c) for h, c in zip(heads, first)) and all(
            not h or not h[2].strip() for h in heads) and len(rows) > 1
        for row in rows if not header_table else []:
            cells = [c.strip() for c in row]
            if len(cells) >= 2 and cells[0] and cells[1] and not COLUMN_LABEL.match(cells[1]):
                m = STRONG_RE.match(cells[0]) or WEAK_RE.match(cells[0])
                if m and not cells[0][m.end():].strip():
                    head = re.sub(r"\s+", " ", m.group("h")).lower()
                    cat = STRONG.get(head) or WEAK.get(head, "other")
                    if head == "invited":
                        cat = "officer"
                    s = Section(cat, head, one_per_line=False)
                    s.lines.append((cells[1], _ev(table, cells[1])))
                    out.append(s)
        if header_table:
            cols = []
            for c, h in zip(first, heads):
                if h:
                    cols.append(Section(h[1], h[0], one_per_line=True))
                else:
                    cat = WEAK.get(_last_words(c), "other")
                    cols.append(Section(cat, c.lower(), one_per_line=True,
                                        organisation=c.title() if c.isupper() else c))
            for row in rows[1:]:
                for col, cell in zip(cols, row):
                    for line in cell.split("\n"):
                        if line.strip():
                            col.lines.append((line.strip(), _ev(table, line)))
            out += cols
    return out


def _last_words(text: str) -> str:
    words = text.lower().split()
    for n in range(len(words)):
        key = " ".join(words[n:])
        if key in WEAK:
            return key
    return ""


COLUMN_LABEL = re.compile(r"(?i)^(names?|members?|attendees?|representing|organi[sz]ations?|"
                          r"roles?|positions?|titles?|bod(?:y|ies)|on behalf of|agency|"
                          r"job titles?|department)$")


def _table_after_header(table: Table, current: Section | None) -> list[Section]:
    """A name | organisation table: right under "Present:", or headed by a group name
    ("Co-opted members | Representing")."""
    rows = table.texts()
    if not rows or not rows[0]:
        return []
    first = rows[0][0].strip()
    head = _match_header(first, current is not None)
    if head and not head[2].strip() and len(rows) > 1:
        s = Section(head[1], head[0], one_per_line=True)
        rows = rows[1:]
    elif current is not None:
        s = Section(current.category, current.header, one_per_line=True)
    else:
        return []
    if rows and all(COLUMN_LABEL.match(c.strip()) for c in rows[0] if c.strip()):
        rows = rows[1:]
    if any(len([c for c in r if c.strip()]) > 4 for r in rows):
        return []  # a data table, not a list of people
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        if not cells:
            continue
        split = [c.split("\n") for c in cells]
        if len(cells) > 1 and len(split[0]) > 1 and all(len(x) == len(split[0]) for x in split):
            pairs = list(zip(*split))  # one person per line of each cell
        else:
            pairs = [tuple(c.replace("\n", " ") for c in cells)]
        for cell_lines in pairs:
            text = cell_lines[0] + ("\t- " + ", ".join(cell_lines[1:])
                                    if len(cell_lines) > 1 else "")
            s.lines.append((text, _ev(table, text)))
    return [s] if s.lines else []


# --------------------------------------------------------------------------- people

def section_people(section: Section) -> tuple[list[Attendee], list[tuple[str, Evidence]]]:
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


def _entries(section: Section) -> list[tuple[str, Evidence]]:
    text = "\n".join(t for t, _ in section.lines)
    evs = [ev for _, ev in section.lines]
    dash = sum(bool(re.search(r"\t[-–—]|\s[-–—]\s", t)) for t, _ in section.lines)
    if dash >= max(2, len(section.lines) // 2):
        return _dash_entries(section)
    one_per_line = section.one_per_line
    if one_per_line is None:
        one_per_line = all(_single_entry_line(t) for t, _ in section.lines)
    out: list[tuple[str, Evidence]] = []
    if one_per_line:
        for t, ev in section.lines:
            if "," in t and _single_entry_line(t):
                out.append((t.strip(), ev))  # "Mr. M. Lemoine, Deputy City Clerk"
                continue
            for c in split_people(t, one_per_line=True):
                out.append((c, ev))
        return out
    for c in split_people(text):
        ev = next((e for e in evs if c.split()[0] in e.quote), evs[0])
        out.append((c, ev))
    return out


def _single_entry_line(line: str) -> bool:
    """A line that holds one person: no comma, or "Name, Role" / "Role, Name"."""
    bare = re.sub(r"\([^)]*\)", "", line).strip()
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
    return len(bits) == 2 and any(is_role_text(split_title(b)[1]) for b in bits)


def _dash_entries(section: Section) -> list[tuple[str, Evidence]]:
    """"Name\\t- Organisation" lines; a line without a dash continues the name when the
    name so far is a title and one word ("County Councillor Sue" / "Prynn (Chair)"),
    else the organisation."""
    out: list[list] = []
    for t, ev in section.lines:
        if re.search(r"\t[-–—]?|\s[-–—]\s", t) or not out:
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


def _is_count(chunk: str) -> bool:
    return bool(re.search(r"\d", chunk)) and not re.search(r"[A-Z][a-z]+\s+[A-Z][a-z]+", chunk) \
        or bool(re.match(r"(?i)^(none|nil|no one|n/a|there were|members of the public)\b",
                         chunk))


def _lead_role_only(chunk: str) -> bool:
    return bool(re.match(r"(?i)^(the\s+)?(deputy\s+|vice[\s-])?(speaker|chair\w*|clerk|mayor)"
                         r"\s*,?$", chunk.strip()))


def _attach(p: PersonText, chunk: str) -> None:
    inner = re.findall(r"\(([^)]*)\)", chunk)
    text = re.sub(r"\([^)]*\)", " ", chunk).strip(" ,.")
    for i in inner:
        if re.fullmatch(r"[A-Z][A-Za-z]{0,4}", i.strip()) and not p.initials:
            p.initials = i.strip()
    add_tail(p, text)


def _attendee(p: PersonText, section: Section, ev: Evidence | None) -> Attendee:
    category = section.category
    if p.substitute_for:
        category = "substitute"
    elif category in ("member", "other") and is_officer_role(p.role) and not re.search(
            r"(?i)\b(chair|vice|honorary|member)\b", p.role or ""):
        category = "officer"
    elif category == "public" and p.title and re.search(r"(?i)cllr|councillor", p.title):
        category = "other"
    return Attendee(name=p.name, title=p.title, category=category,  # type: ignore[arg-type]
                    role=p.role, organisation=p.organisation or section.organisation,
                    initials=p.initials, substitute_for=p.substitute_for,
                    arrived=p.arrived, left=p.left, evidence=ev)


def _host_staff(people: list[Attendee], host: str | None) -> list[Attendee]:
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


def _norm(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", (name or "").lower())]


def _same_person(a: str, ta: str | None, b: str, tb: str | None) -> bool:
    wa, wb = _norm(a), _norm(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    if ta and tb:
        ga, gb = _gender(ta), _gender(tb)
        if ga and gb and ga != gb:
            return False
    fa, fb = wa[:-1], wb[:-1]
    if not fa or not fb:
        return True
    return fa[0][0] == fb[0][0] and (len(fa[0]) == 1 or len(fb[0]) == 1 or fa[0] == fb[0])


def _gender(title: str) -> str | None:
    t = title.lower().strip(".")
    return {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
            "dame": "f", "lady": "f"}.get(t)


def _dedupe_attendees(people: list[Attendee]) -> list[Attendee]:
    out: list[Attendee] = []
    for p in people:
        same = next((o for o in out if o.name == p.name and (o.title or "") == (p.title or "")),
                    None)
        if same is None:
            out.append(p)
    return out


# --------------------------------------------------------------------------- apologies

def _texts(part: Part) -> list[tuple[str, Evidence, bool]]:
    """Block texts and table cell texts in reading order: (text, evidence, is_heading)."""
    out: list[tuple[str, Evidence, bool]] = []
    for item in part.items:
        if isinstance(item, Table):
            for row in item.texts():
                for cell in row:
                    if cell.strip():
                        out.append((cell, _ev(item, cell), False))
        elif item.kind != "furniture":
            out.append((item.text, _ev(item, item.text), item.kind == "heading"))
    return out


def find_apologies(part: Part) -> list[Apology]:
    """Apologies in every shape; in an agenda only a sentence naming who sent them counts
    (an agenda's "Apologies" item is followed by its presenter, not by names)."""
    found: list[Apology] = []
    minutes = part.record == "minutes"
    texts = _texts(part)
    for i, (text, ev, _heading) in enumerate(texts):
        if not re.search(r"(?i)apolog", text):
            continue
        lines = text.split("\n")
        for n, line in enumerate(lines):
            if not re.search(r"(?i)apolog", line):
                continue
            joined = join_lines("\n".join(lines[n:]))
            m = APOLOGY_FROM.search(joined)
            if m:
                found += _apology_list(_sentence(joined[m.end():]), ev)
                continue
            m = APOLOGY_SENT.search(joined)
            if m:
                before = joined[:m.start()]
                found += _apology_list(before.split(".")[-1], ev)
                continue
            h = APOLOGY_HEAD.match(line)
            if not h or not minutes:
                continue
            rest = line[h.end():].strip()
            if rest:
                found += _apology_list(_sentence(rest), ev, strict=True)
                continue
            # heading alone: the names follow in this block or the next ones
            follow = "\n".join(lines[n + 1:]).strip()
            if follow:
                if not APOLOGY_FROM.search(follow):
                    found += _apology_list(_sentence(join_lines(follow)), ev, strict=True)
                break
            for text2, ev2, heading2 in texts[i + 1:i + 30]:
                if heading2 or APOLOGY_FROM.search(text2) or re.search(r"(?i)apolog", text2):
                    break  # the next text is handled on its own (or is a heading)
                names = _apology_list(_sentence(join_lines(BULLET.sub("", text2))), ev2,
                                      strict=True)
                if not names:
                    break
                found += names
                if len(text2.split("\n")) > 1 or "," in text2:
                    break  # a whole list in one block
            break
    return _dedupe_apologies(found)


def _sentence(text: str) -> str:
    """The list up to the end of its sentence: a full stop after a word that is not an
    initial or a title abbreviation."""
    for m in re.finditer(r"\.(?=\s|$)|[;:]", text):
        if m.group() in ";:":
            return text[:m.start()]
        before = re.findall(r"[\w'’-]+$", text[:m.start()])
        word = before[0] if before else ""
        if len(word) <= 1 or word.lower() in ("mr", "mrs", "ms", "dr", "cllr", "st", "prof",
                                               "rev", "revd"):
            continue
        return text[:m.start()]
    return text


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


def _dedupe_apologies(items: list[Apology]) -> list[Apology]:
    out: list[Apology] = []
    for a in items:
        if not any(o.name == a.name and (o.title or "") == (a.title or "") for o in out):
            out.append(a)
    return out


# --------------------------------------------------------------------------- sentences

ATTENDING = re.compile(r"(?m)^\s*(?P<who>[A-Z][^.\n]{2,200}?)\s+(?:was|were)\s+(?:also\s+)?"
                       r"(?P<how>observing|in\s+attendance|present|attending)\b")


def attending_sentences(part: Part, attendees: list[Attendee]) -> list[Attendee]:
    """"Amelia Brummett, East Lancashire CCG was observing this meeting." → an attendee
    (category other) when the list did not already name them."""
    for block in part.blocks[:60]:
        m = ATTENDING.match(block.text.replace("\n", " "))
        if not m or _is_prose(m.group("who")):
            continue
        who = m.group("who")
        chunks = [who] if _single_entry_line(who) else split_people(who)
        for chunk in chunks:
            p = parse_person(chunk)
            if p is None or not looks_like_name(p.name) or len(p.name.split()) < 2 \
                    and not p.title:
                continue
            if any(_same_person(a.name, a.title, p.name, p.title) for a in attendees):
                continue
            role = "Observer" if m.group("how") == "observing" else p.role
            attendees.append(Attendee(name=p.name, title=p.title, category="other", role=role,
                                      organisation=p.organisation,
                                      evidence=_ev(block, m.group(0))))
    return attendees


# --------------------------------------------------------------------------- substitutes

def apply_substitutions(part: Part, attendees: list[Attendee]) -> list[Attendee]:
    for block in part.blocks[:80]:
        _substitutions_in(block, attendees)
    return attendees


def _substitutions_in(block: Block, attendees: list[Attendee]) -> None:
    text = join_lines(block.text)
    for m in SUBSTITUTION.finditer(text):
        who = split_people(m.group("a"), one_per_line=True) or [m.group("a")]
        ta, a = split_title(who[-1])  # "… and Cllr Carl Black Cllr Carl Black": the last one
        _tb, b = split_title(m.group("b"))
        if not looks_like_name(a) or not looks_like_name(b):
            continue
        hit = next((x for x in attendees if _same_person(x.name, x.title, a, ta)), None)
        if hit is None:
            hit = Attendee(name=a, title=ta, category="substitute",
                           evidence=_ev(block, m.group(0)))
            attendees.append(hit)
        hit.category = "substitute"
        hit.substitute_for = b

"""Resolutions: formal decisions of a meeting, each numbered sub-decision its own entry,
tied to the agenda item it falls under.

Three sources, composed in `extract_resolutions`:
- formal lead-ins ("RESOLVED that …", "Resolved: (i) … (ii) …", "Decision:", "Agreed:", a
  "Resolved:" line of its own followed by i)–iv) paragraphs, "RESOLVED that Council:"
  followed by enumerated paragraphs), with the lead-in word dropped (here);
- decision sentences ("It was agreed …", "The Board agreed …"; `sentences`);
- tables: disposition tables and planning comments (`tables`).
Vocabulary lives in resolutions.json. Proposed motions quoted before the vote are
not decisions; nor are other bodies' decisions, nor anything in an agenda: its
recommendations are proposals, and its reports cite past decisions of other bodies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..document.parts import Part
from ..document.sections import sections
from ..document.textunits import Segment, clean, enumerator, segments
from ..model import Flag, Meeting, Resolution
from ..vocab import load_vocab
from .sentences import (
    Context,
    heading_decisions,
    heading_title,
    sentence_decisions,
)
from .elections import election_roles, is_lead
from .motions import Motion, opens
from .tables import disposition_rows, is_structured_table, planning_rows, with_row_subject

EXTRACTOR = "resolutions@1"
MAX_SUBS = 20


@lru_cache(maxsize=1)
def _p() -> dict:
    raw = load_vocab(__package__, "resolutions.json")
    return {
        "leadin": re.compile(raw["formal_leadin"]),
        "at": re.compile(raw["formal_at"]),
        "enum": enumerator(),
        "sub_stop": re.compile(raw["sub_stop"], re.IGNORECASE),
        "connector": re.compile(raw["connector"], re.IGNORECASE),
    }


def extract_resolutions(part: Part, meeting: Meeting) -> tuple[list[Resolution], list[Flag]]:
    if part.record != "minutes":
        return recorded_votes(part)
    smap = sections(part)
    found: list[Resolution] = []
    structured: set[int] = set()
    for table in part.tables:
        if is_structured_table(table):  # payments "APPROVED FOR PAYMENT" are not motions
            structured.add(table.index)
            continue
        rows = disposition_rows(table, smap) or planning_rows(table, smap)
        if rows:
            structured.add(table.index)
        found += rows
    segs = segments(part, smap, skip_tables=structured)
    tables = {t.index for t in part.tables}
    for seg in segs:
        if seg.index in tables:  # a minute in a table row: that row's item, not the table's
            seg.item = smap.item(seg.index, seg.raw)
    decided, unresolved = text_resolutions(segs, tables)
    found += with_row_subject(decided, part.tables)
    return _dedupe(found), unresolved


def recorded_votes(part: Part) -> tuple[list[Resolution], list[Flag]]:
    """A part read as an agenda that records motions carried ("Moved by X to adopt. Motion
    Carried 7-0.") is minutes in fact: an agenda proposes, it records no votes. Only those
    carried motions are read (an agenda's recommendations stay proposals), with a flag so the
    clerk can check the part's record."""
    smap = sections(part)
    segs = segments(part, smap)
    if not any(opens(s.text) for s in segs):  # most agendas: no sentence scan at all
        return [], []
    # an agenda's motions await their meeting: no outcome is expected, so none is flagged
    found = _dedupe(text_resolutions(segs, {t.index for t in part.tables}, votes_only=True)[0])
    if not found:
        return [], []
    page = found[0].evidence.page if found[0].evidence else None
    return found, [Flag("votes-in-agenda", f"{len(found)} carried motion(s) read in a part "
                        "taken for an agenda; check whether it is minutes.", page=page)]


# --- running text -------------------------------------------------------------------------

def text_resolutions(segs: list[Segment], tables: set[int] | None = None,
                     votes_only: bool = False) -> tuple[list[Resolution], list[Flag]]:
    """Decisions of running text (`votes_only`: only those of carried motions), and a flag
    for each motion whose outcome was not read."""
    out: list[Resolution] = []
    ctx = Context(tables=tables or set())
    i = 0
    while i < len(segs):
        seg = segs[i]
        ctx.enter(seg)
        text = clean(seg.text)
        if i and _continues(segs[i - 1], seg):
            # "… repairs for £250. It" / "was agreed that NO will ask him to proceed." over a
            # page break, the second half set as a heading
            tail = _tail(segs[i - 1].text)
            if out and out[-1].text.endswith(tail):
                out.pop()  # the half-sentence already taken is the start of this one
            text = f"{tail} {text}"
            seg = replace(seg, text=text, heading=False)
        m = _p()["at"].search(text) if text and not seg.quoted else None
        if seg.quoted or not text or (seg.heading and not (m and m.start() == 0)):
            if seg.heading and text:
                ctx.set_heading(seg, heading_title(text))
                if not (i and segs[i - 1].raw == seg.raw):  # once per heading block
                    made = heading_decisions(seg)
                    ctx.motions.followed_by(bool(made))
                    out += made
            i += 1
            continue
        if m is None and is_lead(text):
            found, nxt = election_roles(segs, i)
            if found:
                out += found
                i = nxt
                continue
        if m is None:
            heading = _heading_before(segs, i)
            out += sentence_decisions(seg, text, ctx, heading)
            i += 1
            continue
        if m.start() > 0:
            out += sentence_decisions(seg, text[:m.start()], ctx)
            text = text[m.start():]
        ctx.motions.close(recorded=True)  # the RESOLVED records the motion's outcome itself
        ctx.motions.followed_by(True)
        found, i = _formal(segs, i, text)
        out += found
    ctx.motions.close()
    gone = {id(r) for r in ctx.motions.superseded or []}
    votes = {id(r) for r in ctx.motions.made or []}
    return ([r for r in out if id(r) not in gone and (id(r) in votes or not votes_only)],
            [no_outcome_flag(m) for m in ctx.motions.unresolved or []])


def no_outcome_flag(motion: Motion) -> Flag:
    """A motion kept out of the resolutions (no outcome read), shown to the clerk."""
    seg, text = motion.seg, clean(motion.text)
    return Flag("motion-no-outcome", f"Motion with no outcome recorded, not taken as a "
                f"decision (carried, lost or withdrawn?): {text[:200]}", page=seg.page,
                evidence=seg.evidence(EXTRACTOR, text))


def _continues(before: Segment, seg: Segment) -> bool:
    """A segment opening in lower case after one that stops mid-sentence carries it on."""
    return bool(re.match(r"^[a-z]{2,}\b", seg.text)) and not seg.enumerated \
        and before.item == seg.item and not before.heading \
        and not re.search(r"[.:;!?”)]\s*$", before.text)


def _tail(text: str) -> str:
    """The unfinished sentence at the end of a text: "… for £250. It" -> "It"."""
    return re.split(r"(?<=[.!?])\s+", clean(text))[-1]


def _heading_before(segs: list[Segment], i: int) -> str | None:
    """The title of the heading segment just before, in the same item."""
    if i and segs[i - 1].heading and segs[i - 1].item == segs[i].item:
        return heading_title(segs[i - 1].text)
    return None


def _strip_leadin(text: str) -> str:
    m = _p()["leadin"].search(text)
    rest = text[m.end():] if m else text
    return rest.strip(" :;–-—")


def _formal(segs: list[Segment], i: int, text: str) -> tuple[list[Resolution], int]:
    """One formal lead-in at segs[i] (text from the lead-in on): its decisions, and where
    the scan goes on."""
    seg = segs[i]
    body = _strip_leadin(text)
    if text.rstrip().endswith(":") and not body.endswith(":"):
        body += ":"
    if not body.strip(":") and i + 1 < len(segs) and segs[i + 1].quoted:
        return _quoted(segs, i + 1, seg.item)
    if not body or body.endswith(":") or re.fullmatch(r"(?i)^(that\s+)?[\w\s]{0,40}:", body):
        subs, nxt = collect_subs(segs, i + 1, seg.item)
        return _from_subs(seg, body, subs), nxt
    out = [Resolution(seg.item, p, seg.evidence(EXTRACTOR, p))
           for p in map(strip_enum, split_inline(body))]
    kind = enum_kind(body)
    if kind is None:
        return out, i + 1
    # "RESOLVED: (A) That … " on the lead-in line, "(B) That …" on the lines after it
    subs, nxt = collect_subs(segs, i + 1, seg.item, kind=kind)
    return out + _from_subs(seg, "", subs), nxt


def _quoted(segs: list[Segment], start: int, item: str | None) -> tuple[list[Resolution], int]:
    """ "And Resolved:" over a quoted resolution ("“That, pursuant to … refers.”"), set over
    several lines: the quotation is the decision (a quotation before the vote is not)."""
    i, lines = start, []
    while i < len(segs) and segs[i].quoted and segs[i].item == item and len(lines) < MAX_SUBS:
        lines.append(clean(segs[i].text))
        i += 1
        if lines[-1].endswith(("”", '"')):
            break
    text = " ".join(lines).strip("“”\" ")
    if not text:
        return [], i
    return [Resolution(item, text, segs[start].evidence(EXTRACTOR, text))], i


@dataclass
class Sub:
    """One sub-decision: its text, its own lead ("This Council believes that:"), its
    enumerator kind, and the segment it came from."""

    text: str
    lead: str | None
    kind: str | None
    seg: Segment


def collect_subs(segs: list[Segment], start: int, item: str | None,
                 kind: str | None = None) -> tuple[list[Sub], int]:
    """Paragraphs after "RESOLVED that Council:" (or a "Resolved:" line of its own) up to
    the next item, heading, numbered minute paragraph ("4) The Chairman …"), "Action:"
    line, or prose that is not another clause of the same decision."""
    p = _p()
    subs: list[Sub] = []
    lead: str | None = None
    plain_first: str | None = None  # first word of the first unenumerated clause
    i = start
    while i < len(segs) and len(subs) < MAX_SUBS:
        s = segs[i]
        text = clean(s.text)
        if subs and s.index == subs[-1].seg.index and not s.heading and enum_kind(text) is None:
            last = subs[-1]  # the rest of a sub-decision whose first line was set as a heading
            subs[-1] = Sub(f"{last.text} {text}", last.lead, last.kind,
                           replace(last.seg, text=f"{last.seg.text} {text}"))
            i += 1
            continue
        if s.item != item or s.quoted or p["sub_stop"].match(text) or \
                (s.heading and not _heading_sub(text, kind, subs)):
            break
        if p["connector"].fullmatch(text):  # "And;" between two lists
            i += 1
            continue
        k = enum_kind(text)
        if k is None:
            if text.endswith(":"):
                lead, kind = text, None  # a list of its own follows
                i += 1
                continue
            if kind is not None or not _parallel(plain_first, text, len(subs)):
                break
            plain_first = plain_first or text.split()[0].lower()
        elif kind is None:
            kind = k
        elif k != kind:
            break
        subs.append(Sub(strip_enum(text), lead, k, s))
        i += 1
    return subs, i


def _heading_sub(text: str, kind: str | None, subs: list[Sub]) -> bool:
    """A line set as a heading that is still part of the decision: its list's lead ("That
    the Committee:") before any sub-decision, or the next number of the list ("3. Authorised
    …" after 1. and 2.; a heading "12. Budget" after 1.–4. is the next item)."""
    if not subs:
        return bool(re.match(r"(?i)that\b.{0,80}:$", text)) or _number(text) == 1
    return kind is not None and enum_kind(text) == kind and _number(text) == \
        (_number(subs[-1].seg.text) or 0) + 1


def _number(text: str) -> int | None:
    m = re.match(r"^\s*\(?(\d{1,2})[.)]", text)
    return int(m.group(1)) if m else None


def _parallel(first_word: str | None, text: str, taken: int) -> bool:
    """Unnumbered clauses of one decision: the first always; then up to two more that open
    as it did ("Members note …" / "Members continue …") or with "That"."""
    if first_word is None:
        return taken == 0
    word = text.split()[0].lower() if text.split() else ""
    return taken < 3 and (word == first_word or word == "that")


def _from_subs(seg: Segment, body: str, subs: list[Sub]) -> list[Resolution]:
    if not subs:
        return []
    prefix = body if body and not re.fullmatch(r"(?i)^(that\s+)?\w*(\s+\w+){0,3}\s*:", body) \
        else ""
    if prefix and _topic_list(subs):
        # "… have items at future meetings with regards to: • Health assessments • …" is one
        # decision about a list of topics, not one decision per bullet
        text = f"{prefix} {', '.join(s.text.rstrip(';,.') for s in subs)}"
        return [Resolution(seg.item, text, seg.evidence(EXTRACTOR, text))]
    out: list[Resolution] = []
    for sub in subs:
        if sub.lead:
            full = f"{sub.lead} {sub.seg.text}" if sub.kind else f"{sub.lead} {sub.text}"
        elif prefix and len(prefix) > 25:
            full = f"{prefix} {sub.text}"
        else:
            full = sub.text
        out.append(Resolution(sub.seg.item, clean(full), sub.seg.evidence(EXTRACTOR, sub.text)))
    return out


def _topic_list(subs: list[Sub]) -> bool:
    """Bullets of a few words each, none a clause of its own: the objects of one decision."""
    return all(s.kind == "bullet" and len(s.text.split()) <= 6 and not
               re.match(r"(?i)that\b", s.text) and not s.text.endswith(".") for s in subs)


def split_inline(text: str) -> list[str]:
    """"1) That … 2) That …" or "(a) … (b) …" inside one line → the separate decisions."""
    parts = re.split(r"\s(?=(?:\d{1,2}\)|\([a-hA-H]\)|\([ivx]{1,4}\))\s)", " " + text)
    parts = [p.strip() for p in parts if p.strip()]
    return parts if len(parts) > 1 else [text]


def enum_kind(text: str) -> str | None:
    if re.match(r"^\(?[ivx]{1,4}\)", text):
        return "roman"
    if re.match(r"^\(?[a-h][.)]{1,2}\s", text) or re.match(r"^\([A-H]\)", text):
        return "alpha"
    if re.match(r"^\d{1,2}\.", text):
        return "num."
    if re.match(r"^\d{1,2}\)", text):
        return "num)"
    if re.match(r"^[•●▪\uf0b7]", text):
        return "bullet"
    return None


def strip_enum(text: str) -> str:
    return _p()["enum"].sub("", text, count=1).strip()


def _dedupe(found: list[Resolution]) -> list[Resolution]:
    """One entry per decision of an item: the same words under two items ("Members resolved
    to back the proposal." under 6 and under 7) are two decisions."""
    out: list[Resolution] = []
    seen: set[tuple[str | None, str]] = set()
    for r in found:
        r.text = clean(r.text)
        key = (r.item, re.sub(r"\W+", " ", r.text.lower()).strip())
        if len(key[1]) < 6 or key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out

"""Resolutions: formal decisions, each numbered sub-decision its own entry.

Three sources, composed in `extract_resolutions`:
- formal lead-ins in running text ("RESOLVED that …", "Resolved: (i) … (ii) …", "RESOLVED that
  Council:" followed by enumerated paragraphs), with the lead-in word dropped;
- decision sentences ("It was agreed …", "The Board agreed …", "… were approved …",
  "X proposed and Y seconded that …", "… all in favour", "AGREED."), with the vote record
  that follows kept in the same entry;
- tables: disposition tables (a last column of ADOPTED / CARRIED / PASSED) and a parish
  council's own planning comments (one "NO OBJECTION" per application row).
Vocabulary lives in patterns/resolutions.json. Proposed motions quoted before the vote are
not decisions; nor are other bodies' decisions (district "APPROVED" lists).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Table

from .model import Evidence, Flag, Meeting, Resolution
from .parts import Part
from .sections import SectionMap, load_patterns, sections
from .textunits import Segment, clean, segments, split_sentences

EXTRACTOR = "resolutions@1"
VOTE = re.compile(r"(?i)^\s*(?:proposed\.?$|agreed\s+unanimously|carried|motion\s+carried)"
                  r"|\b(?:seconded|in\s+favour|abstained|abstention|against)\b")


@lru_cache(maxsize=1)
def _p() -> dict:
    raw = load_patterns("resolutions.json")
    return {
        "leadin": re.compile(raw["formal_leadin"]),
        "start": re.compile(raw["formal_start"]),
        "sentence": [re.compile(s, re.I) for s in raw["sentence"]],
        "reject": [re.compile(s, re.I) for s in raw["reject"]],
        "planning_ref": re.compile(raw["planning_ref"]),
        "planning_outcome": re.compile(raw["planning_outcome"]),
        "disposition": re.compile(raw["disposition"]),
        "table_skip": re.compile(raw["table_skip"]),
        "placeholder": re.compile(raw["placeholder"], re.I),
        "enum": re.compile(raw["enumerator"]),
    }


def extract_resolutions(part: Part, meeting: Meeting) -> tuple[list[Resolution], list[Flag]]:
    smap = sections(part)
    found: list[Resolution] = []
    structured: set[int] = set()
    for table in part.tables:
        rows = disposition_rows(table, smap) or planning_rows(table, smap)
        if rows or is_structured_table(table):
            structured.add(table.index)
        found += rows
    found += planning_block_rows(part, smap)
    found += text_resolutions(segments(part, smap, skip_tables=structured))
    return _dedupe(found), []


# --- running text -------------------------------------------------------------------------

def is_formal(text: str) -> bool:
    return bool(_p()["start"].match(text)) or bool(
        re.search(r"\b(?:RESOLVED|It\s+was\s+(?:therefore\s+)?resolved)\b", text))


def _strip_leadin(text: str) -> str:
    m = _p()["leadin"].search(text)
    rest = text[m.end():] if m else text
    return rest.strip(" :–-—")


def _split_inline(text: str) -> list[str]:
    """"1) That … 2) That …" or "(a) … (b) …" inside one line → the separate decisions."""
    parts = re.split(r"\s(?=(?:\d{1,2}\)|\([a-hA-H]\)|\([ivx]{1,4}\))\s)", " " + text)
    parts = [p.strip() for p in parts if p.strip()]
    return parts if len(parts) > 1 else [text]


def _is_decision_sentence(s: str) -> bool:
    p = _p()
    if any(r.search(s) for r in p["reject"]):
        return False
    return any(r.search(s) for r in p["sentence"])


def _collect_subs(segs: list[Segment], start: int, lead: str) -> tuple[list[str], int]:
    """Paragraphs after "RESOLVED that Council:" up to the next item, heading or numbered
    minute paragraph ("4) The Chairman …")."""
    subs: list[str] = []
    i = start
    first_enum = None
    while i < len(segs) and len(subs) < 12:
        s = segs[i]
        if s.item != segs[start - 1].item or s.heading:
            break
        text = s.text.strip()
        if re.match(r"^\d{1,2}\)\s", text) and first_enum is None and subs:
            break
        if re.match(r"^\d{1,2}\)", text) and first_enum not in (None, "num)"):
            break
        if re.match(r"(?i)^(?:in accordance|following|motion|the chairman|mr |mrs |ms )", text):
            break
        kind = _enum_kind(text)
        if first_enum is None:
            first_enum = kind
        elif kind != first_enum and kind is not None and first_enum is not None:
            break
        subs.append(clean(text))
        i += 1
        if kind is None and first_enum is None and len(subs) >= 2:
            break
    return subs, i


def _enum_kind(text: str) -> str | None:
    if re.match(r"^\(?[ivx]{1,4}\)", text):
        return "roman"
    if re.match(r"^\(?[a-h]\)", text) or re.match(r"^\([A-H]\)", text):
        return "alpha"
    if re.match(r"^\d{1,2}\.", text):
        return "num."
    if re.match(r"^\d{1,2}\)", text):
        return "num)"
    if re.match(r"^[•●▪\uf0b7]", text):
        return "bullet"
    return None


FORMAL_AT = re.compile(r"(?:^|(?<=[\s.]))(?:\d{1,2}\)\s*)?(?:RESOLVED\b|It\s+was\s+(?:therefore\s+)?"
                       r"resolved\b|Resolved\s*[:–-]|DECISION\s*:|Decision\s*:)")


def text_resolutions(segs: list[Segment]) -> list[Resolution]:
    out: list[Resolution] = []
    i = 0
    while i < len(segs):
        seg = segs[i]
        text = clean(seg.text)
        if seg.quoted or not text or seg.heading:
            i += 1
            continue
        m = FORMAL_AT.search(text)
        if m and m.start() > 0:
            out += _sentence_decisions(seg, text[:m.start()])
            text = text[m.start():]
        if m:
            body = _strip_leadin(text)
            lead = text[: len(text) - len(body)]
            if text.rstrip().endswith(":") and not body.endswith(":"):
                body += ":"
            inner = [clean(t) for t in re.split(r"\n(?=\s*(?:[•\uf0b7]|\(?[a-h]\)|\(?[ivx]{1,4}\)))",
                                                 seg.raw) if t.strip()]
            if not body or body.endswith(":") or re.fullmatch(r"(?i)(that\s+)?[\w\s]{0,40}:", body):
                if len(inner) > 1:
                    subs = [_strip_enum(x) for x in inner[1:]]
                    nxt = i + 1
                else:
                    subs, nxt = _collect_subs(segs, i + 1, lead)
                    subs = [_strip_enum(x) for x in subs]
                prefix = body if body and not re.fullmatch(r"(?i)(that\s+)?\w*(\s+\w+){0,3}\s*:",
                                                           body) else ""
                for sub in subs:
                    full = f"{prefix} {sub}".strip() if prefix and len(prefix) > 25 else sub
                    out.append(Resolution(seg.item, full, seg.evidence(EXTRACTOR, sub)))
                i = nxt
                continue
            for piece in map(_strip_enum, _split_inline(body)):
                out.append(Resolution(seg.item, piece, seg.evidence(EXTRACTOR, piece)))
            i += 1
            continue
        out += _sentence_decisions(seg, text)
        i += 1
    return out


def _strip_enum(text: str) -> str:
    return _p()["enum"].sub("", text, count=1).strip()


def _mask_quotes(s: str) -> str:
    return re.sub(r"“[^”]*”", "“…”", s)


LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|\(?[a-h]\)|\(?[ivx]{1,4}\))\s+")
BARE_OUTCOME = re.compile(r"(?i)^\s*(?:it\s+was\s+)?(?:agreed|approved|carried)(?:\s+unanimously)?\s*[.!]?\s*$")
MID_LEADIN = re.compile(r"(?i),?\s*\band\s+(?=it\s+was\s+(?:\w+\s+)?(?:agreed|resolved)\b)")


def _sentence_decisions(seg: Segment, text: str) -> list[Resolution]:
    out: list[Resolution] = []
    last: Resolution | None = None
    previous = ""
    for s in split_sentences(text):
        s = LEADING_NUMBER.sub("", s, count=1)
        masked = _mask_quotes(s)
        is_vote = bool(VOTE.search(masked)) and not re.search(r"\bthat\b", masked)
        if last is not None and (BARE_OUTCOME.match(masked) or is_vote):
            last.text = f"{last.text} {s}"
            continue
        if BARE_OUTCOME.match(masked) or re.search(r"[.,]\s*AGREED\.?\s*$", masked):
            if BARE_OUTCOME.match(masked) and previous:
                if not _is_decision_sentence(previous) and any(
                        r.search(previous) for r in _p()["reject"]):
                    last = None
                    continue
                s = f"{previous} {s}"
            last = Resolution(seg.item, s, seg.evidence(EXTRACTOR, s))
            out.append(last)
        elif _is_decision_sentence(masked):
            parts = MID_LEADIN.split(s, maxsplit=1)
            if len(parts) == 2 and len(parts[0]) > 20 and len(parts[1].split()) > 6:
                s = parts[1][:1].upper() + parts[1][1:]
            if len(s.split()) < 7 and previous and not _is_decision_sentence(previous):
                s = f"{previous} {s}"  # "The Councillors agreed all satisfactory." needs context
            last = Resolution(seg.item, s, seg.evidence(EXTRACTOR, s))
            out.append(last)
        else:
            last = None
        previous = s
    return out


# --- tables -----------------------------------------------------------------------------

def is_structured_table(table: Table) -> bool:
    """Action tables and payment/finance tables hold no decision prose."""
    head = " ".join(c.text.lower() for c in (table.rows[0] if table.rows else []))
    return bool(re.search(r"\baction\b.*\b(owner|by whom|responsib|update|lead)\b|\bpayee\b|"
                          r"\btotal\b|\bvat\b", head))


def disposition_rows(table: Table, smap: SectionMap) -> list[Resolution]:
    p = _p()
    texts = table.texts()
    if not texts or p["table_skip"].search(" ".join(" ".join(r) for r in texts[:2])):
        return []
    hits = [r for r in texts if len(r) >= 2 and p["disposition"].match(r[-1] or "")]
    if len(hits) < 1 or len(hits) * 2 < len([r for r in texts if len(r) >= 2]) - 1:
        return []
    out: list[Resolution] = []
    for row in hits:
        if any(p["placeholder"].search(c) for c in row):
            continue
        outcome = clean(row[-1].split("\n")[0])
        cells = [c for c in row[:-1] if c.strip()]
        # drop number-ish and mover/seconder cells, keep the subject
        subject = [c for c in cells if not re.fullmatch(r"\s*[\d/#.]+\s*", c)
                   and not re.fullmatch(r"[A-Z][a-z]+\s*/\s*[A-Z][a-z]+", c.strip())]
        num = next((c.strip() for c in cells if re.fullmatch(r"\s*[\d/]+\s*", c)), None)
        body = subject[-1] if subject else " ".join(cells)
        lead = num if num and "/" in num else None
        for piece in _numbered_clauses(body):
            text = clean(piece)
            if lead:
                text = f"By-law No. {lead}: {text}" if re.search(r"by-?law", " ".join(
                    " ".join(r) for r in texts[:2]), re.I) else f"{lead}: {text}"
            out.append(Resolution(smap.item(table.index), f"{text} – {outcome}",
                                  Evidence(table.page, table.index, extractor=EXTRACTOR,
                                           quote=text[:300])))
    return out


def _numbered_clauses(text: str) -> list[str]:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    starts = [i for i, ln in enumerate(lines) if re.match(r"^\s*\d{1,2}\.\s", ln)]
    if len(starts) < 2:
        return [" ".join(lines)]
    lead = " ".join(lines[:starts[0]])
    lead = re.sub(r"(?i)\s*the following recommendations\s*:?\s*$", ":", lead)
    out = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = " ".join(lines[s:e])
        out.append(f"{lead} {body}".strip() if lead else body)
    return out


def planning_rows(table: Table, smap: SectionMap) -> list[Resolution]:
    """A parish council's own comment per application: rows starting with a planning
    reference; continuation rows (the PDF split the cell) join the row above."""
    p = _p()
    groups: list[list[str]] = []
    for row in table.texts():
        line = " ".join(c for c in row if c.strip())
        if p["planning_ref"].match(line):
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    out: list[Resolution] = []
    for g in groups:
        text = clean(" ".join(g))
        if re.search(r"\bNO\s+OBJECTIONS?\b|\bNO\s+COMMENTS?\b|\bSUPPORTS?\b|\bOBJECTS?\b", text):
            out.append(Resolution(smap.item(table.index), text,
                                  Evidence(table.page, table.index, extractor=EXTRACTOR,
                                           quote=text[:300])))
    return out


def planning_block_rows(part: Part, smap: SectionMap) -> list[Resolution]:
    return []


def _dedupe(found: list[Resolution]) -> list[Resolution]:
    out: list[Resolution] = []
    seen: set[str] = set()
    for r in found:
        r.text = clean(r.text)
        key = re.sub(r"\W+", " ", r.text.lower()).strip()
        if len(key) < 6 or key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out

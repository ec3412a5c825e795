"""Decisions recorded as table rows.

- Disposition tables: a last column of ADOPTED / CARRIED / PASSED or another short upper-case
  verdict (GRANTED, REFERRED TO …, GIVEN FIRST READING), one decision per row (a
  motion's numbered recommendations each their own). Numbering restarts in each table
  ("REPORT OF THE EXECUTIVE POLICY COMMITTEE dated March 4, 2015" items 1–4, then the next
  report's 1–8), so a row's item is its reference qualified by the table: the table's title
  ("REPORT … – Item 3") or the first column's heading ("Motion 7", "By-law No. 9/2015").
- A parish council's own planning comments: one "NO OBJECTION" per application row.

Action tables and payment tables hold no decisions (`is_structured_table`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Table

from ..document.sections import SectionMap
from ..document.textunits import clean
from ..model import Evidence, Resolution
from ..vocab import load_vocab

EXTRACTOR = "resolutions@1"
NUMBER_CELL = re.compile(r"^\s*[\d/#.]+\s*")  # fullmatch only
MOVER_SECONDER = re.compile(r"[A-Z][a-z]+\s*/\s*[A-Z][a-z]+")


@lru_cache(maxsize=1)
def _p() -> dict:
    raw = load_vocab(__package__, "resolutions.json")
    return {k: re.compile(raw[k]) for k in ("planning_ref", "disposition", "table_skip",
                                              "placeholder", "verdict", "verdict_lost")}


def is_verdict(cell: str) -> bool:
    """A row's outcome cell: a known disposition ("ADOPTED"), or any short upper-case verdict
    with a decision word ("90-DAY EXTENSION GRANTED", "REFERRED TO FINANCE COMMITTEE"); a lost
    or withdrawn motion is none."""
    p = _p()
    first = cell.strip().split("\n")[0].strip()
    if not first or p["verdict_lost"].search(first):
        return False
    if p["disposition"].match(first):
        return True
    return first == first.upper() and len(first.split()) <= 8 and bool(p["verdict"].search(first))


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
    hits = [r for r in texts if len(r) >= 2 and is_verdict(r[-1] or "")]
    if len(hits) < 1 or len(hits) * 2 < len([r for r in texts if len(r) >= 2]) - 1:
        return []
    title, label = _table_title(texts), _first_column_label(texts)
    by_law = bool(re.search(r"(?i)by-?law", " ".join(" ".join(r) for r in texts[:2])))
    out: list[Resolution] = []
    for row in hits:
        if any(p["placeholder"].search(c) for c in row):
            continue
        outcome = clean(row[-1].split("\n")[0])
        cells = [c for c in row[:-1] if c.strip()]
        # drop number-ish and mover/seconder cells, keep the subject
        subject = [c for c in cells if not NUMBER_CELL.fullmatch(c)
                   and not MOVER_SECONDER.fullmatch(c.strip())]
        num = next((c.strip() for c in cells if re.fullmatch(r"\s*[\d/]+\s*", c)), None)
        body = subject[-1] if subject else " ".join(cells)
        lead = num if num and "/" in num else None
        ref = _row_reference(num, title, label) or smap.item(table.index, row[0])
        clauses = numbered_clauses(body)
        for clause_no, piece in clauses:
            text = clean(piece)
            if lead:
                text = f"By-law No. {lead}: {text}" if by_law else f"{lead}: {text}"
            item = f"{ref} ({clause_no})" if ref and clause_no and len(clauses) > 1 else ref
            out.append(Resolution(item, f"{text} – {outcome}",
                                  Evidence(table.page, table.index, extractor=EXTRACTOR,
                                           quote=text[:300])))
    return out


def _table_title(texts: list[list[str]]) -> str | None:
    """A first row of one filled cell, spanning the table: "REPORT OF … dated March 4, 2015"."""
    first = [c for c in texts[0] if c.strip()]
    if len(first) == 1 and not NUMBER_CELL.fullmatch(first[0]) and len(first[0]) <= 200:
        return clean(first[0])
    return None


def _first_column_label(texts: list[list[str]]) -> str | None:
    """The first column's heading in a row of upper-case headings ("MOTION", "BY-LAW NO.")."""
    for row in texts[:3]:
        cells = [c.strip() for c in row]
        if len(cells) >= 2 and all(c and c.isupper() and len(c) <= 30 for c in cells):
            return " ".join(w.capitalize() for w in cells[0].split())
    return None


def _row_reference(num: str | None, title: str | None, label: str | None) -> str | None:
    if not num:
        return None
    if label:
        return f"{label} {num}"
    return f"{title} – Item {num}" if title else num


def numbered_clauses(text: str) -> list[tuple[str | None, str]]:
    """A cell's "1. That … 2. That …" as (number, clause), each led by the cell's own
    opening words; a cell without two numbered clauses is one (None, text)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    starts = [i for i, ln in enumerate(lines) if re.match(r"^\s*\d{1,2}\.\s", ln)]
    if len(starts) < 2:
        return [(None, " ".join(lines))]
    lead = " ".join(lines[:starts[0]])
    lead = re.sub(r"(?i)\s*the following recommendations\s*:?\s*$", ":", lead)
    out = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = " ".join(lines[s:e])
        number = re.match(r"^\s*(\d{1,2})\.", lines[s]).group(1)  # type: ignore[union-attr]
        out.append((number, f"{lead} {body}".strip() if lead else body))
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


BARE_VERDICT = re.compile(r"(?i)^\s*(?:approved|agreed|accepted|adopted|noted|ratified|"
                          r"confirmed|carried|endorsed|deferred)\b")


def with_row_subject(found: list[Resolution], tables: list[Table]) -> list[Resolution]:
    """A bare outcome in a table cell ("Approved; signed by the chair.") is about the row's
    subject in its first column ("Minutes of 3 March"): prefix it."""
    by_index = {t.index: t for t in tables}
    for r in found:
        table = by_index.get(r.evidence.block) if r.evidence else None
        if table is None or not BARE_VERDICT.match(r.text):
            continue
        head = r.text[:40]
        for row in table.rows:
            cells = [c.text.strip() for c in row if c.text.strip()]
            if len(cells) >= 2 and any(head in clean(c) for c in cells[1:]) \
                    and not BARE_VERDICT.match(cells[0]) and len(cells[0]) <= 120:
                r.text = f"{clean(cells[0])} – {r.text}"
                break
    return found

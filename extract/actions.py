"""Actions: things a named person or group must do after the meeting.

Sources, most explicit first (a later duplicate of the same task is merged into the first):
1. action tables (action_tables.py), one action per row;
2. "ACTION: DT/MS" marker lines — owners for the paragraph above — and "ACTION: NO to …";
3. a right-hand column of initials (a line's tab-separated tail, "…text<TAB>KV");
4. resolutions that task someone ("That the Clerk invite …", "Delegates to the Monitoring
   Officer …", "asks the MO to …", "To request that the Leader … writes");
5. prose commitments: "<owner> to/will/agreed to/offered to <verb> …", "asked Trustees to …".
Owners are resolved through owners.OwnerResolver; deadlines through dates.resolve_due,
relative to the meeting's date and the next meeting's date.
"""
from __future__ import annotations

import contextvars
import copy
import datetime as dt
import re
from functools import lru_cache

from .action_tables import is_action_table, table_actions
from .dates import DAY_MONTH, resolve_due
from .meeting import NEXT_MEETING
from .model import Action, Evidence, Flag, Meeting
from .owners import INITIALS, OwnerResolver, looks_like_owner_list, vocab
from .parts import Part
from .people import Roster
from .sections import load_patterns, sections
from .textunits import Segment, clean, segments, split_sentences

EXTRACTOR = "actions@1"
WORD = re.compile(r"[a-z0-9]+")
MARKER = re.compile(r"^\s*(?:ACTIONS?|Actions?\s*(?=[:\-–]))\s*[:\-–]?\s*(?P<rest>.*)$")
TAIL_OWNERS = re.compile(r"\t\s*(?P<owners>[A-Z][A-Za-z]{1,4}(?:\s*/\s*[A-Za-z]{2,7})*)\s*/?\s*$")
NOT_SUBJECT = {"the", "this", "it", "he", "she", "they", "we", "there", "these", "those", "that",
               "which", "who", "all", "any", "each", "no", "a", "an", "if", "when", "once",
               "what", "item", "members", "minutes", "report", "following", "further", "also",
               "and", "but", "so", "as", "in", "on", "at", "for", "by", "after", "before", "one",
               "someone", "everyone", "nobody", "people", "work", "date", "users", "residents",
               "officers", "highways", "police", "decisions", "a", "puy", "signs", "bank", "agreed",
               "resolved", "to", "referring", "turning", "changes", "due", "similar", "moving"}
TITLED = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]")


@lru_cache(maxsize=1)
def _rx() -> dict:
    raw = load_patterns("actions.json")
    v = vocab()
    roles = v["role_rx"].pattern
    groups = "|".join(re.escape(g) for g in sorted(raw["group_owners"], key=len, reverse=True))
    name = (r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?"
            r"(?:\s+[A-Z][a-z'’-]+)?")
    initials = r"[A-Z]{2,4}(?:[a-z]{1,3})?(?:\s*/\s*[A-Z][A-Za-z]{1,4})*"
    owner = (rf"(?P<owner>{roles}|(?i:{groups})|{initials}|{name}"
             rf"(?:\s+(?:and|&)\s+(?:{name}|(?:the\s+)?(?:{roles})))?)")
    commit = raw["commit"]
    not_tasks = "|".join(re.escape(w) for w in raw["not_tasks"])
    subject = r"(?:^|(?<=[–:;]\s)|(?<=\s-)|(?<=\.\s)|(?<=,\s)|(?<=\band\s)|(?<=\bso\s)|(?<=\bbut\s))"
    return {
        "prose": re.compile(rf"{subject}(?:That\s+)?(?:[Tt]he\s+)?{owner}\s+(?:also\s+|kindly\s+|will\s+also\s+)?"
                            rf"(?P<commit>{commit})\s+(?!(?:{not_tasks})\b)(?P<verb>[a-z]+)"),
        "bare": re.compile(rf"^(?:That\s+)?(?:[Tt]he\s+)?{owner}\s+(?P<verb>"
                           + "|".join(raw["task_verbs"]) + r")\b"),
        "asked": re.compile(rf"\basked\s+(?:all\s+|the\s+)?(?P<owner>(?i:{groups})|{initials}"
                            rf"|{roles})\s+(?:to|if|for)\b"),
        "were_asked": re.compile(rf"(?P<owner>(?i:{groups})|{name})\s+(?:was|were)\s+asked\s+"
                                 r"(?:to|if|for)\b"),
        "tasking": re.compile(rf"(?i:\b(?:delegates?\s+(?:authority\s+)?to|asks?|requests?\s+that|"
                              rf"urges?|call(?:s)?\s+(?:on|upon))\s+the\s+)(?P<owner>{roles}|"
                              rf"(?i:{groups}))"),
        "deadline": re.compile(raw["deadline"]),
        "verbs": set(raw["task_verbs"]),
    }


def extract_actions(part: Part, meeting: Meeting, roster: Roster) -> tuple[list[Action],
                                                                          list[Flag]]:
    smap = sections(part)
    if meeting.next_meeting is None:
        meeting = copy.copy(meeting)
        meeting.next_meeting = next_meeting_without_year(part, meeting.date)
    resolver = OwnerResolver.for_part(part, roster)
    token = _KNOWN.set(resolver.known)
    try:
        return _extract_actions(part, meeting, smap, resolver)
    finally:
        _KNOWN.reset(token)


def _extract_actions(part: Part, meeting: Meeting, smap, resolver) -> tuple[list[Action],
                                                                            list[Flag]]:
    flags: list[Flag] = []
    found: list[Action] = []
    tables = {t.index for t in part.tables if is_action_table(t)}

    def make(item, text, owner_text, ev, due_text=None, **kw) -> Action | None:
        text = clean(text)
        if not text:
            return None
        owners, fl = resolver.resolve(owner_text, ev)
        flags.extend(fl)
        if not owners:
            flags.append(Flag("action-no-owner", f"Action without an owner: {text[:120]}",
                              ev.page if ev else None, ev))
        due, dtext = _due(due_text or text, meeting, explicit=due_text is not None)
        a = Action(item=item, text=text, owners=owners, owner_text=owner_text or None,
                   due=due, due_text=dtext, evidence=ev, **kw)
        return a

    for t in part.tables:
        if t.index not in tables:
            continue
        for row in table_actions(t):
            ev = Evidence(row.page, row.index, extractor=EXTRACTOR, quote=row.text[:300])
            a = make(smap.item(t.index), row.text, row.owner_text or _subject_owner(row.text),
                     ev, row.due_text, ref=row.ref, update=row.update,
                     status="closed" if re.search(r"(?i)\bcomplete", row.update or "") else None)
            if a:
                a.source = "table"  # type: ignore[attr-defined]
                found.append(a)

    segs = segments(part, smap, skip_tables=tables)
    for a in _segment_actions(segs, make):
        found.append(a)
    for r in meeting.resolutions:
        for owner_text, text in _tasking(r.text):
            ev = r.evidence or Evidence(None, extractor=EXTRACTOR)
            a = make(r.item, text, owner_text, Evidence(ev.page, ev.block, extractor=EXTRACTOR,
                                                        quote=text[:300]))
            if a:
                a.source = "resolution"  # type: ignore[attr-defined]
                found.append(a)
    return _merge(found), flags


# --- running text -------------------------------------------------------------------------

def _segment_actions(segs: list[Segment], make) -> list[Action]:
    out: list[Action] = []
    for i, seg in enumerate(segs):
        text = seg.text.strip()
        m = MARKER.match(text)
        if m and (text.startswith("ACTION") or ":" in text[:9]):
            rest = m.group("rest").strip()
            if re.match(load_patterns("actions.json")["marker_reject"], rest):
                continue
            if rest and looks_like_owner_list(rest):
                prev = _previous_text(segs, i)
                if prev is None:
                    continue
                task = _sentences_naming(prev.text, rest)
                a = make(prev.item, task, rest, prev.evidence(EXTRACTOR, task))
                if a:
                    a.source = "marker"  # type: ignore[attr-defined]
                    out.append(a)
            elif rest:
                owner = _subject_owner(rest)
                a = make(seg.item, rest, owner, seg.evidence(EXTRACTOR, rest))
                if a:
                    a.source = "marker"  # type: ignore[attr-defined]
                    out.append(a)
            continue
        if seg.heading or seg.quoted:
            continue
        for line in seg.raw.split("\n"):
            t = TAIL_OWNERS.search(line)
            if t and looks_like_owner_list(t.group("owners")):
                task = _sentence_with(seg.text, line.split("\t")[0].strip())
                a = make(seg.item, task, t.group("owners"), seg.evidence(EXTRACTOR, task))
                if a:
                    a.source = "margin"  # type: ignore[attr-defined]
                    out.append(a)
        for s in split_sentences(clean(text)):
            for owner_text, task in _prose(s):
                a = make(seg.item, task, owner_text, seg.evidence(EXTRACTOR, task))
                if a:
                    a.source = "prose"  # type: ignore[attr-defined]
                    out.append(a)
    return out


def _previous_text(segs: list[Segment], i: int) -> Segment | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        s = segs[j]
        if MARKER.match(s.text.strip()) and s.text.strip().startswith(("ACTION", "Action")):
            return None
        if not s.heading and len(s.text) > 15:
            return s
        if s.heading and len(s.text) > 60:
            return s
    return None


def _tokens(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def _sentences_naming(paragraph: str, owners: str) -> str:
    """The sentences of the paragraph above an "ACTION: XX" line that name its owners."""
    sents = split_sentences(clean(paragraph))
    sents = [re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})+\s+", "", s) for s in sents]
    if len(sents) <= 1:
        return " ".join(sents)
    toks = [t for t in re.split(r"\s*[/,&]\s*", owners) if t]
    keys = {t.lower() for t in toks}
    hit = [s for s in sents if any(re.search(rf"\b{re.escape(t)}\b", s, re.I) for t in toks)
           and (_prose(s) or any(w in _tokens(s) for w in ("will", "agreed", "asked",
                                                              "offered", "to")))]
    if not hit:
        hit = [s for s in sents if _prose(s)]
    if not hit and keys & {"trustees", "councillors", "officers", "members"}:
        hit = [s for s in sents if re.search(r"(?i)\b(trustees|councillors|asked)\b", s)]
    return " ".join(hit) if hit else " ".join(sents)


def _sentence_with(text: str, fragment: str) -> str:
    for s in split_sentences(clean(text)):
        if fragment[:30] and fragment[:30] in s:
            return s
    return fragment


def _subject_owner(text: str) -> str:
    m = _rx()["prose"].search(text) or _rx()["bare"].search(text)
    return m.group("owner") if m else ""


# Who is known in the meeting being read, for the deep owner checks below; set for the
# duration of one extract_actions call only (a ContextVar, so calls cannot leak into
# each other).
_KNOWN: contextvars.ContextVar = contextvars.ContextVar("known_people", default=None)


def _valid_owner(owner: str, verb: str | None, commit: str | None = None) -> bool:
    """A subject that can own a task: a role, a group, initials or a name of someone in the
    meeting, or a titled/full personal name (with a firmer verb than a bare "to")."""
    v = vocab()
    first = owner.split()[0].lower().strip(".,")
    key = re.sub(r"^the\s+", "", owner.lower())
    if owner.lower() in v["groups"] or key in v["groups"]:
        if key in ("the board", "board", "the council", "council", "members", "committee",
                   "the committee", "parish council"):
            return commit in ("will", "would")  # "the Board agreed to" is a decision
        return commit is None or "agreed" not in commit
    if v["role_rx"].fullmatch(owner) or v["role_rx"].fullmatch(re.sub(r"^[Tt]he\s+", "", owner)):
        return True
    if first in NOT_SUBJECT:
        return False
    known = _KNOWN.get()
    parts = [p for p in re.split(r"\s*(?:/|\band\b|&)\s*", owner) if p]
    if all(INITIALS.match(p) for p in parts):
        return bool(known and all(known(p) for p in parts))
    if known and known(owner):
        return True
    if TITLED.match(owner):
        return True
    words = owner.split()
    return len(words) >= 2 and commit not in (None, "to") and all(
        w[:1].isupper() and w.lower() not in NOT_SUBJECT for w in words)


def _prose(sentence: str) -> list[tuple[str, str]]:
    rx = _rx()
    s = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+", "", sentence)
    out: list[tuple[str, str]] = []
    for m in rx["prose"].finditer(s):
        owner = m.group("owner")
        if not _valid_owner(owner, m.group("verb"), re.sub(r"\s+", " ", m.group("commit"))):
            continue
        if m.group("commit") in ("would", "should") and not re.match(
                r"(?i)the\s+clerk|clerk", owner):
            continue
        out.append((owner, s))
        break
    if not out:
        m = rx["bare"].search(s)
        if m and _valid_owner(m.group("owner"), m.group("verb"), "bare"):
            out.append((m.group("owner"), s))
    if not out:
        m = rx["asked"].search(s) or rx["were_asked"].search(s)
        if m and _valid_owner(m.group("owner"), None, "asked") and not re.match(
                r"(?i)(the\s+)?(board|council)$", m.group("owner")):
            out.append((m.group("owner"), s))
    return out


def _tasking(text: str) -> list[tuple[str, str]]:
    """Resolutions that task someone: "Delegates to the Monitoring Officer …", "That the
    Clerk invite …", "To request that the Leader of the Council writes …"."""
    rx = _rx()
    body = re.sub(r"^\s*(?:\d{1,2}[.)]|\(?[a-z]{1,4}\))\s*", "", text)
    m = rx["tasking"].search(body)
    if m:
        return [(m.group("owner"), body)]
    m = rx["bare"].match(body)
    if m and _valid_owner(m.group("owner"), m.group("verb"), "bare"):
        return [(m.group("owner"), body)]
    m = rx["prose"].match(body)
    if m and _valid_owner(m.group("owner"), m.group("verb"), m.group("commit")):
        return [(m.group("owner"), body)]
    return []


def next_meeting_without_year(part: Part, after: dt.date | None) -> dt.date | None:
    """"Date of next meetings: 26th June, 31st July …" — dates printed without a year,
    taken as the first such date after the meeting (meeting.py needs a year)."""
    if after is None:
        return None
    blocks = part.blocks
    for i, block in enumerate(blocks):
        if NEXT_MEETING.search(block.text):
            window = "\n".join(b.text for b in blocks[i:i + 3])
            m = DAY_MONTH.search(window)
            if m:
                due, _ = resolve_due(m.group(0), after)
                if due and due > after:
                    return due
    return None


# --- deadlines and merging ------------------------------------------------------------------

def _due(text: str, meeting: Meeting, explicit: bool):
    if not text:
        return None, None
    if explicit:
        return resolve_due(text, meeting.date, meeting.next_meeting)
    m = _rx()["deadline"].search(text)
    if not m:
        return None, None
    phrase = m.group(0)
    due, dtext = resolve_due(phrase, meeting.date, meeting.next_meeting)
    if due is None and meeting.next_meeting:
        month = re.search(r"(?i)\b(?:in\s+)?([A-Z][a-z]+)\s+agenda|meeting\s+in\s+([A-Z][a-z]+)",
                          phrase)
        if month and (month.group(1) or month.group(2) or "")[:3].lower() == \
                meeting.next_meeting.strftime("%b").lower():
            due = meeting.next_meeting
    return due, phrase.strip() or dtext


def _dice(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    contained = len(ta & tb) / min(len(ta), len(tb)) if min(len(ta), len(tb)) >= 4 else 0.0
    return max(2 * len(ta & tb) / (len(ta) + len(tb)), 1.0 if contained >= 0.99 else
               contained * 0.9 if min(len(ta), len(tb)) >= 6 else 0.0)


RANK = {"table": 0, "marker": 1, "margin": 2, "resolution": 3, "prose": 4}


def _merge(found: list[Action]) -> list[Action]:
    out: list[Action] = []
    for a in sorted(found, key=lambda x: RANK.get(getattr(x, "source", "prose"), 5)):
        twin = next((b for b in out if _dice(a.text, b.text) >= 0.7), None)
        if twin is None:
            out.append(a)
            continue
        if getattr(twin, "source", "") == "table" and getattr(a, "source", "") != "table":
            twin.item = a.item or twin.item  # the body's item number, the table's wording
        if not twin.owners and a.owners:
            twin.owners = a.owners
        if twin.due is None and a.due is not None:
            twin.due, twin.due_text = a.due, a.due_text
    order = {id(a): n for n, a in enumerate(found)}
    return sorted(out, key=lambda a: order[id(a)])

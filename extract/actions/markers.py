"""Explicit action lines: "ACTION: DT/MS", "Action: Sam Gorton to …", "ACTION : CF to …".

Three shapes:
- owners only ("ACTION: MS/AB/AHop") after the paragraph(s) they own. When the owners clearly
  belong to different numbered sub-paragraphs above (each one names its own owners as doing
  something: "10.1 Trustees were asked …", "10.3 Sheila and Mike agreed to …"), each of those
  sub-paragraphs is its own action; otherwise the paragraph above is one action for all.
- a task ("ACTION : NO to speak to Ian Grey …"), anywhere in a block; several owner-led lines
  under one marker are several actions ("CF to inform all …" / "CF to ask Bruce May …").
- the word alone as a heading ("Action:"): the paragraph below is the task.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..document.textunits import Segment, clean, split_sentences
from ..vocab import load_vocab
from .commitments import commitments
from .owners import INITIALS, OwnerResolver, is_group, is_role, looks_like_owner_list

MARKER = re.compile(r"(?:^|(?<=\s))(?:ACTIONS?|Actions?)\s*(?::|-|–|(?=\s+[A-Z]{2,4}\b))\s*")
# a numbered heading in capitals: the next agenda item, run into the action line above it
NEXT_ITEM = re.compile(r"\s(?=\d{1,2}\.\s[A-Z]{2,}(?:\s[A-Z]{2,})*\b(?![a-z]))")
AND_DOER = re.compile(r"(?<=\s)and\s+(?=(?:the\s+)?(?:Cllr\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
                      r"\s+to\s+[a-z])")
# initials and a task: "AS to amend", "NO/HD to arrange"
INITIALS_TASK = re.compile(r"^[A-Z]{2,4}(?:\s*(?:/|&|and)\s*[A-Z]{2,4})*\s+to\s+[a-z]")
LEAD = re.compile(r"^(?:The\s+)?(?P<owner>[A-Z][\w&'’/-]*(?:\s+(?:and\s+)?[A-Z][\w&'’-]*){0,5}?)"
                  r"\s+(?:to|will|would|shall|should|is|are|was|were|has|have|had|agreed|"
                  r"offered)\b")


@dataclass(frozen=True)
class MarkedTask:
    segment: Segment
    text: str
    owner_text: str
    before: str = ""  # the words of its block before the marker


@lru_cache(maxsize=1)
def _reject() -> re.Pattern:
    return re.compile(load_vocab(__package__, "actions.json")["marker_reject"])


def marker_tasks(segs: list[Segment], people: OwnerResolver) -> list[MarkedTask]:
    out: list[MarkedTask] = []
    for i, seg in enumerate(segs):
        text = seg.text.strip()
        pieces = MARKER.split(text)
        if len(pieces) < 2:
            continue
        # "Action" inside a sentence is a marker when a colon or capitals set it off, or
        # when initials and a task follow it ("… break clause included. Action AS to amend
        # and send"); else it is the word ("Action Plan agreed").
        loose = (not text.startswith(("ACTION", "Action")) and ":" not in text
                 and "ACTION" not in text)
        context, rests = pieces[0].strip(), [p.strip() for p in pieces[1:]]
        for rest in rests:
            if _reject().match(rest) or (loose and not INITIALS_TASK.match(rest)):
                continue
            if not rest:
                nxt = _next_text(segs, i)
                if nxt is not None:
                    out.append(MarkedTask(nxt, clean(nxt.text), _lead_owner(nxt.text, people)))
            elif looks_like_owner_list(rest):
                out += _owned_above(segs, i, context, rest, people)
            else:
                for task in _split_tasks(rest, people):
                    out.append(MarkedTask(seg, task, _lead_owner(task, people), context))
    return out


def _lead_owner(text: str, people: OwnerResolver) -> str:
    """The task's subject: "Officers are producing …" → Officers; else its commitment."""
    found = commitments(text, people)
    if found and not found[0].implied:
        return " / ".join(c.owner_text for c in found)
    m = LEAD.match(text.strip())
    if m:
        owner = m.group("owner")
        if is_group(owner) or is_role(owner) or people.known(owner):
            return owner
    return found[0].owner_text if found else ""


def _split_tasks(rest: str, people: OwnerResolver) -> list[str]:
    """Several tasks under one marker: each sentence, or "and"-clause, that names its own
    doer ("Clerk to put … on the May agenda. Clerk to seek a quote …", "Councillors to
    provide emails and Clerk to respond …") is its own task; the rest stays with the task
    before it."""
    out: list[str] = []
    rest = NEXT_ITEM.split(rest, maxsplit=1)[0]  # "… register 21. ITEMS FOR AGENDA …"
    for sent in split_sentences(rest):
        for clause in _and_clauses(sent, people):
            if out and not _own_doer(clause, people):
                out[-1] = f"{out[-1]} {clause}"
            else:
                out += _split_initials(clause, people)
    return out or _split_initials(rest, people)


def _own_doer(text: str, people: OwnerResolver) -> bool:
    return any(not c.implied and c.owner_text for c in commitments(text, people))


def _and_clauses(sent: str, people: OwnerResolver) -> list[str]:
    """"Councillors to provide emails and Clerk to respond" → two clauses, when each has a
    doer of its own."""
    m = AND_DOER.search(sent)
    if m and _own_doer(sent[:m.start()], people) and _own_doer(sent[m.end():], people):
        return [sent[:m.start()].strip(), sent[m.end():].strip()]
    return [sent]


def _split_initials(rest: str, people: OwnerResolver) -> list[str]:
    """"CF to inform all … received CF to ask Bruce May …" → two tasks: a new one starts where
    initials of someone in the meeting lead a "to"/"will" clause."""
    cuts = [0]
    for m in re.finditer(r"\s(?=([A-Z]{2,4}|[A-Z][a-z]?[A-Z][a-z]{0,3})\s+(?:to|will)\s+[a-z])",
                         rest):
        if re.search(r"(?i)\b(?:with|and|or|to|for|by|from|of|&)$", rest[:m.start()]):
            continue  # "JD to liaise with BV to complete …": BV is JD's partner, not a new task
        if m.start() > 0 and INITIALS.match(m.group(1)) and people.known(m.group(1)):
            cuts.append(m.end())
    cuts.append(len(rest))
    return [rest[a:b].strip() for a, b in pairwise(cuts) if rest[a:b].strip()]


def _next_text(segs: list[Segment], i: int) -> Segment | None:
    for s in segs[i + 1:i + 3]:
        if not s.heading and len(s.text) > 15:
            return s
    return None


def _units_above(segs: list[Segment], i: int) -> list[Segment]:
    """The sub-paragraphs an owners-only line closes: back to the previous action line or
    the item's heading."""
    out: list[Segment] = []
    for j in range(i - 1, max(-1, i - 10), -1):
        s = segs[j]
        if MARKER.match(s.text.strip()) and s.text.strip().startswith(("ACTION", "Action")):
            break
        if s.heading and len(s.text) <= 60:
            break
        if len(s.text) > 15:
            out.insert(0, s)
    return out


def _owned_above(segs: list[Segment], i: int, context: str, owners: str,
                 people: OwnerResolver) -> list[MarkedTask]:
    seg = segs[i]
    if context and len(context) > 15:
        return [MarkedTask(seg, _naming(context, owners, people), owners)]
    units = _units_above(segs, i)
    if not units:
        return []
    wanted = _resolved(owners, people)
    by_unit = []
    for u in units:
        doers = [n for c in _doers(u.text, people) for n in _resolved(c, people)]
        by_unit.append([n for n in wanted if n in doers])
    if len(units) > 1 and sum(1 for d in by_unit if d) > 1:
        tokens = _tokens_by_name(owners, people)
        return [MarkedTask(u, _naming(u.text, "/".join(tokens[n] for n in d), people),
                           "/".join(tokens[n] for n in d))
                for u, d in zip(units, by_unit) if d]
    last = units[-1]
    split = _by_sentence(last.text, owners, people)
    if split:
        return [MarkedTask(last, text, own) for text, own in split]
    return [MarkedTask(last, _naming(last.text, owners, people), owners)]


def _by_sentence(paragraph: str, owners: str, people: OwnerResolver
                 ) -> list[tuple[str, str]] | None:
    """"Mike will advertise this. Alison agreed to work with Ali on …" under "ACTION: MS/AB/AH":
    two sentences each with its own doers among the marked owners are two tasks; an owner no
    sentence has doing anything goes to the task whose sentence names them ("with Ali")."""
    sents = [s for s in split_sentences(clean(paragraph))]
    wanted = _resolved(owners, people)
    tokens = _tokens_by_name(owners, people)
    hits: list[tuple[str, list[str]]] = []
    for s in sents:
        # a first name two marked owners share ("Alison") is both of them
        doers = {n for c in commitments(s, people) if not c.implied
                 for n in [*_resolved(c.owner_text, people), *(people.lookup(c.owner_text))]}
        if doers & set(wanted):
            hits.append((s, [n for n in wanted if n in doers]))
    if len(hits) < 2:
        return None
    for n in wanted:
        if not any(n in own for _, own in hits):
            named = [own for s, own in hits if any(
                n in _resolved(w, people) for w in re.findall(r"\b[A-Z][a-z]+\b", s))]
            if len(named) != 1:
                return None
            named[0].append(n)
    return [(s, "/".join(tokens[n] for n in wanted if n in own)) for s, own in hits]


def _doers(text: str, people: OwnerResolver) -> list[str]:
    return [c.owner_text for s in split_sentences(clean(text)) for c in commitments(s, people)
            if not c.implied]


def _resolved(owner_text: str, people: OwnerResolver) -> list[str]:
    return people.resolve(owner_text.replace(" / ", "/"))[0]


def _tokens_by_name(owners: str, people: OwnerResolver) -> dict[str, str]:
    out: dict[str, str] = {}
    for tok in re.split(r"\s*/\s*", owners):
        for name in _resolved(tok, people):
            out.setdefault(name, tok)
    return out


def _naming(paragraph: str, owners: str, people: OwnerResolver) -> str:
    """The sentences of a paragraph that name its owners as doing something; the whole
    paragraph when they do not account for every owner."""
    sents = [re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})+\s+", "", s)
             for s in split_sentences(clean(paragraph))]
    if len(sents) <= 1:
        return " ".join(sents)
    wanted = set(_resolved(owners, people))
    hit, covered = [], set()
    for s in sents:
        # a first name two marked owners share ("Alison") is both of them
        doers = {n for c in commitments(s, people) if not c.implied
                 for n in [*_resolved(c.owner_text, people), *(people.lookup(c.owner_text))]}
        if doers & wanted:
            hit.append(s)
            covered |= doers & wanted
    if hit and covered >= wanted:
        return " ".join(hit)
    return " ".join(sents)

"""Prose commitments: who, in one sentence of the minutes, takes on a task.

Shapes (the words are in actions.json):
  "<owner> agreed/offered to <verb>", "<owner> will/is to/to <verb>"   The Clerk agreed to write …
  "That <owner> <verb>", "requested that <owner> <verb>"               That the Clerk invite …
  "It was agreed that <owner> should/would <verb>"
  "asked <owner> to/if …", "<owner> was asked to …"
  "<owner> … and agreed/offered to <verb>", "<owner> has … and will <verb>"
  "<owner> advised that she would <verb>"                               the speaker commits
  "… will be/to be <done> by <owner>"                                   passive with an agent
  "asked that … be kept advised", "… be brought back to a future meeting",
  "New signage will be ordered", "Two laptops to be bought" (a decided task, nobody named:
    no owner — the annotation policy's `owners: []` — marked implied so it is flagged)
Clauses with different owners in one sentence are found one by one (`Commitment.start`), so
the caller can make each its own task ("Jo would book the venue and RT would cater").
A request put to every member ("all councillors were asked to …") is an appeal, no task.

An owner must be someone who can hold a task: a role, a group of people, initials or a name
known in the meeting or its papers, a titled or full personal name, or — for resolutions that
task it — an organisation unit. The meeting's own body "agreeing to" something is a decision.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..vocab import load_vocab
from .clauses import INITIALS_COLON, nobody_named, run_on_tasks, task_ing, without_asides
from .gates import GATES
from .owners import (
    INITIALS,
    SURNAME,
    OwnerResolver,
    is_body,
    is_group,
    is_role,
    is_unit,
    office_surname,
    vocab,
)

NOT_SUBJECT = {"the", "this", "it", "he", "she", "they", "we", "there", "these", "those", "that",
               "which", "who", "all", "any", "each", "no", "a", "an", "if", "when", "once",
               "what", "item", "minutes", "report", "following", "further", "also", "and", "but",
               "so", "as", "in", "on", "at", "for", "by", "after", "before", "one", "someone",
               "everyone", "nobody", "people", "work", "date", "users", "residents", "highways",
               "police", "decisions", "signs", "bank", "agreed", "resolved", "to", "referring",
               "turning", "changes", "due", "similar", "moving", "discussions"}
TITLED = re.compile(r"^(?:Cllr|Councillor|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|CC)\.?\s+[A-Z]")
# the person asked owns the task: "The Board asked the Secretary to …", "staff was directed to"
ASKED = r"(?:asked|requested|directed|instructed|tasked|challenged|charged)"
SPEAKING = (r"(?:advised|said|stated|confirmed|reported|shared|explained|indicated|mentioned|"
            r"noted|informed\s+(?:the\s+)?\w+|told\s+(?:the\s+)?\w+|updated\s+(?:the\s+)?\w+)")


@dataclass(frozen=True)
class Commitment:
    owner_text: str  # as written: "the Clerk", "Sheila and Mike", "The Chair / Chief Executive"
    kind: str  # which shape found it: "will", "agreed", "to", "asked", "passive", "implied" …
    start: int = field(default=0, compare=False)  # where the owner is written in the sentence

    @property
    def implied(self) -> bool:
        return self.kind == "implied"


@lru_cache(maxsize=1)
def _rx() -> dict:
    raw = load_vocab(__package__, "actions.json")
    v = vocab()
    roles = v["role_rx"].pattern
    groups = "|".join(re.escape(g) for g in sorted(raw["group_owners"], key=len, reverse=True))
    office = "|".join(re.escape(t).replace(r"\ ", r"\s+")
                      for t in sorted(raw["office_titles"], key=len, reverse=True))
    title = rf"(?:(?:Cllr|Councillor|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|CC|{office})\.?\s+)"
    # "Ms Ode", "Mr. O'Riordan", "Jo", "Jo Bell", "Jo K Bell", "G Reeve"
    name = (rf"(?:{title}?(?:{SURNAME}|[A-Z][a-z'’-]+)(?:\s+[A-Z]\.?(?![a-z]))?(?:\s+{SURNAME})?"
            rf"|{title}?[A-Z]\.?\s{SURNAME})")  # "G Reeve", "Cllr F. Eglington"
    initials = r"[A-Z]{2,4}(?:[a-z]{1,3})?(?:\s*/\s*[A-Z][A-Za-z]{1,4})*\b"
    unit = raw["organisation_unit"]
    # "all 6 councils": a group word before a count is a determiner, not the group
    one = rf"(?:{roles}|(?i:{groups})\b(?!\s\d)|{initials}|{unit}|{name})"
    owner = rf"(?P<owner>{one}(?:(?:\s*,\s*|\s+(?:and|&)\s+)(?:the\s+)?{one}){{0,3}})"
    # where a subject can start; a capitalised "The"/"That" mid-line starts one too (a heading
    # line run into its paragraph: "Members Handbook for Section 106 The Libraries …")
    # (each way follows a space, one of –:;( or "-", or the text's start: the first lookbehind
    # says so at once, where mid-word every other would be tried in turn)
    start = (r"(?<![^\s–:;(-])"
             r"(?:^|(?<=[–:;(]\s)|(?<=[–:;(])|(?<=\s-)|(?<=\s-\s)|(?<=[.!?]\s)|(?<=,\s)"
             r"|(?<=\band\s)|(?<=\bso\s)|(?<=\bbut\s)|(?<=\bthat\s)|(?<=\bthen\s)|(?<=\band\sfor\s)"
             r"|(?<=\s)(?=Th(?:e|at)\s))")
    verb = r"(?P<verb>[a-z][a-z-]+)\b"
    hopes = "|".join(raw["expectation_words"])
    return {
        # "a Bushcraft Day on 18th March which NO will attend": the relative clause's subject
        # commits as in a sentence of its own
        "commit": re.compile(
            rf"(?:{start}|(?<=\bwhich\s))(?:That\s+)?(?:[Tt]he\s+)?{owner}\s+"
            r"(?:also\s+|kindly\s+|further\s+|now\s+)?"
            r"(?P<commit>(?:has\s+|had\s+|have\s+)?(?:kindly\s+)?(?:agreed|offered|volunteered|undertook|"
            r"promised)\s+to|will(?:\s+also)?(?:\s+be)?|shall|would(?:\s+also)?(?:\s+be)?|should|"
            rf"(?:is|are)\s+going\s+to|plans?\s+(?:on|to)|"
            rf"(?:is|are)\s+to|to|(?:was|were)\s+{ASKED}\s+(?:to|if|for|whether))\s+"
            rf"(?:further\s+)?{verb}"),
        # "Authorises the Director, in consultation with the Chair, to award …", "That the
        # Chief Financial Officer be authorized to negotiate …": the delegate owns the task
        "authorised": re.compile(
            r"\b(?i:authori[sz](?:es?|ed|ing)|delegat(?:es?|ed|ing)\s+(?:authority\s+)?to"
            r"|(?P<allow>allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|empower(?:s|ed|ing)?))"
            rf"\s+(?:the\s+)?{owner}\b[^.;]{{0,160}}?\b[Tt]o\s+(?P<verb>[A-Za-z][a-z-]+)\b"),
        "authorised_passive": re.compile(
            rf"{start}(?:That\s+)?(?:[Tt]he\s+)?{owner}\s+(?:is|are|be|was|were|has\s+been|"
            r"have\s+been)\s+(?:hereby\s+)?(?:authori[sz]ed|delegated|directed|instructed)"
            r"\s+to\s+(?P<verb>[a-z][a-z-]+)\b"),
        "bare": re.compile(rf"{start}(?:That\s+)?(?:[Tt]he\s+)?{owner}\s+{verb}"),
        "asked": re.compile(rf"\b{ASKED}\s+(?:all\s+|the\s+|other\s+)?{owner}\s+(?:to|if|whether)\b"
                            rf"(?:\s+{verb})?"),
        "self_asked": re.compile(rf"{start}{owner}\s+asked\s+to\s+{verb}"),
        "that": re.compile(rf"\b(?:asked|requested|agreed|resolved|decided)\s+that\s+(?:the\s+)?"
                           rf"{owner}\s+{verb}"),
        "coordinated": re.compile(
            rf"{start}(?:[Tt]he\s+)?{owner}\s+[^.;:]{{0,160}}?\band\s+(?:also\s+)?"
            r"(?P<commit>(?:has\s+)?(?:agreed|offered|volunteered|undertook|promised)\s+to|"
            rf"will(?:\s+be)?|would\s+be)\s+{verb}"),
        "reported": re.compile(
            rf"{start}(?:[Tt]he\s+)?{owner}\s+{SPEAKING}\s+(?:that\s+)?"
            r"(?:[^.;]{0,80}?(?:,|\band)\s+)?(?:she|he|they)\s+"  # "stated, when …, she is …"
            r"(?:would|will|is\s+going\s+to|are\s+going\s+to|plans?\s+(?:on|to))\s+"
            rf"(?:be\s+)?(?:further\s+|also\s+)?{verb}"),
        # "Mr Ode stated his intention to stand down", "Ms Ode said it was her intention to
        # circulate a summary"
        "intention": re.compile(
            rf"{start}(?:[Tt]he\s+)?{owner}\s+(?:{SPEAKING}\s+(?:that\s+)?it\s+was\s+|"
            r"(?:stated|expressed|confirmed|indicated|declared|announced)\s+)(?:his|her|their)\s+"
            rf"(?:firm\s+)?intention\s+to\s+{verb}"),
        # "… were referred to the Committee Chair, who would send a response": the relative
        # clause's antecedent commits; "refer to Legal Department for preparation of …": the
        # office a matter is referred to for work owns it
        "relative": re.compile(rf"(?<![\w'’&-])(?:[Tt]he\s+)?{owner},?\s+who\s+(?:would|will|is\s+to|"
                               rf"agreed\s+to|has\s+agreed\s+to|offered\s+to)\s+{verb}"),
        "referred": re.compile(rf"\b(?i:refer|referred|referral)\s+(?:it\s+|this\s+)?to\s+"
                               rf"(?:the\s+)?{owner}\s+(?:for\s+(?:review|preparation|"
                               r"consideration|a\s+report|report|action|investigation)|to\s+"
                               r"(?:review|prepare|investigate|report|draft|consider))\b"),
        "reported_passive": re.compile(
            rf"{start}(?:[Tt]he\s+)?{owner}\s+{SPEAKING}\s+that\s+[^.;]{{0,80}}?\b(?:would|will)\s+be\s+"
            r"(?:taken|brought|considered|reported|discussed|presented|raised)\b[^.;]{0,40}?"
            r"\b(?:at|to)\s+(?:a|the)\s+(?:future|next)\b"),
        "passive": re.compile(
            r"\b(?:will|would|shall|is\s+to|are\s+to|to)\s+be\s+(?:[a-z]+ed|[a-z]+en|made|sent|"
            r"done|brought|taken|set|put|led|run|paid|built|kept|met)\b[^.;]{0,80}?\bby\s+"
            rf"(?:the\s+)?{owner}"),
        "implied": re.compile(
            r"(?i)\b(?:asked|requested)\s+that\s+[^.;]{0,80}?\bbe\s+kept\s+(?:advised|informed|"
            r"updated|briefed)\b|\bbe\s+(?:\w+\s+and\s+)?(?:brought|bought|reported|come)\s+"
            r"(?:back\s+)?to\s+(?:a|the)\s+(?:future|next)\b"),
        "verbs": set(raw["task_verbs"]), "stance": set(raw["stance_verbs"]),
        "permission": set(raw["permission_verbs"]),
        "not_verbs": set(raw["not_verbs"]),
        "asked_not": set(raw["asked_not_tasks"]),
        "appeal": re.compile(raw["appeal_owners"]),
        "decisions": set(raw["decision_verbs"]),
        "body_not": set(raw["body_not_tasks"]),
        "subject": re.compile(rf"{start}(?:[Tt]he\s+)?{owner}\s"),
        # "It is hoped that the VH will cover the cost": a hope about X, not a task for X
        "hoped": re.compile(rf"(?i)\b(?:{hopes})\s+that\s+$"),
        # "The Asset register had been updated": a noun read as the verb of a bare subjunctive
        "noun_verb": re.compile(r"\s(?:had|has|have|was|were|is|are|been)\b"),
        "mention": re.compile(rf"(?<![\w'’-]){name}"),
    }


def commitments(sentence: str, people: OwnerResolver, decision: bool = False) -> list[Commitment]:
    """Who takes on a task in `sentence`; one entry per owner phrase, in reading order.
    `decision`: the sentence is a resolution, where a bare subjunctive tasks its subject
    ("The Clerk invite …") even without a leading "That"."""
    rx = _rx()
    s = without_asides(re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z]{1,4}\)|[•\-–])\s+", "",
                               sentence))
    found: list[tuple[int, Commitment]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, kind: str, owner: str | None = None) -> None:
        start, end = m.span("owner") if owner is None else m.span()
        if any(a < end and start < b for a, b in taken) or (
                kind == "asked" and rx["appeal"].match((owner or m.group("owner")).strip())):
            return
        taken.append((start, end))
        found.append((start, Commitment((owner or m.group("owner")).strip(), kind, start)))

    for m in _finditer(rx, "reported", s):
        if m.group("verb") not in rx["not_verbs"] and _valid(m.group("owner"), "will",
                                                             m.group("verb"), people):
            add(m, "reported")
    for m in _finditer(rx, "relative", s):
        owner = m.group("owner")  # "the Policy Committee Chair, who …": the Chair
        while " " in owner and not _valid(owner, "will", m.group("verb"), people):
            owner = owner.split(" ", 1)[1]
        if m.group("verb") not in rx["not_verbs"] and _valid(owner, "will", m.group("verb"),
                                                             people):
            add(m, "will", owner)
    for m in rx["referred"].finditer(s):
        owner = m.group("owner")
        if is_role(owner) or is_unit(owner) or is_group(owner):
            add(m, "asked")
    for m in _finditer(rx, "intention", s):
        if m.group("verb") not in rx["not_verbs"] and _valid(m.group("owner"), "will",
                                                             m.group("verb"), people):
            add(m, "reported")
    for m in _finditer(rx, "reported_passive", s):
        if _valid(m.group("owner"), "will", None, people):
            add(m, "reported")
    for m in _finditer(rx, "commit", s):
        kind = _kind(m.group("commit"), m.group("verb"))
        before = s[:m.start()]
        if kind == "to" and re.search(r",\s*$", before):
            continue  # "… for Cllr Sue Lintern, Cllr Trudy Mann … to attend": not a task line
        if rx["hoped"].search(before):
            continue
        if kind and _valid(m.group("owner"), kind, m.group("verb"), people, before):
            add(m, kind)
    for m in _finditer(rx, "coordinated", s):
        kind = _kind(m.group("commit"), m.group("verb"))
        if not kind:
            continue
        kind = "agreed" if kind == "agreed" else "will"
        owner = _nearest_subject(s, m, kind, people)
        # "NO spoke to a candidate who may stand, and will update NO": not NO's own task
        if owner and not s[m.end("verb"):].lstrip().startswith(owner.group("owner")):
            add(owner, "coordinated")
    for m in rx["that"].finditer(s):
        if m.group("verb") in rx["verbs"] and _valid(m.group("owner"), "bare", m.group("verb"),
                                                     people):
            add(m, "that")
    for m in rx["asked"].finditer(s):
        if m.group("verb") in rx["decisions"] or is_body(m.group("owner")):
            continue  # "asked Members to note the report" puts a decision to them
        if re.match(r"\s+(?:if|whether)\b", s[m.end("owner"):]) and not re.match(
                r"\s+(?:if|whether)\s+(?:he|she|they|we)\s+(?:could|would|can|might|will)\b",
                s[m.end("owner"):]):
            continue  # "asked the Attorney if the amendments would apply" is a question
        if _valid(m.group("owner"), "asked", None, people):
            add(m, "asked")
    for m in [*rx["authorised"].finditer(s), *_finditer(rx, "authorised_passive", s)]:
        verb = m.group("verb").lower()
        if m.groupdict().get("allow") and not (
                (is_role(m.group("owner")) or _person(m.group("owner"), people))
                and re.match(r"\s[Tt]o\s", s[m.end("owner"):]) and verb not in rx["permission"]):
            continue  # "allow residents to park", "allow Ann to act as …": a permission
        if verb not in rx["not_verbs"] and _valid(m.group("owner"), "authorised", verb, people):
            add(m, "authorised")
    m = INITIALS_COLON.match(s)
    if m and m.group("verb").lower() in rx["verbs"] and _valid(m.group("owner"), "to", m.group(
            "verb").lower(), people):
        add(m, "to")  # "LS: print the survey results": an action list's shorthand
    for m in _finditer(rx, "self_asked", s):
        if m.group("verb") in rx["verbs"] and m.group("verb") not in rx["asked_not"] and \
                _known_person(m.group("owner"), people):
            add(m, "asked")
    for m in run_on_tasks(s, rx["verbs"]):
        if people.known(m.group("owner")):
            add(m, "to")
    if not found and (decision or re.match(r"^\s*That\b", s)):
        m = rx["bare"].match(s)
        if m and m.group("verb") in rx["verbs"] and not rx["noun_verb"].match(s, m.end()) \
                and _valid(m.group("owner"), "bare", m.group("verb"), people):
            add(m, "bare")
    for m in rx["passive"].finditer(s):
        if _valid(m.group("owner"), "passive", None, people):
            add(m, "passive")
    if not found and rx["implied"].search(s):
        return [Commitment("", "implied")]
    if not found and not re.match(r"That\b", s.lstrip()) and nobody_named(s):
        # "That a copy … will be circulated" is the body's resolution, recorded as such
        return [Commitment("", "implied")]
    found.sort(key=lambda x: x[0])
    return [c for _, c in found]


def _finditer(rx: dict, name: str, s: str) -> Iterator[re.Match]:
    """`rx[name].finditer(s)`, not tried when the sentence lacks the pattern's gate wording."""
    gate = GATES.get(name)
    return iter(()) if gate is not None and not gate.search(s) else rx[name].finditer(s)


def _person(text: str, people: OwnerResolver) -> bool:
    return bool(TITLED.match(text) or office_surname(text)) or (
        text.split()[0].lower() not in NOT_SUBJECT and people.known(text))


def _kind(commit: str, verb: str) -> str | None:
    """The strength of the wording, or None when it is not a commitment ("will be told",
    "Mr Lewis to the Group")."""
    rx = _rx()
    commit = re.sub(r"\s+", " ", commit)
    if re.search(r"asked (?:if|for|whether)$", commit):
        return "asked"  # "were asked for their help": what follows is not a verb
    if verb in rx["not_verbs"]:
        return None
    if commit.endswith(" be"):
        # "will be attending", not "will be sent" nor "will be standing down" (what happens)
        return "will" if task_ing(verb, rx["verbs"]) else None
    if re.search(ASKED, commit):
        return "asked"
    if re.search(r"agreed|offered|volunteered|undertook|promised", commit):
        return "agreed"
    if commit.startswith("would"):
        return "would" if verb in rx["verbs"] else None
    if commit == "should":
        return "should"
    if commit in ("to", "is to", "are to"):
        return "to"
    return "will"


def _valid(owner: str, kind: str, verb: str | None, people: OwnerResolver,
           before: str = "") -> bool:
    if is_role(owner) or is_group(owner):  # "Libraries Innovation and Development Manager"
        return _valid_one(owner, owner, kind, verb, people, before)
    parts = [p for p in re.split(r"(?:(?<!\s)\s*+)?(?:,|\band\b|&)\s*", owner) if p]
    return bool(parts) and all(_valid_one(p, owner, kind, verb, people, before) for p in parts)


def _valid_one(owner: str, whole: str, kind: str, verb: str | None, people: OwnerResolver,
               before: str) -> bool:
    rx = _rx()
    task_verb = verb in rx["verbs"] if verb else True
    owner = re.sub(r"^[Tt]he\s+", "", owner.strip())
    if kind == "would" and verb in rx["stance"]:
        return False  # "Trustee Ames would support paying …" states a view
    if not owner or re.search(r"(?i)\b(?:he|she|they|we|which|who)\s+and\s+(?:the\s+)?$",
                              before):
        return False  # "he and the Cabinet Member would …": the owners are not all named
    if kind == "should" and not re.search(r"(?i)\b(?:agreed|resolved|decided|requested|asked)\s+"
                                          r"that\s+(?:the\s+)?$", before):
        return False  # "X should …" alone is advice, not a task
    if kind == "authorised":  # the text names the delegate: a role, unit, body or person
        return owner.split()[0].lower() not in NOT_SUBJECT or owner.split()[0].isupper()
    if is_body(owner):
        # the meeting's own body: a decision when it "agreed to" or "was asked to approve";
        # a task when it "will" write, or "was asked to let the Clerk know"
        return kind in ("will", "bare", "passive", "asked") and verb not in rx["body_not"] \
            and (task_verb or bool(verb and verb.endswith("ing")))
    if is_group(owner):
        # "Officers would support …" describes, "Councillors agreed to look at" commits
        return kind not in ("agreed", "would") or task_verb and kind != "would"
    if is_role(owner):
        return True
    first = owner.split()[0]
    if first.lower() in NOT_SUBJECT and not first.isupper():
        return False
    if "/" in owner or INITIALS.match(owner):
        toks = [t for t in re.split(r"\s*/\s*", owner) if t]
        if all(people.known(t) or t.lower() in vocab()["markers"] for t in toks):
            return True
        # a task line led by initials nobody is listed with ("KB/DL to compile the survey"):
        # kept, owner as printed, and flagged when resolved
        return kind in ("to", "will", "agreed") and task_verb and all(
            INITIALS.match(t) for t in toks)
    if people.known(owner):
        return True
    if is_unit(owner):
        return kind in ("will", "bare")
    if TITLED.match(owner) or office_surname(owner) or re.fullmatch(rf"[A-Z]\.?\s{SURNAME}",
                                                                     owner):
        return kind != "to" or people.known(owner)
    words = owner.split()
    if len(words) >= 2:
        # a full name nobody lists ("Michael Walder agreed to"); "Planning Committee would"
        # or "Gardens Refurbishment – …" are not people
        return kind == "agreed" and all(
            w[:1].isupper() and w.lower() not in NOT_SUBJECT for w in words)
    # a first name nobody else in the papers carries: only with firm wording
    return kind in ("agreed", "should") and task_verb and owner[:1].isupper() \
        and owner.lower() not in NOT_SUBJECT


def _nearest_subject(s: str, m: re.Match, kind: str, people: OwnerResolver) -> re.Match | None:
    """The subject nearest before "… and agreed to / will …": in "Gardens Refurbishment – The
    Chair advised that the Parish Council had planted … and would be planting …" it is the
    Parish Council."""
    end = m.start("commit")
    best = None
    for c in _rx()["subject"].finditer(s, m.start(), end):
        if _valid(c.group("owner"), kind, m.group("verb"), people, s[:c.start()]):
            best = c
    return best


def _known_person(owner: str, people: OwnerResolver) -> bool:
    return all(people.known(p) for p in re.split(r"\s*(?:/|\band\b|&)\s*", owner) if p)

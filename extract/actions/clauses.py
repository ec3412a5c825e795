"""Clause-level shapes the commitment finder leans on (the words are in actions.json):
- asides between a subject and its verb, removed before the subject is looked for: "Cllr
  Dunn, who chairs the club, will …", "ES would, as last year, provide …";
- an action list's "LS: print the papers" shorthand, and a task line run into the sentence
  before it ("… from Ann Lee KV will download it");
- tasks nobody is named for: decided tasks in the passive ("New signage will be ordered",
  "Two laptops to be bought") and requests of unnamed officers ("requested a report to the
  August meeting", "a timeframe was requested"). They are actions with no owner, flagged.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import load_vocab

BE = re.compile(r"(?i)\bbe\s")
RELATIVE_ASIDE = re.compile(r",\s(?:who|which|whose)\s[^,;.]{1,80},(?=\s)")
MODAL_ASIDE = re.compile(r"\b(?P<modal>will|would|shall|should),\s[^,;.]{1,60},\s"
                         r"(?:(?:will|would)\s)?")
INITIALS_COLON = re.compile(r"^(?P<owner>[A-Z]{2,4}|[A-Z][a-z]?[A-Z][a-z]{0,3})\s?:\s"
                            r"(?P<verb>[A-Za-z]+)")


def without_asides(s: str) -> str:
    if "," not in s:  # both asides are set off by commas
        return s
    return MODAL_ASIDE.sub(r"\g<modal> ", RELATIVE_ASIDE.sub("", s))


@lru_cache(maxsize=1)
def _rx() -> dict:
    raw = load_vocab(__package__, "actions.json")
    done = "|".join(sorted(map(re.escape, raw["agentless_participles"]), key=len, reverse=True))
    things = "|".join(sorted(raw["requested_things"], key=len, reverse=True))
    return {
        "agentless": re.compile(
            r"(?i)(?:\b(?P<lead>[a-z]+)\s+)?\b(?:will|would|is\s+to|are\s+to|to)\s+"
            r"(?:now\s+|also\s+|then\s+|first\s+|further\s+)?be\s+(?:[a-z]+\s+and\s+)?"
            rf"(?:further\s+)?(?:{done})\b(?!\s+by\s+(?:the\s+)?[A-Z])"),
        "requested": re.compile(
            rf"\b(?:requested|asked\s+for)\s+(?:a|an|the|further|more|regular|written)\s+"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{things})\b|\b(?:[Aa]|[Aa]n)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:{things})\s+(?:was|were)\s+requested\b|\brequested\s+to\s+be\s+kept\s+"
            r"(?:informed|updated|advised|briefed)\b"),
        "not_before": set(raw["agentless_not_before"]),
        # "… to allow for matting to be put down": why the work was done, not a task
        "purpose": re.compile(rf"(?i)\b(?:{'|'.join(raw['purpose_verbs'])})(?:s|ed|ing)?\s+"
                              r"(?:for\s+)?(?:[\w-]+\s){0,3}$"),
        "reject": re.compile(raw["agentless_reject"]),
        "run_on": re.compile(r"(?<=[A-Za-z]\s)(?P<before>[A-Za-z]+)\s(?P<owner>[A-Z]{2,4})\s"
                             r"(?:will|to)\s(?P<verb>[a-z][a-z-]+)\b"),
        "run_on_not_after": set(raw["run_on_not_after"]),
    }


def nobody_named(s: str) -> bool:
    """A task decided or requested with no doer named; not a forecast ("is due to be
    published"), a hope ("Members hoped parking would be provided"), a condition's outcome
    ("If …, the sum would be added"), a purpose ("… to allow for matting to be put down") nor a
    question."""
    rx = _rx()
    if rx["requested"].search(s):
        return True
    # every agentless wording has "be" after its modal ("will be ordered"): most sentences
    # have none, and are spared the rejections and the pattern
    if not BE.search(s) or s.rstrip().endswith("?") or rx["reject"].search(s):
        return False
    return any((m.group("lead") or "").lower() not in rx["not_before"]
               and not rx["purpose"].search(s, 0, m.start()) for m in rx["agentless"].finditer(s))


def run_on_tasks(s: str, verbs: set[str]) -> list[re.Match]:
    """"… received from Ann Lee KV will download it": a task line led by initials whose full
    stop was lost; not the object of a preposition or a verb ("an email from KV to ask",
    "will contact KV to arrange"). The caller checks the initials are on the roster."""
    rx = _rx()
    return [m for m in rx["run_on"].finditer(s) if m.group("verb") in verbs and (
        m.group("before").lower() not in rx["run_on_not_after"] | verbs)]


def task_ing(verb: str, verbs: set[str]) -> bool:
    """"will be attending", "will be making": the -ing form of a task verb; not "will be
    standing down", which says what happens."""
    stem = verb[:-3] if verb.endswith("ing") else ""
    return bool(stem) and bool({stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""}
                               & verbs)

"""Pure mapping from extraction records (`extract.model`) to store rows (`store.schema`).

No session, no queries: each function takes the typed record plus the ids it needs and
returns an unsaved row. Values a paper might get wrong (an unknown category, a status word
we do not know) are normalised here and reported back as a `Problem`, which `store.save`
turns into a flag for the clerk rather than guessing silently.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from extract import model as rec

from . import schema as db
from .names import collapse


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str


@dataclass(frozen=True)
class Where:
    """Provenance for one fact: the stored document and the record's evidence."""

    document_id: int
    page: int | None
    block: int | None
    extractor: str | None
    span_start: int | None = None
    span_end: int | None = None

    def columns(self) -> dict[str, Any]:
        """The `schema.Provenance` columns, for a row's constructor."""
        return {"document_id": self.document_id, "page": self.page, "block": self.block,
                "extractor": self.extractor, "span_start": self.span_start,
                "span_end": self.span_end}


def where(document_id: int, evidence: rec.Evidence | None) -> Where:
    if evidence is None:
        return Where(document_id, None, None, None)
    # Evidence leaves start = end = 0 when the extractor gave no span.
    span = (evidence.start, evidence.end) if evidence.end > evidence.start else (None, None)
    return Where(document_id, evidence.page, evidence.block, evidence.extractor or None,
                 *span)


# What papers write for "done", in a status column, an update column, a matters-arising
# note. One vocabulary for the whole store: `action_status` maps a status column with it,
# and `store.carry` closes an action thread with it. Anything else is open.
CLOSING_PHRASES: tuple[str, ...] = (
    "closed", "complete", "completed", "done", "achieved", "finished", "discharged",
    "resolved", "actioned", "no further action", "nfa", "blue",
)
# Words just before a closing phrase that mean it is not closed yet ("to be completed",
# "not yet done", "once the review is complete"), looked for among the five words before.
NOT_YET_WORDS = frozenset({
    "not", "yet", "be", "being", "until", "once", "when", "if", "partially", "partly",
    "nearly", "almost", "awaiting", "pending", "before", "never",
})
_WORD_RE = re.compile(r"[a-z0-9]+")


def words(text: str | None) -> list[str]:
    """Lower-case words and numbers of `text`, punctuation dropped."""
    return _WORD_RE.findall((text or "").casefold())


def singular(word: str) -> str:
    """A word with a plural "s" taken off, so "invoices" and "invoice", "councillors" and
    "councillor" compare equal ("address", "bus" are left alone)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
        else word


@cache
def closing_vocab() -> dict[str, Any]:
    """`closing.json`: how papers say an action is done (see its `_doc`)."""
    return json.loads(files("store").joinpath("closing.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=65536)  # a batch meets the same few thousand tokens again and again
def _unglued(token: str) -> tuple[str, ...]:
    """A token bad PDF spacing glued to a closing word, split at the word's edge
    ("actioncompleted" -> action completed, "paidby" -> paid by); any other token as is.
    Only known closing words split off, and never where the letters make another word
    ("incomplete", "present"): see `closing.json`."""
    v = closing_vocab()
    for word in v["glue_words"]:
        rest = token[:-len(word)] if token.endswith(word) else None
        if rest and len(rest) >= 2 and rest.isalpha() and rest not in v["glue_prefixes"]:
            return (rest, word)
        rest = token[len(word):] if token.startswith(word) else None
        if rest and rest in v["glue_followers"]:
            return (word, rest)
    return (token,)


def _closing_words(text: str | None) -> list[str]:
    return [w for token in words(text) for w in _unglued(token)]


def says_closed(text: str | None) -> bool:
    """Whether a paper's words say an action is done: "Complete", "Completed - letter
    sent", "No further action", "Actioncompleted" (glued); not "To be completed by March",
    "Not yet done", "Incomplete"."""
    return _closed(_closing_words(text))


def _closed(found: list[str]) -> bool:
    """`says_closed` of a text split into its closing words."""
    phrases = _by_first_word(CLOSING_PHRASES)
    for i, word in enumerate(found):
        for target in phrases.get(word, ()):
            if found[i:i + len(target)] == target and not NOT_YET_WORDS.intersection(
                    found[max(0, i - 5):i]):
                return True
    return False


@cache
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[list[str], ...]]:
    """Phrases split into words and filed under their first word: a phrase can only start
    where its first word stands, so each word of a text is tried against its few phrases
    rather than every phrase (the store reads every update and note through these)."""
    out: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        target = phrase.split()
        if target:  # an empty phrase would match nothing useful; closing.json has none
            out.setdefault(target[0], []).append(target)
    return {k: tuple(v) for k, v in out.items()}


_SENTENCE_RE = re.compile(r"[.;!?\n]|\s[–—-]\s")


# The save asks it of every note and the carry-forward again of the same notes when it
# reads the body's papers back; the answer depends on the text alone (`closing.json` is read once).
@lru_cache(maxsize=4096)
def says_done(text: str | None) -> bool:
    """Whether a row or sentence reports the work done without a closing word: "letter
    sent", "quotes obtained and approved", "has been installed", "now on the website".
    The last thing it says wins: "sent; awaiting reply" and "approved, work to be booked"
    are not done, nor is "to be sent" or "not yet paid" (`closing.json`)."""
    found = _closing_words(text)
    if _closed(found):
        return True
    v = closing_vocab()
    done = _by_first_word(tuple(v["done_participles"]))
    # Only a done participle or "now" can make it done: most narrative has neither, and the
    # text's words tell (the sentences' words are the text's: they split at what is no word).
    if "now" not in found and done.keys().isdisjoint(found):
        return False
    states = _by_first_word(tuple(v["now_states"]))
    markers = _by_first_word(tuple(v["open_markers"]))
    not_yet = frozenset(v["not_yet"])
    perfect = frozenset(v["perfect_auxiliaries"])
    last: bool | None = None
    for sentence in _SENTENCE_RE.split((text or "").casefold()):
        found = _closing_words(sentence)
        for i, word in enumerate(found):
            if any(found[i:i + len(m)] == m for m in markers.get(word, ())):
                last = False
            elif any(found[i:i + len(p)] == p for p in done.get(word, ())):
                last = not _negated(found, i, not_yet, perfect)
            elif word == "now" and i + 1 < len(found) and any(
                    found[i + 1:i + 1 + len(s)] == s for s in states.get(found[i + 1], ())):
                last = not _negated(found, i, not_yet, perfect)
    return bool(last)


def done_pairs(text: str | None) -> list[tuple[str, str]]:
    """What a done-report says was done, as (thing, verb) pairs: "a response to the letter
    sent" -> ("letter", "send"), "quotes have been obtained" -> ("quote", "obtain"). The
    verb is the participle's own where `closing.json` lists it ('done_verbs': "sent" ->
    "send"), else the participle without its ending."""
    v = closing_vocab()
    irregular: dict[str, str] = v["done_verbs"]
    single = {p for p in v["done_participles"] if " " not in p}
    between = frozenset(v["perfect_auxiliaries"]) | _DONE_BETWEEN
    not_yet = frozenset(v["not_yet"])
    perfect = frozenset(v["perfect_auxiliaries"])
    out: list[tuple[str, str]] = []
    for sentence in _SENTENCE_RE.split((text or "").casefold()):
        found = _closing_words(sentence)
        for i, w in enumerate(found):
            if w not in single or _negated(found, i, not_yet, perfect):
                continue
            j = i - 1
            while j >= 0 and (found[j] in between or found[j] == "and" or found[j] in single):
                j -= 1  # "quotes obtained and approved": both of the quotes
            if j >= 0 and not found[j].isdigit():
                verb = irregular.get(w) or (w[:-3] + "y" if w.endswith("ied") else
                                            w[:-2] if w.endswith("ed") else w)
                out.append((singular(found[j]), verb))
    return out


# Words between a done thing and its participle: "the letter has now been sent".
_DONE_BETWEEN = frozenset({"been", "was", "were", "is", "are", "now", "all", "also", "duly"})


def says_handed_over(text: str | None) -> bool:
    """Whether a row's whole update refers the action to an item of the meeting ("Agenda
    item", "See item 7", "Covered in item 10"): the matter is dealt with there, and the
    action log stops carrying it. Only the whole cell: "Agenda item" after other words, or
    "next agenda", leaves it open (`closing.json`, 'handed_over')."""
    found = words(text)
    while found and any(ch.isdigit() for ch in found[-1]):
        found = found[:-1]  # the item's number, printed any way ("10", "5b", "05.24.06")
    return bool(found) and " ".join(found) in closing_vocab()["handed_over"] \
        and len(words(text)) - len(found) <= 3


def _negated(found: list[str], i: int, not_yet: frozenset[str],
             perfect: frozenset[str]) -> bool:
    """Whether a `not_yet` word stands among the few words before `found[i]`. "No" right
    before "has"/"had" is a member's initials written in capitals ("NO has sent the
    letter"): English says "no one has", never "no has"."""
    start = max(0, i - 3)
    return any(w in not_yet and not (w == "no" and found[start + k + 1:start + k + 2]
                                     and found[start + k + 1] in perfect)
               for k, w in enumerate(found[start:i]))


def action_status(raw: str | None) -> tuple[str, str | None]:
    """(open|closed, the paper's own word when it was something else)."""
    if raw is None or not raw.strip():
        return "open", None
    word = collapse(raw).lower()
    if word in db.ACTION_STATUSES:
        return word, None
    return ("closed" if says_closed(raw) else "open"), collapse(raw)


def text_key(text: str) -> str:
    """Key for "the same fact reported by two documents": case and spacing ignored."""
    return collapse(text).lower()


def normal_text(text: str | None) -> str:
    """Text for matching one paper's wording against another's: case, spacing and
    punctuation ignored ("Cllr. Prynn to write." = "cllr prynn to write")."""
    return " ".join(words(text))


def action_key(organisation_key: str | None, body_key: str, date: dt.date | None,
               text: str) -> str:
    """The natural key of an action: sha256 over its organisation's and body's name keys,
    its meeting's date and its text (`text_key`: case and spacing ignored), 64 hex digits.

    The same in every reading and every copy of the paper, so it survives re-extraction and
    supersession: the clerk's corrections are keyed by it (`store.corrections`), and it is
    stored on each action (`actions.key`). Not the record: the same action in the agenda and
    the minutes of one day is one action. Undated meetings all share date None, so an
    undated action is told apart by its text alone.
    """
    joined = "\x1f".join("" if p is None else str(p) for p in
                          ("action", organisation_key or "", body_key, date, text_key(text)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


# Spellings of the offices a role column gives, to one key each.
_ROLE_KEYS = {
    "chair": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "vice chair": "vice-chair", "vice chairman": "vice-chair", "vice chairperson":
    "vice-chair", "deputy chair": "vice-chair", "vice chairwoman": "vice-chair",
}


def role_key(role: str) -> str:
    """"Vice-Chairman" -> "vice-chair", "Chairperson" -> "chair"; other roles as words
    ("Clerk", "Democratic Services Officer" -> "clerk", "democratic services officer")."""
    key = " ".join(words(role))
    return _ROLE_KEYS.get(key, key)


def source_to_document(source: rec.SourceInfo, sha256: str, now: dt.datetime
                       ) -> tuple[db.Document, list[Problem]]:
    problems: list[Problem] = []
    status = source.status if source.status in db.DOCUMENT_STATUSES else "failed"
    if status != source.status:
        problems.append(Problem("document-status-unknown",
                                f"ingest gave status {source.status!r}; stored as failed"))
    doc = db.Document(
        sha256=sha256,
        file_name=source.file,
        format=source.format,
        pages=source.pages,
        status=status,
        problems="\n".join(source.problems) or None,
        ingested_at=now,
    )
    detail = "; ".join(source.problems) or "no reason given"
    if status == "failed":
        problems.append(Problem("document-failed", f"{source.file} could not be read: {detail}"))
    elif status == "partial":
        problems.append(Problem("document-partial",
                                f"{source.file} was only partly read: {detail}"))
    return doc, problems


def meeting_record_kind(meeting: rec.Meeting) -> tuple[str, list[Problem]]:
    if meeting.record in db.RECORD_KINDS:
        return meeting.record, []
    return "minutes", [Problem("record-kind-unknown",
                               f"meeting record {meeting.record!r} stored as minutes")]


def attendee_to_attendance(a: rec.Attendee, meeting_id: int, person_id: int, at: Where
                           ) -> tuple[db.Attendance, list[Problem]]:
    problems: list[Problem] = []
    category: str = a.category
    if category not in db.CATEGORIES:
        problems.append(Problem("attendee-category-unknown",
                                f"{a.name}: category {a.category!r} stored as 'other'"))
        category = "other"
    row = db.Attendance(
        meeting_id=meeting_id, person_id=person_id, category=category, role=a.role,
        title=a.title, organisation=a.organisation, substitute_for=a.substitute_for,
        **at.columns(),
    )
    return row, problems


def apology_to_row(a: rec.Apology, meeting_id: int, person_id: int, at: Where) -> db.Apology:
    return db.Apology(meeting_id=meeting_id, person_id=person_id, title=a.title,
                      **at.columns())


def item_to_row(i: rec.AgendaItem, meeting_id: int, at: Where) -> db.AgendaItem:
    return db.AgendaItem(meeting_id=meeting_id, number=i.number, title=i.title,
                         **at.columns())


def resolution_to_row(r: rec.Resolution, meeting_id: int, at: Where) -> db.Resolution:
    return db.Resolution(meeting_id=meeting_id, item=r.item, text=r.text, **at.columns())


def note_to_row(n: rec.Note, meeting_id: int, at: Where) -> db.Note:
    return db.Note(meeting_id=meeting_id, item=n.item, text=n.text, arising=n.arising,
                   **at.columns())


def says_none_outstanding(text: str | None) -> bool:
    """Whether a sentence says the body carried no actions into the meeting ("There were
    no outstanding actions from the last meeting": `closing.json`)."""
    norm = f" {normal_text(text)} "
    return any(p in norm for p in _none_outstanding())


@cache
def _none_outstanding() -> tuple[str, ...]:
    """`closing.json`'s none-outstanding phrases, normalised once (a save asks of every note)."""
    return tuple(f" {normal_text(p)} " for p in closing_vocab()["none_outstanding"])


def keeps_note(n: rec.Note) -> bool:
    """A narrative note worth keeping: any under matters arising or a clerk's report, and
    elsewhere only one that reports work done or nothing outstanding (the rest of the
    minutes' narrative speaks to no action)."""
    return n.arising or says_done(n.text) or says_none_outstanding(n.text)


def action_to_row(a: rec.Action, meeting_id: int, at: Where, key: str | None = None
                  ) -> db.Action:
    """`key` is the action's natural key (`action_key`), which needs the meeting's body."""
    status, status_text = action_status(a.status)
    return db.Action(
        meeting_id=meeting_id, item=a.item, text=a.text, due=a.due, due_text=a.due_text,
        status=status, status_text=status_text, ref=a.ref, update=a.update,
        owner_text=a.owner_text, key=key, **at.columns(),
    )


def rag_status(value: str | None, what: str) -> tuple[str | None, list[Problem]]:
    if value is None:
        return None, []
    word = value.strip().lower()
    if word in db.RAG_STATUSES:
        return word, []
    return None, [Problem("rag-status-unknown", f"{what}: status {value!r} is not R/A/G/B")]


def rag_item_to_row(r: rec.RagItem, meeting_id: int, at: Where
                    ) -> tuple[db.RagItem, list[Problem]]:
    label = r.ref or r.text[:60]
    status, problems = rag_status(r.status, label)
    previous, more = rag_status(r.previous_status, label)
    row = db.RagItem(
        meeting_id=meeting_id, ref=r.ref, text=r.text, status=status,
        previous_status=previous, status_source=r.status_source, due_text=r.due_text,
        **at.columns(),
    )
    return row, problems + more


def flag_to_row(f: rec.Flag, meeting_id: int | None, document_id: int,
                action_id: int | None = None) -> db.Flag:
    """`action_id`: the stored row of the action the flag is about (`store.flags`)."""
    at = where(document_id, f.evidence)
    columns = at.columns() | {"page": f.page if f.page is not None else at.page}
    return db.Flag(meeting_id=meeting_id, kind=f.kind, message=f.message, dismissed=False,
                   action_id=action_id, owner=f.owner if action_id is not None else None,
                   **columns)


def problem_to_flag(p: Problem, meeting_id: int | None, at: Where,
                    action_id: int | None = None, owner: str | None = None) -> db.Flag:
    """A problem the store itself found; extractor "store" says who raised it. `action_id`
    and `owner`: the action (and its one owner) it is about."""
    columns = at.columns() | {"extractor": "store"}
    return db.Flag(meeting_id=meeting_id, kind=p.kind, message=p.message, dismissed=False,
                   action_id=action_id, owner=owner, **columns)


def part_to_row(p: rec.FilePart, document_id: int, position: int) -> db.DocumentPart:
    # An ingest kind the store does not know yet is kept as "other", title and pages intact.
    kind = p.kind if p.kind in db.PART_KINDS else "other"
    return db.DocumentPart(document_id=document_id, position=position, kind=kind,
                           title=p.title, item=p.item, first_page=p.first_page,
                           last_page=p.last_page)

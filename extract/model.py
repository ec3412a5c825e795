"""The typed records extract hands to store and to the JSON contract.

Each fact carries `Evidence`: the page/block/span it was read from and the extractor that
made it, so the clerk's review queue and every report row can point back at the words.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Category = Literal["member", "substitute", "co-opted", "officer", "other", "public"]
Record = Literal["minutes", "agenda"]
RagStatus = Literal["red", "amber", "green", "blue"]


@dataclass(frozen=True)
class Evidence:
    page: int | None
    block: int | None = None
    start: int = 0
    end: int = 0
    extractor: str = ""
    quote: str = ""  # the words the fact was read from, bounded (see text.bounded)


@dataclass
class Attendee:
    name: str  # without titles: "Ian Brown"
    title: str | None = None  # "County Councillor", "Cllr", "Mr"
    category: Category = "member"
    role: str | None = None  # "Chair", "Vice-Chair", "Clerk"
    organisation: str | None = None
    initials: str | None = None  # as printed: "(NO)"
    substitute_for: str | None = None
    arrived: str | None = None  # "from item 3", "7.15pm"
    left: str | None = None
    evidence: Evidence | None = None


@dataclass
class Apology:
    name: str
    title: str | None = None
    evidence: Evidence | None = None


@dataclass
class AgendaItem:
    number: str
    title: str
    evidence: Evidence | None = None


@dataclass
class Resolution:
    item: str | None
    text: str
    evidence: Evidence | None = None


@dataclass
class Note:
    """A sentence of narrative (`decisions.notes`): under a matters-arising or clerk's-report
    item (`arising`), or under any other item. Not part of the JSON contract."""

    item: str | None
    text: str  # bounded (notes.json max_chars)
    arising: bool = False
    evidence: Evidence | None = None


@dataclass
class Action:
    item: str | None
    text: str
    owners: list[str] = field(default_factory=list)  # resolved names, or roles/bodies
    owner_text: str | None = None  # as written: "DT", "Clerk", "MS/AB"
    due: dt.date | None = None
    due_text: str | None = None
    status: str | None = None  # "open", "closed" when a table says so
    update: str | None = None  # an action table's update column
    ref: str | None = None  # an action table's own reference ("Sept24.02")
    evidence: Evidence | None = None


@dataclass
class RagItem:
    ref: str | None
    text: str
    status: RagStatus | None
    previous_status: RagStatus | None = None
    status_source: Literal["word", "fill", "legend", None] = None
    due_text: str | None = None
    evidence: Evidence | None = None


@dataclass
class Flag:
    kind: str  # stable slug: "owner-unresolved", "rag-unrated", "attendance-missing" …
    message: str
    page: int | None = None
    evidence: Evidence | None = None
    # The action it is about (the very record in `Meeting.actions`), so the store can tie
    # the flag to the action's row; and the one owner of it the flag names, as the action's
    # `owners` keep it. Not part of the JSON contract.
    action: Action | None = field(default=None, repr=False, compare=False)
    owner: str | None = None


@dataclass
class Meeting:
    body: str | None = None
    organisation: str | None = None
    date: dt.date | None = None
    record: Record = "minutes"
    pages: tuple[int, int] | None = None
    venue: str | None = None
    start_time: str | None = None
    next_meeting: dt.date | None = None
    attendees: list[Attendee] = field(default_factory=list)
    apologies: list[Apology] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    rag_items: list[RagItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass
class FilePart:
    """One paper inside the file, as ingest found it (`ingest.model.Part`): an agenda pack's
    front sheet, agenda, reproduced minutes, each report and appendix. Pages are 1-based
    and inclusive; None for formats without pages."""

    kind: str  # front / agenda / minutes / report / appendix / other
    title: str
    item: str | None = None  # the agenda item the paper belongs to ("5", "6a")
    first_page: int | None = None
    last_page: int | None = None


@dataclass
class SourceInfo:
    file: str
    sha256: str
    format: str
    pages: int | None
    status: str = "ok"  # ingest status: ok / partial / failed
    problems: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    source: SourceInfo
    meetings: list[Meeting] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    parts: list[FilePart] = field(default_factory=list)

"""ORM models: the tables boardpapers keeps. Separate from the pipeline records in
`extract.model`; `store.save` maps one to the other explicitly.

Types are kept to what SQLite and PostgreSQL both do the same way (String, Text, Integer,
Date, DateTime, Boolean); enumerations are strings with named CHECK constraints rather than
native ENUMs, which would need their own migrations on PostgreSQL. Text read from papers is
`Text`, never a bounded VARCHAR: SQLite ignores lengths and PostgreSQL enforces them, so a
bounded column would let a document save on one and fail on the other.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Fixed before the first migration: every constraint gets a predictable name, so later
# migrations (and SQLite batch mode, which must name what it drops) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DOCUMENT_STATUSES = ("ok", "partial", "failed")
RECORD_KINDS = ("minutes", "agenda")
ACTION_STATUSES = ("open", "closed")
OWNER_KINDS = ("person", "role", "unmatched")
RAG_STATUSES = ("red", "amber", "green", "blue")
CATEGORIES = ("member", "substitute", "co-opted", "officer", "other", "public")
PART_KINDS = ("front", "agenda", "minutes", "report", "appendix", "other")
# What a paper's word on an action thread was: the meeting that raised it, a later action
# (table) row, a RAG row, a matters-arising note. See store.carry.
MENTION_KINDS = ("raised", "action", "rag", "matters-arising")
# What closed a thread: the raising paper itself, a mention of one of the kinds above, or
# the clerk (store.carry.set_clerk_status).
CLOSED_BY = ("raised", "action", "rag", "matters-arising", "clerk")


def _in(column: str, values: tuple[str, ...]) -> str:
    # Only ever called with the constants above, never with data read from a paper.
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Provenance:
    """Where a fact was read: which stored document, which page and block, which extractor.

    Every fact row carries these so a report row can point back at the exact words.
    """

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    page: Mapped[int | None] = mapped_column(Integer)
    block: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str | None] = mapped_column(Text)
    # The characters of the block the fact was read from; None when the extractor gave no
    # span. Not "start"/"end": END is reserved in PostgreSQL.
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, unique=True)


class Body(Base):
    """A council, committee, board or panel whose meetings we record."""

    __tablename__ = "bodies"
    # organisation_id may be NULL (papers that never name the council); `store.save` looks a
    # body up before inserting, because SQL treats NULLs as distinct in a unique constraint.
    __table_args__ = (UniqueConstraint("organisation_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)

    organisation: Mapped[Organisation | None] = relationship()


class Meeting(Base):
    """One sitting of a body. Identity is body + date + record, so the minutes file and the
    same minutes reproduced in the next agenda pack are one meeting with two sources."""

    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("body_id", "date", "record"),
        CheckConstraint(_in("record", RECORD_KINDS), name="record"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    record: Mapped[str] = mapped_column(String(20))
    venue: Mapped[str | None] = mapped_column(Text)
    start_time: Mapped[str | None] = mapped_column(Text)

    body: Mapped[Body] = relationship()


class Document(Base):
    """A file we read, stored once by content hash; failed files are kept too.

    `file_name` is the name the stored record was read from; every name and path the same
    bytes were seen under is in `document_files`.
    """

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint(_in("status", DOCUMENT_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(Text)
    pages: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    problems: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # What read it ("boardpapers 0.2.0; ocr tesseract"); None before this was recorded.
    # A failed or partial record is read again when the reader differs: see store.save.
    reader: Mapped[str | None] = mapped_column(Text)


class DocumentFile(Base):
    """A name and path a stored document was seen under. Documents are keyed by content,
    so two files with the same bytes (a copy, a renamed download, two empty files) are one
    document with two rows here, and neither file goes unrecorded."""

    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("document_id", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)  # absolute path as the batch was given it
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class MeetingSource(Base):
    """Which documents (and which of their pages) record a meeting.

    A source whose facts a newer version of the same paper replaced keeps its row, with
    `superseded_by_source_id` naming the newer version's source row for the same meeting
    (see `store.meetings.supersede_versions`): the old file is still recorded as a source,
    its facts are not counted twice. (A source row, not a document: a second foreign key to
    `documents` would make every implicit join of the two ambiguous.)
    """

    __tablename__ = "meeting_sources"
    __table_args__ = (UniqueConstraint("meeting_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    first_page: Mapped[int | None] = mapped_column(Integer)
    last_page: Mapped[int | None] = mapped_column(Integer)
    superseded_by_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_sources.id", ondelete="SET NULL"), index=True)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class DocumentPart(Base):
    """One paper inside a stored file, as ingest found it: an agenda pack's front sheet,
    its agenda, the previous minutes it reproduces, each report and appendix, with their
    page spans (None for formats without pages). Replaced whenever the document is read
    again."""

    __tablename__ = "document_parts"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        CheckConstraint(_in("kind", PART_KINDS), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    position: Mapped[int] = mapped_column(Integer)  # order in the file, from 0
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(Text)  # agenda item number ("5", "6a")
    first_page: Mapped[int | None] = mapped_column(Integer)
    last_page: Mapped[int | None] = mapped_column(Integer)


class Person(Base):
    """A person as known to one body. Matched by name key within that body only."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("body_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    # Indexed on its own: the by-person queries look a name up across every body.
    name_key: Mapped[str] = mapped_column(Text, index=True)
    surname_key: Mapped[str] = mapped_column(Text, index=True)


class Attendance(Provenance, Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        CheckConstraint(_in("category", CATEGORIES), name="category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    role: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    substitute_for: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship()


class Apology(Provenance, Base):
    __tablename__ = "apologies"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship()


class AgendaItem(Provenance, Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    number: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)


class Resolution(Provenance, Base):
    __tablename__ = "resolutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    item: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class Action(Provenance, Base):
    __tablename__ = "actions"
    __table_args__ = (CheckConstraint(_in("status", ACTION_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    item: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date | None] = mapped_column(Date)
    due_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    # What the paper's own status column said ("Complete", "Ongoing"), before mapping.
    status_text: Mapped[str | None] = mapped_column(Text)
    ref: Mapped[str | None] = mapped_column(Text)
    update: Mapped[str | None] = mapped_column(Text)
    owner_text: Mapped[str | None] = mapped_column(Text)
    # The action's natural key (`store.mapping.action_key`: body, meeting date and record,
    # normalised text), the same for every reading and every copy of the paper, so the
    # clerk's corrections and the action's thread find it again after a re-read. Always
    # written; nullable only so 0003 could add it in place on SQLite.
    key: Mapped[str | None] = mapped_column(String(64), index=True)

    meeting: Mapped[Meeting] = relationship()
    owners: Mapped[list[ActionOwner]] = relationship(
        back_populates="action", order_by="ActionOwner.position"
    )
    document: Mapped[Document] = relationship()


class ActionOwner(Base):
    """Who must do an action: a person of the body, or role/body text ("Clerk", "The
    Board"), or a name that matched nobody, kept as written and flagged for the clerk."""

    __tablename__ = "action_owners"
    __table_args__ = (
        CheckConstraint(_in("kind", OWNER_KINDS), name="kind"),
        CheckConstraint("(kind = 'person') = (person_id IS NOT NULL)", name="person_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)  # the owner as the extraction gave it
    text_key: Mapped[str] = mapped_column(Text, index=True)

    action: Mapped[Action] = relationship(back_populates="owners")
    person: Mapped[Person | None] = relationship()


class RagItem(Provenance, Base):
    __tablename__ = "rag_items"
    __table_args__ = (
        CheckConstraint(_in("status", RAG_STATUSES), name="status"),
        CheckConstraint(_in("previous_status", RAG_STATUSES), name="previous_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    ref: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(10))  # None: the row had no rating
    previous_status: Mapped[str | None] = mapped_column(String(10))
    status_source: Mapped[str | None] = mapped_column(String(20))  # word / fill / legend
    due_text: Mapped[str | None] = mapped_column(Text)


class Flag(Provenance, Base):
    """Something the clerk should look at. `dismissed` is set by the clerk, never by us."""

    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    kind: Mapped[str] = mapped_column(Text, index=True)
    message: Mapped[str] = mapped_column(Text)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)


class PersonRole(Provenance, Base):
    """An office a person held at one meeting of a body (Chair, Vice-Chair, Clerk …), as
    the attendance list gave it. One row per meeting, so who held a role when is the rows
    of one body and role in date order (`store.queries.role_holders`). Rows read from a
    paper hang off their attendance row and go with it when a reading is replaced."""

    __tablename__ = "person_roles"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", "role_key"),
        Index("ix_person_roles_body_role_date", "body_id", "role_key", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    attendance_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)  # the meeting's, for range queries
    role: Mapped[str] = mapped_column(Text)  # as written: "Vice-Chairman"
    role_key: Mapped[str] = mapped_column(Text)  # normalised: "vice-chair"


class PersonAlias(Base):
    """Another name a person of a body goes by ("S. Prynn", a maiden name), added by the
    clerk's tools. Queries by person match aliases as well as the person's own name."""

    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    alias_key: Mapped[str] = mapped_column(Text, index=True)  # store.names.name_key(alias)


class ActionThread(Base):
    """One action followed across meetings: raised once, then mentioned by later papers
    until something closes it. Derived from the facts by `store.carry`, which rebuilds a
    body's threads after each save; the clerk_* columns are the clerk's and survive that.

    Foreign keys to facts are SET NULL: when a reading is replaced the thread is briefly
    stale (no raising action) and `store.carry` rebuilds its body in the same transaction.
    """

    __tablename__ = "action_threads"
    __table_args__ = (
        CheckConstraint(_in("status", ACTION_STATUSES), name="status"),
        CheckConstraint(_in("clerk_status", ACTION_STATUSES), name="clerk_status"),
        CheckConstraint(_in("closed_by", CLOSED_BY), name="closed_by"),
        # Status has two values, so no index leads with it: SQLite without statistics
        # would pick it over the selective owner and due indexes and read every open row.
        Index("ix_action_threads_body_status", "body_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    key: Mapped[str] = mapped_column(String(64), unique=True)  # the raising action's key
    raised_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True)
    raised_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    raised_on: Mapped[dt.date | None] = mapped_column(Date)
    ref: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    # The latest action of the thread that names owners: whose it is now.
    owner_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True)
    # The latest due date any paper gave; indexed for the overdue listing.
    due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    due_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    status_note: Mapped[str | None] = mapped_column(Text)  # the words behind the status
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_by: Mapped[str | None] = mapped_column(String(20))
    last_mentioned_on: Mapped[dt.date | None] = mapped_column(Date)
    clerk_status: Mapped[str | None] = mapped_column(String(20))
    clerk_note: Mapped[str | None] = mapped_column(Text)
    clerk_on: Mapped[dt.date | None] = mapped_column(Date)
    # Set on threads 0003 made one per stored action: link them on the next save.
    relink: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class ActionStatus(Provenance, Base):
    """One paper's word on an action thread: the action that raised it, and every later
    action row, RAG row or matters-arising note that spoke to it, with the status that paper
    gave (None: mentioned, no status). Provenance is that of the fact it points at."""

    __tablename__ = "action_status_history"
    __table_args__ = (
        CheckConstraint(_in("kind", MENTION_KINDS), name="kind"),
        CheckConstraint(_in("status", ACTION_STATUSES), name="status"),
        # Also finds, in one lookup, rows whose fact is gone (all three NULL): see
        # store.carry.stale_bodies, which runs on every save.
        Index("ix_action_status_history_sources", "action_id", "rag_item_id",
              "resolution_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("action_threads.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the thread, from 0
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(20))  # how it was linked: ref, text, ...
    status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)  # the paper's words: "Complete", "blue"
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"))
    rag_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("rag_items.id", ondelete="SET NULL"), index=True)
    resolution_id: Mapped[int | None] = mapped_column(
        ForeignKey("resolutions.id", ondelete="SET NULL"), index=True)


class RagThread(Base):
    """One row of a body's RAG-rated plan followed across meetings (same ref, else the
    same text), so its status can be shown as a trend. Derived by `store.carry`."""

    __tablename__ = "rag_threads"
    __table_args__ = (
        UniqueConstraint("body_id", "key"),
        CheckConstraint(_in("status", RAG_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    key: Mapped[str] = mapped_column(String(64))
    ref: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)  # as the latest meeting worded it
    status: Mapped[str | None] = mapped_column(String(10))  # the latest meeting's rating
    first_on: Mapped[dt.date | None] = mapped_column(Date)
    last_on: Mapped[dt.date | None] = mapped_column(Date)


class RagStatus(Provenance, Base):
    """A RAG row's status at one meeting: the steps of its trend (Red → Amber → Green)."""

    __tablename__ = "rag_status_history"
    __table_args__ = (CheckConstraint(_in("status", RAG_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("rag_threads.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String(10))
    rag_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("rag_items.id", ondelete="SET NULL"), index=True)


# --- clerk corrections (store/corrections.py) ---

CORRECTION_KINDS = (
    "owner", "due", "status", "text",  # an action's field, as the clerk set it
    "dismiss_action", "dismiss_flag",  # a false action, a flag the clerk has dealt with
    "merge_people", "alias",  # two names of one person
)


class Correction(Base):
    """A clerk's edit, layered over the extraction and applied again after every save.

    Rows are only ever added: a later correction of the same kind on the same target wins,
    and no run deletes or rewrites one. The target is named by a natural key that survives
    re-extraction (`store.corrections` makes the keys); the *_id columns only say which row
    the correction applies to now, and the database clears them when a re-extraction
    deletes that row. `kind` says which field is set, so there is no separate field column.
    """

    __tablename__ = "corrections"
    __table_args__ = (CheckConstraint(_in("kind", CORRECTION_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    target_key: Mapped[str] = mapped_column(String(64), index=True)
    # The target as the clerk saw it (action text, flag message, person's name), for
    # listing; for people it is also the name the correction is about.
    target: Mapped[str] = mapped_column(Text)
    # Where to look for the target again: a body never goes away, and the date narrows
    # the search to one or two meetings. Both NULL for a flag on a whole document.
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"), index=True)
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    # owner: JSON list of names; due: ISO date; status: open/closed; text; merge_people and
    # alias: the other name. NULL for dismissals.
    value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True)
    flag_id: Mapped[int | None] = mapped_column(
        ForeignKey("flags.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True)

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
    """Which documents (and which of their pages) record a meeting."""

    __tablename__ = "meeting_sources"
    __table_args__ = (UniqueConstraint("meeting_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    first_page: Mapped[int | None] = mapped_column(Integer)
    last_page: Mapped[int | None] = mapped_column(Integer)


class Person(Base):
    """A person as known to one body. Matched by name key within that body only."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("body_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)
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

"""Who meets and what was read: organisations, bodies, meetings, the documents (by
content hash) with the names they were seen under, which documents record which meeting,
and the papers found inside each file."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import DOCUMENT_STATUSES, PART_KINDS, RECORD_KINDS, Base, one_of


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
        CheckConstraint(one_of("record", RECORD_KINDS), name="record"),
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
    __table_args__ = (CheckConstraint(one_of("status", DOCUMENT_STATUSES), name="status"),)

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
        CheckConstraint(one_of("kind", PART_KINDS), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    position: Mapped[int] = mapped_column(Integer)  # order in the file, from 0
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(Text)  # agenda item number ("5", "6a")
    first_page: Mapped[int | None] = mapped_column(Integer)
    last_page: Mapped[int | None] = mapped_column(Integer)

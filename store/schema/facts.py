"""What a paper said about one meeting: attendance and apologies, agenda items,
resolutions, narrative notes, actions with their owners, RAG rows, and the flags raised for
the clerk."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import (
    ACTION_STATUSES,
    CATEGORIES,
    OWNER_KINDS,
    RAG_STATUSES,
    Base,
    Provenance,
    one_of,
)
from .papers import Document, Meeting
from .people import Person


class Attendance(Provenance, Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        CheckConstraint(one_of("category", CATEGORIES), name="category"),
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


class Note(Provenance, Base):
    """A sentence of narrative the minutes told (`extract.decisions.notes`): under a
    matters-arising or clerk's-report item (`arising`), or a done-report under any other
    item. Read by `store.carry` as a mention that may close an action."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    item: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    arising: Mapped[bool] = mapped_column(Boolean, default=False)


class Action(Provenance, Base):
    __tablename__ = "actions"
    __table_args__ = (CheckConstraint(one_of("status", ACTION_STATUSES), name="status"),)

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
        CheckConstraint(one_of("kind", OWNER_KINDS), name="kind"),
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
        CheckConstraint(one_of("status", RAG_STATUSES), name="status"),
        CheckConstraint(one_of("previous_status", RAG_STATUSES), name="previous_status"),
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
    """Something the clerk should look at. `dismissed` is set by the clerk, never by us;
    `resolved` by us, never by the clerk (`store.flags`): a flag is open while neither is."""

    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    kind: Mapped[str] = mapped_column(Text, index=True)
    message: Mapped[str] = mapped_column(Text)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The action the flag is about, set when it is saved; the database clears it when a
    # re-read deletes the action (the flag goes with its own document's reading).
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True)
    # The one owner of that action it is about, as the action's owners keep it ("AS").
    owner: Mapped[str | None] = mapped_column(Text)
    # Why its cause is gone ("owner 'AS' is Alan Smith"), recomputed after every save and
    # correction; NULL while the cause holds. Never the clerk's dismissal: see store.flags.
    resolved: Mapped[str | None] = mapped_column(Text)

"""Threads across meetings, derived by `store.carry`: each action followed from the meeting
that raised it with every later paper's word on it, and each RAG row's status per meeting."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    ACTION_STATUSES,
    CLOSED_BY,
    MENTION_KINDS,
    RAG_STATUSES,
    Base,
    Provenance,
    one_of,
)


class ActionThread(Base):
    """One action followed across meetings: raised once, then mentioned by later papers
    until something closes it. Derived from the facts by `store.carry`, which rebuilds a
    body's threads after each save; the clerk_* columns are the clerk's and survive that.

    Foreign keys to facts are SET NULL: when a reading is replaced the thread is briefly
    stale (no raising action) and `store.carry` rebuilds its body in the same transaction.
    """

    __tablename__ = "action_threads"
    __table_args__ = (
        CheckConstraint(one_of("status", ACTION_STATUSES), name="status"),
        CheckConstraint(one_of("clerk_status", ACTION_STATUSES), name="clerk_status"),
        CheckConstraint(one_of("closed_by", CLOSED_BY), name="closed_by"),
        # Status has two values, so no index leads with it: SQLite without statistics
        # would pick it over the selective owner and due indexes and read every open row.
        Index("ix_action_threads_body_status", "body_id", "status"),
        # The action log's order (store.action_stream): read in index order, no sort.
        Index("ix_action_threads_raised_on_id", "raised_on", "id"),
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
    # Open, and no paper mentioned it for several meetings of its body: the meeting date
    # from which it counts as stale (store.carry.closing), for the clerk to confirm.
    stale_since: Mapped[dt.date | None] = mapped_column(Date)
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
        CheckConstraint(one_of("kind", MENTION_KINDS), name="kind"),
        CheckConstraint(one_of("status", ACTION_STATUSES), name="status"),
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
    # A narrative note's mention (kind matters-arising): the sentence it rests on.
    note_id: Mapped[int | None] = mapped_column(ForeignKey("notes.id", ondelete="SET NULL"),
                                                index=True)


class RagThread(Base):
    """One row of a body's RAG-rated plan followed across meetings (same ref, else the
    same text), so its status can be shown as a trend. Derived by `store.carry`."""

    __tablename__ = "rag_threads"
    __table_args__ = (
        UniqueConstraint("body_id", "key"),
        CheckConstraint(one_of("status", RAG_STATUSES), name="status"),
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
    __table_args__ = (CheckConstraint(one_of("status", RAG_STATUSES), name="status"),)

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


class CarrySnapshot(Base):
    """The carry-forward's fold state after a body's latest meeting, so a save that only
    adds later meetings folds just those (`store.carry.snapshot`). A cache: deleting it
    costs one full rebuild; it is ignored when `rules` (the carry code's version) differs."""

    __tablename__ = "carry_snapshots"

    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"),
                                         primary_key=True)
    rules: Mapped[str] = mapped_column(String(64))
    # New on every write: a process's copy of the state is current while it matches.
    token: Mapped[str] = mapped_column(String(32))
    meetings: Mapped[int] = mapped_column(Integer)  # how many meetings the state folded
    state: Mapped[bytes] = mapped_column(LargeBinary)

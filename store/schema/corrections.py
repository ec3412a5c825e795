"""The clerk's corrections, layered over the extraction (`store.corrections`)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, one_of

CORRECTION_KINDS = (
    "owner", "due", "status", "text",  # an action's field, as the clerk set it
    "dismiss_action", "dismiss_flag",  # a false action, a flag the clerk has dealt with
    "merge_people", "alias",  # two names of one person
    "accept_flag",  # a flag whose fact is right as read: closed, unlike a dismissal, as such
    "add_action",  # an action the extraction missed (store.corrections.added)
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
    __table_args__ = (CheckConstraint(one_of("kind", CORRECTION_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    target_key: Mapped[str] = mapped_column(String(64), index=True)
    # The target as the clerk saw it (action text, flag message, person's name), for
    # listing; for people it is also the name the correction is about.
    target: Mapped[str] = mapped_column(Text)
    # Where to look for the target again: a body never goes away, and the date narrows
    # the search to one or two meetings. Both NULL for a flag on a whole document.
    # The corrected action's agenda item and printed reference: with the body and date they
    # find it again when a re-issued paper changes a word of it (corrections.rematch).
    target_item: Mapped[str | None] = mapped_column(Text)
    target_ref: Mapped[str | None] = mapped_column(Text)
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
    # Undone by the clerk (`store.corrections.undo`): stamped, never deleted, so the record
    # shows what was done and undone; every reader leaves an undone correction out.
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    undone_note: Mapped[str | None] = mapped_column(Text)
    # JSON: what applying it did that undoing must reverse (a merge's moved rows), or what
    # it adds (an added action's owners, page).
    detail: Mapped[str | None] = mapped_column(Text)

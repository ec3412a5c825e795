"""People of a body: the person, the offices held at each meeting, and the other names the
clerk gave them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Provenance


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

"""The declarative base, the naming convention, the enumerations the CHECK constraints
name, and the provenance columns every fact row carries."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, MetaData, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
# the clerk (a status correction, store.corrections).
CLOSED_BY = ("raised", "action", "rag", "matters-arising", "clerk")


def one_of(column: str, values: tuple[str, ...]) -> str:
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

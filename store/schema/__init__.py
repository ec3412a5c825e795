"""ORM models: the tables boardpapers keeps. Separate from the pipeline records in
`extract.model`; `store.save` maps one to the other explicitly.

Types are kept to what SQLite and PostgreSQL both do the same way (String, Text, Integer,
Date, DateTime, Boolean); enumerations are strings with named CHECK constraints rather than
native ENUMs, which would need their own migrations on PostgreSQL. Text read from papers is
`Text`, never a bounded VARCHAR: SQLite ignores lengths and PostgreSQL enforces them, so a
bounded column would let a document save on one and fail on the other.

Modules by area: `base` (the declarative base, naming convention, enumerations, provenance
columns), `papers` (bodies, meetings, documents and their sources), `people`, `facts` (what
a paper said about a meeting, and flags), `threads` (derived by `store.carry`),
`corrections` (the clerk's). Every model is importable from here, as `schema.Meeting`.
"""
from .base import (
    ACTION_STATUSES,
    CATEGORIES,
    CLOSED_BY,
    DOCUMENT_STATUSES,
    MENTION_KINDS,
    NAMING_CONVENTION,
    OWNER_KINDS,
    PART_KINDS,
    RAG_STATUSES,
    RECORD_KINDS,
    Base,
    Provenance,
)
from .corrections import CORRECTION_KINDS, Correction
from .facts import (
    Action,
    ActionOwner,
    AgendaItem,
    Apology,
    Attendance,
    Flag,
    Note,
    RagItem,
    Resolution,
)
from .papers import (
    Body,
    Document,
    DocumentFile,
    DocumentPart,
    Meeting,
    MeetingSource,
    Organisation,
)
from .people import Person, PersonAlias, PersonRole
from .threads import ActionStatus, ActionThread, CarrySnapshot, RagStatus, RagThread

__all__ = [
    "ACTION_STATUSES", "CATEGORIES", "CLOSED_BY", "CORRECTION_KINDS", "DOCUMENT_STATUSES",
    "MENTION_KINDS", "NAMING_CONVENTION", "OWNER_KINDS", "PART_KINDS", "RAG_STATUSES",
    "RECORD_KINDS", "Action", "ActionOwner", "ActionStatus", "ActionThread", "AgendaItem",
    "Apology", "Attendance", "Base", "Body", "CarrySnapshot", "Correction", "Document",
    "DocumentFile", "DocumentPart", "Flag", "Meeting", "MeetingSource", "Note", "Organisation",
    "Person",
    "PersonAlias", "PersonRole", "Provenance", "RagItem", "RagStatus", "RagThread",
    "Resolution",
]

"""What saving one document produced, and the errors saving can raise."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.orm import Session

from .mapping import Problem, Where, problem_to_flag


class SaveError(ValueError):
    """An extraction the store cannot take; the message says what to fix."""


# saved: a new document. replaced: a failed/partial record read again and replaced.
# unchanged: already stored, nothing written but the file's name. kept: read again, but the
# new read was worse (failed where parts had been read), so the stored record stands.
Outcome = Literal["saved", "replaced", "unchanged", "kept"]


@dataclass
class SaveResult:
    file: str
    sha256: str
    outcome: Outcome
    document_status: str  # ok / partial / failed, as stored
    document_id: int
    stored_file: str = ""  # the file name the stored record was read from
    problems: tuple[str, ...] = ()  # the stored record's problems
    previous_status: str | None = None  # the record a re-read replaced (or kept)
    meetings: int = 0  # meetings this document records
    new_meetings: int = 0  # of which not seen in any earlier document
    attendees: int = 0
    apologies: int = 0
    items: int = 0
    resolutions: int = 0
    actions: int = 0
    rag_items: int = 0
    flags: int = 0
    people_created: int = 0
    duplicates_skipped: int = 0  # facts another document had already given for a meeting
    # (meeting id, document id) of each earlier version of this paper whose facts for a
    # meeting this document replaced (`store.meetings.supersede_versions`).
    superseded: list[tuple[int, int]] = field(default_factory=list)
    # For the carry-forward after the save (`store.carry.carry_forward`): the bodies whose
    # meetings this document records, and the (meeting, kind, message) of flags the clerk
    # had dismissed on a superseded version, so the same flag raised again stays dismissed.
    body_ids: set[int] = field(default_factory=set)
    dismissed: set[tuple[int, str, str]] = field(default_factory=set)
    # Meetings whose owners `store.aliases.resolve_late` resolved in this save: when one is
    # a meeting already folded, the carry-forward rebuilds rather than resumes.
    owners_resolved: set[int] = field(default_factory=set)


def add_flag(session: Session, result: SaveResult, p: Problem, meeting_id: int | None,
             at: Where, action_id: int | None = None, owner: str | None = None) -> None:
    """Store a problem the store itself found as a flag for the clerk, and count it."""
    session.add(problem_to_flag(p, meeting_id, at, action_id, owner))
    result.flags += 1

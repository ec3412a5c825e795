"""The carry-forward's entry points: rebuild a body's threads, after a save or a clerk's
correction, and find the bodies a re-read left stale."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from .. import mapping
from .. import schema as db
from ..results import SaveResult
from .closing import Closing, write_flags
from .linking import link_actions, link_rag
from .timeline import Timeline
from .writing import write_actions, write_rag


def action_key(action: db.Action) -> str:
    """The natural key of a stored action, as `store.corrections` keys the clerk's edits:
    sha256 over its organisation, body, meeting date and text (`mapping.action_key`). It is
    stored on the row (`actions.key`) when the action is saved; computed here otherwise."""
    if action.key:
        return action.key
    body = action.meeting.body
    org = body.organisation
    return mapping.action_key(org.name_key if org is not None else None, body.name_key,
                              action.meeting.date, action.text)


# -- entry points -------------------------------------------------------------------------------

def carry_forward(session: Session, result: SaveResult) -> None:
    """Bring the cross-meeting record up to date after `result`'s document was saved: keep
    the clerk's flag dismissals from a superseded version, then rebuild the threads of
    every body the document records and of any body a replaced reading left stale. Runs in
    the save's transaction, after the clerk's corrections were applied to the new rows."""
    _keep_dismissed(session, result)
    refresh(session, result.body_ids | stale_bodies(session))


def refresh(session: Session, body_ids: Iterable[int]) -> None:
    """Rebuild the threads of these bodies (call after recording a clerk's correction)."""
    for body_id in sorted(set(body_ids)):
        rebuild_body(session, body_id)
    session.flush()


def stale_bodies(session: Session) -> set[int]:
    """Bodies whose threads point at facts that are gone (a re-read or a superseding
    version deleted them, and the foreign keys were set NULL), or that migration 0003 made
    one per action and did not link."""
    gone = and_(db.ActionStatus.action_id.is_(None), db.ActionStatus.rag_item_id.is_(None),
                db.ActionStatus.resolution_id.is_(None), db.ActionStatus.note_id.is_(None))
    query = (
        select(db.ActionThread.body_id)
        .where(or_(db.ActionThread.raised_action_id.is_(None), db.ActionThread.relink))
        .union(select(db.ActionThread.body_id)
               .join(db.ActionStatus, db.ActionStatus.thread_id == db.ActionThread.id)
               .where(gone),
               select(db.RagThread.body_id)
               .join(db.RagStatus, db.RagStatus.thread_id == db.RagThread.id)
               .where(db.RagStatus.rag_item_id.is_(None)))
    )
    return set(session.scalars(query))


def _keep_dismissed(session: Session, result: SaveResult) -> None:
    if not result.dismissed:
        return
    meetings = {m for m, _, _ in result.dismissed}
    for f in session.scalars(select(db.Flag).where(
            db.Flag.document_id == result.document_id, db.Flag.meeting_id.in_(meetings),
            db.Flag.dismissed.is_(False))):
        if (f.meeting_id, f.kind, f.message) in result.dismissed:
            f.dismissed = True


def rebuild_body(session: Session, body_id: int) -> None:
    """Derive the body's action and RAG threads from its facts and write what changed."""
    session.flush()
    timeline = Timeline(session, body_id)
    closing = Closing.start()
    write_actions(session, body_id, link_actions(timeline, closing), timeline.clerk)
    write_flags(session, body_id, closing.flags)
    write_rag(session, body_id, link_rag(timeline))

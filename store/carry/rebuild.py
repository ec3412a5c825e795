"""The carry-forward's entry points: rebuild a body's threads, after a save or a clerk's
correction, and find the bodies a re-read left stale."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from .. import mapping
from .. import schema as db
from ..results import SaveResult
from . import closing, snapshot, writing
from .linking import ColdHit, RagPool, _Pool, link_actions, link_rag
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
    the clerk's flag dismissals from a superseded version, then bring up to date the
    threads of every body the document records (resuming the body's fold when the document
    only adds meetings after it) and rebuild any body a replaced reading left stale. Runs
    in the save's transaction, after the clerk's corrections were applied to the new rows."""
    _keep_dismissed(session, result)
    stale = stale_bodies(session)
    # A re-read or a new version changes facts of meetings already folded.
    # So does an owner of an earlier meeting resolved late (initials printed only now).
    mine = set(session.scalars(select(db.MeetingSource.meeting_id).where(
        db.MeetingSource.document_id == result.document_id)))
    resumable = (result.outcome == "saved" and not result.superseded
                 and result.owners_resolved <= mine)
    for body_id in sorted(result.body_ids | stale):
        if body_id in stale or not resumable or not resume_body(
                session, body_id, result.document_id):
            rebuild_body(session, body_id)
    # Again: the carry-forward's own flags were just rewritten from the fold, so a flag
    # the clerk dismissed on the replaced reading exists again only now.
    _keep_dismissed(session, result)
    session.flush()


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
    """Derive the body's action and RAG threads from its facts, write what changed, and
    keep the fold's state for the next save to resume from."""
    session.flush()
    timeline = Timeline(session, body_id)
    # One word ranking shared by both folds, as link_actions and link_rag would make.
    pool, rag = _Pool(timeline.frequency), RagPool(timeline.frequency)
    link_actions(timeline, pool)
    link_rag(timeline, rag)
    snap = snapshot.Snapshot(
        pool, rag, write_actions(session, body_id, pool.threads, timeline.clerk),
        write_rag(session, body_id, rag.threads), timeline.clerk,
        [m.id for m in timeline.meetings],
        timeline.meetings[-1].order if timeline.meetings else None)
    _write_flags(session, body_id, pool, diff=False)
    snapshot.store(session, body_id, snap, full=True)


def _write_flags(session: Session, body_id: int, pool: _Pool, *, diff: bool) -> None:
    """The carry-forward's own flags, rewritten from the whole fold: closures by omission,
    stale marks and reused references. `diff`: the closure flags as changes to what this
    process last wrote (a fold continued in memory), not read back from the store."""
    closing.write_flags(session, body_id, pool.closing, diff=diff)
    writing.write_flags(session, body_id, pool.threads, pool.cold_reused)


def resume_body(session: Session, body_id: int, document_id: int) -> bool:
    """Fold only the meetings after the body's snapshot and write the threads they touch;
    False (nothing written) when the snapshot cannot stand for the meetings before (none
    made by these rules, or those meetings changed) or the document does more than add
    meetings after all the others (`_appends`)."""
    snap = snapshot.load(session, body_id)
    if snap is None or snap.last is None:
        return False
    session.flush()
    timeline = Timeline(session, body_id, after=snap.last)
    if timeline.earlier != snap.folded or not _appends(session, timeline, document_id):
        return False
    if timeline.meetings:
        first = len(snap.pool.threads)
        try:
            link_actions(timeline, snap.pool)
        except ColdHit:  # a reference to a thread the state keeps only a ghost of
            return False
        snap.clerk.update(timeline.clerk)
        old = [t for t in snap.pool.touched.values() if t.raised.id in snap.action_keys.given]
        write_actions(session, body_id, old + snap.pool.threads[first:], snap.clerk,
                      snap.action_keys, partial=True)
        first = len(snap.rag.threads)
        link_rag(timeline, snap.rag)
        old_rag = [t for t in snap.rag.touched.values() if t[0].id in snap.rag_keys.given]
        write_rag(session, body_id, old_rag + snap.rag.threads[first:], snap.rag_keys,
                  partial=True)
        _write_flags(session, body_id, snap.pool, diff=not snap.read)
        snap.folded += [m.id for m in timeline.meetings]
        snap.last = timeline.meetings[-1].order
    snapshot.store(session, body_id, snap, full=False)
    return True


def _appends(session: Session, timeline: Timeline, document_id: int) -> bool:
    """Whether the document only adds new meetings after every other of the timeline's.
    The state may lag behind what was written (`snapshot.LAG`): folding the meetings in
    between again then gives the threads already written, plus the document's."""
    source = db.MeetingSource
    mine = set(session.scalars(select(source.meeting_id).where(
        source.document_id == document_id)))
    if mine & set(timeline.earlier) or session.scalar(select(source.meeting_id).where(
            source.meeting_id.in_(mine), source.document_id != document_id).limit(1)):
        return False
    order = [m.id in mine for m in timeline.meetings]
    return order == sorted(order)  # the document's meetings come last

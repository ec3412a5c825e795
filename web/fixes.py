"""The clerk's corrections from the browser: POST forms, each recorded through the store's
own functions (`store.corrections`), then a redirect back with a message (POST/redirect/GET).
A correction the store refuses (an unknown id, an ambiguous owner, an unreadable date) is
the message instead. Each fix's message is followed by an Undo button for the corrections
it recorded (an "undo" flash: "<id> <kind>", rendered by base.html as a form), and every
correction can be undone later from the corrections page (`/corrections`)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, flash, g, redirect, request, url_for

from store.corrections import (CorrectionError, accept_flag, add_action, alias, bulk_flags,
                               correct_action, dismiss_flag, merge, undo_correction)

from .guard import session
from .inputs import back, due_field, field, page_field

bp = Blueprint("fixes", __name__)


def _record(default: str, work: Callable[[], str]) -> Any:
    g.undoable = []
    try:
        flash(work(), "ok")
        for correction_id, kind in g.undoable:
            flash(f"{correction_id} {kind}", "undo")
    except CorrectionError as e:
        flash(str(e), "error")
    return redirect(back(default))


def _undoable(*recorded: tuple[int, str]) -> None:
    """Offer to undo what a fix just recorded: one button per correction, after its message."""
    g.undoable.extend(recorded)


def _owners() -> list[str]:
    return [o.strip() for o in (field("owner") or "").split(";") if o.strip()]


@bp.post("/actions/<int:action_id>/correct")
def correct(action_id: int) -> Any:
    owners = _owners()
    status = field("status")
    if status not in (None, "open", "closed"):
        status = None  # the form offers open / closed / unchanged only

    def work() -> str:
        done = correct_action(session(), action_id, owners=owners or None, due=due_field(),
                              status=status, text=field("text"), note=field("note"))
        _undoable(*((cid, kind) for cid, kind, _ in done.recorded))
        fields = ", ".join(kind for _, kind, _ in done.recorded)
        names = "; ".join(f"{o.name} → {o.person or o.kind}" for o in done.owners)
        return f"Action {done.action_id} corrected ({fields})" + (f": {names}" if names else "")
    return _record(url_for("review.queue"), work)


@bp.post("/actions/<int:action_id>/close")
def close(action_id: int) -> Any:
    def work() -> str:
        done = correct_action(session(), action_id, status="closed", note=field("note"))
        _undoable(*((cid, kind) for cid, kind, _ in done.recorded))
        return f"Action {done.action_id} closed."
    return _record(url_for("review.queue"), work)


@bp.post("/actions/<int:action_id>/dismiss")
def not_an_action(action_id: int) -> Any:
    def work() -> str:
        done = correct_action(session(), action_id, dismiss=True, note=field("note"))
        _undoable(*((cid, kind) for cid, kind, _ in done.recorded))
        return f"Action {done.action_id} dismissed as not an action (kept, left out of the log)."
    return _record(url_for("review.queue"), work)


@bp.post("/flags/<int:flag_id>/dismiss")
def dismiss(flag_id: int) -> Any:
    def work() -> str:
        done = dismiss_flag(session(), flag_id, note=field("note"))
        if done.already:
            return f"Flag {done.flag_id} was already dismissed."
        _undoable((done.correction_id, done.how))
        return f"Flag {done.flag_id} dismissed."
    return _record(url_for("review.queue"), work)


@bp.post("/flags/<int:flag_id>/accept")
def accept(flag_id: int) -> Any:
    def work() -> str:
        done = accept_flag(session(), flag_id, note=field("note"))
        if done.already:
            return f"Flag {done.flag_id} was already closed."
        _undoable((done.correction_id, done.how))
        return f"Flag {done.flag_id} accepted: the fact is right as read."
    return _record(url_for("review.queue"), work)


@bp.post("/meetings/<int:meeting_id>/flags")
def bulk(meeting_id: int) -> Any:
    """Dismiss or accept every open flag of one kind in one meeting (one correction each)."""
    how = request.form.get("how")

    def work() -> str:
        kind = field("kind")
        if how not in ("accept", "dismiss") or not kind:
            raise CorrectionError("choose the flags' kind and Accept all or Dismiss all")
        done = bulk_flags(session(), meeting_id, kind, accept=how == "accept",
                          note=field("note"))
        closed = len(done.closed)
        return (f"{closed} flag(s) of kind {done.kind} {how}ed in meeting {meeting_id} "
                f"({done.recorded} correction(s) recorded; each can be undone on the "
                "Corrections page).")
    return _record(url_for("review.queue"), work)


@bp.post("/meetings/<int:meeting_id>/actions")
def add(meeting_id: int) -> Any:
    """An action the extraction missed, added to the meeting."""
    def work() -> str:
        text = field("text")
        if not text:
            raise CorrectionError("give the action's words")
        done = add_action(session(), meeting_id, text, owners=_owners(), due=due_field(),
                          page=page_field(), note=field("note"))
        _undoable((done.correction_id, "add_action"))
        names = "; ".join(f"{o.name} → {o.person or o.kind}" for o in done.owners)
        return (f"Action added to {done.body} {done.meeting_date or 'undated'}"
                + (f": {names}" if names else "") + (f", due {done.due}" if done.due else "")
                + ".")
    return _record(url_for("browse.meeting", meeting_id=meeting_id), work)


@bp.post("/corrections/<int:correction_id>/undo")
def undo(correction_id: int) -> Any:
    def work() -> str:
        done = undo_correction(session(), correction_id, note=field("note"))
        said = "; ".join(done.restored + done.caveats)
        return f"Correction {done.correction_id} ({done.kind}) undone" + (
            f": {said}." if said else ".")
    return _record(url_for("corrections.listing"), work)


@bp.post("/people/merge")
def merge_people() -> Any:
    def work() -> str:
        keep, other = field("keep"), field("other")
        if not keep or not other:
            raise CorrectionError("name both people: the one to keep and the other name")
        done = merge(session(), keep, other, body=field("body"), note=field("note"))
        if not done.already:
            _undoable((done.correction_id, "merge_people"))
        return f"{done.other} merged into {done.person} ({done.body})."
    return _record(url_for("browse.people"), work)


@bp.post("/people/alias")
def add_alias() -> Any:
    def work() -> str:
        name, other = field("name"), field("alias")
        if not name or not other:
            raise CorrectionError("give the person's name and the other name")
        done = alias(session(), name, other, body=field("body"), note=field("note"))
        if not done.already:
            _undoable((done.correction_id, "alias"))
        return (f"{done.other} already names {done.person}." if done.already
                else f"{done.other} is now another name of {done.person} ({done.body}).")
    return _record(url_for("browse.people"), work)

"""The clerk's corrections from the browser: POST forms, each recorded through the store's
own functions (`store.corrections`), then a redirect back with a message (POST/redirect/GET).
A correction the store refuses (an unknown id, an ambiguous owner) is the message instead.

Not here yet, by design: undo, accept, bulk edits and adding an action are store functions
being written on another branch; review.html keeps marked, empty blocks for their buttons
(`more_fixes` on each flag, `bulk_fixes` above the queue)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, flash, redirect, url_for

from store.corrections import CorrectionError, alias, correct_action, dismiss_flag, merge

from .guard import session
from .inputs import back, due_field, field

bp = Blueprint("fixes", __name__)


def _record(default: str, work: Callable[[], str]) -> Any:
    try:
        flash(work(), "ok")
    except CorrectionError as e:
        flash(str(e), "error")
    return redirect(back(default))


@bp.post("/actions/<int:action_id>/correct")
def correct(action_id: int) -> Any:
    owners = [o.strip() for o in (field("owner") or "").split(";") if o.strip()]
    status = field("status")
    if status not in (None, "open", "closed"):
        status = None  # the form offers open / closed / unchanged only

    def work() -> str:
        done = correct_action(session(), action_id, owners=owners or None, due=due_field(),
                              status=status, text=field("text"), note=field("note"))
        fields = ", ".join(kind for _, kind, _ in done.recorded)
        names = "; ".join(f"{o.name} → {o.person or o.kind}" for o in done.owners)
        return f"Action {done.action_id} corrected ({fields})" + (f": {names}" if names else "")
    return _record(url_for("review.queue"), work)


@bp.post("/actions/<int:action_id>/close")
def close(action_id: int) -> Any:
    def work() -> str:
        done = correct_action(session(), action_id, status="closed", note=field("note"))
        return f"Action {done.action_id} closed."
    return _record(url_for("review.queue"), work)


@bp.post("/actions/<int:action_id>/dismiss")
def not_an_action(action_id: int) -> Any:
    def work() -> str:
        done = correct_action(session(), action_id, dismiss=True, note=field("note"))
        return f"Action {done.action_id} dismissed as not an action (kept, left out of the log)."
    return _record(url_for("review.queue"), work)


@bp.post("/flags/<int:flag_id>/dismiss")
def dismiss(flag_id: int) -> Any:
    def work() -> str:
        done = dismiss_flag(session(), flag_id, note=field("note"))
        return (f"Flag {done.flag_id} was already dismissed." if done.already
                else f"Flag {done.flag_id} dismissed.")
    return _record(url_for("review.queue"), work)


@bp.post("/people/merge")
def merge_people() -> Any:
    def work() -> str:
        keep, other = field("keep"), field("other")
        if not keep or not other:
            raise CorrectionError("name both people: the one to keep and the other name")
        done = merge(session(), keep, other, body=field("body"), note=field("note"))
        return f"{done.other} merged into {done.person} ({done.body})."
    return _record(url_for("browse.people"), work)


@bp.post("/people/alias")
def add_alias() -> Any:
    def work() -> str:
        name, other = field("name"), field("alias")
        if not name or not other:
            raise CorrectionError("give the person's name and the other name")
        done = alias(session(), name, other, body=field("body"), note=field("note"))
        return (f"{done.other} already names {done.person}." if done.already
                else f"{done.other} is now another name of {done.person} ({done.body}).")
    return _record(url_for("browse.people"), work)

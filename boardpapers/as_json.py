"""`--json` for every listing: one JSON array on stdout and nothing else there (counts and
hints are left out; warnings and errors go to stderr), dates ISO 8601, text from papers
bounded and escaped by the JSON encoding alone: ASCII only, so no control or bidi character
reaches a terminal that prints it, and a file name that was not UTF-8 (a lone surrogate)
is written as its escape instead of failing.

Each listing has one function turning its typed records into plain objects, so the keys are
written down here once (they are the contract a script relies on), not derived from
whatever fields a record grows.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.corrections import CorrectionView
    from store.people import PersonView
    from store.queries import ActionView, MentionView
    from store.review import FlagEvidence

JSON_TEXT = 2000  # characters of any one value from a paper


def cut(text: str | None) -> str | None:
    return text if text is None or len(text) <= JSON_TEXT else text[:JSON_TEXT - 1] + "…"


def _iso(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def dumps(items: Any) -> str:
    return json.dumps(items, indent=1, ensure_ascii=True, default=_iso)


def _mention(m: MentionView) -> dict[str, Any]:
    return {"meeting_date": m.meeting_date, "record": m.record, "kind": m.kind,
            "status": m.status, "note": cut(m.note), "file": cut(m.source_file),
            "page": m.source_page}


def actions_json(actions: Iterable[ActionView]) -> str:
    """`actions --json`: one object per action, as followed across meetings."""
    return dumps([{
        "id": a.id, "ref": cut(a.ref), "text": cut(a.text),
        "owners": [cut(o) for o in a.owners],
        "unmatched_owners": [cut(o) for o in a.unmatched_owners],
        "body": cut(a.body), "organisation": cut(a.organisation),
        "meeting_date": a.meeting_date, "record": a.record, "item": cut(a.item),
        "due": a.due, "due_text": cut(a.due_text),
        "status": a.status, "status_text": cut(a.status_text), "update": cut(a.update),
        "overdue": a.overdue, "stale_since": a.stale_since if a.stale else None,
        "closed_on": a.closed_on, "closed_by": a.closed_by, "age_days": a.age_days,
        "file": cut(a.source_file), "page": a.source_page,
        "added_by_clerk": a.added_by_clerk,
        "mentions": [_mention(m) for m in a.mentions]} for a in actions])


def people_json(people: Iterable[PersonView]) -> str:
    """`people list --json`."""
    return dumps([{"id": p.id, "name": cut(p.name), "body": cut(p.body),
                   "aliases": [cut(a) for a in p.aliases], "meetings": p.meetings,
                   "actions": p.actions} for p in people])


def corrections_json(corrections: Iterable[CorrectionView]) -> str:
    """`corrections --json`: every correction, undone ones included (with when and why)."""
    return dumps([{"id": c.id, "created_at": c.created_at, "kind": c.kind,
                   "target": cut(c.target), "value": cut(c.value), "note": cut(c.note),
                   "body": cut(c.body), "meeting_date": c.meeting_date,
                   "applies_to": c.applies_to, "undone_at": c.undone_at,
                   "undone_note": cut(c.undone_note)} for c in corrections])


def review_json(flags: Iterable[FlagEvidence]) -> str:
    """`review --json`: the queue, one object per flag, with the action it is about."""
    return dumps([{
        "id": f.id, "kind": cut(f.kind), "message": cut(f.message), "body": cut(f.body),
        "record": f.record, "meeting_date": f.meeting_date,
        "file": cut(f.file), "page": f.page, "action_id": f.action_id,
        "action": None if f.action is None else {
            "id": f.action.id, "text": cut(f.action.text),
            "owner_text": cut(f.action.owner_text), "due": f.action.due,
            "due_text": cut(f.action.due_text)},
        "words": [cut(w) for w in f.words]} for f in flags])

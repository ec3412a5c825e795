"""Bounded reading of what the browser sends: query arguments and form fields are cut to
a length or refused, filter dates parsed strictly, due dates read as the clerk types them
(`store.corrections.read_due`), and a redirect target kept on this site."""
from __future__ import annotations

import datetime as dt

from flask import abort, request

from store.corrections import MAX_NAME, MAX_NOTE, MAX_TEXT, CorrectionError, read_due

ARG_CHARS = 200  # a filter: a name, a body, a kind
LIMITS = {"owner": MAX_NAME, "keep": MAX_NAME, "other": MAX_NAME, "name": MAX_NAME,
          "alias": MAX_NAME, "body": ARG_CHARS, "note": MAX_NOTE, "text": MAX_TEXT,
          "due": 80, "status": 10, "next": 500, "page": 6}


def text_arg(name: str) -> str | None:
    value = " ".join(request.args.get(name, "").split())[:ARG_CHARS]
    return value or None


def date_arg(name: str) -> dt.date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        abort(400, f"{name} is a date as YYYY-MM-DD.")


def field(name: str) -> str | None:
    """A form field, stripped; None when empty; 400 when longer than its bound."""
    value = request.form.get(name, "").strip()
    if len(value) > LIMITS.get(name, ARG_CHARS):
        abort(400, f"The {name} is too long (at most {LIMITS.get(name, ARG_CHARS)} characters).")
    return value or None


def due_field() -> dt.date | None:
    """The due date as typed ("31/3/25", "31 March 2025", "2025-03-31"); an unreadable one
    raises CorrectionError, so the form's handler shows it as a message and records nothing."""
    value = field("due")
    return None if value is None else read_due(value).date


def page_field() -> int | None:
    value = field("page")
    if value is None:
        return None
    if not value.isdigit():
        raise CorrectionError(f"the page is a number, not {value[:20]!r}")
    return int(value)


def back(default: str) -> str:
    """Where to return after a POST: the form's `next`, only when it is a path on this site."""
    target = field("next") or ""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target \
            and not any(ord(c) < 32 for c in target):
        return target
    return default

"""The action log, and one person's digest, as `Report`s for any writer (`reports.formats`).

The pack's seven columns (Ref / Action / Owner / Raised at / Due / Status / Latest update)
are the paged ones, what the DOCX agenda item shows; the formats with room add the body,
the source file and page, the age and every later mention. "Raised at" is the meeting's
date, with its record (minutes / agenda, item) under it in paged formats and beside it in
the others; "Due" holds only dates (a deadline written as words, "next meeting", is its own
column), so a spreadsheet can sort and filter it. Rows are made as they are read, so a
streamed `store.queries.iter_actions` is never held whole.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from store.queries import Action

from .cells import bounded
from .document import Column, Note, Report, Row, Table, Tone
from .table import _mentions, _owners, _source, _status

LOG_TITLE = "Action log"


def action_columns(*, source_paged: bool = False) -> tuple[Column, ...]:
    return (
        Column("Ref", "text", 9),
        Column("Action", "text", 42),
        Column("Owner", "text", 18),
        Column("Raised at", "date", 12),
        Column("Raised in", "text", 14, under="Raised at"),
        Column("Due", "date", 11),
        Column("Due as written", "text", 14, under="Due"),
        Column("Status", "status", 18),
        Column("Latest update", "text", 30),
        Column("Body", "text", 24, paged=False),
        Column("Source", "text", 28, paged=source_paged),
        Column("Age (days)", "int", 8, paged=False),
        Column("Later mentions", "lines", 50, paged=False),
    )


def tone_of(a: Action) -> Tone:
    if a.status == "closed":
        return "closed"
    if a.overdue:
        return "overdue"
    return "stale" if a.stale else "open"


def _raised_in(a: Action) -> str:
    item = bounded(a.item, 40)
    return ", ".join(filter(None, [a.record, f"item {item}" if item else ""]))


def action_row(a: Action) -> Row:
    return next(_rows((a,)))


_MEMO = 4096  # distinct values remembered per column: a bound, not a tuning knob


def _rows(actions: Iterable[Action]) -> Iterator[Row]:
    """One `Row` per action. The body, "raised in" and source cells repeat across many
    rows (a few bodies, files and item numbers), so each is made once per distinct value
    and looked up after: a log of 100,000 actions is a million cells, and every call per
    cell counts."""
    bodies: dict[str, str] = {}
    places: dict[tuple[str, str | None], str] = {}
    sources: dict[tuple[str, int | None, bool], str] = {}
    for a in actions:
        body = bodies.get(a.body)
        if body is None:
            if len(bodies) > _MEMO:
                bodies.clear()
            body = bodies[a.body] = bounded(a.body, 300)
        place = places.get(where := (a.record, a.item))
        if place is None:
            if len(places) > _MEMO:
                places.clear()
            place = places[where] = _raised_in(a)
        source = sources.get(whence := (a.source_file, a.source_page, a.added_by_clerk))
        if source is None:
            if len(sources) > _MEMO:
                sources.clear()
            source = sources[whence] = _source(a)
        status = a.status
        tone: Tone = "closed" if status == "closed" else "overdue" if a.overdue else \
            "stale" if status == "open" and a.stale_since is not None else "open"
        yield Row((
            bounded(a.ref, 200) or f"#{a.id}",
            bounded(a.text),
            bounded(", ".join(a.owners)) if not a.unmatched_owners else _owners(a),
            a.meeting_date,
            place,
            a.due,
            bounded(a.due_text, 200) or None if a.due_text else None,
            # "open" alone, the common case, needs none of `_status`'s checks
            status if tone == "open" and status == "open" and not a.status_text
            and not a.closed_by else _status(a),
            bounded(a.update, 500) or None if a.update else None,
            body,
            source,
            a.age_days,
            _mentions(a) or None if a.mentions else None,
        ), tone, body)


def action_log_report(actions: Iterable[Action], *, as_at: dt.date,
                      body: str | None = None, scope: str = "",
                      title: str = LOG_TITLE) -> Report:
    """The log of `actions` (read once, lazily, in the order given)."""
    table = Table("Actions", action_columns(), _rows(actions),
                  empty="No actions recorded.")
    return Report(title=title, as_at=as_at, body=bounded(body, 300) or None, scope=scope,
                  parts=(table,))


def digest_report(person: str, actions: Iterable[Action], *, as_at: dt.date,
                  body: str | None = None) -> Report:
    """One person's open actions, oldest first (as given), overdue ones said so, each
    with the file and page it was raised in."""
    listed = list(actions)
    overdue = sum(a.overdue for a in listed)
    name = bounded(person, 200)
    note = (f"{len(listed)} open action{'s' if len(listed) != 1 else ''} for {name}, "
            f"{overdue} overdue, oldest first.")
    table = Table("Open actions", action_columns(source_paged=True), _rows(listed),
                  empty=f"No open actions for {name}.")
    return Report(title=f"Actions for {name}", as_at=as_at, body=bounded(body, 300) or None,
                  scope=f"open actions owned by {name}", parts=(Note(note), table))

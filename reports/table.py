"""The action log as a plain table: the columns every format shares, and one row per
action. Plain data (strings, dates, ints), so the CLI can print it with Rich and each file
writer can lay it out its own way."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from store.queries import ActionView

from .cells import bounded

COLUMNS: tuple[str, ...] = (
    "Ref", "Action", "Owners", "Body", "Meeting", "Due", "Status", "Age (days)", "Source",
)

Value = str | dt.date | int | None


@dataclass(frozen=True)
class PlainTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def text_rows(self) -> list[tuple[str, ...]]:
        """Every cell as text (dates ISO, None empty), for text-only formats."""
        return [tuple(as_text(v) for v in row) for row in self.rows]


def as_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _due(a: ActionView) -> Value:
    # The fixed date when there is one; else the deadline as written ("next meeting").
    return a.due if a.due is not None else (bounded(a.due_text) or None)


def _status(a: ActionView) -> str:
    return f"{a.status} ({bounded(a.status_text, 200)})" if a.status_text else a.status


def _source(a: ActionView) -> str:
    name = bounded(a.source_file, 300)
    return f"{name} p.{a.source_page}" if a.source_page is not None else name


def _owners(a: ActionView) -> str:
    unmatched = set(a.unmatched_owners)
    # "?" marks an owner kept as text because it matched no person (flagged for the clerk).
    return bounded(", ".join(f"{o} (?)" if o in unmatched else o for o in a.owners))


def action_row(a: ActionView) -> tuple[Value, ...]:
    return (
        bounded(a.ref, 200) or f"#{a.id}",
        bounded(a.text),
        _owners(a),
        bounded(a.body, 300),
        a.meeting_date,
        _due(a),
        _status(a),
        a.age_days,
        _source(a),
    )


def action_table(actions: Iterable[ActionView]) -> PlainTable:
    return PlainTable(COLUMNS, tuple(action_row(a) for a in actions))

"""The action log as a plain table: the columns every format shares, and one row per
action followed across meetings: where it was raised, every later mention, its status now
and its age. Plain data (strings, dates, ints), so the CLI can print it with Rich and each
file writer can lay it out its own way."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from store.queries import ActionView, MentionView

from .cells import bounded
from .document import Value, as_text

COLUMNS: tuple[str, ...] = (
    "Ref", "Action", "Owners", "Body", "Raised", "Due", "Status", "Age (days)", "Source",
    "Later mentions",
)
MENTIONS = "Later mentions"  # one line per mention; writers may lay the lines out


@dataclass(frozen=True)
class PlainTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def text_rows(self) -> list[tuple[str, ...]]:
        """Every cell as text (dates ISO, None empty), for text-only formats."""
        return [tuple(as_text(v) for v in row) for row in self.rows]


def _due(a: ActionView) -> Value:
    # The fixed date when there is one; else the deadline as written ("next meeting").
    return a.due if a.due is not None else (bounded(a.due_text) or None)


def _status(a: ActionView) -> str:
    """"open", "open, overdue", "closed 2025-03-04 (Complete)", "closed by the clerk":
    when it closed is shown when that was after the meeting that raised it."""
    words = a.status
    if a.status == "closed" and a.closed_on and a.closed_on != a.meeting_date:
        words += f" {a.closed_on.isoformat()}"
    if a.closed_by == "clerk":
        words += " by the clerk"
    if a.overdue:
        words += ", overdue"
    if a.stale:
        words += f", stale since {a.stale_since}"
    return f"{words} ({bounded(a.status_text, 200)})" if a.status_text else words


_KINDS = {"action": "action row", "rag": "RAG row", "matters-arising": "matters arising"}


def _mention(m: MentionView) -> str:
    """"2024-12-10 agenda, action row: Complete (pack.pdf p.29)"."""
    when = " ".join(filter(None, [m.meeting_date.isoformat() if m.meeting_date else "undated",
                                  m.record]))
    said = bounded(m.note, 200) or "mentioned"
    if m.kind == "rag":
        said = f"RAG {said}"
    where = bounded(m.source_file, 300) + (f" p.{m.source_page}" if m.source_page else "")
    return f"{when}, {_KINDS.get(m.kind, m.kind)}: {said} ({where})"


def _mentions(a: ActionView) -> str:
    return bounded("\n".join(_mention(m) for m in a.mentions))


def _source(a: ActionView) -> str:
    name = bounded(a.source_file, 300)
    if a.added_by_clerk:  # not read from the file: the clerk added it to that meeting
        name = f"added by the clerk ({name})"
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
        _mentions(a),
    )


def action_table(actions: Iterable[ActionView]) -> PlainTable:
    return PlainTable(COLUMNS, tuple(action_row(a) for a in actions))

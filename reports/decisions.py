"""The decisions register: every resolution of the meetings in range, with the agenda item it
was made under and the page it was read from, as a `Report` for `reports.formats`."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from store.registers import DecisionView

from .cells import bounded
from .document import Column, Report, Row, Table
from .scope import one_body, scope

COLUMNS = (
    Column("Date", "date", 11), Column("Body", "text", 24), Column("Item", "text", 24),
    Column("Decision", "text", 70), Column("Record", "text", 9),
    Column("Source", "text", 30),
)


def _item(d: DecisionView) -> str:
    """"3 Budget": the item's number and, when the agenda was stored, its title."""
    return bounded(" ".join(filter(None, [d.item, d.item_title])), 300)


def _source(d: DecisionView) -> str:
    name = bounded(d.source_file, 300)
    return f"{name} p.{d.source_page}" if d.source_page is not None else name


def decision_row(d: DecisionView) -> Row:
    return Row((d.meeting_date, bounded(d.body, 300), _item(d), bounded(d.text), d.record,
                _source(d)), group=bounded(d.body, 300))


def decisions_report(rows: Sequence[DecisionView], *, today: dt.date,
                     body: str | None = None, since: dt.date | None = None,
                     until: dt.date | None = None) -> Report:
    """The register of `rows` (from `store.registers.decisions`), as at `today`."""
    table = Table("Decisions", COLUMNS, (decision_row(d) for d in rows))
    return Report("Decisions register", today, one_body(d.body for d in rows),
                  scope(body, since, until, f"{len(rows)} decision(s)"), (table,))

"""Who held each office of a body and when, from the attendance lists, as a `Report`.
Roles are the store's normalised keys, shown title-cased ("chair" -> "Chair")."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from store.queries import RoleTerm

from .cells import bounded
from .document import Column, Report, Row, Table
from .scope import one_body, scope

COLUMNS = (
    Column("Body", "text", 24), Column("Role", "text", 14), Column("Person", "text", 24),
    Column("First", "date", 11), Column("Last", "date", 11), Column("Meetings", "int", 9),
)


def role_row(t: RoleTerm) -> Row:
    return Row((bounded(t.body, 300), bounded(t.role, 100).title(), bounded(t.person, 200),
                t.first_on, t.last_on, t.meetings), group=bounded(t.body, 300))


def roles_report(rows: Sequence[RoleTerm], *, today: dt.date, body: str | None = None,
                 role: str | None = None, since: dt.date | None = None,
                 until: dt.date | None = None) -> Report:
    """The offices in `rows` (from `store.queries.role_holders`), as at `today`."""
    more = f"role {bounded(role, 100)!r}" if role else ""
    table = Table("Role holders", COLUMNS, (role_row(t) for t in rows))
    return Report("Role holders", today, one_body(t.body for t in rows),
                  scope(body, since, until, more, f"{len(rows)} term(s)"), (table,))

"""The words a register's heading carries: which body it covers and how it was filtered."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .cells import bounded


def one_body(bodies: Iterable[str]) -> str | None:
    """The body a report covers, when its rows are all of one body."""
    names = set(bodies)
    return bounded(names.pop(), 300) if len(names) == 1 else None


def scope(body: str | None, since: dt.date | None, until: dt.date | None,
          *more: str) -> str:
    """"body 'parenting', 2024-01-01 to 2024-12-31, members": the filters as given."""
    words = [f"body {bounded(body, 100)!r}"] if body else []
    if since and until:
        words.append(f"{since.isoformat()} to {until.isoformat()}")
    elif since:
        words.append(f"{since.isoformat()} on")
    elif until:
        words.append(f"up to {until.isoformat()}")
    return ", ".join(words + [m for m in more if m]) or "all meetings"

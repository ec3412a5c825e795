"""A due date as the clerk types it: "2025-03-31", "31 March 2025", "31/3/25", "31st Mar"
(the first 31 March on or after today), "March 2025" or "end of March" (the month's last day,
which the result says). Day first, as UK papers write dates. Read with the extractor's own
date reading (`extract.actions.due.due_cell`), so the clerk and the papers agree on what a
date is; the reference is the day the clerk types it, not a meeting's."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.actions.due import Calendar, due_cell

from .keys import CorrectionError


@dataclass(frozen=True)
class DueRead:
    date: dt.date
    month_end: bool  # only a month was given: the date is its last day


_MONTH_ONLY = re.compile(r"^(?:(?:by\s+)?(?:the\s+)?end\s+of\s+)?[a-z]+\.?(?:\s+\d{4})?$",
                         re.IGNORECASE)


def read_due(text: str, today: dt.date | None = None) -> DueRead:
    """The date `text` names; CorrectionError (one sentence) when it names none."""
    words = " ".join(text.split())[:80]
    if not words:
        raise CorrectionError("the due date is empty")
    try:
        return DueRead(dt.date.fromisoformat(words), False)
    except ValueError:
        pass
    found = due_cell(words, Calendar(meeting=today or dt.date.today()))
    if found.date is None:
        raise CorrectionError(f"cannot read {words!r} as a date; give it as 31 March 2025, "
                              "31/3/25 or 2025-03-31")
    return DueRead(found.date, bool(_MONTH_ONLY.match(words)))

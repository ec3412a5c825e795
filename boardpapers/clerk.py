"""What the clerk's fixing commands print: `undo`, `accept`, `dismiss --kind --meeting`,
`add-action`, and the due dates `correct --due` and `add-action --due` read. The store does
the work (`store.corrections`); everything from a paper or typed by the clerk is printed as
Text, bounded (`show.short`)."""
from __future__ import annotations

import datetime as dt

from rich.text import Text
from store.corrections import (
    ActionAdded,
    CorrectionError,
    FlagDismissed,
    FlagsClosed,
    Undone,
    read_due,
)

from .review import NAME_CHARS, WORDS_CHARS, _owner, clerk_errors, err, out, render_dismissed
from .show import short

__all__ = ["clerk_errors", "due_from", "render_added", "render_bulk", "render_closed",
           "render_undone"]

_HOW = {"dismiss_flag": "dismissed", "accept_flag": "accepted"}


def due_from(value: str | None, today: dt.date | None = None) -> dt.date | None:
    """The date the clerk typed for --due, saying so when only a month was given; a date
    that cannot be read is a one-sentence error and exit code 2 (`clerk_errors`)."""
    if value is None:
        return None
    with clerk_errors():
        try:
            read = read_due(value, today)
        except CorrectionError as e:
            raise CorrectionError(f"--due is a date as YYYY-MM-DD, 31 March 2025 or 31/3/25 "
                                  f"(day first): {str(e).split(';')[0]}") from None
    if read.month_end:
        err.print(Text(f"--due {short(value, 40)}: taken as the month's last day, "
                       f"{read.date.isoformat()}"), soft_wrap=True)
    return read.date


def render_undone(done: Undone) -> None:
    screen = out()
    where = ""
    if done.body:
        date = done.meeting_date.isoformat() if done.meeting_date else "undated"
        where = f"{short(done.body, NAME_CHARS)} {date} · "
    value = f" → {short(done.value, WORDS_CHARS)}" if done.value and done.kind != "add_action" \
        else ""
    screen.print(Text(f"undid correction {done.correction_id} ({done.kind}): {where}"
                      f"{short(done.target, WORDS_CHARS)}{value}"), soft_wrap=True)
    for line in done.restored:
        screen.print(Text(f"  {short(line, WORDS_CHARS * 2)}"), soft_wrap=True)
    for line in done.caveats:
        err.print(Text(f"  note: {short(line, WORDS_CHARS * 2)}"), soft_wrap=True)


def render_closed(done: FlagDismissed) -> None:
    if done.how == "dismiss_flag" and not done.already:
        render_dismissed(done)
        return
    what = f"flag {done.flag_id} ({short(done.kind, 60)}): {short(done.message, 300)}"
    if done.already:
        line = (f"already {_HOW.get(done.how, done.how)} by correction "
                f"{done.correction_id}: {what}")
    else:
        line = f"recorded correction {done.correction_id}: accepted as read {what}"
    if done.dismissed > 1:
        line += f" (and {done.dismissed - 1} copy of it from another file)"
    out().print(Text(line), soft_wrap=True)


def render_bulk(done: FlagsClosed) -> None:
    how = _HOW[done.how]
    ids = ", ".join(str(c.correction_id) for c in done.closed if not c.already)
    out().print(Text(f"{how} {done.recorded} flag(s) of kind {short(done.kind, 60)} in meeting "
                     f"{done.meeting_id}" + (f" (corrections {ids}; `boardpapers undo ID` "
                                             "undoes one)" if ids else "")), soft_wrap=True)


def render_added(done: ActionAdded) -> None:
    date = done.meeting_date.isoformat() if done.meeting_date else "undated"
    owners = ", ".join(_owner(o.name, o.kind, o.person) for o in done.owners) or "no owner"
    due = done.due.isoformat() if done.due else "no due date"
    out().print(Text(f"recorded correction {done.correction_id}: added action "
                     f"{done.action_id} to {short(done.body, NAME_CHARS)} {date} · "
                     f"{short(done.text, WORDS_CHARS)} · {owners} · due {due}"),
                soft_wrap=True)

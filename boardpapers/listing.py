"""Listings on stdout, laid out for where they go.

On a terminal, `actions` fits the width: from FULL_WIDTH columns the whole table, from
CARDS_BELOW a table of the columns a clerk reads first, and below that (an 80-column
terminal) one short card per action: ref and text, then owner · raised · due · status, then
the source page and the latest word on it. Ten columns in 80 left about five characters a
cell. Piped or redirected (stdout not a terminal; `TTY_COMPATIBLE=0`/`1` overrides, as Rich
reads it), every listing is plain text: a header line, then one line per row with the fields
tab-separated, no box drawing and no colour, so `grep`, `cut -f` and `sort -t$'\\t'` work.

Every cell is paper text or a stored value: it reaches the screen through `show.shown`, as
rich Text (never markup); in the plain layout tabs and line breaks inside a value are
escaped or joined, so one row is always one line.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .show import shown

CARDS_BELOW = 120  # narrower than this: one card per action
FULL_WIDTH = 180  # this wide or wider: every column of the action log
REF_WIDTH = 12  # a card's ref column at most (a long ref folds)
# The columns of the action log (reports.table.COLUMNS) a narrower table keeps; Body only
# when the listing spans more than one body.
COMPACT = ("Ref", "Action", "Owners", "Body", "Raised", "Due", "Status", "Source")
MENTIONS = "Later mentions"
# How a table column may be squeezed: the action's words keep room to be read, a file name
# folds rather than losing its end ("…"), a short value is never wrapped.
COLUMN: dict[str, dict[str, Any]] = {
    "Ref": {"max_width": REF_WIDTH, "overflow": "fold"},
    "Action": {"min_width": 30},
    "Owners": {"max_width": 24},
    "Raised": {"no_wrap": True},
    "Age (days)": {"no_wrap": True},
    "Source": {"overflow": "fold"},
}


def screen() -> Console:
    # Made per call, not at import: tests swap sys.stdout for each command they run.
    return Console(highlight=False)


def plain_line(cells: Sequence[str]) -> str:
    """One row as tab-separated fields: a value's own line breaks become spaces (a paper's
    lines are where it wrapped), tabs and controls are escaped by `shown`."""
    return "\t".join(shown(" ".join(c.splitlines())) for c in cells)


def print_plain(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    out = screen()
    # print, not Rich's renderer: no wrapping at the console width, no style codes
    out.file.write(plain_line(headers) + "\n")
    for row in rows:
        out.file.write(plain_line(row) + "\n")
    out.file.flush()


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Text]]) -> None:
    """A listing of Text cells: a Rich table on a terminal, tab-separated lines otherwise."""
    out = screen()
    if not out.is_terminal:
        print_plain(headers, [[cell.plain for cell in row] for row in rows])
        return
    table = Table(*headers)
    for row in rows:
        table.add_row(*row)
    out.print(table)


def print_actions(headers: Sequence[str], lines: Sequence[Sequence[str]]) -> None:
    """The `actions` listing (headers and text rows from `reports.outstanding`)."""
    out = screen()
    if not out.is_terminal:
        # the mentions, one a line in the log, are joined with " | " to stay on one line
        at = headers.index(MENTIONS) if MENTIONS in headers else -1
        print_plain(headers, [[" | ".join(c.splitlines()) if i == at else c
                               for i, c in enumerate(line)] for line in lines])
    elif out.width >= FULL_WIDTH:
        out.print(_table(headers, lines, headers))
    elif out.width >= CARDS_BELOW:
        bodies = {dict(zip(headers, line)).get("Body") for line in lines}
        keep = [h for h in COMPACT if h in headers and (h != "Body" or len(bodies) > 1)]
        out.print(_table(headers, lines, keep))
    else:
        out.print(_cards(headers, lines))


def _table(headers: Sequence[str], lines: Sequence[Sequence[str]], keep: Sequence[str]
           ) -> Table:
    at = [headers.index(h) for h in keep]
    table = Table()
    for h in keep:
        table.add_column(h, **COLUMN.get(h, {}))
    for line in lines:
        # paper text may hold "[...]", ESC or bidi controls; a cell may have several lines
        table.add_row(*(Text(shown(line[i], lines=True)) for i in at))
    return table


def _cards(headers: Sequence[str], lines: Sequence[Sequence[str]]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(max_width=REF_WIDTH, overflow="fold", style="bold")
    grid.add_column()
    for n, line in enumerate(lines):
        if n:
            grid.add_row()
        for ref, words in _card(dict(zip(headers, line))):
            grid.add_row(ref, words)
    return grid


def _card(cell: dict[str, str]) -> list[tuple[Text, Text]]:
    """ref  text
            owner · raised DATE · age N days · due DATE · status
            body · source p.N · latest: the last paper's word (+N earlier)"""
    def get(name: str) -> str:
        return shown(" ".join(cell.get(name, "").split()))

    status = get("Status")
    facts = Text(" · ").join(Text(part, style=style) for part, style in (
        (get("Owners") or "no owner", ""),
        (f"raised {get('Raised') or 'undated'}", ""),
        (f"age {get('Age (days)')} days" if get("Age (days)") else "", ""),
        (f"due {get('Due')}" if get("Due") else "no due date", ""),
        (status, "red" if "overdue" in status else "yellow" if "stale" in status else ""),
    ) if part)
    mentions = cell.get(MENTIONS, "").splitlines()
    latest = ""
    if mentions:
        latest = f"latest: {shown(mentions[-1])}"
        if len(mentions) > 1:
            latest += f" (+{len(mentions) - 1} earlier)"
    where = " · ".join(x for x in (get("Body"), get("Source"), latest) if x)
    return [(Text(shown(cell.get("Ref", ""))), Text(shown(cell.get("Action", ""), lines=True))),
            (Text(""), facts),
            (Text(""), Text(where, style="dim"))]

"""What the register commands (`decisions`, `attendance`, `rag`, `roles`) share: their
options read and checked (dates as `log` reads them, `reporting.typed_date`), a `Report`
printed as terminal tables, and a report or chart written to the file --out/--chart names
(`reporting.write`). The store reads and the reports build (`store.registers`,
`reports.*`); every cell reaches the screen as rich Text through `show.shown`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from reports.document import as_text

from .errors import fail
from .listing import plain_line, print_plain
from .show import shown
from .verbosity import note

if TYPE_CHECKING:
    from reports.document import Chart, Report, Table

# Terminal colours of a status cell, by the row's tone (`reports.document.Tone`).
TONES = {"red": "bold red", "amber": "bold dark_orange", "green": "bold green",
         "blue": "bold blue", "overdue": "bold red", "stale": "yellow", "closed": "dim"}
CHART_FORMATS = ("png", "svg")
CELL_WIDTH = 12  # a RAG meeting column on screen; the row's ref and wording take ~40


@dataclass(frozen=True)
class Request:
    """What a register command was asked for, read and checked before the store is."""

    today: dt.date
    since: dt.date | None
    until: dt.date | None
    out: Path | None
    format: str | None  # the --out file's format, settled (`errors.log_format`)
    chart: Path | None = None

    @classmethod
    def of(cls, since: str | None, until: str | None, out: Path | None, given: str | None,
           chart: Path | None = None) -> Request:
        from .errors import log_format
        from .reporting import typed_date

        start = typed_date("--from", since, start=True)
        end = typed_date("--to", until, start=False)
        check_range(start, end)
        if given is not None and out is None:
            raise fail("--format needs --out FILE to write")
        if chart is not None and chart.suffix.lower().lstrip(".") not in CHART_FORMATS:
            raise fail(f"--chart {chart.name} must end .png or .svg")
        fmt = log_format(given, out) if out is not None else None
        return cls(dt.date.today(), start, end, out, fmt, chart)


def terminal_meetings() -> int:
    """How many RAG meeting columns fit the terminal beside the row's ref and wording."""
    return max(1, (Console().width - 40) // CELL_WIDTH)


def deliver(report: Report, asked: Request, counted: str) -> None:
    """Write the report (--out) and/or its chart (--chart), or print it on screen."""
    if asked.chart is not None:
        done = write_chart(report, asked.chart)
        note(done)
    if asked.out is not None:
        write_out(report, asked.format or "md", asked.out)
        note(f"{counted} → {asked.out}")
    if asked.out is None and asked.chart is None:
        print_report(report)
        note(counted)


def write_out(report: Report, fmt: str, path: Path) -> None:
    from .reporting import write

    write(report, fmt, path, what="the report")  # type: ignore[arg-type]


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise fail(f"--from {since.isoformat()} is after --to {until.isoformat()}; "
                   "swap them")


def rich_table(table: Table, *, skip: tuple[str, ...] = ()) -> RichTable:
    """A report table for the terminal: each cell Text (never markup), status cells in
    their row's colour, numbers and dates right-aligned; the columns named in `skip`
    left out."""
    grid = RichTable(title=Text(shown(table.title)), title_justify="left")
    roomy = Console().width >= 100  # room to keep a date on one line
    keep = [c.name not in skip for c in table.columns]
    columns = [c for c, k in zip(table.columns, keep, strict=True) if k]
    for column in columns:
        # a date split over two lines is misread; a name keeps room to be read
        grid.add_column(Text(shown(column.name)), overflow="fold",
                        no_wrap=roomy and column.kind == "date",
                        min_width=12 if roomy and column.kind != "int" else None,
                        justify="right" if column.kind in ("int", "date") else "left")
    for row in table.rows:
        grid.add_row(*(
            Text(shown(as_text(v), lines=True),
                 style=TONES.get(row.tone or "", "") if column.kind == "status" else "")
            for column, v in zip(columns, (v for v, k in zip(row.cells, keep, strict=True)
                                           if k), strict=True)))
    return grid


def print_report(report: Report) -> None:
    """The report's heading, tables and notes on stdout; a chart is named, not drawn."""
    from reports.document import Chart, Note

    screen = Console(highlight=False)
    heading = report.title + (f" · {report.body}" if report.body else "")
    screen.print(Text(shown(f"{heading} · as at {report.as_at.isoformat()}"),
                      style="bold"), soft_wrap=True)
    if report.scope:
        screen.print(Text(shown(report.scope)), soft_wrap=True)
    for part in report.parts:
        if isinstance(part, Chart):
            screen.print(Text(f"Chart: {part.title} (write it with --chart FILE.png or "
                              ".svg, or in --out FILE.html or .docx)"), soft_wrap=True)
        elif isinstance(part, Note):
            screen.print(Text(shown(part.text)), soft_wrap=True)
        elif screen.is_terminal:
            # the heading names the one body the report covers: its column is room lost
            screen.print(rich_table(part, skip=("Body",) if report.body else ()))
        else:  # piped: a title line, then tab-separated lines, as every listing (listing.py)
            screen.file.write(plain_line([part.title]) + "\n")
            print_plain([c.name for c in part.columns],
                        [[as_text(v) for v in row.cells] for row in part.rows])


def charts(report: Report) -> list[Chart]:
    from reports.document import Chart

    return [p for p in report.parts if isinstance(p, Chart)]


def write_chart(report: Report, path: Path) -> str:
    """Write the report's one chart to `path` as PNG or SVG (by its extension); returns
    what was written, for the closing line. Exit 2 when there is not exactly one chart."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in CHART_FORMATS:
        raise fail(f"--chart {path.name} must end .png or .svg")
    found = charts(report)
    if not found:
        raise fail("no RAG ratings in the meetings chosen, so there is no chart to write")
    if len(found) > 1:
        raise fail(f"the RAG rows chosen are of {len(found)} bodies; name one with --body "
                   "to chart it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "png":
            path.write_bytes(found[0].png)
        else:
            path.write_text(found[0].svg, encoding="utf-8")
    except OSError as e:
        raise fail(f"cannot write the chart to {path}: {e.strerror or e}") from None
    return f"chart → {path}"

"""RAG trends as a `Report`: for each body, every RAG row's rating meeting by meeting, the
count of Red / Amber / Green / Blue rows per meeting, and those counts as a chart.

Bounded for reading: the tables and the chart show the latest `MAX_MEETINGS` meeting dates
of a body (a note says when earlier ones were left out); every row is listed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from store.queries import RagTrend

from .cells import bounded
from .document import Column, Note, Part, Report, Row, Table, Tone
from .scope import one_body, scope

MAX_MEETINGS = 24  # columns and bars: two years of monthly meetings
RATINGS = ("red", "amber", "green", "blue")
UNRATED = "unrated"  # a meeting's row with no rating; "" where the row was not in the paper


def _in_range(trend: RagTrend, since: dt.date | None, until: dt.date | None
              ) -> dict[dt.date, str]:
    """date -> the row's rating that day (the last read, if a date has two papers)."""
    out: dict[dt.date, str] = {}
    for step in trend.steps:
        d = step.meeting_date
        if d is None or (since and d < since) or (until and d > until):
            continue
        out[d] = step.status or UNRATED
    return out


def _item_rows(trends: Sequence[tuple[RagTrend, dict[dt.date, str]]],
               dates: Sequence[dt.date]) -> Iterator[Row]:
    for trend, by_date in trends:
        latest = by_date[max(by_date)]
        tone: Tone | None = latest if latest in RATINGS else None  # type: ignore[assignment]
        cells = [by_date.get(d, "").title() for d in dates]
        yield Row((bounded(trend.ref, 100), bounded(trend.text, 500), *cells, latest.title()),
                  tone=tone, group=bounded(trend.body, 300))


def _counts(trends: Sequence[tuple[RagTrend, dict[dt.date, str]]], dates: Sequence[dt.date]
            ) -> list[dict[str, int]]:
    counts = [dict.fromkeys((*RATINGS, UNRATED), 0) for _ in dates]
    where = {d: i for i, d in enumerate(dates)}
    for _, by_date in trends:
        for d, rating in by_date.items():
            if d in where:
                counts[where[d]][rating] += 1
    return counts


def body_parts(body: str, trends: Sequence[RagTrend], *, since: dt.date | None = None,
               until: dt.date | None = None, chart: bool = True,
               max_meetings: int = MAX_MEETINGS) -> list[Part]:
    """One body's tables (and chart): `trends` are that body's rows from `rag_trend`;
    the latest `max_meetings` meeting dates are shown."""
    kept = [(t, d) for t in trends if (d := _in_range(t, since, until))]
    every = sorted({d for _, by_date in kept for d in by_date})
    dates = every[-max(1, min(max_meetings, MAX_MEETINGS)):]
    name = bounded(body, 300)
    parts: list[Part] = []
    if len(every) > len(dates):
        parts.append(Note(f"{name}: the latest {len(dates)} of {len(every)} meetings are "
                          f"shown, from {dates[0].isoformat()}."))
    columns = (Column("Ref", "text", 8), Column("Item", "text", 40),
               *(Column(d.isoformat(), "text", 10) for d in dates),
               Column("Latest", "status", 9))
    parts.append(Table(f"RAG status by meeting: {name}", columns, _item_rows(kept, dates)))
    counts = _counts(kept, dates)
    count_columns = (Column("Date", "date", 11),
                     *(Column(r.title(), "int", 7) for r in (*RATINGS, UNRATED)),
                     Column("Rows", "int", 7))
    parts.append(Table(f"RAG counts per meeting: {name}", count_columns, (
        # its own XLSX sheet, beside the body's sheet of rows
        Row((d, *(c[r] for r in (*RATINGS, UNRATED)), sum(c.values())),
            group=f"Counts {name}")
        for d, c in zip(dates, counts, strict=True))))
    if chart and dates:
        from .rag_chart import rag_chart

        parts.append(rag_chart(dates, [{r.title(): c[r] for r in RATINGS} for c in counts]))
    return parts


def rag_report(trends: Sequence[RagTrend], *, today: dt.date, body: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               chart: bool = True, max_meetings: int = MAX_MEETINGS) -> Report:
    """RAG trends of `trends` (from `store.queries.rag_trend`), body by body; at most
    `max_meetings` (and never more than `MAX_MEETINGS`) meeting dates each."""
    by_body: dict[str, list[RagTrend]] = {}
    for t in trends:
        by_body.setdefault(t.body, []).append(t)
    parts: list[Part] = []
    for name, rows in by_body.items():
        parts += body_parts(name, rows, since=since, until=until, chart=chart,
                            max_meetings=max_meetings)
    return Report("RAG trends", today, one_body(by_body),
                  scope(body, since, until, f"{len(trends)} RAG row(s)"), tuple(parts))

"""Write the cross-meeting action log in any format (kept for callers of `write_log`).

`write_log(rows, fmt, path)` takes `store.queries.ActionView`s (a list, or the stream
`iter_actions` yields) and writes one file through `reports.formats.write_report`; the
layout of each format lives there, one module per format.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from store.queries import ActionView

from .action_report import action_log_report
from .formats import FORMATS, Format, format_for, write_report
from .formats.md import md_cell as _md_cell

__all__ = ["FORMATS", "Format", "_md_cell", "format_for", "write_log"]


def write_log(rows: Iterable[ActionView], fmt: Format, path: str | Path, *,
              title: str = "Action log", as_at: dt.date | None = None,
              body: str | None = None, scope: str = "",
              template: str | Path | None = None) -> Path:
    """Write `rows` as a `fmt` file at `path` (parents created). Returns the path."""
    report = action_log_report(rows, as_at=as_at or dt.date.today(), body=body, scope=scope,
                               title=title)
    return write_report(report, fmt, path, template=template)

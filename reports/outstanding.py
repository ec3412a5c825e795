"""The `actions` listing as plain data for the CLI to print (with Rich or otherwise).

Kept apart from the file writers: the CLI needs headers and text rows, not a file.
"""
from __future__ import annotations

from collections.abc import Iterable

from store.queries import ActionView

from .table import PlainTable, action_table


def outstanding_listing(actions: Iterable[ActionView]) -> tuple[tuple[str, ...],
                                                                  list[tuple[str, ...]]]:
    """(headers, rows of text) for a terminal table; same columns as the action log."""
    table: PlainTable = action_table(actions)
    return table.headers, table.text_rows()

"""Reports read from the store (via `store.queries`) and write files a clerk can open.
Layering: reports import store, never the other way round, and never the CLI."""
from .action_log import FORMATS, format_for, write_log
from .table import COLUMNS, PlainTable, action_table

__all__ = ["COLUMNS", "FORMATS", "PlainTable", "action_table", "format_for", "write_log"]

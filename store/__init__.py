"""The boardpapers store: extraction records in, rows in SQLite/PostgreSQL, small query
results out. Layering: store imports extract (records), never reports or the CLI.
"""
from .db import default_url, get_engine, make_engine, migrate, open_session
from .queries import (
    ActionView,
    FlagView,
    Summary,
    action_log,
    outstanding_actions,
    review_flags,
    summary_counts,
)
from .save import SaveError, SaveResult, save_extraction

__all__ = [
    "ActionView", "FlagView", "SaveError", "SaveResult", "Summary", "action_log",
    "default_url", "get_engine", "make_engine", "migrate", "open_session",
    "outstanding_actions", "review_flags", "save_extraction", "summary_counts",
]

"""The boardpapers store: extraction records in, rows in SQLite/PostgreSQL, small query
results out. Layering: store imports extract (records), never reports or the CLI.
"""
from .db import default_url, get_engine, make_engine, migrate, open_session
from .queries import ActionView, Summary, action_log, outstanding_actions, summary_counts
from .review import FlagEvidence, open_flags
from .save import SaveError, SaveResult, save_extraction

__all__ = [
    "ActionView", "FlagEvidence", "SaveError", "SaveResult", "Summary", "action_log",
    "default_url", "get_engine", "make_engine", "migrate", "open_flags", "open_session",
    "outstanding_actions", "save_extraction", "summary_counts",
]

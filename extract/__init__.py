"""Extract: typed facts (meetings, attendance, decisions, actions, RAG rows) plus flags."""
from .contract import SCHEMA, from_dict, to_dict
from .pipeline import extract

__all__ = ["SCHEMA", "extract", "from_dict", "to_dict"]

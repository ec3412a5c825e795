"""RAG-rated status rows: an action plan's or performance report's rows with their red / amber /
green (/ blue) rating. The rating is read from a status cell's word ("Green", "G", "AMBER"), a
word of the document's own key ("RAG Key: Amber = slippage": `legend`) or only the cell's fill
colour, in the shades office software uses (`colours`); `tables` gives a table's columns
their roles (ref, wording, timescale, current and previous rating) and `rag` reads the rows
and KPI boxes and flags unrated rows and word/colour conflicts.
"""
from .rag import extract_rag

__all__ = ["extract_rag"]

"""Extract: typed facts (meetings, attendance, decisions, actions, RAG rows) plus flags.

One sub-package per fact; the facts read against the document's structure and its people,
never the other way round:
  document/    meeting parts, agenda-item sections, text units, meeting metadata, dates
  people/      names, titles, roles, written lists of people, a meeting's roster
  attendance/  present lists and tables, apologies, substitutions, arrivals and departures
  decisions/   resolutions from lead-ins, decision sentences and disposition tables
  actions/     action tables, "ACTION:" lines, margin initials, commitments, owners, due dates
  rag/         RAG status rows from words, the document's key and cell colours
pipeline.py composes them; model.py holds the records, contract.py the JSON contract, and
vocab.py loads the JSON vocabularies kept beside the code that reads them.
"""
from .contract import SCHEMA, from_dict, to_dict
from .pipeline import extract

__all__ = ["SCHEMA", "extract", "from_dict", "to_dict"]

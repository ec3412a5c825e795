"""People as papers write them, and the public face of the modules that read them. Read
from list entries and names with titles, roles and initials ("County Councillor Ian Brown -
Lancashire County Council (Chair)", "Nick Oakhill (NO) CHAIR", "Mr & Mrs Godfrey"):

  titles.py   "County Councillor Ian Brown" → title and name; post-nominals dropped
  roles.py    role and organisation words ("CHAIR" → "Chair")
  names.py    is it a name; are two written names one person
  lists.py    a written list → one string per person
  entry.py    one string → a PersonText (name, title, role, organisation, initials …)
  roster.py   a meeting's attendees, resolving owner tokens ("DT", "Sam", "Clerk")
Vocabularies live in people.json (words.py).
"""
from __future__ import annotations

from .entry import PersonText, add_tail, parse_person
from .lists import join_lines, split_people
from .names import initials_match, initials_of, looks_like_name, name_key, same_person
from .roles import canonical_role, is_officer_role, is_role_text
from .roster import Roster
from .titles import split_title
from .words import PLURAL_TITLES, vocab

__all__ = [
    "PLURAL_TITLES", "PersonText", "Roster", "add_tail", "canonical_role", "initials_match",
    "initials_of", "is_officer_role", "is_role_text", "join_lines", "looks_like_name",
    "name_key", "parse_person", "same_person", "split_people", "split_title", "vocab",
]

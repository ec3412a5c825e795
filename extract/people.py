"""People in meeting papers: the public face of the modules that read them.

  titles.py        "County Councillor Ian Brown" → title and name; post-nominals dropped
  roles.py         role and organisation words ("CHAIR" → "Chair")
  names.py         is it a name; are two written names one person
  person_lists.py  a written list → one string per person
  person_entry.py  one string → a PersonText (name, title, role, organisation, initials …)
  roster.py        a meeting's attendees, resolving owner tokens ("DT", "Sam", "Clerk")
Vocabularies live in patterns/people.json (people_vocab.py).
"""
from __future__ import annotations

from .names import initials_match, initials_of, looks_like_name, name_key, same_person
from .people_vocab import PLURAL_TITLES, vocab
from .person_entry import PersonText, add_tail, parse_person
from .person_lists import join_lines, split_people
from .roles import canonical_role, is_officer_role, is_role_text
from .roster import Roster
from .titles import split_title

__all__ = [
    "PLURAL_TITLES", "PersonText", "Roster", "add_tail", "canonical_role", "initials_match",
    "initials_of", "is_officer_role", "is_role_text", "join_lines", "looks_like_name",
    "name_key", "parse_person", "same_person", "split_people", "split_title", "vocab",
]

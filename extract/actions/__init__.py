"""Actions: what a named person or group must do after the meeting, its owner and its deadline.
Read from action tables ("Action / Owner / By when", or a headerless task list known by its
column of owners: `tables`), "ACTION:" lines ("ACTION:
DT/MS", "Action: Sam Gorton to …": `markers`), a right-hand margin of owner initials ("…
clarify matters.<TAB>IB/": `margin_owners`), resolutions that task someone, and prose
commitments ("The Clerk agreed to write …", "Director Ames, who …, will …", "She will …",
"the Board asked the Secretary to …", "authorises the Director to …": `commitments`, with
asides, the "LS: print …" shorthand and tasks nobody is named for — "New signage will be
ordered", "a report was requested" — in `clauses`). Owner text ("MS/AB", "Clerk") is
resolved against the meeting's people (`owners`); deadlines ("by 30 June", "to the next
meeting") against the meeting's and the next meeting's dates (`due`). `actions` composes them.
"""
from .actions import extract_actions

__all__ = ["extract_actions"]

"""Attendance: who was present, who sent apologies, who substituted for whom, who came late or
left early. Lists are found under a header ("Present:", "IN ATTENDANCE", "Members of the
Public:": `headers`, `present_lines`) or as tables (a "Attendees | A, B, C" row, group columns,
name | body rows: `present_tables`) and cut into attendees (`present_entries`); apologies in
every written shape ("Apologies were received from …", an "Apologies" heading: `apologies`);
sentences that amend the lists ("X substituted for Y": `substitutions`; "… was observing this
meeting": `attending`; "Cllr X arrived at 7.15 pm": `movements`). `attendance` composes them.
Individual people are read by `extract.people`.
"""
from .attendance import extract_attendance

__all__ = ["extract_attendance"]

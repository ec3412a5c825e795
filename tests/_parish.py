"""Four monthly minutes of one invented parish council, for the batch tests (one machine,
worker processes, a dask cluster): actions raised, restated and closed across meetings."""
from __future__ import annotations

MEETINGS = [  # (date, next meeting, matters arising, new actions) of one invented council
    ("3 March 2024", "7 April 2024", [],
     ["Clerk to obtain three quotes for the swing repair by 31 March 2024.",
      "Cllr Gray to report the blocked stile to the county council."]),
    ("7 April 2024", "5 May 2024",
     ["The Clerk had obtained three quotes for the swing repair and the action was "
      "complete."],
     ["Cllr Cole to ask the contractor for a revised grass cutting price by 30 April 2024."]),
    ("5 May 2024", "2 June 2024",
     ["Cllr Gray had reported the blocked stile to the county council and the action was "
      "complete."],
     ["Clerk to order two new litter bins for the green by 31 May 2024."]),
    ("2 June 2024", "7 July 2024",
     ["Cllr Cole would ask the contractor for a revised grass cutting price once the "
      "season had started."],
     ["Cllr Hale to write to the bus company about the timetable."]),
]


def minutes_text(n: int, council: str = "Elmbrook") -> str:
    """Meeting `n` (1 to 4) of `council`'s minutes, as a text file would hold them."""
    date, following, arising, actions = MEETINGS[n - 1]
    lines = [f"{council.upper()} PARISH COUNCIL", "",
             f"Minutes of the meeting of {council} Parish Council held on {date} at the "
             "Village Hall.", "",
             "Present: Cllr Ann Birch (Chair), Cllr Tom Gray, Cllr Ben Cole, Cllr Una Hale",
             "In attendance: Jo Clerk (Clerk)", "",
             "1. Matters arising from the minutes of the last meeting", *arising, "",
             "2. New business", *(f"ACTION: {a}" for a in actions), "",
             f"Date of next meeting: {following}."]
    return "\n".join(lines) + "\n"

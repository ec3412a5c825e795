"""Decisions (resolutions) of a meeting, each numbered sub-decision its own entry, tied to its
agenda item. Read from formal lead-ins ("RESOLVED that …", "Resolved: (i) … (ii) …",
"Decision:", "Agreed:": `resolutions`), from sentences ("It was agreed …", "X proposed and Y
seconded that …", "… all in favour": `sentences`) and from table rows (a last column of
ADOPTED / CARRIED, a parish council's "NO OBJECTION" planning comments: `tables`).
`resolutions` composes them.
"""
from .resolutions import extract_resolutions

__all__ = ["extract_resolutions"]

"""The document's structure, which every fact is read against: the meetings a file records
(an agenda pack's coming agenda and, inside it, the previous minutes: `parts`), the agenda
item each block, table or row falls under ("1. Welcome", "93/18 Minutes …", "(Item 4)", an
item code in the margin: `sections`, `margin_items`, `items`), the running text cut into
segments at its enumerators and bullets ("(i)", "a)", "•": `textunits`, `nlp`), and the
meeting's own metadata from the top of a part (body, organisation, date, venue, start time,
next meeting: `meeting`) with dates as papers write them ("Tuesday, 17th September, 2019",
"26/05/2016": `dates`).
"""
from .items import extract_items
from .meeting import describe, share_organisation
from .parts import Part, split_parts

__all__ = ["Part", "describe", "extract_items", "share_organisation", "split_parts"]

"""The wording each commitment pattern cannot match without (a literal run from its tail).

When a sentence lacks it, the pattern is not tried (`commitments._finditer`): tried at every
position, a failing pattern backtracks through all the owner alternatives, which was most of
the commitment finder's time. A gate may let through sentences its pattern then rejects,
never the other way round (tests/test_extract_speed.py checks the two agree).
"""
from __future__ import annotations

import re

GATES: dict[str, re.Pattern[str]] = {
    # every commit wording ends in one of these words, before the verb
    "commit": re.compile(r"\s(?:to|will|also|be|shall|would|should|on|if|for|whether)"
                         r"\s+[a-z][a-z-]"),
    "reported": re.compile(r"(?:she|he|they)\s+(?:would|will|is\s+going\s+to|"
                           r"are\s+going\s+to|plans?\s+(?:on|to))\s"),
    "relative": re.compile(r"\swho\s+(?:would|will|is\s+to|agreed\s+to|has\s+agreed\s+to|"
                           r"offered\s+to)\s"),
    "intention": re.compile(r"intention\s+to\s"),
    "reported_passive": re.compile(r"\b(?:would|will)\s+be\s+(?:taken|brought|considered|"
                                   r"reported|discussed|presented|raised)\b"),
    "self_asked": re.compile(r"\sasked\s+to\s+[a-z]"),
    "authorised_passive": re.compile(r"(?:authori[sz]ed|delegated|directed|instructed)"
                                     r"\s+to\s+[a-z]"),
    "coordinated": re.compile(
        r"\band\s+(?:also\s+)?(?:(?:has\s+)?(?:agreed|offered|volunteered|undertook|"
        r"promised)\s+to|will|would\s+be)\s"),
}

"""Titles and post-nominals: "County Councillor Ian Brown (Chair)" → ("County Councillor",
"Ian Brown"); "Mr R C Love, OBE" → ("Mr", "R C Love")."""
from __future__ import annotations

import re
from functools import lru_cache

from .words import POSTNOMINAL_WORDS, TITLE_WORDS

_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLE_WORDS, key=len, reverse=True))
# one or more titles at the start ("County Councillor Miss", "Rt Hon Dr")
TITLE_START = re.compile(r"^\s*((?:(?:" + _TITLE_ALT + r")\.?(?:\s+|$))++)", re.IGNORECASE)
# a title inside a run of names ("Cllr Sue Lintern Cllr Jim McNeill"): case-sensitive, so the
# surname "Lord" in "Sir Lord" style text is not cut
TITLE_INSIDE = re.compile(r"(?<=\S)\s+(?=(?:" + _TITLE_ALT + r")\.?\s+[A-Z])")
POSTNOMINALS = re.compile(
    r"(?:,\s*+|(?<!\s)\s*+)?\b(?:" + "|".join(POSTNOMINAL_WORDS) + r")\b\.?(?=[\s,;)]|$)")
# bounded: tried from each "(" of a run with no ")" after it, `[^)]*` would scan to the end
IN_BRACKETS = re.compile(r"\(([^)]{0,300})\)")


@lru_cache(maxsize=4096)  # the same names are split again for each token resolved
def split_title(raw: str) -> tuple[str | None, str]:
    """("County Councillor", "Ian Brown") from "County Councillor Ian Brown (Chair)"."""
    text = IN_BRACKETS.sub(" ", raw)
    text = POSTNOMINALS.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–")
    m = TITLE_START.match(text)
    if not m:
        return None, text
    title = re.sub(r"\s+", " ", m.group(1)).strip()
    name = text[m.end():].strip()
    if not name:  # "County Councillor Lord": the last word is the name
        words = title.split()
        return " ".join(words[:-1]) or None, words[-1].rstrip(".")
    if title.endswith(".") and len(title.rstrip(".").split()[-1]) > 3:
        title = title.rstrip(".")
    return title, name


def strip_title(text: str) -> str:
    return split_title(text)[1]


def title_gender(title: str | None) -> str | None:
    """"m"/"f" for a gendered title, else None: it tells "Mr J Meade" from "Ms J Meade"."""
    t = (title or "").lower().strip(".")
    return {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
            "dame": "f", "lady": "f"}.get(t)

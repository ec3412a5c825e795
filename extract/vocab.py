"""The one loader for extract's vocabularies: JSON files kept beside the code that reads them
(`actions/actions.json`, `people/people.json` …), so a new paper's wording is a data change,
not a code change. Read as package resources, so an installed wheel finds them too.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files


@cache
def load_vocab(package: str | None, name: str) -> dict:
    """The data file `name` of `package` (a reader passes its own `__package__`). Cached: every
    caller shares one parsed copy, which nobody mutates."""
    if not package:
        raise ValueError(f"load_vocab({name!r}) needs the reading module's package")
    return json.loads(files(package).joinpath(name).read_text(encoding="utf-8"))


def any_word(words: str) -> re.Pattern[str]:
    """A case-blind search for any of `words` ("agreed resolved …"), which a text must hold
    for a costlier pattern to be worth trying. Grouped by first letter, it is tried at each
    position some times faster than the flat alternation, and finds the same words."""
    by_first: dict[str, list[str]] = {}
    for word in words.split():
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in
                               by_first.items()), re.IGNORECASE)

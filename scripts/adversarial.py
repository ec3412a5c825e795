"""Hostile texts for the regex probe, the benchmark and the hang-guard test: each kind is a
repeated unit that keeps some pattern's repeat going (one capitalised word, runs of spaces,
dots, digits, commas, titles, "and ", brackets, one long line of ordinary words …).

    make(kind, n) → about n characters of that kind, without a newline unless the kind has one.
"""
from __future__ import annotations

UNITS: dict[str, str] = {
    "long-word": "Ab",  # "Abbbb…": one capitalised word (the substitution-name case)
    "capital-words": "Abc ",
    "capitals": "ABC",
    "initials": "A. ",
    "spaces": " ",
    "dots": ".",
    "digits": "1",
    "commas": ",",
    "cllr": "Cllr ",
    "and": "and ",
    "brackets": "(",
    "close-brackets": ")",
    "dashes": "- ",
    "long-line": "The Committee noted the report of the Chief Officer and ",
    "many-lines": "Cllr Ann Lee\n",
    "numbered": "1. ",
    "date-ish": "12 ",
}
KINDS = list(UNITS)


def make(kind: str, n: int) -> str:
    unit = UNITS[kind]
    if kind == "long-word":
        return "A" + "b" * (n - 1)
    return (unit * (n // len(unit) + 1))[:n]

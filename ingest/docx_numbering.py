"""Word's automatic list numbers, which python-docx does not render.

A numbered paragraph stores only (numId, ilvl); the "3.", "b)" or "2.1" a reader sees is
computed by Word from word/numbering.xml. We replay that count in document order so the
label can be put back in front of the paragraph's text, as it is in the PDF of the same
paper (item numbers and resolution letters are often nothing but list numbering).

Counting follows Word (ECMA-376 §17.9): the running count belongs to the abstract definition,
so two numIds on one abstractNum continue one list; a numId with a `startOverride` restarts
its level the first time it is used; using a level resets the deeper levels unless their
`lvlRestart` says otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
PLACEHOLDER = re.compile(r"%([1-9])")
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"  # w:numFmt: decimal, lowerLetter, lowerRoman, bullet, none …
    text: str = "%1."  # w:lvlText, with %1…%9 standing for the levels' numbers
    start: int = 1
    restart: int | None = None  # w:lvlRestart; None: after any shallower level, 0: never
    legal: bool = False  # w:isLgl: every number in the label shown as decimal
    style: str | None = None  # w:pStyle: the paragraph style tied to this level


@dataclass
class _List:
    """One numId: its abstract definition's key, level overrides and start overrides."""

    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)
    used: bool = False


class ListNumbering:
    """Labels for numbered paragraphs, counted in the order `label` is called."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstract with numStyleLink → style id
        self._lists: dict[str, _List] = {}
        self._style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self._counts: dict[str, list[int | None]] = {}
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, styles: Any) -> None:
        based_on: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in styles.iterchildren(W + "style"):
            sid = style.get(W + "styleId")
            if not sid:
                continue
            parent = style.find(W + "basedOn")
            if parent is not None and parent.get(W + "val"):
                based_on[sid] = parent.get(W + "val")
            numpr = style.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                own[sid] = _numpr(numpr)
        for sid in set(based_on) | set(own):
            seen: set[str] = set()
            cur: str | None = sid
            while cur and cur not in own and cur not in seen:  # numbering is inherited
                seen.add(cur)
                cur = based_on.get(cur)
            if cur is not None and cur in own:
                self._style_numpr[sid] = own[cur]

    def _read_numbering(self, numbering: Any) -> None:
        for absn in numbering.iterchildren(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            self._abstract[aid] = {int(lvl.get(W + "ilvl", "0")): _level(lvl)
                                   for lvl in absn.iterchildren(W + "lvl")}
            link = absn.find(W + "numStyleLink")
            if link is not None and link.get(W + "val"):
                self._links[aid] = link.get(W + "val")
        for num in numbering.iterchildren(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is None or ref.get(W + "val") is None:
                continue
            entry = _List(abstract=ref.get(W + "val"))
            for override in num.iterchildren(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = override.find(W + "startOverride")
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self._lists[num.get(W + "numId")] = entry
        # An abstract that only points at a numbering style counts with that style's list.
        for aid, style_id in self._links.items():
            num_id, _ = self._style_numpr.get(style_id, (None, None))
            target = self._lists.get(num_id or "")
            if target is not None and target.abstract != aid:
                for entry in self._lists.values():
                    if entry.abstract == aid:
                        entry.abstract = target.abstract

    def resolve(self, numpr: Any | None, style: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) for a paragraph from its own w:numPr, else its style's; None when
        it is not numbered (numId 0 switches a style's numbering off)."""
        num_id, ilvl = _numpr(numpr) if numpr is not None else (None, None)
        style_num, style_lvl = self._style_numpr.get(style or "", (None, None))
        num_id = num_id if num_id is not None else style_num
        if not num_id or num_id == "0" or num_id not in self._lists:
            return None
        if ilvl is None:
            ilvl = style_lvl
        if ilvl is None and style:  # a heading style tied to one level of an outline
            levels = self._abstract.get(self._lists[num_id].abstract, {})
            ilvl = next((i for i, lv in levels.items() if lv.style == style), None)
        return num_id, min(max(ilvl or 0, 0), LEVELS - 1)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the count for this paragraph and return its label: "3.", "b)", "2.1",
        or "" for a bullet or an unnumbered level."""
        entry = self._lists[num_id]
        counts = self._counts.setdefault(entry.abstract, [None] * LEVELS)
        if not entry.used:
            entry.used = True
            for lvl, start in entry.start_overrides.items():
                if 0 <= lvl < LEVELS:
                    counts[lvl] = start - 1
        level = self._level(entry, ilvl)
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = self._level(entry, deeper).restart
            if restart is None or (restart > 0 and ilvl < restart):
                counts[deeper] = None
        if level.fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            ref = self._level(entry, lvl)
            value = counts[lvl]
            return format_number(ref.start if value is None else value,
                                 "decimal" if level.legal else ref.fmt)

        return PLACEHOLDER.sub(number, level.text).strip()

    def _level(self, entry: _List, ilvl: int) -> Level:
        return entry.levels.get(ilvl) or self._abstract.get(entry.abstract, {}).get(
            ilvl, Level())


def format_number(n: int, fmt: str) -> str:
    """One level's number in Word's numFmt; formats we do not know fall back to decimal."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        # Word goes a…z, then aa…zz, aaa…: the letter repeats, it does not carry.
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, numeral in ROMAN:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)


def _numpr(numpr: Any) -> tuple[str | None, int | None]:
    num_id = numpr.find(W + "numId")
    ilvl = numpr.find(W + "ilvl")
    return (num_id.get(W + "val") if num_id is not None else None,
            _int(ilvl, 0) if ilvl is not None else None)


def _level(lvl: Any) -> Level:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    restart = lvl.find(W + "lvlRestart")
    style = lvl.find(W + "pStyle")
    return Level(
        fmt=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
        text=text.get(W + "val", "") if text is not None else "%1.",
        start=_int(lvl.find(W + "start"), 1),
        restart=_int(restart, 0) if restart is not None else None,
        legal=_on(lvl.find(W + "isLgl")),
        style=style.get(W + "val") if style is not None else None,
    )


def _int(el: Any | None, default: int) -> int:
    try:
        return int(el.get(W + "val")) if el is not None else default
    except (TypeError, ValueError):
        return default


def _on(el: Any | None) -> bool:
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")

"""Ligature glyphs the PDF's text layer maps to the wrong character, repaired from the
document's own words.

A font whose ToUnicode table lacks (or garbles) its ligature glyphs makes "Committee" read
"Commi$ee", "notification" read "noti?cation" or "noti\\ue001cation" (a private-use code),
and "Matthew" read "Mafhew"; the name then fails as an attendee or an owner. The glyph is
wrong the same way wherever the font uses it, so one confirmed word establishes it for all:

  texts_to_vocabulary -> suspects (a symbol, private-use or control character inside a word)
  -> confirmations (a ligature pair in its place makes a word the document spells cleanly
  elsewhere, or one of ligatures.json's words) -> repairs -> apply to every block and cell.

A glyph confirmed by two words is then repaired in every word where it sits between letters
(names too). A word nobody confirms is never changed: when such words remain, the document
gets a problem naming them, so the clerk checks those names. Unicode's own ligature
characters (U+FB00-FB06) are always expanded.

Not read here: a glyph mapped to a real letter ("Mafhew") or dropped ("Commiee"). The
document's words cannot tell those from English morphology (on the dev papers, "amend" ->
"attend", "power" -> "flower", "higher" -> "highest" all pass such a test); they need the
glyph's width from PDFium's character boxes, or OCR of the word's box.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Iterable, Iterator

from .model import Block, Cell, Page, Problem, Table

MIN_AGREEING = 2  # distinct words that must agree before a glyph's reading is trusted
MIN_LETTERS = 2  # a broken word has letters to go by; shorter runs are initials or OCR noise
MIN_READING = 4  # "o$" -> "off" is a guess: a confirming word must be longer
# '?' and U+FFFD are what a reader prints for ANY unmapped glyph: several ligatures may
# share them, so one confirmed reading never extends to an unconfirmed word
_GENERIC = frozenset("?\ufffd")
_FORMS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
_FORM_RE = re.compile("[\ufb00-\ufb06]")
_URLISH = ("://", "www.", "@", "=")  # a ? or % inside a link or address is not a glyph


@dataclass(frozen=True)
class _Data:
    pairs: tuple[str, ...]
    words: frozenset[str]
    word_re: re.Pattern


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = json.loads(Path(__file__).with_name("ligatures.json").read_text(encoding="utf-8"))
    symbols = re.escape(raw["suspect_symbols"])
    # a run of letters and suspect glyphs; possessive, so linear on any text
    suspect = rf"{symbols}\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd"
    word_re = re.compile(rf"(?:[^\W\d_]|[{suspect}])++")
    return _Data(tuple(raw["pairs"]), frozenset(w.lower() for w in raw["words"]), word_re)


@dataclass
class Repairs:
    """What one document's words need: each broken word's reading, and those left as printed."""

    words: dict[str, str] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)


def expand_forms(text: str) -> str:
    """U+FB00-FB06 ("ﬁ", "ﬄ" …) as the letters they stand for."""
    return text.translate(_FORMS)


def _words(text: str) -> Iterator[str]:
    """Runs of letters and suspect glyphs, outside links and addresses; a closing '?' or '!'
    ends a question, not a word."""
    # asked of each token only when the text holds one at all: most blocks hold none
    urlish = any(u in text for u in _URLISH)
    finditer = _data().word_re.finditer
    for token in text.split():
        if urlish and any(u in token for u in _URLISH):
            continue
        for m in finditer(token):
            word = m.group().rstrip("?!").lstrip("¿¡")
            if word:
                yield word


def _inner(word: str, i: int) -> bool:
    """A letter on each side somewhere: 'Commi$ee', not 'next**' or '$500'."""
    return any(c.isalpha() for c in word[:i]) and any(c.isalpha() for c in word[i + 1:])


def _recase(word: str, fixed: str) -> str:
    return fixed.upper() if word.isupper() and len(word) > 1 else fixed


def plan_repairs(words: Iterable[str], known: Iterable[str] = ()) -> Repairs:
    """The repairs a document's words need. `known` adds clean words spelt elsewhere."""
    data = _data()
    counts = Counter(words)
    vocab = {w.lower() for w in counts if w.isalpha()} | data.words | {k.lower() for k in known}
    out = Repairs()
    _symbol_repairs(counts, vocab, data.pairs, out)
    return out


def _symbol_repairs(counts: Counter, vocab: set[str], pairs: tuple[str, ...],
                    out: Repairs) -> None:
    broken = [w for w in counts
              if not w.isalpha() and sum(c.isalpha() for c in w) >= MIN_LETTERS]
    confirmed: dict[str, Counter] = defaultdict(Counter)
    inner, loose = Counter(), Counter()  # a glyph's uses between letters, and elsewhere
    for w, n in counts.items():
        for i, c in enumerate(w):
            if not c.isalpha():
                (inner if _inner(w, i) else loose)[c] += n
    for w in broken:
        glyphs = {c for c in w if not c.isalpha()}
        if len(glyphs) == 1:
            (g,) = glyphs
            for p in pairs:
                fixed = w.replace(g, p).lower()
                if len(fixed) >= MIN_READING and fixed in vocab:
                    confirmed[g][p] += 1
                    break
    # a specific glyph read one way by enough words is that ligature everywhere
    settled = {g: c.most_common(1)[0][0] for g, c in confirmed.items()
               if g not in _GENERIC and len(c) == 1 and sum(c.values()) >= MIN_AGREEING}
    for w in broken:
        glyphs = sorted({c for c in w if not c.isalpha()})
        if len(glyphs) > 2:
            continue
        fixed = _read_glyphs(w, glyphs, vocab, pairs, settled, confirmed)
        if fixed:
            out.words[w] = _recase(w, fixed)
        elif any(_inner(w, i) and inner[c] > loose[c] for i, c in enumerate(w)
                 if not c.isalpha()):
            # a glyph mostly used inside words; '$500' and 'Yes | No' are its own uses
            out.unresolved.append(w)


def _read_glyphs(word: str, glyphs: list[str], vocab: set[str], pairs: tuple[str, ...],
                 settled: dict[str, str], confirmed: dict[str, Counter]) -> str | None:
    """The word with each glyph read as a ligature: the reading that makes a known word
    (the best-confirmed if several do), else the glyphs' settled readings, used only where
    the glyph sits between letters."""
    best: tuple[int, str] | None = None
    for choice in product(pairs, repeat=len(glyphs)):
        fixed = word
        for g, p in zip(glyphs, choice):
            fixed = fixed.replace(g, p)
        if len(fixed) >= MIN_READING and fixed.lower() in vocab:
            score = sum(confirmed[g][p] for g, p in zip(glyphs, choice))
            if best is None or score > best[0]:
                best = (score, fixed)
    if best:
        return best[1]
    if all(g in settled for g in glyphs) and all(
            _inner(word, i) for i, c in enumerate(word) if c in glyphs):
        fixed = word
        for g in glyphs:
            fixed = fixed.replace(g, settled[g])
        return fixed
    return None


def _texts(pages: list[Page]) -> Iterator[tuple[int | None, Block | Cell, str]]:
    """Every text-layer block and cell; OCR'd text has no glyph map to be wrong."""
    for page in pages:
        if page.ocr:
            continue
        for item in page.items:
            if isinstance(item, Block) and not item.ocr:
                yield page.number, item, item.text
            elif isinstance(item, Table):
                for row in item.rows:
                    for cell in row:
                        yield page.number, cell, cell.text


def _apply(text: str, words: dict[str, str]) -> str:
    if not words:
        return text
    fix = _data().word_re

    def token(m: re.Match) -> str:
        t = m.group()
        if any(u in t for u in _URLISH):
            return t
        return fix.sub(lambda w: _one(w.group(), words), t)

    return re.sub(r"\S++", token, text)


def _one(run: str, words: dict[str, str]) -> str:
    core = run.rstrip("?!").lstrip("¿¡")
    start = run.find(core)
    w = words.get(core) or words.get(core.lower())
    if w is None:
        return run
    if core.isupper() and len(core) > 1:
        w = w.upper()
    elif core[:1].isupper():
        w = w[:1].upper() + w[1:]
    return run[:start] + w + run[start + len(core):]


def repair_pages(pages: list[Page], problems: list[Problem]) -> list[Page]:
    """In place, and returned: every block's and cell's words repaired; a problem when some
    words show a wrong glyph nothing could confirm."""
    texts = list(_texts(pages))
    for _, obj, t in texts:
        if _FORM_RE.search(t):
            obj.text = expand_forms(t)
    texts = [(n, obj, obj.text) for n, obj, _ in texts]
    repairs = plan_repairs(w for _, _, t in texts for w in _words(t))
    for _, obj, t in texts:
        new = _apply(t, repairs.words)
        if new != t:
            obj.text = new
    left = sorted(set(repairs.unresolved))
    if len(left) >= MIN_AGREEING:
        first = next((n for n, _, t in texts if any(w in t for w in left)), None)
        shown = ", ".join(f"'{w}'" for w in left[:4])
        problems.append(Problem(
            "ligature-glyphs",
            f"{len(left)} words show a character the PDF's font maps wrongly ({shown}); they "
            "were left as printed, so names among them may not match. Check them against the "
            "printed page.", page=first))
    return pages

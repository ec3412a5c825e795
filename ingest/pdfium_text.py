"""Positioned words from PDFium's text layer: the fast path for every PDF page.

pdfplumber (pdfminer) interprets each page's content stream in Python, about 100 ms a page
on real papers; PDFium does it in C at a few ms. We only need, per character, its code
point, its loose box (font ascent to descent, as pdfplumber reports it, so line grouping
sees even heights) and its angle; font size and weight are read once per word.
Coordinates are turned into display space (see pdf_frame): origin top-left of the crop
box, y down, the page turned as its /Rotate says.
"""
from __future__ import annotations

import ctypes
import math
import re
import struct
from dataclasses import dataclass, field
from typing import Any, Callable

import pypdfium2.raw as raw

from .layout import Word
from .pdf_frame import Frame

WORD_GAP = 1.5  # points of white space that split a word (pdfplumber's x_tolerance)
_SPACE = frozenset(" \t\r\n\u00a0\u2002\u2003\u2009\ufeff")
_DROP_CH = frozenset("\x00\ufffe\uffff")
_HYPHEN_MARK = 2  # PDFium reports a line-end hyphen it removed as U+0002
_ASK = re.compile("[\x00\x02\ufffe\uffff]")  # FPDFText_GetText may not say which it was
_SURROGATE = re.compile("[\ud800-\udfff]")
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


Glyph = tuple[str, float, float, float, float]  # character, x0, top, x1, bottom


@dataclass
class Stamp:
    """A run of rotated text, e.g. "Agenda Item 6" printed up the page edge, or a register's
    date set up the page over its column (see rotated_heads, which reads the glyphs)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    turn: int = 0  # degrees clockwise from upright on the displayed page: 90, 270, 45 …
    glyphs: list[Glyph] = field(default_factory=list)


@dataclass
class PageText:
    words: list[Word] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    chars: int = 0  # printable characters on the page: 0 means no text layer


class _Run:
    """Characters collected into the word being built."""

    __slots__ = ("chars", "x0", "x1", "top", "bottom", "first", "last", "turn", "glyphs")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.last = (0.0, 0.0, 0.0, 0.0)
        self.turn = 0
        self.glyphs: list[Glyph] = []
        self.x0 = self.x1 = self.top = self.bottom = 0.0
        self.first = -1

    def add(self, ch: str, i: int, x0: float, x1: float, top: float, bottom: float) -> None:
        if not self.chars:
            self.first, self.x0, self.x1, self.top, self.bottom = i, x0, x1, top, bottom
        else:
            self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)
            self.top, self.bottom = min(self.top, top), max(self.bottom, bottom)
        self.chars.append(ch)


def read_page_text(textpage: Any, frame: Frame, level: bool = False) -> PageText:
    """Words (text upright on the displayed page) and stamps (text at any other angle).

    One C call reads the page's code points; per character only its loose box (when it is
    not a space) and its angle are asked for, and the loop keeps its state in locals: this
    loop is most of ingest's time on a text PDF. `level`: pdf_objects.text_is_level said
    every character's angle is 0, so none is asked for."""
    tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    n = raw.FPDFText_CountChars(textpage.raw)
    out = PageText()
    if n <= 0:
        return out
    get_angle, get_box, get_origin = _GET_ANGLE, _GET_BOX, _GET_ORIGIN
    get_object = _GET_TEXT_OBJECT
    rect = raw.FS_RECTF()
    rect_ref, unpack = ctypes.byref(rect), _RECT.unpack_from
    to_box = _boxer(frame)
    plain = frame.rotation == 0  # the usual frame, its box arithmetic done inline
    left_edge, top_edge = frame.left, frame.top
    upright, tau = frame.upright_angle, 2 * math.pi
    near = tau - 0.05
    # every angle 0, and 0 is upright here: no stamps, and no angle to ask for
    all_upright = level and frame.is_upright(0.0)
    origin = (ctypes.c_double * 2)()
    origin_x, origin_y = ctypes.byref(origin, 0), ctypes.byref(origin, 8)
    stamp = _Run()
    fonts: dict[int, tuple[float, bool]] = {}
    font_out = _FontOut()
    words = out.words
    chars: list[str] = []  # the word being built: its characters, first index and box
    first = 0
    wx0 = wx1 = wtop = wbottom = 0.0
    printable = 0

    def flush_word() -> None:
        # _font's cache asked here first: most words are in a text object already seen
        size, bold = fonts.get(get_object(tp, first) or -first - 1) \
            or _font(tp, first, fonts, font_out)
        # One em box on the baseline, whatever the font's own ascent and descent: a
        # bullet in a symbol font must not look like the start of a new paragraph.
        get_origin(tp, first, origin_x, origin_y)
        baseline = top_edge - origin[1] if plain else frame.point(origin[0], origin[1])[1]
        words.append(Word(text="".join(chars), x0=wx0, x1=wx1, top=baseline - 0.8 * size,
                          bottom=baseline + 0.2 * size, size=size, bold=bold))

    def flush_stamp() -> None:
        text = " ".join("".join(stamp.chars).split())
        if text:
            out.stamps.append(Stamp(text, stamp.x0, stamp.top, stamp.x1, stamp.bottom,
                                    stamp.turn, stamp.glyphs))
        stamp.chars, stamp.glyphs = [], []

    for i, ch in enumerate(_characters(textpage.raw, n)):
        if ch in _DROP_CH:
            continue
        if ch in _SPACE:
            if chars:
                flush_word()
                chars = []
            if stamp.chars:
                turn = (get_angle(tp, i) - upright) % tau
                if not (turn < 0.05 or turn > near):  # a space inside rotated text
                    stamp.chars.append(" ")
            continue
        get_box(tp, i, rect_ref)
        left, top, right, bottom = unpack(rect)  # FS_RECTF's order
        if plain:  # Frame.box for an unturned page, min and max spelt out
            xa, xb, ta, tb = left - left_edge, right - left_edge, top_edge - bottom, \
                top_edge - top
            x0, x1 = (xb if xb < xa else xa), (xb if xb > xa else xa)
            top, bottom = (tb if tb < ta else ta), (tb if tb > ta else ta)
        else:
            x0, top, x1, bottom = to_box(left, bottom, right, top)
        if not all_upright:
            angle = get_angle(tp, i)
            turn = (angle - upright) % tau
            if not (turn < 0.05 or turn > near):  # rotated: part of a stamp
                if chars:
                    flush_word()
                    chars = []
                if stamp.chars and _apart(stamp.last, (x0, top, x1, bottom)):
                    flush_stamp()  # "Page 1" and "Agenda Item 6" are two stamps
                if not stamp.chars:  # the run's turn is its first glyph's
                    stamp.turn = round(math.degrees(angle - upright)) % 360
                stamp.add(ch, i, x0, x1, top, bottom)
                stamp.last = (x0, top, x1, bottom)
                stamp.glyphs.append((ch, x0, top, x1, bottom))
                continue
            if stamp.chars:
                flush_stamp()
        printable += 1
        if chars:
            size = wbottom - wtop
            if (x0 - wx1 > WORD_GAP or x0 < wx1 - size  # a gap, or a jump back
                    or abs((top + bottom) / 2 - (wtop + wbottom) / 2) > size * 0.5):  # new line
                flush_word()
                chars = []
        if chars:  # min and max, spelt out: this runs once per character
            if x0 < wx0:
                wx0 = x0
            if x1 > wx1:
                wx1 = x1
            if top < wtop:
                wtop = top
            if bottom > wbottom:
                wbottom = bottom
        else:
            first, wx0, wx1, wtop, wbottom = i, x0, x1, top, bottom
        chars.append(ch)
    if chars:
        flush_word()
    if stamp.chars:
        flush_stamp()
    out.chars = printable
    return out


def _characters(tp: Any, n: int) -> str:
    """The page's n characters, one per PDFium character index, from one call. GetText's
    buffer is GetUnicode's characters less those PDFium does not print (a tab drawn as a
    glyph reads as U+0000), so a full-length buffer lines up one to one; otherwise, or with
    a surrogate pair in it, every character is asked for. GetText shows the line-end hyphen
    PDFium removed as U+FFFE (GetUnicode: U+0002): those few are asked for too."""
    buf = (ctypes.c_ushort * (2 * n + 1))()  # room for surrogate pairs: older PDFiums overrun
    got = raw.FPDFText_GetText(tp, 0, n, buf)
    text = ctypes.string_at(buf, 2 * n).decode("utf-16-le", "surrogatepass")
    if got != n + 1 or _SURROGATE.search(text):
        return "".join(_char(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
    if not _ASK.search(text):
        return text
    chars = list(text)
    for m in _ASK.finditer(text):
        chars[m.start()] = _char(raw.FPDFText_GetUnicode(tp, m.start()))
    return "".join(chars)


def _char(code: int) -> str:
    return "-" if code == _HYPHEN_MARK else chr(code)


def _boxer(frame: Frame) -> Callable[[float, float, float, float],
                                     tuple[float, float, float, float]]:
    """frame.box for one frame: the same arithmetic, with the rotation chosen once and
    min/max spelt out (it runs once per character)."""
    left, bottom, right, top, rotation = frame.left, frame.bottom, frame.right, frame.top, \
        frame.rotation

    def box(l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        if rotation == 90:
            xa, ta, xb, tb = b - bottom, l - left, t - bottom, r - left
        elif rotation == 180:
            xa, ta, xb, tb = right - l, b - bottom, right - r, t - bottom
        elif rotation == 270:
            xa, ta, xb, tb = top - b, right - l, top - t, right - r
        else:
            xa, ta, xb, tb = l - left, top - b, r - left, top - t
        return (xb if xb < xa else xa, tb if tb < ta else ta,
                xb if xb > xa else xa, tb if tb > ta else ta)
    return box


def _apart(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Two characters' boxes further apart than a few character sizes."""
    size = max(a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1], 1.0)
    dx = abs((a[0] + a[2]) - (b[0] + b[2])) / 2
    dy = abs((a[1] + a[3]) - (b[1] + b[3])) / 2
    return max(dx, dy) > size * 3


def _bare(func: Any, restype: Any) -> Any:
    """`func` called with its arguments as given (a c_void_p handle, ints, byref out
    parameters): ctypes then converts nothing per call, and these run per character."""
    bare = ctypes.CFUNCTYPE(restype)(ctypes.cast(func, ctypes.c_void_p).value)
    bare.argtypes = None
    return bare


_GET_ANGLE = _bare(raw.FPDFText_GetCharAngle, ctypes.c_float)
_GET_BOX = _bare(raw.FPDFText_GetLooseCharBox, ctypes.c_int)
_GET_ORIGIN = _bare(raw.FPDFText_GetCharOrigin, ctypes.c_int)
_GET_MATRIX = _bare(raw.FPDFText_GetMatrix, ctypes.c_int)
_GET_FONT_SIZE = _bare(raw.FPDFText_GetFontSize, ctypes.c_double)
# the object's address as an int (None for no object): the per-word cache key
_GET_TEXT_OBJECT = _bare(raw.FPDFText_GetTextObject, ctypes.c_void_p)
_GET_FONT_INFO = _bare(raw.FPDFText_GetFontInfo, ctypes.c_ulong)
_GET_FONT_WEIGHT = _bare(raw.FPDFText_GetFontWeight, ctypes.c_int)
_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom


class _FontOut:
    """Out-parameters for _font, made once per page instead of once per word."""

    __slots__ = ("matrix", "matrix_ref")

    def __init__(self) -> None:
        self.matrix = raw.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)


def _font(tp: Any, index: int, cache: dict[int, tuple[float, bool]],
          out: _FontOut | None = None) -> tuple[float, bool]:
    """(size in points, bold) of the character at `index`, cached per text object: a text
    object's characters share its font, size and matrix (PDFium's generated spaces do not,
    but no word starts with one), so a paragraph set in one font costs one lookup."""
    key = _GET_TEXT_OBJECT(tp, index) or -index - 1
    known = cache.get(key)
    if known is not None:
        return known
    if out is None:
        out = _FontOut()
    _GET_MATRIX(tp, index, out.matrix_ref)
    matrix = out.matrix
    # the font size is in text space; Word writes "/F1 1 Tf" and scales by the matrix
    size = round(float(_GET_FONT_SIZE(tp, index)) * math.hypot(matrix.c, matrix.d), 1)
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    _GET_FONT_INFO(tp, index, buf, ctypes.c_ulong(len(buf)), ctypes.byref(flags))
    name = buf.value.decode("latin-1", "replace").lower()
    weight = _GET_FONT_WEIGHT(tp, index)
    # some embedded fonts report nonsense weights (3556); trust only the CSS range
    bold = 600 <= weight <= 1000 or any(b in name for b in _BOLD_NAMES)
    cache[key] = (size or 10.0, bold)
    return cache[key]

"""A page's drawing objects straight from PDFium, for the two passes that look at them
(pdf._drawing, pdf_grid.read_geometry).

pypdfium2's `page.get_objects()` wraps every object, text included, in a Python helper
before filtering; a text-heavy page has thousands of text objects and only a handful of
paths. This walks the same objects in the same order (form XObjects descended into, to the
same depth) and builds a record only for the kinds asked for.
"""
from __future__ import annotations

import ctypes
from typing import Any, Iterator, NamedTuple

import pypdfium2.raw as raw
from pypdfium2 import PdfiumError  # as get_objects() raised: a bad page reads the same

MAX_DEPTH = 15  # as pypdfium2 5's get_objects(): objects nested deeper are not listed


class PageObject(NamedTuple):
    raw: Any  # the FPDF_PAGEOBJECT handle
    type: int  # FPDF_PAGEOBJ_*
    level: int  # how many form XObjects it sits in: 0 on the page itself


def page_objects(page: Any, kinds: frozenset[int]) -> Iterator[PageObject]:
    """The page's objects of the given FPDF_PAGEOBJ_* kinds, in content order."""
    yield from _walk(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, kinds, 0)


def _walk(parent: Any, count: Any, get: Any, kinds: frozenset[int], level: int
          ) -> Iterator[PageObject]:
    n = count(parent)
    if n < 0:
        raise PdfiumError("Failed to get number of pageobjects.")
    get_type, form = raw.FPDFPageObj_GetType, raw.FPDF_PAGEOBJ_FORM
    for i in range(n):
        handle = get(parent, i)
        if not handle:
            raise PdfiumError("Failed to get pageobject.")
        kind = get_type(handle)
        if kind == raw.FPDF_PAGEOBJ_UNKNOWN:  # get_objects() gives up on the page here too
            raise PdfiumError("Failed to determine pageobject type, did you pass in a valid "
                              "FPDF_PAGEOBJECT handle?")
        if kind in kinds:
            yield PageObject(handle, kind, level)
        if kind == form and level < MAX_DEPTH - 1:
            yield from _walk(handle, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject,
                             kinds, level + 1)


def bounds(handle: Any) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of an object in PDF page coordinates."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(handle, l, b, r, t):
        raise PdfiumError("Failed to locate pageobject.")
    return l.value, b.value, r.value, t.value


def text_is_level(page: Any) -> bool:
    """True when every text object on the page, in form XObjects too, is drawn unturned: its
    matrix (times its forms' matrices) scales each axis by a positive factor and shears
    nothing. PDFium's character angle is read off that matrix, so then every character's
    angle is 0 and the text layer need not be asked for one per character. False for
    anything else, including what cannot be read or lies deeper than MAX_DEPTH."""
    try:
        return _level(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, 0, 1.0)
    except (PdfiumError, ValueError, OverflowError):
        return False


def _level(parent: Any, count: Any, get: Any, depth: int, scale: float) -> bool:
    n = count(parent)
    if n < 0 or depth >= MAX_DEPTH or not 1e-30 < scale < 1e30:
        return False  # unreadable, too deep, or scaled where float products stop being exact
    matrix = raw.FS_MATRIX()
    get_type, get_matrix = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetMatrix
    text, form = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM
    for i in range(n):
        handle = get(parent, i)
        kind = get_type(handle) if handle else raw.FPDF_PAGEOBJ_UNKNOWN
        if kind not in (text, form):
            if kind == raw.FPDF_PAGEOBJ_UNKNOWN:
                return False
            continue
        if not get_matrix(handle, matrix):
            return False
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        if b != 0 or c != 0 or not (a > 0 and d > 0) or not (a < 1e30 and d < 1e30):
            return False
        if kind == form and not _level(handle, raw.FPDFFormObj_CountObjects,
                                       raw.FPDFFormObj_GetObject, depth + 1,
                                       scale * max(a, d, 1 / a, 1 / d)):
            return False
    return True

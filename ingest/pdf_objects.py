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

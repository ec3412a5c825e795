"""A page's objects straight from PDFium, for the passes that look at them (pdf._drawing,
pdf_grid.read_geometry, text_is_level): pdf lists them once a page for all three.

pypdfium2's `page.get_objects()` wraps every object, text included, in a Python helper
before filtering; a text-heavy page has thousands of text objects and only a handful of
paths. This walks the same objects in the same order (form XObjects descended into, to the
same depth) and builds a record only for the kinds asked for.
"""
from __future__ import annotations

import ctypes
from typing import Any, Iterable, Iterator, NamedTuple

import pypdfium2.raw as raw
from pypdfium2 import PdfiumError  # as get_objects() raised: a bad page reads the same

EVERY_KIND = frozenset({raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE,
                        raw.FPDF_PAGEOBJ_SHADING, raw.FPDF_PAGEOBJ_FORM})
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


def text_is_level(objects: Iterable[PageObject]) -> bool:
    """True when every text object on the page, in form XObjects too, is drawn unturned: its
    matrix (times its forms' matrices) scales each axis by a positive factor and shears
    nothing. PDFium's character angle is read off that matrix, so then every character's
    angle is 0 and the text layer need not be asked for one per character. `objects`: the
    page's objects from page_objects, TEXT and FORM among the kinds. False for anything
    else, including a form too deep for page_objects to have opened."""
    matrix = raw.FS_MATRIX()
    get_matrix, text, form = raw.FPDFPageObj_GetMatrix, raw.FPDF_PAGEOBJ_TEXT, \
        raw.FPDF_PAGEOBJ_FORM
    scales = [1.0]  # how far each open form scales, so the product stays exact in floats
    for obj in objects:
        if obj.type != text and obj.type != form:
            continue
        if not get_matrix(obj.raw, matrix):
            return False
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        if b != 0 or c != 0 or not (0 < a < 1e30 and 0 < d < 1e30):
            return False
        if obj.type == form:
            if obj.level >= MAX_DEPTH - 1:
                return False  # its contents were not listed
            del scales[obj.level + 1:]
            scales.append(scales[obj.level] * max(a, d, 1 / a, 1 / d))
            if scales[-1] > 1e30:
                return False
    return True

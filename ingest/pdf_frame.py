"""From PDF user space to the page as a reader sees it.

PDFium reports characters and paths in user space: origin bottom-left of the MediaBox, y
up, and before the page's /Rotate is applied. Everything downstream (and pdfplumber, whose
interpreter applies /Rotate) works in display space: origin top-left of the visible page,
y down, the page turned as /Rotate says. A landscape page printed from Word is often a
portrait page with /Rotate 90 and its text drawn up the page; in display space it reads
left to right like any other.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    left: float
    bottom: float
    right: float
    top: float
    rotation: int = 0  # clockwise degrees: 0, 90, 180 or 270

    @classmethod
    def of(cls, crop: tuple[float, float, float, float], rotation: int = 0) -> "Frame":
        return cls(*crop, rotation=rotation % 360 if rotation % 90 == 0 else 0)

    @property
    def width(self) -> float:
        w, h = self.right - self.left, self.top - self.bottom
        return h if self.rotation in (90, 270) else w

    @property
    def height(self) -> float:
        w, h = self.right - self.left, self.top - self.bottom
        return w if self.rotation in (90, 270) else h

    @property
    def upright_angle(self) -> float:
        """PDFium's angle (radians, clockwise) of text that reads upright once the page is
        turned: text drawn up the page (+y) on a /Rotate 90 page comes back as 3π/2."""
        return math.radians(-self.rotation) % (2 * math.pi)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) in display space."""
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, left: float, bottom: float, right: float, top: float
            ) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in display space of a user-space rectangle."""
        xa, ta = self.point(left, bottom)
        xb, tb = self.point(right, top)
        return min(xa, xb), min(ta, tb), max(xa, xb), max(ta, tb)

    def is_upright(self, angle: float) -> bool:
        turn = (angle - self.upright_angle) % (2 * math.pi)
        return turn < 0.05 or turn > 2 * math.pi - 0.05

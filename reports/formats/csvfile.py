"""CSV: each table's header row and rows, every column (utf-8 with a BOM, for Excel). No cell
can start a formula (`cells.no_formula`). Several tables follow one another, a blank line
and the table's title between them."""
from __future__ import annotations

import csv
from pathlib import Path

from ..cells import FORMULA_START, no_formula
from ..document import Report
from .shared import tables, texts


def write_csv(report: Report, path: Path) -> None:
    # utf-8 with a BOM: Excel otherwise reads UTF-8 CSV as a legacy code page.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        for n, table in enumerate(tables(report)):
            if n:
                out.writerows([[], [no_formula(table.title)]])
            out.writerow([no_formula(c.name) for c in table.columns])
            # `no_formula(as_text(v))` per cell, without two calls per cell
            out.writerows(["'" + t if t[:1] in FORMULA_START else t
                           for t in texts(row.cells)] for row in table.rows)

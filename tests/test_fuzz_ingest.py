"""Seeded fuzzing of small generated PDF, DOCX and HTML files: every mutated or truncated file
comes back as a Document whose problems describe the file ("damaged …"), never as our own
internal error ("Report this file to the boardpapers maintainers"), which must stay reserved
for real bugs. Deterministic: the same seed makes the same files on every run."""
from __future__ import annotations

import io
import random

import pytest
from docx import Document as DocxDocument

from ingest import load

INTERNAL = "Report this file to the boardpapers maintainers"
FILES_PER_FORMAT = 100


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.drawString(72, 720, "Minutes of the Finance Committee")
    c.rect(72, 600, 120, 20, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def _docx() -> bytes:
    buf = io.BytesIO()
    d = DocxDocument()
    d.add_paragraph("Minutes of the Finance Committee")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Action"
    d.save(buf)
    return buf.getvalue()


HTML = (b"<html><body><main><h1>Minutes</h1><p>Present: Cllr A Smith</p><table><tr>"
        b"<td colspan=2 style='background:#ff0000'>Red</td></tr></table></main></body></html>")


def _mutants(seed_bytes: bytes, seed: int) -> list[bytes]:
    """Truncations and byte flips of one seed file."""
    rng = random.Random(seed)
    out = []
    for _ in range(FILES_PER_FORMAT):
        data = bytearray(seed_bytes)
        if rng.random() < 0.3:
            data = data[:rng.randrange(1, len(data))]
        else:
            for _ in range(rng.randrange(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        out.append(bytes(data))
    return out


@pytest.mark.parametrize("ext,build", [("pdf", _pdf), ("docx", _docx), ("html", lambda: HTML)])
def test_fuzzed_files_are_damaged_files_not_internal_errors(tmp_path, ext, build):
    internal = []
    for n, data in enumerate(_mutants(build(), seed=8)):
        f = tmp_path / f"fuzz-{n}.{ext}"
        f.write_bytes(data)
        doc = load(f)  # never raises
        internal += [f"{f.name}: {p.message}" for p in doc.problems if INTERNAL in p.message]
    assert not internal, internal

"""Plain-text backend: paragraphs split at blank lines; numbered lines start new blocks."""
from __future__ import annotations

from pathlib import Path

from .layout import NUMBERED
from .limits import MAX_TEXT_BYTES, cut
from .model import Block, Page, Problem


def read_text(path: Path, sha256: str, problems: list[Problem]) -> list[Page]:
    with path.open("rb") as fh:
        raw = fh.read(MAX_TEXT_BYTES + 1)
    if len(raw) > MAX_TEXT_BYTES:
        raw = raw[:raw.rfind(b"\n", 0, MAX_TEXT_BYTES) + 1 or MAX_TEXT_BYTES]  # a whole line
        problems.append(cut(f"{MAX_TEXT_BYTES // 2**20} MiB", f"{path.name} is longer than the "
                            f"{MAX_TEXT_BYTES // 2**20} MiB of text boardpapers reads from one "
                            "file; the rest was not read. Split the file, or run on the part "
                            "you need."))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        problems.append(Problem("encoding-guessed", f"{path.name} is not UTF-8; read as "
                                "Windows-1252. Check names with accents."))
    page = Page(number=None)
    index = 0
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines: list[str] = []
        for line in chunk.split("\n"):
            if NUMBERED.match(line) and lines:
                page.items.append(Block(index=index, page=None, kind="paragraph",
                                        text="\n".join(lines).strip(), sha256=sha256))
                index += 1
                lines = []
            if line.strip():
                lines.append(line.rstrip())
        if lines:
            page.items.append(Block(index=index, page=None, kind="paragraph",
                                    text="\n".join(lines).strip(), sha256=sha256))
            index += 1
    return [page]

#!/usr/bin/env python3
"""Golden structural snapshots of a few real dev documents: what ingest made of them.

Regenerate every snapshot after an intended ingest change (e.g. a new PDF text backend):

    /work/venv/bin/python scripts/snapshot_docs.py --update

Without --update it compares and prints a readable structural diff (page, item, expected vs
got), with the current text of the items that changed; it exits 1 when anything differs.
tests/test_snapshots.py runs the same comparison.

The real papers are not ours to redistribute, so a snapshot holds no text from them: per
page its printed label and OCR flag; per item in reading order its kind (furniture is a
kind), style, line count and a short keyed hash of its whitespace-normalised text; per
table its page span, shape, header flags, fills and one hash per cell. The hash is keyed
with a secret derived from the document's bytes, so a short cell ("Green", "14") cannot be
recovered by guessing without the document itself.

    python scripts/snapshot_docs.py [--update] [--dev DIR] [--only NAME ...]
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import hmac
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import load  # noqa: E402
from ingest.model import Block, Document, Item, Table  # noqa: E402

DEV = ROOT.parent / "shared" / "realdocs" / "dev"
SNAPSHOTS = ROOT / "tests" / "snapshots"
# a mix: two-column minutes with tables, an agenda pack, long minutes, Word tables with
# merges and shading, an HTML page, and KPI boxes that must not be joined across pages
FILES = [
    "suffolk-libraries-ips_board-minutes_2013-01-24.pdf",
    "merton-council_audit-committee_agenda_2009-10-22.pdf",
    "kent-cc_corporate-parenting-panel_minutes_2024-10-29.pdf",
    "winnipeg-council_disposition_2015-03-25.docx",
    "stoke-ferry-pc_minutes_2018-05_webpage.html",
    "kent-cc_qpr-q3-2024-25_part1.pdf",
]
HASH_HEX = 10
SCHEMA = "boardpapers/doc-snapshot@1"


# ---- snapshot ---------------------------------------------------------------------------

def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_key(path: Path) -> bytes:
    """Per-document key for text hashes: needs the file's bytes, not just its sha256."""
    return hashlib.sha256(b"boardpapers-snapshot\0" + path.read_bytes()).digest()


def text_hash(key: bytes, text: str) -> str:
    norm = " ".join(text.split())
    return hmac.new(key, norm.encode("utf-8"), hashlib.sha1).hexdigest()[:HASH_HEX]


def _cell(key: bytes, cell: Any) -> str:
    """One cell as a short readable token: text hash ("-" when empty), then H for a header
    cell, the fill colour, and spans (c2 = two columns wide, r3 = three rows tall)."""
    parts = [text_hash(key, cell.text) if cell.text.strip() else "-"]
    if cell.header:
        parts.append("H")
    if cell.fill:
        parts.append(cell.fill)
    if cell.colspan > 1:
        parts.append(f"c{cell.colspan}")
    if cell.rowspan > 1:
        parts.append(f"r{cell.rowspan}")
    return " ".join(parts)


def item_snapshot(key: bytes, item: Item) -> dict:
    if isinstance(item, Table):
        fills = sorted({c.fill for row in item.rows for c in row if c.fill})
        return {"kind": "table", "pages": list(item.pages) if item.pages else None,
                "shape": f"{len(item.rows)}x{item.n_cols}", "fills": fills,
                "cells": [[_cell(key, c) for c in row] for row in item.rows]}
    return {"kind": item.kind, "style": item.style, "lines": len(item.lines),
            "text": text_hash(key, item.text)}


def snapshot(path: Path, doc: Document) -> dict:
    key = text_key(path)
    return {
        "schema": SCHEMA,
        "file": path.name,
        "sha256": doc.source.sha256,
        "format": doc.source.format,
        "status": doc.status.value,
        "problems": [p.code for p in doc.problems],
        "pages": [{"number": p.number, "label": p.label, "ocr": p.ocr,
                   "items": [item_snapshot(key, i) for i in p.items]} for p in doc.pages],
    }


def snapshot_path(name: str, folder: Path = SNAPSHOTS) -> Path:
    return folder / f"{name}.json"


def write(snap: dict, folder: Path = SNAPSHOTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = snapshot_path(snap["file"], folder)
    # one item per line: a change shows in `git diff` as the items that changed
    pages = []
    for p in snap["pages"]:
        items = ",\n".join("    " + json.dumps(i, ensure_ascii=False) for i in p["items"])
        head = json.dumps({k: v for k, v in p.items() if k != "items"})[:-1]
        pages.append(f"  {head}, \"items\": [\n{items}\n  ]}}" if items else
                     f"  {head}, \"items\": []}}")
    top = json.dumps({k: v for k, v in snap.items() if k != "pages"}, indent=1)[:-2]
    out.write_text(f"{top},\n \"pages\": [\n" + ",\n".join(pages) + "\n ]\n}\n",
                   encoding="utf-8")
    assert json.loads(out.read_text(encoding="utf-8")) == snap  # the layout is still JSON
    return out


# ---- diff -------------------------------------------------------------------------------

@dataclass
class Change:
    """One difference. `page`/`item` index the *current* document (0-based) when the change
    is about an item that is there now, so its text can be shown."""

    where: str
    message: str
    page: int | None = None
    item: int | None = None


def _signature(item: dict) -> str:
    return json.dumps(item, sort_keys=True)


def _brief(item: dict) -> str:
    if item["kind"] == "table":
        return f"table {item['shape']} pages {item['pages']}"
    style = f"/{item['style']}" if item.get("style") else ""
    return f"{item['kind']}{style} {item['lines']} line(s) #{item['text']}"


def _table_changes(exp: dict, got: dict) -> list[str]:
    out = [f"{k}: expected {exp[k]}, got {got[k]}" for k in ("pages", "shape", "fills")
           if exp[k] != got[k]]
    changed = []
    for r in range(max(len(exp["cells"]), len(got["cells"]))):
        a = exp["cells"][r] if r < len(exp["cells"]) else None
        b = got["cells"][r] if r < len(got["cells"]) else None
        if a != b:
            changed.append(f"row {r}: expected {a}, got {b}")
    if changed:
        out.append(f"{len(changed)} row(s) differ; first: " + "; ".join(changed[:3]))
    return out


def diff(expected: dict, got: dict) -> list[Change]:
    changes: list[Change] = []
    for k in ("sha256", "format", "status", "problems"):
        if expected.get(k) != got.get(k):
            changes.append(Change("document", f"{k}: expected {expected.get(k)}, got {got.get(k)}"))
    ep, gp = expected["pages"], got["pages"]
    if len(ep) != len(gp):
        changes.append(Change("document", f"pages: expected {len(ep)}, got {len(gp)}"))
    for n, (e, g) in enumerate(zip(ep, gp)):
        where = f"page {g['number'] or n + 1}"
        for k in ("label", "ocr"):
            if e[k] != g[k]:
                changes.append(Change(where, f"{k}: expected {e[k]!r}, got {g[k]!r}"))
        changes += _item_changes(where, n, e["items"], g["items"])
    return changes


def _item_changes(where: str, page: int, exp: list[dict], got: list[dict]) -> list[Change]:
    """Align items by content so one inserted block does not mark everything after it."""
    out: list[Change] = []
    sm = difflib.SequenceMatcher(a=[_signature(i) for i in exp], b=[_signature(i) for i in got],
                                 autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            continue
        pairs = list(zip(range(a0, a1), range(b0, b1))) if op == "replace" else []
        for a, b in pairs:
            e, g = exp[a], got[b]
            if e["kind"] == "table" and g["kind"] == "table":
                detail = "; ".join(_table_changes(e, g))
            else:
                detail = f"expected {_brief(e)}, got {_brief(g)}"
            out.append(Change(f"{where} item {b}", detail, page, b))
        for a in range(a0 + len(pairs), a1):
            out.append(Change(f"{where} item {b0 + len(pairs)}",
                              f"missing: expected {_brief(exp[a])} (was item {a})"))
        for b in range(b0 + len(pairs), b1):
            out.append(Change(f"{where} item {b}", f"new: {_brief(got[b])}", page, b))
    return out


def render(changes: list[Change], doc: Document | None = None, limit: int = 40) -> str:
    """The changes as text; with the document, the current text of each changed item
    (shown on the developer's screen, never written into the repository)."""
    lines: list[str] = []
    for c in changes[:limit]:
        lines.append(f"{c.where}: {c.message}")
        if doc is not None and c.page is not None and c.item is not None:
            lines += ["    | " + t for t in _item_text(doc.pages[c.page].items[c.item])]
    if len(changes) > limit:
        lines.append(f"… and {len(changes) - limit} more change(s)")
    return "\n".join(lines)


def _item_text(item: Item, width: int = 100, max_lines: int = 6) -> list[str]:
    if isinstance(item, Block):
        rows = item.text.splitlines()
    else:
        rows = [" | ".join(" ".join(c.text.split()) for c in row) for row in item.rows]
    out = [r[:width] for r in rows[:max_lines]]
    if len(rows) > max_lines:
        out.append(f"… {len(rows) - max_lines} more line(s)")
    return out


# ---- command line -----------------------------------------------------------------------

def check(path: Path, folder: Path = SNAPSHOTS) -> tuple[str, list[Change], Document | None]:
    """("ok" | "missing" | "changed-file" | "differs", changes, document) for one file."""
    snap_file = snapshot_path(path.name, folder)
    if not snap_file.exists():
        return "missing", [], None
    expected = json.loads(snap_file.read_text(encoding="utf-8"))
    if file_sha256(path) != expected["sha256"]:
        return "changed-file", [], None
    doc = load(path)
    changes = diff(expected, snapshot(path, doc))
    return ("differs" if changes else "ok"), changes, doc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="rewrite the snapshots")
    ap.add_argument("--dev", default=str(DEV), help="folder holding the dev documents")
    ap.add_argument("--only", nargs="*", default=None, help="file names (default: all)")
    args = ap.parse_args()
    dev = Path(args.dev)
    if not dev.is_dir():
        print(f"{dev} not found: the real documents are needed", file=sys.stderr)
        return 2
    names = args.only or FILES
    failed = 0
    for name in names:
        path = dev / name
        if not path.exists():
            print(f"{name}: not in {dev}", file=sys.stderr)
            failed += 1
            continue
        if args.update:
            out = write(snapshot(path, load(path)))
            print(f"wrote {out.relative_to(ROOT)}")
            continue
        state, changes, doc = check(path)
        if state == "ok":
            print(f"{name}: ok")
        elif state == "missing":
            print(f"{name}: no snapshot; run with --update")
            failed += 1
        elif state == "changed-file":
            print(f"{name}: the file differs from the one snapshotted (sha256); skipped")
        else:
            print(f"{name}: {len(changes)} change(s)\n{render(changes, doc)}\n")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

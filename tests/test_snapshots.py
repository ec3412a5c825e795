"""Golden structural snapshots of real dev documents (tests/snapshots/, written by
scripts/snapshot_docs.py): reading order, tables and furniture as ingest produces them.

A mismatch prints which page and item changed, expected vs got, and the current text of
the changed items (read from the local file at test time; snapshots hold hashes only).
After an intended ingest change: `/work/venv/bin/python scripts/snapshot_docs.py --update`.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys

import pytest

from conftest import ROOT
from ingest.model import Block, Cell, Document, Page, Source, Table

_spec = importlib.util.spec_from_file_location("_boardpapers_snapshot_docs",
                                               ROOT / "scripts" / "snapshot_docs.py")
snap = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = snap  # its dataclasses look their module up while being built
_spec.loader.exec_module(snap)

HASH = re.compile(r"[0-9a-f]{10}")
COLOUR = re.compile(r"#[0-9a-f]{6}")
CELL = re.compile(r"(-|[0-9a-f]{10})( H)?( #[0-9a-f]{6})?( c\d+)?( r\d+)?")
LABEL = re.compile(r"[0-9ivxlcdm]{1,6}", re.I)


@pytest.mark.realdocs
@pytest.mark.parametrize("name", snap.FILES)
def test_document_matches_its_snapshot(name, shared):
    path = shared / "realdocs" / "dev" / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared/realdocs/dev")
    state, changes, doc = snap.check(path)
    if state == "changed-file":
        pytest.skip(f"{name} is not the file that was snapshotted (sha256 differs)")
    assert state != "missing", f"no snapshot for {name}: run scripts/snapshot_docs.py --update"
    assert not changes, (
        f"{name}: ingest output differs from tests/snapshots/{name}.json. If the change is "
        "intended, run scripts/snapshot_docs.py --update.\n" + snap.render(changes, doc))


def test_committed_snapshots_hold_hashes_not_text():
    """The papers are not ours to publish: every value taken from a document is a hash, a
    flag, a colour, a span or a page label (a page number)."""
    files = sorted(snap.SNAPSHOTS.glob("*.json"))
    assert {f.name for f in files} == {f"{n}.json" for n in snap.FILES}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for page in data["pages"]:
            assert page["label"] is None or LABEL.fullmatch(page["label"]), f.name
            for item in page["items"]:
                if item["kind"] == "table":
                    assert all(CELL.fullmatch(c) for row in item["cells"] for c in row), f.name
                    assert all(COLOUR.fullmatch(x) for x in item["fills"]), f.name
                else:
                    assert HASH.fullmatch(item["text"]), f.name


# ---- the snapshot and diff machinery, on a literal document -------------------------------

def _doc(tmp_path, heading: str = "Minutes of the Board", fill: str = "#00b050"):
    path = tmp_path / "paper.pdf"
    path.write_bytes(b"%PDF- the bytes the text hashes are keyed with")
    pages = [
        Page(1, label="7", items=[
            Block(0, 1, "furniture", "Borough Council"),
            Block(1, 1, "heading", heading),
            Table(2, 1, [[Cell("Action", 0, 0, header=True), Cell("RAG", 0, 1, header=True)],
                         [Cell("Review the placements", 1, 0), Cell("Green", 1, 1, fill=fill)]],
                  pages=(1, 2)),
        ]),
        Page(2, label="8", items=[Block(3, 2, "paragraph", "The board noted the report.\nAgreed.")]),
    ]
    return path, Document(Source(path.name, "f" * 64, "pdf", 2), pages=pages)


def test_snapshot_records_structure_and_no_text(tmp_path):
    path, doc = _doc(tmp_path)
    data = snap.snapshot(path, doc)
    first, second = data["pages"]
    assert (first["label"], first["ocr"]) == ("7", False)
    assert [i["kind"] for i in first["items"]] == ["furniture", "heading", "table"]
    table = first["items"][2]
    assert (table["shape"], table["pages"], table["fills"]) == ("2x2", [1, 2], ["#00b050"])
    assert table["cells"][0][0].endswith(" H") and table["cells"][1][1].endswith(" #00b050")
    assert second["items"][0]["lines"] == 2
    dumped = json.dumps(data)
    for text in ("Borough", "Minutes", "placements", "Green", "noted"):
        assert text not in dumped


def test_text_hash_is_keyed_by_the_document_bytes(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    a.write_bytes(b"one document")
    b.write_bytes(b"another document")
    ka, kb = snap.text_key(a), snap.text_key(b)
    assert snap.text_hash(ka, "Green") == snap.text_hash(ka, "  Green\n")
    assert snap.text_hash(ka, "Green") != snap.text_hash(kb, "Green")


def test_diff_names_page_item_and_shows_current_text(tmp_path):
    path, before = _doc(tmp_path)
    expected = snap.snapshot(path, before)
    _, after = _doc(tmp_path, heading="Minutes of the Trust", fill="#ff0000")
    changes = snap.diff(expected, snap.snapshot(path, after))
    assert [c.where for c in changes] == ["page 1 item 1", "page 1 item 2"]
    assert "expected heading" in changes[0].message and "got heading" in changes[0].message
    assert "fills: expected ['#00b050'], got ['#ff0000']" in changes[1].message
    shown = snap.render(changes, after)
    assert "| Minutes of the Trust" in shown and "Review the placements | Green" in shown


def test_diff_aligns_items_so_one_insertion_is_one_change(tmp_path):
    path, before = _doc(tmp_path)
    expected = snap.snapshot(path, before)
    _, after = _doc(tmp_path)
    after.pages[0].items.insert(1, Block(9, 1, "paragraph", "A new line"))
    changes = snap.diff(expected, snap.snapshot(path, after))
    assert [(c.where, c.message.split(":")[0]) for c in changes] == [("page 1 item 1", "new")]


def test_written_snapshot_reads_back(tmp_path):
    path, doc = _doc(tmp_path)
    data = snap.snapshot(path, doc)
    out = snap.write(data, tmp_path / "snaps")
    assert json.loads(out.read_text(encoding="utf-8")) == data
    assert snap.diff(data, json.loads(out.read_text(encoding="utf-8"))) == []

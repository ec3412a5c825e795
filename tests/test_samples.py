"""The bundled samples in samples/ and their hand-checked gold records in samples/gold/.

These tests fail if a sample is missing or was regenerated without refreshing its gold
record, if a gold record breaks the contract (schema boardpapers/extraction@1), if a gold
fact is not in its file, or if the agenda pack loses its coloured RAG cells (the feature the
pack exists to exercise). They need only the repo, never ../shared.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
GOLD = SAMPLES / "gold"
PACK = "lancs-cpb_agenda-pack_2019-11-26.pdf"
DOCX = "lancs-cpb_minutes_2020-09-10.docx"
MIN16 = "lancs-cpb_minutes_2016-09-08.pdf"
NAMES = [PACK, DOCX, MIN16]

SCHEMA = "boardpapers/extraction@1"
CATEGORIES = {"member", "substitute", "co-opted", "officer", "other", "public"}
STATUSES = {"red", "amber", "green", "blue", None}
RECORDS = {"minutes", "agenda"}

# Office shades drawn in the RAG cells (see scripts/make_samples.py FILL).
SHADES = {"red": (1.0, 0.0, 0.0), "amber": (1.0, 0.753, 0.0), "green": (0.0, 0.690, 0.314),
          "blue": (0.0, 0.690, 0.941)}
WORD = re.compile(r"[a-z0-9]+")


def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def tokens(text: str) -> set[str]:
    return set(WORD.findall((text or "").lower()))


def colour_name(rgb) -> str | None:
    """'red'/'amber'/'green'/'blue' for a fill close to an Office RAG shade, else None."""
    if not rgb or len(rgb) != 3:
        return None
    for name, ref in SHADES.items():
        if all(abs(a - b) < 0.03 for a, b in zip(rgb, ref)):
            return name
    return None


def rag_rows(pdf_path: Path) -> list[dict]:
    """Every data row of every Ref/Action/Timescale/RAG table: page, cells, fill of RAG cell."""
    pdfplumber = pytest.importorskip("pdfplumber")
    rows = []
    with pdfplumber.open(pdf_path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            for table in page.find_tables():
                cells = table.extract()
                head = [re.sub(r"\s+", " ", c or "").strip() for c in cells[0]]
                if head != ["Ref", "Action", "Timescale", "RAG"]:
                    continue
                for values, row in zip(cells[1:], table.rows[1:]):
                    x0, top, x1, bottom = row.cells[3]
                    fills = [colour_name(tuple(r["non_stroking_color"] or ()))
                             for r in page.rects
                             if r["fill"] and r["x0"] >= x0 - 1 and r["x1"] <= x1 + 1
                             and r["top"] >= top - 1 and r["bottom"] <= bottom + 1]
                    fills = [f for f in fills if f]
                    rows.append({"page": pno, "table_top": table.bbox[1],
                                 "ref": (values[0] or "").strip(),
                                 "text": re.sub(r"\s+", " ", values[1] or "").strip(),
                                 "word": (values[3] or "").strip(),
                                 "fill": fills[0] if fills else None})
    return rows


# --------------------------------------------------------------------------------------------
# files and hashes
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_sample_exists_and_is_not_empty(name):
    path = SAMPLES / name
    assert path.is_file(), f"{path} is missing: run scripts/make_samples.py"
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("name", NAMES)
def test_sha256_matches_gold(name):
    digest = hashlib.sha256((SAMPLES / name).read_bytes()).hexdigest()
    assert gold(name)["source"]["sha256"] == digest, (
        f"{name} changed since its gold record was checked: re-run scripts/make_samples.py "
        "(it refreshes sha256) and re-check the gold facts")


@pytest.mark.parametrize("name", [PACK, MIN16])
def test_pdf_page_count_matches_gold(name):
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(SAMPLES / name) as pdf:
        assert gold(name)["source"]["pages"] == len(pdf.pages)


def test_pack_is_a_real_pack_length():
    assert 10 <= gold(PACK)["source"]["pages"] <= 20


def test_regenerating_gives_identical_bytes(tmp_path):
    pytest.importorskip("reportlab")
    pytest.importorskip("docx")
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import make_samples
    finally:
        sys.path.remove(str(REPO / "scripts"))
    assert make_samples.main(["--out", str(tmp_path), "--no-gold"]) == 0
    for name in NAMES:
        assert (hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
                == hashlib.sha256((SAMPLES / name).read_bytes()).hexdigest()), (
            f"{name}: scripts/make_samples.py no longer reproduces the committed sample")


# --------------------------------------------------------------------------------------------
# gold records are contract records
# --------------------------------------------------------------------------------------------

def _iso(value) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except (TypeError, ValueError):
        return False


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_a_valid_contract_record(name):
    rec = gold(name)
    assert rec["schema"] == SCHEMA
    src = rec["source"]
    assert src["file"] == name
    assert re.fullmatch(r"[0-9a-f]{64}", src["sha256"])
    assert src["format"] == Path(name).suffix.lstrip(".")
    assert (src["pages"] is None) == (src["format"] != "pdf")
    assert rec["flags"] == []
    assert rec["meetings"], "a gold record needs at least one meeting"
    for m in rec["meetings"]:
        for key in ("body", "organisation", "date", "record", "pages", "attendees", "apologies",
                    "items", "resolutions", "actions", "rag_items"):
            assert key in m, f"meeting lacks {key}"
        assert m["body"] == "Corporate Parenting Board"
        assert m["organisation"] == "Lancashire County Council"
        assert _iso(m["date"]) and m["record"] in RECORDS
        if src["pages"] is None:
            assert m["pages"] is None
        else:
            lo, hi = m["pages"]
            assert 1 <= lo <= hi <= src["pages"]

        def page_ok(page):
            return page is None if src["pages"] is None else m["pages"][0] <= page <= m["pages"][1]

        for a in m["attendees"]:
            assert a["name"] and a["category"] in CATEGORIES and page_ok(a["page"])
            assert not re.match(r"(County )?Councillor |Cllr |CC |Mr |Mrs |Dr ", a["name"])
        for a in m["apologies"]:
            assert a["name"] and page_ok(a["page"])
        for i in m["items"]:
            assert isinstance(i["number"], str) and i["title"] and page_ok(i["page"])
        numbers = {i["number"] for i in m["items"]}
        for r in m["resolutions"]:
            assert r["item"] in numbers and r["text"] and page_ok(r["page"])
            assert not r["text"].lower().startswith("resolved")
        for a in m["actions"]:
            # `owners: []` is a decided task nobody is named for (ANNOTATION.md policy)
            assert a["item"] in numbers and a["text"] and page_ok(a["page"])
            assert isinstance(a["owners"], list) and all(a["owners"])
            assert a["due"] is None or _iso(a["due"])
        for r in m["rag_items"]:
            assert r["text"] and r["status"] in STATUSES and page_ok(r["page"])


def test_pack_has_agenda_and_previous_minutes():
    meetings = {(m["record"], m["date"]) for m in gold(PACK)["meetings"]}
    assert meetings == {("agenda", "2019-11-26"), ("minutes", "2019-09-17")}


def test_gold_counts_cover_the_interesting_cases():
    pack, docx_rec, m16 = gold(PACK), gold(DOCX), gold(MIN16)
    statuses = Counter(r["status"] for m in pack["meetings"] for r in m["rag_items"])
    assert set(statuses) == {"red", "amber", "green", "blue"}
    assert any(a["category"] == "substitute" and a.get("substitute_for") == "Jayne Rear"
               for a in docx_rec["meetings"][0]["attendees"])
    owners = {o for a in m16["meetings"][0]["actions"] for o in a["owners"]}
    assert {"Officers", "The Board", "Chris Greenwood"} <= owners
    assert any(a["due"] == "2019-11-26" for m in pack["meetings"] for a in m["actions"])


# --------------------------------------------------------------------------------------------
# gold facts are in the files
# --------------------------------------------------------------------------------------------

def _pdf_page_tokens(name: str) -> list[set[str]]:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(SAMPLES / name) as pdf:
        return [tokens(p.extract_text() or "") for p in pdf.pages]


@pytest.mark.parametrize("name", [PACK, MIN16])
def test_pdf_gold_facts_are_on_their_pages(name):
    pages = _pdf_page_tokens(name)
    for m in gold(name)["meetings"]:
        for field, key in (("attendees", "name"), ("apologies", "name"), ("items", "title"),
                           ("resolutions", "text"), ("actions", "text"), ("rag_items", "text")):
            for fact in m[field]:
                p = fact["page"]
                here = pages[p - 1] | (pages[p] if p < len(pages) else set())
                missing = tokens(fact[key]) - here - {"action", "resolved"}
                assert not missing, f"{name} p{p} {field}: {fact[key]!r} lacks {missing}"


def test_docx_gold_facts_are_in_the_document():
    docx = pytest.importorskip("docx")
    doc = docx.Document(SAMPLES / DOCX)
    words = set().union(*(tokens(p.text) for p in doc.paragraphs))
    for table in doc.tables:
        for cell in table._cells:
            words |= tokens(cell.text)
    for m in gold(DOCX)["meetings"]:
        for field, key in (("attendees", "name"), ("apologies", "name"), ("items", "title"),
                           ("resolutions", "text"), ("actions", "text")):
            for fact in m[field]:
                assert not tokens(fact[key]) - words - {"action"}, (field, fact[key])


# --------------------------------------------------------------------------------------------
# the features the samples exist to exercise
# --------------------------------------------------------------------------------------------

def test_pack_rag_cells_are_coloured():
    rows = rag_rows(SAMPLES / PACK)
    assert len(rows) >= 40, "Appendix A RAG tables not found"
    fills = Counter(r["fill"] for r in rows)
    assert None not in fills, "a RAG cell has no recognisable fill"
    assert {"red", "amber", "green", "blue"} <= set(fills)
    # header rows are grey, not a status colour
    for r in rows:
        if r["word"]:
            assert r["word"].lower() == r["fill"], r


def test_pack_has_rag_cells_rated_by_colour_only():
    assert any(not r["word"] and r["fill"] for r in rag_rows(SAMPLES / PACK))


def test_pack_rag_table_continues_over_a_page_break():
    pdfplumber = pytest.importorskip("pdfplumber")
    rows = rag_rows(SAMPLES / PACK)
    with pdfplumber.open(SAMPLES / PACK) as pdf:
        continued = 0
        for pno in sorted({r["page"] for r in rows}):
            page = pdf.pages[pno - 1]
            first_table = min(r["table_top"] for r in rows if r["page"] == pno)
            objectives = [w["top"] for w in page.extract_words() if w["text"] == "Objective"]
            if not objectives or first_table < min(objectives):
                continued += 1
        assert continued >= 1, "no RAG table runs on from a previous page"


def test_gold_rag_status_matches_the_cell_fill():
    rows = rag_rows(SAMPLES / PACK)
    for item in (r for m in gold(PACK)["meetings"] for r in m["rag_items"]):
        candidates = [r for r in rows if r["page"] == item["page"] and r["ref"] == item["ref"]
                      and tokens(r["text"]) == tokens(item["text"])]
        assert candidates, f"gold rag row {item['ref']} not found on page {item['page']}"
        assert candidates[0]["fill"] == item["status"], item


def test_pack_pages_have_running_header_and_page_footer():
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(SAMPLES / PACK) as pdf:
        printed = []
        for page in pdf.pages:
            lines = (page.extract_text() or "").splitlines()
            assert lines[0].startswith("Lancashire County Council")
            assert re.fullmatch(r"Page [0-9ivx]+", lines[-1]), lines[-1]
            printed.append(lines[-1].split()[1])
        numeric = [int(p) for p in printed if p.isdigit()]
        assert numeric == list(range(1, len(numeric) + 1))


def test_docx_attendance_tables_use_word_cell_shading():
    with zipfile.ZipFile(SAMPLES / DOCX) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S)
    assert len(tables) == 3
    for table in tables:
        first_row = re.search(r"<w:tr\b.*?</w:tr>", table, flags=re.S).group(0)
        assert re.search(r'<w:shd [^>]*w:fill="D9D9D9"', first_row)

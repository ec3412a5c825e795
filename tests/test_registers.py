"""The registers read back from a store the pipeline built from invented papers
(tests/_registers.py): decisions per meeting, attendance per meeting and per member over
time, RAG trends with their chart, and role holders, first as store queries and then as the
`Report` tables the writers lay out."""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest
from defusedxml import ElementTree

from _desk import run_pipeline, write_paper
from _registers import BODY, HOSTILE, write_papers
from reports.attendance import attendance_report, member_report
from reports.decisions import decisions_report
from reports.document import Chart, Note, Table
from reports.rag import MAX_MEETINGS, rag_report
from reports.rag_chart import rag_chart
from reports.roles import roles_report
from store import db as store_db
from store import open_session
from store.queries import RagStep, RagTrend, rag_trend, role_holders
from store.registers import attendance_by_meeting, attendance_by_member, decisions

TODAY = dt.date(2024, 9, 1)
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("registers")
    write_papers(folder / "papers")
    write_paper(folder / "papers")  # a second body: Brookfield Parish Council
    url = f"sqlite:///{folder / 'store.sqlite'}"
    assert run_pipeline(url, [folder / "papers"]) == ["new"] * 5
    yield url
    store_db.dispose_all()


@pytest.fixture
def session(store: str):  # type: ignore[no-untyped-def]
    with open_session(store) as s:
        yield s


def _tables(report) -> list[Table]:  # type: ignore[no-untyped-def]
    return [p for p in report.parts if isinstance(p, Table)]


def _read(table: Table) -> list[dict[str, object]]:
    names = [c.name for c in table.columns]
    return [dict(zip(names, row.cells, strict=True)) for row in table.rows]


# --- store queries ---

def test_decisions_carry_meeting_item_title_text_and_source(session) -> None:
    rows = decisions(session, body="ashcombe")
    assert [(r.meeting_date, r.item, r.item_title) for r in rows] == [
        (D("2024-01-15"), "3", "Budget"), (D("2024-03-11"), "3", "Budget"),
        (D("2024-05-13"), "3", "Budget"), (D("2024-07-08"), "3", "Budget")]
    assert rows[2].text == f"the notice {HOSTILE} be removed."
    assert rows[0].source_file == "ashcombe_minutes_2024-01-15.html"
    assert {r.body for r in decisions(session)} == {BODY, "Brookfield Parish Council"}


def test_decisions_date_range_is_inclusive(session) -> None:
    rows = decisions(session, since=D("2024-03-11"), until=D("2024-05-20"))
    assert [(r.body, r.meeting_date) for r in rows] == [
        (BODY, D("2024-03-11")), (BODY, D("2024-05-13")),
        ("Brookfield Parish Council", D("2024-05-20"))]


def test_attendance_per_meeting_by_category_with_substitute_and_absent(session) -> None:
    meetings = attendance_by_meeting(session, body="ashcombe")
    assert [m.meeting_date for m in meetings] == [D("2024-01-15"), D("2024-03-11"),
                                                  D("2024-05-13"), D("2024-07-08")]
    march = meetings[1]
    assert [a.name for a in march.named("member")] == ["Ada Lovell", "Evan Pike", "Cara Nunn"]
    [fay] = march.named("substitute")
    assert (fay.name, fay.substitute_for) == ("Fay Quill", "Bryn Moss")
    assert march.apologies == ("Bryn Moss",)
    # Cara Nunn came before and after May, sent no apologies then: absent
    assert [m.absent for m in meetings] == [(), (), ("Cara Nunn",), ()]
    # the Clerk's apologies do not make her a member who was absent
    assert meetings[3].apologies == ("Evan Pike", "Dee Ogle")
    in_range = attendance_by_meeting(session, since=D("2024-05-01"), until=D("2024-05-31"))
    assert [(m.body, m.meeting_date) for m in in_range] == [
        (BODY, D("2024-05-13")), ("Brookfield Parish Council", D("2024-05-20"))]


def test_attendance_per_member_over_time(session) -> None:
    rows = {m.name: m for m in attendance_by_member(session, body="ashcombe")}
    assert set(rows) == {"Ada Lovell", "Bryn Moss", "Cara Nunn", "Evan Pike"}  # no Clerk
    counts = {n: (m.held, m.attended, m.apologies, m.absent, m.percent)
              for n, m in rows.items()}
    assert counts == {"Ada Lovell": (4, 3, 1, 0, 75), "Bryn Moss": (4, 3, 1, 0, 75),
                      "Cara Nunn": (4, 3, 0, 1, 75), "Evan Pike": (4, 2, 2, 0, 50)}
    since_may = {m.name: (m.held, m.attended, m.apologies, m.absent) for m in
                 attendance_by_member(session, body="ashcombe", since=D("2024-05-01"))}
    assert since_may["Ada Lovell"] == (2, 1, 1, 0)
    assert since_may["Cara Nunn"] == (2, 1, 0, 1)


# --- reports ---

def test_decisions_report_rows_grouped_by_body(session) -> None:
    report = decisions_report(decisions(session), today=TODAY)
    assert report.title == "Decisions register" and report.body is None
    [table] = _tables(report)
    rows = _read(table)
    assert rows[0] == {"Date": D("2024-01-15"), "Body": BODY, "Item": "3 Budget",
                       "Decision": "the budget be approved.", "Record": "minutes",
                       "Source": "ashcombe_minutes_2024-01-15.html"}
    one = decisions_report(decisions(session, body="brookfield"), today=TODAY,
                           body="brookfield")
    assert one.body == "Brookfield Parish Council" and "body 'brookfield'" in one.scope
    assert [r.group for r in _tables(one)[0].rows] == ["Brookfield Parish Council"]


def test_attendance_reports(session) -> None:
    [table] = _tables(attendance_report(attendance_by_meeting(session, body="ashcombe"),
                                        today=TODAY))
    march, may = _read(table)[1:3]
    assert march["Members present"] == "Ada Lovell (Chair)\nEvan Pike\nCara Nunn"
    assert march["Substitutes"] == "Fay Quill for Bryn Moss"
    assert march["Officers and others"] == "Dee Ogle (Clerk)"
    assert (march["Present"], march["Apologies (n)"], march["Absent (n)"]) == (4, 1, 0)
    assert (may["Absent"], may["Absent (n)"]) == ("Cara Nunn", 1)
    report = member_report(attendance_by_member(session, body="ashcombe"), today=TODAY)
    assert any(isinstance(p, Note) and "not from a roster" in p.text for p in report.parts)
    evan = [r for r in _read(_tables(report)[0]) if r["Member"] == "Evan Pike"]
    assert evan == [{"Body": BODY, "Member": "Evan Pike", "First": D("2024-01-15"),
                     "Last": D("2024-07-08"), "Meetings held": 4, "Attended": 2,
                     "Apologies": 2, "Absent": 0, "Attendance %": 50}]


def test_rag_report_items_by_meeting_counts_and_chart(session) -> None:
    report = rag_report(rag_trend(session, body="ashcombe"), today=TODAY)
    items, counts = _tables(report)
    assert [c.name for c in items.columns] == ["Ref", "Item", "2024-01-15", "2024-03-11",
                                               "2024-05-13", "2024-07-08", "Latest"]
    rows = list(items.rows)
    assert [r.cells for r in rows] == [
        ("P1", "Repair the footbridge", "Red", "Amber", "Green", "Green", "Green"),
        ("P2", "Publish the tree survey", "Amber", "Amber", "Red", "Red", "Red"),
        ("P3", "Open the new library", "Green", "Blue", "", "Blue", "Blue")]
    assert [r.tone for r in rows] == ["green", "red", "blue"]  # by the latest rating
    assert [c.kind for c in items.columns][-1] == "status"
    assert [r.cells for r in counts.rows] == [
        (D("2024-01-15"), 1, 1, 1, 0, 0, 3), (D("2024-03-11"), 0, 2, 0, 1, 0, 3),
        (D("2024-05-13"), 1, 0, 1, 0, 0, 2), (D("2024-07-08"), 1, 0, 1, 1, 0, 3)]
    [chart] = [p for p in report.parts if isinstance(p, Chart)]
    assert chart.series == ("Red", "Amber", "Green", "Blue")
    # the chart's bars are the counts: Amber's bar at the second meeting is 2 rows high
    amber = _bar_heights(chart.svg)["amber"]
    assert amber[1] == pytest.approx(2 * amber[0], rel=0.01) and amber[2:] == [0, 0]


def test_rag_date_range_keeps_the_meetings_in_it(session) -> None:
    report = rag_report(rag_trend(session), today=TODAY, since=D("2024-05-01"), chart=False)
    items, counts = _tables(report)
    assert [c.name for c in items.columns][2:-1] == ["2024-05-13", "2024-07-08"]
    assert [r.cells[0] for r in counts.rows] == [D("2024-05-13"), D("2024-07-08")]
    assert not [p for p in report.parts if isinstance(p, Chart)]


def _trend(n: int, status: str) -> RagTrend:
    start = dt.date(2020, 1, 6)
    steps = tuple(RagStep(start + dt.timedelta(weeks=4 * k), status, "plan.pdf", 1)
                  for k in range(n))
    return RagTrend(1, "Board", "R1", "A row", status, steps)


def test_rag_report_shows_the_latest_meetings_only() -> None:
    report = rag_report([_trend(MAX_MEETINGS + 6, "amber")], today=TODAY)
    items, counts = _tables(report)
    assert len(items.columns) == 2 + MAX_MEETINGS + 1
    assert len(list(counts.rows)) == MAX_MEETINGS
    [note] = [p for p in report.parts if isinstance(p, Note)]
    assert f"the latest {MAX_MEETINGS} of {MAX_MEETINGS + 6} meetings" in note.text
    [chart] = [p for p in report.parts if isinstance(p, Chart)]
    assert len(re.findall(r'id="rag-amber-\d+"', chart.svg)) == MAX_MEETINGS


def test_roles_report(session) -> None:
    report = roles_report(role_holders(session, body="ashcombe"), today=TODAY)
    assert [r.cells for r in _tables(report)[0].rows] == [
        (BODY, "Chair", "Ada Lovell", D("2024-01-15"), D("2024-03-11"), 2),
        (BODY, "Chair", "Bryn Moss", D("2024-05-13"), D("2024-07-08"), 2),
        (BODY, "Clerk", "Dee Ogle", D("2024-01-15"), D("2024-05-13"), 3)]


# --- the chart itself ---

def _bar_heights(svg: str) -> dict[str, list[float]]:
    """Each series' bar heights in SVG units, by the ids the chart gives its bars."""
    out: dict[str, list[float]] = {}
    for g in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}g"):
        found = re.fullmatch(r"rag-(\w+)-(\d+)", g.get("id", ""))
        if found:
            path = next(g.iter("{http://www.w3.org/2000/svg}path"))
            ys = [float(y) for y in re.findall(r"[ML]\s*[\d.]+\s+([\d.]+)", path.get("d"))]
            out.setdefault(found.group(1), []).append(max(ys) - min(ys) if ys else 0.0)
    return out


def _bar_widths(svg: str) -> list[float]:
    """The width, in SVG units, of each bar the chart drew."""
    widths = []
    for g in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}g"):
        if re.fullmatch(r"rag-\w+-\d+", g.get("id", "")):
            path = next(g.iter("{http://www.w3.org/2000/svg}path"))
            xs = [float(x) for x in re.findall(r"[ML]\s*([\d.]+)\s+[\d.]+", path.get("d"))]
            widths.append(max(xs) - min(xs))
    return widths


def test_one_meeting_is_a_bar_not_the_whole_chart() -> None:
    # a body with one rated meeting: its bar keeps a bar's width, as with four meetings
    one = _bar_widths(rag_chart([D("2024-01-15")], [{"Red": 2, "Green": 1}]).svg)
    four = _bar_widths(rag_chart([D(f"2024-0{m}-01") for m in range(1, 5)],
                                 [{"Red": 2, "Green": 1}] * 4).svg)
    assert max(one) == pytest.approx(max(four), rel=0.05)


def test_chart_png_and_svg_carry_the_series() -> None:
    dates = [D("2024-01-15"), D("2024-03-11")]
    chart = rag_chart(dates, [{"Red": 1, "Amber": 2}, {"Green": 3, "Blue": 1}])
    assert chart.png.startswith(b"\x89PNG\r\n\x1a\n") and len(chart.png) > 5000
    from PIL import Image

    with Image.open(io.BytesIO(chart.png)) as image:
        assert image.size[0] >= 600 and image.size[1] >= 400
        colours = {rgb for _, rgb in image.convert("RGB").getcolors(1_000_000)}
    assert {(0xc0, 0x39, 0x2b), (0xe6, 0x7e, 0x22), (0x27, 0xae, 0x60),
            (0x2e, 0x86, 0xc1)} <= colours  # each series drawn in its colour
    root = ElementTree.fromstring(chart.svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for name in ("Red", "Amber", "Green", "Blue"):
        assert name in texts  # the legend
    assert "2024-01-15" in texts and "2024-03-11" in texts
    heights = _bar_heights(chart.svg)
    assert heights["green"][1] == pytest.approx(3 * heights["red"][0], rel=0.01)
    assert heights["red"][1] == 0 and heights["amber"][0] == pytest.approx(
        2 * heights["red"][0], rel=0.01)
    # reproducible: no date or software stamp, fixed ids
    again = rag_chart(dates, [{"Red": 1, "Amber": 2}, {"Green": 3, "Blue": 1}])
    assert (again.png, again.svg) == (chart.png, chart.svg)
    assert "<dc:date>" not in chart.svg


def test_chart_draws_no_paper_text(session) -> None:
    """Row wording and body names stay out of the image: only our words and dates."""
    report = rag_report(rag_trend(session, body="ashcombe"), today=TODAY)
    [chart] = [p for p in report.parts if isinstance(p, Chart)]
    texts = {t.text for t in ElementTree.fromstring(chart.svg).iter(
        "{http://www.w3.org/2000/svg}text")}
    assert not any("footbridge" in (t or "") or "Ashcombe" in (t or "") for t in texts)
    assert "Ashcombe" not in chart.svg



def test_register_queries_on_every_database(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The same store on SQLite, and on PostgreSQL when BOARDPAPERS_TEST_PG_URL is set:
    ordering (undated last), ranges, the absent inference and the per-member counts."""
    write_papers(tmp_path / "papers")
    run_pipeline(db_url, [tmp_path / "papers"])
    with open_session(db_url) as s:
        assert [d.meeting_date for d in decisions(s, since=D("2024-03-01"))] == [
            D("2024-03-11"), D("2024-05-13"), D("2024-07-08")]
        assert [m.absent for m in attendance_by_meeting(s)][2] == ("Cara Nunn",)
        assert [(m.name, m.percent) for m in attendance_by_member(s)] == [
            ("Ada Lovell", 75), ("Bryn Moss", 75), ("Cara Nunn", 75), ("Evan Pike", 50)]

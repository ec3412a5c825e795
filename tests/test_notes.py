"""Narrative notes (issue 10): the sentences minutes tell under a clerk's report or matters
arising, and done-reports under any item, are kept (extract.decisions.notes, the `notes`
table of migration 0008) and close the actions they report on. The minutes here are
invented and built as PDFs in the test, so each note has a page."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session
from test_carry import log

from extract.pipeline import extract
from ingest import load
from store import db as store_db
from store import save_extraction, schema

JAN, FEB, MAR = dt.date(2024, 1, 10), dt.date(2024, 2, 14), dt.date(2024, 3, 13)
POTHOLES = "Clerk to write to the Highways Authority about the Mill Lane potholes."
SWING = "Tom Reed to order a new swing seat for the play area."
JANUARY = [["1. Apologies", "None.", "", "2. Highways",
            "Residents reported the potholes in Mill Lane.", POTHOLES, "", "3. Play area", SWING]]


def minutes(folder: Path, name: str, date: str, pages: list[list[str]]) -> Path:
    """A PDF of minutes: the body and date, who was present, then the pages' lines (a line
    starting with a digit is an item heading, set in bold)."""
    from reportlab.pdfgen import canvas
    path = folder / name
    c = canvas.Canvas(str(path), invariant=1)
    head = ["Upton Green Parish Council", f"Minutes of the meeting held on {date}", "",
            "Present: Councillor Ann Bell (Chair), Councillor Tom Reed, Jo Pike (Clerk)", ""]
    for n, lines in enumerate(pages):
        y = 760
        for line in (head if n == 0 else []) + lines:
            c.setFont("Helvetica-Bold" if line[:1].isdigit() else "Helvetica", 11)
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def read(session: Session, *paths: Path) -> None:
    for p in paths:
        save_extraction(session, extract(load(p)), now=dt.datetime(2024, 6, 1, tzinfo=dt.UTC))


def test_a_clerks_report_saying_the_letter_was_sent_closes_the_action(
        session: Session, tmp_path: Path) -> None:
    feb = minutes(tmp_path, "feb.pdf", "14 February 2024", [
        ["1. Apologies", "None.", "", "2. Village green",
         "The new bench beside the pond was admired by residents."],
        ["3. Clerk's report",
         "The letter has been sent to the Highways Authority about the Mill Lane potholes.",
         "The village hall roof was discussed at length."]])
    read(session, minutes(tmp_path, "jan.pdf", "10 January 2024", JANUARY), feb)
    views = {v.text: v for v in log(session)}
    done = views[POTHOLES]
    assert (done.status, done.closed_by) == ("closed", "matters-arising")
    [m] = done.mentions
    assert m.source_page == 2 and m.source_file == "feb.pdf"
    assert m.note == "The letter has been sent to the Highways Authority about the Mill " \
                     "Lane potholes."
    # The history row points at the stored sentence, with its evidence.
    row = session.scalars(select(schema.ActionStatus).where(
        schema.ActionStatus.note_id.is_not(None))).one()
    note = session.get(schema.Note, row.note_id)
    assert note is not None and (note.page, note.item, note.arising) == (2, "3", True)
    assert views[SWING].status == "open"


def test_no_outstanding_actions_from_the_previous_meeting_closes_what_was_carried(
        session: Session, tmp_path: Path) -> None:
    mar = minutes(tmp_path, "mar.pdf", "13 March 2024", [
        ["1. Apologies", "None.", "", "2. Matters arising",
         "There were no outstanding actions from the previous meeting.", "",
         "3. Finance", "Ann Bell to check the bank statement before the audit."]])
    read(session, minutes(tmp_path, "jan.pdf", "10 January 2024", JANUARY), mar)
    views = {v.text: v for v in log(session)}
    for text_ in (POTHOLES, SWING):
        v = views[text_]
        assert (v.status, v.closed_on, v.closed_by) == ("closed", MAR, "matters-arising")
        [m] = v.mentions
        assert (m.source_page, m.note) == (
            1, "There were no outstanding actions from the previous meeting.")
    assert views["Ann Bell to check the bank statement before the audit."].status == "open"


def test_an_unrelated_narrative_sentence_closes_nothing(session: Session,
                                                        tmp_path: Path) -> None:
    feb = minutes(tmp_path, "feb.pdf", "14 February 2024", [
        ["1. Apologies", "None.", "", "2. Clerk's report",
         "The village hall roof was discussed at length.",
         "The new noticeboard has been installed at the church gate.", "",
         "3. Village green", "The litter bin by the pond has been emptied by the contractor."]])
    read(session, minutes(tmp_path, "jan.pdf", "10 January 2024", JANUARY), feb)
    assert {v.text: (v.status, len(v.mentions)) for v in log(session)} == {
        POTHOLES: ("open", 0), SWING: ("open", 0)}
    # Kept all the same: the report's narrative, and the done-report of another item.
    feb_notes = select(schema.Note).join(schema.Meeting).where(schema.Meeting.date == FEB)
    assert sorted((n.item, n.arising) for n in session.scalars(feb_notes)) == [
        ("2", True), ("2", True), ("3", False)]


def test_reading_a_file_again_does_not_duplicate_its_notes(session: Session,
                                                           tmp_path: Path) -> None:
    feb = minutes(tmp_path, "feb.pdf", "14 February 2024", [
        ["1. Apologies", "None.", "", "2. Clerk's report",
         "The letter has been sent to the Highways Authority about the Mill Lane potholes."]])
    jan = minutes(tmp_path, "jan.pdf", "10 January 2024", JANUARY)
    read(session, jan, feb)

    def counts() -> tuple[int, int]:
        return (session.scalar(select(func.count()).select_from(schema.Note)) or 0,
                session.scalar(select(func.count()).select_from(schema.ActionStatus).where(
                    schema.ActionStatus.note_id.is_not(None))) or 0)

    before = counts()
    assert before[0] >= 1 and before[1] == 1  # the report's sentence, closing the letter
    x = extract(load(feb))
    save_extraction(session, x, now=dt.datetime(2024, 6, 2, tzinfo=dt.UTC))
    save_extraction(session, x, now=dt.datetime(2024, 6, 2, tzinfo=dt.UTC), reader="again")
    x.source.sha256 = "0" * 64  # another copy of the same minutes: a second source
    save_extraction(session, x, now=dt.datetime(2024, 6, 3, tzinfo=dt.UTC))
    assert counts() == before
    assert {v.text: v.status for v in log(session)}[POTHOLES] == "closed"


def test_a_store_made_at_0007_upgrades_through_0008(db_url: str) -> None:
    engine = store_db.make_engine(db_url)
    cfg = store_db.alembic_config(engine)
    try:
        command.upgrade(cfg, "0007")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO organisations (name, name_key) VALUES ('Up', 'up')"))
            conn.execute(text("INSERT INTO bodies (organisation_id, name, name_key) "
                              "VALUES (1, 'PC', 'pc')"))
        assert "notes" not in inspect(engine).get_table_names()
        command.upgrade(cfg, "head")
        names = inspect(engine)
        assert "notes" in names.get_table_names()
        assert "note_id" in {c["name"] for c in names.get_columns("action_status_history")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM bodies")).scalar() == 1
        command.downgrade(cfg, "0007")
        assert "notes" not in inspect(engine).get_table_names()
        command.upgrade(cfg, "head")
        command.check(cfg)  # the models and the migrations agree
    finally:
        engine.dispose()


def test_a_done_report_under_another_item_links_only_by_nearly_all_the_words(
        session: Session, tmp_path: Path) -> None:
    feb = minutes(tmp_path, "feb.pdf", "14 February 2024", [
        ["1. Apologies", "None.", "", "2. Highways",
         "The potholes in Mill Lane have been reported to the Highways Authority.", "",
         "3. Play area", "The new swing seat for the play area has been ordered by Tom Reed."]])
    read(session, minutes(tmp_path, "jan.pdf", "10 January 2024", JANUARY), feb)
    views = {v.text: v for v in log(session)}
    # Seven of the swing seat's eight words: the report of its own item closes it.
    assert (views[SWING].status, views[SWING].mentions[0].source_page) == ("closed", 1)
    # Five of the letter's seven words would do under matters arising, not elsewhere.
    assert (views[POTHOLES].status, views[POTHOLES].mentions) == ("open", ())


def test_nothing_outstanding_leaves_an_action_the_body_stopped_carrying_stale(
        session: Session) -> None:
    from test_carry import act, paper
    from test_store import ev, save_all

    from extract.model import AgendaItem, Resolution
    dates = [dt.date(2024, m, 12) for m in range(1, 7)]
    report = [AgendaItem("4", "Matters arising", ev(1))]
    checks = [f"Ann Bell to check the {w} before the audit"
              for w in ("bank statement", "cash book", "payroll")]
    save_all(session, paper(dates[0], act(POTHOLES)),
             *[paper(d, act(c, owners=["Ann Bell"])) for d, c in zip(dates[1:3], checks)],
             paper(dates[3], act(SWING, owners=["Tom Reed"])),
             paper(dates[4], act(checks[2], owners=["Ann Bell"])),
             paper(dates[5], items=report, resolutions=[Resolution(
                 "4", "There were no outstanding actions from the previous meeting.",
                 ev(2, 3))]))
    views = {v.text: v for v in log(session)}
    # Unmentioned at the three meetings before: the body no longer carried it.
    assert (views[POTHOLES].status, views[POTHOLES].stale) == ("open", True)
    for text_ in (SWING, checks[2]):  # carried into the meeting: closed by what it said
        assert (views[text_].status, views[text_].closed_on) == ("closed", dates[5])


def test_a_correspondence_subject_line_leads_the_note_after_it() -> None:
    # "Canal Trust re Lifting Bridge." names the matter the next sentence reports on; the
    # note keeps both, so the report can be matched to the task it answers.
    from _build import meeting, part

    from extract.decisions.notes import extract_notes
    p = part("#7 Correspondence", "Canal Trust re Lifting Bridge. A response to the letter "
             "sent indicated that signs have been put up. The bridge log is kept.")
    texts = [n.text for n in extract_notes(p, meeting())]
    assert texts[0] == ("Canal Trust re Lifting Bridge. A response to the letter sent "
                        "indicated that signs have been put up.")
    assert texts[1] == "The bridge log is kept."

"""The store: migrations agree with the models, saving is idempotent and atomic, meetings
merge across files, people and owners resolve within a body, and queries filter by owner.

Runs on SQLite always; on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set (each test gets
its own schema, dropped afterwards).
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

import store.facts
from extract.contract import from_dict
from extract.model import (
    Action,
    AgendaItem,
    Apology,
    Attendee,
    Evidence,
    Extraction,
    Flag,
    Meeting,
    RagItem,
    Resolution,
    SourceInfo,
)
from store import (
    FlagEvidence,
    SaveError,
    action_log,
    default_url,
    open_flags,
    open_session,
    outstanding_actions,
    save_extraction,
    schema,
    summary_counts,
)
from store import db as store_db
from store.queries import stored_document
from store.save import needs_reading

BODY = "Corporate Parenting Panel"
ORG = "Kent County Council"
SEPT = dt.date(2024, 9, 10)
DEC = dt.date(2024, 12, 10)
TODAY = dt.date(2025, 1, 9)


def ev(page: int | None, block: int | None = None) -> Evidence:
    return Evidence(page=page, block=block, extractor="test")


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def september_minutes() -> Meeting:
    return Meeting(
        body=BODY, organisation=ORG, date=SEPT, record="minutes", pages=(1, 4),
        venue="Sessions House, Maidstone",
        attendees=[
            Attendee("Sue Prynn", title="Cllr", role="Chair", evidence=ev(1, 2)),
            Attendee("Ian Brown", title="County Councillor", evidence=ev(1, 3)),
            Attendee("Sam Gorton", category="officer", organisation=ORG, evidence=ev(1, 4)),
        ],
        apologies=[Apology("Jayne Rear", title="County Councillor", evidence=ev(1, 5))],
        items=[AgendaItem("1", "Apologies", ev(1)), AgendaItem("2", "Minutes", ev(2)),
               AgendaItem("3", "Membership and Terms of Reference", ev(2))],
        resolutions=[Resolution("3", "That the Board agreed the membership.", ev(2, 9))],
        actions=[
            Action("3", "Sam Gorton to liaise with Superintendent Andrea Barrow to find a "
                   "Police Representative", owners=["Sam Gorton"], due=DEC,
                   due_text="next meeting", evidence=ev(2, 10)),
            Action("4", "Cllr Prynn to write to the Minister about placements",
                   owners=["Prynn"], evidence=ev(3, 11)),
            Action("4", "Clerk to circulate the slides", owners=["Clerk"], evidence=ev(3, 12)),
            Action("5", "Healthwatch to report back on advocacy complaints",
                   owners=["Healthwatch Kent"], evidence=ev(4, 13)),
        ],
    )


def minutes_file() -> Extraction:
    return Extraction(SourceInfo("minutes-2024-09-10.pdf", sha("minutes-sept"), "pdf", 4),
                      meetings=[september_minutes()],
                      flags=[Flag("attendance-missing", "No time of arrival", page=1)])


def agenda_pack() -> Extraction:
    """The December pack: its own agenda with a RAG table, plus September's minutes again."""
    agenda = Meeting(
        body=BODY, organisation=ORG, date=DEC, record="agenda", pages=(1, 30),
        items=[AgendaItem("1", "Apologies", ev(1)), AgendaItem("4", "Performance", ev(1))],
        rag_items=[
            RagItem("4b", "Data on advocacy complaints and compliments.", "red",
                    previous_status="amber", status_source="fill", due_text="18/02/2019",
                    evidence=ev(29, 40)),
            RagItem("4c", "Care leavers in education", "green", evidence=ev(29, 41)),
        ],
    )
    return Extraction(SourceInfo("agenda-pack-2024-12-10.pdf", sha("pack-dec"), "pdf", 30),
                      meetings=[agenda, september_minutes()],
                      flags=[Flag("rag-unrated", "Row 4d has no rating", page=29)])


def december_minutes() -> Extraction:
    minutes = Meeting(
        body=BODY, organisation=ORG, date=DEC, record="minutes", pages=(1, 3),
        attendees=[Attendee("Prynn", title="Cllr", role="Chair", evidence=ev(1)),
                   Attendee("Ian Brown", evidence=ev(1))],
        actions=[Action("2", "Brown to chase the virtual school head", owners=["Cllr Brown"],
                        status="Complete", evidence=ev(2, 7))],
    )
    return Extraction(SourceInfo("minutes-2024-12-10.docx", sha("minutes-dec"), "docx", None),
                      meetings=[minutes])


def failed_file() -> Extraction:
    return Extraction(SourceInfo("locked.pdf", sha("locked"), "pdf", None, status="failed",
                                 problems=["PDF is encrypted; ask the council for an open copy"]))


# -- database fixtures ------------------------------------------------------------------------

def save_all(session: Session, *extractions: Extraction) -> None:
    for x in extractions:
        save_extraction(session, x, now=dt.datetime(2025, 1, 9, 12, tzinfo=dt.UTC))


def snapshot(session: Session) -> tuple[dict[str, int], str]:
    """Row count per table and a checksum of every row's contents, in primary-key order."""
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    for table in schema.Base.metadata.sorted_tables:
        rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
        counts[table.name] = len(rows)
        for row in rows:
            digest.update(repr((table.name, tuple(row))).encode())
    return counts, digest.hexdigest()


def all_open_flags(session: Session) -> list[FlagEvidence]:
    """Every open flag, as the review queue lists them."""
    return open_flags(session, limit=None)[0]


def count(session: Session, model: type[schema.Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


# -- migrations -------------------------------------------------------------------------------

def test_migration_agrees_with_models(db_url: str) -> None:
    store_db.migrate(db_url)
    engine = store_db.make_engine(db_url)
    try:
        command.check(store_db.alembic_config(engine))  # raises if models and migration drift
    finally:
        engine.dispose()


def test_migrate_twice_is_harmless(db_url: str) -> None:
    store_db.migrate(db_url)
    store_db.migrate(db_url)
    with open_session(db_url) as s:
        assert summary_counts(s).documents == 0


def test_upgrade_from_0001_records_each_stored_document_under_its_name(db_url: str) -> None:
    engine = store_db.make_engine(db_url)
    try:
        command.upgrade(store_db.alembic_config(engine), "0001")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO documents (sha256, file_name, format, status, ingested_at) "
                "VALUES ('ab', 'locked.pdf', 'pdf', 'failed', '2025-01-09 12:00:00+00')"))
        command.upgrade(store_db.alembic_config(engine), "head")
    finally:
        engine.dispose()
    with open_session(db_url) as s:
        stored = stored_document(s, "ab")
    assert stored is not None and stored.paths == ("locked.pdf",)
    assert stored.reader is None  # unknown: a new reader re-reads it once
    assert needs_reading(stored.status, stored.reader, "boardpapers 0.2.0; ocr none")


def test_sqlite_enforces_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'fk.sqlite'}"
    with open_session(url) as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store_db.dispose_all()


def test_sqlite_writers_wait_a_minute_for_each_other_unless_the_url_says(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text as sql

    from store.db import make_engine

    def busy(url: str) -> int:
        with make_engine(url).connect() as conn:
            return conn.execute(sql("PRAGMA busy_timeout")).scalar_one()

    assert busy(f"sqlite:///{tmp_path / 'a.sqlite'}") == 60_000  # sqlite3's own: 5,000
    assert busy(f"sqlite:///{tmp_path / 'b.sqlite'}?timeout=2") == 2_000


def test_default_url_honours_env(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BOARDPAPERS_DB", "postgresql+psycopg://u@h/db")
    assert default_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("BOARDPAPERS_DB")
    monkeypatch.chdir(tmp_path)
    assert default_url() == f"sqlite:///{tmp_path / 'boardpapers.sqlite'}"


# -- saving -----------------------------------------------------------------------------------

def test_counts_after_saving_four_files(session: Session) -> None:
    save_all(session, minutes_file(), agenda_pack(), december_minutes(), failed_file())
    s = summary_counts(session)
    assert s.documents == 4
    assert s.failed_documents == 1
    # September minutes (twice, merged), December agenda, December minutes.
    assert s.meetings == 3
    assert s.people == 4  # Prynn, Brown, Gorton, Rear: "Prynn" in December is Sue Prynn
    assert s.attendees == 3 + 2
    assert s.apologies == 1
    assert s.actions == 4 + 1
    assert s.open_actions == 4
    assert s.rag_items == 2
    # 2 extraction flags + owner-unmatched (Healthwatch) + document-failed.
    assert s.flags == 4


def test_resaving_the_same_file_changes_no_row(session: Session) -> None:
    save_all(session, minutes_file(), agenda_pack(), failed_file())
    before = snapshot(session)
    results = [save_extraction(session, x) for x in (minutes_file(), agenda_pack(),
                                                       failed_file())]
    assert [r.outcome for r in results] == ["unchanged"] * 3
    assert snapshot(session) == before


def test_failed_document_is_recorded_and_flagged(session: Session) -> None:
    result = save_extraction(session, failed_file())
    assert result.outcome == "saved" and result.document_status == "failed"
    doc = session.scalars(select(schema.Document)).one()
    assert doc.status == "failed" and "encrypted" in (doc.problems or "")
    flags = all_open_flags(session)
    assert [(f.kind, f.file) for f in flags] == [("document-failed", "locked.pdf")]
    assert "encrypted" in flags[0].message


def test_failure_mid_save_leaves_no_partial_meeting(session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    save_all(session, december_minutes())
    before = snapshot(session)
    real = store.facts.action_to_row
    calls = {"n": 0}

    def fail_on_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash half way through a document")
        return real(*args, **kwargs)

    monkeypatch.setattr(store.facts, "action_to_row", fail_on_second)
    with pytest.raises(RuntimeError, match="simulated crash"):
        save_extraction(session, minutes_file())
    assert calls["n"] == 2  # it did get past the meeting, attendees and first action
    assert snapshot(session) == before
    monkeypatch.setattr(store.facts, "action_to_row", real)
    # The same file saves cleanly afterwards: nothing half-done blocks it.
    assert save_extraction(session, minutes_file()).outcome == "saved"
    assert summary_counts(session).actions == 1 + 4


def test_same_meeting_from_two_files_is_one_meeting_with_two_sources(session: Session) -> None:
    save_all(session, minutes_file(), agenda_pack())
    meetings = session.scalars(select(schema.Meeting).where(schema.Meeting.date == SEPT)).all()
    assert len(meetings) == 1
    sources = session.scalars(select(schema.MeetingSource).where(
        schema.MeetingSource.meeting_id == meetings[0].id)).all()
    assert len(sources) == 2
    # The reproduced minutes add nothing the first file already gave.
    assert count(session, schema.Attendance) == 3
    assert len(action_log(session)) == 4
    assert count(session, schema.Body) == 1


def test_agenda_and_minutes_of_one_date_stay_apart(session: Session) -> None:
    save_all(session, agenda_pack(), december_minutes())
    records = session.scalars(select(schema.Meeting.record).where(
        schema.Meeting.date == DEC)).all()
    assert sorted(records) == ["agenda", "minutes"]


def test_extraction_level_flag_goes_to_the_meeting_holding_its_page(session: Session) -> None:
    save_all(session, agenda_pack())
    flag = next(f for f in all_open_flags(session) if f.kind == "rag-unrated")
    # Page 29 lies only in the agenda's span (1-30), not in the minutes' (1-4).
    assert flag.meeting_date == DEC and flag.page == 29


def test_provenance_is_kept_on_facts(session: Session) -> None:
    save_all(session, minutes_file())
    gorton = session.scalars(select(schema.Attendance).join(schema.Person).where(
        schema.Person.name == "Sam Gorton")).one()
    assert (gorton.page, gorton.block, gorton.extractor) == (1, 4, "test")
    doc = session.scalars(select(schema.Document)).one()
    assert gorton.document_id == doc.id


def test_extraction_without_hash_is_refused(session: Session) -> None:
    x = minutes_file()
    x.source.sha256 = ""
    with pytest.raises(SaveError, match="sha256"):
        save_extraction(session, x)
    assert summary_counts(session).documents == 0


def test_contract_json_round_trip_saves(session: Session) -> None:
    record = {
        "schema": "boardpapers/extraction@1",
        "source": {"file": "m.pdf", "sha256": sha("contract"), "format": "pdf", "pages": 2},
        "meetings": [{"body": BODY, "organisation": ORG, "date": "2024-12-10",
                      "record": "minutes", "pages": [1, 2],
                      "attendees": [{"name": "Ian Brown", "category": "member", "page": 1}],
                      "actions": [{"item": "4", "text": "Ian Brown to send a link",
                                   "owners": ["Ian Brown"], "page": 2}]}],
        "flags": [],
    }
    save_all(session, from_dict(record))
    [row] = outstanding_actions(session, today=TODAY, owner="Brown")
    assert row.owners == ("Ian Brown",) and row.source_page == 2


# -- people and owners ------------------------------------------------------------------------

def test_bare_surname_attendee_is_the_known_full_name(session: Session) -> None:
    save_all(session, minutes_file(), december_minutes())
    names = session.scalars(select(schema.Person.name).order_by(schema.Person.name)).all()
    assert names == ["Ian Brown", "Jayne Rear", "Sam Gorton", "Sue Prynn"]


def test_unmatched_owner_is_text_and_flagged_never_a_person(session: Session) -> None:
    save_all(session, minutes_file())
    assert "Healthwatch Kent" not in session.scalars(select(schema.Person.name)).all()
    owner = session.scalars(select(schema.ActionOwner).where(
        schema.ActionOwner.text == "Healthwatch Kent")).one()
    assert owner.kind == "unmatched" and owner.person_id is None
    flags = [f for f in all_open_flags(session) if f.kind == "owner-unmatched"]
    assert len(flags) == 1 and "Healthwatch Kent" in flags[0].message
    assert flags[0].page == 4


def test_role_owner_is_role_text(session: Session) -> None:
    save_all(session, minutes_file())
    owner = session.scalars(select(schema.ActionOwner).where(
        schema.ActionOwner.text == "Clerk")).one()
    assert owner.kind == "role" and owner.person_id is None


def test_ambiguous_surname_is_flagged_not_guessed(session: Session) -> None:
    x = Extraction(SourceInfo("x.pdf", sha("ambiguous"), "pdf", 1), meetings=[Meeting(
        body=BODY, organisation=ORG, date=SEPT,
        attendees=[Attendee("Sue Prynn"), Attendee("Tom Prynn")],
        actions=[Action("1", "Prynn to report", owners=["Prynn"], evidence=ev(1))],
    )])
    save_all(session, x)
    owner = session.scalars(select(schema.ActionOwner)).one()
    assert owner.kind == "unmatched"
    [flag] = [f for f in all_open_flags(session) if f.kind == "owner-unmatched"]
    assert "Sue Prynn" in flag.message and "Tom Prynn" in flag.message


def test_people_are_per_body(session: Session) -> None:
    other = Extraction(SourceInfo("other.pdf", sha("other"), "pdf", 1), meetings=[Meeting(
        body="Health and Wellbeing Board", organisation=ORG, date=SEPT,
        attendees=[Attendee("Sue Prynn")])])
    save_all(session, minutes_file(), other)
    assert session.scalar(select(func.count()).where(schema.Person.name == "Sue Prynn")) == 2


# -- queries ----------------------------------------------------------------------------------

def test_owner_query_by_surname_full_name_and_role(session: Session) -> None:
    save_all(session, minutes_file(), agenda_pack(), december_minutes())
    by_surname = outstanding_actions(session, today=TODAY, owner="prynn")
    assert [a.text for a in by_surname] == [
        "Cllr Prynn to write to the Minister about placements"]
    assert by_surname[0].owners == ("Sue Prynn",)
    assert outstanding_actions(session, today=TODAY, owner="Cllr Sue Prynn") == by_surname
    [clerk] = outstanding_actions(session, today=TODAY, owner="clerk")
    assert clerk.owners == ("Clerk",)
    [hw] = outstanding_actions(session, today=TODAY, owner="healthwatch kent")
    assert hw.unmatched_owners == ("Healthwatch Kent",)
    assert outstanding_actions(session, today=TODAY, owner="Nobody") == []


def test_status_filter_age_and_source(session: Session) -> None:
    save_all(session, minutes_file(), december_minutes())
    open_rows = outstanding_actions(session, today=TODAY)
    assert len(open_rows) == 4 and all(r.status == "open" for r in open_rows)
    gorton = next(r for r in open_rows if r.owners == ("Sam Gorton",))
    assert gorton.age_days == (TODAY - SEPT).days
    assert gorton.due == DEC and gorton.due_text == "next meeting"
    assert (gorton.source_file, gorton.source_page) == ("minutes-2024-09-10.pdf", 2)
    assert gorton.body == BODY and gorton.meeting_date == SEPT
    [closed] = outstanding_actions(session, today=TODAY, status="closed", owner="Ian Brown")
    assert closed.status_text == "Complete" and closed.meeting_date == DEC
    assert len(outstanding_actions(session, today=TODAY, status="all")) == 5
    with pytest.raises(ValueError):
        outstanding_actions(session, today=TODAY, status="pending")  # type: ignore[arg-type]


def test_body_filter_is_case_insensitive_part_of_name(session: Session) -> None:
    save_all(session, minutes_file())
    assert len(outstanding_actions(session, today=TODAY, body="parenting")) == 4
    assert outstanding_actions(session, today=TODAY, body="Planning") == []
    # LIKE wildcards in the filter are literal, not patterns.
    assert outstanding_actions(session, today=TODAY, body="%") == []


def test_action_log_orders_by_meeting_date(session: Session) -> None:
    save_all(session, december_minutes(), minutes_file())
    dates = [a.meeting_date for a in action_log(session, today=TODAY)]
    assert dates == sorted(dates) and dates[0] == SEPT and dates[-1] == DEC


def test_one_owner_named_twice_is_one_owner(session: Session) -> None:
    x = Extraction(SourceInfo("x.pdf", sha("twice"), "pdf", 1), meetings=[Meeting(
        body=BODY, organisation=ORG, date=SEPT, attendees=[Attendee("Sue Prynn")],
        actions=[Action("1", "Report back", owners=["Prynn", "Sue Prynn", " "])],
    )])
    save_all(session, x)
    owners = session.scalars(select(schema.ActionOwner)).all()
    assert [(o.kind, o.position) for o in owners] == [("person", 0)]


def test_partly_read_document_is_flagged(session: Session) -> None:
    x = minutes_file()
    x.source.status, x.source.problems = "partial", ["page 3 is a scanned image"]
    assert save_extraction(session, x).document_status == "partial"
    [flag] = [f for f in all_open_flags(session) if f.kind == "document-partial"]
    assert "scanned" in flag.message


# -- reading again, and the files a document was seen as -------------------------------------

OLD, NEW = "boardpapers 0.1.0; ocr none", "boardpapers 0.2.0; ocr tesseract"


def partial(x: Extraction, problem: str = "Page 3 is a scanned image; OCR unavailable"
            ) -> Extraction:
    x.source.status, x.source.problems = "partial", [problem]
    return x


def reread(x: Extraction, *, sha_of: Extraction) -> Extraction:
    """`x` as a new reading of the bytes `sha_of` came from."""
    x.source.sha256, x.source.file = sha_of.source.sha256, sha_of.source.file
    return x


def test_reading_again_is_for_failed_or_partial_records_read_by_another_reader() -> None:
    assert needs_reading("failed", OLD, NEW)
    assert needs_reading("partial", OLD, NEW)
    assert needs_reading("failed", None, NEW)  # stored before readers were recorded
    assert not needs_reading("ok", OLD, NEW)  # a good record is final
    assert not needs_reading("failed", NEW, NEW)  # same reader, same bytes: same result
    assert not needs_reading("failed", OLD, None)  # a caller naming no reader


def test_failed_document_is_replaced_by_a_new_readers_reading(session: Session) -> None:
    first = save_extraction(session, failed_file(), reader=OLD)
    again = save_extraction(session, reread(minutes_file(), sha_of=failed_file()), reader=NEW)
    assert (again.outcome, again.previous_status) == ("replaced", "failed")
    doc = session.scalars(select(schema.Document)).one()
    assert (doc.id, doc.status, doc.problems, doc.reader) == (first.document_id, "ok", None, NEW)
    kinds = {f.kind for f in all_open_flags(session)}
    assert "document-failed" not in kinds and "owner-unmatched" in kinds
    assert summary_counts(session).actions == 4


def test_same_reader_does_not_read_a_failed_document_again(session: Session) -> None:
    save_extraction(session, failed_file(), reader=NEW)
    before = snapshot(session)
    result = save_extraction(session, reread(minutes_file(), sha_of=failed_file()), reader=NEW)
    assert result.outcome == "unchanged" and result.document_status == "failed"
    assert result.problems == tuple(failed_file().source.problems)
    assert snapshot(session) == before


def test_rereading_keeps_facts_of_a_meeting_another_document_records(session: Session) -> None:
    # The pack's copy of September's minutes was skipped as duplicates of the partial file's
    # facts; a new reading that no longer finds that meeting must not take them away.
    save_extraction(session, partial(minutes_file()), reader=OLD)
    save_extraction(session, agenda_pack(), reader=OLD)
    before = summary_counts(session)
    lost = Extraction(SourceInfo("minutes-2024-09-10.pdf", "", "pdf", 4))
    result = save_extraction(session, reread(lost, sha_of=minutes_file()), reader=NEW)
    assert result.outcome == "replaced"
    after = summary_counts(session)
    assert (after.meetings, after.attendees, after.actions, after.people) == (
        before.meetings, before.attendees, before.actions, before.people)
    sources = session.scalars(select(schema.MeetingSource.document_id).join(schema.Meeting)
                              .where(schema.Meeting.date == SEPT)).all()
    assert len(sources) == 2  # the old source stays with the facts it gave
    assert [f.kind for f in all_open_flags(session)].count("owner-unmatched") == 1
    assert "document-partial" not in {f.kind for f in all_open_flags(session)}


def test_rereading_the_same_facts_doubles_nothing(session: Session) -> None:
    save_extraction(session, partial(minutes_file()), reader=OLD)
    save_extraction(session, agenda_pack(), reader=OLD)
    flag = next(f for f in all_open_flags(session) if f.kind == "owner-unmatched")
    session.get(schema.Flag, flag.id).dismissed = True  # the clerk has seen it
    session.commit()
    before = summary_counts(session)
    save_extraction(session, minutes_file(), reader=NEW)
    after = summary_counts(session)
    assert (after.meetings, after.attendees, after.actions, after.people, after.flags) == (
        before.meetings, before.attendees, before.actions, before.people, before.flags - 1)
    assert session.get(schema.Flag, flag.id).dismissed  # the kept flag, not a new copy
    assert not [f for f in all_open_flags(session) if f.kind == "owner-unmatched"]


def test_rereading_drops_what_only_the_old_reading_had(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    save_extraction(session, partial(minutes_file()), reader=OLD)
    # The new reading dates the meeting differently and names only two people.
    fixed = minutes_file()
    fixed.meetings[0].date = DEC
    fixed.meetings[0].attendees = fixed.meetings[0].attendees[:2]
    fixed.meetings[0].apologies = []
    save_extraction(session, fixed, reader=NEW)
    assert session.scalars(select(schema.Meeting.date)).all() == [DEC]
    names = set(session.scalars(select(schema.Person.name)).all())
    assert names == {"Sue Prynn", "Ian Brown"}  # Gorton and Rear went with the old reading
    # Exactly what saving the new reading into an empty store gives.
    with open_session(f"sqlite:///{tmp_path / 'fresh.sqlite'}") as fresh:
        save_extraction(fresh, fixed, reader=NEW)
        assert summary_counts(fresh) == summary_counts(session)


def test_a_worse_reading_keeps_the_partial_record(session: Session) -> None:
    save_extraction(session, partial(minutes_file()), reader=OLD)
    before = snapshot(session)
    worse = reread(failed_file(), sha_of=minutes_file())
    result = save_extraction(session, worse, reader=NEW)
    assert (result.outcome, result.document_status) == ("kept", "partial")
    assert snapshot(session) == before
    assert summary_counts(session).meetings == 1


def test_crash_while_rereading_leaves_the_old_record(session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    save_extraction(session, partial(minutes_file()), reader=OLD)
    save_extraction(session, agenda_pack(), reader=OLD)
    before = snapshot(session)

    def crash(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("simulated crash during a re-read")
    monkeypatch.setattr(store.save, "save_meeting", crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        save_extraction(session, minutes_file(), reader=NEW)
    assert snapshot(session) == before


def test_same_bytes_under_two_names_are_one_document_seen_as_both(session: Session) -> None:
    save_extraction(session, failed_file(), seen_as="/papers/locked.pdf")
    copy = failed_file()
    copy.source.file = "locked (1).pdf"
    result = save_extraction(session, copy, seen_as="/downloads/locked (1).pdf")
    assert (result.outcome, result.stored_file) == ("unchanged", "locked.pdf")
    before = snapshot(session)
    save_extraction(session, failed_file(), seen_as="/papers/locked.pdf")
    assert snapshot(session) == before  # a path already known adds nothing
    stored = stored_document(session, failed_file().source.sha256)
    assert stored is not None
    assert stored.paths == ("/papers/locked.pdf", "/downloads/locked (1).pdf")
    names = session.scalars(select(schema.DocumentFile.file_name)
                            .order_by(schema.DocumentFile.id)).all()
    assert names == ["locked.pdf", "locked (1).pdf"]
    assert summary_counts(session).documents == 1


def test_store_never_imports_reports_or_the_cli() -> None:
    import ast
    from pathlib import Path

    root = Path(store.facts.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert name.split(".")[0] not in ("reports", "boardpapers"), (path, name)

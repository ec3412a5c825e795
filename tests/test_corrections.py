"""Clerk corrections: each kind is stored, applied, and survives every way a meeting's
facts are saved again — a re-run on the same file, a re-read that replaces the rows, a
changed file for the same meeting, and a second file recording the same meeting.

Runs on SQLite always; on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from test_store import all_open_flags

from extract.model import (
    Action,
    Attendee,
    Evidence,
    Extraction,
    Flag,
    Meeting,
    SourceInfo,
)
from store import db as store_db
from store import (
    open_session,
    outstanding_actions,
    save_extraction,
    schema,
)
from store.corrections import (
    CorrectionError,
    action_corrections,
    alias,
    correct_action,
    correction_log,
    dismiss_flag,
    dismissed_action_ids,
    merge,
    reapply_corrections,
    thread_corrections,
)
from store.people import PersonResolver, people_listing

BODY = "Corporate Parenting Panel"
ORG = "Kent County Council"
SEPT = dt.date(2024, 9, 10)
DEC = dt.date(2024, 12, 10)
TODAY = dt.date(2025, 1, 9)
LATER = dt.date(2025, 3, 31)
OLD, NEW = "boardpapers 0.1.0; ocr none", "boardpapers 0.2.0; ocr tesseract"

POLICE = "Sam Gorton to find a Police Representative"
MINISTER = "Cllr Prynn to write to the Minister about placements"
HEALTHWATCH = "Healthwatch to report back on advocacy complaints"
NOTED = "The Board noted the report"
CHASE = "Susan Prynn to chase the virtual school head"
LINK = "Ian Browne to send the link"
MISSING = "No time of arrival recorded"


def ev(page: int, block: int | None = None) -> Evidence:
    return Evidence(page=page, block=block, extractor="test")


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def september(pages: tuple[int, int] = (1, 4)) -> Meeting:
    return Meeting(
        body=BODY, organisation=ORG, date=SEPT, record="minutes", pages=pages,
        attendees=[Attendee("Sue Prynn", role="Chair", evidence=ev(1, 2)),
                   Attendee("Ian Brown", evidence=ev(1, 3)),
                   Attendee("Sam Gorton", category="officer", evidence=ev(1, 4))],
        actions=[
            Action("3", POLICE, owners=["Sam Gorton"], due=DEC, evidence=ev(2, 10)),
            Action("4", MINISTER, owners=["Prynn"], status="Ongoing", evidence=ev(3, 11)),
            Action("5", HEALTHWATCH, owners=["Healthwatch Kent"], evidence=ev(4, 13)),
            Action("5", NOTED, evidence=ev(4, 14)),
        ])


def sept_minutes(version: str = "v1", status: str = "ok") -> Extraction:
    return Extraction(
        SourceInfo("minutes-2024-09-10.pdf", sha(f"sept-{version}"), "pdf", 4, status=status,
                   problems=["Page 4 is a scanned image"] if status == "partial" else []),
        meetings=[september()], flags=[Flag("attendance-missing", MISSING, page=1)])


def dec_minutes(status: str = "ok") -> Extraction:
    meeting = Meeting(
        body=BODY, organisation=ORG, date=DEC, record="minutes", pages=(1, 2),
        attendees=[Attendee("Susan Prynn", evidence=ev(1, 1)),
                   Attendee("Ian Brown", evidence=ev(1, 2))],
        actions=[Action("2", CHASE, owners=["Susan Prynn"], evidence=ev(2, 5)),
                 Action("3", LINK, owners=["Ian Browne"], evidence=ev(2, 6))])
    return Extraction(
        SourceInfo("minutes-2024-12-10.docx", sha("dec"), "docx", None, status=status,
                   problems=["a table could not be read"] if status == "partial" else []),
        meetings=[meeting])


def agenda_pack() -> Extraction:
    """The December pack: its own agenda, and September's minutes again on pages 20-23,
    with the same flag raised on them."""
    agenda = Meeting(body=BODY, organisation=ORG, date=DEC, record="agenda", pages=(1, 30))
    return Extraction(SourceInfo("agenda-pack-2024-12-10.pdf", sha("pack"), "pdf", 30),
                      meetings=[agenda, september(pages=(20, 23))],
                      flags=[Flag("attendance-missing", MISSING, page=21)])


# -- fixtures -----------------------------------------------------------------------------------

def action_id(session: Session, words: str) -> int:
    return session.scalars(select(schema.Action.id).where(schema.Action.text == words)
                           .order_by(schema.Action.id)).first()


def flag_id(session: Session, message: str) -> int:
    return session.scalars(select(schema.Flag.id).where(schema.Flag.message == message)
                           .order_by(schema.Flag.id)).first()


def snapshot(session: Session) -> dict[str, list[tuple[object, ...]]]:
    return {t.name: [tuple(r) for r in session.execute(
        select(t).order_by(*t.primary_key.columns))] for t in schema.Base.metadata.sorted_tables}


def record_every_kind(session: Session) -> None:
    """One correction of each kind, as a clerk would make them after the first run."""
    correct_action(session, action_id(session, POLICE), owners=["Ian Brown"], due=LATER,
                   note="agreed at the December meeting")
    correct_action(session, action_id(session, MINISTER), status="closed",
                   text="Cllr Prynn to write to the Minister about placements (letter sent)")
    correct_action(session, action_id(session, NOTED), dismiss=True, note="not an action")
    dismiss_flag(session, flag_id(session, MISSING), note="times are not minuted here")
    merge(session, "Sue Prynn", "Susan Prynn")
    alias(session, "Ian Brown", "Ian Browne")


def assert_every_kind_holds(session: Session) -> None:
    views = {a.id: a for a in outstanding_actions(session, today=TODAY, status="all")}
    police, minister = views[action_id(session, POLICE)], views[action_id(session, MINISTER)]
    # owner and due: on the row and in the log, and the owner filter follows them
    assert police.owners == ("Ian Brown",) and police.due == LATER
    assert police.id in [a.id for a in outstanding_actions(session, today=TODAY,
                                                          owner="Ian Brown")]
    assert not outstanding_actions(session, today=TODAY, owner="Sam Gorton")
    # status and text: the clerk's closed beats the paper's "Ongoing", the clerk's words
    # are the log's while the row keeps the paper's (it is the action's identity)
    assert (minister.status, minister.closed_by) == ("closed", "clerk")
    assert minister.text.endswith("(letter sent)")
    fixes = action_corrections(session)
    assert fixes[minister.id].text == minister.text
    assert fixes[minister.id].corrected == {"status", "text"}
    assert fixes[police.id].corrected == {"owner", "due"}
    assert fixes[police.id].notes == ("agreed at the December meeting",)
    assert thread_corrections(session, [police.thread_id])[police.thread_id] \
        == fixes[police.id]
    # dismissed: kept in the store, out of the log
    noted = action_id(session, NOTED)
    assert noted is not None and dismissed_action_ids(session) == {noted}
    assert noted not in views and NOTED not in [a.text for a in views.values()]
    # the dismissed flag stays dismissed, however many copies of it were raised
    assert MISSING not in [f.message for f in all_open_flags(session)]
    assert session.scalar(select(func.count()).where(
        schema.Flag.message == MISSING, schema.Flag.dismissed.is_(False))) == 0
    # merge: one person, either name finds their actions; alias: the name resolves
    people = {p.name: p for p in people_listing(session)}
    assert "Susan Prynn" not in people and "Susan Prynn" in people["Sue Prynn"].aliases
    assert "Ian Browne" in people["Ian Brown"].aliases
    chase = action_id(session, CHASE)
    for name in ("Sue Prynn", "Susan Prynn"):
        found = [a.id for a in outstanding_actions(session, today=TODAY, owner=name,
                                                   status="all")]
        assert chase in found, name
    link = views[action_id(session, LINK)]
    assert link.owners == ("Ian Brown",) and link.unmatched_owners == ()
    # every correction still finds what it was made on
    assert all(c.applies_to for c in correction_log(session))


# -- surviving re-runs -------------------------------------------------------------------------

def test_each_kind_applies_and_a_rerun_on_the_same_files_changes_nothing(session) -> None:
    save_extraction(session, sept_minutes())
    save_extraction(session, dec_minutes())
    record_every_kind(session)
    assert_every_kind_holds(session)
    before = snapshot(session)
    assert [save_extraction(session, x).outcome for x in (sept_minutes(), dec_minutes())] \
        == ["unchanged", "unchanged"]
    reapply_corrections(session)  # applying again writes nothing
    session.commit()
    assert snapshot(session) == before


def test_each_kind_survives_a_reread_that_replaces_the_rows(session) -> None:
    save_extraction(session, sept_minutes(status="partial"), reader=OLD)
    save_extraction(session, dec_minutes(status="partial"), reader=OLD)
    record_every_kind(session)
    old_ids = {a.id for a in outstanding_actions(session, today=TODAY, status="all")}
    outcomes = [save_extraction(session, x, reader=NEW).outcome
                for x in (sept_minutes(), dec_minutes())]
    assert outcomes == ["replaced", "replaced"]
    new_ids = {a.id for a in outstanding_actions(session, today=TODAY, status="all")}
    assert new_ids and not new_ids & old_ids  # every action is a new row
    assert_every_kind_holds(session)
    # the re-read named "Susan Prynn" again: found through the alias, not a new person
    assert session.scalar(select(func.count()).select_from(schema.Person).where(
        schema.Person.name == "Susan Prynn")) == 0


def test_each_kind_survives_a_changed_file_for_the_same_meeting(session) -> None:
    save_extraction(session, sept_minutes())
    save_extraction(session, dec_minutes())
    record_every_kind(session)
    changed = sept_minutes(version="v2")  # re-issued: same minutes, one action more
    changed.meetings[0].actions.append(Action("6", "Clerk to book the room",
                                              owners=["Clerk"], evidence=ev(4, 15)))
    assert save_extraction(session, changed).outcome == "saved"
    assert_every_kind_holds(session)
    # the new version replaced the old one's facts for the meeting: every row is new
    new_doc = session.scalar(select(schema.Document.id).where(
        schema.Document.sha256 == changed.source.sha256))
    assert set(session.scalars(select(schema.Action.document_id).where(
        schema.Action.meeting_id == session.scalar(select(schema.Meeting.id).where(
            schema.Meeting.date == SEPT))))) == {new_doc}
    [room] = [a for a in outstanding_actions(session, today=TODAY)
              if a.text == "Clerk to book the room"]
    assert room.id not in action_corrections(session)


def test_each_kind_survives_a_second_file_recording_the_same_meeting(session) -> None:
    save_extraction(session, sept_minutes(status="partial"), reader=OLD)
    save_extraction(session, dec_minutes())
    record_every_kind(session)
    save_extraction(session, agenda_pack())  # September's minutes again, and the flag
    assert_every_kind_holds(session)
    # and once more when the first file is read again, the meeting now shared
    assert save_extraction(session, sept_minutes(), reader=NEW).outcome == "replaced"
    assert_every_kind_holds(session)
    assert session.scalar(select(func.count()).where(schema.Flag.message == MISSING)) >= 2


def test_a_dismissed_flag_never_comes_back(session) -> None:
    save_extraction(session, sept_minutes(status="partial"), reader=OLD)
    dismiss_flag(session, flag_id(session, MISSING))
    for x, reader in ((sept_minutes(), NEW), (agenda_pack(), None)):
        save_extraction(session, x, reader=reader)
        assert MISSING not in [f.message for f in all_open_flags(session)]
    again = dismiss_flag(session, flag_id(session, MISSING))
    assert again.already  # nothing new recorded
    assert [c.kind for c in correction_log(session)] == ["dismiss_flag"]


def test_a_flag_on_a_whole_document_is_dismissed_across_a_reread(session) -> None:
    failed = Extraction(SourceInfo("locked.pdf", sha("locked"), "pdf", None, status="failed",
                                   problems=["PDF is encrypted"]))
    save_extraction(session, failed, reader=OLD)
    [flag] = all_open_flags(session)
    dismiss_flag(session, flag.id)
    save_extraction(session, failed, reader=NEW)  # read again, failed again: a new flag row
    assert all_open_flags(session) == []


def test_merge_moves_attendance_and_ownership_and_either_name_finds_the_actions(
        session) -> None:
    save_extraction(session, sept_minutes())
    save_extraction(session, dec_minutes())
    done = merge(session, "Sue Prynn", "Susan Prynn", note="same councillor")
    assert (done.person, done.other) == ("Sue Prynn", "Susan Prynn")
    assert done.merged is not None
    assert done.merged.moved["attendance"] == 1 and done.merged.moved["action_owners"] == 1
    by_new = {a.text for a in outstanding_actions(session, today=TODAY, owner="Susan Prynn")}
    by_old = {a.text for a in outstanding_actions(session, today=TODAY, owner="Sue Prynn")}
    assert CHASE in by_new and by_new <= by_old and MINISTER in by_old
    [sue] = [p for p in people_listing(session) if p.name == "Sue Prynn"]
    assert sue.meetings == 2 and sue.actions == 2


def test_merge_drops_what_would_be_twice_and_refuses_strangers(session) -> None:
    both = sept_minutes()
    both.meetings[0].attendees.append(Attendee("S. Prynn-Smith", evidence=ev(1, 5)))
    save_extraction(session, both)
    done = merge(session, "Sue Prynn", "S. Prynn-Smith")
    assert done.merged is not None and done.merged.dropped == {"attendance": 1}
    with pytest.raises(CorrectionError, match="no person called 'Nobody'"):
        merge(session, "Sue Prynn", "Nobody")
    with pytest.raises(CorrectionError, match="already Sue Prynn"):
        merge(session, "Sue Prynn", "S. Prynn-Smith")


def test_alias_resolves_owners_in_later_papers(session) -> None:
    save_extraction(session, sept_minutes())
    alias(session, "Ian Brown", "Ian Browne")
    save_extraction(session, dec_minutes())
    [link] = [a for a in outstanding_actions(session, today=TODAY) if a.text == LINK]
    assert link.owners == ("Ian Brown",) and link.unmatched_owners == ()
    match = PersonResolver(session, session.scalars(select(schema.Body.id)).one()).find(
        "Cllr Ian Browne")
    assert match.how == "alias" and match.person is not None
    assert match.person.name == "Ian Brown"


def test_alias_survives_a_reread_of_the_only_paper_naming_the_person(session) -> None:
    """The re-read drops Ian Brown (and with him his alias) before saving its facts, so
    the owner "Ian Browne" is first saved unmatched; re-applying the alias resolves it."""
    save_extraction(session, dec_minutes(status="partial"), reader=OLD)
    alias(session, "Ian Brown", "Ian Browne")
    assert save_extraction(session, dec_minutes(), reader=NEW).outcome == "replaced"
    [link] = [a for a in outstanding_actions(session, today=TODAY) if a.text == LINK]
    assert link.owners == ("Ian Brown",) and link.unmatched_owners == ()
    [ian] = [p for p in people_listing(session) if p.name == "Ian Brown"]
    assert ian.aliases == ("Ian Browne",)
    [log] = correction_log(session)
    assert log.applies_to == f"person {ian.id}"


def test_alias_that_is_another_person_is_refused_with_the_merge_to_run(session) -> None:
    save_extraction(session, sept_minutes())
    with pytest.raises(CorrectionError, match='people merge "Ian Brown" "Sam Gorton"'):
        alias(session, "Ian Brown", "Sam Gorton")
    assert alias(session, "Ian Brown", "Ian Brown").already
    assert correction_log(session) == []


def test_the_latest_correction_of_a_kind_wins(session) -> None:
    save_extraction(session, sept_minutes())
    police = action_id(session, POLICE)
    correct_action(session, police, due=LATER)
    correct_action(session, police, due=dt.date(2025, 6, 30), status="closed")
    correct_action(session, police, status="open")
    [row] = [a for a in outstanding_actions(session, today=TODAY) if a.id == police]
    assert row.due == dt.date(2025, 6, 30) and row.status == "open"


def test_owner_correction_resolves_roles_and_unknown_names_and_refuses_ambiguity(
        session) -> None:
    two = sept_minutes()
    two.meetings[0].attendees.append(Attendee("Tom Prynn", evidence=ev(1, 6)))
    save_extraction(session, two)
    police = action_id(session, POLICE)
    before = snapshot(session)
    with pytest.raises(CorrectionError, match="could be Sue Prynn, Tom Prynn"):
        correct_action(session, police, owners=["Prynn"], note="should not be kept")
    assert snapshot(session) == before  # nothing recorded, nothing applied
    done = correct_action(session, police, owners=["Clerk", "Jo Bloggs", "Tom Prynn"])
    assert [(o.name, o.kind) for o in done.owners] == [
        ("Clerk", "role"), ("Jo Bloggs", "unmatched"), ("Tom Prynn", "person")]
    [row] = [a for a in outstanding_actions(session, today=TODAY) if a.id == police]
    assert row.owners == ("Clerk", "Jo Bloggs", "Tom Prynn")
    assert row.unmatched_owners == ("Jo Bloggs",)


def test_correction_errors_record_nothing(session) -> None:
    save_extraction(session, sept_minutes())
    police = action_id(session, POLICE)
    with pytest.raises(CorrectionError, match="no action 9999"):
        correct_action(session, 9999, status="closed")
    with pytest.raises(CorrectionError, match="nothing to correct"):
        correct_action(session, police)
    with pytest.raises(CorrectionError, match="status is open or closed"):
        correct_action(session, police, status="done")
    with pytest.raises(CorrectionError, match="at most"):
        correct_action(session, police, status="closed", note="x" * 5000)
    with pytest.raises(CorrectionError, match="empty"):
        correct_action(session, police, text="   ")
    with pytest.raises(CorrectionError, match="no flag 9999"):
        dismiss_flag(session, 9999)
    assert correction_log(session) == []


def test_a_correction_whose_words_changed_waits_and_is_listed(session) -> None:
    save_extraction(session, sept_minutes(status="partial"), reader=OLD)
    correct_action(session, action_id(session, POLICE), status="closed")
    reworded = sept_minutes()
    reworded.meetings[0].actions[0] = replace(reworded.meetings[0].actions[0],
                                              text=POLICE + " for the Board")
    save_extraction(session, reworded, reader=NEW)
    [log] = correction_log(session)
    assert log.applies_to is None and log.target == POLICE
    assert action_corrections(session) == {}
    [row] = [a for a in outstanding_actions(session, today=TODAY, status="all")
             if a.text.startswith(POLICE)]
    assert row.status == "open"


def test_corrections_stay_within_their_body(session) -> None:
    other = sept_minutes()
    other.source = replace(other.source, sha256=sha("other-body"), file="hwb.pdf")
    other.meetings[0].body = "Health and Wellbeing Board"
    save_extraction(session, sept_minutes())
    save_extraction(session, other)
    ids = session.scalars(select(schema.Action.id).where(schema.Action.text == POLICE)
                          .order_by(schema.Action.id)).all()
    correct_action(session, ids[0], status="closed")
    statuses = {a.body: a.status for a in outstanding_actions(session, today=TODAY,
                                                              status="all")
                if a.text == POLICE}
    assert statuses == {BODY: "closed", "Health and Wellbeing Board": "open"}
    with pytest.raises(CorrectionError, match="several bodies"):
        alias(session, "Ian Brown", "Ian Browne")
    assert alias(session, "Ian Brown", "Ian Browne", body="wellbeing").body == \
        "Health and Wellbeing Board"


# -- through the real pipeline -----------------------------------------------------------------

def test_corrections_survive_re_extracting_a_real_sample(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The bundled agenda pack read by the whole pipeline, corrected, then stored as
    partial by an older reader so the next run extracts it again into new rows."""
    from conftest import SAMPLES

    from boardpapers import batch

    url = f"sqlite:///{tmp_path / 'real.sqlite'}"
    pack = SAMPLES / "lancs-cpb_agenda-pack_2019-11-26.pdf"
    with open_session(url) as session:
        list(batch.run(session, [pack], reader=OLD))
        actions = outstanding_actions(session, today=TODAY, status="all")
        assert len(actions) >= 2, "the sample pack has actions"
        target, false = actions[0], actions[-1]
        correct_action(session, target.id, due=LATER, status="closed", text="Reworded")
        correct_action(session, false.id, dismiss=True)
        flags = all_open_flags(session)
        assert flags, "the sample pack raises flags"
        flag = flags[0]
        dismiss_flag(session, flag.id)
        session.execute(text("UPDATE documents SET status = 'partial'"))
        # Marks the rows of this reading; SQLite may give the new rows the same ids.
        session.execute(text("UPDATE actions SET \"update\" = 'first reading'"))
        session.commit()
        [outcome] = list(batch.run(session, [pack], reader=NEW))
        assert outcome.action == "re-read"
        after = {a.key: a for a in outstanding_actions(session, today=TODAY, status="all")}
        again = after[target.key]
        marks = session.scalars(select(schema.Action.update).where(
            schema.Action.key == target.key)).all()
        assert marks and "first reading" not in marks  # re-extracted into new rows
        assert (again.due, again.status, again.text) == (LATER, "closed", "Reworded")
        assert false.key not in after
        [dismissed] = dismissed_action_ids(session)
        assert session.get(schema.Action, dismissed).key == false.key
        assert (flag.kind, flag.message, flag.meeting_date) not in [
            (f.kind, f.message, f.meeting_date) for f in all_open_flags(session)]
    store_db.dispose_all()

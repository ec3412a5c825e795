"""The carry-forward resumed from a body's snapshot (`store.carry.snapshot`) equals a full
rebuild: saving an invented series one paper at a time gives the same threads and history
as rebuilding from the start, whatever order the papers arrive in, and a correction, an
out-of-order paper or a second source of a folded meeting falls back to the full rebuild.
"""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_store import ev, save_all, sha

from extract.model import (
    Action,
    AgendaItem,
    Attendee,
    Extraction,
    Meeting,
    RagItem,
    Resolution,
    SourceInfo,
)
from store import carry, open_session
from store import schema as db
from store.carry import rebuild, snapshot
from store.corrections import correct_action

BODY, ORG = "Invented Parish Council", "Invented Parish Council"
TASKS = ["mend the stile on the bridleway", "ask the county about the flooded lane",
         "order two new litter bins", "renew the hall insurance", "trim the churchyard yew",
         "report the broken street light", "repaint the bus shelter", "survey the pond"]


def _date(n: int) -> dt.date:
    return dt.date(2021, 1, 5) + dt.timedelta(days=28 * n)


def minutes(n: int, *, extra: str | None = None, file: str | None = None) -> Extraction:
    """The n-th minutes of an invented series: new actions with references, earlier ones
    restated (by reference, or by wording alone), updated and closed, a matters-arising
    note, a bare-numbered table and a RAG row."""
    acts = [Action("4", f"Clerk to {TASKS[(n + k) % len(TASKS)]} (round {n})",
                   owners=["Jo Clerk"], ref=f"R{n:02d}.{k}", evidence=ev(2, k))
            for k in range(3)]
    if n >= 1:  # by reference, with an update; every third one closed
        acts.append(Action("2", f"Clerk to {TASKS[(n - 1) % len(TASKS)]} (round {n - 1})",
                           owners=["Jo Clerk"], ref=f"R{n - 1:02d}.0",
                           update="Done" if n % 3 == 0 else "In progress", evidence=ev(2, 9)))
    if n >= 2:  # by wording alone, no reference
        acts.append(Action("2", f"Clerk to {TASKS[(n - 1) % len(TASKS)]} (round {n - 2})",
                           owners=["Jo Clerk"], evidence=ev(2, 8)))
    acts.append(Action("5", f"Chair to thank volunteer number {n % 4}", owners=["Al Chair"],
                       ref=str(n % 3 + 1), evidence=ev(3, 1)))  # a bare, reused number
    if extra:
        acts.append(Action("6", extra, owners=["Jo Clerk"], evidence=ev(3, 2)))
    notes = [Resolution("2", f"Clerk to {TASKS[(n - 2) % len(TASKS)]} (round {n - 2}) "
                        "has been completed", evidence=ev(1, 5))] if n >= 3 else []
    meeting = Meeting(
        body=BODY, organisation=ORG, date=_date(n), record="minutes",  # type: ignore[arg-type]
        pages=(1, 3), attendees=[Attendee("Jo Clerk", category="officer", evidence=ev(1, 1)),
                                 Attendee("Al Chair", role="Chair", evidence=ev(1, 2))],
        items=[AgendaItem("2", "Matters arising", evidence=ev(1, 4))],
        resolutions=notes, actions=acts,
        rag_items=[RagItem(f"FP{n % 2}", f"Footpath plan stage {n % 2}",
                           ("red", "amber", "green")[n % 3], evidence=ev(3, 5))])
    name = file or f"minutes-{_date(n)}.pdf"
    return Extraction(SourceInfo(name, sha(name + repr(meeting)), "pdf", 3),
                      meetings=[meeting])


def threads(session: Session) -> list[Any]:
    """Every thread and history row, with ids replaced by what they point at."""
    def action(i: int | None) -> Any:
        return i and session.scalar(select(db.Action.key).where(db.Action.id == i))

    def meeting(i: int | None) -> Any:
        return i and session.execute(select(db.Meeting.date, db.Meeting.record)
                                     .where(db.Meeting.id == i)).one()

    def fact(model: Any, i: int | None) -> Any:
        return i and session.execute(select(model.text, model.meeting_id)
                                     .where(model.id == i)).one()[0]

    def doc(i: int | None) -> Any:
        return i and session.scalar(select(db.Document.sha256).where(db.Document.id == i))

    def plain(row: Any, skip: set[str]) -> dict[str, Any]:
        out = {c.name: getattr(row, c.name) for c in row.__table__.columns
               if c.name not in skip}
        for name in ("raised_action_id", "owner_action_id", "action_id"):
            if name in out:
                out[name] = action(out[name])
        for name in ("raised_meeting_id", "meeting_id"):
            if name in out:
                out[name] = meeting(out[name])
        if "document_id" in out:
            out["document_id"] = doc(out["document_id"])
        if "rag_item_id" in out:
            out["rag_item_id"] = fact(db.RagItem, out["rag_item_id"])
        if "resolution_id" in out:
            out["resolution_id"] = fact(db.Resolution, out["resolution_id"])
        return out

    out = []
    for parent, child in ((db.ActionThread, db.ActionStatus), (db.RagThread, db.RagStatus)):
        for t in session.scalars(select(parent).order_by(parent.key)):
            kids = session.scalars(select(child).where(child.thread_id == t.id)
                                   .order_by(child.position))
            out.append((plain(t, {"id", "body_id"}),
                        [plain(h, {"id", "thread_id"}) for h in kids]))
    # and the carry-forward's own flags (omission, stale, reused reference)
    out += [("flag", plain(f, {"id"})) for f in session.scalars(
        select(db.Flag).where(db.Flag.extractor == "carry"))]
    return sorted(out, key=repr)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which path each body's carry-forward took: "full" or "resumed"."""
    taken: list[str] = []
    full, resume = rebuild.rebuild_body, rebuild.resume_body

    def rebuild_body(session: Session, body_id: int) -> None:
        taken.append("full")
        full(session, body_id)

    def resume_body(session: Session, body_id: int, document_id: int) -> bool:
        done = resume(session, body_id, document_id)
        if done:
            taken.append("resumed")
        return done

    monkeypatch.setattr(rebuild, "rebuild_body", rebuild_body)
    monkeypatch.setattr(rebuild, "resume_body", resume_body)
    snapshot._KEPT.clear()
    return taken


def full_rebuild_of(tmp_path: Any, papers: list[Extraction]) -> list[Any]:
    """The threads a store holding `papers` gets from a rebuild from the start."""
    with open_session(f"sqlite:///{tmp_path}/full.sqlite") as s:
        save_all(s, *papers)
        carry.refresh(s, s.scalars(select(db.Body.id)).all())
        s.commit()
        return threads(s)


SERIES = [minutes(n) for n in range(14)]


def test_saves_in_date_order_resume_and_equal_a_full_rebuild(session: Session, tmp_path: Any,
                                                              spy: list[str]) -> None:
    save_all(session, *SERIES)
    assert spy == ["full"] + ["resumed"] * (len(SERIES) - 1)
    one_by_one = threads(session)
    assert any(len(h) > 2 for _t, h in one_by_one)  # threads really carried forward
    assert one_by_one == full_rebuild_of(tmp_path, SERIES)
    before = threads(session)
    carry.refresh(session, session.scalars(select(db.Body.id)).all())  # and both ways
    assert threads(session) == before


@pytest.mark.parametrize("every", [1, 5])
def test_a_new_process_resumes_from_the_stored_state(session: Session, tmp_path: Any,
                                                     spy: list[str], every: int) -> None:
    """Without this process's copy (lost every `every` saves), the table's copy, which may
    lag behind, is where the fold resumes; folding the meetings since then again changes
    nothing."""
    for n, paper in enumerate(SERIES):
        if n % every == 0:
            snapshot._KEPT.clear()
        save_all(session, paper)
    assert spy.count("resumed") == len(SERIES) - 1
    assert threads(session) == full_rebuild_of(tmp_path, SERIES)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_order_papers_arrive_in_does_not_matter(session: Session, tmp_path: Any,
                                                    spy: list[str], seed: int) -> None:
    shuffled = SERIES[:]
    random.Random(seed).shuffle(shuffled)
    save_all(session, *shuffled)
    assert "full" in spy[1:]  # a paper earlier than the folded ones took the full path
    assert threads(session) == full_rebuild_of(tmp_path, SERIES)


def test_a_correction_of_an_earlier_meeting_rebuilds_and_later_saves_resume(
        session: Session, tmp_path: Any, spy: list[str]) -> None:
    save_all(session, *SERIES[:6])
    first = session.scalar(select(db.Action.id).join(db.Meeting)
                           .where(db.Meeting.date == _date(1)).order_by(db.Action.id))
    assert first is not None
    spy.clear()
    correct_action(session, first, status="closed", note="done by hand",
                   now=dt.datetime(2025, 1, 9, 12, tzinfo=dt.UTC))
    assert spy == ["full"]
    save_all(session, *SERIES[6:])
    assert spy[1:] == ["resumed"] * len(SERIES[6:])
    with open_session(f"sqlite:///{tmp_path}/full.sqlite") as s:
        save_all(s, *SERIES[:6])
        correct_action(s, first, status="closed", note="done by hand",
                       now=dt.datetime(2025, 1, 9, 12, tzinfo=dt.UTC))
        save_all(s, *SERIES[6:])
        carry.refresh(s, [1])
        s.commit()
        assert threads(session) == threads(s)


def test_a_second_source_of_a_folded_meeting_takes_the_full_path(
        session: Session, tmp_path: Any, spy: list[str]) -> None:
    """The same meeting in another file, with one more action: facts before the state."""
    again = minutes(3, extra="Clerk to post the notice about the fete", file="again.pdf")
    save_all(session, *SERIES[:8])
    spy.clear()
    save_all(session, again)
    assert spy == ["full"]
    save_all(session, *SERIES[8:])
    assert spy[1:] == ["resumed"] * len(SERIES[8:])
    assert threads(session) == full_rebuild_of(tmp_path, [*SERIES, again])


def test_other_rules_or_a_rolled_back_save_leave_no_state_to_resume(
        session: Session, tmp_path: Any, spy: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    save_all(session, *SERIES[:4])
    monkeypatch.setattr(snapshot, "rules", lambda: "other rules")
    spy.clear()
    save_all(session, SERIES[4])
    assert spy == ["full"]  # a state made by other rules is not used
    monkeypatch.undo()
    from store import save as save_module

    def broken(*_a: Any, **_k: Any) -> bool:
        raise RuntimeError("disk full")
    monkeypatch.setattr(save_module, "_add_file", broken)
    with pytest.raises(RuntimeError):
        save_all(session, SERIES[5])  # folded in memory, then rolled back
    monkeypatch.undo()
    save_all(session, *SERIES[5:])
    assert threads(session) == full_rebuild_of(tmp_path, SERIES)


def test_a_batch_keeps_its_state_and_writes_the_table_copy_every_lag_meetings(
        session: Session, spy: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Pickling costs in proportion to the history: a batch neither reads its own state
    back nor writes it on every save."""
    calls = {"loads": 0, "dumps": 0}
    real = snapshot.pickle

    class Counting:
        HIGHEST_PROTOCOL = real.HIGHEST_PROTOCOL

        @staticmethod
        def loads(blob: bytes) -> Any:
            calls["loads"] += 1
            return real.loads(blob)

        @staticmethod
        def dumps(state: Any, protocol: int) -> bytes:
            calls["dumps"] += 1
            return real.dumps(state, protocol=protocol)

    monkeypatch.setattr(snapshot, "pickle", Counting)
    monkeypatch.setattr(snapshot, "LAG", 5)
    save_all(session, *SERIES[:11])
    assert spy == ["full"] + ["resumed"] * 10
    assert calls == {"loads": 0, "dumps": 3}  # the full rebuild, then after 5 and 10 more
    snapshot._KEPT.clear()  # a new process: reads the table's copy, and writes it back
    save_all(session, SERIES[11])
    assert calls == {"loads": 1, "dumps": 4}


def test_a_reference_to_a_cold_thread_takes_the_full_path(session: Session, tmp_path: Any,
                                                           spy: list[str]) -> None:
    """Of closed threads the body stopped speaking of, the fold's state keeps only their
    references (so the state a save reads stays the size of the recent business); a later
    row with one's reference cannot be folded onto it, so that save rebuilds in full."""
    save_all(session, *SERIES[:13])
    (_, snap), = snapshot._KEPT.values()
    from store.carry.said import ref_key
    cold = snap.pool.cold_full
    assert cold and not any(t.refs & cold for t in snap.pool.threads)
    ref, text = next((r, x) for r, x, s in session.execute(
        select(db.ActionThread.ref, db.ActionThread.text, db.ActionThread.status)
        .order_by(db.ActionThread.ref)) if ref_key(r) in cold and s == "closed")
    late = minutes(13)
    late.meetings[0].actions.append(Action(
        "2", text, owners=["Jo Clerk"], ref=ref, update="Reopened: needs doing again",
        evidence=ev(2, 7)))
    spy.clear()
    save_all(session, late)
    assert spy == ["full"]
    assert threads(session) == full_rebuild_of(tmp_path, [*SERIES[:13], late])
    reopened = session.scalar(select(db.ActionThread.status).where(
        db.ActionThread.ref == ref))
    assert reopened == "open"


def _dropping(n: int) -> Extraction:
    """The n-th minutes of a body that reprints its open actions in full: four new rows,
    and the last meeting's rows carried on with an update, one of them left out."""
    rows = [Action("3", f"Clerk to {TASKS[(n + k) % len(TASKS)]} (batch {n})",
                   owners=["Jo Clerk"], ref=f"B{n:02d}.{k}", evidence=ev(2, k))
            for k in range(4)]
    if n:
        rows += [Action("2", f"Clerk to {TASKS[(n - 1 + k) % len(TASKS)]} (batch {n - 1})",
                        owners=["Jo Clerk"], ref=f"B{n - 1:02d}.{k}", update="In hand",
                        evidence=ev(2, 10 + k)) for k in range(1, 4)]
    meeting = Meeting(
        body=BODY, organisation=ORG, date=_date(n), record="minutes",  # type: ignore[arg-type]
        pages=(1, 3), attendees=[Attendee("Jo Clerk", category="officer", evidence=ev(1, 1))],
        actions=rows)
    name = f"dropping-{_date(n)}.pdf"
    return Extraction(SourceInfo(name, sha(name + repr(meeting)), "pdf", 3),
                      meetings=[meeting])


def test_old_closures_by_omission_stay_flagged_when_a_new_process_resumes(
        session: Session, tmp_path: Any, spy: list[str]) -> None:
    """The fold's state forgets the omission flags of meetings long past (they are written
    and cannot change); a save by a new process, which rewrites the body's carry flags from
    the state, keeps them."""
    papers = [_dropping(n) for n in range(12)]
    for paper in papers:
        snapshot._KEPT.clear()
        save_all(session, paper)
    assert spy.count("resumed") == len(papers) - 1
    state = session.get(db.CarrySnapshot, 1)
    assert state is not None
    kept = snapshot.pickle.loads(state.state).pool.closing
    assert kept.frozen_before > 0 and len(kept.flags) < 11  # old ones no longer held
    flags = session.scalars(select(db.Flag.message).where(
        db.Flag.kind == "action-closed-by-omission")).all()
    assert len(flags) == 11  # one row dropped at each meeting after the first, all kept
    assert threads(session) == full_rebuild_of(tmp_path, papers)

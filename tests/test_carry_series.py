"""The carry-forward measured on a real series against a ground truth read by hand
(tests/fixtures/carry/souldern-series.json, scored by scripts/carry_score.py), and the
measure itself on tiny invented records.

The series test skips where ../shared is absent. Its floors are the values measured on main
on 2026-12-06 after issue 10; raise them as the work improves.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT.parent / "shared" / "realdocs" / "extra" / "souldern-series"
TRUTH = ROOT / "tests" / "fixtures" / "carry" / "souldern-series.json"

_spec = importlib.util.spec_from_file_location("_boardpapers_carry_score",
                                               ROOT / "scripts" / "carry_score.py")
cs = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = cs  # its dataclasses look their module up while being built
_spec.loader.exec_module(cs)

D = dt.date


# ---- the fixture: facts, consistent with its own header ---------------------------------

def test_truth_fixture_is_consistent():
    doc = json.loads(TRUTH.read_text())
    assert doc["format"] == "boardpapers/carry-truth@1"
    meetings = {m["date"] for m in doc["series"]["meetings"]}
    ids = [a["id"] for a in doc["actions"]]
    assert len(ids) == len(set(ids)) == doc["counts"]["actions"]
    fates = {f: sum(a["fate"] == f for a in doc["actions"]) for f in ("closed", "open", "unknown")}
    assert fates == {**{f: 0 for f in fates}, **doc["counts"]["fate"]}
    for a in doc["actions"]:
        assert a["raised"] in meetings, a["id"]
        assert 1 <= len(a["key_words"]) <= 6, a["id"]  # facts, not sentences of the paper
        assert all(m["date"] in meetings and m["date"] > a["raised"] for m in a["mentions"])
        assert (a["closure"] is not None) == (a["fate"] == "closed"), a["id"]
        if a["closure"]:
            assert a["closure"]["date"] in meetings and a["closure"]["date"] >= a["raised"]
            assert a["closure"]["how"] in ("completed-row", "done-report", "narrative",
                                           "no-outstanding", "dropped")
        assert a["restates"] is None or a["restates"] in ids
    if SERIES.is_dir():
        assert {m["file"] for m in doc["series"]["meetings"]} == \
            {p.name for p in SERIES.glob("*.pdf")}


# ---- the real series ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def series_score():
    if not SERIES.is_dir():
        pytest.skip("../shared/realdocs/extra/souldern-series is not present here")
    return cs.score()


def test_series_open_list_floors(series_score):
    # Floors a little under the values measured after issue 10 (2026-12-06); before it, at
    # the last meeting 4 right of 133 listed (0.03), rolling precision 0.137. The measured
    # values are against the truth's second reading (122 actions; the first read 116).
    rep, roll = series_score
    c = rep.counts
    assert c["truth_found"] >= 110  # 111 of 122 truth actions
    assert c["open_precision"] >= 0.70  # 0.75: 3 right of 4 listed at the last meeting
    assert c["open_recall"] >= 0.95  # 1.0: the 3 truth-open actions found are listed
    assert roll["open_precision"] >= 0.89  # 0.902, summed over the 20 meetings
    # 0.959: "no outstanding actions" (May 2024) closes two narrative tasks with no doer
    # named that the truth reads as of unknown fate; by the rule it closes what the body
    # carried, and the closure cites the sentence (tests/test_notes.py).
    assert roll["open_recall"] >= 0.95
    assert roll["owner_right"] >= 0.93  # 0.94 (before: 0.847, initials not resolved)


def test_series_merges_splits_and_closures(series_score):
    c = series_score[0].counts
    assert c["merged_threads"] == 0  # none before or after: keep it
    # 2 (23 before issue 10): an unnumbered row under a numbered one, and a report of a
    # promise broken read as a task under a reference
    assert c["split_actions"] <= 2
    # of 83 closures of actions found, closed on every thread the action has: 82 (19
    # before), 74 at the truth's meeting, 8 at another (3 of them early)
    assert c["closures_found"] >= 80
    assert c["closures_right_meeting"] >= 72
    # 2: the two "no outstanding" closures above
    assert c["wrong_closures"] <= 2


# ---- the measure on invented records ------------------------------------------------------

MEETINGS = [D(2031, 1, 10), D(2031, 2, 14), D(2031, 3, 14), D(2031, 4, 11), D(2031, 5, 9)]


def _t(id, raised, kw, ref=None, fate="closed", closed=None, spoken=(), accept=(),
       restates=None, how="completed-row"):
    return cs.Truth(id=id, raised=raised, ref=ref, key_words=tuple(kw.split()), fate=fate,
                    closed=closed, closed_how=how if closed else None,
                    also_accept=frozenset(accept),
                    spoken_on=frozenset(spoken) | ({closed} if closed else set()),
                    restates=restates)


def _th(id, raised, text, status="open", ref=None, closed_on=None, stale=False, mentions=()):
    return cs.Thread(id=id, raised_on=raised, ref=ref, text=text, status=status,
                     closed_on=closed_on, stale=stale,
                     mentions=tuple(cs.Mention(d, r, w) for d, r, w in mentions))


def test_key_words_are_found_in_glued_text_but_not_inside_other_words():
    assert cs.overlap(("repaint", "bench"), "Clerktorepaintthebenchbythepond") == 1.0
    assert cs.overlap(("post", "office"), "Treasurer to create a poster") == 0.0
    assert cs.overlap(("poster",), "the posters went up") == 1.0


def test_a_reused_reference_is_told_apart_by_its_words():
    truth = [_t("A", MEETINGS[0], "repaint bench pond", ref="Jan31.01", fate="open"),
             _t("B", MEETINGS[0], "hedge cutting quotes", ref="Jan31.01", fate="open")]
    hit = cs.best_truth(truth, MEETINGS[0], "Jan31.01", "Treasurer to obtain hedge cutting quotes")
    assert hit is not None and hit.id == "B"
    # an older action this meeting does not speak of is no candidate, however similar
    assert cs.best_truth(truth, MEETINGS[1], None, "repaint the bench by the pond") is None


def test_a_thread_holding_two_actions_is_a_wrong_merge_unless_one_restates_the_other():
    truth = [_t("A", MEETINGS[0], "repaint bench pond", fate="open", spoken=[MEETINGS[1]]),
             _t("B", MEETINGS[1], "hedge cutting quotes", fate="open"),
             _t("C", MEETINGS[1], "repaint bench second coat", fate="open", restates="A")]
    merged = _th(1, MEETINGS[0], "Clerk to repaint the bench by the pond",
                 mentions=[(MEETINGS[1], None, "Chair to get hedge cutting quotes")])
    rep = cs.measure(truth, [merged], MEETINGS[1], MEETINGS)
    assert rep.counts["merged_threads"] == 1
    restated = _th(1, MEETINGS[0], "Clerk to repaint the bench by the pond",
                   mentions=[(MEETINGS[1], None, "repaint bench: second coat")])
    assert cs.measure(truth, [restated], MEETINGS[1], MEETINGS).counts["merged_threads"] == 0


def test_one_action_raised_as_two_threads_is_a_split_and_the_second_row_is_noise():
    truth = [_t("A", MEETINGS[0], "repaint bench pond", fate="open")]
    threads = [_th(1, MEETINGS[0], "Clerk to repaint the bench by the pond"),
               _th(2, MEETINGS[0], "Bench by the pond: Clerk to repaint")]
    c = cs.measure(truth, threads, MEETINGS[0], MEETINGS).counts
    assert (c["split_actions"], c["tp"], c["listed_counted"]) == (1, 1, 2)
    assert c["open_precision"] == 0.5 and c["open_recall"] == 1.0


def test_open_list_against_the_truth_at_that_meeting():
    truth = [_t("open", MEETINGS[0], "repaint bench pond", fate="open"),
             _t("done", MEETINGS[0], "hedge cutting quotes", closed=MEETINGS[2]),
             _t("later", MEETINGS[3], "order new litter bin", fate="open")]
    threads = [_th(1, MEETINGS[0], "Clerk to repaint the bench by the pond"),
               _th(2, MEETINGS[0], "Chair to get hedge cutting quotes"),
               _th(3, MEETINGS[0], "Vice-chair to chase the bus timetable")]
    before = cs.measure(truth, threads, MEETINGS[1], MEETINGS).counts
    assert (before["tp"], before["listed_counted"]) == (2, 3)  # 'done' still open then
    after = cs.measure(truth, threads, MEETINGS[2], MEETINGS)
    assert (after.counts["tp"], after.counts["listed_counted"]) == (1, 3)
    assert any("matches no truth action" in w for w in after.lists["open_list_wrong"])
    closed = [threads[0], _th(2, MEETINGS[0], "Chair to get hedge cutting quotes",
                              status="closed", closed_on=MEETINGS[2])]
    c = cs.measure(truth, closed, MEETINGS[2], MEETINGS).counts
    assert (c["open_precision"], c["closures_found"], c["closures_right_meeting"]) == (1.0, 1, 1)


def test_a_closure_at_another_meeting_is_found_but_not_right_unless_also_accepted():
    truth = [_t("A", MEETINGS[0], "hedge cutting quotes", closed=MEETINGS[2],
                accept=[MEETINGS[3]])]
    for day, right in ((MEETINGS[1], 0), (MEETINGS[3], 1)):
        th = _th(1, MEETINGS[0], "hedge cutting quotes", status="closed", closed_on=day)
        c = cs.measure(truth, [th], MEETINGS[4], MEETINGS).counts
        assert (c["closures_found"], c["closures_right_meeting"]) == (1, right)


def test_a_closure_at_another_meeting_is_early_or_late_not_a_wrong_closure():
    # a wrong closure is an open or silent action closed; a done one closed at another
    # meeting is counted apart, early (it left the list while still open) or late
    truth = [_t("A", MEETINGS[0], "hedge cutting quotes", closed=MEETINGS[2])]
    for day, early in ((MEETINGS[1], 1), (MEETINGS[3], 0)):
        th = _th(1, MEETINGS[0], "hedge cutting quotes", status="closed", closed_on=day)
        c = cs.measure(truth, [th], MEETINGS[4], MEETINGS).counts
        assert (c["closures_other_meeting"], c["closures_early"], c["wrong_closures"]) == (
            1, early, 0)


def test_silent_actions_go_stale_and_must_be_marked_not_closed():
    truth = [_t("S", MEETINGS[0], "repaint bench pond", fate="unknown")]
    assert [cs.state_at(truth[0], m, MEETINGS) for m in MEETINGS] == \
        ["open", "open", "open", "stale", "stale"]
    day = MEETINGS[3]
    plain = cs.measure(truth, [_th(1, MEETINGS[0], "repaint the bench by the pond")], day,
                       MEETINGS).counts
    assert (plain["listed_counted"], plain["tp"]) == (1, 0)
    marked = cs.measure(truth, [_th(1, MEETINGS[0], "repaint the bench by the pond",
                                    stale=True)], day, MEETINGS).counts
    assert (marked["listed_counted"], marked["open_listed_stale_left_out"]) == (0, 1)
    silently = cs.measure(truth, [_th(1, MEETINGS[0], "repaint the bench by the pond",
                                      status="closed", closed_on=day)], day, MEETINGS).counts
    assert silently["stale_truth"]["closed silently"] == 1 and silently["wrong_closures"] == 1


def test_a_closure_on_one_of_two_split_threads_leaves_the_action_on_the_list():
    truth = [_t("A", MEETINGS[0], "hedge cutting quotes", closed=MEETINGS[2])]
    threads = [_th(1, MEETINGS[0], "hedge cutting quotes", status="closed",
                   closed_on=MEETINGS[2]),
               _th(2, MEETINGS[0], "Chair: hedge cutting quotes")]
    c = cs.measure(truth, threads, MEETINGS[3], MEETINGS).counts
    assert (c["closures_found"], c["closures_left_open_by_a_split"]) == (0, 1)
    threads[1] = _th(2, MEETINGS[0], "Chair: hedge cutting quotes", status="closed",
                     closed_on=MEETINGS[2])
    assert cs.measure(truth, threads, MEETINGS[3], MEETINGS).counts["closures_found"] == 1


def test_the_owner_read_out_is_right_by_name_surname_or_role():
    t = cs.Truth(id="A", raised=MEETINGS[0], ref=None, key_words=("repaint", "bench"),
                 fate="open", closed=None, closed_how=None, also_accept=frozenset(),
                 spoken_on=frozenset(), owners=("Priya Okafor", "Clerk"))
    for owners, right in ((("Priya Okafor",), True), (("Okafor",), True), (("Clerk",), True),
                          (("Tom Okoro",), False), ((), False)):
        th = cs.Thread(id=1, raised_on=MEETINGS[0], ref=None, text="repaint the bench",
                       status="open", owners=owners)
        assert cs.owner_right(t, th) is right, owners
        assert cs.measure([t], [th], MEETINGS[0], MEETINGS).counts["open_owner_right"] == right
    nobody = cs.Truth(id="B", raised=MEETINGS[0], ref=None, key_words=("litter",), fate="open",
                      closed=None, closed_how=None, also_accept=frozenset(), spoken_on=frozenset())
    for owners, right in (((), True), (("Clerk",), False)):
        th = cs.Thread(id=2, raised_on=MEETINGS[0], ref=None, text="litter", status="open",
                       owners=owners)
        assert cs.owner_right(nobody, th) is right, owners


# ---- a clerk's session on the real series ----------------------------------------------------

@pytest.fixture(scope="module")
def series_store(tmp_path_factory):
    if not SERIES.is_dir():
        pytest.skip("../shared/realdocs/extra/souldern-series is not present here")
    from typer.testing import CliRunner

    from boardpapers.cli import app
    url = f"sqlite:///{tmp_path_factory.mktemp('series') / 'series.sqlite'}"
    assert CliRunner().invoke(app, ["run", str(SERIES), "--db", url]).exit_code == 0
    return url


def test_series_clerk_session_finds_each_person_however_typed(series_store):
    # The truth names who each action's owners are; the store must give the same open
    # actions for the clerk by office, by name and by the initials the minutes print, and
    # for the chair typed four ways.
    from store import open_session, outstanding_actions
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    clerk = next(o for a in truth["actions"] if "Clerk" in a["owners"]
                 for o in a["owners"] if o != "Clerk")
    first, last = clerk.split()
    today = D(2025, 4, 24)
    with open_session(series_store) as s:
        def ids(owner):
            return {v.thread_id for v in outstanding_actions(s, today=today, owner=owner,
                                                            status="all")}
        by_office = ids("Clerk")
        assert by_office
        for typed in (clerk, f"{last}, {first}", first,
                      "".join(w[0] for w in clerk.split())):
            assert ids(typed) == by_office, typed

"""The clerk's desk (`boardpapers serve`, package web/) through Flask's test client, on a
store built by running the pipeline on the repo's samples and an invented paper. Assertions
read the JSON twins; the HTML is checked for escaping, forms and the CSRF token."""
from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from _desk import SCRIPT_ACTION, csrf_token, run_pipeline, write_paper
from conftest import SAMPLES
from sqlalchemy import select, update
from typer.testing import CliRunner

from boardpapers.cli import app as cli
from store import db as store_db
from store import open_session, schema
from web import create_app
from web.serve import bind_refusal


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a store file made by the pipeline, the folder of the invented paper)."""
    root = tmp_path_factory.mktemp("desk")
    papers = root / "papers"
    write_paper(papers)
    store = root / "base.sqlite"
    run_pipeline(f"sqlite:///{store}", [SAMPLES, papers])
    store_db.dispose_all()
    return store, papers


@pytest.fixture
def url(built: tuple[Path, Path], tmp_path: Path):  # type: ignore[no-untyped-def]
    copy = tmp_path / "store.sqlite"
    shutil.copy(built[0], copy)
    yield f"sqlite:///{copy}"
    store_db.dispose_all()


@pytest.fixture
def client(url: str):  # type: ignore[no-untyped-def]
    return create_app(url, secret="test-secret").test_client()


def _queue_flags(data: dict) -> list[dict]:
    return [f for m in data["meetings"] for k in m["kinds"] for f in k["flags"]]


def _flag_with_action(client, text_part: str) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    for f in _queue_flags(client.get("/review.json").get_json()):
        for a in f["actions"]:
            if text_part in a["text"]:
                return f, a
    raise AssertionError(f"no open flag on an action with {text_part!r}")


# -- the queue and the JSON twins ----------------------------------------------------------------

def test_queue_groups_open_flags_by_meeting_newest_first_then_kind(client, url) -> None:
    data = client.get("/review.json").get_json()
    with open_session(url) as s:
        stored = s.scalars(select(schema.Flag).where(schema.Flag.dismissed.is_(False))).all()
    assert data["total"] == len(stored) == len(_queue_flags(data)) > 0
    dates = [m["date"] for m in data["meetings"] if m["date"]]
    assert dates == sorted(dates, reverse=True)
    for m in data["meetings"]:
        assert m["count"] == sum(k["count"] for k in m["kinds"])
        assert [k["kind"] for k in m["kinds"]] == sorted(k["kind"] for k in m["kinds"])
        for k in m["kinds"]:
            assert k["count"] == len(k["flags"]) and all(f["kind"] == k["kind"]
                                                        for f in k["flags"])
    # an action flag shows the action's row and why it was flagged
    flag, action = _flag_with_action(client, "Oswald Quarrie")
    assert flag["kind"] == "action-no-owner" and "without an owner" in flag["message"]
    assert action["owner_text"] is None and action["owners"] == []
    assert any("Oswald Quarrie" in w for w in flag["words"])
    # the body's people for the owner picker
    assert "Tobias Wren" in data["people"][str(flag["body_id"])]


def test_accept_json_answers_like_the_json_url(client) -> None:
    for path in ("/review", "/meetings", "/actions", "/people", "/rag", "/corrections"):
        by_url = client.get(path + ".json").get_json()
        by_accept = client.get(path, headers={"Accept": "application/json"})
        assert by_accept.content_type == "application/json", path
        assert by_accept.get_json() == by_url, path
    assert client.get("/review").content_type.startswith("text/html")


def test_meeting_page_lists_attendance_by_category_apologies_decisions_actions(client) -> None:
    meetings = client.get("/meetings.json").get_json()["meetings"]
    brook = next(m for m in meetings if m["body"] == "Brookfield Parish Council")
    assert (brook["date"], brook["attendees"], brook["apologies"]) == ("2024-05-20", 4, 1)
    data = client.get(f"/meetings/{brook['id']}.json").get_json()
    people = {p["name"]: c["category"] for c in data["attendance"] for p in c["people"]}
    assert people["Tobias Wren"] == "member" and "Peter Lark" in people
    assert [p["name"] for p in data["apologies"]] == ["Harriet Dennison"]
    assert any("fence be repaired" in r["text"] for r in data["resolutions"])
    assert {a["text"] for a in data["actions"]} >= {SCRIPT_ACTION}
    assert client.get("/meetings/99999.json").status_code == 404


def test_action_log_filters_and_sorts(client) -> None:
    every = client.get("/actions.json?status=all").get_json()
    open_ = client.get("/actions.json").get_json()
    closed = client.get("/actions.json?status=closed").get_json()
    assert every["count"] == open_["count"] + closed["count"] > 0
    assert all(a["status"] == "open" for a in open_["actions"])
    brook = client.get("/actions.json?status=all&body=Brookfield").get_json()
    assert brook["count"] == 2 and {a["body"] for a in brook["actions"]} == {
        "Brookfield Parish Council"}
    lark = client.get("/actions.json?person=Peter+Lark").get_json()
    assert [a["text"] for a in lark["actions"]] == [SCRIPT_ACTION]
    ranged = client.get("/actions.json?status=all&from=2024-01-01&to=2024-12-31").get_json()
    assert ranged["count"] == 2
    older = client.get("/actions.json?status=all&to=2020-12-31").get_json()
    assert older["count"] == every["count"] - 2
    due = [a["due"] for a in client.get("/actions.json?status=all&sort=due")
           .get_json()["actions"]]
    dated = [d for d in due if d]
    assert dated == sorted(dated) and due[:len(dated)] == dated  # undated last
    overdue = client.get("/actions.json?overdue=1").get_json()
    today = dt.date.today().isoformat()
    assert all(a["overdue"] and a["due"] < today for a in overdue["actions"])
    assert client.get("/actions.json?sort=nonsense").status_code == 400
    assert client.get("/actions.json?from=yesterday").status_code == 400


def test_person_page_lists_their_open_actions(client) -> None:
    people = client.get("/people.json").get_json()["people"]
    lark = next(p for p in people if p["name"] == "Peter Lark")
    data = client.get(f"/people/{lark['id']}.json").get_json()
    assert data["body"] == "Brookfield Parish Council"
    assert [a["text"] for a in data["open_actions"]] == [SCRIPT_ACTION]
    assert [m["date"] for m in data["meetings"]] == ["2024-05-20"]
    assert client.get("/people/99999.json").status_code == 404


def test_rag_items_with_their_status_meeting_by_meeting(client) -> None:
    items = client.get("/rag.json").get_json()["items"]
    assert items and all(i["steps"] for i in items)
    moved = [i for i in items if len(i["steps"]) > 1]
    for i in moved or items[:1]:
        assert i["trend"] == " → ".join((s["status"] or "unrated").title()
                                        for s in i["steps"])


# -- fixing in place ------------------------------------------------------------------------------

def test_correct_owner_through_the_form_then_redirect_with_message(client, url) -> None:
    flag, action = _flag_with_action(client, "Oswald Quarrie")
    token = csrf_token(client.get("/review").get_data(as_text=True))
    posted = client.post(f"/actions/{action['id']}/correct",
                         data={"csrf_token": token, "owner": "Tobias Wren",
                               "due": "2024-06-30", "note": "from the recording",
                               "next": "/review?kind=action-no-owner"})
    assert posted.status_code == 302
    assert posted.headers["Location"] == "/review?kind=action-no-owner"
    page = client.get(posted.headers["Location"]).get_data(as_text=True)
    assert "corrected (owner, due)" in page and "Tobias Wren" in page
    # the fix removed the flag's cause: it closed itself (not dismissed: the clerk did not)
    assert flag["id"] not in {f["id"] for f in _queue_flags(client.get("/review.json")
                                                          .get_json())}
    after = next(a for a in client.get("/actions.json?status=all").get_json()["actions"]
                 if a["id"] == action["id"])
    assert after["owners"] == ["Tobias Wren"] and after["due"] == "2024-06-30"
    with open_session(url) as s:
        closed = s.get(schema.Flag, flag["id"])
        assert closed.resolved and not closed.dismissed
    with open_session(url) as s:
        kinds = {c.kind for c in s.scalars(select(schema.Correction))}
    assert kinds == {"owner", "due"}


def test_a_correction_the_store_refuses_is_a_message_not_an_error(client) -> None:
    token = csrf_token(client.get("/review").get_data(as_text=True))
    posted = client.post("/actions/99999/correct", data={"csrf_token": token, "owner": "X Y"},
                         follow_redirects=True)
    assert posted.status_code == 200
    assert "there is no action 99999" in posted.get_data(as_text=True)


def test_close_with_note_not_an_action_and_dismiss_flag(client, url) -> None:
    html = client.get("/review").get_data(as_text=True)
    token = csrf_token(html)
    _, quarrie = _flag_with_action(client, "Oswald Quarrie")
    stale, stale_action = next((f, f["actions"][0]) for f in _queue_flags(
        client.get("/review.json").get_json()) if f["kind"] == "action-stale")
    assert client.post(f"/actions/{stale_action['id']}/close",
                       data={"csrf_token": token, "note": "done in October"}
                       ).status_code == 302
    assert client.post(f"/actions/{quarrie['id']}/dismiss",
                       data={"csrf_token": token}).status_code == 302
    other = next(f for f in _queue_flags(client.get("/review.json").get_json())
                 if f["id"] != stale["id"])
    assert client.post(f"/flags/{other['id']}/dismiss",
                       data={"csrf_token": token, "note": "seen"}).status_code == 302
    with open_session(url) as s:
        rows = {(c.kind, c.value, c.note) for c in s.scalars(select(schema.Correction))}
        dismissed = s.get(schema.Flag, other["id"]).dismissed
    assert ("status", "closed", "done in October") in rows
    assert any(kind == "dismiss_action" for kind, _, _ in rows)
    assert any(kind == "dismiss_flag" and note == "seen" for kind, _, note in rows)
    assert dismissed
    log = client.get("/actions.json?status=all").get_json()["actions"]
    closed = next(a for a in log if a["id"] == stale_action["id"])
    assert closed["status"] == "closed" and closed["closed_by"] == "clerk"
    assert all(a["id"] != quarrie["id"] for a in log)  # not an action: out of the log


def test_merge_and_alias_people_through_the_forms(client, url) -> None:
    token = csrf_token(client.get("/people").get_data(as_text=True))
    merged = client.post("/people/merge", data={
        "csrf_token": token, "keep": "Tobias Wren", "other": "Denise Hollins",
        "body": "Brookfield"}, follow_redirects=True)
    assert "Denise Hollins merged into Tobias Wren" in merged.get_data(as_text=True)
    aliased = client.post("/people/alias", data={
        "csrf_token": token, "name": "Tobias Wren", "alias": "Toby Wren"},
        follow_redirects=True)
    assert "Toby Wren is now another name of Tobias Wren" in aliased.get_data(as_text=True)
    people = client.get("/people.json").get_json()["people"]
    wren = next(p for p in people if p["name"] == "Tobias Wren")
    assert "Toby Wren" in wren["aliases"] and "Denise Hollins" in wren["aliases"]
    assert not any(p["name"] == "Denise Hollins" for p in people)


# -- accept, bulk, add, undo ---------------------------------------------------------------------

def _meeting_id(client, body: str) -> int:  # type: ignore[no-untyped-def]
    return next(m["id"] for m in client.get("/meetings.json").get_json()["meetings"]
                if m["body"] == body)


def _corrections(client) -> list[dict]:  # type: ignore[no-untyped-def]
    return client.get("/corrections.json").get_json()["corrections"]


def test_accept_a_flag_closes_it_as_right_and_offers_undo(client, url) -> None:
    flag, _ = _flag_with_action(client, "Oswald Quarrie")
    html = client.get("/review").get_data(as_text=True)
    assert f"Accept flag {flag['id']}" in html
    posted = client.post(f"/flags/{flag['id']}/accept",
                         data={"csrf_token": csrf_token(html), "note": "no owner was named"},
                         follow_redirects=True)
    page = posted.get_data(as_text=True)
    assert f"Flag {flag['id']} accepted" in page
    [row] = _corrections(client)
    assert (row["kind"], row["note"], row["undone"]) == ("accept_flag", "no owner was named",
                                                         False)
    assert f'action="/corrections/{row["id"]}/undo"' in page  # the flash's undo button
    assert flag["id"] not in {f["id"] for f in _queue_flags(client.get("/review.json")
                                                          .get_json())}
    with open_session(url) as s:
        assert s.get(schema.Flag, flag["id"]).dismissed


def test_dismiss_all_of_a_kind_in_a_meeting_counts_and_each_is_undoable(client) -> None:
    queue = client.get("/review.json").get_json()
    group = next(m for m in queue["meetings"]
                 if any(k["kind"] == "action-stale" and k["count"] > 1 for k in m["kinds"]))
    stale = next(k for k in group["kinds"] if k["kind"] == "action-stale")
    ids = {f["id"] for f in stale["flags"]}
    others = {f["id"] for k in group["kinds"] if k["kind"] != "action-stale" for f in k["flags"]}
    html = client.get("/review").get_data(as_text=True)
    assert f"Dismiss all {stale['count']}" in html
    page = client.post(f"/meetings/{group['meeting_id']}/flags",
                       data={"csrf_token": csrf_token(html), "kind": "action-stale",
                             "how": "dismiss"}, follow_redirects=True).get_data(as_text=True)
    assert f"{len(ids)} flag(s) of kind action-stale dismissed" in page
    left = {f["id"] for f in _queue_flags(client.get("/review.json").get_json())}
    assert not ids & left and others <= left  # only that kind, only that meeting
    rows = _corrections(client)
    assert len(rows) == len(ids) and {r["kind"] for r in rows} == {"dismiss_flag"}
    token = csrf_token(client.get("/corrections").get_data(as_text=True))
    one = rows[0]["id"]
    undone = client.post(f"/corrections/{one}/undo", data={"csrf_token": token},
                         follow_redirects=True).get_data(as_text=True)
    assert f"Correction {one} (dismiss_flag) undone" in undone and "open again" in undone
    back = {f["id"] for f in _queue_flags(client.get("/review.json").get_json())} & ids
    assert len(back) == 1
    assert [r["undone"] for r in _corrections(client)].count(True) == 1
    # nothing of that kind left to close: a message, nothing recorded
    again = client.post(f"/meetings/{group['meeting_id']}/flags",
                        data={"csrf_token": token, "kind": "no-such-kind", "how": "accept"},
                        follow_redirects=True).get_data(as_text=True)
    assert "has no open flag of kind" in again and len(_corrections(client)) == len(ids)


def test_add_a_missed_action_with_a_typed_due_date_survives_a_rerun(client, url,
                                                                     built) -> None:
    meeting_id = _meeting_id(client, "Brookfield Parish Council")
    html = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "Add a missed action" in html and 'list="people-' in html
    posted = client.post(f"/meetings/{meeting_id}/actions", data={
        "csrf_token": csrf_token(html), "text": "Clerk to order two new litter bins.",
        "owner": "Peter Lark", "due": "31/3/25", "page": "2", "note": "said at item 4"},
        follow_redirects=True)
    assert "Action added to Brookfield Parish Council 2024-05-20" in posted.get_data(
        as_text=True)

    def added() -> dict:
        return next(a for a in client.get("/actions.json?status=all").get_json()["actions"]
                    if a["text"] == "Clerk to order two new litter bins.")
    first = added()
    assert first["owners"] == ["Peter Lark"] and first["due"] == "2025-03-31"
    assert first["source_page"] == 2
    store_db.dispose_all()
    run_pipeline(url, [SAMPLES, built[1]])
    store_db.dispose_all()
    assert added()["owners"] == ["Peter Lark"] and added()["due"] == "2025-03-31"
    assert _corrections(client)[0]["kind"] == "add_action"


def test_due_dates_as_people_type_them_and_an_unreadable_one_records_nothing(client,
                                                                             url) -> None:
    _, action = _flag_with_action(client, "Oswald Quarrie")
    token = csrf_token(client.get("/review").get_data(as_text=True))
    page = client.post(f"/actions/{action['id']}/correct",
                       data={"csrf_token": token, "due": "next Tuesday-ish"},
                       follow_redirects=True).get_data(as_text=True)
    assert "cannot read" in page and 'class="flash error"' in page
    assert _corrections(client) == []
    client.post(f"/actions/{action['id']}/correct",
                data={"csrf_token": token, "due": "31 March 2025"})
    after = next(a for a in client.get("/actions.json?status=all").get_json()["actions"]
                 if a["id"] == action["id"])
    assert after["due"] == "2025-03-31"
    meeting_id = _meeting_id(client, "Brookfield Parish Council")
    bad = client.post(f"/meetings/{meeting_id}/actions", data={
        "csrf_token": token, "text": "Clerk to paint the bench.", "due": "soonish"},
        follow_redirects=True).get_data(as_text=True)
    assert "cannot read" in bad and len(_corrections(client)) == 1


def test_undo_an_owner_correction_puts_the_flag_back_and_the_papers_owner(client) -> None:
    flag, action = _flag_with_action(client, "Oswald Quarrie")
    token = csrf_token(client.get("/review").get_data(as_text=True))
    fixed = client.post(f"/actions/{action['id']}/correct",
                        data={"csrf_token": token, "owner": "Tobias Wren"},
                        follow_redirects=True).get_data(as_text=True)
    [row] = _corrections(client)
    assert f'action="/corrections/{row["id"]}/undo"' in fixed  # offered at once
    assert flag["id"] not in {f["id"] for f in _queue_flags(client.get("/review.json")
                                                          .get_json())}
    listing = client.get("/corrections").get_data(as_text=True)
    assert f'id="c-{row["id"]}"' in listing and "Tobias Wren" in listing
    undone = client.post(f"/corrections/{row['id']}/undo",
                         data={"csrf_token": token, "next": "/corrections"},
                         follow_redirects=True).get_data(as_text=True)
    assert f"Correction {row['id']} (owner) undone" in undone
    assert flag["id"] in {f["id"] for f in _queue_flags(client.get("/review.json").get_json())}
    _, now = _flag_with_action(client, "Oswald Quarrie")
    assert now["owners"] == [] and now["owner_text"] is None
    [row] = _corrections(client)
    assert row["undone"] and row["undone_at"]
    assert f'/corrections/{row["id"]}/undo"' not in client.get("/corrections").get_data(
        as_text=True)  # no Undo on an undone one
    twice = client.post(f"/corrections/{row['id']}/undo", data={"csrf_token": token},
                        follow_redirects=True).get_data(as_text=True)
    assert "already undone" in twice


# -- safety --------------------------------------------------------------------------------------

def test_paper_text_holding_a_script_is_shown_as_text(client) -> None:
    meetings = client.get("/meetings.json").get_json()["meetings"]
    brook = next(m for m in meetings if m["body"] == "Brookfield Parish Council")
    for path in (f"/meetings/{brook['id']}", "/actions?status=all"):
        html = client.get(path).get_data(as_text=True)
        assert "&lt;script&gt;alert(" in html, path
        assert "<script>alert" not in html, path


def test_a_post_without_the_csrf_token_is_refused(client, url) -> None:
    _, action = _flag_with_action(client, "Oswald Quarrie")
    refused = client.post(f"/actions/{action['id']}/correct", data={"owner": "Tobias Wren"})
    assert refused.status_code == 400
    wrong = client.post(f"/actions/{action['id']}/correct",
                        data={"owner": "Tobias Wren", "csrf_token": "forged"})
    assert wrong.status_code == 400
    meeting_id = next(m["id"] for m in client.get("/meetings.json").get_json()["meetings"])
    for path, data in _new_posts(client, meeting_id):
        assert client.post(path, data=data).status_code == 400, path
    with open_session(url) as s:
        assert s.scalars(select(schema.Correction)).all() == []


def _new_posts(client, meeting_id: int) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def]
    flag, _ = _flag_with_action(client, "Oswald Quarrie")
    return [(f"/flags/{flag['id']}/accept", {}),
            (f"/meetings/{meeting_id}/flags", {"kind": flag["kind"], "how": "dismiss"}),
            (f"/meetings/{meeting_id}/actions", {"text": "Clerk to do a thing."}),
            ("/corrections/1/undo", {})]


def test_read_only_hides_forms_and_refuses_posts(url) -> None:
    client = create_app(url, read_only=True).test_client()
    html = client.get("/review").get_data(as_text=True)
    assert 'method="post"' not in html and "read-only" in html
    _, action = _flag_with_action(client, "Oswald Quarrie")
    writable = create_app(url).test_client()  # a real token, still refused
    assert client.post(f"/actions/{action['id']}/correct",
                       data={"owner": "Tobias Wren"}).status_code == 403
    token = csrf_token(writable.get("/review").get_data(as_text=True))
    assert client.post("/people/alias", data={"csrf_token": token, "name": "Tobias Wren",
                                              "alias": "TW2"}).status_code == 403
    meeting_id = next(m["id"] for m in client.get("/meetings.json").get_json()["meetings"])
    for path, data in _new_posts(client, meeting_id):
        assert client.post(path, data={**data, "csrf_token": token}).status_code == 403, path
    assert 'method="post"' not in client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert 'method="post"' not in client.get("/corrections").get_data(as_text=True)
    with open_session(url) as s:
        assert s.scalars(select(schema.Correction)).all() == []


def test_security_headers_on_every_answer(client) -> None:
    for path in ("/review", "/review.json", "/evidence/99999.png", "/static/desk.css"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert headers["X-Content-Type-Options"] == "nosniff", path


def test_inputs_are_bounded_and_redirects_stay_on_the_site(client, url) -> None:
    _, action = _flag_with_action(client, "Oswald Quarrie")
    token = csrf_token(client.get("/review").get_data(as_text=True))
    long_note = client.post(f"/actions/{action['id']}/close",
                            data={"csrf_token": token, "note": "x" * 5000})
    assert long_note.status_code == 400
    huge = client.post(f"/actions/{action['id']}/close",
                       data={"csrf_token": token, "note": "x" * 100_000})
    assert huge.status_code == 413
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil"):
        away = client.post(f"/flags/99999/dismiss", data={"csrf_token": token,
                                                         "next": target})
        assert away.headers["Location"] == "/review", target
    with open_session(url) as s:
        assert s.scalars(select(schema.Correction)).all() == []


# -- the evidence image ---------------------------------------------------------------------------

def _pdf_flag(client) -> dict:  # type: ignore[no-untyped-def]
    return next(f for f in _queue_flags(client.get("/review.json").get_json())
                if f["file"].endswith(".pdf") and f["page"] and f["words"])


def test_evidence_is_the_flags_page_as_an_image_with_the_words_boxed(client) -> None:
    from PIL import Image

    flag = _pdf_flag(client)
    assert flag["evidence"] == {"image": True, "message": None}
    got = client.get(f"/evidence/{flag['id']}.png")
    assert got.status_code == 200 and got.content_type == "image/png"
    assert got.headers["X-Evidence"] == "highlighted"
    image = Image.open(io.BytesIO(got.data))
    assert image.format == "PNG" and image.width <= 1000 and image.width * image.height <= 2_500_000
    # the box is drawn in the highlight's outline colour: some pixels are orange
    rgb = image.convert("RGB")
    assert any(r > 200 and 90 < g < 150 and b < 40
               for _, (r, g, b) in rgb.getcolors(1 << 24) or ())
    assert client.get(f"/evidence/{flag['id']}.json").get_json()["status"] == "highlighted"


def test_evidence_for_an_unknown_flag_or_a_text_paper_is_refused(client) -> None:
    assert client.get("/evidence/99999.png").status_code == 404
    assert client.get("/evidence/0.png").status_code == 404
    assert client.get("/evidence/../../etc/passwd.png").status_code == 404
    flag, _ = _flag_with_action(client, "Oswald Quarrie")  # a .txt paper: words only
    assert flag["evidence"]["image"] is False
    assert client.get(f"/evidence/{flag['id']}.png").status_code == 404
    assert client.get(f"/evidence/{flag['id']}.json").get_json()["status"] == "not-pdf"


def test_evidence_words_not_on_the_page_show_the_page_unboxed(client, url) -> None:
    flag = _pdf_flag(client)
    with open_session(url) as s:
        f = s.get(schema.Flag, flag["id"])
        for model in (schema.Action, schema.Resolution, schema.RagItem):
            s.execute(update(model).where(model.document_id == f.document_id,
                                          model.block == f.block)
                      .values(text="words printed on no page at all"))
        s.commit()
    got = client.get(f"/evidence/{flag['id']}.png")
    assert got.status_code == 200 and got.headers["X-Evidence"] == "not-found"
    assert "not found" in client.get(f"/evidence/{flag['id']}.json").get_json()["message"]


def test_evidence_only_from_recorded_paths_holding_the_same_bytes(client, url,
                                                                   tmp_path: Path) -> None:
    flag = _pdf_flag(client)
    copy = tmp_path / "moved.pdf"
    with open_session(url) as s:
        doc_id = s.get(schema.Flag, flag["id"]).document_id
        original = Path(s.scalars(select(schema.DocumentFile.path).where(
            schema.DocumentFile.document_id == doc_id)).first())
        shutil.copy(original, copy)
        s.execute(update(schema.DocumentFile).where(schema.DocumentFile.document_id == doc_id)
                  .values(path=str(copy)))
        s.commit()
    assert client.get(f"/evidence/{flag['id']}.png").status_code == 200
    copy.write_bytes(copy.read_bytes() + b"\n% changed")  # the file changed since it was read
    changed = client.get(f"/evidence/{flag['id']}.png")
    assert changed.status_code == 404 and "changed" in changed.get_data(as_text=True)
    queued = next(f for f in _queue_flags(client.get("/review.json").get_json())
                  if f["id"] == flag["id"])
    assert queued["evidence"]["image"] is False and "changed" in queued["evidence"]["message"]
    copy.unlink()
    gone = client.get(f"/evidence/{flag['id']}.json").get_json()
    assert gone["status"] == "missing" and "no longer" in gone["message"]
    assert str(tmp_path) not in client.get("/review").get_data(as_text=True)  # no paths shown


# -- serving --------------------------------------------------------------------------------------

def test_binding_beyond_localhost_needs_a_secret() -> None:
    assert bind_refusal("127.0.0.1", None) is None
    assert bind_refusal("localhost", None) is None and bind_refusal("::1", None) is None
    refusal = bind_refusal("0.0.0.0", None)
    assert refusal and "BOARDPAPERS_SECRET" in refusal and refusal.count(". ") == 0
    assert bind_refusal("0.0.0.0", "short") is not None
    assert bind_refusal("192.168.1.20", "a-long-enough-secret") is None


def test_serve_refuses_a_public_bind_without_a_secret(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BOARDPAPERS_SECRET", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0",
                                      "--db", f"sqlite:///{tmp_path / 's.sqlite'}"])
    assert result.exit_code == 2
    assert "BOARDPAPERS_SECRET" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "s.sqlite").exists()  # refused before the store was touched


def test_beyond_localhost_every_request_needs_the_password(url) -> None:
    client = create_app(url, secret="a-long-enough-secret", password=True).test_client()
    assert client.get("/review.json").status_code == 401
    import base64
    good = base64.b64encode(b"clerk:a-long-enough-secret").decode()
    bad = base64.b64encode(b"clerk:guess").decode()
    assert client.get("/review.json", headers={"Authorization": f"Basic {bad}"}
                      ).status_code == 401
    assert client.get("/review.json", headers={"Authorization": f"Basic {good}"}
                      ).status_code == 200

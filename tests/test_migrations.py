"""Schema migrations: a process killed at any point of one never bricks the store, half-made
stores from earlier releases are repaired or explained, and an up-to-date store opens
without importing Alembic.

The kill tests fork a real process that runs `boardpapers actions` on the store and SIGKILLs
itself right after its Nth write statement (CREATE, ALTER, INSERT ...), for every N until the
command finishes: each point of the migration, chosen without any sleeping. After each kill
the next command must work on the store it left, and every row must still be there.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select, text
from typer.testing import CliRunner

from boardpapers.cli import app
from store import db as store_db
from store import schema
from store.migrations import HEAD

runner = CliRunner()
WRITES = ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE")
TABLES_OF_0001 = ("documents", "organisations", "bodies", "meetings", "meeting_sources",
                  "people", "attendance", "actions", "action_owners", "flags")
MINUTES = """Finance Committee
Minutes of the meeting held on 3 March 2025

Present: Councillor Ann Bell (Chair), Councillor Tom Reed

1. Budget monitoring
Action: Tom Reed to circulate the revised forecast by 1 April 2025.
"""


def _sqlite(path: Path) -> str:
    return f"sqlite:///{path}"


def _killed_after(n: int, args: list[str]) -> bool:
    """Run `boardpapers ARGS` in a forked process that SIGKILLs itself right after its Nth
    write statement. True if it was killed; False if the command ended first (it must have
    ended well)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            writes = 0

            def count(_conn, _cursor, statement: str, *_rest) -> None:  # type: ignore[no-untyped-def]
                nonlocal writes
                words = statement.split(None, 1)
                if words and words[0].upper() in WRITES:
                    writes += 1
                    if writes == n:
                        os.kill(os.getpid(), signal.SIGKILL)

            store_db.dispose_all()  # connections inherited from the parent stay untouched
            store_db._engines.clear()
            event.listen(Engine, "after_cursor_execute", count)
            try:
                app(args, prog_name="boardpapers")
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0, f"the command failed after write {n}"
    return False


def _kill_at_every_write(template: Path | None, folder: Path) -> list[str]:
    """Kill `actions` after write 1, 2, ... on a copy of `template` (None: a new store), until
    it finishes unkilled. The URLs of the stores it left, one per kill point."""
    # Warm up here, once: each forked child then starts with Alembic and the migration
    # scripts already loaded, and spends its time on the migration itself.
    store_db.migrate(_sqlite(folder / "warm-up.sqlite"))
    store_db.dispose_all()
    left = []
    for n in range(1, 1000):
        store = folder / f"killed-after-{n}.sqlite"
        if template is not None:
            shutil.copy(template, store)
        if not _killed_after(n, ["actions", "--db", _sqlite(store)]):
            return left
        left.append(_sqlite(store))
    raise AssertionError("the migration never finished")


def _rows(url: str) -> dict[str, list[tuple]]:
    engine = store_db.make_engine(url)
    try:
        with engine.connect() as conn:
            return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY id"))]
                    for t in TABLES_OF_0001}
    finally:
        engine.dispose()


def _schema(url: str) -> list[tuple]:
    """Every table and index with the lines of its SQL as SQLite keeps them: equal for two
    stores only when they went through the same whole migration steps. The lines are
    sorted because batch mode writes a rebuilt table's constraints in set order."""
    engine = store_db.make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"))
            return [(kind, name, table, sorted(line.strip().rstrip(",").strip()
                                               for line in (sql or "").splitlines()))
                    for kind, name, table, sql in rows]
    finally:
        engine.dispose()


def _invoke(*args: str) -> None:
    done = runner.invoke(app, list(args))
    store_db.dispose_all()
    assert done.exit_code == 0, done.output + repr(done.exception)


# -- a process killed mid-migration -----------------------------------------------------------

def test_a_new_store_killed_at_any_point_of_its_first_migration_still_works(
        tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text(MINUTES, encoding="utf-8")
    left = _kill_at_every_write(None, tmp_path)
    assert len(left) > 50  # every CREATE of the schema was a kill point
    whole = _schema(_sqlite(tmp_path / "warm-up.sqlite"))
    for i, url in enumerate(left):
        # the next command, whichever it is, finishes the schema; `run` (which extracts,
        # the slow part) after every fifth kill point and the last, `actions` after the rest
        if i % 5 == 0 or i == len(left) - 1:
            _invoke("run", str(paper), "--db", url)
            with store_db.open_session(url) as s:
                assert s.scalar(select(func.count()).select_from(schema.Action)) == 1
            store_db.dispose_all()
        else:
            _invoke("actions", "--db", url)
        assert _schema(url) == whole


def _store_at(revision: str, path: Path) -> Path:
    """A store made by an older release: migrated to `revision` only, holding a meeting with
    attendance, actions with owners, flags, and the clerk's work of that release (a
    dismissed flag; from 0003, a thread the clerk closed and an alias)."""
    engine = store_db.make_engine(_sqlite(path))
    from alembic import command

    try:
        command.upgrade(store_db.alembic_config(engine), "0001")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO documents (id, sha256, file_name, format, pages, status, "
                "ingested_at) VALUES (1, 'aa', 'minutes.pdf', 'pdf', 3, 'ok', "
                "'2025-03-04 09:00:00+00')"))
            conn.execute(text("INSERT INTO organisations VALUES (1, 'Shire Council', 'shire')"))
            conn.execute(text("INSERT INTO bodies VALUES (1, 1, 'Finance Committee', 'finance')"))
            conn.execute(text("INSERT INTO meetings (id, body_id, date, record) "
                              "VALUES (1, 1, '2025-03-03', 'minutes')"))
            conn.execute(text("INSERT INTO meeting_sources (id, meeting_id, document_id) "
                              "VALUES (1, 1, 1)"))
            for pid, name in ((1, "Ann Bell"), (2, "Tom Reed")):
                conn.execute(text(
                    "INSERT INTO people (id, body_id, name, name_key, surname_key) "
                    "VALUES (:i, 1, :n, :k, :s)"),
                    {"i": pid, "n": name, "k": name.lower(), "s": name.split()[1].lower()})
                conn.execute(text(
                    "INSERT INTO attendance (id, meeting_id, person_id, category, role, "
                    "document_id) VALUES (:i, 1, :i, 'member', :r, 1)"),
                    {"i": pid, "r": "Chair" if pid == 1 else None})
            for aid, words in ((1, "circulate the revised forecast"), (2, "report on reserves")):
                conn.execute(text(
                    "INSERT INTO actions (id, meeting_id, text, status, owner_text, document_id,"
                    " page) VALUES (:i, 1, :t, 'open', 'Tom Reed', 1, 2)"),
                    {"i": aid, "t": words})
                conn.execute(text(
                    "INSERT INTO action_owners (id, action_id, position, kind, person_id, text, "
                    "text_key) VALUES (:i, :i, 0, 'person', 2, 'Tom Reed', 'tom reed')"),
                    {"i": aid})
            for fid, dismissed in ((1, True), (2, False)):
                conn.execute(text(
                    "INSERT INTO flags (id, meeting_id, kind, message, dismissed, document_id) "
                    "VALUES (:i, 1, 'no-status', 'no status given', :d, 1)"),
                    {"i": fid, "d": dismissed})
        if revision != "0001":
            command.upgrade(store_db.alembic_config(engine), revision)
            with engine.begin() as conn:
                conn.execute(text("UPDATE action_threads SET clerk_status = 'closed', "
                                  "clerk_note = 'done at the March meeting' WHERE id = 1"))
                conn.execute(text("INSERT INTO person_aliases (person_id, alias, alias_key) "
                                  "VALUES (2, 'Tommy Reed', 'tommy reed')"))
    finally:
        engine.dispose()
    return path


def _clerk_work(url: str) -> list[tuple]:
    engine = store_db.make_engine(url)
    try:
        with engine.connect() as conn:
            work = [tuple(r) for r in conn.execute(text(
                "SELECT id, dismissed FROM flags ORDER BY id"))]
            if store_db.stored_revision(engine) not in (None, "0001", "0002"):
                work += [tuple(r) for r in conn.execute(text(
                    "SELECT id, clerk_status, clerk_note FROM action_threads ORDER BY id"))]
                work += [tuple(r) for r in conn.execute(text(
                    "SELECT person_id, alias FROM person_aliases ORDER BY id"))]
            return work
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", ["0001", "0003"])
def test_an_upgrade_killed_at_any_point_loses_nothing(revision: str, tmp_path: Path) -> None:
    template = _store_at(revision, tmp_path / f"made-at-{revision}.sqlite")
    reference = tmp_path / "upgraded-whole.sqlite"
    shutil.copy(template, reference)
    _invoke("actions", "--db", _sqlite(reference))  # the upgrade, never interrupted
    expected_rows, expected_work = _rows(_sqlite(reference)), _clerk_work(_sqlite(reference))
    assert (1, True) in expected_work and len(expected_rows["actions"]) == 2

    left = _kill_at_every_write(template, tmp_path)
    assert len(left) >= 5
    whole = _schema(_sqlite(reference))
    for url in left:
        _invoke("actions", "--db", url)  # the next command finishes the upgrade
        assert _schema(url) == whole
        assert _rows(url) == expected_rows
        assert _clerk_work(url) == expected_work
        with store_db.open_session(url) as s:  # the backfill ran once, not twice
            assert s.scalar(select(func.count()).select_from(schema.ActionThread)) == 2
        store_db.dispose_all()


# -- half-made stores left by earlier releases ------------------------------------------------

def _half_made(path: Path, *, with_row: bool) -> str:
    """What a release without transactional DDL left when killed early in its first run: some
    tables, no alembic_version."""
    url = _sqlite(path)
    engine = store_db.make_engine(url)
    try:
        with engine.begin() as conn:
            for name in ("documents", "organisations", "bodies"):
                schema.Base.metadata.tables[name].create(conn)
            if with_row:
                conn.execute(text(
                    "INSERT INTO documents (sha256, file_name, format, status, reader, "
                    "ingested_at) VALUES ('aa', 'kept.pdf', 'pdf', 'ok', 'x', "
                    "'2025-03-04 09:00:00+00')"))
    finally:
        engine.dispose()
    return url


def test_an_empty_half_made_store_is_made_afresh(tmp_path: Path) -> None:
    url = _half_made(tmp_path / "half.sqlite", with_row=False)
    _invoke("actions", "--db", url)
    assert _schema(url) == _schema(_sqlite(_migrated(tmp_path / "whole.sqlite")))


def _migrated(path: Path) -> Path:
    store_db.migrate(_sqlite(path))
    return path


def _refused(url: str) -> str:
    done = runner.invoke(app, ["actions", "--db", url])
    store_db.dispose_all()
    assert done.exit_code == 2, done.output
    assert "Traceback" not in done.output and done.output.count("\n") <= 4  # one sentence
    return " ".join(done.output.split())


def test_a_half_made_store_holding_rows_is_explained_and_left_alone(tmp_path: Path) -> None:
    url = _half_made(tmp_path / "half.sqlite", with_row=True)
    said = _refused(url)
    assert "no record of its schema version" in said and "restore it from a backup" in said
    engine = store_db.make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT file_name FROM documents")).scalars().all() == \
            ["kept.pdf"]
    engine.dispose()


def test_an_upgrade_an_earlier_release_left_half_done_is_explained(tmp_path: Path) -> None:
    # killed inside 0004 by an old release: the new table made, the version still 0003
    path = _store_at("0003", tmp_path / "old.sqlite")
    engine = store_db.make_engine(_sqlite(path))
    with engine.begin() as conn:
        schema.Base.metadata.tables["corrections"].create(conn)
    engine.dispose()
    said = _refused(_sqlite(path))
    assert "could not be upgraded from schema version 0003" in said
    assert "corrections already exists" in said and "rows are intact" in said
    assert _clerk_work(_sqlite(path))[0] == (1, True)


def test_a_store_from_a_newer_release_is_explained(tmp_path: Path) -> None:
    url = _sqlite(_migrated(tmp_path / "newer.sqlite"))
    engine = store_db.make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    engine.dispose()
    assert "made by a newer release, so upgrade boardpapers" in _refused(url)


# -- Alembic only when a migration is due ----------------------------------------------------

def test_head_constant_is_the_head_alembic_computes() -> None:
    from alembic.script import ScriptDirectory

    assert HEAD == ScriptDirectory.from_config(store_db.alembic_config()).get_current_head()


def test_opening_an_up_to_date_store_does_not_import_alembic(tmp_path: Path) -> None:
    url = _sqlite(_migrated(tmp_path / "store.sqlite"))
    child = f"""
import sys
from sqlalchemy import func, select
from store import open_session, schema
with open_session({url!r}) as s:
    s.scalar(select(func.count()).select_from(schema.Document))
print("alembic" in sys.modules, any(m.startswith("alembic.") for m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.split() == ["False", "False"]
    # and a store behind head still imports it, and is upgraded
    behind = tmp_path / "behind.sqlite"
    engine = store_db.make_engine(_sqlite(behind))
    from alembic import command

    command.upgrade(store_db.alembic_config(engine), "0003")
    engine.dispose()
    done = subprocess.run([sys.executable, "-c", child.replace(url, _sqlite(behind))],
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["True", "True"]
    engine = store_db.make_engine(_sqlite(behind))
    assert store_db.stored_revision(engine) == HEAD
    engine.dispose()


def test_alembic_first_imported_under_a_passing_stdout_still_reports(tmp_path: Path) -> None:
    """Alembic is imported lazily, maybe while a test runner (or a caller) has swapped
    sys.stdout for a stream it later closes: its messages must go to the stdout of now."""
    url = _sqlite(_migrated(tmp_path / "store.sqlite"))
    child = f"""
import contextlib, io
from store import db
passing = io.StringIO()
with contextlib.redirect_stdout(passing):
    import alembic.config
passing.close()
from alembic import command
engine = db.make_engine({url!r})
command.check(db.alembic_config(engine))
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "No new upgrade operations detected" in done.stdout


def test_upgrade_to_0007_records_the_item_and_reference_of_corrections(tmp_path: Path) -> None:
    # a correction pointing at a stored action learns its item and reference; one pointing
    # at nothing keeps matching by its words alone (NULL)
    path = _store_at("0004", tmp_path / "made-at-0004.sqlite")
    engine = store_db.make_engine(_sqlite(path))
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE actions SET item = '5', ref = 'Mar25.01' WHERE id = 1"))
            for cid, action in ((1, 1), (2, None)):
                conn.execute(text(
                    "INSERT INTO corrections (id, kind, target_key, target, body_id, "
                    "meeting_date, value, created_at, action_id) VALUES (:i, 'status', 'k', "
                    "'circulate the revised forecast', 1, '2025-03-03', 'closed', "
                    "'2025-03-05 09:00:00+00', :a)"), {"i": cid, "a": action})
    finally:
        engine.dispose()
    _invoke("actions", "--db", _sqlite(path))
    with store_db.open_session(_sqlite(path)) as s:
        got = s.execute(select(schema.Correction.id, schema.Correction.target_item,
                               schema.Correction.target_ref).order_by(schema.Correction.id))
        assert [tuple(r) for r in got] == [(1, "5", "Mar25.01"), (2, None, None)]
    store_db.dispose_all()

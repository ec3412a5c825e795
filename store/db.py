"""Where the store lives and how to open it: URL, engine (migrated on first use), session.

Alembic is configured here in code rather than by an alembic.ini, so an installed package
finds its migrations next to this file wherever it is installed. It is imported only when
the store is behind the newest migration (`migrations.HEAD`): opening an up-to-date store
reads `alembic_version` with one query and goes on.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from .migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "BOARDPAPERS_DB"
WRITE_LOCK = 0x626F617264  # arbitrary keys for PostgreSQL's advisory locks
MIGRATION_LOCK = WRITE_LOCK + 1

_engines: dict[str, Engine] = {}


def default_url() -> str:
    """`$BOARDPAPERS_DB` if set, else `boardpapers.sqlite` in the current directory."""
    url = os.environ.get(ENV_VAR, "").strip()
    if url:
        return url
    return f"sqlite:///{Path.cwd() / 'boardpapers.sqlite'}"


SQLITE_BUSY_MS = 60_000  # a writer waits this long for another's save (sqlite3's default: 5 s)


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores FOREIGN KEY clauses unless each connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _wait_for_writers(dbapi_connection: Any, _record: Any) -> None:
    # Several writers share one SQLite file (`run --writer workers`, two runs at once): on
    # a busy machine a queue of saves can outlast sqlite3's 5 s, and the save that gives
    # up is refused. A URL's own ?timeout= is left as given.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """A plain engine for `url` (SQLite gets foreign keys switched on, and a minute's wait
    for another writer). Does not migrate."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        if "timeout" not in engine.url.query:
            event.listen(engine, "connect", _wait_for_writers)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at store/migrations.

    The engine travels in `attributes`, not as `sqlalchemy.url`: the ini-style option is
    %-interpolated, which would mangle a password containing '%'.
    """
    from alembic.config import Config

    # Config's default stdout is whatever sys.stdout was when Alembic was first imported;
    # imported lazily, that may be a stream (a test runner's) closed since.
    cfg = Config(stdout=sys.stdout)
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


class UnusableStore(RuntimeError):
    """The store's schema cannot be brought to the newest version without a person deciding
    what to do; the message says what was found and the remedy, in one sentence."""


def migrate_engine(engine: Engine) -> None:
    """Upgrade the database behind `engine` to the newest migration.

    Two batches started at once on a new database would both try to create the tables:
    the upgrade runs under a lock (PostgreSQL advisory lock; a lock file beside a SQLite
    file), so the second waits and then finds the schema at head. Each migration step is
    one transaction (store/migrations/env.py), so a crash leaves the store at the last
    whole step; stores half-made by earlier releases are repaired or explained here.
    Raises UnusableStore when the store cannot be upgraded safely.
    """
    if stored_revision(engine) == HEAD:
        return
    with _migration_lock(engine):
        with engine.connect() as conn:
            revision = _revision(conn)
            if revision == HEAD:  # another process finished the upgrade while we waited
                return
            if revision is None:
                _clear_half_made(conn, _where(engine))
        _upgrade(engine, revision)


def stored_revision(engine: Engine) -> str | None:
    """The migration the store is at (its `alembic_version`), None for a new store."""
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    # One row on a linear history; none when a process died before stamping the first step.
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalars().first()


def _clear_half_made(conn: Connection, where: str) -> None:
    """A store with our tables but no migration recorded: left by a release whose SQLite
    DDL was not transactional, killed while creating the schema. If every table is empty
    nothing can be lost, so its tables are dropped and the store is made afresh; otherwise
    nobody can tell which schema the rows follow, and a person must decide."""
    from .schema import Base

    present = set(inspect(conn).get_table_names())
    ours = [t for t in reversed(Base.metadata.sorted_tables) if t.name in present]
    leftovers = sorted(t for t in present if t.startswith("_alembic_tmp_"))  # batch copies
    if not ours and not leftovers:
        return  # a new (or foreign) database: Alembic creates our tables beside the others
    filled = [t.name for t in ours
              if conn.execute(select(func.count()).select_from(t)).scalar_one()]
    if filled:
        raise UnusableStore(
            f"The store {where} holds boardpapers tables with rows ({', '.join(filled[:3])}) "
            "but no record of its schema version, so it cannot be upgraded safely: restore "
            "it from a backup, or point --db at a new file and run the papers again.")
    for name in leftovers:
        conn.exec_driver_sql(f'DROP TABLE "{name}"')
    for table in ours:  # children before parents
        table.drop(conn)
    if inspect(conn).has_table("alembic_version"):
        conn.exec_driver_sql("DROP TABLE alembic_version")
    conn.commit()


def _upgrade(engine: Engine, revision: str | None) -> None:
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(alembic_config(engine), "head")
    except CommandError as error:  # e.g. a revision this release does not know
        raise UnusableStore(
            f"The store {_where(engine)} is at schema version {revision}, which this "
            f"boardpapers does not know ({error}): it was probably made by a newer release, "
            "so upgrade boardpapers.") from error
    except DBAPIError as error:
        if error.connection_invalidated:
            raise  # the server went away: not a schema problem
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise UnusableStore(
            f"The store {_where(engine)} could not be upgraded from schema version "
            f"{revision or 'none'} ({reason}), most likely because an upgrade by an earlier "
            "release was interrupted part-way; nothing was changed now and its rows are "
            "intact: restore it from a backup made before that upgrade, or point --db at a "
            "new file and run the papers again.") from error


def _where(engine: Engine) -> str:
    if engine.dialect.name == "sqlite":
        return str(engine.url.database)
    return engine.url.render_as_string(hide_password=True)


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                conn.commit()
        return
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    import fcntl

    # flock on the database file itself: independent of SQLite's own fcntl locks
    with open(database, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def migrate(url: str | None = None) -> None:
    """Create or upgrade the store at `url` (default: `default_url()`) to the newest schema."""
    engine = make_engine(url or default_url())
    try:
        migrate_engine(engine)
    finally:
        engine.dispose()


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url`, migrated to head the first time this process asks for it."""
    url = url or default_url()
    engine = _engines.get(url)
    if engine is None:
        engine = make_engine(url)
        migrate_engine(engine)
        _engines[url] = engine
    return engine


def open_session(url: str | None = None) -> Session:
    """A session on the (migrated) store. Rows stay readable after commit, so callers can
    use what they just saved without another round trip."""
    return Session(get_engine(url), expire_on_commit=False)


def write_lock(session: Session) -> None:
    """Serialise the saving of documents across processes, from now to the end of the
    session's transaction.

    Two batches over the same folder at once must not both decide a meeting is new and both
    create it. Extraction (the slow part) happens before this; only the short save is
    serialised. PostgreSQL: a transaction-level advisory lock. SQLite: a write statement
    that matches no row takes the database's RESERVED lock now rather than at the first
    real insert, so a second writer waits (busy timeout) before it reads anything.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    elif session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE documents SET id = id WHERE 0"))


def dispose_all() -> None:
    """Close every engine this process opened (tests use it to release SQLite files)."""
    while _engines:
        _, engine = _engines.popitem()
        engine.dispose()

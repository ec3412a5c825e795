"""Where the store lives and how to open it: URL, engine (migrated on first use), session.

Alembic is configured here in code rather than by an alembic.ini, so an installed package
finds its migrations next to this file wherever it is installed.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session

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


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores FOREIGN KEY clauses unless each connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """A plain engine for `url` (SQLite gets foreign keys switched on). Does not migrate."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at store/migrations.

    The engine travels in `attributes`, not as `sqlalchemy.url`: the ini-style option is
    %-interpolated, which would mangle a password containing '%'.
    """
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def migrate_engine(engine: Engine) -> None:
    """Upgrade the database behind `engine` to the newest migration.

    Two batches started at once on a new database would both try to create the tables:
    the upgrade runs under a lock (PostgreSQL advisory lock; a lock file beside a SQLite
    file), so the second waits and then finds the schema at head.
    """
    with _migration_lock(engine):
        command.upgrade(alembic_config(engine), "head")


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

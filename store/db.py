"""Where the store lives and how to open it: URL, engine (migrated on first use), session.

Alembic is configured here in code rather than by an alembic.ini, so an installed package
finds its migrations next to this file wherever it is installed.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "BOARDPAPERS_DB"

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
    """Upgrade the database behind `engine` to the newest migration."""
    command.upgrade(alembic_config(engine), "head")


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


def dispose_all() -> None:
    """Close every engine this process opened (tests use it to release SQLite files)."""
    while _engines:
        _, engine = _engines.popitem()
        engine.dispose()

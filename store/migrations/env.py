"""Alembic environment for the boardpapers store.

`store.db.alembic_config` passes the engine in `config.attributes["engine"]`; the alembic
command line (with `-x url=...`) works too, for a developer poking at a database by hand.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import context
from sqlalchemy import Connection, Engine, create_engine, event

from store.schema import Base

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if isinstance(engine, Engine):
        return engine
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError(
            "No database given: call store.migrate(url), or run alembic with -x url=..."
        )
    return create_engine(url)


def run_migrations_offline() -> None:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


@contextmanager
def _transactional_ddl(connection: Connection) -> Iterator[None]:
    """Make SQLite DDL roll back like any other statement, on this connection only.

    pysqlite's legacy transaction handling opens a transaction only before INSERT/UPDATE/
    DELETE, so each CREATE TABLE commits at once: a process killed mid-migration left tables
    without their alembic_version row, and every later run failed on "table ... already
    exists". SQLAlchemy's recipe (pysqlite "Serializable isolation / Savepoints /
    Transactional DDL"): the driver in autocommit, and we emit BEGIN ourselves. IMMEDIATE
    takes the write lock up front, so a reader never sees a half-built step.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    before = driver.isolation_level  # type: ignore[union-attr]
    driver.isolation_level = None  # type: ignore[union-attr]

    def begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(connection, "begin", begin)
    try:
        yield
    finally:
        event.remove(connection, "begin", begin)
        # the pooled connection goes back to the application with its usual behaviour
        driver.isolation_level = before  # type: ignore[union-attr]


def run_migrations_online() -> None:
    with _engine().connect() as connection, _transactional_ddl(connection):
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER most things in place; batch mode rebuilds the table.
            # Harmless on PostgreSQL, where batch operations run as plain ALTERs.
            render_as_batch=True,
            compare_type=True,
            # One transaction per migration step, DDL included (SQLite too, see above):
            # a crash leaves the store at the last whole step, never between two.
            transactional_ddl=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

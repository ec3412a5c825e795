"""the action log's order: an index on action_threads (raised_on, id)

`store.action_stream` reads the log oldest raised first, the dated threads and then the
undated, each part ordered by (raised_on, id); with this index SQLite and PostgreSQL read
the threads in that order instead of sorting them all (three sorts of 100,000 rows for a
large store's log). Nothing else changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_action_threads_raised_on_id', 'action_threads', ['raised_on', 'id'])


def downgrade() -> None:
    op.drop_index('ix_action_threads_raised_on_id', table_name='action_threads')

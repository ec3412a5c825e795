"""stale actions: the date an open action was last due a mention

An open action that no paper has mentioned for several meetings of its body is marked
stale (store.carry.closing), for the clerk to confirm or close; `stale_since` holds the
meeting date from which it counts as stale. Threads are marked for relinking, so the next
save rebuilds them and fills the column.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('action_threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stale_since', sa.Date(), nullable=True))
    op.execute(sa.text("UPDATE action_threads SET relink = :yes").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table('action_threads', schema=None) as batch_op:
        batch_op.drop_column('stale_since')

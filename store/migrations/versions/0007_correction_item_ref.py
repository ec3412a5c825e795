"""corrections: the corrected action's agenda item and printed reference

`target_item` and `target_ref` let a correction find its action again when a re-issued
paper changes a word of it (store/corrections/rematch.py). Filled here, where the
correction still points at a stored action; NULL otherwise (such a correction keeps
matching by its words alone, as before).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('target_item', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('target_ref', sa.Text(), nullable=True))
    op.execute("UPDATE corrections SET "
               "target_item = (SELECT item FROM actions WHERE actions.id = corrections.action_id), "
               "target_ref = (SELECT ref FROM actions WHERE actions.id = corrections.action_id) "
               "WHERE action_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_column('target_ref')
        batch_op.drop_column('target_item')

"""corrections: undo, accepted flags and actions the clerk added

A correction is undone by stamping it (`undone_at`, `undone_note`), never by deleting it,
so the record keeps what was done and undone. `detail` keeps what a merge moved, so undoing
it can split the two people again. Two new kinds: `accept_flag` (the fact is right as read)
and `add_action` (an action the extraction missed). Nothing existing changes.

Revision ID: 0010
Revises: 0008 (the lead rechains it after 0009)
Create Date: 2026-12-06
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# copies, not imports: a migration must not change when the code does
OLD_KINDS = ("owner", "due", "status", "text", "dismiss_action", "dismiss_flag",
             "merge_people", "alias")
NEW_KINDS = OLD_KINDS + ("accept_flag", "add_action")


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(repr(k) for k in kinds) + ")"


def upgrade() -> None:
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('undone_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('detail', sa.Text(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_corrections_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_corrections_kind'), _kinds(NEW_KINDS))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM corrections WHERE kind IN ('accept_flag', 'add_action')"))
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_corrections_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_corrections_kind'), _kinds(OLD_KINDS))
        batch_op.drop_column('detail')
        batch_op.drop_column('undone_note')
        batch_op.drop_column('undone_at')

"""The change history: an entry per committed write, and its old and new values.

Plain tables written by the write gate (no triggers), so the history is kept the same way on
any database. A file upgraded to this revision starts its history empty.

Revision ID: 0007_change_history
Revises: 0006_badge_print_log
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_change_history"
down_revision = "0006_badge_print_log"
branch_labels = None
depends_on = None


def _length(table: str, column: str, limit: int) -> sa.CheckConstraint:
    return sa.CheckConstraint(
        f"length({column}) <= {limit}", name=op.f(f"ck_{table}_{column}_length")
    )


def upgrade() -> None:
    op.create_table(
        "change_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        _length("change_entry", "action", 24),
        _length("change_entry", "device", 200),
        _length("change_entry", "description", 300),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_entry")),
    )
    with op.batch_alter_table("change_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_entry_at"), ["at"], unique=False)
    op.create_table(
        "change_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("row_key", sa.String(length=200), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=True),
        sa.Column(
            "old_value", sa.Text(length=100000).with_variant(sa.Text(), "postgresql"), nullable=True
        ),
        sa.Column(
            "new_value", sa.Text(length=100000).with_variant(sa.Text(), "postgresql"), nullable=True
        ),
        sa.Column("masked", sa.Boolean(), nullable=False),
        _length("change_value", "table_name", 64),
        _length("change_value", "record_id", 64),
        _length("change_value", "row_key", 200),
        _length("change_value", "kind", 8),
        _length("change_value", "field", 64),
        _length("change_value", "old_value", 100000),
        _length("change_value", "new_value", 100000),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["change_entry.id"],
            name=op.f("fk_change_value_entry_id_change_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_value")),
    )
    with op.batch_alter_table("change_value", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_value_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_change_value_manager_id"), ["manager_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_change_value_record"), ["table_name", "record_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("change_value")
    op.drop_table("change_entry")

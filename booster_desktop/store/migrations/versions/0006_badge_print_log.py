"""The badge print log: who was printed when, with which layout, and tokens reissued.

Revocation itself needs no change: `badge_token.revoked_at` already keeps a revoked token (and
a partial unique index allows one token in force per manager).

Written beside 0003_manager_diets and 0005_certificates (all after 0002); it follows them
so that the revisions stay one line.

Revision ID: 0006_badge_print_log
Revises: 0005_certificates
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_badge_print_log"
down_revision = "0005_certificates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "badge_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("tour_id", sa.Integer(), nullable=True),
        sa.Column("token", sa.String(length=21), nullable=False),
        sa.Column(
            "event",
            sa.Enum(
                "printed",
                "reissued",
                name="badge_event",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("layout", sa.String(length=60), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(token) <= 21", name=op.f("ck_badge_print_token_length")),
        sa.CheckConstraint("length(layout) <= 60", name=op.f("ck_badge_print_layout_length")),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_badge_print_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tour_id"],
            ["tour.id"],
            name=op.f("fk_badge_print_tour_id_tour"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_badge_print")),
    )
    with op.batch_alter_table("badge_print", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_badge_print_manager_id"), ["manager_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("badge_print", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_badge_print_manager_id"))
    op.drop_table("badge_print")

"""Certificates of attendance keep their numbers: a reprint carries the same number.

Revision ID: 0005_certificates
Revises: 0003_manager_diets
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_certificates"
down_revision = "0003_manager_diets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tour_id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("sequence >= 1", name=op.f("ck_certificate_sequence_from_one")),
        sa.CheckConstraint("length(number) <= 40", name=op.f("ck_certificate_number_length")),
        sa.ForeignKeyConstraint(
            ["tour_id"], ["tour.id"], name=op.f("fk_certificate_tour_id_tour"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_certificate_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number")),
        sa.UniqueConstraint(
            "tour_id", "manager_id", name=op.f("uq_certificate_tour_id_manager_id")
        ),
        sa.UniqueConstraint("tour_id", "sequence", name=op.f("uq_certificate_tour_id_sequence")),
    )
    op.create_index(op.f("ix_certificate_manager_id"), "certificate", ["manager_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_certificate_manager_id"), table_name="certificate")
    op.drop_table("certificate")

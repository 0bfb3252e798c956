"""Record versions: no lost edits.

Every record a coordinator edits (manager, tour, topic, session, organisation, person, the
programme's details) gets `version`, raised by every update, so that a save made from an
older reading is refused rather than overwriting a change someone else made meanwhile.
Existing records start at 1. Join rows (enrolments, focus topics, interests) get none: they
are added and removed whole, never edited in place, and the allocation that rewrites
enrolments in bulk is serialised on its own. The change history's entries get `login`, the
database login that wrote them on a server, which a refused save names beside the device.

Revision ID: 0009_record_versions
Revises: 0008_erased_people
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_record_versions"
down_revision = "0008_erased_people"
branch_labels = None
depends_on = None

VERSIONED = ("manager", "tour", "topic", "tour_session", "organisation", "person", "programme")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )
    with op.batch_alter_table("change_entry") as batch_op:
        batch_op.add_column(sa.Column("login", sa.String(length=64), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_change_entry_login_length"), sa.text("length(login) <= 64")
        )


def downgrade() -> None:
    with op.batch_alter_table("change_entry") as batch_op:
        batch_op.drop_constraint(op.f("ck_change_entry_login_length"), type_="check")
        batch_op.drop_column("login")
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")

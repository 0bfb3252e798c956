"""Erased people and the retention of travel data.

`manager.erased_at` marks a manager whose personal data was erased at their request (the row
stays, anonymous, so counts stay right); `programme.travel_data_retention_days` is the
programme's setting for erasing travel data some days after a manager's last tour.

Revision ID: 0008_erased_people
Revises: 0007_change_history
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_erased_people"
down_revision = "0007_change_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("manager") as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("programme") as batch_op:
        batch_op.add_column(sa.Column("travel_data_retention_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("programme") as batch_op:
        batch_op.drop_column("travel_data_retention_days")
    with op.batch_alter_table("manager") as batch_op:
        batch_op.drop_column("erased_at")

"""Managers' common diets, ticked from a list, so a caterer gets counts per diet.

Revision ID: 0003_manager_diets
Revises: 0002_details_and_limits
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_manager_diets"
down_revision = "0002_details_and_limits"
branch_labels = None
depends_on = None

# The diet codes of this revision (a migration never reads the current model).
DIETS = (
    "vegetarian",
    "vegan",
    "halal",
    "no_pork",
    "no_alcohol",
    "gluten_free",
    "lactose_free",
    "nut_allergy",
)


def _diets_check() -> str:
    expression = "',' || diets || ','"
    for code in DIETS:
        expression = f"replace({expression}, ',{code},', ',')"
    return f"diets IS NULL OR (diets <> '' AND {expression} = ',')"


def upgrade() -> None:
    with op.batch_alter_table("manager") as batch_op:
        batch_op.add_column(sa.Column("diets", sa.String(200), nullable=True))
        batch_op.create_check_constraint("diets_known", _diets_check())
        batch_op.create_check_constraint("diets_length", "length(diets) <= 200")


def downgrade() -> None:
    with op.batch_alter_table("manager") as batch_op:
        batch_op.drop_constraint(op.f("ck_manager_diets_length"), type_="check")
        batch_op.drop_constraint(op.f("ck_manager_diets_known"), type_="check")
        batch_op.drop_column("diets")

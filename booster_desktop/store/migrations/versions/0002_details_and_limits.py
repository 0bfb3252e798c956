"""Programme contacts and identity, tour hotels, session keys and revisions, manager cities,
and a length limit on every text field.

- programme: a UUID (each existing file gets its own), the coordinator's contacts, an
  emergency phone, logo and signature images, the attendance minimum for certificates;
- tour: the hotel and a tour-level contact;
- tour_session: a UUID that is the same on every copy, a revision raised by every change of
  time, place or title (a calendar's SEQUENCE), and when it last changed;
- manager: the city;
- every text column: a CHECK on its length (SQLite ignores `VARCHAR(n)`); a value already
  longer than its field's limit is shortened to fit (the backup made before the upgrade keeps
  the original).

Revision ID: 0002_details_and_limits
Revises: 0001_initial
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002_details_and_limits"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

LONG_TEXT = 20_000
IMAGE_LIMIT = 2_000_000

# Every text column and its limit, as this revision defines them (a migration never reads the
# current model: later revisions may change it).
TEXT_LIMITS: dict[str, tuple[tuple[str, int], ...]] = {
    "country": (("code", 2), ("name_en", 120), ("name_fr", 120), ("name_ar", 120)),
    "programme": (
        ("title", 200),
        ("uuid", 36),
        ("coordinator_name", 200),
        ("coordinator_title", 200),
        ("coordinator_email", 254),
        ("coordinator_phone", 40),
        ("emergency_phone", 40),
    ),
    "topic": (("name", 200), ("name_key", 200), ("description", LONG_TEXT)),
    "organisation": (
        ("name", 200),
        ("country_code", 2),
        ("city", 120),
        ("sector", 200),
        ("website", 300),
    ),
    "manager": (
        ("given_name", 120),
        ("family_name", 120),
        ("arabic_name", 200),
        ("person_key", 300),
        ("email", 254),
        ("phone", 40),
        ("country_code", 2),
        ("city", 120),
        ("role", 200),
        ("dietary_needs", 300),
        ("accessibility_needs", 300),
        ("notes", LONG_TEXT),
    ),
    "person": (("name", 200), ("job_title", 200), ("email", 254), ("phone", 40)),
    "tour": (
        ("code", 8),
        ("title", 200),
        ("region", 200),
        ("city", 120),
        ("country_code", 2),
        ("time_zone", 64),
        ("notes", LONG_TEXT),
        ("hotel_name", 200),
        ("hotel_address", 300),
        ("hotel_phone", 40),
        ("contact_name", 200),
        ("contact_phone", 40),
        ("contact_email", 254),
    ),
    "badge_token": (("token", 21),),
    "enrolment": (
        ("arrival_details", 300),
        ("departure_details", 300),
        ("hotel", 300),
        ("notes", LONG_TEXT),
    ),
    "tour_session": (
        ("title", 300),
        ("description", LONG_TEXT),
        ("venue", 300),
        ("address", 300),
        ("transfer_mode", 60),
        ("uuid", 36),
    ),
    "travel_document": (("nationality", 2), ("passport_number", 40)),
    "checkin": (("id", 36), ("device", 120)),
}

# Keys and references are never shortened: a value too long there fails the upgrade (the file
# is then left as it was) rather than silently pointing somewhere else.
NEVER_SHORTENED = {
    ("country", "code"),
    ("organisation", "country_code"),
    ("manager", "country_code"),
    ("tour", "country_code"),
    ("tour", "code"),
    ("badge_token", "token"),
    ("travel_document", "nationality"),
    ("checkin", "id"),
}

# Free-text columns that were unbounded TEXT and now declare their limit.
LONG_TEXT_COLUMNS = (
    ("topic", "description"),
    ("manager", "notes"),
    ("tour", "notes"),
    ("enrolment", "notes"),
    ("tour_session", "description"),
)

NEW_COLUMNS: dict[str, tuple[sa.Column[Any], ...]] = {
    "programme": (
        sa.Column("coordinator_name", sa.String(200), nullable=True),
        sa.Column("coordinator_title", sa.String(200), nullable=True),
        sa.Column("coordinator_email", sa.String(254), nullable=True),
        sa.Column("coordinator_phone", sa.String(40), nullable=True),
        sa.Column("emergency_phone", sa.String(40), nullable=True),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
    ),
    "tour": (
        sa.Column("hotel_name", sa.String(200), nullable=True),
        sa.Column("hotel_address", sa.String(300), nullable=True),
        sa.Column("hotel_phone", sa.String(40), nullable=True),
        sa.Column("contact_name", sa.String(200), nullable=True),
        sa.Column("contact_phone", sa.String(40), nullable=True),
        sa.Column("contact_email", sa.String(254), nullable=True),
    ),
    "tour_session": (sa.Column("modified_at", sa.DateTime(), nullable=True),),
    "manager": (sa.Column("city", sa.String(120), nullable=True),),
}


def upgrade() -> None:
    # Columns that must not be empty are added nullable, filled, then made NOT NULL.
    with op.batch_alter_table("programme") as batch_op:
        for new_column in NEW_COLUMNS["programme"]:
            batch_op.add_column(new_column)
        batch_op.add_column(sa.Column("uuid", sa.String(36), nullable=True))
        batch_op.add_column(
            sa.Column("attendance_minimum", sa.Integer(), nullable=False, server_default="80")
        )
    with op.batch_alter_table("tour_session") as batch_op:
        for new_column in NEW_COLUMNS["tour_session"]:
            batch_op.add_column(new_column)
        batch_op.add_column(sa.Column("uuid", sa.String(36), nullable=True))
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
    for table in ("tour", "manager"):
        with op.batch_alter_table(table) as batch_op:
            for new_column in NEW_COLUMNS[table]:
                batch_op.add_column(new_column)

    connection = op.get_bind()
    connection.execute(sa.text("UPDATE programme SET uuid = :uuid"), {"uuid": str(uuid.uuid4())})
    session_ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM tour_session"))]
    if session_ids:
        connection.execute(
            sa.text("UPDATE tour_session SET uuid = :uuid WHERE id = :id"),
            [{"uuid": str(uuid.uuid4()), "id": session_id} for session_id in session_ids],
        )

    for table, columns in TEXT_LIMITS.items():
        for column, limit in columns:
            if (table, column) not in NEVER_SHORTENED:
                connection.execute(
                    sa.text(
                        f"UPDATE {table} SET {column} = substr({column}, 1, {limit}) "
                        f"WHERE length({column}) > {limit}"
                    )
                )

    for table, columns in TEXT_LIMITS.items():
        with op.batch_alter_table(table) as batch_op:
            if table == "programme":
                batch_op.alter_column("uuid", existing_type=sa.String(36), nullable=False)
                batch_op.alter_column(
                    "attendance_minimum", existing_type=sa.Integer(), server_default=None
                )
                batch_op.create_check_constraint(
                    "attendance_minimum_percentage", "attendance_minimum BETWEEN 0 AND 100"
                )
                batch_op.create_check_constraint("logo_size", f"length(logo) <= {IMAGE_LIMIT}")
                batch_op.create_check_constraint(
                    "signature_size", f"length(signature) <= {IMAGE_LIMIT}"
                )
            if table == "tour_session":
                batch_op.alter_column("uuid", existing_type=sa.String(36), nullable=False)
                batch_op.alter_column("revision", existing_type=sa.Integer(), server_default=None)
                batch_op.create_unique_constraint(op.f("uq_tour_session_uuid"), ["uuid"])
                batch_op.create_check_constraint("revision_not_negative", "revision >= 0")
            for long_table, long_column in LONG_TEXT_COLUMNS:
                if long_table == table:
                    batch_op.alter_column(
                        long_column,
                        existing_type=sa.Text(),
                        type_=sa.Text(LONG_TEXT).with_variant(sa.Text(), "postgresql"),
                    )
            for column, limit in columns:
                batch_op.create_check_constraint(f"{column}_length", f"length({column}) <= {limit}")


def downgrade() -> None:
    for table, columns in TEXT_LIMITS.items():
        with op.batch_alter_table(table) as batch_op:
            for column, _limit in columns:
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}_length"), type_="check")
            for long_table, long_column in LONG_TEXT_COLUMNS:
                if long_table == table:
                    batch_op.alter_column(
                        long_column,
                        existing_type=sa.Text(LONG_TEXT).with_variant(sa.Text(), "postgresql"),
                        type_=sa.Text(),
                    )
    with op.batch_alter_table("programme") as batch_op:
        for name in ("attendance_minimum_percentage", "logo_size", "signature_size"):
            batch_op.drop_constraint(op.f(f"ck_programme_{name}"), type_="check")
        for name in (*(c.name for c in NEW_COLUMNS["programme"]), "uuid", "attendance_minimum"):
            batch_op.drop_column(name)
    with op.batch_alter_table("tour_session") as batch_op:
        batch_op.drop_constraint(op.f("uq_tour_session_uuid"), type_="unique")
        batch_op.drop_constraint(op.f("ck_tour_session_revision_not_negative"), type_="check")
        for name in (*(c.name for c in NEW_COLUMNS["tour_session"]), "uuid", "revision"):
            batch_op.drop_column(name)
    for table in ("tour", "manager"):
        with op.batch_alter_table(table) as batch_op:
            for old_column in NEW_COLUMNS[table]:
                batch_op.drop_column(old_column.name)

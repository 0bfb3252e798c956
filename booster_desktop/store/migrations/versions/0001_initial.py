"""The first schema: programme, countries, organisations, people, managers, topics, tours,
enrolments, sessions, badge tokens and check-ins.

Revision ID: 0001_initial
Revises: (none, the first revision)
Created: 2026-11-25 07:52:12.980274
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "country",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("name_fr", sa.String(length=120), nullable=False),
        sa.Column("name_ar", sa.String(length=120), nullable=False),
        sa.CheckConstraint(
            "length(code) = 2 AND code = upper(code)", name=op.f("ck_country_iso_code")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_country")),
    )
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("lottery_seed", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_programme_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
    )
    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("is_priority", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
        sa.UniqueConstraint("name_key", name=op.f("uq_topic_name_key")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cluster",
                "host_agency",
                "company",
                "research",
                "public_body",
                "other",
                name="organisation_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("sector", sa.String(length=200), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_organisation_country_code_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("name", "country_code", name=op.f("uq_organisation_name_country_code")),
    )
    op.create_table(
        "manager",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "withdrawn",
                name="manager_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("given_name", sa.String(length=120), nullable=False),
        sa.Column("family_name", sa.String(length=120), nullable=False),
        sa.Column("arabic_name", sa.String(length=200), nullable=True),
        sa.Column("person_key", sa.String(length=300), nullable=False),
        sa.Column(
            "gender",
            sa.Enum(
                "female",
                "male",
                "other",
                name="gender",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.Column("dietary_needs", sa.String(length=300), nullable=True),
        sa.Column("accessibility_needs", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "email IS NULL OR email = lower(email)", name=op.f("ck_manager_email_lower_case")
        ),
        sa.CheckConstraint(
            "length(trim(family_name)) > 0", name=op.f("ck_manager_family_name_present")
        ),
        sa.CheckConstraint(
            "length(trim(given_name)) > 0", name=op.f("ck_manager_given_name_present")
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_manager_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_manager_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manager")),
        sa.UniqueConstraint("email", name=op.f("uq_manager_email")),
    )
    with op.batch_alter_table("manager", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_manager_country_code"), ["country_code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_manager_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_manager_person_key"), ["person_key"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "expert",
                "speaker",
                "host_contact",
                name="person_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_person_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "tour",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("host_agency_id", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_tour_capacity_not_negative")),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_tour_ends_after_start")),
        sa.CheckConstraint(
            "length(code) BETWEEN 2 AND 8 AND code = upper(code)", name=op.f("ck_tour_code_form")
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_tour_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["host_agency_id"],
            ["organisation.id"],
            name=op.f("fk_tour_host_agency_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tour")),
        sa.UniqueConstraint("code", name=op.f("uq_tour_code")),
    )
    op.create_table(
        "badge_token",
        sa.Column("token", sa.String(length=21), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_badge_token_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_badge_token")),
    )
    with op.batch_alter_table("badge_token", schema=None) as batch_op:
        batch_op.create_index(
            "uq_badge_token_manager_in_force",
            ["manager_id"],
            unique=True,
            sqlite_where=sa.text("revoked_at IS NULL"),
            postgresql_where=sa.text("revoked_at IS NULL"),
        )

    op.create_table(
        "enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("tour_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "confirmed",
                "waitlisted",
                "cancelled",
                name="enrolment_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("arrival_at", sa.DateTime(), nullable=True),
        sa.Column("arrival_details", sa.String(length=300), nullable=True),
        sa.Column("departure_at", sa.DateTime(), nullable=True),
        sa.Column("departure_details", sa.String(length=300), nullable=True),
        sa.Column("hotel", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_enrolment_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tour_id"], ["tour.id"], name=op.f("fk_enrolment_tour_id_tour"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment")),
        sa.UniqueConstraint("manager_id", "tour_id", name=op.f("uq_enrolment_manager_id_tour_id")),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_tour_id"), ["tour_id"], unique=False)

    op.create_table(
        "topic_interest",
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.CheckConstraint("rank >= 1", name=op.f("ck_topic_interest_rank_from_one")),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_topic_interest_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_interest_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("manager_id", "topic_id", name=op.f("pk_topic_interest")),
    )
    with op.batch_alter_table("topic_interest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_interest_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "tour_focus_topic",
        sa.Column("tour_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_tour_focus_topic_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tour_id"],
            ["tour.id"],
            name=op.f("fk_tour_focus_topic_tour_id_tour"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tour_id", "topic_id", name=op.f("pk_tour_focus_topic")),
    )
    op.create_table(
        "tour_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tour_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "training",
                "visit",
                "transfer",
                "meal",
                "networking",
                "other",
                name="session_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("visited_organisation_id", sa.Integer(), nullable=True),
        sa.Column("transfer_mode", sa.String(length=60), nullable=True),
        sa.Column("transfer_minutes", sa.Integer(), nullable=True),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_tour_session_ends_after_start")),
        sa.CheckConstraint(
            "transfer_minutes IS NULL OR transfer_minutes >= 0",
            name=op.f("ck_tour_session_transfer_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["tour_id"], ["tour.id"], name=op.f("fk_tour_session_tour_id_tour"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["visited_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_tour_session_visited_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tour_session")),
    )
    with op.batch_alter_table("tour_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tour_session_tour_id"), ["tour_id"], unique=False)

    op.create_table(
        "travel_document",
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("nationality", sa.String(length=2), nullable=True),
        sa.Column("passport_number", sa.String(length=40), nullable=True),
        sa.Column("passport_expiry", sa.Date(), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_travel_document_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["nationality"], ["country.code"], name=op.f("fk_travel_document_nationality_country")
        ),
        sa.PrimaryKeyConstraint("manager_id", name=op.f("pk_travel_document")),
    )
    op.create_table(
        "checkin",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=120), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("admitted_unregistered", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["manager.id"],
            name=op.f("fk_checkin_manager_id_manager"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["tour_session.id"],
            name=op.f("fk_checkin_session_id_tour_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
    )
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkin_manager_id"), ["manager_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_checkin_session_id"), ["session_id"], unique=False)

    op.create_table(
        "session_person",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "speaker",
                "host_contact",
                name="session_role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_session_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["tour_session.id"],
            name=op.f("fk_session_person_session_id_tour_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "person_id", "role", name=op.f("pk_session_person")),
    )
    op.create_table(
        "session_topic",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["tour_session.id"],
            name=op.f("fk_session_topic_session_id_tour_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_session_topic_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "topic_id", name=op.f("pk_session_topic")),
    )


def downgrade() -> None:
    op.drop_table("session_topic")
    op.drop_table("session_person")
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkin_session_id"))
        batch_op.drop_index(batch_op.f("ix_checkin_manager_id"))

    op.drop_table("checkin")
    op.drop_table("travel_document")
    with op.batch_alter_table("tour_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tour_session_tour_id"))

    op.drop_table("tour_session")
    op.drop_table("tour_focus_topic")
    with op.batch_alter_table("topic_interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_interest_topic_id"))

    op.drop_table("topic_interest")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_tour_id"))

    op.drop_table("enrolment")
    with op.batch_alter_table("badge_token", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_badge_token_manager_in_force",
            sqlite_where=sa.text("revoked_at IS NULL"),
            postgresql_where=sa.text("revoked_at IS NULL"),
        )

    op.drop_table("badge_token")
    op.drop_table("tour")
    op.drop_table("person")
    with op.batch_alter_table("manager", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manager_person_key"))
        batch_op.drop_index(batch_op.f("ix_manager_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_manager_country_code"))

    op.drop_table("manager")
    op.drop_table("organisation")
    op.drop_table("topic")
    op.drop_table("programme")
    op.drop_table("country")

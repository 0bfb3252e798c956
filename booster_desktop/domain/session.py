"""Sessions of a tour's agenda: training sessions, benchmarking visits, transfers, meals."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, String, Table, Time
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, UtcDateTime, enum_column, long_text, version_column
from booster_desktop.domain.kinds import SessionKind, SessionRole

session_topic = Table(
    "session_topic",
    Base.metadata,
    Column("session_id", ForeignKey("tour_session.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True),
)


def new_session_uuid() -> str:
    """A session's key across every copy of its programme."""
    return str(uuid.uuid4())


class TourSession(Base):
    """One item of a tour's agenda, on a day, from a start to an end time (tour's local time).

    Called a session in the programme; named TourSession here so it is never mistaken for a
    database session. A session dated outside its tour is a warning, not an error: moving a
    tour's dates must not be blocked.
    """

    __tablename__ = "tour_session"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="ends_after_start"),
        CheckConstraint(
            "transfer_minutes IS NULL OR transfer_minutes >= 0", name="transfer_not_negative"
        ),
        CheckConstraint("revision >= 0", name="revision_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"), index=True)
    kind: Mapped[SessionKind] = mapped_column(enum_column(SessionKind, "session_kind"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(long_text())
    date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    venue: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    visited_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    # How the group gets here from the previous item (a visit's transfer).
    transfer_mode: Mapped[str | None] = mapped_column(String(60))
    transfer_minutes: Mapped[int | None]
    # The same on every copy of the programme (calendar UIDs, check-in journals), unlike `id`.
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_session_uuid)
    # Raised by every change of time, place or title: a calendar's SEQUENCE, so a re-sent
    # calendar updates the events already imported.
    revision: Mapped[int] = mapped_column(default=0)
    modified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Raised by every saved change: a save made over an older version is refused (no lost
    # edits; see store.versions).
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


class SessionPerson(Base):
    """A speaker or host contact of a session."""

    __tablename__ = "session_person"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("tour_session.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[SessionRole] = mapped_column(
        enum_column(SessionRole, "session_role"), primary_key=True
    )

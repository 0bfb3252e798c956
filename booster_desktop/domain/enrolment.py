"""Enrolments: a manager's place on a tour, from proposal to confirmation."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    DateTime,
    ForeignKey,
    String,
    UniqueConstraint,
    and_,
    select,
)
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship

from booster_desktop.domain.base import Base, UtcDateTime, enum_column, long_text, utc_now
from booster_desktop.domain.kinds import (
    EXPECTED_MANAGER_STATUS,
    EXPECTED_STATUSES,
    EnrolmentStatus,
)

if TYPE_CHECKING:
    from booster_desktop.domain.manager import Manager
    from booster_desktop.domain.tour import Tour


class Enrolment(Base):
    """A manager on a tour (at most once per tour), with travel and hotel."""

    __tablename__ = "enrolment"
    __table_args__ = (UniqueConstraint("manager_id", "tour_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("manager.id", ondelete="CASCADE"))
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"), index=True)
    status: Mapped[EnrolmentStatus] = mapped_column(
        enum_column(EnrolmentStatus, "enrolment_status"), default=EnrolmentStatus.PROPOSED
    )
    # Arrival and departure in the tour's local time (the time zone is the tour's).
    arrival_at: Mapped[datetime | None] = mapped_column(DateTime)
    arrival_details: Mapped[str | None] = mapped_column(String(300))
    departure_at: Mapped[datetime | None] = mapped_column(DateTime)
    departure_details: Mapped[str | None] = mapped_column(String(300))
    hotel: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(long_text())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    manager: Mapped[Manager] = relationship(back_populates="enrolments")
    tour: Mapped[Tour] = relationship()


def is_expected() -> ColumnElement[bool]:
    """An enrolment whose manager a tour expects: proposed or confirmed, and the manager
    active (a withdrawn manager is kept for the record, never expected). What "seats taken"
    counts; the rule itself is declared once in `domain.kinds` (`expected_sql` is its text)."""
    from booster_desktop.domain.manager import Manager

    # An alias, so the test stays its own when the query itself selects managers.
    manager = aliased(Manager)
    # `SELECT id`, not `SELECT *`: door staff on a server may read a few columns of a
    # manager only, and PostgreSQL checks the rights on every column a query names.
    return and_(
        Enrolment.status.in_(EXPECTED_STATUSES),
        select(manager.id)
        .where(manager.id == Enrolment.manager_id, manager.status == EXPECTED_MANAGER_STATUS)
        .exists(),
    )


# Every entity registered whenever this one can be loaded: relationships name them.
import booster_desktop.domain.model  # noqa: E402, F401

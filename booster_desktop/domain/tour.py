"""Tours: one week in a European region, hosted by an agency, with a number of seats."""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, long_text, version_column

_TOUR_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")

# The topics a tour focuses on (set by the coordination team from the demand).
tour_focus_topic = Table(
    "tour_focus_topic",
    Base.metadata,
    Column("tour_id", ForeignKey("tour.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True),
)


def is_tour_code(code: str) -> bool:
    """A tour code: 2 to 8 capital letters or digits, starting with a letter (e.g. CAT, T07)."""
    return bool(_TOUR_CODE.match(code))


def is_time_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone this machine knows (tzdata ships with the app)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


class Tour(Base):
    """A 5-day inspiration and learning tour in a host region."""

    __tablename__ = "tour"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="ends_after_start"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("length(code) BETWEEN 2 AND 8 AND code = upper(code)", name="code_form"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(200))
    host_agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    city: Mapped[str | None] = mapped_column(String(120))
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    capacity: Mapped[int]
    # The host region's IANA zone: agendas and calendars give times in it.
    time_zone: Mapped[str] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(long_text())
    # Where the group sleeps, and who to call for this tour when not the coordinator.
    hotel_name: Mapped[str | None] = mapped_column(String(200))
    hotel_address: Mapped[str | None] = mapped_column(String(300))
    hotel_phone: Mapped[str | None] = mapped_column(String(40))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    # Raised by every saved change: a save made over an older version is refused (no lost
    # edits; see store.versions).
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

"""Cluster managers: the participants of the tours, and their sensitive travel data."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from booster_desktop.domain.base import (
    Base,
    UtcDateTime,
    enum_column,
    long_text,
    utc_now,
    version_column,
)
from booster_desktop.domain.kinds import Diet, Gender, ManagerStatus
from booster_desktop.domain.text import fold

if TYPE_CHECKING:
    from booster_desktop.domain.badge import BadgeToken
    from booster_desktop.domain.enrolment import Enrolment
    from booster_desktop.domain.topic import TopicInterest


def _diets_check() -> str:
    """Only known diet codes, each once: removing each known code (with its commas) from
    ",codes," must leave ",". A repeated code survives the removal and is refused."""
    expression = "',' || diets || ','"
    for diet in Diet:
        expression = f"replace({expression}, ',{diet.value},', ',')"
    return f"diets IS NULL OR (diets <> '' AND {expression} = ',')"


# What counting by diet (rosters, catering) relies on.
DIETS_CHECK = _diets_check()


def person_key(given_name: str, family_name: str, country_code: str) -> str:
    """Who a manager is for duplicate detection: folded names and the country."""
    return f"{fold(given_name)}|{fold(family_name)}|{country_code.upper()}"


class Manager(Base):
    """A cluster manager from the South Mediterranean taking part in the programme."""

    __tablename__ = "manager"
    __table_args__ = (
        CheckConstraint("length(trim(given_name)) > 0", name="given_name_present"),
        CheckConstraint("length(trim(family_name)) > 0", name="family_name_present"),
        CheckConstraint("email IS NULL OR email = lower(email)", name="email_lower_case"),
        CheckConstraint(DIETS_CHECK, name="diets_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[ManagerStatus] = mapped_column(
        enum_column(ManagerStatus, "manager_status"), default=ManagerStatus.ACTIVE
    )
    given_name: Mapped[str] = mapped_column(String(120))
    family_name: Mapped[str] = mapped_column(String(120))
    # The full name in Arabic script, as the manager writes it (optional).
    arabic_name: Mapped[str | None] = mapped_column(String(200))
    person_key: Mapped[str] = mapped_column(String(300), index=True)
    gender: Mapped[Gender | None] = mapped_column(enum_column(Gender, "gender"))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"), index=True)
    city: Mapped[str | None] = mapped_column(String(120))
    role: Mapped[str | None] = mapped_column(String(200))
    # The common diets ticked (codes of `Diet`, comma-separated, see `parse_diets`), so a
    # caterer gets counts; `dietary_needs` keeps anything else in the manager's words.
    diets: Mapped[str | None] = mapped_column(String(200))
    dietary_needs: Mapped[str | None] = mapped_column(String(300))
    accessibility_needs: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(long_text())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # When the person's data was erased at their request: the row stays, anonymous, so that
    # counts and statistics stay right (see services.personal_data).
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Raised by every saved change: a save made over an older version is refused (no lost
    # edits; see store.versions).
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    interests: Mapped[list[TopicInterest]] = relationship(
        back_populates="manager", cascade="all, delete-orphan", passive_deletes=True
    )
    enrolments: Mapped[list[Enrolment]] = relationship(
        back_populates="manager", cascade="all, delete-orphan", passive_deletes=True
    )
    badge_tokens: Mapped[list[BadgeToken]] = relationship(
        back_populates="manager", cascade="all, delete-orphan", passive_deletes=True
    )
    travel: Mapped[TravelDocument | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


class TravelDocument(Base):
    """A manager's sensitive travel data, in a table of its own so exports can leave it out."""

    __tablename__ = "travel_document"

    manager_id: Mapped[int] = mapped_column(
        ForeignKey("manager.id", ondelete="CASCADE"), primary_key=True
    )
    nationality: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    passport_number: Mapped[str | None] = mapped_column(String(40))
    passport_expiry: Mapped[date | None] = mapped_column(Date)
    date_of_birth: Mapped[date | None] = mapped_column(Date)


# Every entity registered whenever this one can be loaded: relationships name them.
import booster_desktop.domain.model  # noqa: E402, F401

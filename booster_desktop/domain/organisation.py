"""Organisations: the managers' clusters, host agencies, visited peers."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, enum_column, version_column
from booster_desktop.domain.kinds import OrganisationKind


class Organisation(Base):
    """A cluster or a host agency (or another body a visit goes to)."""

    __tablename__ = "organisation"
    __table_args__ = (UniqueConstraint("name", "country_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OrganisationKind] = mapped_column(
        enum_column(OrganisationKind, "organisation_kind"), default=OrganisationKind.CLUSTER
    )
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    city: Mapped[str | None] = mapped_column(String(120))
    sector: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    # Raised by every saved change: a save made over an older version is refused (no lost
    # edits; see store.versions).
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

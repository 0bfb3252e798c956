"""Certificates of attendance: the number each manager's certificate of a tour carries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, UtcDateTime, utc_now


def certificate_number(tour_code: str, year: int, sequence: int) -> str:
    """How a certificate is numbered: the tour, its year, and the order of issue (CAT-2026-0007)."""
    return f"{tour_code}-{year}-{sequence:04d}"


class Certificate(Base):
    """A certificate issued to a manager for a tour: drawn once, kept, so a reprint carries
    the same number."""

    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("tour_id", "manager_id"),
        UniqueConstraint("tour_id", "sequence"),
        CheckConstraint("sequence >= 1", name="sequence_from_one"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"))
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("manager.id", ondelete="CASCADE"), index=True
    )
    sequence: Mapped[int]
    number: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

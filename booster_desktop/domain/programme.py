"""The programme itself: one row of settings per file."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, UtcDateTime, utc_now


class Programme(Base):
    """The programme a file holds: its title and the allocation lottery's seed.

    The seed is drawn once when the file is created and kept, so two allocation runs on the
    same file give the same result and anyone can audit it.
    """

    __tablename__ = "programme"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    title: Mapped[str] = mapped_column(String(200))
    lottery_seed: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

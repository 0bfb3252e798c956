"""The programme itself: one row of settings per file."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, UtcDateTime, utc_now, version_column

# The largest logo or signature image a programme keeps (bytes): a print-quality PNG fits.
IMAGE_LIMIT = 2_000_000


def new_programme_uuid() -> str:
    """A programme's identity across copies, calendars, journals and servers."""
    return str(uuid.uuid4())


class Programme(Base):
    """The programme a file holds: its title and the allocation lottery's seed.

    The seed is drawn once when the file is created and kept, so two allocation runs on the
    same file give the same result and anyone can audit it.
    """

    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(
            "attendance_minimum BETWEEN 0 AND 100", name="attendance_minimum_percentage"
        ),
        CheckConstraint(f"length(logo) <= {IMAGE_LIMIT}", name="logo_size"),
        CheckConstraint(f"length(signature) <= {IMAGE_LIMIT}", name="signature_size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    title: Mapped[str] = mapped_column(String(200))
    lottery_seed: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Drawn when the file is created and kept by every copy: calendar UIDs, check-in journals
    # and a server name the programme by it, never by its file name.
    uuid: Mapped[str] = mapped_column(String(36), default=new_programme_uuid)
    # The contacts every printed material carries (booklets, badges' backs, certificates).
    coordinator_name: Mapped[str | None] = mapped_column(String(200))
    coordinator_title: Mapped[str | None] = mapped_column(String(200))
    coordinator_email: Mapped[str | None] = mapped_column(String(254))
    coordinator_phone: Mapped[str | None] = mapped_column(String(40))
    emergency_phone: Mapped[str | None] = mapped_column(String(40))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Share of a tour's training sessions and visits a manager attends to earn a certificate.
    attendance_minimum: Mapped[int] = mapped_column(default=80)
    # Days after a manager's last tour ends before their travel data is due for erasure
    # (None or 0: never proposed).
    travel_data_retention_days: Mapped[int | None]
    # Raised by every saved change: a save made over an older version is refused (no lost
    # edits; see store.versions).
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

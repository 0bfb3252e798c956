"""Check-ins: a manager seen at a session, by a device, at a moment."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, UtcDateTime, utc_now


class CheckIn(Base):
    """One recorded check-in.

    Not tied to the session's day (attendance is also typed in afterwards from paper sheets).
    Two laptops may record the same person twice: both rows are kept (their ids are unique
    across devices), and counts take a person once per session. Undo voids, never deletes.
    """

    __tablename__ = "checkin"

    # A UUID drawn by the recording device, so journals from several laptops merge cleanly.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("tour_session.id", ondelete="CASCADE"), index=True
    )
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("manager.id", ondelete="CASCADE"), index=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    device: Mapped[str] = mapped_column(String(120))
    voided: Mapped[bool] = mapped_column(default=False)
    admitted_unregistered: Mapped[bool] = mapped_column(default=False)

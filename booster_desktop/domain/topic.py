"""Cluster-management topics and the managers' ranked interest in them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from booster_desktop.domain.base import Base, long_text, version_column

if TYPE_CHECKING:
    from booster_desktop.domain.manager import Manager


class Topic(Base):
    """A topic a manager may want to deepen (e.g. internationalisation, funding)."""

    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Case-, accent- and space-folded name: "Stratégie" and "strategie " are one topic.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(long_text())
    is_priority: Mapped[bool] = mapped_column(default=False)
    # Raised by every saved change: a save made over an older version is refused (no lost
    # edits; see store.versions).
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


class TopicInterest(Base):
    """How much a manager wants a topic, from the diagnosis: rank 1 is most wanted."""

    __tablename__ = "topic_interest"
    __table_args__ = (CheckConstraint("rank >= 1", name="rank_from_one"),)

    manager_id: Mapped[int] = mapped_column(
        ForeignKey("manager.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    rank: Mapped[int]

    manager: Mapped[Manager] = relationship(back_populates="interests")
    topic: Mapped[Topic] = relationship()


# Every entity registered whenever this one can be loaded: relationships name them.
import booster_desktop.domain.model  # noqa: E402, F401

"""The change history: one entry per committed write (why, when, on which device) and its
values (per field changed, or per record added or removed, as text).

Plain tables written by the write gate from what the services report, not by triggers, so
that the history is kept the same way on any database. Sensitive values are never copied
here: their rows say only that the field changed (`masked`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base, UtcDateTime, long_text

# The longest value kept (a whole record as JSON, with a long note in it).
HISTORY_VALUE_LIMIT = 100_000


class ChangeEntry(Base):
    """One committed write: its action (edit, import, allocation, merge, undo, erase...)."""

    __tablename__ = "change_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    device: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(300))
    # The database login that wrote it, on a server (None on a file: the device says who).
    login: Mapped[str | None] = mapped_column(String(64))


class ChangeValue(Base):
    """What one entry did to one record: a field's old and new value (`kind` "update"), or
    the whole record's values as JSON (`kind` "insert": new_value; "delete": old_value)."""

    __tablename__ = "change_value"
    __table_args__ = (
        Index("ix_change_value_record", "table_name", "record_id"),
        Index("ix_change_value_manager_id", "manager_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("change_entry.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(64))
    # The record's key as text (a number, or a check-in's UUID); None: rows not named.
    record_id: Mapped[str | None] = mapped_column(String(64))
    # Which row of the record, for tables whose rows hang on one record (a manager's topic
    # ranks): the row's own key, as "topic_id=3".
    row_key: Mapped[str | None] = mapped_column(String(200))
    # The manager the record belongs to, if any: what a person's history and erasure follow
    # (no foreign key: the history outlives the record).
    manager_id: Mapped[int | None] = mapped_column()
    kind: Mapped[str] = mapped_column(String(8))
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(long_text(HISTORY_VALUE_LIMIT))
    new_value: Mapped[str | None] = mapped_column(long_text(HISTORY_VALUE_LIMIT))
    # True: the values are not kept (a sensitive field, an erased person): only that it changed.
    masked: Mapped[bool] = mapped_column(default=False)

"""The change history, read back (the window's History… lists, `booster history`) and
scrubbed of a person's values when their data is erased.

The gate writes it (see `store.history`); here it is read as light lines, newest first, one
per value row: what record, which field, old and new values, with the entry's action, time
and device. A masked value (a sensitive field, an erased person) reads as "changed".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exists, func, or_, select, update

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.field_words import field_word, table_word
from booster_desktop.domain.history import ChangeEntry, ChangeValue
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.sensitive import SENSITIVE_MARK
from booster_desktop.i18n import _
from booster_desktop.store.programme_file import ProgrammeFile


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One value row of the history with its entry: a field changed, or a record added or
    removed (`field` None, its values as JSON)."""

    entry_id: int
    at: datetime  # UTC
    action: str
    device: str
    description: str
    table: str
    record_id: str | None
    row_key: str | None
    manager_id: int | None
    kind: str  # insert, update, delete
    field: str | None
    old_value: str | None
    new_value: str | None
    masked: bool

    @property
    def old_shown(self) -> str:
        """The old value as a person reads it (for a value not kept, only a removed record
        says "changed" here)."""
        if self.masked:
            return SENSITIVE_MARK if self.kind == "delete" else ""
        return self.old_value or ""

    @property
    def new_shown(self) -> str:
        """The new value as a person reads it ("changed" when it is not kept)."""
        if self.masked:
            return "" if self.kind == "delete" else SENSITIVE_MARK
        return self.new_value or ""

    @property
    def record(self) -> str:
        """The record as "manager 3" (with its row: "topic_interest 3 (topic_id=2)")."""
        where = f"{self.table} {self.record_id}" if self.record_id is not None else self.table
        return f"{where} ({self.row_key})" if self.row_key else where

    @property
    def table_shown(self) -> str:
        """The record's table in the programme's words, in the current language."""
        return table_word(self.table)

    @property
    def field_shown(self) -> str:
        """The field in the programme's words, in the current language ("" for a record
        added or removed whole)."""
        return field_word(self.table, self.field) if self.field else ""

    @property
    def row_shown(self) -> str:
        """The row of a record's rows in the programme's words ("Topic 2" for
        "topic_id=2"), "" for a record's own row."""
        if not self.row_key:
            return ""
        parts = []
        for part in self.row_key.split(", "):
            name, equals, value = part.partition("=")
            parts.append(f"{field_word(self.table, name)} {value}" if equals else part)
        return ", ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {
            "entry": self.entry_id,
            "at": self.at.isoformat(),
            "action": self.action,
            "device": self.device,
            "description": self.description,
            "table": self.table,
            "record_id": self.record_id,
            "row": self.row_key,
            "manager_id": self.manager_id,
            "kind": self.kind,
            "field": self.field,
            "old": None if self.masked else self.old_value,
            "new": None if self.masked else self.new_value,
            "masked": self.masked,
        }


def read_history(
    programme: ProgrammeFile,
    *,
    table: str | None = None,
    record_id: int | str | None = None,
    manager_id: int | None = None,
    since: datetime | None = None,
) -> list[HistoryLine]:
    """The history, newest first: of one record (`table`, `record_id`), of everything tied
    to one manager (`manager_id`: their record, enrolments, check-ins, badges...), since a
    moment (UTC), or all of it."""
    query = (
        select(
            ChangeEntry.id,
            ChangeEntry.at,
            ChangeEntry.action,
            ChangeEntry.device,
            ChangeEntry.description,
            ChangeValue.table_name,
            ChangeValue.record_id,
            ChangeValue.row_key,
            ChangeValue.manager_id,
            ChangeValue.kind,
            ChangeValue.field,
            ChangeValue.old_value,
            ChangeValue.new_value,
            ChangeValue.masked,
        )
        .join(ChangeValue, ChangeValue.entry_id == ChangeEntry.id)
        .order_by(ChangeEntry.id.desc(), ChangeValue.id)
    )
    if table is not None:
        query = query.where(ChangeValue.table_name == table)
    if record_id is not None:
        query = query.where(ChangeValue.record_id == str(record_id))
    if manager_id is not None:
        query = query.where(ChangeValue.manager_id == manager_id)
    if since is not None:
        query = query.where(ChangeEntry.at >= since)
    with programme.engine.connect() as connection:
        if manager_id is not None and not _known_manager(connection, manager_id):
            raise BoosterError(
                _("manager {manager_id} does not exist and has no history").format(
                    manager_id=manager_id
                )
            )
        rows: list[tuple[Any, ...]] = [tuple(row) for row in connection.execute(query)]
        return [HistoryLine(*row) for row in rows]


def _known_manager(connection: Connection, manager_id: int) -> bool:
    return bool(
        connection.scalar(
            select(
                or_(
                    exists().where(Manager.id == manager_id),
                    exists().where(ChangeValue.manager_id == manager_id),
                )
            )
        )
    )


def erase_person_history(connection: Connection, manager_id: int) -> int:
    """Inside an open write block: remove every value the history keeps of this manager
    (their record and every record tied to them: enrolments, topic ranks, check-ins,
    badges, certificates, travel documents), leaving rows that say only that something
    changed. Returns how many history rows were scrubbed."""
    kept = (
        ChangeValue.manager_id == manager_id,
        or_(
            ChangeValue.old_value.is_not(None),
            ChangeValue.new_value.is_not(None),
            ChangeValue.masked.is_(False),
        ),
    )
    # Counted first, never from the cursor's rowcount (a driver need not say).
    scrubbed = connection.execute(
        select(func.count()).select_from(ChangeValue).where(*kept)
    ).scalar_one()
    if scrubbed:
        connection.execute(
            update(ChangeValue).where(*kept).values(old_value=None, new_value=None, masked=True)
        )
    return int(scrubbed)


# What "the history of this record" takes in beside the record's own table: the rows that
# hang on it (the same key), so a tour's focus topics and a session's people come along.
_WITH_IT: dict[str, tuple[str, ...]] = {
    "tour": ("tour_focus_topic",),
    "tour_session": ("session_person", "session_topic"),
}


def record_history(programme: ProgrammeFile, table: str, record_id: int) -> list[HistoryLine]:
    """The history of one record, newest first: a manager's takes in everything tied to them
    (enrolments, topic ranks, check-ins, badges, travel document); a tour's its focus
    topics; a session's its people and topics."""
    if table == "manager":
        return read_history(programme, manager_id=record_id)
    lines = [
        line
        for name in (table, *_WITH_IT.get(table, ()))
        for line in read_history(programme, table=name, record_id=record_id)
    ]
    return sorted(lines, key=lambda line: line.entry_id, reverse=True)

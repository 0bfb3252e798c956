"""The change history, written by the write gate inside the write's own transaction.

A record is read when a service first reports it (`changes.report`, before an update or a
delete) and again just before the commit; the difference is what the history keeps: a row
per field changed, or a row per record added or removed with its values as JSON. Plain
statements over plain tables (no triggers), so any database keeps it the same way. Values
of sensitive fields (`domain.sensitive`) are never copied: such a row says only "changed".
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import Column, Connection, Table, insert, select

from booster_desktop.domain.history import HISTORY_VALUE_LIMIT, ChangeEntry, ChangeValue
from booster_desktop.domain.model import Base
from booster_desktop.domain.sensitive import SENSITIVE_MARK, is_sensitive
from booster_desktop.store.changes import Action, Change, Key, Report, Rows

# Tables whose rows hang on one record: reported (and kept in the history) by that record's
# key, each row named by the rest of its primary key.
GROUPED_BY: dict[str, str] = {
    "topic_interest": "manager_id",
    "badge_token": "manager_id",
    "travel_document": "manager_id",
    "tour_focus_topic": "tour_id",
    "session_person": "session_id",
    "session_topic": "session_id",
}

# Keeps IN (...) lists far below every database's limit on bound parameters.
_CHUNK = 500

INSERT, UPDATE, DELETE = "insert", "update", "delete"


def record_key(table: Table) -> Column[Any]:
    """The column whose values `changes.report` names for `table`: its own key, or for rows
    that hang on a record, that record's key."""
    grouped = GROUPED_BY.get(table.name)
    if grouped is not None:
        return table.c[grouped]
    (key,) = table.primary_key.columns
    return key


def _chunks(values: list[Key]) -> Iterator[list[Key]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def read_records(connection: Connection, table_name: str, keys: Collection[Key]) -> dict[Key, Rows]:
    """The rows of each record of `table_name` (every column), by record key."""
    table = Base.metadata.tables[table_name]
    key = record_key(table)
    primary = [c.name for c in table.primary_key.columns]
    found: dict[Key, Rows] = {k: {} for k in keys}
    for chunk in _chunks(list(keys)):
        for row in connection.execute(select(table).where(key.in_(chunk))):
            values = dict(row._mapping)
            found.setdefault(values[key.name], {})[tuple(values[c] for c in primary)] = values
    return found


def remember(connection: Connection, collected: Report, table: str, keys: Collection[Key]) -> None:
    """Keep how these records are now, unless they were reported earlier in the block."""
    known = collected.before.setdefault(table, {})
    fresh = [k for k in keys if k not in known]
    if fresh:
        known.update(read_records(connection, table, fresh))


def as_text(value: object) -> str | None:
    """A stored value as the history shows it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return f"({len(bytes(value))} bytes)"
    return str(value)[:HISTORY_VALUE_LIMIT]


def _record_json(table: str, row: Mapping[str, object], masked: bool) -> str | None:
    if masked:
        return None
    values = {
        name: (SENSITIVE_MARK if value is not None else None)
        if is_sensitive(table, name)
        else as_text(value)
        for name, value in row.items()
    }
    return json.dumps(values, ensure_ascii=False)[:HISTORY_VALUE_LIMIT]


def _row_key(table: Table, key: Column[Any], primary: tuple[object, ...]) -> str | None:
    names = [c.name for c in table.primary_key.columns]
    if names == [key.name]:
        return None
    return ", ".join(
        f"{name}={value}" for name, value in zip(names, primary, strict=True) if name != key.name
    )


def _manager_of(table: str, key: Key, *rows: Mapping[str, object] | None) -> int | None:
    if table == "manager":
        return int(key)
    for row in rows:
        if row is not None and isinstance(row.get("manager_id"), int):
            return int(str(row["manager_id"]))
    return None


def record(connection: Connection, collected: Report, change: Change) -> int | None:
    """Write the history of the block about to commit: one entry and its values. Returns the
    entry's id (None when nothing turned out changed: a save of an unchanged record)."""
    masked = change.action is Action.ERASE
    values: list[dict[str, Any]] = []
    counts: Counter[tuple[str, str]] = Counter()
    for table_name, before in collected.before.items():
        table = Base.metadata.tables[table_name]
        key = record_key(table)
        after = read_records(connection, table_name, list(before))
        for record_id, old_rows in before.items():
            new_rows = after.get(record_id, {})
            for primary in [*old_rows, *(p for p in new_rows if p not in old_rows)]:
                old, new = old_rows.get(primary), new_rows.get(primary)
                common = {
                    "table_name": table_name,
                    "record_id": str(record_id),
                    "row_key": _row_key(table, key, primary),
                    "manager_id": _manager_of(table_name, record_id, new, old),
                }
                fields: list[tuple[str | None, str | None, str | None]]
                if old is None and new is not None:
                    kind, fields = INSERT, [(None, None, _record_json(table_name, new, masked))]
                elif new is None and old is not None:
                    kind, fields = DELETE, [(None, _record_json(table_name, old, masked), None)]
                elif old is not None and new is not None:
                    kind = UPDATE
                    fields = [
                        (name, as_text(old[name]), as_text(new[name]))
                        for name in new
                        if old[name] != new[name]
                    ]
                else:
                    continue
                for name, was, now in fields:
                    hidden = masked or (name is not None and is_sensitive(table_name, name))
                    values.append(
                        {
                            **common,
                            "kind": kind,
                            "field": name,
                            "old_value": None if hidden else was,
                            "new_value": None if hidden else now,
                            "masked": hidden,
                        }
                    )
                if fields:
                    counts[(table_name, kind)] += 1
    for table_name, written in collected.written.items():
        if written.ids is None:  # rows not named: the history can say only that it changed
            values.append(
                {
                    "table_name": table_name,
                    "record_id": None,
                    "row_key": None,
                    "manager_id": None,
                    "kind": UPDATE,
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                    "masked": True,
                }
            )
            counts[(table_name, UPDATE)] += 1
    if not values:
        return None
    description = "; ".join(collected.descriptions) or _describe(counts)
    entry_id: int = connection.execute(
        insert(ChangeEntry)
        .values(
            action=str(change.action),
            at=change.at,
            device=change.device[:200],
            description=description[:300],
        )
        .returning(ChangeEntry.id)
    ).scalar_one()
    for row in values:
        row["entry_id"] = entry_id
    connection.execute(insert(ChangeValue), values)
    return entry_id


_VERBS = {INSERT: "added", UPDATE: "changed", DELETE: "removed"}


def _describe(counts: Counter[tuple[str, str]]) -> str:
    """What the entry did, in counts ("manager: 1,000 added; topic_interest: 3 changed")."""
    parts = [
        f"{table.replace('_', ' ')}: {count:,} {_VERBS[kind]}"
        for (table, kind), count in sorted(counts.items())
    ]
    return "; ".join(parts)

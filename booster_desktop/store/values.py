"""Every stored value against its column's type: what SQLite itself does not hold.

SQLite keeps any type in any column (a text capacity, a real lottery seed, a name stored as a
blob, 30 February in a date, bytes that are not UTF-8 in a text cell); the program reading the
value back then fails far from the cause. `booster check` finds them here, naming the table,
row and column.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    Time,
)
from sqlalchemy.types import TypeDecorator, TypeEngine

# (storage classes allowed, a check of the raw bytes or None, what it should be, in words)
Rule = tuple[frozenset[str], Callable[[bytes], bool] | None, str]


def _decodes(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parses(parse: Callable[[str], object], length: int | None = None) -> Callable[[bytes], bool]:
    def check(raw: bytes) -> bool:
        try:
            text = raw.decode("utf-8")
            parse(text)
        except ValueError:
            return False
        return length is None or len(text) == length

    return check


def _rule(column: Column[object]) -> Rule | None:
    kind: TypeEngine[object] = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, Boolean):
        return frozenset({"integer"}), lambda raw: raw in (b"0", b"1"), "0 or 1"
    if isinstance(kind, Integer):
        return frozenset({"integer"}), None, "a whole number"
    if isinstance(kind, Float | Numeric):
        return frozenset({"integer", "real"}), None, "a number"
    if isinstance(kind, Enum):
        allowed = {value.encode("utf-8") for value in kind.enums}
        return frozenset({"text"}), lambda raw: raw in allowed, f"one of {', '.join(kind.enums)}"
    if isinstance(kind, DateTime):
        return frozenset({"text"}), _parses(datetime.fromisoformat), "a date and time"
    if isinstance(kind, Date):
        return frozenset({"text"}), _parses(date.fromisoformat, 10), "a date (YYYY-MM-DD)"
    if isinstance(kind, Time):
        return frozenset({"text"}), _parses(time.fromisoformat), "a time of day"
    if isinstance(kind, String | Text):
        return frozenset({"text"}), _decodes, "text"
    if isinstance(kind, LargeBinary):
        return frozenset({"blob"}), None, "bytes"
    return None


def _shown(kind: str, raw: bytes | None) -> str:
    if kind == "null":
        return "nothing"
    if kind == "blob":
        return f"bytes ({len(raw or b'')})"
    text = (raw or b"").decode("utf-8", "replace")
    return f"{kind} {text[:30]!r}" if kind == "text" else f"{kind} {text[:30]}"


def value_problems(connection: sqlite3.Connection) -> Iterator[str]:
    """Each value whose storage class or form does not fit its column, one line each."""
    from booster_desktop.domain.model import Base

    for table in Base.metadata.sorted_tables:
        rules = [(c.name, c.nullable, _rule(c)) for c in table.columns]
        checked = [(name, nullable, rule) for name, nullable, rule in rules if rule is not None]
        if not checked:
            continue
        selects = ", ".join(f'typeof("{name}"), CAST("{name}" AS BLOB)' for name, _, _ in checked)
        cursor = connection.execute(f'SELECT rowid, {selects} FROM "{table.name}"')
        for row in cursor:
            rowid = row[0]
            for index, (name, nullable, rule) in enumerate(checked):
                assert rule is not None
                kind, raw = row[1 + 2 * index], row[2 + 2 * index]
                allowed, form, words = rule
                if kind == "null":
                    if not nullable:
                        yield f"{table.name} row {rowid}: {name} is empty, but must hold {words}"
                    continue
                if kind not in allowed or (form is not None and not form(bytes(raw))):
                    yield (
                        f"{table.name} row {rowid}: {name} holds {_shown(kind, raw)}, not {words}"
                    )

"""Reading (and for a few tests writing) a programme behind the application's back, on
either database: `connect(location)` is `sqlite3.connect` for a file, and on the PostgreSQL
pass a psycopg connection with the same small interface (`?` placeholders, `execute`
returning a cursor, a `with` block that commits), so that the tests' own SQL holds on both.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

_PLACEHOLDER = re.compile(r"\?(?=(?:[^']*'[^']*')*[^']*$)")  # a ? outside quoted text


def _as_sqlite(value: Any) -> Any:
    """A value as sqlite3 reads back what the application wrote: moments, dates and times as
    SQLAlchemy's SQLite text, truth values as 0 and 1."""
    from datetime import date, datetime, time

    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _untyped(value: Any) -> Any:
    # sqlite3 takes 0 and 1 for truth values; sent as text of unknown type, PostgreSQL reads
    # a number as whatever the column is (a boolean, an integer).
    return str(value) if type(value) is int else value


class _Cursor:
    """A psycopg cursor whose rows read as sqlite3's."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    @property
    def description(self) -> Any:
        return self.cursor.description

    @property
    def rowcount(self) -> int:
        return int(self.cursor.rowcount)

    def fetchone(self) -> tuple[Any, ...] | None:
        if self.cursor.description is None:  # sqlite3 gives nothing after an UPDATE
            return None
        row = self.cursor.fetchone()
        return None if row is None else tuple(_as_sqlite(v) for v in row)

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self.cursor.description is None:
            return []
        return [tuple(_as_sqlite(v) for v in row) for row in self.cursor.fetchall()]

    def __iter__(self) -> Any:
        if self.cursor.description is None:
            return
        for row in self.cursor:
            yield tuple(_as_sqlite(v) for v in row)


class ServerConnection:
    """A psycopg connection that reads like sqlite3's."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.raw = psycopg.connect(url)

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        cursor = self.raw.cursor()
        if not parameters:
            cursor.execute(sql)
            return _Cursor(cursor)
        sql = _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))
        if isinstance(parameters, dict):
            sql = re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)
            parameters = {k: _untyped(v) for k, v in parameters.items()}
        else:
            parameters = [_untyped(v) for v in parameters]
        cursor.execute(sql, parameters)
        return _Cursor(cursor)

    def executemany(self, sql: str, rows: Any) -> Any:
        cursor = self.raw.cursor()
        cursor.executemany(
            _PLACEHOLDER.sub("%s", sql), [[_untyped(v) for v in row] for row in rows]
        )
        return cursor

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> ServerConnection:
        return self

    def __exit__(self, kind: Any, *_: Any) -> None:
        # As sqlite3's: commit or roll back, the connection stays open.
        if kind is None:
            self.raw.commit()
        else:
            self.raw.rollback()


def connect(location: Any, *args: Any, **kwargs: Any) -> Any:
    """`sqlite3.connect` for a file; a `ServerConnection` for a programme on a server."""
    if isinstance(location, str | Path):
        return sqlite3.connect(location, *args, **kwargs)
    from booster_desktop.services.programme import ServerAddress

    assert isinstance(location, ServerAddress), location
    url = location.driver_url().set(drivername="postgresql")
    return ServerConnection(url.render_as_string(hide_password=False))


def fingerprint(location: Any) -> str:
    """What must not change when the programme is left as it was: a file's bytes, or every
    row of every table of a programme on a server."""
    import hashlib

    if isinstance(location, str | Path):
        return hashlib.sha256(Path(location).read_bytes()).hexdigest()
    digest = hashlib.sha256()
    connection = connect(location)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() ORDER BY table_name"
            )
        ]
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" LIMIT 0')
            order = ", ".join(str(n) for n in range(1, len(cursor.description) + 1))
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()

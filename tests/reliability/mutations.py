"""Ways a programme file gets damaged: a failing disk (bytes flipped, pages zeroed, swapped or
cut off), a careless tool (columns renamed or dropped, tables dropped, triggers added) and
values SQLite accepts in any column (text in a number, 30 February, bytes that are not UTF-8).

Each mutation changes a copy in place and returns a short description, or None when it could
not be applied to this copy (the harness then draws another).
"""

from __future__ import annotations

import random
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

Mutation = Callable[[Path, random.Random], str | None]


def _page_size(path: Path) -> int:
    with path.open("rb") as stream:
        header = stream.read(100)
    (size,) = struct.unpack(">H", header[16:18])
    return 65536 if size == 1 else size


def flip_bytes(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    count = rng.choice((1, 2, 4, 16, 64))
    # Mostly past the header (a header flip is refused before SQLite opens anything).
    low = 0 if rng.random() < 0.1 else 100
    for _ in range(count):
        position = rng.randrange(low, len(data))
        data[position] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return f"{count} bytes flipped"


def truncate(path: Path, rng: random.Random) -> str:
    size = path.stat().st_size
    page = _page_size(path)
    keep = rng.choice((rng.randrange(size), rng.randrange(1, size // page) * page))
    with path.open("r+b") as stream:
        stream.truncate(keep)
    return f"cut at {keep} bytes"


def zero_page(path: Path, rng: random.Random) -> str:
    page = _page_size(path)
    pages = path.stat().st_size // page
    number = rng.randrange(2, pages + 1)
    with path.open("r+b") as stream:
        stream.seek((number - 1) * page)
        stream.write(b"\0" * page)
    return f"page {number} zeroed"


def swap_pages(path: Path, rng: random.Random) -> str:
    page = _page_size(path)
    pages = path.stat().st_size // page
    a, b = rng.sample(range(2, pages + 1), 2)
    data = bytearray(path.read_bytes())
    first = data[(a - 1) * page : a * page]
    data[(a - 1) * page : a * page] = data[(b - 1) * page : b * page]
    data[(b - 1) * page : b * page] = first
    path.write_bytes(bytes(data))
    return f"pages {a} and {b} swapped"


def _sql(path: Path, *statements: str) -> bool:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            connection.execute(statement)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return True


def _columns(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, declared type) of every column of the file."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return [
            (table, str(c[1]), str(c[2]))
            for table in tables
            for c in connection.execute(f'PRAGMA table_info("{table}")')
        ]
    finally:
        connection.close()


def rename_column(path: Path, rng: random.Random) -> str | None:
    table, column, _ = rng.choice(_columns(path))
    done = _sql(path, f'ALTER TABLE "{table}" RENAME COLUMN "{column}" TO "{column}_old"')
    return f"{table}.{column} renamed" if done else None


def drop_column(path: Path, rng: random.Random) -> str | None:
    table, column, _ = rng.choice(_columns(path))
    done = _sql(path, f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    return f"{table}.{column} dropped" if done else None


def drop_table(path: Path, rng: random.Random) -> str | None:
    table = rng.choice(sorted({t for t, _, _ in _columns(path)}))
    return f"table {table} dropped" if _sql(path, f'DROP TABLE "{table}"') else None


def add_trigger(path: Path, rng: random.Random) -> str | None:
    table = rng.choice(sorted({t for t, _, _ in _columns(path) if t != "alembic_version"}))
    statement = f'CREATE TRIGGER foreign_{table} AFTER INSERT ON "{table}" BEGIN SELECT 1; END'
    return f"a trigger on {table}" if _sql(path, statement) else None


def second_revision(path: Path, rng: random.Random) -> str | None:
    done = _sql(path, "INSERT INTO alembic_version VALUES ('0001_initial')")
    return "a second schema revision" if done else None


def delete_referenced(path: Path, rng: random.Random) -> str | None:
    table = rng.choice(("tour", "manager", "topic", "organisation", "country"))
    done = _sql(path, f'DELETE FROM "{table}" WHERE rowid = (SELECT min(rowid) FROM "{table}")')
    return f"a {table} still referenced deleted" if done else None


# Values of the wrong type or form, as SQL literals: SQLite stores each of them in any column.
WRONG_VALUES = (
    "'twelve'",
    "1e300",
    "-1",
    "4611686018427387904",
    "CAST('Amina' AS BLOB)",
    "CAST(X'C328' AS TEXT)",
    "'2026-02-30'",
    "'not a date'",
    "'25:99'",
    "NULL",
    "''",
)


def wrong_value(path: Path, rng: random.Random) -> str | None:
    table, column, _ = rng.choice([c for c in _columns(path) if c[0] != "alembic_version"])
    value = rng.choice(WRONG_VALUES)
    statement = (
        f'UPDATE "{table}" SET "{column}" = {value} '
        f'WHERE rowid = (SELECT rowid FROM "{table}" ORDER BY random() LIMIT 1)'
    )
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        connection.close()
    if not rows:
        return None
    return f"{table}.{column} = {value}" if _sql(path, statement) else None


# The attack's mix: more of the kinds that found the most.
MUTATIONS: tuple[Mutation, ...] = (
    flip_bytes,
    flip_bytes,
    truncate,
    zero_page,
    zero_page,
    swap_pages,
    rename_column,
    drop_column,
    drop_table,
    add_trigger,
    second_revision,
    delete_referenced,
    wrong_value,
    wrong_value,
    wrong_value,
    wrong_value,
)


def damage(path: Path, rng: random.Random) -> str:
    """Damage the file at `path` one way drawn from `MUTATIONS`; returns what was done."""
    for _ in range(50):
        done = rng.choice(MUTATIONS)(path, rng)
        if done is not None:
            return done
    raise AssertionError("no mutation applied to this copy")

"""The file's own description of its tables (SQLite's catalogue) against the schema the code
expects: the cheap check every opening runs, so that a damaged file is refused as damaged,
naming the table and column, before any query trips over it.

No Alembic here: the expected catalogue is built once per process from the model's metadata
in an in-memory database, exactly as a new file is made (a test checks a migrated file too).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

# SQLite's own tables (statistics from ANALYZE, the sequence of AUTOINCREMENT) are not ours
# to judge.
_SQLITE_OWN = re.compile(r"^sqlite_")
_CONSTRAINT = re.compile(r"\bCONSTRAINT\s+[\"`\[]?(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    primary_key: int


@dataclass
class Catalogue:
    """What SQLite says a database holds: tables with their columns and named constraints,
    indexes, triggers and views."""

    tables: dict[str, tuple[Column, ...]] = field(default_factory=dict)
    constraints: dict[str, frozenset[str]] = field(default_factory=dict)
    indexes: dict[str, tuple[str, bool, tuple[str, ...]]] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()
    views: frozenset[str] = frozenset()


def read_catalogue(connection: sqlite3.Connection) -> Catalogue:
    """The catalogue of an open SQLite connection (sqlite_master and PRAGMA table_info)."""
    catalogue = Catalogue()
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    triggers, views = set(), set()
    for kind, name, table, sql in rows:
        if _SQLITE_OWN.match(str(name)):
            continue
        if kind == "table":
            info = connection.execute(f'PRAGMA table_info("{_quoted(name)}")').fetchall()
            catalogue.tables[name] = tuple(
                Column(str(c[1]), str(c[2]).upper(), bool(c[3]), int(c[5])) for c in info
            )
            catalogue.constraints[name] = frozenset(_CONSTRAINT.findall(str(sql or "")))
        elif kind == "index":
            columns = connection.execute(f'PRAGMA index_info("{_quoted(name)}")').fetchall()
            unique = "UNIQUE" in str(sql or "").upper()
            catalogue.indexes[name] = (str(table), unique, tuple(str(c[2]) for c in columns))
        elif kind == "trigger":
            triggers.add(str(name))
        elif kind == "view":
            views.add(str(name))
    catalogue.triggers = frozenset(triggers)
    catalogue.views = frozenset(views)
    return catalogue


def _quoted(name: str) -> str:
    return str(name).replace('"', '""')


@cache
def expected_catalogue() -> Catalogue:
    """The catalogue of a new programme file at the newest schema revision."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from booster_desktop.domain.model import Base

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        Base.metadata.create_all(engine)
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            raw.execute(ALEMBIC_VERSION_TABLE)
            return read_catalogue(raw)
    finally:
        engine.dispose()


# The table `alembic stamp` makes, as Alembic writes it.
ALEMBIC_VERSION_TABLE = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def catalogue_problems(actual: Catalogue, expected: Catalogue | None = None) -> Iterator[str]:
    """Each difference between a file's catalogue and the expected one, as one line."""
    expected = expected_catalogue() if expected is None else expected
    for table in sorted(set(expected.tables) - set(actual.tables)):
        yield f"lacks the table {table}"
    for table in sorted(set(actual.tables) - set(expected.tables)):
        yield f"has a table {table} that Booster Desktop does not make"
    for table in sorted(set(expected.tables) & set(actual.tables)):
        yield from _table_problems(table, actual, expected)
    for index in sorted(set(expected.indexes) - set(actual.indexes)):
        yield f"lacks the index {index} on table {expected.indexes[index][0]}"
    for index in sorted(set(actual.indexes) - set(expected.indexes)):
        yield f"has an index {index} that Booster Desktop does not make"
    for index in sorted(set(actual.indexes) & set(expected.indexes)):
        if actual.indexes[index] != expected.indexes[index]:
            yield f"index {index} covers other columns than Booster Desktop makes it with"
    for trigger in sorted(actual.triggers - expected.triggers):
        yield f"has a trigger {trigger} that Booster Desktop does not make"
    for trigger in sorted(expected.triggers - actual.triggers):
        yield f"lacks the trigger {trigger}"
    for view in sorted(actual.views ^ expected.views):
        yield f"has a view {view} that Booster Desktop does not make"


def _table_problems(table: str, actual: Catalogue, expected: Catalogue) -> Iterator[str]:
    mine = {c.name: c for c in actual.tables[table]}
    wanted = {c.name: c for c in expected.tables[table]}
    for name in (c.name for c in expected.tables[table] if c.name not in mine):
        yield f"table {table} lacks the column {name}"
    for name in (c.name for c in actual.tables[table] if c.name not in wanted):
        yield f"table {table} has a column {name} that Booster Desktop does not make"
    for name, column in wanted.items():
        found = mine.get(name)
        if found is None:
            continue
        if found.type != column.type:
            declared = found.type or "without a type"
            yield f"column {table}.{name} is declared {declared}, not {column.type}"
        elif found.not_null != column.not_null:
            yield f"column {table}.{name} {'refuses' if found.not_null else 'allows'} empty values"
        elif found.primary_key != column.primary_key:
            yield f"column {table}.{name} is not keyed as Booster Desktop makes it"
    missing = sorted(expected.constraints.get(table, frozenset()) - actual.constraints[table])
    if missing:
        yield f"table {table} lacks the constraint {missing[0]}"

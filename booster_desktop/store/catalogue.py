"""The file's own description of its tables (SQLite's catalogue) against the schema the code
expects: the cheap check every opening runs, so that a damaged file is refused as damaged,
naming the table and column, before any query trips over it.

No Alembic and no ORM here: the expected catalogue is kept as data in `schema_catalogue.py`,
written from the model's metadata by `python -m booster_desktop.store.catalogue` (a test
fails, naming that command, when the model changes and the data does not; another checks that
a migrated file matches it), so that a command like `booster info` never loads the ORM.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

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
    from booster_desktop.store.schema_catalogue import CATALOGUE

    return catalogue_from_data(CATALOGUE)


def catalogue_from_metadata() -> Catalogue:
    """The catalogue of a new file, made from the model in an in-memory database."""
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


def catalogue_data(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as plain data (what `schema_catalogue.py` holds)."""
    return {
        "tables": {
            name: [[c.name, c.type, c.not_null, c.primary_key] for c in columns]
            for name, columns in sorted(catalogue.tables.items())
        },
        "constraints": {
            name: sorted(names) for name, names in sorted(catalogue.constraints.items())
        },
        "indexes": {
            name: [table, unique, list(columns)]
            for name, (table, unique, columns) in sorted(catalogue.indexes.items())
        },
        "triggers": sorted(catalogue.triggers),
        "views": sorted(catalogue.views),
    }


def catalogue_from_data(data: dict[str, Any]) -> Catalogue:
    return Catalogue(
        tables={
            name: tuple(Column(str(c[0]), str(c[1]), bool(c[2]), int(c[3])) for c in columns)
            for name, columns in data["tables"].items()
        },
        constraints={name: frozenset(names) for name, names in data["constraints"].items()},
        indexes={
            name: (str(table), bool(unique), tuple(columns))
            for name, (table, unique, columns) in data["indexes"].items()
        },
        triggers=frozenset(data["triggers"]),
        views=frozenset(data["views"]),
    )


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


def write_schema_catalogue() -> Path:
    """Write `schema_catalogue.py` from the model (after a schema change; then ruff format)."""
    import pprint

    target = Path(__file__).with_name("schema_catalogue.py")
    data = pprint.pformat(catalogue_data(catalogue_from_metadata()), width=96, sort_dicts=True)
    target.write_text(
        '"""The catalogue of a new programme file at the newest schema (written by\n'
        '`python -m booster_desktop.store.catalogue` from the model; a test checks it)."""\n\n'
        "from typing import Any\n\n"
        f"CATALOGUE: dict[str, Any] = {data}\n",
        encoding="utf-8",
    )
    return target


if __name__ == "__main__":
    print(f"Wrote {write_schema_catalogue()}")

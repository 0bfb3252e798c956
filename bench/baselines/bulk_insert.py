"""Baseline of the `demo` row: one bulk insert of the same rows, and nothing else.

    python bulk_insert.py ROWS.pickle TARGET.sqlite

Creates TARGET (which must not exist) with the programme's schema, WAL, `synchronous=FULL`
and foreign keys on, as the application's engine has them, then inserts every table's rows
from ROWS (`{table: [row dict, ...]}`, written by `bench.rows.programme_file.dump_rows`) in
one transaction, one `connection.execute(insert(table), rows)` per table, and commits.
Prints the seconds spent unpickling ROWS (reading the input, which the bench subtracts).
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, create_engine, event, insert

from booster_desktop.domain import Base


def main(rows_file: Path, target: Path) -> None:
    start = time.perf_counter()
    with rows_file.open("rb") as stream:
        rows: dict[str, list[dict[str, Any]]] = pickle.load(stream)
    unpickling = time.perf_counter() - start

    alembic = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), primary_key=True),
    )
    engine = create_engine(f"sqlite:///{target}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    Base.metadata.create_all(engine)
    alembic.create(engine)
    with engine.begin() as connection:
        for table in [*Base.metadata.sorted_tables, alembic]:
            if rows.get(table.name):
                connection.execute(insert(table), rows[table.name])
    engine.dispose()
    print(f"{unpickling:.6f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

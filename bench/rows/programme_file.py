"""Rows for the programme file: writing the demo, opening a file and counting what it holds."""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path
from typing import Any

from bench.harness import Context, row


def dump_rows(database: Path, target: Path) -> Path:
    """Pickle every table's rows of `database` as `{table: [row dict, ...]}`, in insert order.

    Rows are read through the same table objects the application writes with, so values come
    back as the Python objects it passes (dates, enum members), ready for `insert(table)`.
    """
    from sqlalchemy import create_engine, select, text

    from booster_desktop.domain import Base

    engine = create_engine(f"sqlite:///{database}")
    tables: dict[str, list[dict[str, Any]]] = {}
    try:
        with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                tables[table.name] = [dict(r) for r in connection.execute(select(table)).mappings()]
            tables["alembic_version"] = [
                dict(r)
                for r in connection.execute(text("SELECT version_num FROM alembic_version"))
                .mappings()
                .all()
            ]
    finally:
        engine.dispose()
    with target.open("wb") as stream:
        pickle.dump(tables, stream, protocol=pickle.HIGHEST_PROTOCOL)
    return target


def remove_database(path: Path) -> None:
    """Remove an SQLite file and the -wal, -shm and -journal files beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


@row(
    "demo",
    target=(3.0, 5.0),
    description="`booster demo FILE --managers N --force` (generate and write the whole "
    "programme) against a bare script writing the same rows: the same schema, WAL, "
    "synchronous=FULL, foreign keys on, one `connection.execute(insert(table), rows)` per "
    "table in one transaction (rows dumped from the demo beforehand; unpickling them is not "
    "counted)",
)
def demo(ctx: Context) -> tuple[float, float]:
    rows = ctx.once("demo rows", lambda: dump_rows(ctx.demo_file, ctx.path("demo-rows.pickle")))
    ours = ctx.time_booster(
        "demo",
        ctx.path("demo-row.booster"),
        "--managers",
        str(ctx.managers),
        "--seed",
        str(ctx.seed),
        "--force",
    )
    target = ctx.path("baseline-insert.sqlite")
    remove_database(target)
    done = ctx.run_script("bulk_insert.py", rows, target)
    # The script reports how long unpickling took: that is reading the input, not writing.
    baseline = done.seconds - float(done.stdout.split()[0])
    return ours, baseline


@row(
    "open+info",
    target=(0.6, 1.5),
    description="`booster info FILE --json` (open, validate, count) against a bare script "
    "that imports sqlalchemy.orm, makes an engine on the file and prints "
    "`SELECT count(*) FROM manager`",
)
def open_info(ctx: Context) -> tuple[float, float]:
    ours = ctx.time_booster("info", ctx.demo_file, "--json")
    baseline = ctx.time_script("count_managers.py", ctx.demo_file)
    return ours, baseline

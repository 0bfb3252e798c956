"""Rows for a programme on a PostgreSQL server, beside the same work on the file.

They run when `BOOSTER_BENCH_DATABASE` names a server where databases may be made and dropped
(an administrator's address, e.g. `postgresql://postgres@/postgres?host=/tmp/pg&port=54329`:
a local throw-away cluster, see docs/server.md); without it they are not listed.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from bench.harness import Context, row

SERVER = os.environ.get("BOOSTER_BENCH_DATABASE")
_numbers = itertools.count(1)


def _admin(sql: str) -> None:
    import psycopg

    assert SERVER is not None
    with psycopg.connect(SERVER, autocommit=True) as connection:
        connection.execute(sql)


def _fresh_database(ctx: Context) -> str:
    """A new empty database on the server (untimed); its address."""
    from sqlalchemy.engine import make_url

    name = f"booster_bench_{os.getpid()}_{next(_numbers)}"
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"')
    assert SERVER is not None
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def _pushed(ctx: Context) -> str:
    """The demo pushed once into a database of its own, for the reading rows."""

    def make() -> str:
        url = _fresh_database(ctx)
        ctx.run([ctx.python, "-m", "booster_desktop", "push", ctx.demo_file, url])
        return url

    return ctx.once("server demo", make)


def _dumps(ctx: Context) -> Path:
    """Every table of the pushed demo in COPY's text format, one file each (untimed)."""

    def make() -> Path:
        import psycopg

        from booster_desktop.domain.model import Base

        folder = ctx.path("copy dumps")
        folder.mkdir(exist_ok=True)
        with psycopg.connect(_pushed(ctx)) as connection, connection.cursor() as cursor:
            for table in Base.metadata.sorted_tables:
                with (
                    (folder / f"{table.name}.copy").open("wb") as out,
                    cursor.copy(f'COPY "{table.name}" TO STDOUT') as copy,
                ):
                    for data in copy:
                        out.write(data)
        return folder

    return ctx.once("server dumps", make)


if SERVER:

    @row(
        "server start-up",
        target=(None, 2.0),
        description="`booster-desktop URL` on the demo pushed to a local PostgreSQL, from "
        "process start to the window painted with the Managers tab filled (offscreen), "
        "against the same start on the programme file",
    )
    def server_start_up(ctx: Context) -> tuple[float, float]:
        env = {
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(ctx.path("config")),
            "XDG_DATA_HOME": str(ctx.path("data")),
        }
        app = [ctx.python, "-m", "booster_desktop.app"]
        url = _pushed(ctx)
        ours = ctx.run([*app, url, "--exit-when-ready"], extra_env=env).seconds
        baseline = ctx.run([*app, ctx.demo_file, "--exit-when-ready"], extra_env=env).seconds
        return ours, baseline

    @row(
        "push",
        target=(None, 2.0),
        description="`booster push FILE URL` of the demo into an empty database of a local "
        "PostgreSQL (schema, every table by COPY, sequences, one transaction) against "
        "`baselines/server_copy.py`: the same schema and PostgreSQL's own COPY of the same "
        "rows from text dumps made beforehand",
    )
    def push(ctx: Context) -> tuple[float, float]:
        dumps = _dumps(ctx)
        target = _fresh_database(ctx)
        ours = ctx.time_booster("push", ctx.demo_file, target)
        bare = _fresh_database(ctx)
        baseline = ctx.run([ctx.python, ctx.baseline("server_copy.py"), bare, dumps]).seconds
        for url in (target, bare):
            _admin(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1].split("?")[0]}" WITH (FORCE)')
        return ours, baseline

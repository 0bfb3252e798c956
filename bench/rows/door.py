"""A door on a PostgreSQL server: a check-in to its durable commit there, beside bare psycopg.

Listed only when `BOOSTER_BENCH_DATABASE` names a server (see `bench/rows/server.py`).
"""

from __future__ import annotations

import json

from bench.harness import Context, row
from bench.rows.server import SERVER, _fresh_database

if SERVER:

    @row(
        "door check-in on a server",
        target=(None, 3.0),
        description="median seconds from a scanned token to its durable commit on a local "
        "PostgreSQL, 200 badges of the largest tour one by one through the door that keeps "
        "going offline (`open_desk` -> `DoorDesk.record`: the lookup, then the check-in "
        "with its change history and NOTIFY as one statement the server commits), "
        "in-process, against a bare psycopg loop doing the badge-token lookup, INSERT and "
        "COMMIT on the same database",
    )
    def door_checkin(ctx: Context) -> tuple[float, float]:
        def pushed() -> str:
            url = _fresh_database(ctx)
            ctx.run([ctx.python, "-m", "booster_desktop", "push", ctx.demo_file, url])
            return url

        url = ctx.once("door demo", pushed)
        done = ctx.run(
            [ctx.python, ctx.baseline("door_timings.py"), url, "200"],
            extra_env={"XDG_DATA_HOME": str(ctx.path("door data"))},
        )
        timings = json.loads(done.stdout)
        return float(timings["ours"]), float(timings["bare"])

"""Live windows on a programme on a server: a change seen by a second window.

Listed only with `BOOSTER_BENCH_DATABASE` (see `bench/rows/server.py`).
"""

from __future__ import annotations

import json

from bench.harness import Context, row
from bench.rows.server import SERVER, _fresh_database

if SERVER:

    @row(
        "change seen by a second window",
        target=(1000.0, None),
        unit="ms",  # a fraction of a millisecond: seconds to three places would show 0.000
        description="median milliseconds, over 20 changes, from the commit of a write through the "
        "write gate in one process (Programme > Details' title) to a second process's "
        "document emitting `changed` for it (its listener thread, offscreen Qt), on a local "
        "PostgreSQL, against a bare psycopg NOTIFY from one process reaching "
        "`notifies()` on another process's connection",
    )
    def change_seen(ctx: Context) -> tuple[float, float]:
        def make() -> str:
            url = _fresh_database(ctx)
            ctx.run([ctx.python, "-m", "booster_desktop", "new", url])
            return url

        url = ctx.once("live programme", make)
        done = ctx.run(
            [ctx.python, ctx.baseline("live_timings.py"), url, "20"],
            extra_env={"QT_QPA_PLATFORM": "offscreen"},
        )
        timings = json.loads(done.stdout)
        return float(timings["ours"]) * 1000, float(timings["bare"]) * 1000

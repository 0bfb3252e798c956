"""Rows for check-in at the door: a scan to its durable commit, and merging laptops' journals."""

from __future__ import annotations

import json

from bench.harness import Context, row


@row(
    "check-in",
    target=(0.05, 3.0),
    description="median seconds from a scanned token (with its Enter) to its durable commit, "
    "200 badges of the largest tour checked in one by one through `CheckinDesk.record`, "
    "in-process, against a bare sqlite3 loop doing the token lookup, INSERT and COMMIT with the "
    "same durability settings (WAL, synchronous=FULL) on its own copy of the demo",
)
def checkin(ctx: Context) -> tuple[float, float]:
    done = ctx.run_script("checkin_timings.py", ctx.demo_file, ctx.workdir, "200")
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])


@row(
    "checkin merge",
    target=(5.0, 3.0),
    description="merging another laptop's journal of 10,000 check-ins (a tenth voided) into a "
    "copy of the demo with `merge_journal` (read, check every line, map badges and session "
    "UUIDs, one transaction), in-process, against a bare sqlite3 script reading the same "
    "lines with json.loads, mapping them through two dictionaries and inserting the same rows "
    "with one executemany in one transaction, same durability settings",
)
def checkin_merge(ctx: Context) -> tuple[float, float]:
    done = ctx.run_script("checkin_merge_timings.py", ctx.demo_file, ctx.workdir, "10000")
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])


@row(
    "check-in painted",
    target=(0.05, 3.0),
    description="median seconds from the Enter key of a scan to the state painted on the real "
    "check-in screen (offscreen Qt: key events into its input, the check-in committed, "
    "repaint), 50 badges, against a bare window whose Enter runs the same bare sqlite3 "
    "lookup, INSERT and COMMIT, then sets one big label and repaints",
)
def checkin_painted(ctx: Context) -> tuple[float, float]:
    done = ctx.run(
        [ctx.python, ctx.baseline("checkin_paint_timings.py"), ctx.demo_file, ctx.workdir, "50"],
        extra_env={"QT_QPA_PLATFORM": "offscreen"},
    )
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])

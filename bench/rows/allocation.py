"""Rows for the allocator: the reference programme in-process, 1,000 and 10,000 managers as
whole `booster allocate` processes, each beside one bare solve by the same solver."""

from __future__ import annotations

import json
from pathlib import Path

from bench.harness import Context, row


@row(
    "allocate 24x4x2",
    target=(0.05, None),
    description="load the reference programme's instance and solve every level, in-process, "
    "against one bare min-cost flow solve of the same instance built directly",
)
def reference(ctx: Context) -> tuple[float, float]:
    demo = ctx.once("reference demo", lambda: _demo(ctx, 24, "reference.booster"))
    timings = json.loads(ctx.run_script("allocation_timings.py", demo).stdout)
    return float(timings["ours"]), float(timings["bare"])


def _demo(ctx: Context, managers: int, name: str) -> Path:
    path = ctx.path(name)
    if not path.exists():
        ctx.run([ctx.python, "-m", "booster_desktop", "demo", path, "--managers", str(managers)])
    return path


def _instance(ctx: Context, demo: Path, name: str) -> Path:
    done = ctx.run(
        [ctx.python, "-m", "booster_desktop", "allocate", demo, "--per-manager", "3", "--json"]
    )
    path = ctx.path(name)
    path.write_text(json.dumps(json.loads(done.stdout)["instance"]), encoding="utf-8")
    return path


@row(
    "allocate 1000x20x3",
    target=(1.0, None),
    description="the whole `booster allocate FILE --per-manager 3` process on a 1,000-manager "
    "demo (20 tours), against a process building the same network and solving it once",
)
def thousand(ctx: Context) -> tuple[float, float]:
    demo = ctx.once("1000 demo", lambda: _demo(ctx, 1000, "thousand.booster"))
    instance = ctx.once("1000 instance", lambda: _instance(ctx, demo, "thousand.json"))
    ours = ctx.time_booster("allocate", demo, "--per-manager", "3")
    return ours, ctx.time_script("bare_flow.py", instance)


@row(
    "allocate 10000x50x3",
    target=(5.0, None),
    description="the whole `booster allocate FILE --per-manager 3` process on the 10,000-"
    "manager demo (50 tours), against a process building the same network and solving it once",
)
def ten_thousand(ctx: Context) -> tuple[float, float]:
    instance = ctx.once("10000 instance", lambda: _instance(ctx, ctx.demo_file, "ten.json"))
    ours = ctx.time_booster("allocate", ctx.demo_file, "--per-manager", "3")
    return ours, ctx.time_script("bare_flow.py", instance)

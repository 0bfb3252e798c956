"""Row for the open programme's document: one edit heard by every open screen."""

from __future__ import annotations

import json

from bench.harness import Context, row


@row(
    "edit heard by every screen",
    target=(0.05, None),
    description="with the four tabs loaded and the agenda editor and the demand view open on "
    "the demo, one manager's name and e-mail changed through the window's undoable command "
    "(validated, written through the write gate, fsynced, the change record broadcast, each "
    "screen refreshing what it shows) until the event loop is idle, in-process, median of 7 "
    "edits, against one bare UPDATE of the same columns with the same durability, the row "
    "read back and set in one QStandardItemModel cell",
)
def edit_heard_by_every_screen(ctx: Context) -> tuple[float, float]:
    done = ctx.run_script("refresh_timings.py", ctx.demo_file, ctx.workdir)
    timings = json.loads(done.stdout)
    return float(timings["ours"]), float(timings["bare"])

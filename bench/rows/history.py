"""Rows for the change history: what keeping it costs the biggest write it records, an
allocation applied at 10,000 managers, against the same apply without history. (The import
row, in importing.py, keeps its history too and is held to 2x openpyxl's read.)"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from bench.harness import Context, row


def _cleared(ctx: Context) -> Path:
    """The demo without its proposed enrolments: applying then writes every place afresh."""
    path = ctx.path("apply-source.booster")
    shutil.copyfile(ctx.demo_file, path)
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("DELETE FROM enrolment WHERE status = 'proposed'")
    finally:
        connection.close()  # folds the WAL back: the copies are of the main file alone
    return path


@row(
    "allocation apply history",
    target=(None, 1.5),
    description="`apply_allocation` in-process on a copy of the demo whose proposed "
    "enrolments were cleared (every place written afresh, backup first), keeping the change "
    "history, against the same apply on another copy with the history switched off",
)
def apply_with_history(ctx: Context) -> tuple[float, float]:
    source = ctx.once("apply source", lambda: _cleared(ctx))
    timings = json.loads(ctx.run_script("apply_timings.py", source, ctx.workdir).stdout)
    return float(timings["ours"]), float(timings["bare"])


@row(
    "allocation re-apply history",
    target=(None, 1.5),
    description="the same on a copy of the demo as built (its 20,000 proposed places kept): "
    "the new allocation replaces most of them, so the history keeps every place removed "
    "(copied by the database before the delete) and every place added, against the same "
    "apply without history",
)
def reapply_with_history(ctx: Context) -> tuple[float, float]:
    timings = json.loads(ctx.run_script("apply_timings.py", ctx.demo_file, ctx.workdir).stdout)
    return float(timings["ours"]), float(timings["bare"])

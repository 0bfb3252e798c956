"""Rows for the kept backups: a backup of the programme against copying the file."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bench.harness import Context, row


def _copy_and_sync(source: Path, target: Path) -> float:
    """The floor: copy the file and fsync the copy; returns the seconds it took."""
    started = time.perf_counter()
    shutil.copyfile(source, target)
    with target.open("rb+") as stream:
        os.fsync(stream.fileno())
    seconds = time.perf_counter() - started
    target.unlink()
    return seconds


def _backup(ctx: Context, *, settled: bool) -> float:
    # Backups go to the user's data folder: the scratch folder's, never the real one.
    os.environ["XDG_DATA_HOME"] = str(ctx.path("data"))
    from booster_desktop.services.backups import backup_before, settle
    from booster_desktop.services.programme import open_programme

    with open_programme(ctx.demo_file) as programme:
        settle()
        started = time.perf_counter()
        made = backup_before(programme, "open")
        if settled:
            settle()
        seconds = time.perf_counter() - started
        settle()  # the next run starts with nothing pending
    assert made is not None
    return seconds


@row(
    "backup",
    target=(None, 2.0),
    description="`services.backups.backup_before` in-process on the open demo, the time a "
    "bulk change waits for: a checkpoint, then the file's bytes copied under a read "
    "transaction into the programme's backup folder, "
    "synced and renamed into place; against `shutil.copyfile` of the same file and an fsync "
    "of the copy",
)
def backup(ctx: Context) -> tuple[float, float]:
    ours = _backup(ctx, settled=False)
    return ours, _copy_and_sync(ctx.demo_file, ctx.path("plain-copy.booster"))


@row(
    "backup checked",
    target=(None, None),
    description="the same backup until its worker has also checked the copy "
    "(`quick_check`), counted what it holds, rewritten the index and pruned the oldest; "
    "against the same copy and fsync (for the record: the check is what costs)",
)
def backup_checked(ctx: Context) -> tuple[float, float]:
    ours = _backup(ctx, settled=True)
    return ours, _copy_and_sync(ctx.demo_file, ctx.path("plain-copy.booster"))

"""Rows for the kept backups: a backup of the programme against copying the file."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bench.harness import Context, row


def _copy_and_sync(source: Path, target: Path) -> None:
    """The floor: copy the file and fsync the copy."""
    shutil.copyfile(source, target)
    with target.open("rb+") as stream:
        os.fsync(stream.fileno())


@row(
    "backup",
    target=(None, 2.0),
    description="`services.backups.backup_before` in-process on the open demo (the online "
    "backup API into the programme's backup folder, `quick_check` of the copy, synced and "
    "renamed, its counts read back, the index rewritten and the kept backups pruned) against "
    "`shutil.copyfile` of the same file and an fsync of the copy",
)
def backup(ctx: Context) -> tuple[float, float]:
    # Backups go to the user's data folder: the scratch folder's, never the real one.
    os.environ["XDG_DATA_HOME"] = str(ctx.path("data"))
    from booster_desktop.services.backups import backup_before
    from booster_desktop.services.programme import open_programme

    with open_programme(ctx.demo_file) as programme:
        started = time.perf_counter()
        made = backup_before(programme, "open")
        ours = time.perf_counter() - started
    assert made is not None and not made.damaged
    target = ctx.path("plain-copy.booster")
    started = time.perf_counter()
    _copy_and_sync(ctx.demo_file, target)
    baseline = time.perf_counter() - started
    target.unlink()
    return ours, baseline

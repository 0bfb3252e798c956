"""Putting a finished file in place so that a power cut leaves either the old or the new one."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from booster_desktop.domain.disk import is_unowned_partial, partial_owner

# SQLite's working files beside a database.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# A partial file that does not name its process (an earlier version's) is a leftover once it
# has not changed for this long: no export or backup takes an hour.
UNOWNED_LEFTOVER_SECONDS = 3600.0


def sync_file(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def sync_folder(folder: Path) -> None:
    """fsync a folder so that a rename inside it survives a power cut (POSIX only)."""
    if os.name == "posix":
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def replace_durably(finished: Path, target: Path) -> None:
    """fsync `finished`, rename it over `target`, and fsync the folder so the rename survives."""
    sync_file(finished)
    finished.replace(target)
    sync_folder(target.parent)


def publish_durably(finished: Path, target: Path) -> None:
    """fsync `finished` and put it at `target` only if no file is there (never over one, even
    one another process put there a moment ago), then fsync the folder. FileExistsError when
    `target` is taken; `finished` is then left where it was.

    A hard link is atomic and exclusive; where the file system has none (FAT, some shares)
    the name is claimed with an exclusive create, then the file renamed over that claim.
    """
    sync_file(finished)
    try:
        os.link(finished, target)
    except FileExistsError:
        raise
    except OSError:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(descriptor)
        try:
            finished.replace(target)
        except OSError:
            with contextlib.suppress(OSError):
                target.unlink()  # our own empty claim
            raise
    else:
        finished.unlink()
    sync_folder(target.parent)


def remove_database_files(path: Path, *, keep_main: bool = False) -> None:
    """Remove a database file and the -wal, -shm and -journal files SQLite may leave beside it
    (only those with `keep_main`). A clean-up never hides the error that called for it: a
    file that cannot be removed (a read-only folder) is left."""
    for suffix in SIDE_SUFFIXES if keep_main else ("", *SIDE_SUFFIXES):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the partial files (and their -wal and -shm) that processes killed while writing
    left in `folder`; those of a process still running are its work under way. Returns what
    was removed."""
    from booster_desktop.store.lock import process_alive

    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".")]
    except OSError:
        return removed
    me = os.getpid()
    for name in names:
        owner = partial_owner(name)
        if owner is None:
            if not is_unowned_partial(name) or not _older_than(
                folder / name, UNOWNED_LEFTOVER_SECONDS
            ):
                continue
        elif owner == me or process_alive(owner):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False

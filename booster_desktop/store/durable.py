"""Putting a finished file in place so that a power cut leaves either the old or the new one."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def sync_file(path: Path) -> None:
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def replace_durably(finished: Path, target: Path) -> None:
    """fsync `finished`, rename it over `target`, and fsync the folder so the rename survives."""
    sync_file(finished)
    finished.replace(target)
    if os.name == "posix":
        descriptor = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_database_files(path: Path, *, keep_main: bool = False) -> None:
    """Remove a database file and the -wal, -shm and -journal files SQLite may leave beside it
    (only those with `keep_main`)."""
    for suffix in ("-wal", "-shm", "-journal") if keep_main else ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()

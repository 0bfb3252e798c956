"""Which programme files this process has open through SQLite, so nothing else opens them.

SQLite guards a file with POSIX advisory locks, and POSIX drops every lock a process holds on
a file when the process closes *any* descriptor of it. A plain `open()` and `close()` of an
open programme (reading its header, checking an output path, reading it by mistake as an
import source or a logo) silently releases SQLite's locks: another process may then think
it is the last one and delete the -wal and -shm still in use (seen: committed check-ins
lost). So every plain read of a path a user gave asks here first, by device and inode, and
a file open here is never opened a second time outside SQLite.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _

# SQLite's working files beside a programme: it holds locks on the -shm too.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

_lock = threading.Lock()
_held: Counter[tuple[int, int]] = Counter()


def _key(path: Path) -> tuple[int, int] | None:
    try:
        found = Path(path).stat()
    except (OSError, ValueError):
        return None
    return (found.st_dev, found.st_ino)


def hold(path: Path) -> tuple[int, int] | None:
    """Note that SQLite is about to open `path` in this process; returns the key to `release`."""
    key = _key(path)
    if key is not None:
        with _lock:
            _held[key] += 1
    return key


def release(key: tuple[int, int] | None) -> None:
    """SQLite has closed the file `hold` returned `key` for."""
    if key is None:
        return
    with _lock:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]


def is_open_here(path: Path) -> bool:
    """Whether `path` (by any name) is a programme file this process has open."""
    key = _key(path)
    if key is None:
        return False
    with _lock:
        return key in _held


def belongs_to_open_programme(path: Path) -> bool:
    """Whether `path` is a programme open here or one of its SQLite working files."""
    return is_open_here(path) or is_working_file_of_open_programme(path)


def is_working_file_of_open_programme(path: Path) -> bool:
    """Whether `path` is the -wal, -shm or -journal of a programme open here."""
    path = Path(path)
    for suffix in SIDE_SUFFIXES:
        stem = path.name[: -len(suffix)]
        if path.name.endswith(suffix) and stem and is_open_here(path.with_name(stem)):
            return True
    return False


def refuse_if_open_here(path: Path, what: str) -> None:
    """Refuse to read `path` as `what` (an import source, a journal, an image) when it is an
    open programme or one of its working files: reading it would release SQLite's locks."""
    if belongs_to_open_programme(path):
        raise BoosterError(
            _("{path}: is the open programme file (or its working file), not {what}").format(
                path=path, what=what
            )
        )

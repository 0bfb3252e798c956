"""Reading a file's SQLite header in plain Python, before SQLite is allowed near it.

An empty, foreign, truncated or random file is refused here, without opening it with SQLite:
SQLite would take an empty file as a new database and could leave -wal or -shm files behind.
"""

from __future__ import annotations

import stat
import struct
from pathlib import Path

from booster_desktop.domain.disk import reading_error
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store import open_files
from booster_desktop.store.schema_version import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def check_header(path: Path) -> None:
    """Refuse, with a one-line reason naming the file, what is not a sound programme file.

    A file this process already has open was checked when it was opened; reading it again
    with a descriptor of our own would release SQLite's locks on it (see `open_files`).
    """
    if open_files.is_open_here(path):
        return
    try:
        found = path.stat()
    except FileNotFoundError:
        raise BoosterError(_("{path}: no such file").format(path=path)) from None
    except OSError as error:
        raise reading_error(path, error) from None
    if stat.S_ISDIR(found.st_mode):
        raise BoosterError(_("{path}: is a folder, not a programme file").format(path=path))
    if not stat.S_ISREG(found.st_mode):
        raise BoosterError(
            _("{path}: is not a file (a device or a pipe), not a programme file").format(path=path)
        )
    try:
        with path.open("rb") as stream:
            header = stream.read(HEADER_SIZE)
            stream.seek(0, 2)
            size = stream.tell()
    except OSError as error:
        raise BoosterError(
            _("{path}: cannot be read ({value})").format(path=path, value=error.strerror or error)
        ) from None
    if size == 0:
        raise BoosterError(_("{path}: is empty (0 bytes), not a programme file").format(path=path))
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise BoosterError(
            _("{path}: is not a Booster programme file (not an SQLite database)").format(path=path)
        )
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise BoosterError(
            _(
                "{path}: is an SQLite database, but not a Booster programme file "
                "(another application's data)"
            ).format(path=path)
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise BoosterError(_("{path}: is damaged (its header is not valid)").format(path=path))
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # The page count in the header is trusted only when written by a recent SQLite, and only
    # without a -wal beside it: a checkpoint writes page 1 (the new count) before the pages
    # that grow the file, so a writer killed mid-checkpoint leaves a short file whose -wal
    # still holds every page, which SQLite recovers (seen in the kill test).
    if change_counter == valid_for and size < page_count * page_size and not _wal_beside(path):
        raise BoosterError(
            _("{path}: is damaged (truncated: {size} bytes of {value})").format(
                path=path, size=size, value=page_count * page_size
            )
        )
    if size % page_size:
        raise BoosterError(
            _("{path}: is damaged (its size is not a whole number of pages)").format(path=path)
        )


def _wal_beside(path: Path) -> bool:
    """Whether a -wal with frames in it (more than its 32-byte header) is beside `path`."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 32
    except OSError:
        return False

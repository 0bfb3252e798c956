"""What a failed disk operation means, in the user's words, and how unfinished files are named.

Shared by the store (programme files, backups) and the exports, which may not use each other.
No I/O here: only names and messages.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _

# A name is cut to this many characters inside a partial file's name, so that the partial name
# stays within the system's limit whenever the target's own name does.
_PARTIAL_STEM = 64
_PARTIAL = re.compile(r"^\..*\.(\d+)\.[0-9a-f]{8}\.partial(?:-wal|-shm|-journal|\.png)?$")
# Partial files named by earlier versions, without their process.
_UNOWNED_PARTIAL = re.compile(r"^\..*\.[0-9a-f]{8}\.partial(?:-wal|-shm|-journal|\.png)?$")


class ReadOnlyError(BoosterError):
    """The programme file or its folder cannot be written (a read-only disk, share or folder)."""


class AlreadyExists(BoosterError):  # noqa: N818 (what the user is told, not a code error)
    """A new file's name is taken: nothing is ever written over an existing file."""

    def __init__(self, path: Path) -> None:
        super().__init__(_("{target}: already exists").format(target=path))
        self.path = path


def partial_path(target: Path) -> Path:
    """Where a file is built before it is renamed over `target`: hidden, beside it, and naming
    this process, so that the next writer can tell a dead process's leftovers from work under
    way."""
    stem = target.name[:_PARTIAL_STEM]
    return target.with_name(f".{stem}.{os.getpid()}.{secrets.token_hex(4)}.partial")


def partial_owner(name: str) -> int | None:
    """The process id in a partial file's name (its -wal and -shm too), or None if not one."""
    match = _PARTIAL.match(name)
    return int(match[1]) if match else None


def is_unowned_partial(name: str) -> bool:
    """A partial file of an earlier version, which did not name its process."""
    return partial_owner(name) is None and bool(_UNOWNED_PARTIAL.match(name))


def reading_error(path: Path, error: OSError) -> BoosterError:
    """One line saying why `path` could not even be looked at (a name too long, ...)."""
    if error.errno == errno.ENAMETOOLONG:
        return BoosterError(
            _(
                "{value}…: the file name is longer than the system allows ({count} characters)"
            ).format(value=path.name[:40], count=len(path.name))
        )
    if error.errno == errno.ENOTDIR:
        return BoosterError(
            _("{path}: a part of this path is a file, not a folder").format(path=path)
        )
    return BoosterError(
        _("{path}: cannot be read ({value})").format(path=path, value=error.strerror or error)
    )


def exists(path: Path) -> bool:
    """`path.exists()`, with a one-line refusal instead of an OSError (a name too long)."""
    try:
        return path.exists()
    except OSError as error:
        raise reading_error(path, error) from None


def disk_error(path: Path, error: OSError) -> BoosterError:
    """One line saying why `path` could not be written, from the error the system gave."""
    folder = path.parent
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BoosterError(_("no space left on the disk at {folder}").format(folder=folder))
    if code == errno.EROFS:
        return ReadOnlyError(_("cannot write to {folder} (read-only)").format(folder=folder))
    if code in (errno.EACCES, errno.EPERM):
        return ReadOnlyError(
            _("cannot write {path} ({value})").format(
                path=path, value=error.strerror or _("permission denied")
            )
        )
    if code == errno.ENAMETOOLONG:
        return BoosterError(
            _(
                "{value}…: the file name is longer than the system allows ({count} characters)"
            ).format(value=path.name[:40], count=len(path.name))
        )
    if code == errno.ENOENT:
        return BoosterError(_("{folder}: no such folder").format(folder=folder))
    if code == errno.ENOTDIR:
        return BoosterError(_("{folder}: is not a folder").format(folder=folder))
    return BoosterError(
        _("{path}: cannot be written ({value})").format(path=path, value=error.strerror or error)
    )


def sqlite_disk_problem(path: Path, error: BaseException) -> BoosterError | None:
    """The disk's fault behind an SQLite error on `path` (full, read-only), or None when the
    error says nothing about the disk."""
    text = str(error).lower()
    if "disk is full" in text:
        return BoosterError(_("no space left on the disk at {parent}").format(parent=path.parent))
    if "readonly database" in text or "read-only" in text:
        return ReadOnlyError(
            _("{path}: is read-only (its disk or folder cannot be written)").format(path=path)
        )
    return None

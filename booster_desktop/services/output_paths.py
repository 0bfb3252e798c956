"""The one place that decides whether a file may be written at a path the user gave.

Every writer asks here first (exports, screenshots, backups, the demo, new files, copies, the
window's save dialogs): a path onto a programme file, its SQLite working files or its lock,
or onto something that is not a plain file (a device, a folder, a pipe) is refused, so that
no output ever replaces a coordinator's work.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path

from booster_desktop.domain.disk import ReadOnlyError
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store import open_files
from booster_desktop.store.durable import remove_leftovers
from booster_desktop.store.header import SQLITE_MAGIC
from booster_desktop.store.location import Location
from booster_desktop.store.lock import lock_path
from booster_desktop.store.programme_file import folder_writable
from booster_desktop.store.schema_version import APPLICATION_ID

# Files SQLite and Booster keep beside a programme: replacing one corrupts or unlocks it.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
# The first bytes of SQLite's write-ahead log (two byte orders) and rollback journal.
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
# A longer name than this is refused by most file systems (ext4, NTFS, APFS: 255).
_NAME_MAX = 255


def is_programme_file(path: Path) -> bool:
    """Whether `path` holds a Booster programme (judged by its header, not its name)."""
    if open_files.is_open_here(path):
        return True  # never read it: closing our descriptor would drop SQLite's locks
    try:
        with Path(path).open("rb") as stream:
            header = stream.read(100)
    except OSError:
        return False
    if len(header) < 72 or not header.startswith(SQLITE_MAGIC):
        return False
    return bool(struct.unpack(">I", header[68:72])[0] == APPLICATION_ID)


def _names_a_side_file(path: Path) -> bool:
    """Whether `path` is where a programme's -wal, -shm, -journal or lock file goes (made or
    not yet): SQLite would take a file written there for the programme's own."""
    for suffix in _SIDE_SUFFIXES:
        stem = path.name[: -len(suffix)]
        if path.name.endswith(suffix) and stem and is_programme_file(path.with_name(stem)):
            return True
    return False


def _is_side_file(path: Path) -> bool:
    """A -wal, -shm, -journal or lock file of a programme (by its name or its content)."""
    if _names_a_side_file(path):
        return True
    if open_files.is_working_file_of_open_programme(path):
        return True
    try:
        with path.open("rb") as stream:
            start = stream.read(8)
    except OSError:
        return False
    return start[:4] in _WAL_MAGIC or start == _JOURNAL_MAGIC


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output_path(
    target: Path,
    *,
    programme: Location | None = None,
    replacing_programme: bool = False,
) -> Path:
    """Refuse, in one line, an output path that must not be written; returns `target`.

    Refused: the open `programme` itself (by any name: links, another spelling), its -wal,
    -shm, -journal or lock file; any programme file (by content) unless
    `replacing_programme` (a fresh demo, which backs the old one up first); anything that is
    not a regular file or a new path (a folder, a device such as /dev/full, a pipe); a
    missing or read-only folder; a name longer than the system allows. Leftovers of writers
    killed in that folder are cleared on the way.
    """
    target = Path(target)
    if not isinstance(programme, Path):
        programme = None  # a programme on a server has no file an output could land on
    name = target.name
    if not name or name in (".", ".."):
        raise BoosterError(_("{target}: name the file to write").format(target=target))
    if len(os.fsencode(name)) > _name_max(target.parent):
        raise BoosterError(
            _(
                "{value}…: the file name is longer than the system allows ({count} "
                "characters; at most {value2})"
            ).format(value=name[:40], count=len(name), value2=_name_max(target.parent))
        )
    if programme is not None:
        _refuse_the_programme(target, Path(programme))
    if _names_a_side_file(target):
        raise BoosterError(
            _(
                "{target}: is where SQLite keeps a working file of the programme "
                "beside it; choose another name"
            ).format(target=target)
        )
    try:
        found = target.stat()
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise BoosterError(
            _("{target}: cannot be written ({value})").format(
                target=target, value=error.strerror or error
            )
        ) from None
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise BoosterError(
                _("{target}: is a folder; name the file to write").format(target=target)
            )
        if not stat.S_ISREG(found.st_mode):
            raise BoosterError(
                _(
                    "{target}: is not a regular file (a device or a pipe); name a file to write"
                ).format(target=target)
            )
        if is_programme_file(target) and not replacing_programme:
            raise BoosterError(
                _(
                    "{target}: is a programme file; it is never overwritten (choose another name)"
                ).format(target=target)
            )
        if _is_side_file(target):
            raise BoosterError(
                _(
                    "{target}: belongs to a programme file (SQLite's working file or its "
                    "lock); choose another name"
                ).format(target=target)
            )
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():
            raise BoosterError(_("{folder}: is not a folder").format(folder=folder))
        raise BoosterError(_("{folder}: no such folder").format(folder=folder))
    if not folder_writable(folder):
        raise ReadOnlyError(_("cannot write to {folder} (read-only)").format(folder=folder))
    remove_leftovers(folder)
    return target


def _refuse_the_programme(target: Path, programme: Path) -> None:
    candidates = [programme, *(programme.with_name(programme.name + s) for s in _SIDE_SUFFIXES)]
    candidates.append(lock_path(programme))
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        raise BoosterError(
            _("{target}: is a loop of links; name a file to write").format(target=target)
        ) from None
    try:
        found: os.stat_result | None = target.stat()
    except OSError:
        found = None
    for candidate in candidates:
        try:
            same = resolved == candidate.resolve()
        except (OSError, RuntimeError):
            same = False
        if not same and found is not None:
            try:
                same = _same(found, candidate.stat())
            except OSError:
                same = False
        if same and candidate == programme:
            raise BoosterError(
                _("{target}: is the programme file itself; choose another name").format(
                    target=target
                )
            )
        if same:
            raise BoosterError(
                _(
                    "{target}: is a working file of the programme {name}; choose another name"
                ).format(target=target, name=programme.name)
            )


def _name_max(folder: Path) -> int:
    if hasattr(os, "pathconf"):
        try:
            return int(os.pathconf(folder if folder.is_dir() else ".", "PC_NAME_MAX"))
        except (OSError, ValueError):
            pass  # a file system that does not say: the common limit below
    return _NAME_MAX

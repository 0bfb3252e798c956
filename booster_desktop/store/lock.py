"""The lock file that keeps a second window or command from writing a programme file in use.

Plain Python, not QLockFile: the `booster` command honours it too. The lock is a file beside
the programme file, held with an OS lock (`flock`, or a byte lock on Windows) for as long as
the file is open, and holding host, process id and time for the message others show. A lock
whose process died is free again at once (the kernel drops the OS lock), so taking over a
stale lock is one atomic step; a lock written on another host is never broken automatically.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from booster_desktop.domain.disk import ReadOnlyError, disk_error
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _


def lock_path(programme_path: Path) -> Path:
    return programme_path.with_name(programme_path.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}, since {self.since}"


def process_alive(pid: int) -> bool:
    """Whether process `pid` runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _try_os_lock(descriptor: int, *, shared: bool = False) -> bool:
    """Take the OS lock on the open lock file without waiting; False when another holds it.

    The kernel drops it when the process dies, however it dies: that, not the text in the
    file, is what makes a lock stale, so deciding "stale" and taking over is one step.
    """
    if sys.platform == "win32":
        import msvcrt

        # Windows locks are mandatory: lock one byte far past the text, so others can read it.
        os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(descriptor: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(descriptor, fcntl.LOCK_UN)


# Where the Windows byte lock sits: beyond any text the lock file holds.
_WINDOWS_LOCK_OFFSET = 1 << 20


def _read_text(descriptor: int) -> str:
    os.lseek(descriptor, 0, os.SEEK_SET)
    return os.read(descriptor, 4096).decode("utf-8", "replace")


def _parse(text: str) -> LockHolder | None:
    try:
        data = json.loads(text)
        return LockHolder(str(data["host"]), int(data["pid"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return None


def _same_file(descriptor: int, path: Path) -> bool:
    """Whether the open lock file is still the one at `path` (its last holder may have removed
    it between our opening and our locking it)."""
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(descriptor)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _elsewhere(holder: LockHolder | None) -> bool:
    """A lock written on another computer (a shared folder): the OS lock may not reach across
    the network, so it is never broken automatically."""
    return holder is not None and holder.host != socket.gethostname()


def read_holder(programme_path: Path) -> LockHolder | None:
    """Who holds the lock on `programme_path`, if anyone does (a stale lock counts as none)."""
    path = lock_path(programme_path)
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return LockHolder("unknown host", -1, "unknown time")
    try:
        holder = _parse(_read_text(descriptor))
        if _try_os_lock(descriptor, shared=True):
            _os_unlock(descriptor)
            return holder if _elsewhere(holder) else None
        return holder or LockHolder("unknown host", -1, "unknown time")
    finally:
        os.close(descriptor)


class ProgrammeLock:
    """A held lock on one programme file; release it when the file is closed.

    The lock file is opened (created if need be) and locked by the OS for as long as this
    object lives; its text (host, process, time) is only for the message another process shows.
    """

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @classmethod
    def acquire(cls, programme_path: Path) -> ProgrammeLock:
        path = lock_path(programme_path)
        record = json.dumps(
            {
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
            }
        ).encode("utf-8")
        for _attempt in range(20):
            try:
                descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise _cannot_lock(programme_path, error) from None
            try:
                if not _try_os_lock(descriptor):
                    holder = _parse(_read_text(descriptor))
                    raise _in_use(programme_path, path, holder)
                if not _same_file(descriptor, path):
                    os.close(descriptor)
                    continue
                holder = _parse(_read_text(descriptor))
                if _elsewhere(holder):
                    _os_unlock(descriptor)
                    raise _in_use(programme_path, path, holder)
                os.lseek(descriptor, 0, os.SEEK_SET)
                os.ftruncate(descriptor, 0)
                os.write(descriptor, record)
                os.fsync(descriptor)
            except OSError as error:
                os.close(descriptor)
                raise _cannot_lock(programme_path, error) from None
            except BaseException:
                os.close(descriptor)
                raise
            return cls(path, descriptor)
        raise BoosterError(
            _("{programme_path}: cannot lock it for writing (lock file keeps coming back)").format(
                programme_path=programme_path
            )
        )

    def release(self) -> None:
        """Remove the lock file while still holding it, then let go of it: a process that
        opened it meanwhile finds it gone once it gets the lock, and starts again."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            if sys.platform != "win32" and _same_file(descriptor, self.path):
                with contextlib.suppress(OSError):
                    self.path.unlink()
        finally:
            os.close(descriptor)  # closing drops the OS lock
        if sys.platform == "win32":  # an open file cannot be removed there
            with contextlib.suppress(OSError):
                self.path.unlink()


def _in_use(programme_path: Path, path: Path, holder: LockHolder | None) -> BoosterError:
    who = holder.describe() if holder is not None else _("another process")
    # No advice to delete the lock file: the OS lock dies with its process, so a lock that
    # refuses is held by a live one, and deleting the file would let a second writer in.
    return BoosterError(
        _("{programme_path}: is in use by Booster Desktop ({who}); close it there first").format(
            programme_path=programme_path, who=who
        )
    )


def _cannot_lock(programme_path: Path, error: OSError) -> BoosterError:
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "read-only" if error.errno == errno.EROFS else _("permission denied")
        return ReadOnlyError(
            _(
                "{programme_path}: is read-only ({why}: its folder cannot be written); "
                "copy it to a writable folder to change it"
            ).format(programme_path=programme_path, why=why)
        )
    return disk_error(lock_path(programme_path), error)

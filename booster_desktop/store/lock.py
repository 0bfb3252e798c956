"""The lock file that keeps a second window or command from writing a programme file in use.

Plain Python, not QLockFile: the `booster` command honours it too. The lock is a file beside
the programme file, created exclusively, holding host, process id and time. It is stale when
its process is gone on this host; a lock from another host is never broken automatically.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from booster_desktop.domain.errors import BoosterError

# An unreadable lock file older than this was left by a crash while it was being written.
STALE_UNREADABLE_SECONDS = 60.0


def lock_path(programme_path: Path) -> Path:
    return programme_path.with_name(programme_path.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}, since {self.since}"


def _process_alive(pid: int) -> bool:
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


def read_holder(programme_path: Path) -> LockHolder | None:
    """Who holds the lock on `programme_path`, if anyone does (a stale lock counts as none)."""
    try:
        data = json.loads(lock_path(programme_path).read_text(encoding="utf-8"))
        holder = LockHolder(str(data["host"]), int(data["pid"]), str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Unreadable or half-written: held, so nothing writes behind someone's back, unless
        # it is old (a lock is written in one go; an empty one a minute on is a crash's).
        try:
            age = time.time() - lock_path(programme_path).stat().st_mtime
        except OSError:
            age = 0.0
        if age > STALE_UNREADABLE_SECONDS:
            return None
        return LockHolder("unknown host", -1, "unknown time")
    if holder.host == socket.gethostname() and not _process_alive(holder.pid):
        return None
    return holder


class ProgrammeLock:
    """A held lock on one programme file; release it when the file is closed."""

    def __init__(self, programme_path: Path) -> None:
        self.path = lock_path(programme_path)

    @classmethod
    def acquire(cls, programme_path: Path) -> ProgrammeLock:
        lock = cls(programme_path)
        record = json.dumps(
            {
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
            }
        )
        for _attempt in range(2):
            try:
                descriptor = os.open(lock.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(programme_path)
                if holder is not None:
                    raise BoosterError(
                        f"{programme_path}: is in use by Booster Desktop ({holder.describe()}); "
                        f"close it there first (if it is not open anywhere, delete {lock.path})"
                    ) from None
                with contextlib.suppress(FileNotFoundError):
                    lock.path.unlink()  # stale: its process is gone
                continue
            except OSError as error:
                raise BoosterError(
                    f"{programme_path}: cannot lock it for writing ({error.strerror or error})"
                ) from None
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                stream.write(record)
                stream.flush()
                os.fsync(stream.fileno())
            return lock
        raise BoosterError(
            f"{programme_path}: cannot lock it for writing (lock file keeps coming back)"
        )

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

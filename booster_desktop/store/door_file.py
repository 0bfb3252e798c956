"""A door's local files for a programme on a server: the offline journal and the roster copy.

When the server cannot be reached, a door keeps checking people in: each scan is decided
against a local copy of what the door needs (the roster) and written to the offline journal,
an SQLite file committed with `synchronous=FULL` before the door says welcome. Rows stay
waiting until the server has acknowledged their commit. Both files live in the user data
folder, one folder per programme UUID; they hold no sensitive field (only what the door
shows: names, country, badge tokens), and are readable by this user only (0600, their folder
0700): other users of the laptop have no business with names and badge tokens.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store.durable import replace_durably

JOURNAL_NAME = "offline-journal.sqlite"
ROSTER_NAME = "roster.json"
# A door's files are this user's only.
FILE_MODE = 0o600
FOLDER_MODE = 0o700
# Marks the file as ours (SQLite's application_id): "BDOJ".
_APPLICATION_ID = 0x42444F4A
# How long a scan waits for another process holding the journal before saying it cannot.
_BUSY_MS = 2000
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS scan (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    programme TEXT NOT NULL,
    checkin_id TEXT NOT NULL,
    voids INTEGER NOT NULL CHECK (voids IN (0, 1)),
    session_id INTEGER NOT NULL,
    manager_id INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    device TEXT NOT NULL,
    admitted_unregistered INTEGER NOT NULL CHECK (admitted_unregistered IN (0, 1)),
    sent_at TEXT
)""",
    "CREATE INDEX IF NOT EXISTS scan_waiting ON scan (sent_at, seq)",
)


@dataclass(frozen=True, slots=True)
class JournalScan:
    """One line of the offline journal: a check-in recorded offline, or a void of one."""

    checkin_id: str
    voids: bool
    session_id: int
    manager_id: int
    recorded_at: datetime
    device: str
    admitted_unregistered: bool
    seq: int = 0  # its place in the journal (0 before it is written)


class OfflineJournal:
    """The offline journal of one programme on this laptop (a connection per operation, so
    the door and its sender thread each use their own)."""

    def __init__(self, path: Path, programme_uuid: str) -> None:
        self.path = path
        self.programme_uuid = programme_uuid

    def _problem(self, error: BaseException) -> BoosterError:
        why = " ".join(str(error).split()) or type(error).__name__
        return BoosterError(
            _("{path}: the offline journal cannot be written ({why}); not recorded").format(
                path=self.path, why=why
            )
        )

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            private_folder(self.path.parent)
            # Created 0600 before SQLite opens it: SQLite gives its -wal and -shm the mode of
            # the database file. One made readable by an older version is closed up too.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE))
            for name in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
                with suppress(FileNotFoundError):
                    if name.stat().st_mode & 0o077:
                        name.chmod(FILE_MODE)
            with closing(
                sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None)
            ) as connection:
                connection.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
                application = connection.execute("PRAGMA application_id").fetchone()[0]
                if application not in (0, _APPLICATION_ID):
                    raise sqlite3.DatabaseError("not an offline journal")
                connection.execute("PRAGMA journal_mode = WAL")
                # Every commit is on disk before it returns: the door says welcome after it.
                connection.execute("PRAGMA synchronous = FULL")
                if application == 0:
                    connection.execute("BEGIN IMMEDIATE")
                    for statement in _SCHEMA:
                        connection.execute(statement)
                    connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                    connection.execute("COMMIT")
                yield connection
        except (sqlite3.Error, OSError) as error:
            raise self._problem(error) from error

    def check(self) -> None:
        """Open (or create) the journal, or say in one line why it cannot be."""
        with self._connection() as connection:
            connection.execute("SELECT count(*) FROM scan").fetchone()

    def add(self, scan: JournalScan) -> int:
        """Write one line, committed durably; its place in the journal."""
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(
                "INSERT INTO scan (programme, checkin_id, voids, session_id, manager_id, "
                "recorded_at, device, admitted_unregistered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.programme_uuid,
                    scan.checkin_id,
                    int(scan.voids),
                    scan.session_id,
                    scan.manager_id,
                    scan.recorded_at.astimezone(UTC).isoformat(timespec="microseconds"),
                    scan.device,
                    int(scan.admitted_unregistered),
                ),
            )
            connection.execute("COMMIT")
            return int(cursor.lastrowid or 0)

    def waiting(self) -> list[JournalScan]:
        """The lines not yet acknowledged by the server, in the order they were written."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT seq, checkin_id, voids, session_id, manager_id, recorded_at, device, "
                "admitted_unregistered FROM scan WHERE sent_at IS NULL AND programme = ? "
                "ORDER BY seq",
                (self.programme_uuid,),
            ).fetchall()
        return [
            JournalScan(
                checkin_id=row[1],
                voids=bool(row[2]),
                session_id=int(row[3]),
                manager_id=int(row[4]),
                recorded_at=datetime.fromisoformat(row[5]),
                device=row[6],
                admitted_unregistered=bool(row[7]),
                seq=int(row[0]),
            )
            for row in rows
        ]

    def count_waiting(self) -> int:
        with self._connection() as connection:
            return int(
                connection.execute(
                    "SELECT count(*) FROM scan WHERE sent_at IS NULL AND programme = ?",
                    (self.programme_uuid,),
                ).fetchone()[0]
            )

    def mark_sent(self, seqs: list[int], at: datetime) -> None:
        """The server acknowledged these lines' commit: kept, no longer waiting."""
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "UPDATE scan SET sent_at = ? WHERE seq = ?",
                [(at.astimezone(UTC).isoformat(timespec="seconds"), s) for s in seqs],
            )
            connection.execute("COMMIT")


def private_folder(folder: Path) -> None:
    """Make `folder` (and its missing parents) readable by this user only."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(FOLDER_MODE)


def save_private(path: Path, document: dict[str, Any]) -> None:
    """Write a JSON document in place of the last one, readable by this user only (a power
    cut leaves one or the other)."""
    private_folder(path.parent)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)  # an old partial left by a crash keeps its mode
        with os.fdopen(descriptor, "wb", closefd=False) as stream:
            stream.write(text)
    finally:
        os.close(descriptor)
    replace_durably(partial, path)


def save_roster(path: Path, roster: dict[str, Any]) -> None:
    """Write the roster copy in place of the last one (a power cut leaves one or the other)."""
    save_private(path, roster)


def load_roster(path: Path) -> dict[str, Any] | None:
    """The roster copy kept here, or None when there is none or it cannot be read."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None

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
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.moments import NoOffset, moment_with_offset
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
# Lines a send could not deliver (made when first needed: journals older than it lack it).
_SET_ASIDE = "CREATE TABLE IF NOT EXISTS set_aside (seq INTEGER PRIMARY KEY REFERENCES scan)"


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

    def _open(self, *, durable: bool = True, shared: bool = False) -> sqlite3.Connection:
        """A connection to the journal, made (and closed up) first if need be (`shared`: used
        from more than one thread, one at a time under its user's lock)."""
        private_folder(self.path.parent)
        # Created 0600 before SQLite opens it: SQLite gives its -wal and -shm the mode of
        # the database file. One made readable by an older version is closed up too.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE))
        for name in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            with suppress(FileNotFoundError):
                if name.stat().st_mode & 0o077:
                    name.chmod(FILE_MODE)
        connection = sqlite3.connect(
            self.path, timeout=_BUSY_MS / 1000, isolation_level=None, check_same_thread=not shared
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            application = connection.execute("PRAGMA application_id").fetchone()[0]
            if application not in (0, _APPLICATION_ID):
                raise sqlite3.DatabaseError("not an offline journal")
            connection.execute("PRAGMA journal_mode = WAL")
            # Every commit is on disk before it returns: the door says welcome after it.
            connection.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
            if application == 0:
                connection.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA:
                    connection.execute(statement)
                connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                connection.execute("COMMIT")
        except BaseException:
            connection.close()
            raise
        return connection

    @contextmanager
    def _connection(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        try:
            with closing(self._open(durable=durable)) as connection:
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
            seq = self._insert(connection, scan)
            connection.execute("COMMIT")
            return seq

    def note_sent(self, scan: JournalScan, at: datetime) -> None:
        """Note a line the server already holds (a scan or a void made online), so that a
        door started offline after a crash, from a copy older than it, knows it. Not synced
        to disk at once: the server holds the scan; a power cut loses only this reminder."""
        with self._connection(durable=False) as connection:
            self._insert(connection, scan, sent_at=at)  # one statement: its own transaction

    def notes(self) -> SentNotes:
        """A writer of `note_sent`'s notes that keeps its connection open between them."""
        return SentNotes(self)

    def kept(self) -> KeptConnection:
        """A connection kept open for reads made often (`count_waiting` on every scan)."""
        return KeptConnection(self, durable=True)

    def add_checkin(
        self, scan: JournalScan, *, since: datetime | None = None
    ) -> list[tuple[str, datetime]]:
        """Write a check-in unless the journal holds one standing for the same manager at the
        same session that this door's roster copy (kept at `since`; None: of unknown age)
        may not know: one still waiting (written by another door process on this laptop), or
        one sent at or after `since` (another door's, sent by a sender since the copy was
        kept). Then nothing is written, and those check-ins (id, when) are returned. A line
        set aside by a send does not stand. The look and the write are one transaction, so
        two processes never both write."""
        sent = "" if since is None else _as_marked(since)
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(_SET_ASIDE)
            rows = connection.execute(
                "SELECT checkin_id, recorded_at FROM scan AS s WHERE programme = ? "
                "AND session_id = ? AND manager_id = ? AND voids = 0 "
                "AND (sent_at IS NULL OR sent_at >= ?) "
                "AND seq NOT IN (SELECT seq FROM set_aside) "
                "AND NOT EXISTS ("
                "SELECT 1 FROM scan AS v WHERE v.programme = s.programme "
                "AND v.checkin_id = s.checkin_id AND v.voids = 1) ORDER BY seq",
                (self.programme_uuid, scan.session_id, scan.manager_id, sent),
            ).fetchall()
            standing = [(str(i), _aware(at)) for i, at in rows if i != scan.checkin_id]
            if standing:
                connection.execute("ROLLBACK")
                return standing
            self._insert(connection, scan)
            connection.execute("COMMIT")
            return []

    def _insert(
        self, connection: sqlite3.Connection, scan: JournalScan, sent_at: datetime | None = None
    ) -> int:
        cursor = connection.execute(
            "INSERT INTO scan (programme, checkin_id, voids, session_id, manager_id, "
            "recorded_at, device, admitted_unregistered, sent_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.programme_uuid,
                scan.checkin_id,
                int(scan.voids),
                scan.session_id,
                scan.manager_id,
                scan.recorded_at.astimezone(UTC).isoformat(timespec="microseconds"),
                scan.device,
                int(scan.admitted_unregistered),
                None if sent_at is None else _as_marked(sent_at),
            ),
        )
        return int(cursor.lastrowid or 0)

    def waiting(self) -> list[JournalScan]:
        """The lines not yet acknowledged by the server, in the order they were written (a
        line that cannot be read back is the journal's problem, said in one line)."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT seq, checkin_id, voids, session_id, manager_id, recorded_at, device, "
                "admitted_unregistered FROM scan WHERE sent_at IS NULL AND programme = ? "
                "ORDER BY seq",
                (self.programme_uuid,),
            ).fetchall()
            return [_scan_of(row) for row in rows]

    def sent_since(self, moment: datetime) -> list[JournalScan]:
        """The lines acknowledged by the server at or after `moment` (to the second, as they
        are marked), in order, without those set aside (the server never took them): what a
        roster copy taken at `moment` may not hold yet."""
        with self._connection() as connection:
            connection.execute(_SET_ASIDE)
            # Marked as UTC text of one width: compared as text, in the index's order.
            rows = connection.execute(
                "SELECT seq, checkin_id, voids, session_id, manager_id, recorded_at, device, "
                "admitted_unregistered FROM scan WHERE sent_at >= ? AND programme = ? "
                "AND seq NOT IN (SELECT seq FROM set_aside) ORDER BY seq",
                (_as_marked(moment), self.programme_uuid),
            ).fetchall()
            return [_scan_of(row) for row in rows]

    def count_waiting(self, kept: KeptConnection | None = None) -> int:
        """How many lines wait for the server (through `kept` when given)."""
        with self._connection() if kept is None else kept.using() as connection:
            return int(
                connection.execute(
                    "SELECT count(*) FROM scan WHERE sent_at IS NULL AND programme = ?",
                    (self.programme_uuid,),
                ).fetchone()[0]
            )

    def mark_sent(self, seqs: list[int], at: datetime, *, set_aside: Sequence[int] = ()) -> None:
        """The server acknowledged these lines' commit: kept, no longer waiting. Lines in
        `set_aside` (among `seqs`) could not go there (their manager or session was deleted
        on the server meanwhile): no longer waiting either, kept and listed as such."""
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "UPDATE scan SET sent_at = ? WHERE seq = ?",
                [(_as_marked(at), s) for s in seqs],
            )
            if set_aside:
                connection.execute(_SET_ASIDE)
                connection.executemany(
                    "INSERT OR IGNORE INTO set_aside (seq) VALUES (?)", [(s,) for s in set_aside]
                )
            connection.execute("COMMIT")

    def set_aside(self) -> list[JournalScan]:
        """The lines set aside by a send, in order (kept here: the server could not take
        them)."""
        with self._connection() as connection:
            connection.execute(_SET_ASIDE)
            rows = connection.execute(
                "SELECT seq, checkin_id, voids, session_id, manager_id, recorded_at, device, "
                "admitted_unregistered FROM scan WHERE programme = ? AND seq IN "
                "(SELECT seq FROM set_aside) ORDER BY seq",
                (self.programme_uuid,),
            ).fetchall()
            return [_scan_of(row) for row in rows]


def _as_marked(moment: datetime) -> str:
    """A moment as lines are marked sent: UTC, to the second, text that sorts as time does."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat(timespec="seconds")


def _aware(text: object) -> datetime:
    """A line's time read back: aware, or a DatabaseError (damaged, or edited by hand)."""
    try:
        return moment_with_offset(text)
    except NoOffset as error:
        raise sqlite3.DatabaseError("a line's time has no offset") from error
    except (TypeError, ValueError) as error:
        raise sqlite3.DatabaseError("a line's time is damaged") from error


def _scan_of(row: tuple[Any, ...]) -> JournalScan:
    """One journal line read back, or a DatabaseError naming it (damaged, or edited by hand:
    a time without its offset cannot be compared with the door's)."""
    try:
        if not all(isinstance(row[i], str) for i in (1, 6)):
            raise TypeError("not a text")
        return JournalScan(
            checkin_id=row[1],
            voids=bool(row[2]),
            session_id=int(row[3]),
            manager_id=int(row[4]),
            recorded_at=moment_with_offset(row[5]),
            device=row[6],
            admitted_unregistered=bool(row[7]),
            seq=int(row[0]),
        )
    except (TypeError, ValueError) as error:
        raise sqlite3.DatabaseError(f"line {row[0]} is damaged") from error


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


class KeptConnection:
    """A connection to the journal kept open between uses: opening the journal costs more
    than a scan's round trip to the server, and a door uses it on every scan. Used from one
    thread at a time (its user holds a lock around each use); a failed use drops it, and
    the next opens it again."""

    def __init__(self, journal: OfflineJournal, *, durable: bool) -> None:
        self.journal = journal
        self._durable = durable
        self._connection: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file it opened

    @contextmanager
    def using(self) -> Iterator[sqlite3.Connection]:
        """The connection (opened first if need be), or the journal's problem in one line."""
        try:
            if self._connection is not None and self._moved():
                # Deleted or replaced since: the connection would read (and write) a file
                # no other door sees any more. One stat per use.
                self.close()
            if self._connection is None:
                self._connection = self.journal._open(durable=self._durable, shared=True)
                self._file = self._identity()
            yield self._connection
        except (sqlite3.Error, OSError) as error:
            self.close()
            raise self.journal._problem(error) from error
        except BaseException:
            self.close()  # never kept inside a transaction left open
            raise

    def _identity(self) -> tuple[int, int] | None:
        try:
            found = self.journal.path.stat()
        except FileNotFoundError:
            return None
        return (found.st_dev, found.st_ino)

    def _moved(self) -> bool:
        return self._identity() != self._file

    def close(self) -> None:
        if self._connection is not None:
            with suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None


class SentNotes:
    """Notes of what went straight to the server (`OfflineJournal.note_sent`), written
    through one connection kept open: a door notes every scan it sends. Used by one thread
    only, which closes it."""

    def __init__(self, journal: OfflineJournal) -> None:
        self.journal = journal
        self._kept = KeptConnection(journal, durable=False)

    def write(self, notes: Sequence[tuple[JournalScan, datetime]]) -> None:
        """Note these lines, in order, in one transaction."""
        if not notes:
            return
        # A failure drops the connection, and with it the transaction (rolled back).
        with self._kept.using() as connection:
            connection.execute("BEGIN IMMEDIATE")
            for scan, at in notes:
                self.journal._insert(connection, scan, sent_at=at)
            connection.execute("COMMIT")

    def close(self) -> None:
        self._kept.close()

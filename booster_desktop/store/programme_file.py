"""The programme file: create it, open it (validated, migrated if older), back it up.

One SQLite file per programme. A file that is not ours, is damaged, or was written by a newer
version is refused with a one-line reason and left byte for byte as it was; an older one is
backed up beside itself, then migrated. A programme on a PostgreSQL server opens through the
same door (`store/server.py` does what differs there).
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable

from booster_desktop.domain.disk import (
    AlreadyExists,
    ReadOnlyError,
    disk_error,
    partial_path,
    sqlite_disk_problem,
)
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.roles import Role
from booster_desktop.i18n import _, ngettext
from booster_desktop.store import open_files
from booster_desktop.store.changes import (
    Action,
    Change,
    Listener,
    Report,
    Written,
    change_of,
    collecting,
    report,
    reported,
)
from booster_desktop.store.durable import (
    publish_durably,
    remove_database_files,
    remove_leftovers,
    replace_durably,
)
from booster_desktop.store.engine import WRITING, make_engine
from booster_desktop.store.header import check_header
from booster_desktop.store.location import Location, ServerAddress
from booster_desktop.store.lock import ProgrammeLock
from booster_desktop.store.notifications import CHANNEL, encode, new_session, notify
from booster_desktop.store.schema_version import (
    APPLICATION_ID,
    HEAD_REVISION,
    KNOWN_REVISIONS,
    is_newer_revision,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class SchemaVersions:
    """The revisions a build knows and where its migration scripts are (tests vary them)."""

    known: tuple[str, ...] = KNOWN_REVISIONS
    scripts: Path | None = None  # None: the package's own migrations

    @property
    def head(self) -> str:
        return self.known[-1]


CURRENT_SCHEMA = SchemaVersions()


@dataclass
class ProgrammeFile:
    """An open programme: its engine, its schema revision, and its lock when a writable file.

    `path` is where it lives: a file, or a server address (then no lock: the server
    arbitrates writers, and `on_server` says so).
    """

    path: Location
    engine: Engine
    revision: str
    lock: ProgrammeLock | None = None
    migrated_from: str | None = None
    backup_path: Path | None = None
    # Why the file is open for reading only although it was asked for writing (read-only media).
    read_only_reason: str | None = None
    _closed: bool = field(default=False, repr=False)
    # The key of this file in `open_files` while SQLite has it open.
    _held: tuple[int, int] | None = field(default=None, repr=False)
    # Told of every committed write (the window's document, later the change history).
    listeners: list[Listener] = field(default_factory=list, repr=False)
    # A programme on a server opened for writing (a file says so by holding its lock).
    server_writable: bool = False
    # False only for a benchmark's baseline (`without_history`): every write keeps history.
    _history: bool = field(default=True, repr=False)
    # What the login may do (a programme on a server; a file's user is its coordinator):
    # the server enforces it, the window and the command show each only what they may use.
    role: Role = Role.COORDINATOR
    # This opening's id on a server: in its connections' application_name and in the change
    # records it announces, so that its own windows ignore them (store/notifications.py).
    sender: str = field(default_factory=new_session)

    def session(self) -> Session:
        """A new ORM session; objects stay readable after commit (the window keeps rows)."""
        from sqlalchemy.orm import Session  # the ORM only when a caller wants objects

        return Session(self.engine, expire_on_commit=False)

    @property
    def writable(self) -> bool:
        return self.lock is not None or self.server_writable

    @property
    def door_only(self) -> bool:
        """Whether the login may only check people in (door staff on a server)."""
        return self.role is Role.DOOR

    @property
    def on_server(self) -> bool:
        return isinstance(self.path, ServerAddress)

    @property
    def file(self) -> Path | None:
        """The programme file, or None for a programme on a server."""
        return self.path if isinstance(self.path, Path) else None

    @property
    def stem(self) -> str:
        """The programme's short name: the file's name without suffix, or the database's."""
        return self.path.stem if isinstance(self.path, Path) else self.path.database

    def beside(self, name: str, elsewhere: Path) -> Path:
        """Where a file named `name` goes by default: beside the programme file, or in the
        folder `elsewhere` for a programme on a server."""
        return self.path.with_name(name) if isinstance(self.path, Path) else elsewhere / name

    @contextmanager
    def writing(self, action: Action = Action.EDIT) -> Iterator[Connection]:
        """One write transaction: committed at the end of the block, rolled back on error.

        It begins IMMEDIATE (waiting for another writer rather than failing midway), and a
        database error comes out as a BoosterError saying the change was not saved.

        The block reports what it wrote (`changes.report`): a block that would commit without
        reporting anything is a bug, refused and rolled back. Once committed, the change
        record (`action`, unless the caller acts as an undo) goes to every listener, on the
        thread that wrote. A block that rolled its own transaction back reports nothing, and
        so does a block that turned out to change nothing (every value it wrote equals what
        was stored; `versions.versioned_update` then keeps the record's version too).

        The change history (old and new values of what was reported) is written inside the
        same transaction, just before the commit: no write can skip it. On a server the
        change record is then announced to the other windows (NOTIFY, sent by the commit).
        """
        change: Change | None = None
        try:
            writer = self.engine.connect().execution_options(**{WRITING: True})
            if self.on_server:
                from booster_desktop.store.server import write_isolation

                writer = writer.execution_options(isolation_level=write_isolation(action))
            with (
                writer as connection,
                collecting(connection, self._history, action) as collected,
                connection.begin() as transaction,
            ):
                yield connection
                if transaction.is_active:
                    if not collected.written:
                        raise AssertionError(
                            "a write block reported nothing it changed (changes.report)"
                        )
                    change = change_of(collected, action)
                    if self._history:
                        from booster_desktop.store.history import record

                        # On a server the history may send the announcement in its own
                        # statement (one round trip less); else it goes below.
                        announce = (
                            (CHANNEL, encode(change, self.sender)) if self.on_server else None
                        )
                        if record(connection, collected, change, announce) is None:
                            # Every value written equals what was stored (a save of an
                            # unchanged record): no history is kept and no change sent.
                            # Committed all the same: it is equal, and a block that reported
                            # a write after making it (the history then sees no change)
                            # loses nothing.
                            change = None
                    if change is not None and self.on_server and not collected.announced:
                        # Delivered to the other windows at the commit, or never.
                        notify(connection, change, self.sender)
        except DBAPIError as error:
            raise self._not_saved(error) from error
        if change is not None:
            for listener in list(self.listeners):
                listener(change)

    def _not_saved(self, error: DBAPIError) -> BoosterError:
        """A database's refusal of a write, in one line (a clash of versions as such)."""
        from booster_desktop.store.versions import at_once

        clash = at_once(error, self.path)
        if clash is not None:
            return clash
        # One line: libpq's messages run over several ("Is the server running…").
        value = " ".join(str(getattr(error, "orig", error)).split())
        return BoosterError(
            _("{path}: the change was not saved ({value})").format(
                path=self.path, value=value[:300]
            )
        )

    @contextmanager
    def adding(self, table: Table, action: Action = Action.EDIT) -> Iterator[OneAdd]:
        """A block that reads, then adds at most one record of `table` and writes nothing
        else (a door's check-in): what `writing` does for that one record, its history and
        its announcement included, in fewer round trips on a server.

        On a file it is a `writing` block (the reads inside its transaction). On a server
        the reads run outside any transaction, and `add` is ONE statement committed when it
        returns (`history.add_one`): BEGIN and COMMIT would be two more round trips, and on
        a venue's network each costs more than the work. So `add` is the block's last act.
        A block that adds nothing writes nothing."""
        if not self.on_server or not self._history:
            with self.writing(action) as connection:
                block = OneAdd(connection, table, self, action)
                yield block
                if not block.added:
                    connection.rollback()  # nothing written: no commit, no change
            return
        one: OneAdd | None = None
        try:
            reader = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            with reader as connection:
                one = OneAdd(connection, table, self, action)
                yield one
        except DBAPIError as error:
            raise self._not_saved(error) from error
        finally:
            # Committed once `add` returned, whatever the rest of the block did: heard.
            if one is not None and one.change is not None:
                for listener in list(self.listeners):
                    listener(one.change)

    @contextmanager
    def without_history(self) -> Iterator[None]:
        """Writes in the block keep no history: for a benchmark's baseline only (the window,
        the command and the services never call it)."""
        self._history = False
        try:
            yield
        finally:
            self._history = True

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Hear every change committed through this file; returns how to stop listening."""
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener) if listener in self.listeners else None

    def close(self) -> None:
        """Dispose of the engine (SQLite then folds its WAL back) and release the lock."""
        if self._closed:
            return
        self._closed = True
        self.engine.dispose()
        open_files.release(self._held)
        self._held = None
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> ProgrammeFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class OneAdd:
    """The block of `ProgrammeFile.adding`: read through `connection`, then `add` once."""

    def __init__(
        self, connection: Connection, table: Table, programme: ProgrammeFile, action: Action
    ) -> None:
        self.connection = connection
        self.table = table
        self._programme = programme
        self._action = action
        # The change record of the add on a server (the write block makes it on a file).
        self.change: Change | None = None
        self.added = False

    def add(self, values: Mapping[str, object]) -> None:
        """Add the record: `values` by column name, its key among them."""
        if self.added:
            raise AssertionError("adding(): one record per block")
        from booster_desktop.store.history import add_one, record_key

        key = values[record_key(self.table).name]
        assert isinstance(key, int | str)
        if reported(self.connection) is not None:  # a write block: on a file
            self.connection.execute(_insert_of(self.table), dict(values))
            report(self.connection, self.table.name, [key], added=True)
            self.added = True
            return
        programme = self._programme
        change = change_of(
            Report(written={self.table.name: Written(frozenset({key}))}), self._action
        )
        add_one(
            self.connection, self.table, values, change, (CHANNEL, encode(change, programme.sender))
        )
        self.change = change
        self.added = True


_INSERTS: dict[str, Executable] = {}


def _insert_of(table: Table) -> Executable:
    """A record's INSERT, its values bound at each execution (built once per table)."""
    statement = _INSERTS.get(table.name)
    if statement is None:
        statement = _INSERTS[table.name] = insert(table)
    return statement


def _database_problem(path: Path, error: BaseException) -> BoosterError:
    original = getattr(error, "orig", error)
    disk = sqlite_disk_problem(path, original)
    if disk is not None:
        return disk
    if disk_full(path.parent):  # SQLite says "disk I/O error" when it cannot grow its -shm
        return BoosterError(_("no space left on the disk at {parent}").format(parent=path.parent))
    text = " ".join(str(original).split())
    return BoosterError(
        _("{path}: is damaged ({value}); `booster check --verbose` lists the problems").format(
            path=path, value=text[:160]
        )
    )


_PAGE = re.compile(r"\bpage (\d+)", re.IGNORECASE)


def integrity_lines(rows: list[str]) -> list[str]:
    """The problems in SQLite's integrity-check rows, one a line (a row may hold several)."""
    return [
        line.strip()
        for row in rows
        for line in str(row).splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]


def integrity_summary(rows: list[str]) -> str:
    """SQLite's integrity report (up to hundreds of lines) as one line."""
    lines = integrity_lines(rows)
    count = ngettext("{count} problem", "{count} problems", len(lines)).format(count=len(lines))
    pages = sorted({int(m[1]) for line in lines for m in _PAGE.finditer(line)})
    if pages:
        where = _("page {value} of the file is damaged").format(value=pages[0])
    else:
        where = _("is damaged ({value})").format(
            value=lines[0][:100] if lines else _("SQLite says so")
        )
    return _("{where}: {count}; `booster check --verbose` lists them").format(
        where=where, count=count
    )


def disk_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (almost) no room left for SQLite's -wal and -shm."""
    if not hasattr(os, "statvfs"):
        return False
    try:
        disk = os.statvfs(folder)
    except OSError:
        return False
    return disk.f_bavail * disk.f_frsize < 64 * 1024


def side_files_present(path: Path) -> dict[str, bool]:
    return {s: path.with_name(path.name + s).exists() for s in ("-wal", "-shm")}


def remove_side_files_made(path: Path, before: dict[str, bool]) -> None:
    """After a refused opening, remove the empty -wal and the -shm that this opening made (on
    a full disk SQLite cannot remove them itself), so that a read leaves nothing behind."""
    wal = path.with_name(path.name + "-wal")
    try:
        if not before["-wal"] and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if not before["-shm"] and not wal.exists():
            path.with_name(path.name + "-shm").unlink(missing_ok=True)
    except OSError:
        pass  # tidying only: the refusal being raised is the message the user needs


def folder_writable(folder: Path) -> bool:
    """Whether files can be made in `folder`: not on a read-only disk or share, not refused."""
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return False
        except OSError:
            return False
    return os.access(folder, os.W_OK)


def read_revision(engine: Engine, path: Path) -> str:
    """Run `quick_check`, compare the catalogue and read the schema revision; refuse a
    damaged file in one line."""
    from booster_desktop.store.catalogue import read_catalogue

    try:
        with engine.connect() as connection:
            verdict = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check")]
            if verdict != ["ok"]:
                raise BoosterError(
                    _("{path}: {value}").format(path=path, value=integrity_summary(verdict))
                )
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            catalogue = read_catalogue(raw)
            if "alembic_version" not in catalogue.tables:
                raise BoosterError(
                    _("{path}: is damaged (it has no schema revision)").format(path=path)
                )
            revisions = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version"
            ).fetchall()
    except (DBAPIError, sqlite3.Error, UnicodeDecodeError, ValueError) as error:
        raise _database_problem(path, error) from None
    if len(revisions) != 1 or not revisions[0][0]:
        raise BoosterError(
            _("{path}: is damaged (it has {count} schema revisions instead of one)").format(
                path=path, count=len(revisions)
            )
        )
    revision = str(revisions[0][0])
    if revision not in KNOWN_REVISIONS and not is_newer_revision(revision):
        raise BoosterError(
            _(
                "{path}: is damaged (its schema revision {value!r} is not one Booster "
                "Desktop ever wrote)"
            ).format(path=path, value=revision[:60])
        )
    if revision == HEAD_REVISION:
        _check_catalogue(path, catalogue)
    return revision


def _read_catalogue(raw: sqlite3.Connection) -> object:
    from booster_desktop.store.catalogue import read_catalogue

    return read_catalogue(raw)


def _check_catalogue(path: Path, catalogue: object) -> None:
    from booster_desktop.store.catalogue import Catalogue, catalogue_problems

    assert isinstance(catalogue, Catalogue)
    problems = list(catalogue_problems(catalogue))
    if problems:
        more = _(" (and {value} more)").format(value=len(problems) - 1) if len(problems) > 1 else ""
        raise BoosterError(
            _("{path}: is damaged: {value}{more}; `booster check --verbose` lists them").format(
                path=path, value=problems[0], more=more
            )
        )


def open_programme_file(
    path: Location,
    *,
    writable: bool = False,
    migrate: bool = True,
    schema: SchemaVersions = CURRENT_SCHEMA,
    read_only_fallback: bool = False,
) -> ProgrammeFile:
    """Open and validate a programme file (or a programme on a server); lock a file when
    `writable`.

    Refused files are left untouched: the header is read in plain Python before SQLite opens
    anything, and the engine is disposed of (SQLite removes its -wal and -shm) before raising.
    On a read-only disk a file opens for reading only; asked for writing, it is refused as
    read-only, or with `read_only_fallback` opened for reading with the reason kept.
    """
    if isinstance(path, ServerAddress):
        return _open_on_server(path, writable=writable, migrate=migrate, schema=schema)
    path = Path(path)
    check_header(path)
    read_only_reason = None
    lock = None
    if writable:
        try:
            lock = ProgrammeLock.acquire(path)
        except ReadOnlyError as error:
            if not read_only_fallback:
                raise
            read_only_reason = str(error)
    before = side_files_present(path)
    held = open_files.hold(path)  # from here on, nothing opens it outside SQLite
    try:
        engine = _reading_engine(path) if lock is None else make_engine(path)
    except BaseException:
        open_files.release(held)
        if lock is not None:
            lock.release()
        raise
    try:
        revision = read_revision(engine, path)
        migrated_from = backup_path = None
        if revision not in schema.known:
            raise BoosterError(
                _(
                    "{path}: was written by a newer version of Booster Desktop (schema "
                    "{revision}); update Booster Desktop to open it"
                ).format(path=path, revision=revision)
            )
        if revision != schema.head:
            if not migrate:
                raise BoosterError(
                    _(
                        "{path}: has an older schema ({revision}, newest is {head}); open it "
                        "once to upgrade it"
                    ).format(path=path, revision=revision, head=schema.head)
                )
            migrated_from, backup_path = revision, _migrate(path, engine, lock, schema)
            revision = schema.head
            if schema == CURRENT_SCHEMA:  # a migrated file must be exactly a new one
                with engine.connect() as connection:
                    raw = connection.connection.driver_connection
                    assert isinstance(raw, sqlite3.Connection)
                    _check_catalogue(path, _read_catalogue(raw))
    except BaseException:
        engine.dispose()
        open_files.release(held)
        remove_side_files_made(path, before)
        if lock is not None:
            lock.release()
        raise
    programme = ProgrammeFile(path, engine, revision, lock, migrated_from, backup_path)
    programme.read_only_reason = read_only_reason
    programme._held = held
    return programme


def _open_on_server(
    address: ServerAddress, *, writable: bool, migrate: bool, schema: SchemaVersions
) -> ProgrammeFile:
    """Open a programme on a server: the same revision rules as a file (a newer schema
    refused, an older one migrated in one transaction), the catalogue compared."""
    from booster_desktop.store import server
    from booster_desktop.store.roles import role_of

    session = new_session()
    engine = server.make_server_engine(address, session)
    migrated_from = None
    try:
        revision = server.read_revision(engine, address, check=schema == CURRENT_SCHEMA)
        try:
            with engine.connect() as connection:
                role = role_of(connection)
        except DBAPIError as error:
            raise server.server_problem(address, error) from None
        if revision not in schema.known:
            raise BoosterError(
                _(
                    "{path}: was written by a newer version of Booster Desktop (schema "
                    "{revision}); update Booster Desktop to open it"
                ).format(path=address, revision=revision)
            )
        if revision != schema.head:
            if not migrate:
                raise BoosterError(
                    _(
                        "{path}: has an older schema ({revision}, newest is {head}); open it "
                        "once to upgrade it"
                    ).format(path=address, revision=revision, head=schema.head)
                )
            if role is Role.DOOR:  # door staff may not alter tables: the server would refuse
                raise BoosterError(
                    _(
                        "{path}: has an older schema ({revision}, newest is {head}); ask a "
                        "coordinator to upgrade it (by opening it once)"
                    ).format(path=address, revision=revision, head=schema.head)
                )
            _upgrade(address, engine, schema)
            migrated_from, revision = revision, schema.head
            if schema == CURRENT_SCHEMA:
                server.read_revision(engine, address)
    except BaseException:
        engine.dispose()
        raise
    return ProgrammeFile(
        address,
        engine,
        revision,
        migrated_from=migrated_from,
        server_writable=writable,
        role=role,
        sender=session,
    )


def _upgrade(
    where: Location, engine: Engine, schema: SchemaVersions, backup: Path | None = None
) -> None:
    from booster_desktop.store import migrate

    try:
        if schema.scripts is None:
            migrate.upgrade(engine, schema.head)
        else:
            migrate.upgrade(engine, schema.head, schema.scripts)
    except BoosterError:
        raise
    except Exception as error:
        if backup is None:
            message = _("{path}: could not be upgraded ({error}); it is unchanged").format(
                path=where, error=error
            )
        else:
            message = _(
                "{path}: could not be upgraded ({error}); it is unchanged; a copy is at {backup}"
            ).format(path=where, error=error, backup=backup)
        raise BoosterError(message) from error


def _reading_engine(path: Path) -> Engine:
    """An engine for reading: the usual one, or on a read-only disk one that asks SQLite for
    no locks and no -shm (`immutable`), which it could not make there.

    `immutable` ignores a -wal file, whose committed changes would then go unread: such a
    file is refused with the reason instead.
    """
    if folder_writable(path.parent):
        return make_engine(path)
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ReadOnlyError(
            _(
                "{path}: is on a read-only disk with changes not yet folded in ({name} "
                "beside it); copy both files to a writable folder to open it"
            ).format(path=path, name=wal.name)
        )
    return make_engine(path, mode="ro", immutable=True)


def _migrate(
    path: Path, engine: Engine, lock: ProgrammeLock | None, schema: SchemaVersions
) -> Path:
    """Back the file up beside itself, then migrate it to the newest schema."""
    own_lock = ProgrammeLock.acquire(path) if lock is None else None
    try:
        stamp = datetime.now().strftime("%Y-%m-%d %H%M%S")
        backup = path.with_name(f"{path.stem} (before upgrade {stamp}){path.suffix}")
        backup_database(engine, backup)
        _upgrade(path, engine, schema, backup)
        return backup
    finally:
        if own_lock is not None:
            own_lock.release()


def backup_programme_to(programme: ProgrammeFile, target: Path) -> None:
    """A consistent copy of an open programme as a file at `target`: SQLite's online backup
    of a file, a pull of a programme on a server."""
    if programme.on_server:
        pull_from_server(programme, target)
    else:
        backup_database(programme.engine, target)


def backup_database(engine: Engine, target: Path) -> None:
    """Copy the open file to `target` with SQLite's online backup, then put it in place durably.

    The backup API (not `VACUUM INTO`, which does not fsync) copies a consistent snapshot even
    while the window keeps writing.
    """
    _check_folder(target)
    partial = partial_path(target)
    guard = _replacing(target)
    try:
        with engine.connect() as connection:
            source = connection.connection.driver_connection
            assert isinstance(source, sqlite3.Connection)
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        replace_database(partial, target)
    except (OSError, sqlite3.Error, DBAPIError) as error:
        raise write_failure(target, error) from None
    finally:
        remove_database_files(partial)
        if guard is not None:
            guard.release()


def _replacing(target: Path) -> ProgrammeLock | None:
    """Hold the lock of a programme file about to be replaced: refused when it is in use."""
    if target.is_dir():
        raise BoosterError(_("{target}: is a folder").format(target=target))
    if not target.exists():
        return None
    return ProgrammeLock.acquire(target)


def _check_folder(target: Path) -> None:
    """Refuse a target whose folder is missing or cannot be written; clear what killed
    writers left there."""
    if not target.parent.is_dir():
        raise BoosterError(_("{parent}: no such folder").format(parent=target.parent))
    if not folder_writable(target.parent):
        raise ReadOnlyError(_("cannot write to {parent} (read-only)").format(parent=target.parent))
    remove_leftovers(target.parent)


def write_failure(target: Path, error: BaseException) -> BoosterError:
    """One line saying why writing `target` failed (a full disk, a read-only folder, ...)."""
    if isinstance(error, OSError):
        return disk_error(target, error)
    original = getattr(error, "orig", error)
    disk = sqlite_disk_problem(target, original)
    if disk is not None:
        return disk
    if "unable to open" in str(original) and not folder_writable(target.parent):
        return ReadOnlyError(_("cannot write to {parent} (read-only)").format(parent=target.parent))
    text = " ".join(str(original).split())
    return BoosterError(
        _("{target}: cannot be written ({value})").format(target=target, value=text[:160])
    )


def replace_database(finished: Path, target: Path) -> None:
    """Put a finished database in place of `target`, dropping the -wal and -shm the old one
    may have left (after a crash): SQLite would replay them into the new file."""
    remove_database_files(target, keep_main=True)
    replace_durably(finished, target)


def publish_database(finished: Path, target: Path) -> None:
    """Put a finished database at `target`, a new name, durably: never over a file there, even
    one another process put there while this one was being written (`AlreadyExists`)."""
    try:
        publish_durably(finished, target)
    except FileExistsError:
        raise AlreadyExists(target) from None


def create_programme_file(
    path: Path,
    *,
    title: str,
    replace: bool = False,
    fill: Callable[[Session], None] | None = None,
    lottery_seed: int | None = None,
) -> None:
    """Write a new programme file at `path`, built aside and renamed into place when complete.

    `fill` adds the programme's content (the demo) in the same transaction as the schema's
    first rows. A failure leaves `path` as it was: absent, or the old file when replacing.
    """
    path = Path(path)
    if path.is_dir():
        raise BoosterError(_("{path}: is a folder").format(path=path))
    if path.exists() and not replace:
        raise BoosterError(_("{path}: already exists").format(path=path))
    _check_folder(path)
    building = partial_path(path)
    guard = _replacing(path)
    try:
        _build(building, title, fill, lottery_seed)
        replace_database(building, path)
    except (OSError, sqlite3.Error, DBAPIError) as error:
        raise write_failure(path, error) from None
    finally:
        remove_database_files(building)
        if guard is not None:
            guard.release()


def _build(
    path: Path, title: str, fill: Callable[[Session], None] | None, lottery_seed: int | None
) -> None:
    from sqlalchemy.orm import Session

    engine = _empty_schema(path)
    try:
        with Session(engine) as session, session.begin():
            first_rows(session, title, fill, lottery_seed)
    finally:
        engine.dispose()


def _empty_schema(path: Path) -> Engine:
    """A new SQLite file at `path` with the newest schema and no rows; returns its engine."""
    from booster_desktop.domain.model import Base
    from booster_desktop.store.catalogue import ALEMBIC_VERSION_TABLE

    raw = sqlite3.connect(path)
    try:
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.execute("PRAGMA journal_mode = WAL")
    finally:
        raw.close()
    engine = make_engine(path)
    try:
        Base.metadata.create_all(engine)
        with engine.begin() as connection:
            # What `alembic stamp` makes, without importing Alembic for every new file.
            connection.exec_driver_sql(ALEMBIC_VERSION_TABLE)
    except BaseException:
        engine.dispose()
        raise
    return engine


def first_rows(
    session: Session,
    title: str,
    fill: Callable[[Session], None] | None,
    lottery_seed: int | None,
) -> None:
    """The rows every new programme starts with (revision, programme, countries), then `fill`."""
    from sqlalchemy import insert, text

    from booster_desktop.domain.country import Country
    from booster_desktop.domain.programme import Programme
    from booster_desktop.store.countries import country_rows

    session.execute(
        text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": HEAD_REVISION}
    )
    seed = secrets.randbits(62) if lottery_seed is None else lottery_seed
    session.add(Programme(id=1, title=title, lottery_seed=seed))
    session.execute(insert(Country), country_rows())
    session.flush()
    if fill is not None:
        fill(session)


def create_on_server(
    address: ServerAddress,
    *,
    title: str,
    fill: Callable[[Session], None] | None = None,
    lottery_seed: int | None = None,
) -> None:
    """Make a new programme in the server's empty database (one transaction)."""
    from booster_desktop.store import server

    engine = server.make_server_engine(address)
    try:
        server.create(
            engine, address, lambda session: first_rows(session, title, fill, lottery_seed)
        )
    finally:
        engine.dispose()


def push_to_server(source: ProgrammeFile, address: ServerAddress) -> dict[str, int]:
    """Copy the open programme file into the server's empty database (one transaction)."""
    from booster_desktop.store import server

    if source.on_server:
        raise BoosterError(
            _("{path}: is already on a server; pull it into a file first").format(path=source.path)
        )
    engine = server.make_server_engine(address)
    try:
        with source.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            with connection.begin():  # one snapshot of the file
                return server.push(raw, engine, address)
    finally:
        engine.dispose()


def pull_from_server(source: ProgrammeFile, target: Path) -> dict[str, int]:
    """Write the programme on the server into a new programme file at `target`, built aside
    and renamed into place when complete (never over an existing file)."""
    from booster_desktop.store import server

    if not isinstance(source.path, ServerAddress):
        raise BoosterError(
            _("{path}: is a file; copy it with `booster backup`").format(path=source.path)
        )
    if target.exists():
        raise AlreadyExists(target)
    _check_folder(target)
    building = partial_path(target)
    try:
        engine = _empty_schema(building)
        try:
            counts = server.pull(source.engine, source.path, engine)
        finally:
            engine.dispose()
        publish_database(building, target)
        return counts
    except (OSError, sqlite3.Error, DBAPIError) as error:
        raise write_failure(target, error) from None
    finally:
        remove_database_files(building)

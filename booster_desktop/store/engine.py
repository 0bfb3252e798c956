"""The SQLAlchemy engine over a programme file, with the durability every write relies on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

# Execution option of a connection that will write: its transaction begins IMMEDIATE, so it
# waits (busy_timeout) for another writer instead of failing when its first write comes.
WRITING = "booster_writing"
# How long a write waits for another writer (the window, a command) before giving up.
BUSY_TIMEOUT_MS = 5000


def file_uri(path: Path, mode: str = "rw", *, immutable: bool = False) -> str:
    """An SQLite URI for `path`; `mode=rw` never creates a database at a mistyped path.

    `immutable` is for a file on a read-only disk: SQLite then takes no locks and makes no
    -shm, which it could not create there (it would also ignore a -wal: the caller checks).
    """
    return f"{path.resolve().as_uri()}?mode={mode}" + ("&immutable=1" if immutable else "")


def make_engine(path: Path, *, mode: str = "rw", immutable: bool = False) -> Engine:
    """An engine whose connections have foreign keys on, WAL and `synchronous=FULL`.

    Read with `engine.connect()`; write through `ProgrammeFile.writing()`.

    FULL, not NORMAL: with WAL, NORMAL can lose the last committed check-ins on a power cut.
    Transactions are begun explicitly (pysqlite's own implicit BEGIN is turned off), so a
    multi-row change is one transaction and PRAGMAs run outside any.
    """
    uri = file_uri(path, mode, immutable=immutable)

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.isolation_level = None
        return connection

    # The URL names no file (the creator opens it), so SQLAlchemy would take it for an
    # in-memory database and pick a per-thread pool that closes connections other threads
    # still use: a file wants a plain queue of connections.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not immutable:
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(WRITING, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine

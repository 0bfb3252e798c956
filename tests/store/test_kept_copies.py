"""A kept backup is one committed state of the programme even while another connection keeps
writing, whether it was copied byte for byte or through SQLite's online backup."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from booster_desktop.store import kept_copies
from booster_desktop.store.engine import file_uri, make_engine

SLICES = 10  # each commit stamps one slice of the rows, spread over every page


def _ledger(path: Path) -> None:
    """A WAL file where every commit adds rows, counts them and restamps a tenth of them."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, stamp INT, body BLOB)")
    connection.execute("CREATE TABLE tally (n INT NOT NULL)")
    connection.execute("INSERT INTO tally VALUES (0)")
    connection.close()


def _commit(connection: sqlite3.Connection, number: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        "INSERT INTO entry (stamp, body) VALUES (?, randomblob(1500))", [(number,)] * 5
    )
    connection.execute("UPDATE tally SET n = n + 5")
    connection.execute(
        "UPDATE entry SET stamp = ?, body = randomblob(1500) WHERE id % ? = ?",
        (number, SLICES, number % SLICES),
    )
    connection.execute("COMMIT")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "ledger.booster"
    _ledger(path)
    made = make_engine(path)
    yield made
    made.dispose()


@pytest.fixture
def copied(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The byte copies made (the others went through the online backup), each slowed down
    halfway so that the writer commits and checkpoints while it is under way."""
    made: list[Path] = []
    original = kept_copies._copy_file

    def slowly(database: Path, partial: Path) -> None:
        made.append(partial)
        reads = [0]
        sendfile, pread = os.sendfile, os.pread

        def slow_send(out: int, source: int, offset: int | None, count: int) -> int:
            reads[0] += 1
            time.sleep(0.003)
            return sendfile(out, source, offset, min(count, 1 << 16))

        def slow_read(source: int, count: int, offset: int) -> bytes:
            time.sleep(0.003)
            return pread(source, min(count, 1 << 16), offset)

        with monkeypatch.context() as patch:
            if hasattr(os, "sendfile"):
                patch.setattr(os, "sendfile", slow_send)
            patch.setattr(os, "pread", slow_read)
            original(database, partial)

    monkeypatch.setattr(kept_copies, "_copy_file", slowly)
    return made


def _writer(path: Path, stop: threading.Event, committed: list[int]) -> Callable[[], None]:
    def write() -> None:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("PRAGMA wal_autocheckpoint = 4")  # the main file rewritten often
        try:
            number = 0
            while not stop.is_set():
                number += 1
                _commit(connection, number)
                committed.append(number)
                time.sleep(0.002)  # now and then, room for a byte copy to begin
        finally:
            connection.close()

    return write


def _check_one_state(path: Path) -> int:
    """The backup passes `integrity_check` and holds one committed state; its row count."""
    connection = sqlite3.connect(file_uri(path, "ro", immutable=True), uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = connection.execute("SELECT count(*) FROM entry").fetchone()[0]
        assert connection.execute("SELECT n FROM tally").fetchone()[0] == rows
        if rows:
            last = connection.execute("SELECT max(stamp) FROM entry").fetchone()[0]
            assert rows == 5 * last
            for number in range(max(1, last - SLICES + 1), last + 1):  # the last restamps
                stamps = connection.execute(
                    "SELECT DISTINCT stamp FROM entry WHERE id % ? = ? AND id <= ?",
                    (SLICES, number % SLICES, 5 * number),
                ).fetchall()
                assert stamps == [(number,)], f"slice of commit {number} torn: {stamps}"
        return int(rows)
    finally:
        connection.close()


def test_backups_taken_while_another_connection_writes_are_each_one_committed_state(
    engine: Engine, copied: list[Path], tmp_path: Path
) -> None:
    path = tmp_path / "ledger.booster"
    stop, committed = threading.Event(), list[int]()
    writer = threading.Thread(target=_writer(path, stop, committed))
    writer.start()
    try:
        while len(committed) < 20:
            time.sleep(0.01)
        counts = []
        for number in range(25):
            backup = tmp_path / f"backup {number}.booster"
            kept_copies.back_up_online(engine, backup)
            counts.append(_check_one_state(backup))
    finally:
        stop.set()
        writer.join()
    assert copied, "no backup was copied byte for byte"
    assert len(copied) < 25 or len(committed) > 40  # the writer went on during the copies
    assert counts == sorted(counts) and counts[-1] > counts[0]
    assert not list(tmp_path.glob(".*"))  # no partial copy left behind


def test_a_reader_holding_back_the_checkpoint_leaves_it_to_the_online_backup(
    engine: Engine, copied: list[Path], tmp_path: Path
) -> None:
    path = tmp_path / "ledger.booster"
    writer = sqlite3.connect(path, isolation_level=None)
    reader = sqlite3.connect(path, isolation_level=None)
    try:
        _commit(writer, 1)
        reader.execute("BEGIN")
        assert reader.execute("SELECT n FROM tally").fetchone() == (5,)
        _commit(writer, 2)  # the reader's state keeps this out of the main file
        backup = tmp_path / "backup.booster"
        kept_copies.back_up_online(engine, backup)
        reader.execute("ROLLBACK")
    finally:
        reader.close()
        writer.close()
    assert copied == []
    assert _check_one_state(backup) == 10  # the last commit, not the reader's


@pytest.mark.skipif(os.name != "posix", reason="POSIX record locks")
def test_a_byte_copy_leaves_sqlite_its_locks_on_the_file(
    engine: Engine, copied: list[Path], tmp_path: Path
) -> None:
    """Closing any descriptor of a file drops every POSIX lock the process holds on it:
    SQLite's shared lock must still keep another process from taking the file."""
    path = tmp_path / "ledger.booster"
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT n FROM tally").fetchall()  # SQLite's shared lock
        kept_copies.back_up_online(engine, tmp_path / "backup.booster")
        assert copied
        # The range SQLite's shared locks take (just past its pending and reserved bytes).
        probe = (
            "import fcntl, os, sys\n"
            "fd = os.open(sys.argv[1], os.O_RDWR)\n"
            "try:\n"
            "    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 0x40000002)\n"
            "except OSError:\n"
            "    sys.exit(3)\n"
        )
        taken = subprocess.run([sys.executable, "-c", probe, str(path)], check=False)
    assert taken.returncode == 3


@pytest.mark.parametrize("with_wal", [False, True])
def test_a_damaged_copy_never_goes_over_a_file_that_took_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_wal: bool
) -> None:
    source = tmp_path / "programme.booster"
    source.write_bytes(b"not a database, so the copy is kept as damaged")
    if with_wal:
        (tmp_path / "programme.booster-wal").write_bytes(b"its last changes")
    target = tmp_path / "kept" / "backup.booster"
    damaged = tmp_path / "kept" / "backup damaged.booster"
    target.parent.mkdir()

    def another_process_takes_the_name(path: Path) -> bool:
        damaged.write_bytes(b"another process's backup")
        return False

    monkeypatch.setattr(kept_copies, "_quick_check_and_fold", another_process_takes_the_name)
    monkeypatch.setattr(kept_copies, "check_header", lambda path: None)
    with pytest.raises(kept_copies.AlreadyExists) as taken:
        kept_copies.back_up_file(source, target, damaged)
    assert taken.value.path == damaged
    assert damaged.read_bytes() == b"another process's backup"
    # Neither our -wal beside it (SQLite would replay it into that file) nor a partial copy.
    assert sorted(p.name for p in target.parent.iterdir()) == [damaged.name]

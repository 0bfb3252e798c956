"""Replacing a programme file (demo --force, backup over a file) never mixes in the old one."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.pool import QueuePool

from booster_desktop.cli import main
from booster_desktop.services.programme import open_programme

# The file's own nature: replacing a programme file and its -wal/-shm.
pytestmark = pytest.mark.sqlite_only


def _crash_image(source: Path, folder: Path) -> Path:
    """The file as a crash leaves it: a change committed to the -wal, never folded back."""
    connection = sqlite3.connect(source)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("UPDATE manager SET given_name = 'Stale' WHERE id = 1")
    connection.execute("DELETE FROM enrolment")
    connection.commit()
    folder.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(source.with_name(source.name + suffix), folder / (source.name + suffix))
    connection.close()
    crashed = folder / source.name
    assert crashed.with_name(crashed.name + "-wal").stat().st_size > 0
    return crashed


def test_demo_force_over_a_crashed_file_drops_its_stale_wal(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashed = _crash_image(demo_file, tmp_path / "crashed")
    assert main(["demo", str(crashed), "--force"]) == 0
    assert main(["check", str(crashed)]) == 0
    capsys.readouterr()
    assert main(["info", str(crashed), "--json"]) == 0
    assert '"enrolments": 48' in capsys.readouterr().out
    with sqlite3.connect(crashed) as connection:
        assert connection.execute("SELECT given_name FROM manager WHERE id = 1").fetchone() != (
            "Stale",
        )


def test_backup_over_a_crashed_file_drops_its_stale_wal(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashed = _crash_image(demo_file, tmp_path / "crashed")
    fresh = tmp_path / "fresh.booster"
    assert main(["demo", str(fresh)]) == 0
    # `booster backup` refuses a programme as its output; the store's own replacing (a
    # restore) must still drop the crashed file's -wal, which SQLite would replay.
    from booster_desktop.store.programme_file import backup_database, open_programme_file

    with open_programme_file(fresh) as source:
        backup_database(source.engine, crashed)
    assert main(["check", str(crashed)]) == 0
    capsys.readouterr()
    assert main(["info", str(crashed), "--json"]) == 0
    assert '"enrolments": 48' in capsys.readouterr().out


def test_backup_never_replaces_a_programme_in_use_or_not(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.booster"
    assert main(["demo", str(other), "--managers", "30"]) == 0
    with open_programme(other, writable=True):
        assert main(["backup", str(demo_file), "-o", str(other)]) == 1
    assert "is a programme file; it is never overwritten" in capsys.readouterr().err
    assert main(["backup", str(demo_file), "-o", str(other)]) == 1
    capsys.readouterr()
    assert main(["info", str(other), "--json"]) == 0
    assert '"managers": 30' in capsys.readouterr().out


def test_the_engine_pools_connections_across_threads(demo_file: Path) -> None:
    # Not SQLAlchemy's per-thread pool for in-memory databases, which closes connections
    # that other threads are using once more than five threads have touched the engine.
    with open_programme(demo_file) as programme:
        assert isinstance(programme.engine.pool, QueuePool)


def test_an_empty_lock_file_left_by_a_crash_is_free_at_once(demo_file: Path) -> None:
    # What makes a lock held is the OS lock of a living process, not the file's text: a
    # half-written lock file of a crashed process no longer blocks anyone for a minute.
    from booster_desktop.store.lock import lock_path, read_holder

    lock = lock_path(demo_file)
    lock.write_text("")
    assert read_holder(demo_file) is None
    with open_programme(demo_file, writable=True) as programme:
        assert programme.writable
        assert read_holder(demo_file) is not None


def test_demo_force_through_a_link_replaces_the_file_it_points_to(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A coordinator's shortcut: the link stays a link, the programme behind it is the new one.
    link = tmp_path / "shortcut.booster"
    link.symlink_to(demo_file)
    with sqlite3.connect(demo_file) as connection:
        connection.execute("UPDATE manager SET given_name = 'Before' WHERE id = 1")
    connection.close()
    assert main(["demo", str(link), "--force"]) == 0, capsys.readouterr().err
    assert link.is_symlink() and link.resolve() == demo_file.resolve()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("shortcut")] == [link.name]
    with sqlite3.connect(demo_file) as connection:
        assert connection.execute("SELECT given_name FROM manager WHERE id = 1").fetchone() != (
            "Before",
        )
    connection.close()

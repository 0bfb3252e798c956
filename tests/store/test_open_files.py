"""A programme open in this process is never opened again outside SQLite.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
included: another process closing the file then believes it is the last one and deletes the
-wal and -shm still in use. Each way this process could read its own open programme
(re-opening it for a backup or a check, an output path, an import source, a journal, a
logo) is tried here while another process opens and closes the same file.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from booster_desktop.domain.errors import BoosterError
from booster_desktop.store import open_files
from booster_desktop.store.changes import report
from booster_desktop.store.programme_file import open_programme_file

# The file's own nature: SQLite's POSIX locks on an open programme file.
pytestmark = pytest.mark.sqlite_only

_INFO = "import sys; from booster_desktop.cli import main; sys.exit(main(['info', sys.argv[1]]))"


def _another_process_opens_and_closes(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _INFO, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def _backup(path: Path, tmp: Path) -> None:
    from booster_desktop.services.programme import backup_programme

    backup_programme(path, tmp / "copy.booster")


def _check(path: Path, tmp: Path) -> None:
    from booster_desktop.services.programme import check_programme

    check_programme(path)


def _output_path(path: Path, tmp: Path) -> None:
    from booster_desktop.services.output_paths import check_output_path

    for target in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with pytest.raises(BoosterError):
            check_output_path(target)


def _import_source(path: Path, tmp: Path) -> None:
    from booster_desktop.services.source_limits import check_source

    with pytest.raises(BoosterError, match="open programme"):
        check_source(path)


def _journal(path: Path, tmp: Path) -> None:
    from booster_desktop.services.journal import merge_journal

    with open_programme_file(path, writable=False) as reader, pytest.raises(BoosterError):
        merge_journal(reader, path)


def _logo(path: Path, tmp: Path) -> None:
    from booster_desktop.services.programme_details import read_logo

    with pytest.raises(BoosterError, match="open programme"):
        read_logo(path)


@pytest.mark.parametrize("touch", [_backup, _check, _output_path, _import_source, _journal, _logo])
def test_reading_the_open_programme_keeps_sqlite_s_locks(
    touch: Callable[[Path, Path], None], demo_file: Path, tmp_path: Path
) -> None:
    with open_programme_file(demo_file, writable=True) as programme:
        with programme.writing() as connection:
            connection.execute(text("UPDATE programme SET title = 'Before'"))
            report(connection, "programme", [1], ["title"])
        wal = demo_file.with_name(demo_file.name + "-wal")
        assert wal.exists()
        touch(demo_file, tmp_path)
        _another_process_opens_and_closes(demo_file)
        # Our locks held: the other process could not fold the WAL and delete it under us.
        assert wal.exists()
        with programme.writing() as connection:
            connection.execute(text("UPDATE programme SET title = 'After'"))
            report(connection, "programme", [1], ["title"])
    with open_programme_file(demo_file) as programme, programme.engine.connect() as connection:
        assert connection.execute(text("SELECT title FROM programme")).scalar() == "After"
    assert not open_files.is_open_here(demo_file)

"""A writer killed in the middle of a checkpoint leaves a programme file shorter than its
header says, with a -wal that still holds every page: SQLite recovers it, so it is opened,
not refused as truncated (the kill test met it once)."""

from __future__ import annotations

import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.programme import check_programme, open_programme

# The file's own nature: a programme file's -wal left mid-checkpoint.
pytestmark = pytest.mark.sqlite_only


def _killed_mid_checkpoint(demo_file: Path, target: Path) -> None:
    """`target`: the demo with many changes in its -wal, and page 1 (the new page count)
    already written into the file by a checkpoint that stopped there."""
    connection = sqlite3.connect(demo_file)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.executemany(
        "UPDATE manager SET notes = ? WHERE id = ?",
        [("x" * 3000, manager) for manager in range(1, 25)],
    )
    connection.commit()
    shutil.copyfile(demo_file, target)  # the state a SIGKILL leaves: file and -wal
    shutil.copyfile(
        demo_file.with_name(demo_file.name + "-wal"), target.with_name(target.name + "-wal")
    )
    connection.close()
    wal = target.with_name(target.name + "-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    first_page = None
    offset = 32
    while offset + 24 + page_size <= len(wal):
        if struct.unpack(">I", wal[offset : offset + 4])[0] == 1:
            first_page = wal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    assert first_page is not None
    with target.open("r+b") as stream:
        stream.write(first_page)
    pages = struct.unpack(">I", first_page[28:32])[0]
    assert target.stat().st_size < pages * page_size  # shorter than its header says


def test_a_file_left_mid_checkpoint_opens_with_its_wal(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "killed" / "programme.booster"
    target.parent.mkdir()
    _killed_mid_checkpoint(demo_file, target)
    assert check_programme(target) is None
    with open_programme(target) as programme, programme.engine.connect() as connection:
        notes = connection.exec_driver_sql("SELECT notes FROM manager WHERE id = 3").scalar()
    assert notes == "x" * 3000


def test_a_short_file_without_its_wal_is_still_refused(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "killed" / "programme.booster"
    target.parent.mkdir()
    _killed_mid_checkpoint(demo_file, target)
    target.with_name(target.name + "-wal").unlink()
    with pytest.raises(BoosterError, match="is damaged \\(truncated"):
        open_programme(target)

"""Disks that fail or refuse: read-only media, a full disk, a read-only output folder, and
the leftovers of writers that were killed."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.store import programme_file

# The file's own nature: full and read-only disks under a programme file.
pytestmark = pytest.mark.sqlite_only

READERS = (["info"], ["check"], ["list", "managers"], ["demand"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mount(*args: str) -> bool:
    try:
        done = subprocess.run(["mount", *args], capture_output=True, check=False)
    except OSError:
        return False
    return done.returncode == 0


@pytest.fixture
def read_only_mount(tmp_path: Path, demo_master: Path) -> Iterator[Path]:
    """A real read-only file system (a tmpfs remounted read-only) holding the demo file: root
    can write into a chmod'ed folder, not into a read-only mount."""
    folder = tmp_path / "cdrom"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs needs root with CAP_SYS_ADMIN (a container may refuse)")
    try:
        shutil.copyfile(demo_master, folder / "demo.booster")
        assert _mount("-o", "remount,ro", str(folder))
        yield folder / "demo.booster"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_reads_work_on_a_read_only_disk_and_writes_say_read_only(
    read_only_mount: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(read_only_mount)
    for command in READERS:
        argv = [*command, str(read_only_mount)]
        if command == ["list", "managers"]:
            argv = ["list", "managers", str(read_only_mount)]
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    out = tmp_path / "agenda.pdf"
    assert main(["export", "agenda", str(read_only_mount), "--tour", "CAT", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["allocate", str(read_only_mount), "--apply"]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "damaged" not in err and err.count("\n") == 1
    backup = read_only_mount.with_name("copy.booster")
    assert main(["backup", str(read_only_mount), "-o", str(backup)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write to {read_only_mount.parent} (read-only)" in err
    assert _digest(read_only_mount) == before
    assert sorted(p.name for p in read_only_mount.parent.iterdir()) == ["demo.booster"]


def test_the_window_opens_a_read_only_file_for_reading_and_says_why(
    read_only_mount: Path,
) -> None:
    from booster_desktop.services.manager_rows import open_with_managers

    programme, rows = open_with_managers(read_only_mount)
    try:
        assert len(rows) == 24 and not programme.writable
        assert programme.read_only_reason and "read-only" in programme.read_only_reason
    finally:
        programme.close()


def test_a_read_only_file_with_a_wal_beside_it_is_refused_with_the_reason(
    tmp_path: Path,
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # immutable=1 would ignore the -wal and show the file without its last changes.
    connection = sqlite3.connect(demo_file)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("UPDATE programme SET title = 'Only in the WAL'")
    connection.commit()
    wal = demo_file.with_name(demo_file.name + "-wal")
    saved = tmp_path / "saved-wal"
    shutil.copyfile(wal, saved)
    connection.close()
    shutil.copyfile(saved, wal)  # as a crash would leave it
    monkeypatch.setattr(programme_file, "folder_writable", lambda folder: False)
    assert main(["info", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert "read-only disk" in err and wal.name in err and err.count("\n") == 1
    wal.unlink()
    assert main(["info", str(demo_file)]) == 0  # no -wal: read with immutable=1
    assert not demo_file.with_name(demo_file.name + "-shm").exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 160 KiB: the demo (about 600 KiB) does not fit."""
    folder = tmp_path / "stick"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=160k", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs needs root with CAP_SYS_ADMIN (a container may refuse)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("command", ["backup", "demo", "new"])
def test_a_full_disk_is_reported_as_a_full_disk(
    demo_file: Path, small_disk: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (small_disk / "filler").write_bytes(b"\0" * (150 * 1024) if command == "new" else b"")
    out = small_disk / "out.booster"
    argv = {
        "backup": ["backup", str(demo_file), "-o", str(out)],
        "demo": ["demo", str(out)],
        "new": ["new", str(out)],
    }[command]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err == f"booster: no space left on the disk at {small_disk}\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_full_disk_while_renaming_is_reported_as_a_full_disk(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def full(finished: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(programme_file, "replace_database", full)
    out = tmp_path / "copy.booster"
    assert main(["backup", str(demo_file), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"booster: no space left on the disk at {tmp_path}\n"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_read_only_output_folder_is_named_and_the_clean_up_does_not_hide_it(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out" / "agenda.ics"
    out.parent.mkdir()
    original_open = Path.open

    def refuse(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self.parent == out.parent and "x" in mode:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return original_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    def unlink(self: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "unlink", unlink)
    assert main(["export", "ics", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 1
    monkeypatch.undo()
    assert capsys.readouterr().err == f"booster: cannot write to {out.parent} (read-only)\n"


def test_leftovers_of_a_killed_writer_are_cleared_by_the_next_writing_command(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.domain.disk import partial_path

    dead = subprocess.Popen(["true"])
    dead.wait()
    alive = partial_path(tmp_path / "mine.booster")  # this process: work under way
    ours = alive.name.replace(f".{os.getpid()}.", f".{dead.pid}.")
    for name in (ours, ours + "-wal", ours + "-shm"):
        (tmp_path / name).write_bytes(b"x" * 100)
    alive.write_bytes(b"y")
    old_style = tmp_path / ".agenda.pdf.0123abcd.partial"  # an earlier version's, an hour old
    recent_old_style = tmp_path / ".agenda.pdf.4567abcd.partial"
    old_style.write_bytes(b"z")
    recent_old_style.write_bytes(b"z")
    hour_ago = time.time() - 3700
    os.utime(old_style, (hour_ago, hour_ago))
    assert main(["info", str(demo_file)]) == 0  # reading leaves them
    assert (tmp_path / ours).exists()
    assert (
        main(["export", "ics", str(demo_file), "--tour", "CAT", "-o", str(tmp_path / "a.ics")]) == 0
    )
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == sorted([alive.name, recent_old_style.name])


def test_a_programme_on_a_full_disk_is_a_full_disk_not_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "full"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs needs root with CAP_SYS_ADMIN (a container may refuse)")
    try:
        path = folder / "p.booster"
        assert main(["new", str(path)]) == 0
        # Unbuffered: nothing is left to flush (and fail again) when the file is closed.
        with (folder / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        capsys.readouterr()
        before = _digest(path)
        for argv in (["info", str(path)], ["check", str(path)]):
            assert main(argv) == 1
            assert capsys.readouterr().err == f"booster: no space left on the disk at {folder}\n"
        assert sorted(p.name for p in folder.iterdir()) == ["filler", "p.booster"]
        assert _digest(path) == before
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)

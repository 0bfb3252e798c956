"""No output path ever destroys a programme: every writer refuses the programme, its working
files, any programme file and anything that is not a plain file, in one line."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.output_paths import check_output_path
from booster_desktop.services.programme import open_programme
from booster_desktop.store.changes import report

# The file's own nature: output paths onto a programme file, its -wal, -shm and lock.
pytestmark = pytest.mark.sqlite_only


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _writers(programme: Path, out: Path) -> list[list[str]]:
    """Every `booster` command that writes a file at `out`, reading `programme`."""
    return [
        ["export", "agenda", str(programme), "--tour", "CAT", "-o", str(out)],
        ["export", "ics", str(programme), "--tour", "CAT", "-o", str(out)],
        ["backup", str(programme), "-o", str(out)],
        ["screenshot", str(programme), "-o", str(out)],
        ["checkin", "export", str(programme), "-o", str(out)],
    ]


@pytest.mark.parametrize("side", ["", "-wal", "-shm", "-journal", ".lock"])
def test_no_writer_replaces_the_programme_or_its_working_files(
    demo_file: Path, side: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = demo_file.with_name(demo_file.name + side)
    with open_programme(demo_file, writable=True) as programme:
        # While another process imports into it: the -wal, -shm and lock exist.
        with programme.writing() as connection:
            connection.exec_driver_sql("UPDATE programme SET title = 'Held'")
            report(connection, "programme", [1], ["title"])
        if not target.exists():
            target.write_bytes(b"")
        before = _digest(target)
        for argv in _writers(demo_file, target):
            assert main(argv) == 1, argv
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and str(target) in err, err
            assert "programme" in err
            if side in ("", ".lock"):  # SQLite itself changes the -wal and -shm of a read
                assert _digest(target) == before
            elif target.exists():
                assert not target.read_bytes().startswith((b"%PDF", b"BEGIN:", b"\x89PNG"))
    assert main(["check", str(demo_file)]) == 0
    capsys.readouterr()
    assert main(["info", str(demo_file)]) == 0
    assert capsys.readouterr().out.startswith("Held\n")


def test_another_programme_is_refused_by_content_not_name(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "agenda.pdf"  # a programme file, whatever its name says
    shutil.copyfile(demo_file, other)
    before = _digest(other)
    for argv in _writers(demo_file, other):
        assert main(argv) == 1
        assert "is a programme file" in capsys.readouterr().err
    assert main(["new", str(other)]) == 1
    assert main(["demo", str(other)]) == 1
    assert _digest(other) == before


def test_a_link_to_the_programme_is_the_programme(demo_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(demo_file)
    hard = tmp_path / "hard.pdf"
    os.link(demo_file, hard)
    for target in (link, hard, tmp_path / "." / demo_file.name):
        with pytest.raises(BoosterError, match="the programme file itself"):
            check_output_path(target, programme=demo_file)


def test_a_device_or_a_folder_is_never_replaced(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = Path("/dev/full") if Path("/dev/full").exists() else Path("/dev/null")
    os.mkfifo(tmp_path / "pipe")
    for target, words in ((device, "not a regular file"), (tmp_path / "pipe", "not a regular")):
        for argv in _writers(demo_file, target):
            assert main(argv) == 1
            err = capsys.readouterr().err
            assert words in err and err.count("\n") == 1
    assert device.is_char_device()
    assert main(["export", "ics", str(demo_file), "--tour", "CAT", "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_a_name_too_long_and_a_missing_folder_get_one_line(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = tmp_path / ("x" * 300 + ".pdf")
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(long)]) == 1
    err = capsys.readouterr().err
    assert "longer than the system allows" in err and err.count("\n") == 1
    # A name at the limit is written: the temporary name beside it must fit too.
    edge = tmp_path / ("y" * 251 + ".ics")
    assert main(["export", "ics", str(demo_file), "--tour", "CAT", "-o", str(edge)]) == 0
    assert edge.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert main(["backup", str(demo_file), "-o", str(tmp_path / "no" / "x.booster")]) == 1
    assert "no such folder" in capsys.readouterr().err
    # The programme named by a name too long, for reading or to be made: one line each.
    for argv in (["info"], ["check"], ["new"], ["demo"], ["list", "tours"]):
        assert main([*argv, str(tmp_path / ("z" * 300 + ".booster"))]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "longer than the system allows" in err, err
    assert main(["info", "/dev/full"]) == 1
    assert "is not a file (a device or a pipe)" in capsys.readouterr().err


def test_an_id_beyond_what_the_file_holds_is_a_usage_error(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a.pdf"
    argv = ["export", "agenda", str(demo_file), "--manager", "99999999999999999999999", "-o"]
    with pytest.raises(SystemExit) as exit_:
        main([*argv, str(out)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "is too large" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exit_:
        main(["demo", str(tmp_path / "seeded.booster"), "--seed", "9" * 25])
    assert exit_.value.code == 2 and "is too large" in capsys.readouterr().err
    assert not (tmp_path / "seeded.booster").exists()


def test_new_and_demo_never_replace_a_programme_without_a_backup(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.services.programme import backup_folder

    assert main(["new", str(demo_file)]) == 1
    assert "already exists" in capsys.readouterr().err
    with open_programme(demo_file, writable=True) as programme:
        with programme.writing() as connection:
            connection.exec_driver_sql("UPDATE programme SET title = 'My edits'")
            report(connection, "programme", [1], ["title"])
        # Held by another window: a fresh demo is refused, and nothing is backed up.
        assert main(["demo", str(demo_file), "--force"]) == 1
        assert "is in use" in capsys.readouterr().err
    uuid = _uuid(demo_file)
    assert main(["demo", str(demo_file), "--force"]) == 0
    out = capsys.readouterr().out
    assert "backed up at" in out
    folder = backup_folder(demo_file, uuid)
    backups = [
        Path(line.split(" backed up at ")[1]) for line in out.splitlines() if "backed" in line
    ]
    assert backups and backups[0].exists()
    assert backups[0].parent == folder
    import sqlite3

    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT title FROM programme").fetchone() == ("My edits",)
    assert main(["check", str(backups[0])]) == 0


def _uuid(path: Path) -> str | None:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT uuid FROM programme").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row and row[0] else None


def test_the_window_demo_opens_the_existing_demo_file(tmp_path: Path) -> None:
    import sqlite3

    from booster_desktop.services.demo import demo_path, open_or_write_demo

    path, backup = open_or_write_demo()
    assert path == demo_path() and backup is None and path.exists()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE programme SET title = 'Edited demo'")
    path, backup = open_or_write_demo()
    assert backup is None
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT title FROM programme").fetchone() == ("Edited demo",)
    path, backup = open_or_write_demo(fresh=True)
    assert backup is not None
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT title FROM programme").fetchone() == ("Edited demo",)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT title FROM programme").fetchone() != ("Edited demo",)


def test_a_new_file_where_a_programme_keeps_its_working_files_is_refused(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # SQLite would take a new file at demo.booster-wal for the programme's own log.
    for side in ("-wal", "-shm", "-journal", ".lock"):
        target = demo_file.with_name(demo_file.name + side)
        assert main(["new", str(target)]) == 1
        assert "working file of the programme" in capsys.readouterr().err
        assert not target.exists()
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    for argv in _writers(demo_file, loop):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "unexpected" not in err, err

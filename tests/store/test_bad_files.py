"""Every bad file is refused with one line naming it, and left byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from booster_desktop.cli import main
from tests.conftest import side_files

# The file's own nature: files that are not programme files (headers, foreign SQLite databases).
pytestmark = pytest.mark.sqlite_only

COMMANDS = (["info"], ["list", "managers"], ["check"], ["backup", "-o", "{out}"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(command: list[str], path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = path.parent / "copy.booster"
    args = [part.format(out=out) for part in command]
    args = (
        [*args[:2], str(path), *args[2:]] if args[0] == "list" else [args[0], str(path), *args[1:]]
    )
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.err


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("INSERT INTO invoice (total) VALUES (12.5)")
    connection.commit()
    connection.close()


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(40_000))


def _text(path: Path) -> None:
    path.write_text("given_name,family_name\nRania,Ben Salah\n", encoding="utf-8")


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (_empty, "is empty (0 bytes)"),
    "foreign-sqlite": (_foreign, "not a Booster programme file"),
    "random-bytes": (_random_bytes, "not a Booster programme file"),
    "text": (_text, "not a Booster programme file"),
}


@pytest.mark.parametrize(
    "command", COMMANDS, ids=lambda c: c[0] + ("-" + c[1] if c[0] == "list" else "")
)
@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_that_is_not_ours_is_refused_untouched(
    kind: str, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, reason = BAD_FILES[kind]
    path = tmp_path / "programme.booster"
    make(path)
    before = _digest(path)
    code, err = _run(command, path, capsys)
    assert code == 1
    assert err.count("\n") == 1 and str(path) in err and reason in err
    assert "Traceback" not in err
    assert _digest(path) == before
    assert side_files(path) == []
    assert not (tmp_path / "copy.booster").exists()


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scribble(path: Path) -> None:
    """Overwrite pages in the middle of the file with noise, keeping its header and size."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(3, len(data) // page - 1, 2):
        data[number * page : number * page + page] = os.urandom(page)
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()


def _foreign_revision(path: Path) -> None:
    # Not a name we would ever write (and carrying a terminal escape): damage, not "update".
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'x\x1b[2J; drop'")
    connection.commit()
    connection.close()


DAMAGED: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (_truncate, "is damaged"),
    "scribbled": (_scribble, "is damaged"),
    "newer-version": (_newer, "newer version of Booster Desktop"),
    "foreign-revision": (_foreign_revision, "is not one Booster Desktop ever wrote"),
}


@pytest.mark.parametrize(
    "command", COMMANDS, ids=lambda c: c[0] + ("-" + c[1] if c[0] == "list" else "")
)
@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_a_damaged_or_newer_file_is_refused_untouched(
    kind: str, command: list[str], demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage, reason = DAMAGED[kind]
    damage(demo_file)
    before = _digest(demo_file)
    code, err = _run(command, demo_file, capsys)
    assert code == 1, err
    assert err.count("\n") == 1 and str(demo_file) in err and reason in err, err
    assert "Traceback" not in err
    assert _digest(demo_file) == before
    assert side_files(demo_file) == []


def test_a_missing_file_is_refused_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mistyped.booster"
    for command in COMMANDS:
        code, err = _run(list(command), path, capsys)
        assert code == 1 and f"{path}: no such file" in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.booster"
    folder.mkdir()
    code, err = _run(["info"], folder, capsys)
    assert code == 1 and "is a folder" in err


def test_an_unreadable_file_is_refused(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # CI runs as root, for whom chmod 000 changes nothing: simulate the refusal instead.
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == demo_file:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    before = _digest(demo_file)
    monkeypatch.setattr(Path, "open", refusing_open)
    code, err = _run(["info"], demo_file, capsys)
    monkeypatch.undo()
    assert code == 1 and f"{demo_file}: cannot be read (Permission denied)" in err
    assert _digest(demo_file) == before


def test_the_real_command_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "empty.booster"
    path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "booster_desktop", "info", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"booster: {path}: is empty (0 bytes), not a programme file\n"


def test_a_good_copy_of_a_damaged_file_still_opens(demo_file: Path, tmp_path: Path) -> None:
    """The checks refuse damage, not good files: a byte-for-byte copy of the demo passes."""
    copy = tmp_path / "copy-of-demo.booster"
    shutil.copyfile(demo_file, copy)
    assert main(["check", str(copy)]) == 0

"""`booster backup FILE -o OUT [--encrypt]`, `booster backup list FILE`, `booster backup
restore FILE BACKUP`: exit codes, one-line refusals, the passphrase never an argument."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from booster_desktop.cli import main

# The file's own nature: backups of a programme file and encrypted copies of it.
pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "a passphrase for the stick"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _managers(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM manager").fetchone()[0])
    finally:
        connection.close()


def _run(args: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    assert main(args) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def _import_one(path: Path, tmp_path: Path) -> None:
    source = tmp_path / "one.csv"
    source.write_text("First name,Last name,Country\nSami,Kaci,MA\n", encoding="utf-8")
    assert main(["import", "managers", str(path), str(source)]) == 0


def test_list_then_restore_by_name(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import_one(demo_file, tmp_path)
    capsys.readouterr()
    out, _ = _run(["backup", "list", str(demo_file), "--json"], capsys)
    rows = json.loads(out)
    assert [row["why"] for row in rows] == ["import", "open"]
    assert set(rows[0]) == {
        "file",
        "made_at",
        "why",
        "damaged",
        "managers",
        "tours",
        "enrolments",
        "checkins",
        "path",
    }
    assert rows[0]["managers"] == 24 and _managers(demo_file) == 25
    out, _ = _run(["backup", "list", str(demo_file)], capsys)
    assert out.splitlines()[0].split() == [
        "made",
        "why",
        "managers",
        "tours",
        "enrolments",
        "check-ins",
        "file",
    ]
    assert rows[0]["file"] in out

    out, _ = _run(["backup", "restore", str(demo_file), rows[0]["file"]], capsys)
    assert _managers(demo_file) == 24
    assert "24 managers, 4 tours, 48 enrolments, 0 check-ins" in out
    assert "The programme as it was is kept as " in out
    out, _ = _run(["backup", "list", str(demo_file), "--json"], capsys)
    after = json.loads(out)
    assert after[0]["why"] == "restore" and after[0]["managers"] == 25


def test_bad_restores_say_one_line_and_change_nothing(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digest = _digest(demo_file)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", "utf-8")
    cases = {
        "missing.booster": "missing.booster: no such backup of",
        str(notes): "cannot be restored: is not a Booster programme file",
        str(tmp_path): "is a folder, not a backup",
    }
    for backup, message in cases.items():
        _, err = _run(["backup", "restore", str(demo_file), backup], capsys, 1)
        assert message in err and len(err.strip().splitlines()) == 1, err
    assert _digest(demo_file) == digest


@pytest.mark.parametrize(
    "args",
    [
        ["backup", "{file}", "-o", "{out}", "--encrypt", "--passphrase", PASSPHRASE],
        ["backup", "restore", "{file}", "{out}", "--passphrase", PASSPHRASE],
        ["backup", "{file}", "-o", "{out}", "--encrypt", f"--passphrase={PASSPHRASE}"],
        ["backup", "{file}", "-o", "{out}", "--encrypt", "--pass", PASSPHRASE],
    ],
)
def test_a_passphrase_is_never_accepted_as_an_argument(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    out = tmp_path / "copy.booster.age"
    argv = [a.format(file=demo_file, out=out) for a in args]
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "never given as an argument" in err or "ambiguous option: --pass" in err
    assert not out.exists()


def test_an_encrypted_copy_from_the_command_and_back(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "copy.booster.age"
    # No passphrase at all (not a terminal): refused, nothing written.
    monkeypatch.delenv("BOOSTER_PASSPHRASE", raising=False)
    _, err = _run(["backup", str(demo_file), "-o", str(copy), "--encrypt"], capsys, 1)
    assert "--passphrase-file F or BOOSTER_PASSPHRASE" in err and not copy.exists()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", "utf-8")
    _run(
        ["backup", str(demo_file), "-o", str(copy), "--encrypt", "--passphrase-file", str(secret)],
        capsys,
    )
    assert copy.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert PASSPHRASE.encode() not in copy.read_bytes()

    _import_one(demo_file, tmp_path)
    assert _managers(demo_file) == 25
    digest = _digest(demo_file)
    _, err = _run(["backup", "restore", str(demo_file), str(copy)], capsys, 1)
    assert "its passphrase is needed" in err and len(err.strip().splitlines()) == 1
    # It says how to give one: not everyone runs the command in a terminal.
    assert "--passphrase-file F or the BOOSTER_PASSPHRASE environment variable" in err
    monkeypatch.setenv("BOOSTER_PASSPHRASE", "not the passphrase")
    _, err = _run(["backup", "restore", str(demo_file), str(copy)], capsys, 1)
    assert "the passphrase is wrong" in err and len(err.strip().splitlines()) == 1
    assert _digest(demo_file) == digest
    monkeypatch.setenv("BOOSTER_PASSPHRASE", PASSPHRASE)
    _run(["backup", "restore", str(demo_file), str(copy)], capsys)
    assert _managers(demo_file) == 24


def test_the_words_after_backup_are_checked(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv, message in (
        (["backup", "list"], "expected booster backup list FILE"),
        (["backup", "restore", str(demo_file)], "expected booster backup restore FILE BACKUP"),
        (["backup", str(demo_file)], "-o/--output"),
        (["backup", "list", str(demo_file), "-o", "x"], "-o and --encrypt go with"),
        (["backup", str(demo_file), "-o", str(tmp_path / "x"), "--json"], "--json goes with"),
    ):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
        assert message in capsys.readouterr().err


def test_a_refusal_quoting_a_name_with_terminal_escapes_prints_them_as_text(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(demo_file)
    _, err = _run(["backup", "restore", str(demo_file), "\x1b]0;pwned\x07\x1b[31mX"], capsys, 1)
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;pwned\\x07\\x1b[31mX: no such backup" in err
    assert len(err.splitlines()) == 1
    assert _digest(demo_file) == before


def test_an_encrypted_copy_onto_the_programme_is_refused_before_any_passphrase(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No passphrase given: the place is what is wrong, and said first (on a terminal the
    passphrase would otherwise be asked twice for nothing)."""
    monkeypatch.delenv("BOOSTER_PASSPHRASE", raising=False)
    before = _digest(demo_file)
    _, err = _run(["backup", str(demo_file), "-o", str(demo_file), "--encrypt"], capsys, 1)
    assert "is the programme file itself" in err and len(err.splitlines()) == 1
    assert _digest(demo_file) == before


@pytest.mark.parametrize(
    "words",
    [
        ["list", "postgresql://anna:secret@db.example.org/tours2027"],
        ["list", "postgresql://anna:secret@db.example.org/tours2027", "--json"],
        ["restore", "postgresql://anna:secret@db.example.org/tours2027", "backup.booster"],
    ],
)
def test_backups_of_a_programme_on_a_server_point_to_the_servers_own_tools(
    words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """No file to look for: one line saying how a server's programme is backed up (nothing is
    connected to, and the password is not repeated)."""
    out, err = _run(["backup", *words], capsys, code=1)
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("booster: postgresql://anna@db.example.org")
    assert line.endswith(
        ": a programme on a server is backed up with the server's own tools: pg_dump -Fc, "
        "and pg_restore to put a dump back (see docs/team.md)"
    )
    assert "secret" not in line and "no such file" not in line


def test_a_malformed_server_address_after_backup_list_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["backup", "list", "postgresql://anna:secret@db.example.org:abc/tours2027"])
    assert exited.value.code == 2
    assert "secret" not in capsys.readouterr().err

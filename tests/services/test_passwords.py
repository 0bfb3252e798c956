"""The password file a user chooses where there is no keyring: PostgreSQL's `.pgpass` format
(fields, `*`, escapes, comments, the first matching line), read by every command and the
window whenever an address has no password, refused in one line that never quotes it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.passwords import (
    file_password,
    read_password_file,
    with_kept_password,
)
from booster_desktop.services.programme import parse_server
from booster_desktop.services.settings import PASSWORD_FILE, save_laptop_settings

SECRET = "s3cret-Pa55-xyz"


def _file(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "passwords"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_the_first_matching_line_gives_the_password(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "# host:port:database:user:password\n"
        "\n"
        "db.example.org:5432:tours2027:ana:first\n"
        "db.example.org:5432:tours2027:ana:second\n"
        "db.example.org:*:*:omar:any-database\n"
        "*:5433:*:*:on-5433\n",
    )
    address = parse_server("postgresql://ana@db.example.org/tours2027")
    assert file_password(address, path) == "first"
    assert file_password(parse_server("postgresql://omar@db.example.org/x"), path) == (
        "any-database"
    )
    assert file_password(parse_server("postgresql://lea@elsewhere:5433/y"), path) == "on-5433"
    assert file_password(parse_server("postgresql://lea@elsewhere/y"), path) is None


def test_escaped_colons_and_backslashes_are_part_of_their_field(tmp_path: Path) -> None:
    r"""`\:` and `\\` stand for a colon and a backslash; the password takes the rest of the
    line, colons included; an escaped star is a star, not "any"."""
    path = _file(
        tmp_path,
        "db.example.org:5432:tours\\:2027:ana:pa\\:ss\\\\word:with:colons\n"
        "db.example.org:5432:\\*:ana:only-a-database-called-star\n",
    )
    entries = read_password_file(path)
    assert entries[0].database == "tours:2027"
    assert entries[0].password == "pa:ss\\word:with:colons"
    assert entries[1].database == "*"
    other = parse_server("postgresql://ana@db.example.org/tours2027")
    assert file_password(other, path) is None
    assert SECRET not in repr(entries) and "pa:ss" not in repr(entries)


def test_a_socket_folder_or_no_host_is_localhost(tmp_path: Path) -> None:
    path = _file(tmp_path, "localhost:5432:tours:ana:local\n")
    assert file_password(parse_server("postgresql://ana@/tours"), path) == "local"
    by_socket = parse_server("postgresql://ana@/tours?host=/var/run/postgresql")
    assert file_password(by_socket, path) == "local"
    assert file_password(parse_server("postgresql://ana@/tours?host=/srv/pg"), path) is None


@pytest.mark.parametrize(
    ("text", "mode", "says"),
    [
        (f"db.example.org:5432:tours:{SECRET}\n", 0o600, "line 1 is not host:port"),
        (f"# fine\ndb:5432:tours:ana:{SECRET}\nbroken {SECRET}\n", 0o600, "line 3 is not"),
        (f"db:5432:tours:ana:{SECRET}\n", 0o644, "can be read by others"),
    ],
)
def test_a_malformed_or_open_file_is_refused_in_one_line_without_the_password(
    tmp_path: Path, text: str, mode: int, says: str
) -> None:
    if mode & 0o077 and os.name != "posix":
        pytest.skip("permissions are POSIX's")
    path = _file(tmp_path, text, mode)
    with pytest.raises(BoosterError) as refused:
        read_password_file(path)
    message = str(refused.value)
    assert says in message and str(path) in message
    assert SECRET not in message and "\n" not in message


def test_a_file_that_cannot_be_read_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "a folder"  # where a file is expected
    folder.mkdir()
    for path in (folder, tmp_path / "missing" / "passwords"):
        with pytest.raises(BoosterError, match="the password file cannot be read"):
            read_password_file(path)
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe\x00db")
    binary.chmod(0o600)
    with pytest.raises(BoosterError, match="not text"):
        read_password_file(binary)


def test_the_chosen_file_serves_every_address_without_a_password(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    address = parse_server("postgresql://ana@db.example.org/tours2027")
    assert with_kept_password(address).password is None  # no keyring, no file: asked
    path = _file(tmp_path, f"db.example.org:5432:tours2027:ana:{SECRET}\n")
    save_laptop_settings({PASSWORD_FILE.name: str(path)})
    assert with_kept_password(address).password == SECRET
    given = parse_server("postgresql://ana:typed@db.example.org/tours2027")
    assert with_kept_password(given).password == "typed"  # the address's own comes first
    assert SECRET not in caplog.text


def test_the_command_says_in_one_line_that_the_chosen_file_is_malformed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read before connecting: the command stops there, naming the file and the line."""
    path = _file(tmp_path, f"db.example.org:5432:{SECRET}\n")
    assert main(["settings", "password_file", str(path)]) == 0
    capsys.readouterr()
    assert main(["info", "postgresql://ana@db.example.org/tours2027"]) == 1
    error = capsys.readouterr().err
    assert error == (f"booster: {path}: line 1 is not host:port:database:user:password\n"), error
    assert SECRET not in error

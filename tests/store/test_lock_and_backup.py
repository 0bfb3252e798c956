"""The lock beside a programme file, the online backup, and `check`'s invariants."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.programme import open_programme
from booster_desktop.store.lock import lock_path, read_holder

# The file's own nature: the lock file beside a programme file and SQLite's online backup.
pytestmark = pytest.mark.sqlite_only


def test_a_writable_file_is_locked_until_closed(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True):
        holder = read_holder(demo_file)
        assert holder is not None and holder.host == socket.gethostname()
        with pytest.raises(BoosterError, match="is in use by Booster Desktop"):
            open_programme(demo_file, writable=True)
        # Reading is still allowed while another window writes.
        with open_programme(demo_file) as reader:
            assert reader.writable is False
    assert read_holder(demo_file) is None
    assert not lock_path(demo_file).exists()


def test_a_stale_lock_from_a_dead_process_is_broken(demo_file: Path) -> None:
    lock_path(demo_file).write_text(
        json.dumps({"host": socket.gethostname(), "pid": 2**22 + 12345, "since": "yesterday"}),
        encoding="utf-8",
    )
    assert read_holder(demo_file) is None
    with open_programme(demo_file, writable=True) as programme:
        assert programme.writable


def test_a_lock_from_another_computer_is_respected(demo_file: Path) -> None:
    lock_path(demo_file).write_text(
        json.dumps({"host": "venue-laptop", "pid": 4242, "since": "2019-05-13T09:00:00+02:00"}),
        encoding="utf-8",
    )
    with pytest.raises(BoosterError, match="process 4242 on venue-laptop"):
        open_programme(demo_file, writable=True)


def test_demo_refuses_to_replace_a_file_in_use(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_programme(demo_file, writable=True):
        assert main(["demo", str(demo_file), "--force"]) == 1
    assert "is in use" in capsys.readouterr().err


def test_backup_is_a_consistent_copy_even_while_the_file_is_open(
    demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.booster"
    with open_programme(demo_file, writable=True):
        assert main(["backup", str(demo_file), "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    with sqlite3.connect(out) as copy:
        assert copy.execute("SELECT count(*) FROM manager").fetchone() == (24,)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backup_to_a_missing_folder_or_over_itself_is_refused(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", str(demo_file), "-o", str(tmp_path / "nowhere" / "x.booster")]) == 1
    assert "no such folder" in capsys.readouterr().err
    assert main(["backup", str(demo_file), "-o", str(demo_file)]) == 1
    assert "is the programme file itself" in capsys.readouterr().err


def _break(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("PRAGMA ignore_check_constraints = ON")
    if statement.startswith("INSERT INTO badge_token"):
        connection.execute("DROP INDEX IF EXISTS uq_badge_token_manager_in_force")
    connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("DELETE FROM badge_token WHERE manager_id = 3", "manager 3 has 0 badge tokens in force"),
        (
            "INSERT INTO badge_token (token, manager_id, issued_at) "
            "VALUES ('CCCCCCCCCCCCCCCCCCCCC', 4, '2020-01-01 00:00:00')",
            # Only a file without its unique index can hold the second token: that is named.
            "lacks the index uq_badge_token_manager_in_force",
        ),
        ("UPDATE badge_token SET token = 'HELLO' WHERE manager_id = 5", "malformed badge token"),
        ("UPDATE manager SET email = 'nobody(at)nowhere' WHERE id = 6", "invalid e-mail address"),
        (
            "UPDATE tour SET end_date = '2018-01-01' WHERE code = 'CAT'",
            "CHECK constraint failed in tour",
        ),
        ("UPDATE tour SET time_zone = 'Mars/Olympus' WHERE code = 'WAL'", "unknown time zone"),
        ("UPDATE enrolment SET tour_id = 999 WHERE id = 1", "refers to a missing tour"),
        (
            "UPDATE topic_interest SET rank = 0 WHERE manager_id = 2",
            "CHECK constraint failed in topic_interest",
        ),
        ("DELETE FROM programme", "has 0 programme rows"),
        ("DROP TABLE checkin", "lacks the table checkin"),
    ],
)
def test_check_names_the_first_problem(
    demo_file: Path, statement: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(demo_file)]) == 0
    _break(demo_file, statement)
    assert main(["check", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert problem in err and str(demo_file) in err and err.count("\n") == 1

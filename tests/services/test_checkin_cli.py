"""`booster checkin record`: one line per token once it is on disk, exit codes, stdin, paper."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.badge import new_token
from tests import programme_db
from tests.services.test_checkin import _checkins, _expected, _outsider, _session


def _record(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[list[str]], str]:
    code = main(["checkin", "record", *args])
    out, err = capsys.readouterr()
    return code, [line.split("\t") for line in out.splitlines()], err


def test_each_token_gets_a_line_and_the_exit_code_sums_them_up(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = str(_session(demo_file, "CAT", "Joint training"))
    people = _expected(demo_file, "CAT")
    first, second = people[0], people[1]
    code, lines, err = _record(capsys, str(demo_file), "--session", session, first[1], second[1])
    assert (code, err) == (0, "")
    assert lines == [
        ["welcome", first[1], f"{first[2]} {first[3]}"],
        ["welcome", second[1], f"{second[2]} {second[3]}"],
    ]
    stranger = new_token()
    _, outsider = _outsider(demo_file, "CAT")
    code, lines, _ = _record(
        capsys, str(demo_file), "--session", session, stranger, outsider, first[1].lower()
    )
    assert code == 1
    assert [line[:2] for line in lines] == [
        ["unknown", stranger],
        ["not-registered", outsider],
        ["welcome", first[1]],  # within two seconds of its first read: the same arrival
    ]
    assert len(_checkins(demo_file)) == 2
    # A minute later (moved back in the file), the same badge is "already".
    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE checkin SET recorded_at = '2018-11-19 08:00:00'")
    code, lines, _ = _record(capsys, str(demo_file), "--session", session, first[1])
    assert (code, lines[0][0]) == (0, "already")


def test_the_device_defaults_to_the_host_name(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = str(_session(demo_file, "CAT", "Joint training"))
    people = _expected(demo_file, "CAT")
    assert _record(capsys, str(demo_file), "--session", session, people[0][1])[0] == 0
    assert (
        _record(capsys, str(demo_file), "--session", session, "--device", "door B", people[1][1])[0]
        == 0
    )
    assert [row[2] for row in _checkins(demo_file)] == [socket.gethostname(), "door B"]


def test_a_device_name_loses_its_escapes_and_control_characters(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = str(_session(demo_file, "CAT", "Joint training"))
    people = _expected(demo_file, "CAT")
    hostile = "\x1b[31mdoor\x07  B\u202e\x1b]0;title\x07"
    code, _, _ = _record(
        capsys, str(demo_file), "--session", session, "--device", hostile, people[0][1]
    )
    # Only control characters in it: the laptop's own name, never an empty device.
    code2, _, _ = _record(
        capsys, str(demo_file), "--session", session, "--device", "\x1b\x07", people[1][1]
    )
    assert (code, code2) == (0, 0)
    assert [row[2] for row in _checkins(demo_file)] == ["door B", socket.gethostname()]


def test_admitting_unregistered_people_marks_them(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = str(_session(demo_file, "CAT", "Joint training"))
    manager_id, token = _outsider(demo_file, "CAT")
    code, lines, _ = _record(
        capsys, str(demo_file), "--session", session, "--admit-unregistered", token
    )
    # Recorded, and still said as what it is: the exit code tells a script to look.
    assert (code, lines[0][0]) == (1, "not-registered")
    assert [(r[0], r[4]) for r in _checkins(demo_file)] == [(manager_id, 1)]


def test_paper_attendance(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = str(_session(demo_file, "CAT", "Benchmarking visit"))
    people = _expected(demo_file, "CAT")
    code, lines, _ = _record(
        capsys, str(demo_file), "--session", session, "--paper", people[0][1], str(people[1][0])
    )
    assert code == 0 and [line[0] for line in lines] == ["welcome", "welcome"]
    assert {r[2] for r in _checkins(demo_file)} == {"paper"}
    with pytest.raises(SystemExit) as usage:
        main(["checkin", "record", str(demo_file), "--session", session, "X", "--paper", "Y"])
    assert usage.value.code == 2


def test_bad_input_is_one_line_and_records_nothing(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _record(capsys, str(demo_file), "--session", "9999", new_token())
    assert code == 1 and err.count("\n") == 1 and "session 9999 does not exist" in err
    code, _, err = _record(capsys, str(tmp_path / "nope.booster"), "--session", "1", "X")
    assert code == 1 and err.count("\n") == 1
    session = str(_session(demo_file, "CAT", "Joint training"))
    code, lines, _ = _record(capsys, str(demo_file), "--session", session, "\x1b]0;evil\x07")
    assert code == 1 and lines[0][0] == "misread" and "\x1b" not in lines[0][1]
    assert _checkins(demo_file) == []


def test_info_counts_the_check_ins_that_stand(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = str(_session(demo_file, "CAT", "Joint training"))
    people = _expected(demo_file, "CAT")
    _record(capsys, str(demo_file), "--session", session, *(p[1] for p in people[:3]))
    _record(
        capsys, str(demo_file), "--session", session, "--device", "other", people[0][1]
    )  # a second device within two seconds: the same arrival, not recorded again
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE checkin SET voided = ? WHERE manager_id = ?", (True, people[2][0])
        )
    assert main(["info", str(demo_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["checkins"] == 2


def test_tokens_on_stdin_are_answered_one_by_one_once_on_disk(demo_file: Path) -> None:
    """A scanner types one line at a time: each answer comes before the next line is sent,
    and when it comes, the check-in is already in the file."""
    session = str(_session(demo_file, "CAT", "Joint training"))
    people = _expected(demo_file, "CAT")[:4]
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "booster_desktop",
            "checkin",
            "record",
            str(demo_file),
            "--session",
            session,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        for done, (manager_id, token, _, _) in enumerate(people, 1):
            child.stdin.write(f"{token}\r\n\n")
            child.stdin.flush()
            state, echoed, _ = child.stdout.readline().rstrip("\n").split("\t")
            assert (state, echoed) == ("welcome", token)
            assert [r[0] for r in _checkins(demo_file)][-1] == manager_id
            assert len(_checkins(demo_file)) == done
        child.stdin.close()
        assert child.wait(timeout=60) == 0
    finally:
        child.kill()
        child.wait()

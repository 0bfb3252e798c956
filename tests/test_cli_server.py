"""`booster server init URL` and `booster server add-user URL NAME --role ...`: what they say,
their one-line refusals, and what door staff may still run with `booster`."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.roles import Role
from booster_desktop.services.programme import ServerAddress
from tests.server_team import Team, as_login, connect, team

pytestmark = pytest.mark.postgresql_only

__all__ = ["team"]  # the fixture, used by name


def _run(args: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    assert main(args) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def _group_of(admin: ServerAddress, name: str) -> list[tuple[str, ...]]:
    with connect(admin) as connection:
        return connection.execute(
            "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = %s",
            (name,),
        ).fetchall()


def test_init_says_what_it_did_and_can_run_again(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = _run(["server", "init", str(team.admin)], capsys)
    assert err == ""
    assert "booster_door was there already" in out
    assert "booster_door may read the roster without sensitive fields" in out
    assert out.strip().endswith("ready for a team")


def test_add_user_makes_a_login_in_one_group(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    password = tmp_path / "password"
    password.write_text("door-Pa55\n", encoding="utf-8")
    name = team.name("door")
    team.logins.append(name)
    url = str(team.admin)
    out, _ = _run(
        ["server", "add-user", url, name, "--role", "door", "--password-file", str(password)],
        capsys,
    )
    assert out.strip() == f"Added {name} to booster_door on {team.admin.shown}"
    assert _group_of(team.admin, name) == [("booster_door",)]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["Bad-Name!"], "not a login name"),
        (["{new}\n"], "not a login name"),  # `$` would have let the newline through
        (["booster_coordinator"], "is a group role"),
        (["{door}"], "already exists"),
        (["{new}", "--password-file", "{missing}"], "no such file"),
        (["{new}", "--url-of-door"], "may not create roles"),
        (["{new}", "--no-file"], "give --password-file"),
    ],
)
def test_add_user_refuses_in_one_line(
    team: Team,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    said: str,
) -> None:
    door = team.add(Role.DOOR)
    new = team.name("new")
    team.logins.append(new)
    password = tmp_path / "password"
    password.write_text("Pa55\n", encoding="utf-8")
    url = str(team.admin)
    words = [a.format(door=door.user, new=new, missing=tmp_path / "missing") for a in args]
    if "--url-of-door" in words:
        words.remove("--url-of-door")
        url = str(door)
    if "--no-file" in words:
        words.remove("--no-file")  # and stdin is no terminal under pytest
    elif "--password-file" not in words:
        words += ["--password-file", str(password)]
    _out, err = _run(["server", "add-user", url, words[0], "--role", "door", *words[1:]], capsys, 1)
    assert said in err and err.count("\n") == 1 and "Traceback" not in err
    assert _group_of(team.admin, new) == []


def test_door_staff_may_check_in_and_list_sessions_only(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    door = str(team.add(Role.DOOR))
    out, _ = _run(["list", "sessions", door, "--json"], capsys)
    assert '"tour"' in out
    for refused in (
        ["info", door],
        ["list", "managers", door],
        ["history", door],
        ["checkin", "export", door, "-o", "journal.jsonl"],
    ):
        _out, err = _run(refused, capsys, 1)
        assert "is door staff here and may only check people in" in err, refused
        # Every command left to them is named, `checkin send` too (it was missing).
        assert "(`booster checkin record`, `booster checkin send`, `booster list sessions`)" in err
        assert err.count("\n") == 1
    # Checking reads what door staff may not: said as plainly, not as the server's refusal.
    _out, err = _run(["check", door], capsys, 1)
    assert "is door staff here and may only check people in" in err
    assert "checking the programme is a coordinator's work" in err
    assert err.count("\n") == 1 and "permission denied" not in err
    with connect(team.admin) as connection:
        row = connection.execute(
            "SELECT min(s.id), min(b.token) FROM tour_session s JOIN badge_token b ON true"
        ).fetchone()
    assert row is not None
    out, _ = _run(["checkin", "record", door, "--session", str(row[0]), "NOTABADGE"], capsys, 1)
    assert out.startswith("misread") or out.startswith("unknown")
    # Sending what the door journaled offline is door work too (nothing waits here).
    out, _ = _run(["checkin", "send", door], capsys)
    assert out.startswith("Sent 0 offline scans")


def test_as_login_keeps_the_server(team: Team) -> None:
    other = as_login(team.admin, "someone")
    assert (other.user, other.database, other.host) == (
        "someone",
        team.admin.database,
        team.admin.host,
    )


def test_door_staff_may_enter_a_paper_sign_in_sheet(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    # Typing in who signed the paper sheet records check-ins: door work, as scanning is.
    door = str(team.add(Role.DOOR))
    with connect(team.admin) as connection:
        row = connection.execute("SELECT min(id) FROM tour_session").fetchone()
    assert row is not None
    out, err = _run(["checkin", "record", door, "--session", str(row[0]), "--paper", "#1"], capsys)
    assert out.startswith("welcome\t"), err
    with connect(team.admin) as connection:
        recorded = connection.execute(
            "SELECT device, count(*) FROM checkin WHERE session_id = %s GROUP BY device",
            (row[0],),
        ).fetchall()
    assert recorded == [("paper", 1)]

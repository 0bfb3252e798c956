"""Commands run against a server nobody answers on: one line saying where and why, as the
door says it ("cannot reach the server at host:port: Connection refused"), never libpq's
several lines ("Is the server running on that host…") flattened into one."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.location import parse_server


def _closed_port() -> int:
    """A port on this machine that nobody listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# Every command that opens the programme at a location, with the arguments it needs.
COMMANDS = [
    ["info", "{url}"],
    ["check", "{url}"],
    ["list", "managers", "{url}"],
    ["history", "{url}"],
    ["demand", "{url}"],
    ["allocate", "{url}"],
    ["allocate", "{url}", "--apply"],
    ["export", "roster", "{url}", "-o", "{tmp}/roster.xlsx"],
    ["person", "export", "{url}", "--manager", "1", "-o", "{tmp}/person.json"],
    ["person", "erase", "{url}", "--manager", "1", "--yes"],
    ["person", "retention", "{url}"],
    ["pull", "{url}", "{tmp}/pulled.booster"],
    ["server", "init", "{url}"],
    ["settings", "--programme", "{url}"],
    ["checkin", "merge", "{url}", "{tmp}/laptop.booster"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]).replace("{url}", ""))
def test_a_closed_port_is_said_in_the_doors_words(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _closed_port()
    url = f"postgresql://postgres@127.0.0.1:{port}/programme"
    args = [part.format(url=url, tmp=tmp_path) for part in command]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"booster: cannot reach the server at 127.0.0.1:{port}: Connection refused\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize("command", [["check", "{url}"], ["export", "roster", "{url}", "-o", "x"]])
def test_a_socket_folder_that_does_not_exist_is_said_in_one_line(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "no-such-folder"
    url = f"postgresql://postgres@/programme?host={folder}&port=5432"
    assert main([part.format(url=url) for part in command]) == 1
    assert capsys.readouterr().err == (
        f"booster: cannot reach the server at {folder}:5432: No such file or directory\n"
    )


def test_push_to_a_closed_port_says_it_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "programme.booster"
    assert main(["new", str(source)]) == 0
    capsys.readouterr()
    port = _closed_port()
    url = f"postgresql://postgres@127.0.0.1:{port}/programme"
    assert main(["push", str(source), url]) == 1
    assert capsys.readouterr().err == (
        f"booster: cannot reach the server at 127.0.0.1:{port}: Connection refused\n"
    )


def test_the_connect_dialogs_test_and_the_windows_open_say_the_same_line(
    tmp_path: Path,
) -> None:
    """What the window's connect dialog (its Test button) and its Open run, below the window."""
    from booster_desktop.services.programme import open_programme
    from booster_desktop.store.server import describe

    port = _closed_port()
    address = parse_server(f"postgresql://postgres@127.0.0.1:{port}/programme")
    line = f"cannot reach the server at 127.0.0.1:{port}: Connection refused"
    with pytest.raises(BoosterError) as tested:
        describe(address)
    assert str(tested.value) == line
    with pytest.raises(BoosterError) as opened:
        open_programme(address)
    assert str(opened.value) == line


def test_a_server_that_answers_with_a_refusal_is_not_said_out_of_reach() -> None:
    """A reason the server gave (FATAL: no such database) means it was reached: said as is."""
    from booster_desktop.store.server import server_problem

    address = parse_server("postgresql://postgres@127.0.0.1:5432/nodb")
    import psycopg

    error = psycopg.OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        'FATAL:  database "nodb" does not exist'
    )
    said = str(server_problem(address, error))
    assert "cannot reach" not in said and 'FATAL: database "nodb" does not exist' in said
    # However long the socket folder libpq names, the server's reason is kept whole.
    folder = "/tmp/" + "a-long-socket-folder-" * 12
    error = psycopg.OperationalError(
        f'connection failed: connection to server on socket "{folder}/.s.PGSQL.5432" '
        'failed: FATAL:  pg_hba.conf rejects connection for host "[local]", user "door_1", '
        'database "tours", no encryption'
    )
    said = str(server_problem(address, error))
    assert said.endswith('database "tours", no encryption') and folder not in said


def test_a_server_lost_mid_command_is_said_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The server stops after the programme was opened: the next read's error is the lost
    server's one line, not "unexpected error (OperationalError…); please report it"."""
    import contextlib

    import psycopg
    from sqlalchemy.exc import OperationalError

    import booster_desktop.services.overview as overview
    import booster_desktop.services.programme as programme_service

    @contextlib.contextmanager
    def opened(*_args: object, **_kwargs: object) -> object:
        yield object()

    def lost(_programme: object) -> dict[str, object]:
        raise OperationalError(
            "SELECT count(*) FROM manager",
            {},
            psycopg.OperationalError(
                "consuming input failed: server closed the connection unexpectedly\n"
                "\tThis probably means the server terminated abnormally"
            ),
            connection_invalidated=True,
        )

    monkeypatch.setattr(programme_service, "open_programme", opened)
    monkeypatch.setattr(overview, "programme_counts", lost)
    assert main(["info", "postgresql://postgres@db.example.org:5433/tours"]) == 1
    assert capsys.readouterr().err == (
        "booster: cannot reach the server at db.example.org:5433: "
        "server closed the connection unexpectedly\n"
    )

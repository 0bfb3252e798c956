"""`booster push FILE URL` and `booster pull URL FILE`: their arguments, in their order, and
what they say they copied."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from booster_desktop.cli import main


@pytest.mark.parametrize(("command", "order"), [("push", "FILE URL"), ("pull", "URL FILE")])
def test_help_names_the_two_places_in_the_order_they_are_copied(
    command: str, order: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: booster {command} [-h] {order}\n" in out
    assert "postgresql://user@host" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["push", "demo.booster", "db.example.org/tours"],
        ["pull", "db.example.org/tours", "copy.booster"],
        ["pull", "demo.booster", "postgresql://anna@db.example.org/tours"],
        ["push", "postgresql://anna@db.example.org/tours", "demo.booster"],
    ],
)
def test_a_server_address_where_it_belongs_or_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "is not a server address: write postgresql://user@host/database" in err


@pytest.mark.postgresql_only  # a server to push to and pull from
def test_push_then_pull_say_what_they_copied(
    demo_master: Path, server_database: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.domain.base import Base

    server = server_database()
    assert main(["push", str(demo_master), str(server)]) == 0
    pushed = capsys.readouterr().out
    tables = len(Base.metadata.sorted_tables)
    match = re.fullmatch(
        rf"Pushed {re.escape(str(demo_master))} to {re.escape(server.shown)}: "
        rf"([\d,]+) rows in {tables} tables\n",
        pushed,
    )
    assert match is not None, pushed
    back = tmp_path / "back.booster"
    assert main(["pull", str(server), str(back)]) == 0
    pulled = capsys.readouterr().out
    assert pulled == (f"Pulled {server} into {back}: {match[1]} rows in {tables} tables\n")
    # A pull never replaces a file: one line, exit 1.
    assert main(["pull", str(server), str(back)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"booster: {back}: already exists")

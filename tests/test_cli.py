"""The `booster` command: outputs with exactly the keys docs/command.md gives, and its exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from booster_desktop import __version__
from booster_desktop.cli import main
from booster_desktop.store.schema_version import HEAD_REVISION
from tests import programme_db


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"booster {__version__}"


def test_info_json_has_exactly_the_design_keys(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    info = _json(["info", str(demo_file), "--json"], capsys)
    assert info == {
        "managers": 24,
        "countries": 7,
        "topics": 12,
        "tours": 4,
        "sessions": 44,
        "visits": 16,
        "enrolments": 48,
        "checkins": 0,
        "schema": HEAD_REVISION,
    }


@pytest.mark.sqlite_only
def test_info_counts_expected_enrolments_and_standing_checkins(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE enrolment SET status = 'cancelled' WHERE id = 1")
        connection.execute("UPDATE enrolment SET status = 'waitlisted' WHERE id = 2")
        connection.execute("UPDATE enrolment SET status = 'confirmed' WHERE id = 3")
        for checkin_id, manager, voided in (("a", 1, 0), ("b", 1, 0), ("c", 2, 1), ("d", 3, 0)):
            connection.execute(
                "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
                "admitted_unregistered) VALUES (?, 1, ?, '2018-11-19 08:30:00', 'door', ?, 0)",
                (checkin_id, manager, voided),
            )
    info = _json(["info", str(demo_file), "--json"], capsys)
    assert isinstance(info, dict)
    assert info["enrolments"] == 46  # cancelled and waitlisted are not expected
    assert info["checkins"] == 2  # manager 1 twice counts once; a voided one not at all


def test_info_for_people(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(demo_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Cluster Booster: inspiration and learning tours\n")
    assert re.search(r"managers\s+24", out) and re.search(r"visits\s+16", out)


def test_list_managers(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    managers = _json(["list", "managers", str(demo_file), "--json"], capsys)
    assert isinstance(managers, list) and len(managers) == 24
    assert set(managers[0]) == {
        "id",
        "given_name",
        "family_name",
        "arabic_name",
        "country",
        "city",
        "organisation",
        "email",
        "badge_token",
    }
    assert {m["country"] for m in managers} == {"DZ", "EG", "JO", "LB", "MA", "PS", "TN"}


def test_list_managers_of_a_tour_are_its_expected_ones(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    on_tour = _json(["list", "managers", str(demo_file), "--tour", "CAT", "--json"], capsys)
    assert isinstance(on_tour, list) and len(on_tour) == 12
    first = on_tour[0]["id"]
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE enrolment SET status = 'cancelled' WHERE manager_id = ? AND tour_id = "
            "(SELECT id FROM tour WHERE code = 'CAT')",
            (first,),
        )
    on_tour = _json(["list", "managers", str(demo_file), "--tour", "cat", "--json"], capsys)
    assert isinstance(on_tour, list) and len(on_tour) == 11
    assert first not in {m["id"] for m in on_tour}


def test_list_tours_topics_and_sessions(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tours = _json(["list", "tours", str(demo_file), "--json"], capsys)
    assert tours[0] == {  # type: ignore[index]
        "code": "CAT",
        "title": "Inspiration and learning tour: Catalonia",
        "start": "2018-11-19",
        "end": "2018-11-23",
        "capacity": 12,
        "expected": 12,
    }
    topics = _json(["list", "topics", str(demo_file), "--json"], capsys)
    assert isinstance(topics, list) and len(topics) == 12
    assert set(topics[0]) == {"id", "name", "wanted_by"}
    assert sum(t["wanted_by"] for t in topics) > 24
    sessions = _json(["list", "sessions", str(demo_file), "--tour", "SUD", "--json"], capsys)
    assert isinstance(sessions, list) and len(sessions) == 11
    assert set(sessions[0]) == {"id", "tour", "kind", "title", "date", "start", "end", "venue"}
    assert sessions[0]["tour"] == "SUD" and re.fullmatch(r"\d\d:\d\d", sessions[0]["start"])
    assert {s["kind"] for s in sessions} == {"training", "visit", "meal", "networking"}
    assert [s["date"] for s in sessions] == sorted(s["date"] for s in sessions)


def test_an_unknown_tour_is_a_user_error(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "sessions", str(demo_file), "--tour", "XYZ"]) == 1
    assert (
        capsys.readouterr().err
        == "booster: tour 'XYZ' does not exist (tours: CAT, WAL, SUD, PIE)\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["list", "people", "x.booster"],
        ["demo", "x.booster", "--managers", "0"],
        ["demo", "x.booster", "--managers", "many"],
        ["info"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_malformed_server_address_is_a_usage_error_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for port in ("abc", "0"):
        with pytest.raises(SystemExit) as exit_:
            main(["info", f"postgresql://u:Pa55word@/db?host=/tmp&port={port}"])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        last = err.splitlines()[-1]
        assert last.startswith("booster info: error: argument FILE: postgresql://u@/db?host=")
        assert f"not {port!r}" in last
        assert "Pa55word" not in err and "unexpected" not in err


def test_new_makes_an_empty_programme_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.booster"
    assert main(["new", str(path), "--title", "Programme 2027"]) == 0
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    assert main(["info", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Programme 2027\n")
    assert main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_new_in_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(tmp_path / "nope" / "x.booster")]) == 1
    assert "no such folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.sqlite_only
def test_demo_replaces_only_with_force(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_file.read_bytes()
    assert main(["demo", str(demo_file)]) == 1
    assert "already exists (use --force to replace it)" in capsys.readouterr().err
    assert demo_file.read_bytes() == before
    assert main(["demo", str(demo_file), "--managers", "30", "--force"]) == 0
    capsys.readouterr()
    info = _json(["info", str(demo_file), "--json"], capsys)
    assert info["managers"] == 30  # type: ignore[index]


def test_a_failed_demo_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.services import demo

    def explode(*_args: object, **_kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo._DemoBuilder, "_travel_rows", explode)
    path = tmp_path / "full-disk.booster"
    assert main(["demo", str(path)]) == 1
    assert f"no space left on the disk at {tmp_path}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_info_counts_the_statuses_the_domain_calls_expected() -> None:
    from booster_desktop.domain.kinds import EXPECTED_STATUSES
    from booster_desktop.services.overview import _COUNTS

    assert {s.value for s in EXPECTED_STATUSES} == {"proposed", "confirmed"}
    assert "e.status IN ('proposed', 'confirmed') AND m.status = 'active'" in str(_COUNTS)


def test_a_withdrawn_manager_is_not_expected(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    on_cat = _json(["list", "managers", str(demo_file), "--tour", "CAT", "--json"], capsys)
    assert isinstance(on_cat, list)
    withdrawn = on_cat[0]["id"]
    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = ?", (withdrawn,))
    info = _json(["info", str(demo_file), "--json"], capsys)
    assert info["enrolments"] == 46  # type: ignore[index]
    on_cat = _json(["list", "managers", str(demo_file), "--tour", "CAT", "--json"], capsys)
    assert isinstance(on_cat, list) and len(on_cat) == 11
    assert withdrawn not in {m["id"] for m in on_cat}
    tours = _json(["list", "tours", str(demo_file), "--json"], capsys)
    assert isinstance(tours, list) and tours[0]["expected"] == 11


def test_every_command_module_is_registered_and_declares_its_command() -> None:
    """A new command is one module under cli/: forgetting to list it in COMMANDS fails here."""
    import pkgutil

    import booster_desktop.cli as cli
    from booster_desktop.cli.commands import Command

    infrastructure = {"arguments", "commands", "output"}
    modules = {m.name for m in pkgutil.iter_modules(cli.__path__)} - infrastructure
    assert modules == set(cli.COMMANDS)
    names = [cli._commands()[i].name for i in range(len(cli.COMMANDS))]
    assert all(isinstance(c, Command) for c in cli._commands())
    assert len(names) == len(set(names))


def test_a_database_driver_warning_adds_no_line_to_the_one_line_refusal(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while an apply waits for another coordinator's can make psycopg warn that the
    cancelled query did not end; the command still says one line."""
    import logging

    from booster_desktop.services import programme

    def interrupted(*args: object, **kwargs: object) -> None:
        logging.getLogger("psycopg").warning(
            "query not terminated after cancellation: closing connection"
        )
        raise KeyboardInterrupt

    # As outside pytest (whose log capture sits on the root logger): no logging set up.
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    monkeypatch.setattr(programme, "open_programme", interrupted)
    assert main(["allocate", str(demo_file), "--apply"]) == 130
    assert capsys.readouterr().err == "booster: interrupted; nothing was changed\n"


def test_the_log_of_an_unexpected_error_is_this_users_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log was made 0644 like any file: readable by every user of the laptop, and a
    traceback quotes values (a manager's name, a badge token, the start of a password's
    hash in a refused CREATE ROLE)."""
    from booster_desktop.cli import _report_bug

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    said = _report_bug(ValueError("Amina Benali VSTRGCCGCNJRXJLPURGKX"))
    log = Path(said.rsplit(" ", 1)[-1])
    assert "Amina Benali" in log.read_text("utf-8")
    assert log.stat().st_mode & 0o777 == 0o600
    log.chmod(0o644)  # made by an older version
    _report_bug(ValueError("again"))
    assert log.stat().st_mode & 0o777 == 0o600


def test_a_log_that_cannot_be_closed_up_still_gets_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log of another user's (a `sudo` run before) cannot be made this user's only: the
    traceback was then never logged, and the log's descriptor never closed."""
    import os

    from booster_desktop.cli import _report_bug

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))

    def not_yours(descriptor: int, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchmod", not_yours)
    descriptors = sorted(Path("/proc/self/fd").iterdir())
    said = _report_bug(ValueError("Amina Benali"))
    assert said.startswith("details are in ")
    assert "ValueError: Amina Benali" in Path(said.rsplit(" ", 1)[-1]).read_text("utf-8")
    assert sorted(Path("/proc/self/fd").iterdir()) == descriptors

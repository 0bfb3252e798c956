"""Shared fixtures: programme files built with the same services the application uses.

With `BOOSTER_TEST_DATABASE=postgresql://user@host/postgres` (a throw-away server: `.ci/run`
starts one) the suite runs on PostgreSQL: the programme fixtures then make each programme in a
fresh database of that server. Tests that only make sense on one database are marked
`sqlite_only` or `postgresql_only`; the other pass skips them, and both are counted at the end.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SERVER_VARIABLE = "BOOSTER_TEST_DATABASE"

# Headless Qt for every test, whatever the machine (CI sets it too).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def laptop_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The laptop's settings file of each test: in a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    from booster_desktop.services.settings import settings_path

    path = settings_path()
    assert path.is_relative_to(folder)
    return path


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> object:
    """Every test starts in English, whatever the machine's locale, and leaves it so (the
    language is chosen once per process, and `booster --lang fr` in one test must not leak)."""
    from booster_desktop.i18n import use_language

    monkeypatch.setenv("LANGUAGE", "en")
    use_language("en")
    yield
    use_language("en")


@pytest.fixture(autouse=True)
def _own_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Backups, the demo and the bug log go to the user's folders: never the real ones in a test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


def server_url() -> str | None:
    """The throw-away server this pass runs on, or None on the SQLite pass."""
    return os.environ.get(SERVER_VARIABLE) or None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_server = server_url() is not None
    sqlite_only = [item for item in items if item.get_closest_marker("sqlite_only")]
    server_only = [item for item in items if item.get_closest_marker("postgresql_only")]
    config.stash[_COUNTS] = (len(sqlite_only), len(server_only))
    for item in sqlite_only if on_server else server_only:
        item.add_marker(
            pytest.mark.skip(
                reason="SQLite-only (a programme file's bytes, locks or disk)"
                if on_server
                else f"PostgreSQL-only: runs in the pass with {SERVER_VARIABLE} set"
            )
        )


_COUNTS = pytest.StashKey[tuple[int, int]]()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    sqlite_only, server_only = config.stash.get(_COUNTS, (0, 0))
    database = "PostgreSQL" if server_url() else "SQLite"
    terminalreporter.write_line(
        f"{sqlite_only} tests are SQLite-only, {server_only} PostgreSQL-only "
        f"(this pass: {database}; the others were skipped)"
    )


_numbers = itertools.count(1)


def _admin(sql: str) -> None:
    import psycopg

    url = server_url()
    assert url is not None
    with psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(sql)


@pytest.fixture
def server_database() -> Iterator[Callable[..., Any]]:
    """Makes fresh, empty databases on the test server (copies of `template` when named);
    returns their addresses; drops them after the test."""
    from booster_desktop.services.programme import parse_server

    url = server_url()
    if url is None:
        pytest.skip(f"needs a PostgreSQL server ({SERVER_VARIABLE})")
    made: list[str] = []

    def make(template: str | None = None) -> Any:
        name = f"booster_test_{os.getpid()}_{next(_numbers)}"
        _admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        made.append(name)
        base = parse_server(url)
        return parse_server(str(base.url.set(database=name).render_as_string(False)))

    yield make
    for name in made:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _server_templates(demo_master: Path) -> Iterator[dict[str, str]]:
    """The demo and an empty programme pushed once into template databases of the server."""
    from booster_desktop.services.programme import (
        new_programme,
        parse_server,
        push_programme,
    )

    url = server_url()
    assert url is not None
    base = parse_server(url)
    names = {"demo": f"booster_demo_{os.getpid()}", "empty": f"booster_empty_{os.getpid()}"}
    for name in names.values():
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin(f'CREATE DATABASE "{name}"')
    at = {
        k: parse_server(base.url.set(database=v).render_as_string(False)) for k, v in names.items()
    }
    push_programme(demo_master, at["demo"])
    new_programme(at["empty"], title="Empty programme")
    yield names
    for name in names.values():
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference demo programme, written once per test run; copy it before changing it."""
    from booster_desktop.services.demo import write_demo

    path = tmp_path_factory.mktemp("master") / "demo.booster"
    write_demo(path)
    return path


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """A fresh copy of the reference demo programme for one test (on the PostgreSQL pass, a
    fresh database holding it)."""
    if server_url() is not None:
        templates = request.getfixturevalue("_server_templates")
        return request.getfixturevalue("server_database")(templates["demo"])
    path = tmp_path / "demo.booster"
    shutil.copyfile(demo_master, path)
    return path


@pytest.fixture
def empty_file(tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """A new, empty programme file (on the PostgreSQL pass, a fresh database holding one)."""
    from booster_desktop.services.programme import new_programme

    if server_url() is not None:
        templates = request.getfixturevalue("_server_templates")
        return request.getfixturevalue("server_database")(templates["empty"])
    path = tmp_path / "empty.booster"
    new_programme(path, title="Empty programme")
    return path


def side_files(path: Path) -> list[str]:
    """The -wal, -shm, -journal and lock files SQLite or we may have left beside `path` (none
    beside a programme on a server)."""
    if not isinstance(path, Path):
        return []
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name.startswith(path.name) and p.name != path.name
    )

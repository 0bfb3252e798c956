"""Shared fixtures: programme files built with the same services the application uses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference demo programme, written once per test run; copy it before changing it."""
    from booster_desktop.services.demo import write_demo

    path = tmp_path_factory.mktemp("master") / "demo.booster"
    write_demo(path)
    return path


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the reference demo programme for one test."""
    path = tmp_path / "demo.booster"
    shutil.copyfile(demo_master, path)
    return path


@pytest.fixture
def empty_file(tmp_path: Path) -> Path:
    """A new, empty programme file."""
    from booster_desktop.services.programme import new_programme

    path = tmp_path / "empty.booster"
    new_programme(path, title="Empty programme")
    return path


def side_files(path: Path) -> list[str]:
    """The -wal, -shm, -journal and lock files SQLite or we may have left beside `path`."""
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name.startswith(path.name) and p.name != path.name
    )

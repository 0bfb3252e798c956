"""The window's demo keeps the user's work, a fresh demo backs it up first, and a file on a
read-only disk opens for reading with the reason shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from booster_desktop.services.demo import demo_path
from booster_desktop.store import programme_file
from booster_desktop.store.changes import report
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.ui.conftest import Dialogs


def _title(path: Path) -> str:
    with programme_db.connect(path) as connection:
        return str(connection.execute("SELECT title FROM programme").fetchone()[0])


def test_the_demo_opens_the_users_demo_and_a_new_demo_backs_it_up(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    with qtbot.waitSignal(window.programme_loaded, timeout=10000):
        window.open_demo()
    assert window.programme is not None and window.programme.path == demo_path()
    with window.programme.writing() as connection:
        connection.exec_driver_sql("UPDATE programme SET title = 'My demo edits'")
        report(connection, "programme", [1], ["title"])
    window.close_file()
    with qtbot.waitSignal(window.programme_loaded, timeout=10000):
        window.open_demo()  # booster-desktop --demo, again: the same file, edits and all
    assert _title(demo_path()) == "My demo edits"

    dialogs.answer = dialogs.answer.No
    window.new_demo()
    assert dialogs.questions and _title(demo_path()) == "My demo edits"
    dialogs.answer = dialogs.answer.Yes
    with qtbot.waitSignal(window.programme_loaded, timeout=10000):
        window.new_demo()
    assert _title(demo_path()) != "My demo edits"
    backups = list(demo_path().parent.glob("backups/*/* demo.booster"))
    assert [_title(b) for b in backups] == ["My demo edits"]
    assert "backed up" in window.statusBar().currentMessage()
    assert dialogs.critical == []


@pytest.mark.sqlite_only
def test_a_read_only_file_opens_for_reading_and_says_why(
    window: MainWindow,
    qtbot: QtBot,
    demo_file: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from booster_desktop.domain.disk import ReadOnlyError
    from booster_desktop.store.lock import ProgrammeLock

    def refuse(path: Path) -> ProgrammeLock:
        raise ReadOnlyError(f"{path}: is read-only (read-only: its folder cannot be written)")

    # As on a CD: the lock file cannot be made, and SQLite must not make a -shm.
    monkeypatch.setattr(ProgrammeLock, "acquire", staticmethod(refuse))
    monkeypatch.setattr(programme_file, "folder_writable", lambda folder: False)
    with qtbot.waitSignal(window.programme_loaded, timeout=10000):
        window.open_file(demo_file)
    assert window.programme is not None and not window.programme.writable
    assert window.statusBar().currentMessage().startswith("Opened read-only:")
    assert "read-only" in window.statusBar().currentMessage()
    assert dialogs.critical == []


@pytest.mark.sqlite_only
def test_the_save_dialogs_never_write_over_a_programme(
    window: MainWindow,
    qtbot: QtBot,
    demo_file: Path,
    tmp_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib
    import shutil

    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "other.booster"
    shutil.copyfile(demo_file, other)
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (demo_file, other)}
    with qtbot.waitSignal(window.programme_loaded, timeout=10000):
        window.open_file(demo_file)
    for chosen in (demo_file, other, demo_file.with_name(demo_file.name + ".lock")):
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *_a, c=chosen: (str(c), ""))
        )
        window.save_copy()
        if chosen.suffix == ".booster":  # New adds the suffix to any other name: a new file
            window.new_file()
        assert len(dialogs.critical) == (2 if chosen.suffix == ".booster" else 1)
        assert all(str(chosen) in message for message in dialogs.critical)
        dialogs.critical.clear()
    window.close_file()
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in digests} == digests

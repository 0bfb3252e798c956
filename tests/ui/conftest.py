"""Fixtures for the main window's tests: a window on temporary settings, no blocking dialogs,
and editors driven by a script instead of a person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from booster_desktop.ui.checkin_screen import CheckinScreen
from booster_desktop.ui.conflict_dialog import ConflictDialog
from booster_desktop.ui.editors import RecordEditor
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.translation import install


@dataclass
class Dialogs:
    """What the window asked or told through QMessageBox (patched: nothing blocks)."""

    critical: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    information: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    # Saves refused over someone else's change: the conflict dialog's text (cancelled).
    conflicts: list[str] = field(default_factory=list)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Every QMessageBox static the window uses, recorded; questions answered `answer`."""
    seen = Dialogs()

    def critical(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        seen.critical.append(text)
        return QMessageBox.StandardButton.Ok

    def question(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        seen.questions.append(text)
        return seen.answer

    def about(_parent: Any, _title: str, text: str) -> None:
        seen.about.append(text)

    def information(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        # Unanswered, a box would wait forever offscreen: recorded instead, as the others.
        seen.information.append(text)
        return QMessageBox.StandardButton.Ok

    def conflict(dialog: ConflictDialog) -> int:
        # Unanswered, the dialog would wait forever offscreen: recorded and cancelled.
        seen.conflicts.append(dialog.label.text())
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ConflictDialog, "exec", conflict)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(about))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return seen


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(
    qtbot: QtBot, settings_path: Path, dialogs: Dialogs
) -> Iterator[Callable[[], MainWindow]]:
    """Windows on the test's own settings file (a second call is the same user, restarted)."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()  # releases the programme file's lock


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture
def open_in(qtbot: QtBot) -> Callable[[MainWindow, Path], None]:
    """Open a file the way the window does (off the UI thread) and wait until it is shown."""

    def open_(window: MainWindow, path: Path) -> None:
        with qtbot.waitSignal(window.programme_loaded, timeout=10000):
            window.open_file(path)

    return open_


@pytest.fixture
def french() -> Iterator[None]:
    """The window's language French for one test, English again after it."""
    install("fr")
    yield
    install("en")


@contextmanager
def door_screen(
    window: MainWindow, qtbot: QtBot, *, now: datetime | None = None
) -> Iterator[CheckinScreen]:
    """A check-in screen over the programme open in `window` (made, not shown: a test that
    needs it on screen opens it), left at the end as door staff leave it."""
    assert window.programme is not None
    screen = CheckinScreen(window.programme, window, now=now)
    qtbot.addWidget(screen)
    yield screen
    screen.leaving_allowed = True
    screen.close()


@dataclass
class EditorRun:
    """One editor the window opened: what it showed after Save (or Cancel) was clicked."""

    editor: Any
    result: int = 0
    stayed_open: bool = False
    # The error and warning labels shown (name -> text), before and after the click.
    before_click: dict[str, str] = field(default_factory=dict)
    after_click: dict[str, str] = field(default_factory=dict)


def _shown_messages(editor: RecordEditor[Any]) -> dict[str, str]:
    return {
        label.objectName(): label.text()
        for label in editor.findChildren(QLabel)
        if label.objectName().endswith(("_error", "_warning")) and label.isVisible()
    }


Fill = Callable[[Any], None]


@dataclass
class EditorDriver:
    """Replaces RecordEditor.exec: each editor the window opens runs the next script."""

    qtbot: QtBot
    scripts: list[tuple[Fill, bool]] = field(default_factory=list)
    runs: list[EditorRun] = field(default_factory=list)

    def will(self, fill: Fill, *, save: bool = True) -> None:
        """The next editor: run `fill(editor)`, then click Save (or Cancel)."""
        self.scripts.append((fill, save))

    def exec(self, editor: Any) -> int:
        assert self.scripts, "the window opened an editor the test did not expect"
        fill, save = self.scripts.pop(0)
        run = EditorRun(editor)
        self.runs.append(run)
        editor.show()
        fill(editor)
        run.before_click = _shown_messages(editor)
        which = (
            QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Cancel
        )
        self.qtbot.mouseClick(editor.form.buttons.button(which), Qt.MouseButton.LeftButton)
        run.stayed_open = editor.isVisible()
        run.after_click = _shown_messages(editor)
        if editor.isVisible():  # refused: the person gives up
            editor.reject()
        run.result = editor.result()
        return run.result


@pytest.fixture
def editors(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> EditorDriver:
    driver = EditorDriver(qtbot)
    monkeypatch.setattr(RecordEditor, "exec", lambda self: driver.exec(self))
    return driver

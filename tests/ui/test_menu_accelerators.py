"""Every menu of the window reachable from the keyboard in every shipped language: each item
has an accelerator (Alt+letter, the `&` in its text) and no two items of one menu share one,
or the second is unreachable (Qt only cycles between them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QPushButton
from pytestqt.qtbot import QtBot

from booster_desktop.i18n import SOURCE_LANGUAGE
from booster_desktop.ui import linguist
from booster_desktop.ui.agenda_editor import AgendaEditor
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.translation import install
from tests.ui.conftest import door_screen

LANGUAGES = [SOURCE_LANGUAGE, *linguist.translated_languages()]


def accelerator_problems(name: str, texts: list[str]) -> list[str]:
    """What is wrong with the accelerators of one menu's items (`name` says which menu)."""
    problems = []
    taken: dict[QKeySequence, str] = {}
    for text in texts:
        key = QKeySequence.mnemonic(text)
        if key.isEmpty():
            problems.append(f"{name}: {text!r} has no accelerator")
        elif key in taken:
            problems.append(
                f"{name}: {taken[key]!r} and {text!r} share the accelerator {key.toString()}"
            )
        else:
            taken[key] = text
    return problems


def _items(menu: QMenu | QMenuBar) -> list[tuple[str, QMenu | None]]:
    return [
        (action.text(), action.menu())
        for action in menu.actions()
        if not action.isSeparator() and action.isVisible()
    ]


def menu_problems(bar: QMenuBar, window: str) -> list[str]:
    """Walk a menu bar and every menu under it."""
    items = _items(bar)
    problems = accelerator_problems(f"{window} menu bar", [text for text, _ in items])
    pending = [(f"{window} > {text}", menu) for text, menu in items if menu is not None]
    while pending:
        name, menu = pending.pop()
        entries = _items(menu)
        problems += accelerator_problems(name, [text for text, _ in entries])
        pending += [(f"{name} > {text}", sub) for text, sub in entries if sub is not None]
    return problems


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    install(request.param)
    yield request.param
    install(SOURCE_LANGUAGE)


def test_the_check_finds_a_clash_and_an_item_without_accelerator() -> None:
    assert accelerator_problems("File", ["&Open…", "&Close", "&Quit"]) == []
    assert accelerator_problems("File", ["Save a &copy as…", "&Close"]) == [
        "File: 'Save a &copy as…' and '&Close' share the accelerator Alt+C"
    ]
    # The case does not matter to Alt+letter; && is a written ampersand, not an accelerator.
    assert len(accelerator_problems("File", ["&copie", "&Chiffrée"])) == 1
    assert accelerator_problems("View", ["Managers", "R&&D"]) == [
        "View: 'Managers' has no accelerator",
        "View: 'R&&D' has no accelerator",
    ]


def test_every_menu_has_one_accelerator_per_item_in_every_language(
    language: str,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
) -> None:
    open_in(window, demo_file)  # the recent files, and the menus that depend on a programme
    agenda = AgendaEditor(window.document, "CAT", window)
    qtbot.addWidget(agenda)
    problems = menu_problems(window.menuBar(), "main window")
    problems += menu_problems(agenda.menuBar(), "agenda")
    assert problems == [], f"{language}:\n" + "\n".join(problems)


def test_a_clash_made_by_hand_in_the_window_fails(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert menu_problems(window.menuBar(), "main window") == []
    window.close_action.setText("&Nothing new")
    problems = menu_problems(window.menuBar(), "main window")
    assert any("'&Nothing new' share the accelerator Alt+N" in p for p in problems), problems
    file_menu.addAction("Without any")
    assert "main window > &File: 'Without any' has no accelerator" in menu_problems(
        window.menuBar(), "main window"
    )


def test_the_check_in_screen_s_buttons_each_have_their_own_accelerator_in_every_language(
    language: str,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
) -> None:
    open_in(window, demo_file)
    with door_screen(window, qtbot) as screen:
        buttons = screen.findChildren(QPushButton)  # the admit button too: over the others
        assert screen.full_button in buttons and screen.admit_button in buttons
        texts = [button.text() for button in buttons]
    problems = accelerator_problems("check-in screen", texts)
    assert problems == [], f"{language}:\n" + "\n".join(problems)

"""Help that opens offline: the user guide from the package, and the window's shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from booster_desktop.ui.help_dialogs import ShortcutsDialog, UserGuide
from booster_desktop.ui.main_window import MainWindow


def _help_texts(window: MainWindow) -> list[str]:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return [a.text() for a in help_menu.actions() if a.text()]


def test_the_help_menu_offers_the_guide_the_shortcuts_and_about(window: MainWindow) -> None:
    assert _help_texts(window) == ["&User guide", "&Keyboard shortcuts", "&About Booster Desktop"]
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_the_user_guide_opens_from_the_package_beside_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.guide_action.trigger()
    guides = [w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuide)]
    assert len(guides) == 1
    guide = guides[0]
    qtbot.waitExposed(guide)
    assert not guide.isModal()  # read it while working
    text = guide.browser.toPlainText()
    assert "Importing the diagnosis" in text and "Tour agendas" in text
    screen = guide.screen().availableGeometry()
    assert guide.height() <= screen.height() and guide.width() <= screen.width()
    guide.close()


def test_the_shortcuts_listed_are_the_window_s_own(window: MainWindow, qtbot: QtBot) -> None:
    window.shortcuts_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    undo = window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Undo"].startswith(undo) or undo in rows.get("Undo", "")
    assert "Tour agendas" in rows and rows["Tour agendas"] == "Ctrl+G"
    assert "Find" in rows
    dialog.close()

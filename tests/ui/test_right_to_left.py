"""Right-to-left ready, and room for French: the window started in right-to-left direction,
and in French (whose words are the longest we have), shows every label's and button's text
whole, on the main tabs and in every editor and dialog the menus open.

"Whole" is Qt's own measure: a widget's size hint (what its text needs) within its geometry,
and for a label that wraps, the height its text needs at its width within its height.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.translation import install

# Widget geometry in each language and direction, which the database behind the window does
# not change; on a server File > Restore from backup… explains instead of listing the kept
# backups, so the dialogs this test measures are the file's.
pytestmark = pytest.mark.sqlite_only

LANGUAGES = [
    pytest.param(("en", Qt.LayoutDirection.RightToLeft), id="right-to-left"),
    pytest.param(("fr", Qt.LayoutDirection.LeftToRight), id="french"),
    pytest.param(("fr", Qt.LayoutDirection.RightToLeft), id="french-right-to-left"),
]


@pytest.fixture
def direction(request: pytest.FixtureRequest) -> Iterator[tuple[str, Qt.LayoutDirection]]:
    language, way = request.param
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    install(language)
    application.setLayoutDirection(way)
    yield language, way
    application.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    install("en")


def _name(widget: QWidget) -> str:
    chain = []
    while widget is not None:
        chain.append(widget.objectName() or type(widget).__name__)
        parent = widget.parentWidget()
        if parent is None:
            break
        widget = parent
    return "/".join(reversed(chain[:3]))


def cut_texts(top: QWidget) -> list[str]:
    """Every visible label and button of `top` whose text does not fit its place."""
    cut = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    cut.append(f"{_name(widget)} {text[:60]!r}: {needed} > {widget.height()} high")
                continue
            hint = widget.sizeHint().width()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text:
                continue
            hint = widget.sizeHint().width()
        else:
            continue
        if hint > widget.width() + 1:
            cut.append(f"{_name(widget)} {text[:60]!r}: {hint} > {widget.width()} wide")
    return cut


def _check(top: QWidget, qtbot: QtBot, seen: dict[str, list[str]], way: Qt.LayoutDirection) -> None:
    top.show()
    qtbot.waitExposed(top)
    QApplication.processEvents()
    assert top.layoutDirection() == way, type(top).__name__
    seen[type(top).__name__] = cut_texts(top)


@pytest.mark.parametrize("direction", LANGUAGES, indirect=True)
def test_every_label_and_button_fits_its_place(
    direction: tuple[str, Qt.LayoutDirection],
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    language, way = direction
    open_in(window, demo_file)
    window.resize(1280, 800)
    seen: dict[str, list[str]] = {}
    # The main tabs, each in turn.
    for index in range(window.tabs_widget.count()):
        window.tabs_widget.setCurrentIndex(index)
        QApplication.processEvents()
        assert window.layoutDirection() == way
        seen[f"tab {window.tabs_widget.tabText(index)}"] = cut_texts(
            window.tabs_widget.currentWidget()
        )

    # Every dialog the menus open, shown instead of run (nothing blocks, nothing is saved).
    def shown(dialog: QDialog) -> int:
        _check(dialog, qtbot, seen, way)
        dialog.hide()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", shown)
    for index in range(window.tabs_widget.count()):
        window.tabs_widget.setCurrentIndex(index)
        window.add_record()  # the tab's editor
    window.edit_settings()
    window.edit_programme_details()
    window.print_badges()
    window.allocate()
    window.show_demand()
    window.check_in()
    window.show_attendance()
    window.import_managers()
    window.restore_from_backup()  # the backups kept of the demo (made when it was opened)
    window.edit_agendas()
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QMainWindow) and top is not window and top.isVisible():
            _check(top, qtbot, seen, way)  # the agenda editor
    window.about()
    for top in QApplication.topLevelWidgets():
        if type(top).__name__ == "AboutDialog" and top.isVisible():
            _check(top, qtbot, seen, way)
    expected = {
        "ManagerEditor",
        "TopicEditor",
        "TourEditor",
        "SessionEditor",
        "SettingsDialog",
        "ProgrammeDetailsDialog",
        "BadgesDialog",
        "AllocationDialog",
        "DemandDialog",
        "CheckinScreen",
        "AttendanceDialog",
        "ImportWizard",
        "AgendaEditor",
        "AboutDialog",
        "RestoreDialog",
    }
    assert expected <= set(seen), sorted(expected - set(seen))
    cut = {where: problems for where, problems in seen.items() if problems}
    assert cut == {}, f"{language}, {way.name}: texts cut short:\n" + "\n".join(
        f"{where}: {problem}" for where, problems in cut.items() for problem in problems
    )

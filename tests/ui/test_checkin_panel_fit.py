"""The check-in panel on a small window: a long name, wrapped, in both scripts, never runs
over the headline, the initials circle or the country (found under Xvfb at 800 x 600 and in
a 580 px tall dialog: the family name cut under the Arabic name, "Welcome" over the circle)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from booster_desktop.services.checkin import ScanResult, ScanState
from booster_desktop.ui.checkin_screen import PANEL_POINTS, CheckinScreen
from booster_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Dialogs, door_screen

LONG = "Mohammed Abdelrahman Al-Khouri-Benmansour"
ARABIC = "محمد عبد الرحمن الخوري بن منصور"


def _welcome(screen: CheckinScreen) -> None:
    screen._show(
        ScanResult(ScanState.WELCOME, "token", "", None, LONG, ARABIC, "MA", recorded=False)
    )


def _settled(screen: CheckinScreen) -> list[QLabel]:
    for _ in range(3):
        QApplication.processEvents()
    layout = screen.panel.layout()
    assert layout is not None
    layout.activate()
    shown = (screen.initials, screen.headline, screen.name, screen.arabic_name, screen.detail)
    return [label for label in shown if label.isVisible()]


def _check_nothing_overlaps(screen: CheckinScreen) -> None:
    labels = _settled(screen)
    assert screen.initials in labels or not screen.initials.text()
    panel = screen.panel.contentsRect()
    for label in labels:
        area = label.geometry()
        assert panel.contains(area), (label.objectName(), area, panel)
        if label is not screen.initials and label.text():
            # Every line the words wrap to has its room: nothing cut at the bottom.
            assert area.height() >= label.heightForWidth(area.width()), label.objectName()
    for index, one in enumerate(labels):
        for other in labels[index + 1 :]:
            assert not one.geometry().intersects(other.geometry()), (
                one.objectName(),
                other.objectName(),
            )


@pytest.mark.parametrize("size", [(800, 600), (800, 700)])
def test_door_staffs_window_shows_a_long_name_without_overlap(
    size: tuple[int, int],
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    dialogs: Dialogs,
) -> None:
    open_in(window, demo_file)
    assert window.programme is not None
    window._show_door(window.programme)
    screen = window.door_screen
    assert isinstance(screen, CheckinScreen)
    window.resize(*size)
    _welcome(screen)
    _check_nothing_overlaps(screen)
    assert screen.name.text() == LONG and screen.arabic_name.text() == ARABIC
    screen._show_idle()
    _check_nothing_overlaps(screen)  # "Scan a badge" under the circle, not over it
    screen.leaving_allowed = True


def test_a_short_check_in_dialog_shows_a_long_name_without_overlap(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
) -> None:
    open_in(window, demo_file)
    with door_screen(window, qtbot) as screen:
        screen.open()
        screen.resize(1000, 580)
        _welcome(screen)
        _check_nothing_overlaps(screen)
        screen.missing_button.click()  # the missing list narrows the panel: it fits again
        _check_nothing_overlaps(screen)
        # Back to a large window: the words are their full size again.
        screen.resize(1400, 1000)
        _settled(screen)
        assert screen.name.font().pointSize() == PANEL_POINTS["name"]
        _check_nothing_overlaps(screen)

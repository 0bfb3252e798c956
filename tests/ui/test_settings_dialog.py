"""Edit > Settings…: the dialog is built from the declarations, shows what `booster settings`
set, and saves what `booster settings` then reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from booster_desktop.cli import main
from booster_desktop.i18n import _
from booster_desktop.services.settings import SETTINGS
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import Dialogs


def _booster(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["settings", *args]) == 0
    return capsys.readouterr().out


def _widget(dialog: SettingsDialog, name: str) -> QWidget:
    widget = dialog.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def _save(dialog: SettingsDialog, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_dialog_shows_and_saves_what_the_command_reads_and_sets(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    dialogs: Dialogs,
) -> None:
    programme = ["--programme", str(demo_file)]
    _booster(["device_name", "Door laptop"], capsys)
    _booster(["printer_offset_x_mm", "-1.25"], capsys)
    _booster(["language", "fr"], capsys)
    _booster(["attendance_minimum", "70", *programme], capsys)
    _booster(["coordinator_name", "Nadia Ben Salem", *programme], capsys)
    open_in(window, demo_file)

    dialog = SettingsDialog(window.programme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    # One editor per declared setting, each with its description as the tooltip.
    assert set(dialog.editors) == {s.name for s in SETTINGS}
    # (In French: the language set above is this laptop's from then on.)
    assert all(_widget(dialog, s.name).toolTip() == _(s.description) for s in SETTINGS)
    assert _widget(dialog, "language").toolTip().startswith("La langue de la fenêtre")
    device = _widget(dialog, "device_name")
    offset = _widget(dialog, "printer_offset_x_mm")
    language = _widget(dialog, "language")
    minimum = _widget(dialog, "attendance_minimum")
    coordinator = _widget(dialog, "coordinator_name")
    assert isinstance(device, QLineEdit) and device.text() == "Door laptop"
    assert isinstance(offset, QDoubleSpinBox) and offset.value() == -1.25
    assert offset.suffix() == " mm"
    assert isinstance(language, QComboBox) and language.currentData() == "fr"
    assert isinstance(minimum, QSpinBox) and minimum.value() == 70
    assert isinstance(coordinator, QLineEdit) and coordinator.text() == "Nadia Ben Salem"

    device.clear()
    qtbot.keyClicks(device, "Registration desk")
    offset.setValue(2.5)
    language.setCurrentIndex(language.findData("system"))
    minimum.setValue(85)
    _save(dialog, qtbot)
    assert not dialog.isVisible() and dialogs.critical == []

    laptop = json.loads(_booster(["--json"], capsys))
    assert (laptop["device_name"], laptop["printer_offset_x_mm"], laptop["language"]) == (
        "Registration desk",
        2.5,
        "system",
    )
    assert _booster(["attendance_minimum", *programme], capsys) == "85\n"
    assert _booster(["coordinator_name", *programme], capsys) == "Nadia Ben Salem\n"


def test_a_refused_value_keeps_the_dialog_open_and_saves_nothing(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
    dialogs: Dialogs,
    laptop_settings: Path,
) -> None:
    open_in(window, demo_file)
    dialog = SettingsDialog(window.programme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    scale = _widget(dialog, "printer_scale_percent")
    assert isinstance(scale, QDoubleSpinBox)
    scale.setValue(110)
    email = _widget(dialog, "coordinator_email")
    assert isinstance(email, QLineEdit)
    email.clear()
    qtbot.keyClicks(email, "not an address")
    _save(dialog, qtbot)
    assert dialog.isVisible()
    assert dialogs.critical == ["coordinator_email: 'not an address' is not an e-mail address"]
    assert not laptop_settings.exists()  # the valid laptop value waited for the rest
    assert _booster(["printer_scale_percent"], capsys) == "100\n"


def test_without_a_programme_only_the_laptop_page_can_be_edited(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = SettingsDialog(None, window)
    qtbot.addWidget(dialog)
    assert _widget(dialog, "device_name").isEnabled()
    assert not _widget(dialog, "attendance_minimum").isEnabled()


def test_settings_is_in_the_edit_menu_with_the_preferences_role(window: MainWindow) -> None:
    action = window.findChild(QAction, "settings")
    assert action is not None and action.menuRole() == QAction.MenuRole.PreferencesRole
    edit_menu = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    assert action in edit_menu.actions()  # type: ignore[union-attr]

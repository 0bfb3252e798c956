"""What the window remembers (ui/settings.py declares it): its size and each tab's columns
come back after a restart, from the keys declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.settings import COLUMNS, UI_STATE, WINDOW_GEOMETRY


def test_size_and_hidden_columns_come_back_after_a_restart(
    make_window: Callable[[], MainWindow],
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    settings_path: Path,
) -> None:
    window = make_window()
    open_in(window, demo_file)
    window.resize(700, 500)
    window.tabs["managers"].view.horizontalHeader().hideSection(3)
    window.close()
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert stored.value(WINDOW_GEOMETRY.key) is not None
    assert stored.value(COLUMNS.key.format(tab="managers")) is not None
    assert {s.key.split("/")[0] for s in UI_STATE} == {"recent_files", "window", "columns"}

    again = make_window()
    assert (again.width(), again.height()) == (700, 500)
    assert again.tabs["managers"].view.horizontalHeader().isSectionHidden(3)

"""What the window remembers (ui/settings.py declares it): its size and each tab's columns
come back after a restart, from the keys declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from booster_desktop.ui.entities import WIDE_DAY
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.settings import COLUMNS, UI_STATE, WINDOW_GEOMETRY
from booster_desktop.ui.translation import weekday_date


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


def test_a_date_column_remembered_narrower_than_its_dates_comes_back_wide_enough(
    make_window: Callable[[], MainWindow],
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
) -> None:
    """Widths saved when dates were written 2018-11-19 must not cut "Wed 29 Sept 2027"."""
    window = make_window()
    open_in(window, demo_file)
    visits = window.show_tab("visits")
    qtbot.waitUntil(lambda: visits.header_state().size() > 0)
    header = visits.view.horizontalHeader()
    date_column = [c.title for c in visits.entity.columns].index("Date")
    header.resizeSection(date_column, 40)
    header.resizeSection(1, 33)  # a column without dates keeps the width chosen
    window.close()

    again = make_window()
    visits = again.tabs["visits"]
    header = visits.view.horizontalHeader()
    widest = visits.view.fontMetrics().horizontalAdvance(weekday_date(WIDE_DAY) + " ⚠")
    assert header.sectionSize(date_column) >= widest
    assert header.sectionSize(1) == 33
    open_in(again, demo_file)
    texts = [visits.proxy.index(row, date_column).data() for row in range(visits.proxy.rowCount())]
    fits = visits.view.fontMetrics().horizontalAdvance
    assert all(fits(text) <= header.sectionSize(date_column) for text in texts)

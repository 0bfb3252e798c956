"""Programme > Topic demand…: the table's counts, priorities and focus topics, undoable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from booster_desktop.ui.demand_view import FIXED_COLUMNS, DemandDialog
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db


def _one(path: Path, sql: str, *args: object) -> object:
    with programme_db.connect(path) as connection:
        return connection.execute(sql, args).fetchone()


def test_priorities_and_focus_topics_are_set_and_undone(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    dialog = DemandDialog(window.document, window)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 12
    top = dialog.demand[0]
    wanted = table.item(0, FIXED_COLUMNS.index("Wanted by"))
    assert wanted is not None and int(wanted.text()) == top.wanted_by
    assert (
        top.wanted_by
        == _one(demo_file, "SELECT count(*) FROM topic_interest WHERE topic_id = ?", top.id)[0]
    )  # type: ignore[index]
    assert not dialog.uncovered.isVisible()

    priority = table.item(0, 0)
    assert priority is not None
    priority.setCheckState(Qt.CheckState.Checked)
    assert _one(demo_file, "SELECT is_priority FROM topic WHERE id = ?", top.id) == (1,)

    # Take the topic off every tour that focuses on it: its demand is then uncovered.
    for column in range(len(FIXED_COLUMNS), len(FIXED_COLUMNS) + len(dialog.tours)):
        qtbot.waitUntil(lambda: dialog.table.item(0, 0) is not None)
        cell = dialog.table.item(0, column)
        assert cell is not None
        if cell.checkState() == Qt.CheckState.Checked:
            cell.setCheckState(Qt.CheckState.Unchecked)
            qtbot.wait(10)
    focused = _one(demo_file, "SELECT count(*) FROM tour_focus_topic WHERE topic_id = ?", top.id)
    assert focused == (0,)
    qtbot.waitUntil(lambda: top.name in dialog.uncovered.text())

    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert _one(demo_file, "SELECT is_priority FROM topic WHERE id = ?", top.id) == (0,)
    assert _one(demo_file, "SELECT count(*) FROM tour_focus_topic WHERE topic_id = ?", top.id) != (
        0,
    )

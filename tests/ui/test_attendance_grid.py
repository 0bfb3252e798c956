"""Check-in > Attendance from paper…: ticks become paper check-ins, unticks void them."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from booster_desktop.domain.text import fold
from booster_desktop.services.checkin import CheckinDesk
from booster_desktop.ui.attendance_grid import AttendanceDialog
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.services.test_checkin import DAY_ONE, _expected, _session


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(programme_db.connect(path)) as connection:
        return list(connection.execute(sql, params))


def test_ticks_from_the_sign_in_sheets(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    qtmodeltester: Any,
) -> None:
    open_in(window, demo_file)
    assert window.programme is not None
    dialog = AttendanceDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.tour.setCurrentIndex(dialog.tour.findData("CAT"))
    model = dialog.model
    qtmodeltester.check(model)
    people = sorted(_expected(demo_file, "CAT"), key=lambda m: (fold(m[3]), fold(m[2]), m[0]))
    sessions = [r[0] for r in _rows(
        demo_file,
        "SELECT s.id FROM tour_session s JOIN tour t ON t.id = s.tour_id WHERE t.code = 'CAT' "
        "ORDER BY s.date, s.start_time, s.id",
    )]  # fmt: skip
    assert (model.rowCount(), model.columnCount()) == (len(people), len(sessions))
    # Rows carry the sheet's numbers, in family-name order.
    assert model.headerData(0, Qt.Orientation.Vertical) == f"1  {people[0][2]} {people[0][3]}"

    cell = model.index(2, 1)
    assert model.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert _rows(demo_file, "SELECT manager_id, session_id, device, voided FROM checkin") == [
        (people[2][0], sessions[1], "paper", 0)
    ]
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(cell, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert _rows(demo_file, "SELECT voided FROM checkin") == [(1,)]

    # A check-in at the door shows in the grid (the document's change reaches it).
    training = _session(demo_file, "CAT", "Joint training")
    CheckinDesk(window.programme, training, device="door").record(people[4][1], now=DAY_ONE)
    column = sessions.index(training)
    qtbot.waitUntil(
        lambda: model.index(4, column).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    )
    assert window.attendance_action.isEnabled()

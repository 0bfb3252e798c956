"""The window of door staff: opened by a door login, it is the check-in screen and nothing
else; scans and undo work with the door's few rights (read back on the server); leaving the
door closes the programme and gives the window back its menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from booster_desktop.domain.roles import Role
from booster_desktop.ui.checkin_screen import COLOURS
from booster_desktop.ui.main_window import MainWindow
from tests.server_team import Team, connect, team
from tests.ui.conftest import Dialogs

pytestmark = pytest.mark.postgresql_only

__all__ = ["team"]  # the fixture, used by name


def _expected_token(team: Team, session_id: int) -> tuple[int, str]:
    with connect(team.admin) as connection:
        row = connection.execute(
            "SELECT m.id, b.token FROM tour_session s JOIN enrolment e ON e.tour_id = s.tour_id "
            "JOIN manager m ON m.id = e.manager_id AND m.status = 'active' "
            "JOIN badge_token b ON b.manager_id = m.id AND b.revoked_at IS NULL "
            "WHERE s.id = %s AND e.status IN ('proposed', 'confirmed') ORDER BY m.id LIMIT 1",
            (session_id,),
        ).fetchone()
    assert row is not None
    return int(row[0]), str(row[1])


def _checkins(team: Team, manager_id: int) -> list[tuple[object, ...]]:
    with connect(team.admin) as connection:
        return connection.execute(
            "SELECT session_id, voided FROM checkin WHERE manager_id = %s ORDER BY recorded_at",
            (manager_id,),
        ).fetchall()


def test_door_staff_see_the_check_in_screen_only_and_check_people_in(
    team: Team, window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    door = team.add(Role.DOOR)
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.open_file(door)
    assert window.programme is not None and window.programme.door_only
    screen = window.door_screen
    assert screen is not None
    assert window.stack.currentWidget() is screen and not window.tabs_widget.isVisible()
    assert not window.menuBar().isVisible()
    enabled = [a for a in window.findChildren(QAction) if a.isEnabled()]
    assert enabled == [window.quit_action]
    assert window.counts_label.text() == "Door staff: check-in only"
    assert dialogs.critical == []

    assert screen.desk is not None
    session_id = screen.desk.session.id
    manager_id, token = _expected_token(team, session_id)
    qtbot.waitUntil(screen.input.hasFocus)
    with qtbot.waitSignal(screen.scanned, timeout=10000):
        qtbot.keyClicks(screen.input, token)
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    assert screen.headline.text() == "Welcome"
    assert COLOURS["welcome"] in screen.panel.styleSheet()
    assert _checkins(team, manager_id) == [(session_id, False)]
    assert screen.count.checked_in >= 1

    screen.undo_button.click()
    assert _checkins(team, manager_id) == [(session_id, True)]

    dialogs.answer = dialogs.answer.No
    screen.leave_button.click()  # "stay": nothing changes
    assert window.door_screen is screen and window.programme is not None
    dialogs.answer = dialogs.answer.Yes
    screen.leave_button.click()
    assert dialogs.questions[-1] == "Close the programme and leave the check-in screen?"
    assert window.programme is None and window.door_screen is None
    assert window.menuBar().isVisible() and window.stack.currentWidget() is window.welcome
    assert window.open_action.isEnabled() and window.settings_action.isEnabled()


def test_a_coordinator_login_gets_the_whole_window(
    team: Team, window: MainWindow, qtbot: QtBot
) -> None:
    coordinator = team.add(Role.COORDINATOR)
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.open_file(coordinator)
    assert window.programme is not None and not window.programme.door_only
    assert window.door_screen is None and window.menuBar().isVisible()
    assert window.stack.currentWidget() is window.tabs_widget
    assert window.add_action.isEnabled() and window.import_action.isEnabled()
    assert window.tabs["managers"].model.rowCount() > 0

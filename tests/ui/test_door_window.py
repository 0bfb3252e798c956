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
from tests.door_proxy import Proxy
from tests.server_team import Team, connect, team
from tests.services.test_door_journal import proxy
from tests.ui.conftest import Dialogs

pytestmark = pytest.mark.postgresql_only

__all__ = ["proxy", "team"]  # the fixtures, used by name


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
    sender = screen.door_sender
    assert sender is not None
    screen.leave_button.click()
    assert dialogs.questions[-1] == "Close the programme and leave the check-in screen?"
    assert window.programme is None and window.door_screen is None
    assert not sender._thread.is_alive()  # the door's sender went with it
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


def test_a_door_started_while_the_server_is_unreachable_checks_people_in(
    demo_file: object, window: MainWindow, qtbot: QtBot, proxy: Proxy, dialogs: Dialogs
) -> None:
    from booster_desktop.services.door_journal import open_desk
    from booster_desktop.services.programme import open_programme
    from tests.services.test_checkin import _expected, _session

    address = proxy.address(demo_file)
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    people = _expected(demo_file, "CAT")  # type: ignore[arg-type]
    proxy.cut()
    with qtbot.waitSignal(window.open_failed, timeout=30000):
        window.open_file(address)
    assert dialogs.critical == [
        f"cannot reach the server at 127.0.0.1:{proxy.port}: Connection refused; this "
        "laptop has no roster copy to work offline from"
    ]
    proxy.restore()
    with open_programme(address, writable=True) as programme:
        open_desk(programme, session).close()  # a door opened here once: its copy kept
    proxy.cut()

    with qtbot.waitSignal(window.programme_loaded, timeout=30000):
        window.open_file(address)
    screen = window.door_screen
    assert screen is not None and window.programme is None
    assert window.stack.currentWidget() is screen and not window.menuBar().isVisible()
    assert window.counts_label.text() == (
        "Server unreachable: check-in only, from this laptop's roster copy"
    )
    assert screen.offline.text().startswith("server unreachable: working from the roster copy of ")
    assert not screen.session.isEnabled() and screen.session.currentData() == session
    with qtbot.waitSignal(screen.scanned, timeout=10000):
        qtbot.keyClicks(screen.input, people[0][1])
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    assert screen.headline.text() == "Welcome"
    assert screen.offline.text().endswith(" · offline: 1 scan waiting")
    with connect(demo_file) as connection:  # type: ignore[arg-type]
        assert connection.execute("SELECT count(*) FROM checkin").fetchone() == (0,)

    started_offline = screen.door_sender
    assert started_offline is not None
    proxy.restore()  # the sender opens the programme; the door opens again, online
    qtbot.waitUntil(lambda: window.programme is not None, timeout=60000)
    online = window.door_screen
    assert online is not None and online is not screen
    assert online.desk is not None and online.desk.session.id == session
    # What waited was sent as it went online: the new screen says so, as a door that
    # went offline and came back does.
    assert online.offline.isVisible()
    assert online.offline.text() == "All offline scans are on the server."
    assert COLOURS["welcome"] in online.offline.styleSheet()
    assert online.input.hasFocus()
    assert not started_offline._thread.is_alive()  # the offline door's sender stopped
    with connect(demo_file) as connection:  # type: ignore[arg-type]
        rows = connection.execute("SELECT manager_id FROM checkin").fetchall()
    assert rows == [(people[0][0],)]
    dialogs.answer = dialogs.answer.Yes
    sender = online.door_sender
    assert sender is not None
    online.leave_button.click()
    assert window.programme is None and window.door_screen is None
    assert not sender._thread.is_alive()


def test_a_door_coming_online_while_another_programme_opens_gives_it_the_window(
    demo_file: object, window: MainWindow, qtbot: QtBot, proxy: Proxy
) -> None:
    """The offline door's sender reaches the server while the user is opening another
    programme: the door stays as it is (its sender running) until that one takes the
    window, instead of a second door screen put over it with the first one's sender never
    stopped."""
    from booster_desktop.services.door_journal import open_desk
    from booster_desktop.services.programme import open_programme
    from tests.services.test_checkin import _session

    address = proxy.address(demo_file)
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    with open_programme(address, writable=True) as programme:
        open_desk(programme, session).close()  # a door opened here once: its copy kept
    proxy.cut()
    with qtbot.waitSignal(window.programme_loaded, timeout=30000):
        window.open_file(address)
    screen = window.door_screen
    assert screen is not None and window.programme is None
    sender = screen.door_sender
    assert sender is not None
    window._opening = object()  # type: ignore[assignment]  # another open under way
    with qtbot.waitSignal(screen.came_online, timeout=60000):
        proxy.restore()
    assert window.door_screen is screen and window.programme is None
    assert window.stack.currentWidget() is screen
    assert screen.desk is not None and screen.desk.programme is not None  # still the desk's
    assert sender._thread.is_alive()
    window._opening = None  # that open is done: it closes the door first
    assert window._close_programme()
    assert window.door_screen is None
    assert not sender._thread.is_alive()


def test_a_door_started_offline_with_nothing_waiting_comes_online_quietly(
    demo_file: object, window: MainWindow, qtbot: QtBot, proxy: Proxy
) -> None:
    """Nothing was scanned while offline: the door online says nothing about offline scans."""
    from booster_desktop.services.door_journal import open_desk
    from booster_desktop.services.programme import open_programme
    from tests.services.test_checkin import _session

    address = proxy.address(demo_file)
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    with open_programme(address, writable=True) as programme:
        open_desk(programme, session).close()
    proxy.cut()
    with qtbot.waitSignal(window.programme_loaded, timeout=30000):
        window.open_file(address)
    screen = window.door_screen
    assert screen is not None and window.programme is None
    proxy.restore()
    qtbot.waitUntil(lambda: window.programme is not None, timeout=60000)
    online = window.door_screen
    assert online is not None and online is not screen
    assert online.offline.isHidden()


def test_a_door_that_came_online_while_another_open_failed_opens_again_online(
    demo_file: object, window: MainWindow, qtbot: QtBot, proxy: Proxy, dialogs: Dialogs
) -> None:
    """Seen under Xvfb: the offline door reached its server while another programme was
    opening, waited for that open, and the open failed: the window stayed on the door as it
    was offline ("Server unreachable" in the status bar, the address gone from it, the
    pickers off). It now opens the door again online once the open has failed."""
    from booster_desktop.services.door_journal import open_desk
    from booster_desktop.services.programme import open_programme
    from tests.services.test_checkin import _expected, _session

    address = proxy.address(demo_file)
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    people = _expected(demo_file, "CAT")  # type: ignore[arg-type]
    with open_programme(address, writable=True) as programme:
        open_desk(programme, session).close()
    proxy.cut()
    with qtbot.waitSignal(window.programme_loaded, timeout=30000):
        window.open_file(address)
    screen = window.door_screen
    assert screen is not None and window.programme is None
    with qtbot.waitSignal(screen.scanned, timeout=10000):
        qtbot.keyClicks(screen.input, people[0][1])
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    window._opening = object()  # type: ignore[assignment]  # another open under way
    with qtbot.waitSignal(screen.came_online, timeout=60000):
        proxy.restore()
    assert window.door_screen is screen and window.programme is None
    window._open_failed(address, "cannot reach the server at elsewhere: timeout")
    assert dialogs.critical == ["cannot reach the server at elsewhere: timeout"]
    online = window.door_screen
    assert window.programme is not None and online is not None and online is not screen
    assert online.desk is not None and online.desk.session.id == session
    assert online.session.isEnabled()
    assert window.counts_label.text() == "Door staff: check-in only" or (
        window.counts_label.text() == "Check-in only: leave it for the whole programme"
    )
    assert window.path_label.text() == address.shown
    assert online.offline.text() == "All offline scans are on the server."
    dialogs.answer = dialogs.answer.Yes
    online.leave_button.click()
    assert window.programme is None and window.door_screen is None

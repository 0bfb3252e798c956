"""Someone else's change is heard just as the link to the server drops: every open view that
reads the server when a change is heard keeps what it shows (no traceback, no driver's lines),
and reads it again once the feed, back, reloads everything."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from booster_desktop.services.changes import Action, Change, Written
from booster_desktop.services.live import everything
from booster_desktop.ui.agenda_editor import AgendaEditor
from booster_desktop.ui.attendance_grid import AttendanceDialog
from booster_desktop.ui.badges_dialog import BadgesDialog
from booster_desktop.ui.checkin_screen import CheckinScreen
from booster_desktop.ui.demand_view import DemandDialog
from booster_desktop.ui.history_view import HistoryDialog
from booster_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Dialogs

pytestmark = pytest.mark.postgresql_only


@contextmanager
def through_a_proxy(demo_file: Any, window: MainWindow, qtbot: QtBot) -> Iterator[Any]:
    """The demo programme open in `window` through a link the test can cut."""
    from tests.conftest import server_url
    from tests.door_proxy import Proxy, server_target

    url = server_url()
    assert url is not None
    proxy = Proxy(server_target(url))
    try:
        with qtbot.waitSignal(window.programme_loaded, timeout=30000):
            window.open_file(proxy.address(demo_file))
        yield proxy
    finally:
        proxy.cut()


def _heard_as_the_link_drops(window: MainWindow, proxy: Any, change: Change) -> None:
    proxy.cut()
    window.document.deliver_from_elsewhere(change)
    QApplication.processEvents()  # what a view put off until the event is over runs too


def _checkins() -> Change:
    """Another door's check-in, as the feed delivers it."""
    return Change(
        Action.EDIT,
        {"checkin": Written(frozenset({"a-check-in-uuid"}))},
        "door-2",
        datetime.now(UTC),
    )


def test_the_agenda_editor_keeps_its_agenda(
    demo_file: Any, window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    with through_a_proxy(demo_file, window, qtbot) as proxy:
        editor = AgendaEditor(window.document, None, window)
        qtbot.addWidget(editor)
        blocks, tours = len(editor.blocks), editor.tour.count()
        assert blocks > 0 and tours > 0
        _heard_as_the_link_drops(window, proxy, everything())
        assert (len(editor.blocks), editor.tour.count()) == (blocks, tours)
        proxy.restore()
        window.document.deliver_from_elsewhere(everything())
        QApplication.processEvents()
        assert (len(editor.blocks), editor.tour.count()) == (blocks, tours)
        editor.close()
    assert dialogs.critical == []


def test_the_badges_dialog_keeps_its_list(
    demo_file: Any, window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    with through_a_proxy(demo_file, window, qtbot) as proxy:
        dialog = BadgesDialog(window.document, None, window)
        qtbot.addWidget(dialog)
        shown = dialog.people.rowCount()
        assert shown > 0
        _heard_as_the_link_drops(window, proxy, everything())
        assert dialog.people.rowCount() == shown and dialog.found is not None
        proxy.restore()
        window.document.deliver_from_elsewhere(everything())
        assert dialog.people.rowCount() == shown
    assert dialogs.critical == []


def test_the_demand_and_attendance_dialogs_keep_what_they_show(
    demo_file: Any, window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    with through_a_proxy(demo_file, window, qtbot) as proxy:
        demand = DemandDialog(window.document, window)
        attendance = AttendanceDialog(window.document, window)
        for dialog in (demand, attendance):
            qtbot.addWidget(dialog)
        topics, rows = len(demand.demand), attendance.model.rowCount()
        assert topics > 0 and rows > 0
        _heard_as_the_link_drops(window, proxy, everything())
        assert (len(demand.demand), attendance.model.rowCount()) == (topics, rows)
        proxy.restore()
        window.document.deliver_from_elsewhere(everything())
        assert (len(demand.demand), attendance.model.rowCount()) == (topics, rows)
    assert dialogs.critical == []


def test_the_history_says_in_one_line_that_the_server_is_out_of_reach(
    demo_file: Any, window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    """The history is read off the UI thread: the job's failure was "unexpected error
    (OperationalError: ...)" with the driver's lines, and a logged traceback."""
    with through_a_proxy(demo_file, window, qtbot) as proxy:
        dialog = HistoryDialog(window.document, None, window)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=20000)
        counted = dialog.count.text()
        proxy.cut()
        window.document.deliver_from_elsewhere(everything())
        qtbot.waitUntil(lambda: not dialog.job.running, timeout=30000)
        said = dialog.count.text()
        assert "\n" not in said and "unexpected" not in said and "OperationalError" not in said
        assert "cannot reach" in said.lower(), said
        proxy.restore()
        window.document.deliver_from_elsewhere(everything())
        qtbot.waitUntil(lambda: not dialog.job.running, timeout=30000)
        assert dialog.count.text() == counted
    assert dialogs.critical == []


def test_the_check_in_dialog_keeps_its_head_count(
    demo_file: Any, window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    """The coordinator's check-in dialog on a server works through a door desk, which counts
    from its roster copy when the server does not answer (this held before; kept so it goes
    on holding)."""
    with through_a_proxy(demo_file, window, qtbot) as proxy:
        assert window.programme is not None
        screen = CheckinScreen(window.programme, window)
        qtbot.addWidget(screen)
        assert screen.desk is not None
        counted = screen.counter.text()
        _heard_as_the_link_drops(window, proxy, _checkins())
        screen._count_later.stop()
        screen._count_again()  # the timer's slot, run now
        assert screen.counter.text() == counted
        screen.leaving_allowed = True
        screen.close()
    assert dialogs.critical == []

"""The head count of an open check-in screen follows the check-ins other doors record on the
same programme on a server: two entrances to one session, or a coordinator watching who is
in, each see the same count without scanning themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from booster_desktop.domain.roles import Role
from booster_desktop.services.door_journal import DoorDesk
from booster_desktop.services.programme import open_programme
from booster_desktop.ui.checkin_screen import CheckinScreen
from booster_desktop.ui.main_window import MainWindow
from tests.server_team import Team, team
from tests.services.test_checkin import DAY_ONE, _expected

pytestmark = pytest.mark.postgresql_only

__all__ = ["team"]  # the fixture, used by name


def _scan_elsewhere(server: Any, session: int, token: str, folder: Path) -> None:
    """Another door (another laptop: its own journal folder) checks one person in."""
    with open_programme(server, writable=True, door_may=True) as programme:
        other = DoorDesk(programme, session, device="door-other", folder=folder)
        try:
            assert other.record(token, now=DAY_ONE).recorded
        finally:
            other.close()


def test_door_staffs_count_follows_another_doors_check_ins(
    team: Team, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    door = team.add(Role.DOOR)
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.open_file(door)
    screen = window.door_screen
    assert isinstance(screen, CheckinScreen) and isinstance(screen.desk, DoorDesk)
    session = screen.desk.session.id
    tokens = [t for _, t, _, _ in _expected(team.admin, screen.desk.session.tour_code)]
    assert screen.counter.text() == f"0 / {len(tokens)}"
    feed = window.document.feed
    assert feed is not None
    qtbot.waitUntil(feed.listening.is_set, timeout=10000)
    _scan_elsewhere(team.admin, session, tokens[0], tmp_path / "other")
    qtbot.waitUntil(lambda: screen.counter.text() == f"1 / {len(tokens)}", timeout=5000)


def test_a_coordinators_check_in_dialog_counts_another_doors_check_ins(
    demo_file: Any, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.open_file(demo_file)
    feed = window.document.feed
    assert feed is not None
    qtbot.waitUntil(feed.listening.is_set, timeout=10000)
    seen: list[str] = []

    def at_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CheckinScreen) or dialog.desk is None:
            QTimer.singleShot(50, at_the_dialog)
            return
        desk = dialog.desk
        tokens = [t for _, t, _, _ in _expected(demo_file, desk.session.tour_code)]
        seen.append(dialog.counter.text())
        _scan_elsewhere(demo_file, desk.session.id, tokens[0], tmp_path / "other")
        wanted = f"1 / {len(tokens)}"
        waited = [0]

        def look() -> None:
            waited[0] += 1
            if dialog.counter.text() == wanted or waited[0] > 100:  # 5 s at most
                seen.append(dialog.counter.text())
                seen.append(wanted)
                dialog.reject()
            else:
                QTimer.singleShot(50, look)

        look()

    QTimer.singleShot(0, at_the_dialog)
    window.check_in()
    assert len(seen) == 3, seen
    before, after, wanted = seen
    assert before.startswith("0 / ") and after == wanted

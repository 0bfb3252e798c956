"""Live windows on a programme on a server: what one document commits reaches the others'
`changed` signal as a local change would, never twice to its own, survives a dropped
connection with a full reload, and the status bar says who else is connected."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from booster_desktop.services.changes import Change, use_device_name
from booster_desktop.services.managers import manager_details, save_manager
from booster_desktop.services.programme import ServerAddress, open_programme
from booster_desktop.services.programme_details import programme_details, save_details
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.ui.conftest import EditorDriver


@pytest.fixture
def documents(qtbot: QtBot, demo_file: ServerAddress) -> Iterator[Callable[[], ProgrammeDocument]]:
    """Documents open on the same programme on the server, each listening once made."""
    made: list[ProgrammeDocument] = []

    def make() -> ProgrammeDocument:
        document = ProgrammeDocument()
        document.open(open_programme(demo_file, writable=True))
        made.append(document)
        feed = document.feed
        assert feed is not None
        qtbot.waitUntil(feed.listening.is_set, timeout=10000)
        return document

    yield make
    for document in made:
        document.close()


def _heard(document: ProgrammeDocument) -> list[Change]:
    heard: list[Change] = []
    document.changed.connect(heard.append)
    return heard


def _rename(document: ProgrammeDocument, manager_id: int, given_name: str) -> None:
    programme = document.programme
    assert programme is not None
    details = manager_details(programme, manager_id)
    save_manager(programme, dataclasses.replace(details, given_name=given_name), manager_id)


def _first_manager(address: ServerAddress) -> int:
    with programme_db.connect(address) as connection:
        return int(connection.execute("SELECT min(id) FROM manager").fetchone()[0])


@pytest.mark.postgresql_only
def test_a_change_committed_in_one_window_reaches_the_other(
    documents: Callable[[], ProgrammeDocument], demo_file: ServerAddress, qtbot: QtBot
) -> None:
    first, second = documents(), documents()
    manager = _first_manager(demo_file)
    with qtbot.waitSignal(second.changed, timeout=5000) as heard:
        _rename(first, manager, "Zénobie")
    change = heard.args[0]
    assert isinstance(change, Change)
    assert "manager" in change.tables and change.ids("manager") == {manager}
    assert change.touches(["manager.given_name"]) and not change.touches(["manager.email"])
    with programme_db.connect(demo_file) as connection:
        row = connection.execute("SELECT given_name FROM manager WHERE id = ?", (manager,))
        assert row.fetchone()[0] == "Zénobie"


@pytest.mark.postgresql_only
def test_a_window_does_not_hear_its_own_change_twice(
    documents: Callable[[], ProgrammeDocument], demo_file: ServerAddress, qtbot: QtBot
) -> None:
    first, second = documents(), documents()
    manager = _first_manager(demo_file)
    mine = _heard(first)
    _rename(first, manager, "Zénobie")  # heard at once from its own gate
    assert [c.ids("manager") for c in mine] == [{manager}]
    # The server delivers in commit order: once the other's later change is here, the
    # announcement of the first window's own change has come (and was left out).
    with qtbot.waitSignal(first.changed, timeout=5000):
        _rename(second, manager, "Ana")
    assert len(mine) == 2
    assert all(c.ids("manager") == {manager} for c in mine)
    assert mine[1].touches(["manager.given_name"])


def test_a_window_on_a_file_listens_to_nothing(qtbot: QtBot, tmp_path: Any) -> None:
    from booster_desktop.services.programme import new_programme

    path = tmp_path / "alone.booster"
    new_programme(path, title="Alone")
    document = ProgrammeDocument()
    document.open(open_programme(path, writable=True))
    try:
        assert document.feed is None and document.present == []
    finally:
        document.close()


@pytest.mark.postgresql_only
def test_the_listener_survives_a_dropped_connection_and_reloads_everything(
    documents: Callable[[], ProgrammeDocument], demo_file: ServerAddress, qtbot: QtBot
) -> None:
    import psycopg

    first, second = documents(), documents()
    feed = second.feed
    assert feed is not None and feed.backend_pid is not None
    dropped = feed.backend_pid
    with (
        qtbot.waitSignal(
            second.changed, timeout=15000, check_params_cb=lambda c: c.ids("manager") is None
        ) as reload,
        psycopg.connect(str(demo_file), autocommit=True) as admin,
    ):
        admin.execute("SELECT pg_terminate_backend(%s)", (dropped,))
    everything = reload.args[0]
    assert {"manager", "tour", "enrolment", "checkin", "programme"} <= everything.tables
    assert all(everything.ids(t) is None for t in everything.tables)
    qtbot.waitUntil(feed.listening.is_set, timeout=10000)
    assert feed.backend_pid not in (None, dropped)
    manager = _first_manager(demo_file)
    with qtbot.waitSignal(second.changed, timeout=5000) as heard:
        _rename(first, manager, "Zénobie")
    assert heard.args[0].ids("manager") == {manager}


@pytest.mark.postgresql_only
def test_the_status_bar_lists_the_others_connected(
    make_window: Callable[[], MainWindow],
    open_in: Callable[[MainWindow, Any], None],
    demo_file: ServerAddress,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from booster_desktop.store import notifications

    monkeypatch.setattr(notifications, "PRESENCE_SECONDS", 0.2)
    window = make_window()
    open_in(window, demo_file)
    label = window.present_label
    assert not label.isVisible()  # alone: its own connections are not "others"
    use_device_name(lambda: "Door 2")
    try:
        door = open_programme(demo_file, writable=True)
    finally:
        use_device_name(lambda: "laptop")
    try:
        qtbot.waitUntil(label.isVisible, timeout=10000)
        assert label.text() == "Also here: postgres (Door 2)"
        programme = window.programme
        assert programme is not None
        details = programme_details(door)
        with qtbot.waitSignal(window.document.changed, timeout=5000):
            save_details(door, dataclasses.replace(details, title="Spring tours"))
    finally:
        door.close()
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10000)


@pytest.mark.postgresql_only
def test_the_others_edit_shows_in_the_table_and_spares_an_open_editors_typing(
    make_window: Callable[[], MainWindow],
    open_in: Callable[[MainWindow, Any], None],
    demo_file: ServerAddress,
    editors: EditorDriver,
    qtbot: QtBot,
) -> None:
    window = make_window()
    open_in(window, demo_file)
    tab = window.show_tab("managers")
    feed = window.document.feed
    assert feed is not None
    qtbot.waitUntil(feed.listening.is_set, timeout=10000)
    manager = _first_manager(demo_file)
    other = open_programme(demo_file, writable=True)
    seen_in_editor: list[str] = []

    def type_while_someone_else_saves(editor: Any) -> None:
        editor.form.city.clear()
        qtbot.keyClicks(editor.form.city, "Tanger")
        with qtbot.waitSignal(window.document.changed, timeout=5000):
            details = manager_details(other, manager)
            save_manager(other, dataclasses.replace(details, family_name="Ouazzani"), manager)
        seen_in_editor.append(editor.form.city.text())

    try:
        editors.will(type_while_someone_else_saves, save=False)
        window.edit_record(manager)
    finally:
        other.close()
    assert seen_in_editor == ["Tanger"]
    (row,) = [r for r in tab.model.records() if r.id == manager]
    assert row.family_name == "Ouazzani"


class _Unreachable:
    """A feed stuck trying to reach a server, as when the network is gone."""

    def __init__(self) -> None:
        self.trying = threading.Event()
        self.given_up = threading.Event()
        self.asked_to_stop = False

    def run(self, _events: Any) -> None:
        self.trying.set()
        self.given_up.wait(30)

    def stop(self) -> None:
        self.asked_to_stop = True


def test_closing_does_not_wait_for_a_server_out_of_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    from booster_desktop.ui import live

    monkeypatch.setattr(live, "STOP_WAIT_SECONDS", 0.05)
    stuck = _Unreachable()
    thread = live.FeedThread(stuck)  # type: ignore[arg-type]
    thread.start()
    assert stuck.trying.wait(10)
    assert thread.stop() is False  # not waited for: it ends on its own
    assert stuck.asked_to_stop and thread.isRunning()
    stuck.given_up.set()
    monkeypatch.setattr(live, "STOP_WAIT_SECONDS", 10.0)
    assert thread.stop() is True and not thread.isRunning()


def test_an_allocation_someone_else_applied_refreshes_without_claiming_it_was_ours(
    make_window: Callable[[], MainWindow],
    open_in: Callable[[MainWindow, Any], None],
    demo_file: Any,
) -> None:
    from datetime import UTC, datetime

    from booster_desktop.services.changes import Action, Written

    window = make_window()
    open_in(window, demo_file)
    heard = []
    window.document.changed.connect(heard.append)
    theirs = Change(
        Action.ALLOCATION, {"enrolment": Written(None, None)}, "laptop-3", datetime.now(UTC)
    )
    window.statusBar().clearMessage()
    window.document.deliver_from_elsewhere(theirs)
    assert heard == [theirs]
    assert "Allocation stored" not in window.statusBar().currentMessage()
    assert not window.document.from_elsewhere(theirs)  # only while it is being told

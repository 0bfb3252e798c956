"""The check-in screen, driven through its real input widget as a scanner or a person types.

Every state is checked on screen (colour, words, name) and in the file (read back with SQLite).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from booster_desktop.domain.badge import new_token
from booster_desktop.ui.checkin_screen import COLOURS, CheckinScreen
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.door_proxy import Proxy
from tests.services.test_checkin import _expected, _outsider, _session
from tests.services.test_checkin_layouts import CASES, HARD_TOKENS
from tests.ui.conftest import Dialogs, door_screen

# 10:00 in Barcelona, during the Catalan tour's first training session.
DAY_ONE = datetime(2018, 11, 19, 9, 0, tzinfo=UTC)


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(programme_db.connect(path)) as connection:
        return list(connection.execute(sql, params))


def _checkins(path: Path) -> list[tuple[object, ...]]:
    return _rows(
        path,
        "SELECT manager_id, session_id, voided, admitted_unregistered FROM checkin ORDER BY rowid",
    )


@pytest.fixture
def screen(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
) -> Iterator[CheckinScreen]:
    open_in(window, demo_file)
    with door_screen(window, qtbot, now=DAY_ONE) as made:
        made.open()  # modal over the window, without blocking the test
        qtbot.waitUntil(lambda: made.input.hasFocus())
        yield made


def _scan(qtbot: QtBot, screen: CheckinScreen, typed: str, *, enter: bool = True) -> None:
    qtbot.keyClicks(screen.input, typed)
    if enter:
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)


def _type(widget: QWidget, text: str, *, enter: bool = True) -> None:
    """Type `text` as a keyboard layout delivers it: one key event per character it carries.

    QTest's keyClicks only knows Latin-1 (it aborts on Arabic letters); a layout sends each key
    press with the text it produces, which is what the line edit inserts. A key that types two
    characters (lam-alef on an Arabic layout) may arrive as two events: the harder case.
    """
    for character in text:
        key = (
            Qt.Key(ord(character.upper()))
            if character.isascii() and character.isalpha()
            else Qt.Key.Key_unknown
        )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            )
    if enter:
        QApplication.sendEvent(
            widget,
            QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
            ),
        )


def _give_hard_tokens(path: Path, people: list[tuple[int, str, str, str]]) -> list[str]:
    """Give `people` the HARD_TOKENS (one each, in order), written straight into the file."""
    with closing(programme_db.connect(path)) as connection, connection:
        for (manager_id, *_), token in zip(people, HARD_TOKENS, strict=True):
            connection.execute(
                "UPDATE badge_token SET token = ? WHERE manager_id = ? AND revoked_at IS NULL",
                (token, manager_id),
            )
    return list(HARD_TOKENS)


def _colour(screen: CheckinScreen) -> str:
    return next(c for c in COLOURS.values() if c in screen.panel.styleSheet())


def test_it_opens_on_the_session_happening_now(screen: CheckinScreen, demo_file: Path) -> None:
    assert screen.tour.currentData() == "CAT"
    assert screen.session.currentData() == _session(demo_file, "CAT", "Joint training")
    assert not screen.not_today.isVisible()
    assert screen.counter.text() == f"0 / {len(_expected(demo_file, 'CAT'))}"


@pytest.mark.sqlite_only
def test_welcome_is_green_with_the_name_in_both_scripts(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    manager_id, token, given, family = _expected(demo_file, "CAT")[0]
    (arabic,) = _rows(demo_file, "SELECT arabic_name FROM manager WHERE id = ?", manager_id)[0]
    _scan(qtbot, screen, token)
    assert screen.headline.text() == "Welcome" and _colour(screen) == COLOURS["welcome"]
    assert screen.name.text() == f"{given} {family}" and screen.arabic_name.text() == arabic
    assert screen.initials.text() == f"{given[0]}{family[0]}"
    assert _checkins(demo_file) == [(manager_id, screen.session.currentData(), 0, 0)]
    assert screen.counter.text().startswith("1 / ")
    assert screen.input.text() == "" and screen.input.hasFocus()


@pytest.mark.sqlite_only
def test_a_double_read_counts_once_and_a_later_one_is_already(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    token = _expected(demo_file, "CAT")[0][1]
    _scan(qtbot, screen, token)
    _scan(qtbot, screen, token)  # the same instant: a scanner's double read
    assert screen.headline.text() == "Welcome" and len(_checkins(demo_file)) == 1
    screen.now = DAY_ONE + timedelta(minutes=4)
    _scan(qtbot, screen, token)
    assert screen.headline.text() == "Already checked in at 10:00"
    assert _colour(screen) == COLOURS["already"] and len(_checkins(demo_file)) == 1


@pytest.mark.sqlite_only
def test_not_registered_is_red_and_can_be_admitted(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    manager_id, token = _outsider(demo_file, "CAT")
    _scan(qtbot, screen, token)
    assert screen.headline.text() == "Not registered for this tour"
    assert _colour(screen) == COLOURS["alarm"] and screen.admit_button.isVisible()
    assert _checkins(demo_file) == []
    qtbot.mouseClick(screen.admit_button, Qt.MouseButton.LeftButton)
    assert _checkins(demo_file) == [(manager_id, screen.session.currentData(), 0, 1)]
    assert not screen.admit_button.isVisible()
    assert screen.counter.text().endswith("(+1 not registered)")
    qtbot.waitUntil(lambda: screen.input.hasFocus())


@pytest.mark.sqlite_only
def test_unknown_revoked_and_misread_badges(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    _scan(qtbot, screen, new_token())
    assert screen.headline.text() == "Unknown badge" and _colour(screen) == COLOURS["alarm"]
    _manager_id, token, _, _ = _expected(demo_file, "CAT")[1]
    with closing(programme_db.connect(demo_file)) as connection, connection:
        connection.execute(
            "UPDATE badge_token SET revoked_at = '2018-11-01' WHERE token = ?", (token,)
        )
    _scan(qtbot, screen, token)
    assert screen.headline.text() == "Revoked badge" and _colour(screen) == COLOURS["alarm"]
    good = _expected(demo_file, "CAT")[2][1]
    wrong = next(c for c in "CDEFG" if c != good[-1])
    _scan(qtbot, screen, good[:-1] + wrong)
    assert screen.headline.text() == "Misread, scan again" and _colour(screen) == COLOURS["already"]
    _scan(qtbot, screen, "")  # an empty Enter
    assert screen.headline.text() == "Misread, scan again"
    assert _checkins(demo_file) == [] and screen.input.hasFocus()


@pytest.mark.sqlite_only
def test_undo_voids_the_last_check_in_and_keeps_it(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot, window: MainWindow
) -> None:
    people = _expected(demo_file, "CAT")[:2]
    for _, token, _, _ in people:
        _scan(qtbot, screen, token)
    assert screen.counter.text().startswith("2 / ")
    undo_count = window.undo_stack.count()
    qtbot.keyClick(screen.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.headline.text() == "Undone" and screen.counter.text().startswith("1 / ")
    assert [r[2] for r in _checkins(demo_file)] == [0, 1]
    # Check-ins are facts, not edits of the document: the window's undo stack is untouched.
    assert window.undo_stack.count() == undo_count


def test_the_focus_comes_back_after_any_click(screen: CheckinScreen, qtbot: QtBot) -> None:
    for widget in (screen.panel, screen.missing_button, screen.counter, screen.headline):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.input.hasFocus())
    screen.session.setFocus()
    qtbot.waitUntil(lambda: screen.input.hasFocus())


def test_who_is_missing_is_one_key_away(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    people = _expected(demo_file, "CAT")
    _scan(qtbot, screen, people[0][1])
    assert not screen.missing.isVisible()
    qtbot.keyClick(screen.input, Qt.Key.Key_F2)
    assert screen.missing.isVisible()
    shown = [screen.missing.item(i).text() for i in range(screen.missing.count())]
    assert shown[0] == f"Missing: {len(people) - 1}"
    assert not any(f"{people[0][2]} {people[0][3]}" in line for line in shown)
    assert all(any(f"{p[2]} {p[3]}" in line for line in shown) for p in people[1:])
    assert screen.input.hasFocus()


@pytest.mark.sqlite_only
def test_a_forgotten_badge_is_found_by_name(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    manager_id, _, given, family = _expected(demo_file, "CAT")[3]
    _scan(qtbot, screen, family[:5].lower(), enter=False)
    assert screen.matches.isVisible()
    names = [screen.matches.item(i).text() for i in range(screen.matches.count())]
    row = next(i for i, text in enumerate(names) if text.startswith(f"{given} {family}"))
    for _ in range(row):
        qtbot.keyClick(screen.input, Qt.Key.Key_Down)
    qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    assert screen.headline.text() == "Welcome" and screen.name.text() == f"{given} {family}"
    assert [r[0] for r in _checkins(demo_file)] == [manager_id]


@pytest.mark.sqlite_only
def test_a_scanner_without_enter_is_taken_when_the_token_is_complete(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot
) -> None:
    manager_id, token, _, _ = _expected(demo_file, "CAT")[0]
    _scan(qtbot, screen, token, enter=False)
    assert screen.headline.text() == "Welcome" and screen.input.text() == ""
    assert [r[0] for r in _checkins(demo_file)] == [manager_id]


@pytest.mark.parametrize("enter", [True, False], ids=["enter", "no enter"])
@pytest.mark.parametrize("layout", sorted(CASES))
@pytest.mark.sqlite_only
def test_every_keyboard_layout_through_the_input(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot, layout: str, enter: bool
) -> None:
    people = _expected(demo_file, "CAT")[: len(HARD_TOKENS)]
    tokens = _give_hard_tokens(demo_file, people)
    for (_manager_id, _, given, family), token in zip(people, tokens, strict=True):
        _type(screen.input, CASES[layout](token), enter=enter)
        assert (screen.headline.text(), screen.name.text()) == ("Welcome", f"{given} {family}")
        assert screen.input.text() == ""  # nothing of this scan left to spoil the next one
    assert [r[0] for r in _checkins(demo_file)] == [p[0] for p in people]


def test_the_roster_cannot_be_edited_from_the_door(
    screen: CheckinScreen, demo_file: Path, qtbot: QtBot, window: MainWindow
) -> None:
    before = _rows(demo_file, "SELECT count(*) FROM manager")
    assert screen.isModal() and window.checkin_action.isEnabled()
    for key, modifier in (
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(screen.input, key, modifier)
    assert _rows(demo_file, "SELECT count(*) FROM manager") == before
    assert window.undo_stack.count() == 0 and screen.isVisible()


def test_leaving_asks_first(screen: CheckinScreen, dialogs: Dialogs, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(screen.input, Qt.Key.Key_Escape)
    assert screen.isVisible() and dialogs.questions
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(screen.leave_button, Qt.MouseButton.LeftButton)
    assert not screen.isVisible()


def test_leaving_takes_the_pin_when_one_is_set(
    screen: CheckinScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from booster_desktop.cli import main

    # Set as a coordinator would, headless: the screen reads the laptop's declared setting.
    assert main(["settings", "checkin_pin", "4321"]) == 0
    answers = iter([("1234", True), ("4321", True)])

    def get_text(*_: object) -> tuple[str, bool]:
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    screen.close()
    assert screen.isVisible()  # the wrong PIN
    screen.close()
    assert not screen.isVisible()
    assert QLineEdit.EchoMode.Password  # the PIN is asked masked


def test_a_session_not_today_is_warned_about(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    with door_screen(window, qtbot, now=datetime(2030, 1, 1, tzinfo=UTC)) as screen:
        screen.open()
        assert screen.not_today.isVisible() and "not today" in screen.not_today.text()


def test_the_window_opens_the_door_from_its_menu(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[CheckinScreen] = []
    monkeypatch.setattr(CheckinScreen, "exec", lambda self: opened.append(self) or 0)
    assert not window.checkin_action.isEnabled()  # no file yet
    open_in(window, demo_file)
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "Check-&in")
    assert window.checkin_action in menu.actions()
    window.checkin_action.trigger()
    assert len(opened) == 1 and opened[0].programme is window.programme


@pytest.mark.sqlite_only
def test_merging_another_laptops_journal_from_the_window(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from booster_desktop.services.changes import Change
    from booster_desktop.services.checkin import CheckinDesk
    from booster_desktop.services.journal import export_journal
    from booster_desktop.services.programme import open_programme
    from booster_desktop.ui.checkin_journal import MergeReview, merge_from_another_laptop

    people = _expected(demo_file, "CAT")
    session = _session(demo_file, "CAT", "Joint training")
    other = tmp_path / "laptop-b.booster"
    shutil.copyfile(demo_file, other)
    with open_programme(other, writable=True) as programme:
        desk = CheckinDesk(programme, session, device="back door")
        for _, token, _, _ in people[:3]:
            desk.record(token, now=DAY_ONE - timedelta(minutes=5))
        export_journal(programme, tmp_path / "b.jsonl")
    open_in(window, demo_file)
    assert window.programme is not None
    CheckinDesk(window.programme, session, device="front door").record(people[0][1], now=DAY_ONE)

    heard: list[Change] = []
    window.document.changed.connect(heard.append)
    shown: list[MergeReview] = []
    monkeypatch.setattr(MergeReview, "open", lambda self: shown.append(self))
    merge_from_another_laptop(window.document, window, tmp_path / "b.jsonl")
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    review = shown[0]
    assert "3 check-ins added" in review.summary.text()
    assert review.model.rowCount() == 1  # people[0], at both doors
    row = [review.model.index(0, c).data() for c in range(4)]
    assert row[0] == f"{people[0][2]} {people[0][3]}"
    assert "front door" in row[2] and "back door" in row[3]
    assert any("checkin" in change.tables for change in heard)  # every screen hears it
    assert _rows(demo_file, "SELECT count(*) FROM checkin")[0][0] == 4

    bad = tmp_path / "bad.jsonl"
    bad.write_text("not a journal\n", encoding="utf-8")
    merge_from_another_laptop(window.document, window, bad)
    qtbot.waitUntil(lambda: bool(dialogs.critical), timeout=10000)
    assert "nothing was merged" in dialogs.critical[-1]
    assert _rows(demo_file, "SELECT count(*) FROM checkin")[0][0] == 4


def test_exporting_for_another_laptop_from_the_window(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from booster_desktop.services.journal import read_journal

    target = tmp_path / "door-a.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_: (str(target), "")))
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_: told.append(text))
    )
    open_in(window, demo_file)
    window.journal_export_action.trigger()
    programme_uuid, entries = read_journal(target)
    assert entries == [] and programme_uuid == _rows(demo_file, "SELECT uuid FROM programme")[0][0]
    assert told and "Wrote 0 check-ins" in told[0]


def test_the_screen_fits_a_laptop_screen_with_every_button(screen: CheckinScreen) -> None:
    """Seen at 1400 x 900: the screen opened 1462 px wide, "Leave check-in" off-screen."""
    hint = screen.minimumSizeHint()
    assert hint.width() <= 1366 - 40 and hint.height() <= 768 - 80, hint
    available = screen.screen().availableGeometry()
    assert screen.width() <= available.width() and screen.height() <= available.height()
    screen.session.addItem("A very long session title " * 8)
    assert screen.minimumSizeHint().width() <= 1366 - 40


def test_a_badge_scanned_while_leave_is_asked_is_still_checked_in(
    screen: CheckinScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, demo_file: Path
) -> None:
    """Seen at a door: Escape, then a scan; the scan's Enter answered the question and the
    person was never checked in, with no alarm."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    assert screen.desk is not None
    token = _expected(demo_file, "CAT")[0][1]
    before = screen.desk.head_count().checked_in
    box = QLineEdit()  # stands for the question's window, which has the keyboard meanwhile
    qtbot.addWidget(box)

    def question(*_: object) -> QMessageBox.StandardButton:
        box.show()
        box.activateWindow()
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        QTest.keyClicks(box, token)
        QTest.keyClick(box, Qt.Key.Key_Return)
        return QMessageBox.StandardButton.Yes  # whatever the box said, the scan wins

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    screen.close()
    assert screen.isVisible()  # a scan means the door is still working
    assert screen.desk.head_count().checked_in == before + 1


@contextmanager
def _door_through_proxy(demo_file: object, qtbot: QtBot) -> Iterator[tuple[CheckinScreen, Proxy]]:
    """A door screen open on the demo on the server (PostgreSQL pass), its link through a
    proxy the test cuts and restores; closed at the end, the proxy cut whatever happens."""
    from booster_desktop.services.programme import open_programme
    from tests.conftest import server_url
    from tests.door_proxy import server_target

    url = server_url()
    assert url is not None
    proxy = Proxy(server_target(url))
    try:
        with open_programme(proxy.address(demo_file), writable=True) as programme:
            made = CheckinScreen(programme, None, now=DAY_ONE)
            qtbot.addWidget(made)
            made.open()
            yield made, proxy
            made.leaving_allowed = True
            made.close()
    finally:
        proxy.cut()


@pytest.mark.postgresql_only
def test_a_door_on_a_server_says_what_waits_offline_and_when_it_is_sent(
    demo_file: object, qtbot: QtBot
) -> None:
    people = _expected(demo_file, "CAT")  # type: ignore[arg-type]
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    with _door_through_proxy(demo_file, qtbot) as (made, proxy):
        assert made.desk is not None and made.desk.session.id == session
        before = made.count.checked_in
        assert made.offline.isHidden()
        proxy.cut()
        for _id, token, *_ in people[:2]:
            with qtbot.waitSignal(made.scanned):
                _scan(qtbot, made, token)
            assert made.headline.text() == "Welcome"
        assert made.offline.isVisible()
        assert made.offline.text() == "offline: 2 scans waiting"
        assert made.count.checked_in == before + 2  # the head count takes the waiting ones
        assert _rows(demo_file, "SELECT count(*) FROM checkin")[0][0] == 0  # type: ignore[arg-type]
        proxy.restore()
        qtbot.waitUntil(lambda: made.offline.text().startswith("All"), timeout=60_000)
        assert made.offline.text() == "All offline scans are on the server."
        assert (
            sorted(
                int(m)  # type: ignore[call-overload]
                for (m,) in _rows(demo_file, "SELECT manager_id FROM checkin")  # type: ignore[arg-type]
            )
            == sorted(p[0] for p in people[:2])
        )


@pytest.mark.postgresql_only
def test_a_door_offline_keeps_its_session_when_another_cannot_be_opened(
    demo_file: object, qtbot: QtBot
) -> None:
    """Offline, picking another session or tour is refused in one line and the boxes go back:
    a scan is never journaled on a session other than the one shown, and the door's sender
    still sends what waits once the server is back."""
    people = _expected(demo_file, "CAT")  # type: ignore[arg-type]
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    with _door_through_proxy(demo_file, qtbot) as (made, proxy):
        assert made.desk is not None and made.desk.session.id == session
        assert made.session.count() > 1
        shown = made.session.currentIndex()
        proxy.cut()
        other = next(i for i in range(made.session.count()) if i != shown)
        made.session.setCurrentIndex(other)
        made.session.activated.emit(other)  # as a click on another session does
        assert made.headline.text() == "Not recorded"
        assert "Still checking in to this session" in made.detail.text()
        assert "\n" not in made.detail.text()
        assert made.session.currentData() == session  # the box shows the door's session
        assert made.desk.session.id == session
        other_tour = next(i for i in range(made.tour.count()) if made.tour.itemData(i) != "CAT")
        made.tour.setCurrentIndex(other_tour)
        made.tour.activated.emit(other_tour)
        assert made.tour.currentData() == "CAT"
        assert made.session.currentData() == session
        with qtbot.waitSignal(made.scanned):
            _scan(qtbot, made, people[0][1])
        assert made.headline.text() == "Welcome"
        proxy.restore()
        qtbot.waitUntil(lambda: made.offline.text().startswith("All"), timeout=60_000)
        rows = _rows(demo_file, "SELECT session_id, manager_id FROM checkin")  # type: ignore[arg-type]
        assert [(int(s), int(m)) for s, m in rows] == [(session, people[0][0])]  # type: ignore[call-overload]


@pytest.mark.postgresql_only
def test_the_screen_says_which_offline_scans_were_set_aside(
    demo_file: object, qtbot: QtBot
) -> None:
    """A scan of a manager deleted on the server while the door was offline is set aside
    at the send; the screen said "All offline scans are on the server." all the same."""
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.records import delete_records

    people = _expected(demo_file, "CAT")  # type: ignore[arg-type]
    with _door_through_proxy(demo_file, qtbot) as (made, proxy):
        proxy.cut()
        for _id, token, *_ in people[:2]:
            with qtbot.waitSignal(made.scanned):
                _scan(qtbot, made, token)
        with open_programme(demo_file, writable=True) as admin:  # type: ignore[arg-type]
            delete_records(admin, "manager", [people[0][0]])
        proxy.restore()
        qtbot.waitUntil(lambda: "set aside" in made.offline.text(), timeout=60_000)
        assert made.offline.text() == (
            "1 offline scan set aside: its manager or session was deleted on the server "
            "meanwhile (kept in this laptop's journal)"
        )
        assert made.offline.isVisible()


def test_the_name_list_and_the_offline_line_keep_the_screen_within_a_laptop_screen(
    screen: CheckinScreen, qtbot: QtBot
) -> None:
    """Seen under Xvfb at 1366 x 768: the offline line, the not-today warning and the name
    list together made the door window 790 px tall, its input and status bar off-screen.
    The list now takes the initials' room while it shows."""
    screen.offline.setText(
        "server unreachable: working from the roster copy of 05:49 · offline: 2 scans waiting"
    )
    screen.offline.show()
    screen.not_today.setText("This session is on Monday 19 November 2018, not today.")
    screen.not_today.show()
    screen.resize(1280, 688)
    qtbot.waitUntil(lambda: screen.height() == 688)
    qtbot.keyClicks(screen.input, "an")
    assert screen.matches.isVisible() and screen.matches.count() >= 2
    assert screen.initials.isHidden()
    qtbot.wait(50)  # the layout's requests, posted, are handled
    assert screen.minimumSizeHint().height() <= 768 - 80, screen.minimumSizeHint()
    assert screen.height() == 688
    qtbot.keyClick(screen.input, Qt.Key.Key_Backspace)  # one letter: no list
    assert screen.matches.isHidden() and screen.initials.isVisible()


@pytest.mark.postgresql_only
def test_a_door_opened_with_scans_left_waiting_says_it_sent_them(
    demo_file: object, qtbot: QtBot
) -> None:
    """Scans a door left waiting (it closed offline) are sent when a door opens online
    again: its screen says they are on the server, as when its sender sends them."""
    from booster_desktop.services.door_journal import DoorDesk, open_desk
    from booster_desktop.services.programme import open_programme
    from tests.conftest import server_url
    from tests.door_proxy import Proxy, server_target

    url = server_url()
    assert url is not None
    proxy = Proxy(server_target(url))
    people = _expected(demo_file, "CAT")  # type: ignore[arg-type]
    session = _session(demo_file, "CAT", "Joint training")  # type: ignore[arg-type]
    try:
        with open_programme(proxy.address(demo_file), writable=True) as programme:
            desk = open_desk(programme, session)
            assert isinstance(desk, DoorDesk)
            proxy.cut()
            assert desk.record(people[0][1], now=DAY_ONE).recorded and desk.waiting == 1
            desk.close()
            proxy.restore()
            made = CheckinScreen(programme, None, now=DAY_ONE)
            qtbot.addWidget(made)
            made.open()
            assert made.desk is not None and made.desk.session.id == session
            assert made.offline.isVisible()
            assert made.offline.text() == "All offline scans are on the server."
            assert _rows(demo_file, "SELECT manager_id FROM checkin") == [(people[0][0],)]  # type: ignore[arg-type]
            made.leaving_allowed = True
            made.close()
    finally:
        proxy.cut()

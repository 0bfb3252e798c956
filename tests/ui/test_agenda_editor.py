"""Programme > Tour agendas…: drag an item to another day, resize it, undo both, read back."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from booster_desktop.domain.agenda import AgendaItem
from booster_desktop.ui.agenda_editor import (
    DAY_WIDTH,
    HEADER,
    PIXELS_PER_MINUTE,
    AgendaEditor,
    lanes,
)
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.ui.conftest import EditorDriver


def _session(path: Path, session_id: int) -> tuple[str, str, str]:
    with programme_db.connect(path) as connection:
        row = connection.execute(
            "SELECT date, substr(start_time, 1, 5), substr(end_time, 1, 5) FROM tour_session "
            "WHERE id = ?",
            (session_id,),
        ).fetchone()
    return row  # type: ignore[no-any-return]


def _open_editor(window: MainWindow, qtbot: QtBot) -> AgendaEditor:
    """The editor on tour CAT, wired to the window as Programme > Tour agendas… wires it."""
    editor = AgendaEditor(window.document, "CAT", window)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _settle() -> None:
    """Let the timetable rebuild (it does so once the event that changed it is over)."""
    QApplication.processEvents()


def _drag(editor: AgendaEditor, start: QPointF, end: QPointF) -> None:
    """A real press-move-release on the timetable's viewport, left button held."""
    viewport = editor.view.viewport()
    a, b = editor.view.mapFromScene(start), editor.view.mapFromScene(end)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, point, button, buttons in (
        (QEvent.Type.MouseButtonPress, a, left, left),
        (QEvent.Type.MouseMove, (a + b) / 2, none, left),
        (QEvent.Type.MouseMove, b, none, left),
        (QEvent.Type.MouseButtonRelease, b, left, none),
    ):
        position = QPointF(QPoint(point))
        event = QMouseEvent(
            kind,
            position,
            viewport.mapToGlobal(position),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)
    _settle()


@pytest.mark.sqlite_only
def test_drag_to_another_day_resize_and_undo_both(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    qtbot.waitExposed(editor)
    first = min(editor.blocks.values(), key=lambda b: (b.item.day, b.item.start))
    session_id = first.item.id
    before = _session(demo_file, session_id)
    assert before == ("2018-11-19", "09:30", "12:30")

    # Drag its lower edge down by an hour: it ends later.
    edge = first.mapToScene(QPointF(first.rect().width() / 2, first.rect().height() - 2))
    _drag(editor, edge, edge + QPointF(0, 60 * PIXELS_PER_MINUTE))
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "13:30")

    # Drag the block one day to the right (by its middle, so not a resize): it now overlaps
    # that day's training, and the checks say so at once.
    block = editor.blocks[session_id]
    grab = block.mapToScene(block.rect().center())
    _drag(editor, grab, grab + QPointF(DAY_WIDTH, 0))
    assert _session(demo_file, session_id) == ("2018-11-20", "09:30", "13:30")
    texts = [editor.checks.item(i).text() for i in range(editor.checks.count())]  # type: ignore[union-attr]
    assert any("overlaps" in t for t in texts) and any("no training" in t for t in texts)

    window.undo_stack.undo()

    _settle()
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "13:30")
    window.undo_stack.undo()
    _settle()
    assert _session(demo_file, session_id) == before
    assert editor.checks.item(0).text() == "No problems found."  # type: ignore[union-attr]


@pytest.mark.sqlite_only
def test_the_keyboard_moves_and_resizes_the_selected_item(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    block = min(editor.blocks.values(), key=lambda b: (b.item.day, b.item.start))
    session_id = block.item.id
    block.setSelected(True)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Down)
    _settle()
    assert _session(demo_file, session_id) == ("2018-11-19", "09:45", "12:45")
    qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    _settle()
    assert _session(demo_file, session_id) == ("2018-11-20", "09:45", "12:45")
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    _settle()
    assert _session(demo_file, session_id) == ("2018-11-20", "09:45", "12:30")
    for _ in range(3):
        window.undo_stack.undo()
        _settle()
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "12:30")
    # Each move and each undo changed the time: a calendar re-sent now must update the event.
    with programme_db.connect(demo_file) as connection:
        (revision,) = connection.execute(
            "SELECT revision FROM tour_session WHERE id = ?", (session_id,)
        ).fetchone()
    assert revision == 6


@pytest.mark.sqlite_only
def test_the_preview_shows_every_page(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    from booster_desktop.services.agenda import export_agenda
    from booster_desktop.ui.pdf_preview import PdfPreview

    open_in(window, demo_file)
    target = demo_file.with_name("cat.pdf")
    export_agenda(window.programme, target, tour="CAT")  # type: ignore[arg-type]
    preview = PdfPreview(target, window)
    qtbot.addWidget(preview)
    assert preview.pages() == 4  # cover, week at a glance, the days running on


@pytest.mark.sqlite_only
def test_delete_key_deletes_the_selected_item_and_undo_brings_it_back(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: object,
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    block = min(editor.blocks.values(), key=lambda b: (b.item.day, b.item.start))
    session_id = block.item.id
    block.setSelected(True)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    _settle()
    assert session_id not in editor.blocks
    with programme_db.connect(demo_file) as connection:
        assert connection.execute(
            "SELECT count(*) FROM tour_session WHERE id = ?", (session_id,)
        ).fetchone() == (0,)
    window.undo_stack.undo()
    _settle()
    assert session_id in editor.blocks
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "12:30")


@pytest.mark.sqlite_only
def test_a_click_selects_without_saving_and_the_arrows_then_move_the_item(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    block = min(editor.blocks.values(), key=lambda b: (b.item.day, b.item.start))
    session_id = block.item.id
    centre = block.mapToScene(block.rect().center())
    _drag(editor, centre, centre)  # press and release on the spot: a click
    assert window.undo_stack.count() == 0
    assert editor.blocks[session_id].isSelected()
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Down)
    _settle()
    assert _session(demo_file, session_id) == ("2018-11-19", "09:45", "12:45")
    assert editor.blocks[session_id].isSelected()
    editor.close()
    window.undo_stack.undo()  # the closed editor no longer follows the stack
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "12:30")


@pytest.mark.sqlite_only
def test_add_item_and_double_click_open_the_session_editor_over_the_agenda(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    editors: EditorDriver,
) -> None:
    open_in(window, demo_file)
    window.edit_agendas()
    editor = window._agenda_editor
    assert isinstance(editor, AgendaEditor) and editor.isVisible()
    assert not editor.isModal()  # the main window stays in reach
    assert editor.agenda is not None
    first_day = editor.agenda.start
    shown = set(editor.blocks)

    editors.will(lambda session: session.form.title.setText("Welcome coffee"))
    add = editor.findChild(QPushButton, "add_item")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    _settle()
    added = list(set(editor.blocks) - shown)
    assert len(added) == 1
    assert _session(demo_file, added[0])[0] == first_day.isoformat()

    opened: list[str] = []
    editors.will(lambda session: opened.append(session.form.title.text()), save=False)
    block = editor.blocks[added[0]]
    centre = editor.view.mapFromScene(block.mapToScene(block.rect().center()))
    qtbot.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened == ["Welcome coffee"]
    assert [run.result for run in editors.runs] == [QDialog.DialogCode.Accepted, 0]
    with programme_db.connect(demo_file) as connection:
        title = connection.execute(
            "SELECT title FROM tour_session WHERE id = ?", (added[0],)
        ).fetchone()
    assert title == ("Welcome coffee",)
    # The agenda's own Undo takes the new item back (the document's one stack).
    editor.undo_action.trigger()
    _settle()
    with programme_db.connect(demo_file) as connection:
        gone = connection.execute(
            "SELECT count(*) FROM tour_session WHERE id = ?", (added[0],)
        ).fetchone()
    assert gone == (0,)
    assert added[0] not in editor.blocks
    # Asked again, the same window comes up; closed, the window lets go of it.
    window.edit_agendas()
    assert window._agenda_editor is editor
    editor.close()
    assert window._agenda_editor is None


def _keys(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key as a person presses it: through the window's shortcuts."""
    QTest.keyClick(widget, key, modifiers)
    _settle()


@pytest.mark.sqlite_only
def test_each_move_is_one_undo_step_and_the_agenda_undoes_by_keyboard(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    editor.activateWindow()
    qtbot.waitActive(editor)
    first = min(editor.blocks.values(), key=lambda b: (b.item.day, b.item.start))
    session_id = first.item.id
    grab = first.mapToScene(first.rect().center())
    _drag(editor, grab, grab + QPointF(0, 60 * PIXELS_PER_MINUTE))
    block = editor.blocks[session_id]
    grab = block.mapToScene(block.rect().center())
    _drag(editor, grab, grab + QPointF(0, 30 * PIXELS_PER_MINUTE))
    assert _session(demo_file, session_id) == ("2018-11-19", "11:00", "14:00")
    assert window.undo_stack.count() == 2
    control = Qt.KeyboardModifier.ControlModifier
    editor.view.setFocus()
    _keys(editor.view, Qt.Key.Key_Z, control)
    assert _session(demo_file, session_id) == ("2018-11-19", "10:30", "13:30")
    _keys(editor.view, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    assert _session(demo_file, session_id) == ("2018-11-19", "11:00", "14:00")
    _keys(editor.view, Qt.Key.Key_Z, control)
    _keys(editor.view, Qt.Key.Key_Y, control)
    assert _session(demo_file, session_id) == ("2018-11-19", "11:00", "14:00")
    # Closed, the agenda's moves are still the window's steps: one undo takes back one move.
    editor.close()
    window.undo_stack.undo()
    assert _session(demo_file, session_id) == ("2018-11-19", "10:30", "13:30")
    window.undo_stack.undo()
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "12:30")


def test_the_agenda_opens_at_the_first_item(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    qtbot.waitExposed(editor)
    _settle()  # scrolled once shown and laid out
    first = min(editor.blocks.values(), key=lambda b: b.item.start)
    shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    top = first.sceneBoundingRect().top()
    # Near the top, in view below the band of day names.
    assert shown.top() + HEADER <= top <= shown.top() + HEADER + 60 * PIXELS_PER_MINUTE
    assert shown.top() > 8 * 60 * PIXELS_PER_MINUTE  # not the empty small hours


def test_items_at_the_same_time_stand_side_by_side() -> None:
    def item(item_id: int, start: str, end: str) -> AgendaItem:
        return AgendaItem(
            id=item_id,
            day=date(2026, 3, 2),
            start=time.fromisoformat(start),
            end=time.fromisoformat(end),
            kind="visit",
            title=f"item {item_id}",
            venue="",
            address="",
            description="",
            speakers=(),
            contacts=(),
            topics=(),
            visited="",
            transfer="",
            transfer_minutes=0,
        )

    placed = lanes(
        [
            item(1, "09:00", "11:00"),
            item(2, "10:00", "12:00"),
            item(3, "11:00", "12:30"),  # the first lane is free again at 11:00
            item(4, "14:00", "15:00"),  # alone: the whole width
        ]
    )
    assert placed == {1: (0, 2), 2: (1, 2), 3: (0, 2), 4: (0, 1)}


@pytest.mark.sqlite_only
def test_overlapping_blocks_do_not_cover_each_other(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    first = min(editor.blocks.values(), key=lambda b: (b.item.day, b.item.start))
    session_id = first.item.id
    grab = first.mapToScene(first.rect().center())
    _drag(editor, grab, grab + QPointF(DAY_WIDTH, 0))  # onto the next day's training
    moved = editor.blocks[session_id]
    others = [
        b
        for b in editor.blocks.values()
        if b.item.day == moved.item.day
        and b is not moved
        and b.item.start < moved.item.end
        and moved.item.start < b.item.end
    ]
    assert others
    for other in others:
        overlap = moved.sceneBoundingRect().intersected(other.sceneBoundingRect())
        assert overlap.width() <= 1.5  # side by side (their pens may touch)
    texts = [editor.checks.item(i).text() for i in range(editor.checks.count())]  # type: ignore[union-attr]
    assert any("overlaps" in t for t in texts)  # the overlap is still a check
    # Dragged back by a day's width from its lane, it lands on its own day.
    grab = moved.mapToScene(moved.rect().center())
    _drag(editor, grab, grab - QPointF(DAY_WIDTH, 0))
    assert _session(demo_file, session_id) == ("2018-11-19", "09:30", "12:30")


@pytest.mark.sqlite_only
def test_export_says_which_value_it_shortened(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE manager SET given_name = ?, family_name = ? WHERE id = 1",
            ("Abcdefghij" * 12, "Klmnopqrst" * 12),
        )
    connection.close()
    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    target = demo_file.with_name("cat.pdf")
    told: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text))
    )
    editor.export_pdf()
    assert target.exists()
    assert told == [
        f"Written to {target}\nparticipant 1 of CAT: name shortened to fit the page "
        "(241 characters)"
    ]


@pytest.mark.sqlite_only
def test_the_days_stay_named_when_scrolled_and_exports_are_offered_beside_the_programme(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    open_in(window, demo_file)
    editor = _open_editor(window, qtbot)
    qtbot.waitExposed(editor)
    _settle()
    shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert shown.top() > 0  # scrolled down to the first item
    assert editor.day_labels
    for label in editor.day_labels:
        assert shown.top() <= label.sceneBoundingRect().top() < shown.bottom()
        assert label.text().startswith(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    offered: list[tuple[object, str]] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(
            lambda parent, _caption, where, _filter: offered.append((parent, where)) or ("", "")
        ),
    )
    editor.export_pdf()
    # Over the agenda window that asked (its parent), beside the programme file.
    assert offered == [(editor, str(demo_file.with_name("agenda-CAT.pdf")))]


@pytest.mark.sqlite_only
def test_closing_the_agenda_twice_leaves_the_document_quietly(
    window: MainWindow, open_in: Callable[[MainWindow, Path], None], demo_file: Path, qtbot: QtBot
) -> None:
    """A closed agenda stops following the document once: closing it again (the document
    closing under an editor already closed) disconnects nothing twice, which PySide warns
    about."""
    open_in(window, demo_file)
    editor = AgendaEditor(window.document, "CAT", window)
    qtbot.addWidget(editor)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        editor.close()
        editor.close()  # as the test's own clean-up, or a window closing, does again

"""Programme > Allocate managers…: run, pin a cell, re-run, read why, apply; read back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import text

from booster_desktop.services.programme import ProgrammeFile, open_programme
from booster_desktop.store.changes import report
from booster_desktop.store.versions import ALLOCATING, exclusive
from booster_desktop.ui.allocation_view import (
    FORBIDDEN,
    GIVEN_COLOUR,
    PINNED,
    PINNED_INK,
    AllocationDialog,
)
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.ui.conftest import Dialogs


def _run(dialog: AllocationDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.allocation is not None, timeout=20000)


def _proposed(path: Path) -> set[tuple[int, str]]:
    with programme_db.connect(path) as connection:
        return set(
            connection.execute(
                "SELECT e.manager_id, t.code FROM enrolment e JOIN tour t ON t.id = e.tour_id "
                "WHERE e.status = 'proposed'"
            ).fetchall()
        )


@pytest.mark.sqlite_only
def test_pin_rerun_explain_and_apply(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: object,
) -> None:
    open_in(window, demo_file)
    dialog = AllocationDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _run(dialog, qtbot)
    result = dialog.allocation
    assert result is not None and result.status == "optimal" and result.unmet == 0
    assert dialog.grid.rowCount() == 24 and dialog.grid.columnCount() == 4
    assert dialog.fill.rowCount() == 4
    assert [dialog.fill.item(r, 1).text() for r in range(4)] == ["12 / 12"] * 4  # type: ignore[union-attr]
    assert dialog.compare.rowCount() == 3

    # Pin manager 1 on a tour they were not given: the first click selects and explains,
    # the second pins (as the label says), then re-run.
    manager = dialog.grid.managers[0]
    not_given = next(c for c in dialog.grid.tours if c not in result.assignment[manager])
    index = dialog.grid.index(0, dialog.grid.tours.index(not_given))
    rect = dialog.grid_view.visualRect(index)
    qtbot.mouseClick(dialog.grid_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.grid.choices == {}
    assert dialog.explanation.count() > 0
    assert "click it again to pin" in dialog.findChild(QLabel, "grid_help").text()
    qtbot.mouseClick(dialog.grid_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.grid.choices == {(manager, not_given): PINNED}
    assert dialog.grid.data(index) == str(dialog.instance.managers[manager].ranks[not_given])  # type: ignore[union-attr]
    # The pin is drawn, in its own ink, inside the cell (no emoji font needed).
    dialog.grid_view.clearSelection()
    image = dialog.grid_view.viewport().grab(rect).toImage()
    inks = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert PINNED_INK.name() in inks
    assert dialog.grid.data(index, Qt.ItemDataRole.BackgroundRole) != GIVEN_COLOUR
    _run(dialog, qtbot)
    assert dialog.allocation is not None
    assert not_given in dialog.allocation.assignment[manager]
    assert (manager, not_given) in dialog.instance.pinned  # type: ignore[union-attr]

    # Why: the selected manager's explanation lists what they were given.
    dialog.grid_view.setCurrentIndex(index)
    lines = [dialog.explanation.item(i).text() for i in range(dialog.explanation.count())]
    assert any(line.startswith(f"given {not_given}") for line in lines)

    # What would giving another tour cost? Worked out on the pool, then told.
    other = dialog.grid.tours.index(
        next(c for c in dialog.grid.tours if c not in dialog.allocation.assignment[manager])
    )
    dialog.grid_view.setCurrentIndex(dialog.grid.index(0, other))
    qtbot.mouseClick(dialog.force_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.force_button.isEnabled(), timeout=20000)
    told = [dialog.explanation.item(i).text() for i in range(dialog.explanation.count())]
    assert any(t.startswith(f"To give manager {manager} ") for t in told), told

    # Apply: the file's proposed enrolments become the allocation, after a backup.
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    wanted = {(m, c) for m, codes in dialog.allocation.assignment.items() for c in codes}
    assert _proposed(demo_file) == wanted
    from booster_desktop.services.backups import list_backups

    with programme_db.connect(demo_file) as connection:
        uuid = str(connection.execute("SELECT uuid FROM programme").fetchone()[0])
    assert [b.why for b in list_backups(uuid)].count("allocation") == 1


def test_space_cycles_a_cell_and_run_refreshes_why(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
) -> None:
    open_in(window, demo_file)
    dialog = AllocationDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _run(dialog, qtbot)
    index = dialog.grid.index(0, 0)
    dialog.grid_view.setCurrentIndex(index)
    dialog.grid_view.setFocus()
    pair = dialog.grid.pair(index)
    seen = []
    for _ in range(3):
        qtbot.keyClick(dialog.grid_view, Qt.Key.Key_Space)
        seen.append(dialog.grid.choices.get(pair))
    assert seen == [PINNED, FORBIDDEN, None]
    # A stale explanation is gone after Run; the current cell's manager is explained afresh.
    dialog.explanation.addItem("a line from before")
    _run(dialog, qtbot)
    lines = [dialog.explanation.item(i).text() for i in range(dialog.explanation.count())]
    assert lines and "a line from before" not in lines


def _apply(dialog: AllocationDialog, qtbot: QtBot) -> None:
    dialog.apply()
    assert dialog.task is not None  # stored on the pool, not on the UI thread
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)


def _enrolment_rows(location: Any) -> list[tuple[int, int, str]]:
    with programme_db.connect(location) as connection:
        rows = connection.execute(
            "SELECT manager_id, tour_id, status FROM enrolment ORDER BY manager_id, tour_id"
        ).fetchall()
    return [(m, t, str(s)) for m, t, s in rows]


def _drop_some_enrolments(programme: ProgrammeFile, remainder: int = 0) -> None:
    with programme.writing() as connection:
        report(connection, "enrolment", None)
        connection.execute(text("DELETE FROM enrolment WHERE id % 3 = :r"), {"r": remainder})


@pytest.fixture
def allocating(qtbot: QtBot, demo_file: Any) -> Iterator[AllocationDialog]:
    """An allocation dialog on its own document, run over a programme with wishes to fill."""
    with open_programme(demo_file, writable=True) as setup:
        _drop_some_enrolments(setup)
    document = ProgrammeDocument()
    document.open(open_programme(demo_file, writable=True))
    dialog = AllocationDialog(document)
    _run(dialog, qtbot)
    yield dialog
    if isValid(dialog):  # one test closes and deletes it, as the window does
        dialog.close()
        dialog.deleteLater()
    document.close()


def test_apply_runs_off_the_ui_thread_and_undo_and_redo_take_it_back_and_again(
    allocating: AllocationDialog, demo_file: Any, qtbot: QtBot, dialogs: Dialogs
) -> None:
    dialog, document = allocating, allocating.document
    before = _enrolment_rows(demo_file)
    _apply(dialog, qtbot)
    after = _enrolment_rows(demo_file)
    assert after != before and "Edit > Undo" in dialog.summary.text()
    assert document.undo_stack.count() == 1 and not dialogs.critical
    document.undo_stack.undo()
    assert _enrolment_rows(demo_file) == before
    document.undo_stack.redo()
    assert _enrolment_rows(demo_file) == after


@pytest.mark.postgresql_only  # the wait is for another session's apply on the server
def test_apply_waiting_for_another_coordinator_keeps_the_window_responsive_and_is_refused(
    allocating: AllocationDialog, demo_file: Any, qtbot: QtBot, dialogs: Dialogs
) -> None:
    dialog, document = allocating, allocating.document
    refusals: list[str] = []
    document.failed.connect(refusals.append)
    with open_programme(demo_file, writable=True) as other:
        holding = exclusive(other, ALLOCATING)
        holding.__enter__()  # another coordinator is applying
        try:
            dialog.apply()
            # The UI thread keeps running its event loop: the waiting is shown while it lasts.
            qtbot.waitUntil(
                lambda: dialog.summary.text() == "Waiting for another coordinator's allocation…",
                timeout=20000,
            )
            assert dialog.task is not None and not refusals
            # ...whose apply changes the enrolments this allocation was computed from.
            _drop_some_enrolments(other, remainder=1)
            between = _enrolment_rows(demo_file)
        finally:
            holding.__exit__(None, None, None)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    (refusal,) = refusals
    assert refusal.startswith("waited for another coordinator's allocation: ")
    assert "run the allocation again" in refusal
    assert dialog.summary.text().startswith("Not stored: ")
    assert _enrolment_rows(demo_file) == between and document.undo_stack.count() == 0


@pytest.mark.postgresql_only  # the wait is for another session's apply on the server
def test_an_apply_still_waiting_when_the_dialog_is_closed_is_one_undoable_step(
    allocating: AllocationDialog, demo_file: Any, qtbot: QtBot, dialogs: Dialogs
) -> None:
    dialog, document = allocating, allocating.document
    before = _enrolment_rows(demo_file)
    with open_programme(demo_file, writable=True) as other:
        holding = exclusive(other, ALLOCATING)
        holding.__enter__()
        try:
            dialog.apply()
            qtbot.waitUntil(lambda: "Waiting" in dialog.summary.text(), timeout=20000)
            dialog.close()
            dialog.deleteLater()  # as the window does with it
            qtbot.waitUntil(lambda: not isValid(dialog), timeout=10000)
        finally:
            holding.__exit__(None, None, None)
    qtbot.waitUntil(lambda: not document.busy, timeout=30000)
    assert document.undo_stack.count() == 1 and not dialogs.critical
    assert _enrolment_rows(demo_file) != before
    document.undo_stack.undo()
    assert _enrolment_rows(demo_file) == before

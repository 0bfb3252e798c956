"""The open programme's document: one edit heard by every open screen, work off the UI
thread with progress and cancel, and changes made on the pool reaching the screens."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from booster_desktop.services.changes import Action, Change
from booster_desktop.services.importing import import_file
from booster_desktop.services.progress import Progress
from booster_desktop.ui.agenda_editor import AgendaEditor
from booster_desktop.ui.demand_view import FIXED_COLUMNS, DemandDialog
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.services.test_versions import two_managers_sheet
from tests.ui.conftest import Dialogs, EditorDriver

OpenIn = Callable[[MainWindow, Path], None]


def _read(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with programme_db.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


def _heard(window: MainWindow) -> list[Change]:
    heard: list[Change] = []
    window.document.changed.connect(heard.append)
    return heard


def _enrolment_rows(path: Path) -> list[tuple[object, ...]]:
    """Every enrolment, every column, read back from the file."""
    with programme_db.connect(path) as connection:
        return connection.execute("SELECT * FROM enrolment ORDER BY id").fetchall()


def _open_every_screen(window: MainWindow, qtbot: QtBot) -> tuple[AgendaEditor, DemandDialog]:
    for key in ("managers", "topics", "tours", "visits"):
        window.show_tab(key)
    agenda = AgendaEditor(window.document, "CAT", window)
    demand = DemandDialog(window.document, window)
    for dialog in (agenda, demand):
        qtbot.addWidget(dialog)
        dialog.show()
    return agenda, demand


def test_a_tour_code_change_reaches_every_open_screen(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    agenda, demand = _open_every_screen(window, qtbot)
    tours = window.show_tab("tours")
    cat = next(r for r in tours.model.records() if r.code == "CAT")
    heard = _heard(window)

    def recode(editor: Any) -> None:
        editor.form.code.clear()
        qtbot.keyClicks(editor.form.code, "CTL")

    editors.will(recode)
    window.edit_record(cat.id)
    QApplication.processEvents()  # the agenda redraws once the edit's event is over

    assert _read(demo_file, "SELECT code FROM tour WHERE id = ?", cat.id) == [("CTL",)]
    (change,) = heard
    assert change.action is Action.EDIT and change.ids("tour") == {cat.id}
    assert "CTL" in [r.code for r in tours.model.records()]
    assert window.tour_filter.findData("CTL") >= 0 and window.tour_filter.findData("CAT") < 0
    assert agenda.code() == "CTL" and agenda.agenda is not None and agenda.blocks
    assert agenda.agenda.code == "CTL"
    headings = [
        demand.table.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
        for c in range(demand.table.columnCount())
    ]
    assert "Focus of CTL" in headings and "Focus of CAT" not in headings
    visits = window.show_tab("visits")  # hidden during the edit: reloaded when shown
    assert "CTL" in {r.tour for r in visits.model.records()}
    managers = window.show_tab("managers")
    assert any("CTL" in r.tours for r in managers.model.records())

    # Undo is heard the same way, recorded as an undo.
    window.undo_stack.undo()
    QApplication.processEvents()
    assert heard[-1].action is Action.UNDO
    assert agenda.code() == "CAT" and "Focus of CAT" in [
        demand.table.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
        for c in range(demand.table.columnCount())
    ]


def test_withdrawing_a_manager_updates_seats_and_demand(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    _agenda, demand = _open_every_screen(window, qtbot)
    tours = window.show_tab("tours")
    manager = 5
    codes = [c for (c,) in _read(demo_file, "SELECT t.code FROM enrolment e JOIN tour t ON "
                                 "t.id = e.tour_id WHERE e.manager_id = ?", manager)]  # fmt: skip
    topics = {t for (t,) in _read(demo_file, "SELECT topic_id FROM topic_interest WHERE "
                                  "manager_id = ?", manager)}  # fmt: skip
    assert codes and topics
    seats = {r.code: r.expected for r in tours.model.records()}
    wanted = {d.id: d.wanted_by for d in demand.demand}

    def withdraw(editor: Any) -> None:
        editor.form.status.setCurrentIndex(editor.form.status.findData("withdrawn"))

    editors.will(withdraw)
    window.show_tab("managers")
    window.edit_record(manager)
    window.show_tab("tours")

    after = {r.code: r.expected for r in tours.model.records()}
    assert after == {c: n - (c in codes) for c, n in seats.items()}
    assert {d.id: d.wanted_by for d in demand.demand} == {
        t: n - (t in topics) for t, n in wanted.items()
    }
    row = next(r for r, d in enumerate(demand.demand) if d.id == min(topics))
    cell = demand.table.item(row, FIXED_COLUMNS.index("Wanted by"))
    assert cell is not None and int(cell.text()) == wanted[min(topics)] - 1


def test_run_tells_progress_and_a_cancel_rolls_the_job_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    stop = QPushButton("Stop")
    qtbot.addWidget(stop)
    reported = threading.Event()
    release = threading.Event()
    steps: list[tuple[int, int, str]] = []

    def job(progress: Progress) -> str:
        progress(1, 3, "Reading")
        reported.set()
        release.wait(10)
        progress(2, 3, "Reading")  # cancelled by now: raises
        return "finished"

    running = window.document.run(job, lambda *step: steps.append(step), stop.clicked)
    assert window.document.busy
    with qtbot.waitSignal(running.failed, timeout=10000) as failed:
        qtbot.waitUntil(lambda: steps == [(1, 3, "Reading")], timeout=10000)
        stop.click()
        release.set()
    assert failed.args == ["cancelled: nothing was changed"]
    qtbot.waitUntil(lambda: not window.document.busy, timeout=10000)


def test_an_import_on_the_pool_reaches_the_screens_before_it_is_done(
    window: MainWindow, open_in: OpenIn, demo_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    managers = window.show_tab("managers")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Given name", "Family name", "Country", "E-mail"])
    sheet.append(["Nadia", "Haddad", "Tunisia", "nadia.haddad@example.org"])
    source = tmp_path / "one.xlsx"
    book.save(source)
    programme = window.programme
    assert programme is not None
    order: list[str] = []
    window.document.changed.connect(lambda change: order.append(f"changed {change.action}"))
    running = window.document.run(lambda progress: import_file(programme, source))
    running.done.connect(lambda report: order.append(f"done {report.imported}"))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10000)
    assert order == ["changed import", "done 1"]
    assert managers.model.rowCount() == 25
    assert "Haddad" in {r.family_name for r in managers.model.records()}


def test_an_undone_delete_is_one_change_recorded_as_an_undo(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs
) -> None:
    open_in(window, demo_file)
    tab = window.show_tab("topics")
    tab.select_ids([2, 3])
    heard = _heard(window)
    window.delete_selected()
    window.undo_stack.undo()
    assert [c.action for c in heard] == [Action.EDIT, Action.UNDO]
    assert heard[1].ids("topic") == {2, 3}
    assert tab.selected_ids() == [2, 3]
    assert tab.proxy.rowCount() == 12


def test_an_applied_allocation_is_one_undo_step_after_what_came_before(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs, qtbot: QtBot
) -> None:
    from booster_desktop.ui.allocation_view import AllocationDialog

    open_in(window, demo_file)
    tab = window.show_tab("topics")
    tab.select_ids([2])
    window.delete_selected()
    assert window.undo_stack.count() == 1
    dialog = AllocationDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.per_manager.setValue(1)  # not the demo's own allocation: enrolments change
    dialog.run()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.allocation is not None, timeout=20000)
    before = _enrolment_rows(demo_file)
    heard = _heard(window)
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert [c.action for c in heard] == [Action.ALLOCATION]
    assert "Allocation stored" in window.statusBar().currentMessage()
    after = _enrolment_rows(demo_file)
    assert after != before
    # The delete before it stays on the stack; the apply is one step above it.
    assert window.undo_stack.count() == 2
    assert window.undo_stack.undoText() == "Apply the allocation"
    window.undo_action.trigger()
    assert _enrolment_rows(demo_file) == before
    assert heard[-1].action is Action.UNDO
    window.redo_action.trigger()
    assert _enrolment_rows(demo_file) == after
    window.undo_action.trigger()
    window.undo_action.trigger()  # the delete of topic 2, made before the allocation
    with programme_db.connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM topic WHERE id = 2").fetchone() == (1,)
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert _enrolment_rows(demo_file) == after
    # A change made since outdates the allocation shown: Apply waits for a new run.
    window.show_tab("tours")
    tours = window.tabs["tours"]
    tours.select_ids([tours.model.records()[0].id])
    dialog.apply_button.setEnabled(True)
    window.delete_selected()
    assert not dialog.apply_button.isEnabled()
    assert "changed since" in dialog.summary.text()


def test_a_job_that_ends_before_anyone_connects_still_tells_its_outcome(
    window: MainWindow, qtbot: QtBot
) -> None:
    ended = threading.Event()

    def job(_progress: Progress) -> int:
        ended.set()
        return 42

    running = window.document.run(job)
    assert ended.wait(10)
    # The pool thread is done, and no Qt event was handled meanwhile (as in the caller's
    # own code, between run() and its connect()).
    deadline = time.monotonic() + 10
    while not _pool_idle() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _pool_idle()
    outcomes: list[object] = []
    running.done.connect(outcomes.append)  # connected only now, as callers do
    qtbot.waitUntil(lambda: outcomes == [42], timeout=10000)


def _pool_idle() -> bool:
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().activeThreadCount() == 0


def _rename_behind_the_window(location: Any, topic: int, name: str) -> None:
    """Someone else's save the window has not heard of yet (its feed is not read meanwhile)."""
    with programme_db.connect(location) as connection:
        connection.execute(
            "UPDATE topic SET name = ?, version = version + 1 WHERE id = ?", (name, topic)
        )


def test_a_delete_over_someone_elses_change_is_refused_and_shows_the_record_as_it_is_now(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs
) -> None:
    open_in(window, demo_file)
    tab = window.show_tab("topics")
    tab.select_ids([2])
    _rename_behind_the_window(demo_file, 2, "Renamed elsewhere")
    window.delete_selected()
    (told,) = dialogs.critical
    assert "topic 2 was changed by " in told and "nothing was deleted" in told
    assert _read(demo_file, "SELECT name FROM topic WHERE id = 2") == [("Renamed elsewhere",)]
    assert window.undo_stack.count() == 0
    shown = {r.id: r for r in tab.model.records()}
    assert shown[2].name == "Renamed elsewhere"
    # Read again, it deletes.
    tab.select_ids([2])
    window.delete_selected()
    assert _read(demo_file, "SELECT count(*) FROM topic WHERE id = 2") == [(0,)]
    assert window.undo_stack.count() == 1

    # A redo after an undo deletes the record as the undo put it back, and only that.
    window.undo_stack.undo()
    _rename_behind_the_window(demo_file, 2, "Renamed after the undo")
    window.undo_stack.redo()
    assert len(dialogs.critical) == 2 and "topic 2 was changed by " in dialogs.critical[1]
    assert _read(demo_file, "SELECT name FROM topic WHERE id = 2") == [("Renamed after the undo",)]


def test_undoing_an_edit_after_a_priority_toggle_of_the_same_topic_asks_nothing(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs, qtbot: QtBot
) -> None:
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from booster_desktop.services.topics import topic_details
    from booster_desktop.ui.commands import EditRecord
    from booster_desktop.ui.entities import TOPICS

    open_in(window, demo_file)
    document = window.document
    assert document.programme is not None
    dialog = DemandDialog(document, window)
    qtbot.addWidget(dialog)
    top = dialog.demand[0]
    old = topic_details(document.programme, top.id)
    document.push(
        EditRecord(top.id, old, replace(old, description="Edited first"), document, TOPICS)
    )
    priority = dialog.table.item(0, 0)
    assert priority is not None
    priority.setCheckState(Qt.CheckState.Unchecked if old.is_priority else Qt.CheckState.Checked)
    sql = "SELECT description, is_priority FROM topic WHERE id = ?"
    assert _read(demo_file, sql, top.id) == [("Edited first", int(not old.is_priority))]
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()  # the toggle
    window.undo_stack.undo()  # the edit before it: this window's own writes, nobody else's
    assert dialogs.conflicts == [] and dialogs.critical == []
    assert _read(demo_file, sql, top.id) == [(old.description or None, int(old.is_priority))]
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert dialogs.conflicts == [] and dialogs.critical == []
    assert _read(demo_file, sql, top.id) == [("Edited first", int(not old.is_priority))]


def test_undoing_a_tour_edit_after_its_contacts_were_saved_in_details_asks_nothing(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs
) -> None:
    from dataclasses import replace

    from booster_desktop.services.programme_details import printed_details
    from booster_desktop.services.tours import tour_details
    from booster_desktop.ui.commands import EditRecord
    from booster_desktop.ui.entities import TOURS
    from booster_desktop.ui.programme_details import EditProgrammeDetails

    open_in(window, demo_file)
    document = window.document
    programme = document.programme
    assert programme is not None
    tour_id, code = _read(demo_file, "SELECT id, code FROM tour ORDER BY id")[0]
    old = tour_details(programme, tour_id)
    document.push(EditRecord(tour_id, old, replace(old, title="Renamed first"), document, TOURS))
    before = printed_details(programme)
    contacts = dict(before.tours)
    contacts[code] = replace(contacts[code], hotel_name="Hotel Written Second")
    after = replace(before, tours=tuple(contacts.items()))
    document.push(EditProgrammeDetails(document, before, after))
    sql = "SELECT title, hotel_name FROM tour WHERE id = ?"
    assert _read(demo_file, sql, tour_id) == [("Renamed first", "Hotel Written Second")]
    window.undo_stack.undo()  # the details
    window.undo_stack.undo()  # the tour edit before them
    assert dialogs.conflicts == [] and dialogs.critical == []
    assert _read(demo_file, sql, tour_id) == [
        (old.title, dict(before.tours)[code].hotel_name or None)
    ]


def test_an_edit_to_what_is_stored_keeps_the_version_and_leaves_nothing_to_undo(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> None:
    """A title typed again with a trailing space is saved as it was: the record keeps its
    version, the history keeps nothing, no change is heard and there is no undo step."""
    open_in(window, demo_file)
    tours = window.show_tab("tours")
    cat = next(r for r in tours.model.records() if r.code == "CAT")
    sql = "SELECT title, version FROM tour WHERE id = ?"
    before = _read(demo_file, sql, cat.id)
    entries = _read(demo_file, "SELECT count(*) FROM change_entry")
    heard = _heard(window)

    def same_title(editor: Any) -> None:
        qtbot.keyClicks(editor.form.title, " ")

    editors.will(same_title)
    window.edit_record(cat.id)
    assert editors.runs[-1].result == 1  # saved, not refused
    assert _read(demo_file, sql, cat.id) == before
    assert _read(demo_file, "SELECT count(*) FROM change_entry") == entries
    assert heard == []
    assert window.undo_stack.count() == 0

    # A real edit after it starts from the version as it is: not refused as a change meanwhile.
    def retitle(editor: Any) -> None:
        editor.form.title.clear()
        qtbot.keyClicks(editor.form.title, "Renamed")

    editors.will(retitle)
    window.edit_record(cat.id)
    assert _read(demo_file, sql, cat.id) == [("Renamed", before[0][1] + 1)]
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert _read(demo_file, sql, cat.id) == [("Renamed", before[0][1] + 3)]


def _import_two(document: Any, folder: Path) -> Any:
    from booster_desktop.ui.commands import ImportedManagers

    report = import_file(document.programme, two_managers_sheet(folder))
    document.push(ImportedManagers(report, document))
    return report


def test_undoing_an_import_after_someone_changed_a_manager_it_added_undoes_nothing(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    open_in(window, demo_file)
    report = _import_two(window.document, tmp_path)
    first, second = report.manager_ids
    with programme_db.connect(demo_file) as connection:  # someone else's save
        connection.execute(
            "UPDATE manager SET city = 'Sfax', version = version + 1 WHERE id = ?", (second,)
        )
    window.undo_stack.undo()
    (told,) = dialogs.critical
    assert "\n" not in told
    assert told.startswith(f"manager {second} was changed by ") and "nothing was deleted" in told
    count = "SELECT count(*) FROM manager WHERE id IN (?, ?)"
    assert _read(demo_file, count, first, second) == [(2,)]
    (topic,) = report.created_topic_ids
    assert _read(demo_file, "SELECT count(*) FROM topic WHERE id = ?", topic) == [(1,)]


def test_undoing_an_import_after_a_door_checked_one_of_its_managers_in_undoes_nothing(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    """A check-in carries no version: before, the undo's cascade deleted it silently."""
    open_in(window, demo_file)
    report = _import_two(window.document, tmp_path)
    first, second = report.manager_ids
    with programme_db.connect(demo_file) as connection:  # a door's check-in, another process
        (session,) = connection.execute("SELECT min(id) FROM tour_session").fetchone()
        connection.execute(
            "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
            "admitted_unregistered) VALUES ('5b0c0ffee', ?, ?, ?, 'door', ?, ?)",
            (session, first, datetime(2026, 5, 4, 9, tzinfo=UTC), False, True),
        )
    window.undo_stack.undo()
    (told,) = dialogs.critical
    assert told == (
        f"manager {first} (Nadia Haddad) has check-ins made since the import; nothing undone"
    )
    count = "SELECT count(*) FROM manager WHERE id IN (?, ?)"
    assert _read(demo_file, count, first, second) == [(2,)]
    assert _read(demo_file, "SELECT count(*) FROM checkin WHERE manager_id = ?", first) == [(1,)]


def test_undoing_an_import_after_undoing_this_window_s_own_edit_of_it_goes_through(
    window: MainWindow, open_in: OpenIn, demo_file: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    from dataclasses import replace

    from booster_desktop.services.managers import manager_details
    from booster_desktop.ui.commands import EditRecord
    from booster_desktop.ui.entities import MANAGERS

    open_in(window, demo_file)
    document = window.document
    report = _import_two(document, tmp_path)
    first = report.manager_ids[0]
    old = manager_details(document.programme, first)  # type: ignore[arg-type]
    document.push(EditRecord(first, old, replace(old, city="Sfax"), document, MANAGERS))
    window.undo_stack.undo()  # the edit
    window.undo_stack.undo()  # the import
    window.undo_stack.redo()
    window.undo_stack.undo()  # again, the records as the redo put them back
    assert dialogs.critical == [] and dialogs.conflicts == []
    count = "SELECT count(*) FROM manager WHERE id IN (?, ?)"
    assert _read(demo_file, count, *report.manager_ids) == [(0,)]

"""The window's personal-data actions, driven as a person would: export one person's data,
erase a person (both confirmations), and the retention bar."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from booster_desktop.services.overview import programme_counts
from booster_desktop.services.programme import ServerAddress, open_programme
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.personal_data import EraseDialog
from tests.programme_db import connect
from tests.ui.conftest import Dialogs, EditorDriver

OpenIn = Callable[[MainWindow, Path], None]
AMINA = 1  # Amina Benali in the demo


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    asked: list[str] = []

    def save(_parent: Any, title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    return asked


def _warnings(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    seen: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        seen.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return seen


def _row(path: Path, sql: str) -> Any:
    with connect(path) as connection:
        return connection.execute(sql).fetchone()


def _select_amina(window: MainWindow) -> None:
    tab = window.show_tab("managers")
    tab.select_ids([AMINA])
    assert window._selected_manager_id() == AMINA


def test_export_this_person_s_data_from_the_edit_menu(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    assert not window.personal_data.export_action.isEnabled()  # nobody selected yet
    _select_amina(window)
    assert window.personal_data.export_action.isEnabled()
    target = tmp_path / "amina.json"
    _save_as(monkeypatch, target)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.personal_data.export_action in edit_menu.actions()
    assert window.personal_data.export_action in window.show_tab("managers").view.actions()
    window.personal_data.export_action.trigger()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["manager_id"] == AMINA
    assert document["tables"]["manager"][0]["given_name"] == "Amina"
    assert str(target) in window.statusBar().currentMessage()


def test_export_from_the_manager_editor(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    tmp_path: Path,
    editors: EditorDriver,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    target = tmp_path / "from-editor.json"
    _save_as(monkeypatch, target)

    def click_export(editor: Any) -> None:
        button = editor.findChild(QPushButton, "export_person")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    editors.will(click_export, save=False)
    window.edit_record(2)
    assert json.loads(target.read_text(encoding="utf-8"))["manager_id"] == 2


def _type_and_erase(qtbot: QtBot, name: str, *, delete_backups: bool = False) -> Callable[..., int]:
    """EraseDialog.exec, as a person: a wrong name keeps the button disabled; the right one
    enables it, and it is clicked."""

    def exec_(dialog: EraseDialog) -> int:
        dialog.show()
        assert not dialog.erase_button.isEnabled()
        qtbot.keyClicks(dialog.name, "Amina Benalli")
        assert not dialog.erase_button.isEnabled()
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, name)
        if delete_backups:
            dialog.delete.setChecked(True)
        assert dialog.erase_button.isEnabled()
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return exec_


def test_erase_asks_twice_then_erases_and_nothing_can_bring_the_data_back(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    qtbot: QtBot,
    editors: EditorDriver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    with open_programme(demo_file) as programme:
        before = programme_counts(programme)
    # An edit sits on the undo stack: after the erase, undoing it must not be possible.
    editors.will(lambda e: e.form.city.setText("Oran"))
    window.edit_record(AMINA)
    assert window.undo_stack.count() == 1
    _select_amina(window)
    asked = _warnings(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(EraseDialog, "exec", _type_and_erase(qtbot, "amina  benali"))
    window.personal_data.erase_action.trigger()
    assert len(asked) == 1 and "Amina Benali (1)" in asked[0]
    qtbot.waitUntil(lambda: window.personal_data.job is None, timeout=10000)
    assert "Erased manager 1" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0
    assert _row(demo_file, "SELECT given_name, family_name, email FROM manager WHERE id = 1") == (
        "Erased person",
        "1",
        None,
    )
    tab = window.show_tab("managers")
    shown = [r for r in tab.model.records() if r.id == AMINA]
    assert shown[0].given_name == "Erased person" and shown[0].email == ""
    with open_programme(demo_file) as programme:
        after = programme_counts(programme)
    assert after == before
    # A second erase of the same person is refused, saying so.
    _select_amina(window)
    dialogs_seen = _warnings(monkeypatch, QMessageBox.StandardButton.Yes)
    infos: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_: infos.append(text))
    )
    window.personal_data.erase_action.trigger()
    assert infos == ["Manager 1 is already erased."] and dialogs_seen == []


@pytest.mark.parametrize("where", ["first", "second"])
def test_saying_no_at_either_question_erases_nothing(
    where: str,
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    _select_amina(window)
    first = QMessageBox.StandardButton.No if where == "first" else QMessageBox.StandardButton.Yes
    _warnings(monkeypatch, first)
    shown: list[EraseDialog] = []

    def cancel(dialog: EraseDialog) -> int:
        shown.append(dialog)
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(EraseDialog, "exec", cancel)
    window.personal_data.erase_action.trigger()
    assert len(shown) == (0 if where == "first" else 1)
    assert window.personal_data.job is None
    assert _row(demo_file, "SELECT given_name, erased_at FROM manager WHERE id = 1") == (
        "Amina",
        None,
    )


def test_the_retention_bar_proposes_erasing_travel_data_when_due(
    make_window: Callable[[], MainWindow],
    open_in: OpenIn,
    demo_file: Path,
    qtbot: QtBot,
) -> None:
    window = make_window()
    open_in(window, demo_file)
    bar = window.personal_data.bar
    assert not bar.isVisible()  # the rule is off by default
    window.close()
    with connect(demo_file) as connection:
        connection.execute("UPDATE programme SET travel_data_retention_days = 30")
    window = make_window()
    open_in(window, demo_file)
    bar = window.personal_data.bar
    assert bar.isVisible() and "24 managers" in bar.text.text()
    assert "Amina Benali: PIE ended 2020-02-07" in bar.text.toolTip()
    with connect(demo_file) as connection:
        passports = [
            p for (p,) in connection.execute("SELECT passport_number FROM travel_document")
        ]
    for number in passports:  # names and tours, never a passport number
        assert number not in bar.text.text() and number not in bar.text.toolTip()
    qtbot.mouseClick(bar.later_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert _row(demo_file, "SELECT count(*) FROM travel_document") == (24,)
    window.close()
    window = make_window()
    open_in(window, demo_file)
    bar = window.personal_data.bar
    assert bar.isVisible()
    qtbot.mouseClick(bar.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10000)
    assert _row(demo_file, "SELECT count(*) FROM travel_document") == (0,)
    assert "travel data of 24 managers" in window.statusBar().currentMessage()


def test_a_passport_number_shows_in_no_tab_tooltip_title_or_status_and_finds_nothing(
    window: MainWindow, open_in: OpenIn, demo_file: Path, qtbot: QtBot
) -> None:
    planted = "QP7730941ZK"
    with connect(demo_file) as connection:
        connection.execute(
            "UPDATE travel_document SET passport_number = ? WHERE manager_id = 1", (planted,)
        )
    open_in(window, demo_file)
    _select_amina(window)
    seen = [window.windowTitle(), window.statusBar().currentMessage()]
    seen += [label.text() for label in (window.path_label, window.counts_label)]
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.StatusTipRole,
    )
    for key, tab in window.tabs.items():
        window.show_tab(key)
        qtbot.waitUntil(lambda t=tab: t.proxy.rowCount() > 0, timeout=10000)
        for row in range(tab.model.rowCount()):
            for col in range(tab.model.columnCount()):
                index = tab.model.index(row, col)
                seen += [str(index.data(role) or "") for role in roles]
        qtbot.keyClicks(tab.search, planted)
        assert tab.proxy.rowCount() == 0, key
        tab.search.clear()
    assert len(seen) > 1000
    assert not [text for text in seen if planted in text]


def test_the_erase_dialog_s_choice_deletes_the_kept_backups_that_hold_the_person(
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from booster_desktop.services.backups import backup_before, list_backups

    with open_programme(demo_file, writable=True) as programme:
        made = backup_before(programme, "import")
    assert made is not None
    open_in(window, demo_file)
    _select_amina(window)
    _warnings(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        EraseDialog, "exec", _type_and_erase(qtbot, "Amina Benali", delete_backups=True)
    )
    window.personal_data.erase_action.trigger()
    qtbot.waitUntil(lambda: window.personal_data.job is None, timeout=10000)
    # The backup made before the erase holds her, and on a file the day's first opening's
    # too (opening a programme on a server makes none: it would pull the whole programme).
    deleted = 2 if isinstance(demo_file, ServerAddress) else 3
    assert f"{deleted} kept backups deleted" in window.statusBar().currentMessage()
    assert not made.path.exists()
    assert list_backups(made.path.parent.name) == []


def test_the_nationality_is_hidden_with_the_travel_documents(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    seen: dict[str, bool] = {}

    def look(editor: Any) -> None:
        form = editor.form
        seen["hidden"] = form.nationality.isVisible()
        form.show_travel.setFocus()
        qtbot.keyClick(form.show_travel, Qt.Key.Key_Space)
        seen["shown"] = form.nationality.isVisible()
        seen["buttons"] = all(
            b.width() >= b.sizeHint().width() for b in editor.form.buttons.buttons()
        )

    editors.will(look, save=False)
    window.edit_record(AMINA)
    assert seen == {"hidden": False, "shown": True, "buttons": True}

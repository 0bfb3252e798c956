"""The history lists in the window: the whole programme's (Programme > History of changes),
filtered by text, table, action and date, and one record's (from the table's selection and
from its editor), driven as a person would."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from booster_desktop.ui.history_view import HistoryDialog
from booster_desktop.ui.main_window import MainWindow
from tests.ui.conftest import EditorDriver
from tests.ui.test_main_window import LINA_HADDAD, MAYA_KHALIL, OpenIn, retype

pytestmark = pytest.mark.timeout(60)


def _shown(dialog: HistoryDialog) -> list[tuple[str, ...]]:
    """The rows the list shows: every column's text."""
    proxy = dialog.proxy
    return [
        tuple(str(proxy.index(row, c).data()) for c in range(proxy.columnCount()))
        for row in range(proxy.rowCount())
    ]


def _opened(qtbot: QtBot, parent: object) -> HistoryDialog:
    """The history list just opened under `parent`, once its lines have arrived."""
    dialogs = [d for d in parent.findChildren(HistoryDialog) if d.isVisible()]  # type: ignore[attr-defined]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
    return dialog


def _edit_two_managers(window: MainWindow, editors: EditorDriver, qtbot: QtBot) -> None:
    """Lina's e-mail changed, then Maya's, then Maya's change undone."""
    editors.will(lambda e: retype(qtbot, e.form.email, "lina@amman.example"))
    window.edit_record(LINA_HADDAD)
    editors.will(lambda e: retype(qtbot, e.form.email, "maya@beirut.example"))
    window.edit_record(MAYA_KHALIL)
    window.undo_action.trigger()


def history_of_two_edits(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> HistoryDialog:
    """The demo open in `window`, two managers edited (`_edit_two_managers`), and the
    programme's history list opened from the menu, its lines arrived."""
    open_in(window, demo_file)
    _edit_two_managers(window, editors, qtbot)
    assert window.history_action.isEnabled()
    window.history_action.trigger()
    return _opened(qtbot, window)


def _choose(combo: object, value: str) -> None:
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_the_programme_history_filters_by_text_table_action_and_date(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> None:
    dialog = history_of_two_edits(window, open_in, demo_file, editors, qtbot)
    assert dialog.windowTitle() == "History of changes"
    rows = _shown(dialog)
    # Newest first: the undo, Maya's edit, Lina's edit; columns as headed.
    assert [(r[1], r[3], r[5], r[6], r[7]) for r in rows] == [
        ("undo", f"Manager {MAYA_KHALIL}", "E-mail", "maya@beirut.example", rows[0][7]),
        ("edit", f"Manager {MAYA_KHALIL}", "E-mail", rows[0][7], "maya@beirut.example"),
        ("edit", f"Manager {LINA_HADDAD}", "E-mail", rows[2][6], "lina@amman.example"),
    ]
    assert dialog.count.text() == "3 changes"

    qtbot.keyClicks(dialog.search, "AMMAN")
    assert [r[3] for r in _shown(dialog)] == [f"Manager {LINA_HADDAD}"]
    assert dialog.count.text() == "1 of 3 changes"
    dialog.search.clear()

    _choose(dialog.action, "undo")
    assert [r[1] for r in _shown(dialog)] == ["undo"]
    _choose(dialog.action, "")
    _choose(dialog.table, "manager")
    assert len(_shown(dialog)) == 3
    assert dialog.table.findData("topic") == -1  # only the tables the history names

    dialog.since_box.setChecked(True)
    tomorrow = date.today() + timedelta(days=1)
    dialog.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert _shown(dialog) == []
    assert dialog.count.text() == "0 of 3 changes"
    dialog.since.setDate(QDate.currentDate())
    assert len(_shown(dialog)) == 3

    # A change made while the list is open appears in it.
    editors.will(lambda e: retype(qtbot, e.form.email, "lina@irbid.example"))
    window.edit_record(LINA_HADDAD)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=10000)
    assert _shown(dialog)[0][7] == "lina@irbid.example"
    dialog.close()


def test_a_records_history_from_the_table_and_from_its_editor(
    window: MainWindow, open_in: OpenIn, demo_file: Path, editors: EditorDriver, qtbot: QtBot
) -> None:
    open_in(window, demo_file)
    _edit_two_managers(window, editors, qtbot)
    tab = window.show_tab("managers")
    tab.select_ids([LINA_HADDAD])
    assert window.record_history_action.isEnabled()
    assert window.record_history_action in tab.view.actions()  # the rows' context menu
    assert tab.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    window.record_history_action.trigger()
    dialog = _opened(qtbot, window)
    assert dialog.windowTitle().startswith("History of Lina ")
    assert [(r[1], r[3], r[7]) for r in _shown(dialog)] == [
        ("edit", f"Manager {LINA_HADDAD}", "lina@amman.example")
    ]
    dialog.close()

    seen: list[list[tuple[str, ...]]] = []

    def look(editor: object) -> None:
        (button,) = [
            b
            for b in editor.findChildren(QPushButton)  # type: ignore[attr-defined]
            if b.objectName() == "history"
        ]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        opened = _opened(qtbot, editor)
        seen.append(_shown(opened))
        assert opened.windowTitle() == "History of Maya Khalil"
        opened.close()

    editors.will(look, save=False)
    window.edit_record(MAYA_KHALIL)
    (maya,) = seen
    assert [(r[1], r[5]) for r in maya] == [("undo", "E-mail"), ("edit", "E-mail")]


def test_badge_tokens_are_shown_shortened_and_a_whole_token_still_finds_its_lines(
    window: MainWindow, open_in: OpenIn, demo_file: Path, qtbot: QtBot
) -> None:
    from booster_desktop.services import badges
    from booster_desktop.services.programme import open_programme
    from tests.programme_db import connect

    with connect(demo_file) as connection:
        (old,) = connection.execute(
            "SELECT token FROM badge_token WHERE manager_id = ?", (LINA_HADDAD,)
        ).fetchone()
    with open_programme(demo_file, writable=True) as programme:
        new = badges.reissue_token(programme, LINA_HADDAD)
    open_in(window, demo_file)
    window.history_action.trigger()
    dialog = _opened(qtbot, window)
    model = dialog.model
    texts = [
        str(model.index(row, column).data(role) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    shown = "\n".join(texts)
    assert new not in shown and old not in shown
    assert f"{new[:4]}…{new[-4:]}" in shown
    qtbot.keyClicks(dialog.search, new)  # pasted whole, as a scanner or an e-mail gives it
    assert dialog.proxy.rowCount() >= 1
    assert all("Badge token" in r[3] for r in _shown(dialog))
    dialog.close()


def test_records_and_fields_are_named_in_the_window_s_language_and_found_by_those_words(
    french: None,
    window: MainWindow,
    open_in: OpenIn,
    demo_file: Path,
    editors: EditorDriver,
    qtbot: QtBot,
) -> None:
    dialog = history_of_two_edits(window, open_in, demo_file, editors, qtbot)
    rows = _shown(dialog)
    assert {(r[3], r[5]) for r in rows} == {
        (f"Manager {MAYA_KHALIL}", "Courriel"),
        (f"Manager {LINA_HADDAD}", "Courriel"),
    }
    assert dialog.table.itemText(dialog.table.findData("manager")) == "Manager"
    qtbot.keyClicks(dialog.search, "courriel")
    assert dialog.proxy.rowCount() == 3
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "email")  # the column's name is not a word people read
    assert dialog.proxy.rowCount() == 0
    dialog.close()

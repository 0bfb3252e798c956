"""A save refused over someone else's change: the window shows who and when, the fields side
by side, and saves the user's choice through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from booster_desktop.services.managers import ManagerDetails, manager_details, save_manager
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.ui.conflict_dialog import ConflictDialog, Pick, field_choices
from booster_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Dialogs, EditorDriver
from tests.ui.test_main_window import LINA_HADDAD, retype

OpenIn = Callable[[MainWindow, Path], None]


@pytest.fixture
def managers(window: MainWindow, open_in: OpenIn, demo_file: Path) -> ProgrammeFile:
    """The demo open in `window` with its managers shown: the programme the editor saves to."""
    open_in(window, demo_file)
    window.show_tab("managers")
    assert window.programme is not None
    return window.programme


def meanwhile(
    programme: ProgrammeFile, qtbot: QtBot, theirs: dict[str, str], yours: dict[str, str]
) -> Callable[[Any], None]:
    """While Lina's editor is open: another coordinator saves `theirs` over her, then the user
    types `yours` into the editor (field name to text)."""

    def edit(editor: Any) -> None:
        now = manager_details(programme, LINA_HADDAD)
        save_manager(programme, replace(now, **theirs), LINA_HADDAD)
        for field, text in yours.items():
            retype(qtbot, getattr(editor.form, field), text)

    return edit


def cancelled(shown: list[ConflictDialog]) -> Callable[[ConflictDialog], int]:
    """A conflict dialog's `exec` that keeps the dialog in `shown` and cancels it."""

    def cancel(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.reject()
        return 0

    return cancel


def test_each_field_defaults_to_the_side_that_changed_it_and_both_changed_needs_a_choice() -> None:
    base = ManagerDetails(given_name="Lina", city="Amman", role="Manager", email="a@x.example")
    yours = replace(base, city="Irbid", email="b@x.example")
    theirs = replace(base, city="Zarqa", role="Director")
    choices = {c.name: c for c in field_choices(base, yours, theirs)}
    assert set(choices) == {"city", "email", "role"}  # unchanged fields are not asked
    assert choices["city"].pick is None  # both changed it: the user must choose
    assert choices["email"].pick is Pick.YOURS  # only you changed it
    assert choices["role"].pick is Pick.THEIRS  # only they changed it
    assert (choices["city"].yours, choices["city"].theirs) == ("Irbid", "Zarqa")


def test_a_refused_edit_offers_both_values_and_saves_the_choice_undoably(
    window: MainWindow,
    managers: ProgrammeFile,
    editors: EditorDriver,
    dialogs: Dialogs,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    programme = managers
    original = manager_details(programme, LINA_HADDAD)
    shown: list[ConflictDialog] = []
    someone_else_saves = meanwhile(
        programme,
        qtbot,
        theirs={"city": "Zarqa", "role": "Director of clusters"},
        yours={"city": "Irbid", "email": "lina.new@amman-creative.example"},
    )

    def choose(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.show()
        model = dialog.model
        rows = {c.name: row for row, c in enumerate(model.choices)}
        assert set(rows) == {"city", "email", "role"}
        assert not dialog.save_button.isEnabled()  # city: both changed it, nobody chose yet
        # The fields in the programme's words, never their column names.
        assert model.data(model.index(rows["city"], 0)) == "City *"
        assert model.data(model.index(rows["email"], 0)) == "E-mail"
        assert model.data(model.index(rows["city"], 1)) == "Irbid"
        assert model.data(model.index(rows["city"], 2)) == "Zarqa"
        index = model.index(rows["city"], 1)
        assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ConflictDialog, "exec", choose)
    editors.will(someone_else_saves)
    window.edit_record(LINA_HADDAD)

    assert len(shown) == 1
    assert "changed this manager" in shown[0].label.text()
    assert dialogs.critical == []
    saved = manager_details(programme, LINA_HADDAD)
    # Yours where chosen or only you changed it, theirs where only they did.
    assert (saved.city, saved.email, saved.role) == (
        "Irbid",
        "lina.new@amman-creative.example",
        "Director of clusters",
    )
    # The choice is one undoable step over their version: undo gives theirs back, redo mine.
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    theirs = manager_details(programme, LINA_HADDAD)
    assert (theirs.city, theirs.email, theirs.role) == (
        "Zarqa",
        original.email,
        "Director of clusters",
    )
    window.redo_action.trigger()
    assert manager_details(programme, LINA_HADDAD).city == "Irbid"
    assert dialogs.critical == []


def test_cancelling_the_choice_keeps_theirs(
    window: MainWindow,
    managers: ProgrammeFile,
    editors: EditorDriver,
    dialogs: Dialogs,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    programme = managers
    shown: list[ConflictDialog] = []
    monkeypatch.setattr(ConflictDialog, "exec", cancelled(shown))
    editors.will(meanwhile(programme, qtbot, theirs={"city": "Zarqa"}, yours={"city": "Irbid"}))
    window.edit_record(LINA_HADDAD)
    assert len(shown) == 1
    assert manager_details(programme, LINA_HADDAD).city == "Zarqa"
    assert window.undo_stack.count() == 0
    assert dialogs.critical == []


def test_undo_and_redo_of_an_edit_carry_their_own_versions(
    window: MainWindow,
    managers: ProgrammeFile,
    editors: EditorDriver,
    dialogs: Dialogs,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    programme = managers
    before = manager_details(programme, LINA_HADDAD)
    editors.will(lambda e: retype(qtbot, e.form.city, "Irbid"))
    window.edit_record(LINA_HADDAD)
    for _ in range(3):
        window.undo_action.trigger()
        assert manager_details(programme, LINA_HADDAD).city == before.city
        window.redo_action.trigger()
        assert manager_details(programme, LINA_HADDAD).city == "Irbid"
    assert dialogs.critical == []
    assert manager_details(programme, LINA_HADDAD).version == (before.version or 0) + 7
    # Someone else saves after my redo: my undo is refused, not written over theirs.
    now = manager_details(programme, LINA_HADDAD)
    save_manager(programme, replace(now, role="Head of cluster"), LINA_HADDAD)
    shown: list[ConflictDialog] = []
    monkeypatch.setattr(ConflictDialog, "exec", cancelled(shown))
    window.undo_action.trigger()
    assert len(shown) == 1
    after = manager_details(programme, LINA_HADDAD)
    assert (after.city, after.role) == ("Irbid", "Head of cluster")

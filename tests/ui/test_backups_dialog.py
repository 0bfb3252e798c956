"""File > Restore from backup…, File > Save an encrypted copy…, and opening an encrypted copy,
driven as a person would (the file dialogs answered, the rest clicked and typed)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from booster_desktop.services.backups import KeptBackup, list_backups
from booster_desktop.services.changes import report
from booster_desktop.services.encrypted_copies import decrypt_copy
from booster_desktop.ui.backups_dialog import COUNTED, PassphraseDialog, RestoreDialog
from booster_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Dialogs

# The file's own nature: restoring a programme file from its kept backups, encrypted copies of the file.
pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "a long enough passphrase"


def _uuid(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT uuid FROM programme").fetchone()[0])


def _title(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(connection.execute("SELECT title FROM programme").fetchone()[0])
    finally:
        connection.close()


def _type_passphrase(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, typed: list[tuple[str, str]]
) -> list[PassphraseDialog]:
    """Each passphrase dialog gets the next (first, again) typed, then OK clicked."""
    shown: list[PassphraseDialog] = []

    def exec_(dialog: PassphraseDialog) -> int:
        shown.append(dialog)
        first, again = typed.pop(0)
        qtbot.keyClicks(dialog.first, first)
        if dialog.confirm:
            qtbot.keyClicks(dialog.second, again)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        return int(dialog.result())

    monkeypatch.setattr(PassphraseDialog, "exec", exec_)
    return shown


def test_restore_from_backup_lists_them_and_restores_after_backing_up(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)  # the day's first opening: a backup, as the file was
    uuid = _uuid(demo_file)
    assert window.restore_action.isEnabled()
    programme = window.programme
    assert programme is not None
    with programme.writing() as connection:
        connection.exec_driver_sql("UPDATE programme SET title = 'Edited since'")
        report(connection, "programme", [1], ["title"])
    shown: list[RestoreDialog] = []

    def exec_(dialog: RestoreDialog) -> int:
        shown.append(dialog)
        model = dialog.model
        assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
            "when the file was opened"
        ]
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
            "Made",
            "Why",
            "Managers",
            "Tours",
            "Enrolments",
            "Check-ins",
        ]
        assert [model.index(0, c).data() for c in range(2, 6)] == ["24", "4", "48", "0"]
        assert dialog.restore_button.isEnabled()  # the newest is chosen already
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.restore_from_backup()
    assert shown and dialogs.questions and "is backed up first" in dialogs.questions[0]
    assert dialogs.critical == []
    # The window shows the restored programme, through its document, writable again.
    assert window.programme is not None and window.programme.writable
    assert window.programme.path == demo_file
    assert _title(demo_file) == "Cluster Booster: inspiration and learning tours"
    assert window.statusBar().currentMessage().startswith("Restored the backup made ")
    backups = list_backups(uuid)
    assert [b.why for b in backups] == ["restore", "open"]
    assert _title(backups[0].path) == "Edited since"


def test_the_restore_dialog_s_headings_and_values_fit_in_french_however_narrow(
    french: None, qtbot: QtBot, tmp_path: Path
) -> None:
    made = datetime(2026, 11, 30, 9, 41).astimezone()
    backups = [
        KeptBackup(tmp_path / f"{n}.booster", made, why, dict.fromkeys(COUNTED, 12_345))
        for n, why in enumerate(("open", "restore", "import") * 8)  # a scroll bar
    ]
    dialog = RestoreDialog(backups, tmp_path / "x.booster")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(dialog.minimumSizeHint())  # as narrow as it can be made
    qtbot.waitUntil(lambda: dialog.width() == dialog.minimumSizeHint().width())
    table, header = dialog.table, dialog.table.horizontalHeader()
    assert dialog.model.headerData(5, Qt.Orientation.Horizontal) == "Pointages"
    for column in range(dialog.model.columnCount()):
        needed = header.sectionSizeHint(column)
        if column != 1:  # the reason may be cut at its end, its tooltip gives the file
            needed = max(needed, table.sizeHintForColumn(column))
        assert header.sectionSize(column) >= needed, dialog.model.headerData(
            column, Qt.Orientation.Horizontal
        )
    assert header.length() <= table.viewport().width()


def test_restore_dialog_with_no_backups_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RestoreDialog([], tmp_path / "x.booster")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.restore_button.isEnabled()
    dialog.restore_selected()
    assert dialog.chosen is None and dialog.result() != QDialog.DialogCode.Accepted


def test_a_failed_restore_reopens_the_programme_as_it_was(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    notes = tmp_path / "notes.booster"
    notes.write_text("not a programme", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notes), ""))

    def exec_(dialog: RestoreDialog) -> int:
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    before = demo_file.read_bytes()
    with qtbot.waitSignal(window.programme_loaded, timeout=20000):
        window.restore_from_backup()
    assert len(dialogs.critical) == 1 and "is not a Booster programme file" in dialogs.critical[0]
    assert window.programme is not None and window.programme.path == demo_file
    window.close_file()
    assert demo_file.read_bytes() == before


def test_save_an_encrypted_copy_then_open_it(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = stick / "demo.booster.age"
    answers: list[str] = [str(copy)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (answers.pop(0), ""))
    # Too short first (the dialog says so and stays), then two that differ, then right.
    shown: list[PassphraseDialog] = []

    def exec_(dialog: PassphraseDialog) -> int:
        shown.append(dialog)
        for first, again in (("short", "short"), (PASSPHRASE, "different one")):
            dialog.first.clear()
            dialog.second.clear()
            qtbot.keyClicks(dialog.first, first)
            qtbot.keyClicks(dialog.second, again)
            dialog.check_and_accept()
            assert dialog.result() != QDialog.DialogCode.Accepted
            messages.append(dialog.error.text())
        dialog.second.clear()
        qtbot.keyClicks(dialog.second, PASSPHRASE)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        return int(dialog.result())

    messages: list[str] = []
    monkeypatch.setattr(PassphraseDialog, "exec", exec_)
    window.save_encrypted_copy()
    qtbot.waitUntil(lambda: "encrypted copy" in window.statusBar().currentMessage(), timeout=30000)
    assert messages == [
        "At least 8 characters: the copy may be lost with it.",
        "The two passphrases differ.",
    ]
    assert dialogs.critical == []
    assert copy.read_bytes().startswith(b"age-encryption.org/v1\n")
    # What was written opens with the passphrase typed.
    check = tmp_path / "check" / "check.booster"
    check.parent.mkdir()
    decrypt_copy(copy, check, PASSPHRASE)
    assert _title(check) == _title(demo_file)

    # File > Open… of the encrypted copy: the passphrase, then where to put the programme.
    _type_passphrase(monkeypatch, qtbot, [(PASSPHRASE, "")])
    beside = stick / "demo.booster"
    laptop = tmp_path / "laptop" / "demo.booster"
    laptop.parent.mkdir()
    answers[:] = [str(beside)]
    window.open_file(copy)  # beside the copy: refused, nothing written there
    qtbot.waitUntil(lambda: bool(dialogs.critical), timeout=30000)
    assert "beside the encrypted copy" in dialogs.critical[0] and not beside.exists()
    _type_passphrase(monkeypatch, qtbot, [(PASSPHRASE, "")])
    answers[:] = [str(laptop)]
    with qtbot.waitSignal(window.programme_loaded, timeout=30000):
        window.open_file(copy)
    assert window.programme is not None and window.programme.path == laptop
    assert sorted(p.name for p in stick.iterdir()) == ["demo.booster.age"]


def test_a_wrong_passphrase_is_a_clear_message(
    window: MainWindow,
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from booster_desktop.services.encrypted_copies import encrypt_copy

    copy = tmp_path / "copy.booster.age"
    encrypt_copy(demo_file, copy, PASSPHRASE)
    target = tmp_path / "out" / "x.booster"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _type_passphrase(monkeypatch, qtbot, [("not the passphrase", "")])
    window.open_file(copy)
    qtbot.waitUntil(lambda: bool(dialogs.critical), timeout=30000)
    assert "the passphrase is wrong" in dialogs.critical[0]
    assert not target.exists() and window.programme is None


def test_an_encrypted_copy_onto_the_programme_is_refused_before_the_passphrase_is_asked(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)
    before = demo_file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(demo_file), ""))
    asked: list[PassphraseDialog] = []
    monkeypatch.setattr(PassphraseDialog, "exec", lambda dialog: asked.append(dialog) or 0)
    window.save_encrypted_copy()
    assert asked == []
    assert len(dialogs.critical) == 1 and "is the programme file itself" in dialogs.critical[0]
    assert demo_file.read_bytes() == before


def test_a_programme_too_damaged_to_open_is_offered_its_backups(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # File > Restore from backup… needs an open programme: the refusal itself offers it.
    open_in(window, demo_file)  # the day's backup
    uuid = _uuid(demo_file)
    window.close_file()
    # Every page but the header and the programme's own row goes bad: SQLite cannot read the
    # schema, the row's bytes still say which programme it is.
    with sqlite3.connect(demo_file) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'programme'"
        ).fetchone()
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with demo_file.open("r+b") as stream:
        for page in range(2, demo_file.stat().st_size // size + 1):
            if page != root:
                stream.seek((page - 1) * size)
                stream.write(b"\xff" * size)
    answers: list[str] = []

    def critical(_parent: object, _title: str, text: str, *buttons: object) -> object:
        answers.append(text)
        # Only the refusal that offers the backups has Yes and No; it is answered Yes.
        return QMessageBox.StandardButton.Yes if buttons else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))

    def exec_(dialog: RestoreDialog) -> int:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    with qtbot.waitSignal(window.programme_loaded, timeout=30000):
        window.open_file(demo_file)
    assert answers and "is damaged" in answers[0] and "kept backups" in answers[0]
    assert dialogs.questions and "is backed up first" in dialogs.questions[-1]
    assert window.programme is not None and window.programme.path == demo_file
    assert _title(demo_file) == "Cluster Booster: inspiration and learning tours"
    newest = list_backups(uuid)[0]  # the damaged file itself, kept as it was, named so
    assert newest.why == "restore" and newest.damaged

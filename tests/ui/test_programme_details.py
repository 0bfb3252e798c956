"""Programme > Details…: the form fills from the file, checks what is typed, saves through
the undo stack, and the booklet prints what was saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.programme_details import ProgrammeDetailsDialog
from tests import programme_db


def _row(path: Path, sql: str) -> tuple[Any, ...]:
    with programme_db.connect(path) as connection:
        row = connection.execute(sql).fetchone()
    connection.close()
    return tuple(row)


def _png(tmp_path: Path) -> Path:
    image = QImage(60, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6fb2"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path = tmp_path / "logo.png"
    path.write_bytes(bytes(data.data()))
    return path


def _run_dialog(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, script: Callable[[ProgrammeDetailsDialog], None]
) -> list[ProgrammeDetailsDialog]:
    """Patch the dialog's exec: `script` fills it in, then Save is clicked."""
    seen: list[ProgrammeDetailsDialog] = []

    def exec_(self: ProgrammeDetailsDialog) -> int:
        qtbot.addWidget(self)
        seen.append(self)
        script(self)
        save = self.form.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return int(self.result())

    monkeypatch.setattr(ProgrammeDetailsDialog, "exec", exec_)
    return seen


@pytest.mark.sqlite_only
def test_details_are_saved_undone_and_redone(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    open_in(window, demo_file)
    logo = _png(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(logo), ""))
    )

    def fill(dialog: ProgrammeDetailsDialog) -> None:
        form = dialog.form
        assert form.coordinator_name.text() == "Leila Mansour"  # the demo's, read from the file
        assert len(form.key.text()) == 36
        assert form.tour.currentText() == "CAT"
        assert form.hotel_name.text() == "Hotel Gràcia Centre"
        qtbot.keyClicks(form.coordinator_name, " Haddad")
        form.title.setText("Booster 2026")
        form.emergency_phone.setText("+32 470 00 00 01")
        form.choose_logo.click()
        assert form.logo_preview.pixmap() is not None and not form.logo_preview.pixmap().isNull()
        form.tour.setCurrentIndex(form.tour.findData("PIE"))
        form.hotel_name.setText("Albergo Nuovo")
        form.tour.setCurrentIndex(form.tour.findData("CAT"))
        assert form.hotel_name.text() == "Hotel Gràcia Centre"  # each tour keeps its own

    seen = _run_dialog(monkeypatch, qtbot, fill)
    window.details_action.trigger()
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    sql = "SELECT coordinator_name, emergency_phone, length(logo) FROM programme"
    assert _row(demo_file, sql) == ("Leila Mansour Haddad", "+32 470 00 00 01", logo.stat().st_size)
    hotels = "SELECT group_concat(hotel_name, '|') FROM (SELECT hotel_name FROM tour ORDER BY code)"
    assert "Albergo Nuovo" in _row(demo_file, hotels)[0]
    assert window.undo_stack.undoText() == "Edit the programme's details"
    assert window.windowTitle().startswith("Booster 2026 — ")

    window.undo_stack.undo()
    assert _row(demo_file, sql) == ("Leila Mansour", "+32 470 55 01 99", None)
    assert window.windowTitle().startswith("Cluster Booster: inspiration")
    assert "Albergo Nuovo" not in _row(demo_file, hotels)[0]
    window.undo_stack.redo()
    assert _row(demo_file, sql)[0] == "Leila Mansour Haddad"


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_saved(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_in(window, demo_file)

    def fill(dialog: ProgrammeDetailsDialog) -> None:
        dialog.form.coordinator_email.setText("not an address")
        dialog.form.tour.setCurrentIndex(dialog.form.tour.findData("WAL"))
        dialog.form.contact_phone.setText("call me")
        dialog.form.tour.setCurrentIndex(dialog.form.tour.findData("CAT"))

    seen = _run_dialog(monkeypatch, qtbot, fill)
    window.details_action.trigger()
    form = seen[0].form
    assert seen[0].result() == QDialog.DialogCode.Rejected  # still open: Save refused
    assert "not an e-mail address" in form.coordinator_email_error.text()
    assert not form.coordinator_email_error.isHidden()
    # The tour with a problem is shown, the problem beside its field.
    assert form.tour.currentData() == "WAL"
    assert "not a phone number" in form.contact_phone_error.text()
    assert _row(demo_file, "SELECT coordinator_email FROM programme") == (
        "leila.mansour@cluster-booster.example",
    )
    assert window.undo_stack.count() == 0

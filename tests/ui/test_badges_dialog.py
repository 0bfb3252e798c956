"""Tour > Print badges…: who is listed, the preview, saving logs the print, a reprint is asked
about, a lost badge is revoked and reissued, the printer correction is remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from booster_desktop.services.programme import open_programme
from booster_desktop.ui.badges_dialog import MANAGER_ROLE, BadgesDialog
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db
from tests.exports.pdf_pages import needs_poppler
from tests.ui.conftest import Dialogs


def _log(path: Path) -> list[tuple[int, str]]:
    with programme_db.connect(path) as connection:
        return connection.execute(
            "SELECT manager_id, event FROM badge_print ORDER BY id"
        ).fetchall()


@pytest.fixture
def document(demo_file: Path) -> Any:
    """The window's owner of the open programme, on a copy of the demo, writable."""
    made = ProgrammeDocument()
    made.open(open_programme(demo_file, writable=True))
    yield made
    made.close()


@pytest.fixture
def dialog(qtbot: QtBot, document: ProgrammeDocument, tmp_path: Path, dialogs: Dialogs) -> Any:
    made = BadgesDialog(document, "CAT")
    qtbot.addWidget(made)
    yield made
    made.close()


def _wait_idle(qtbot: QtBot, dialog: BadgesDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30000)


def test_the_list_shows_the_tours_managers_and_the_preview_every_page(
    qtbot: QtBot, dialog: BadgesDialog
) -> None:
    assert dialog.people.rowCount() == 12
    assert "12 badges" in dialog.summary.text()
    dialog.include_staff.setChecked(True)
    assert dialog.people.rowCount() > 12
    assert any(
        "host contact" in dialog.people.item(r).text() for r in range(dialog.people.rowCount())
    )
    dialog.preview_button.click()
    _wait_idle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.pdf.pageCount() > 0, timeout=10000)
    assert dialog.pdf.pageCount() == 3  # 12 managers and the staff, 8 to a page
    assert dialog.pdf.pageCount() * 8 >= dialog.people.rowCount()


def test_saving_logs_the_print_and_a_reprint_is_asked_about(
    qtbot: QtBot,
    dialog: BadgesDialog,
    demo_file: Path,
    tmp_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "cat.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    # Leave two managers out: only the ticked ones are printed and logged.
    for row in (0, 1):
        dialog.people.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.save_button.click()
    _wait_idle(qtbot, dialog)
    assert len(_log(demo_file)) == 10
    assert len(PdfReader(target).pages) == 2
    assert dialogs.questions == []
    assert sum("printed" in dialog.people.item(r).text() for r in range(12)) == 10

    target.unlink()
    dialogs.answer = dialogs.answer.No
    dialog.save_button.click()
    assert dialogs.questions and "already printed on" in dialogs.questions[-1]
    assert dialogs.questions[-1].endswith("print again?")
    assert not target.exists() and len(_log(demo_file)) == 10

    dialog.unprinted_only.setChecked(True)
    assert dialog.people.rowCount() == 2
    dialogs.answer = dialogs.answer.Yes
    dialog.save_button.click()
    _wait_idle(qtbot, dialog)
    assert len(_log(demo_file)) == 12


def test_revoke_and_reissue_from_the_list(
    qtbot: QtBot, dialog: BadgesDialog, demo_file: Path, dialogs: Dialogs
) -> None:
    index = dialog.people.index(3, 0)
    manager_id = index.data(MANAGER_ROLE)
    dialog.people_view.setCurrentIndex(index)
    dialog.reissue_button.click()
    assert "Revoke the badge of" in dialogs.questions[-1]
    assert _log(demo_file) == [(manager_id, "reissued")]
    with programme_db.connect(demo_file) as connection:
        tokens = connection.execute(
            "SELECT revoked_at IS NOT NULL FROM badge_token WHERE manager_id = ?", (manager_id,)
        ).fetchall()
    assert sorted(tokens) == [(0,), (1,)]


def test_the_printer_correction_is_remembered_and_a_bad_one_refused(
    qtbot: QtBot, document: ProgrammeDocument, tmp_path: Path, dialogs: Dialogs
) -> None:
    first = BadgesDialog(document, "CAT")
    qtbot.addWidget(first)
    first.offset_x.setValue(1.5)
    first.offset_y.setValue(-0.5)
    first.scale.setValue(101.2)
    first.layout_choice.setCurrentIndex(first.layout_choice.findData("avery-5395"))
    first.calibration_button.click()
    assert first.pdf.pageCount() == 2
    first.offset_x.setValue(20)
    first.preview_button.click()
    _wait_idle(qtbot, first)
    assert dialogs.critical and "off the page" in dialogs.critical[-1]
    first.offset_x.setValue(1.5)
    first.preview_button.click()
    _wait_idle(qtbot, first)
    first.close()
    again = BadgesDialog(document, None)
    qtbot.addWidget(again)
    assert (again.offset_x.value(), again.offset_y.value(), again.scale.value()) == (
        1.5,
        -0.5,
        101.2,
    )
    assert again.layout_name() == "avery-5395"
    assert again.tour.currentData() == ""  # everyone
    assert not again.include_staff.isEnabled()
    again.close()


def test_the_window_opens_it_from_the_tour_menu(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[BadgesDialog] = []
    monkeypatch.setattr(BadgesDialog, "exec", lambda self: opened.append(self) or 0)
    assert not window.badges_action.isEnabled()
    open_in(window, demo_file)
    assert window.badges_action.isEnabled()
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert window.badges_action in menus["&Tour"].actions()
    window.badges_action.trigger()
    assert opened and opened[0].people.rowCount() > 0


@needs_poppler
def test_printing_puts_every_code_where_the_pdf_has_it(tmp_path: Path) -> None:
    """The window's print path, sent to a PDF printer: nothing is shrunk or moved."""
    from PySide6.QtPrintSupport import QPrinter

    from booster_desktop.exports.badge_layout import shipped_layouts
    from booster_desktop.exports.badges import write_badges
    from booster_desktop.ui.badges_dialog import actual_size_printer, paint_at_actual_size
    from tests.exports.pdf_pages import decode, render
    from tests.exports.test_badges import _badges

    source, printed = tmp_path / "badges.pdf", tmp_path / "printed.pdf"
    badges = [b for b in _badges() if b.token][:8]
    write_badges(badges, shipped_layouts()["avery-5395"], source)
    printer = actual_size_printer(source)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert paint_at_actual_size(source, printer)
    expected = {c.text: c for c in decode(render(source, 1, 300), 300, "qr")}
    found = {c.text: c for c in decode(render(printed, 1, 300), 300, "qr")}
    assert set(found) == set(expected) == {b.token for b in badges}
    for token, code in expected.items():
        assert found[token].x == pytest.approx(code.x, abs=0.3)
        assert found[token].y == pytest.approx(code.y, abs=0.3)


def test_nobody_ticked_prints_nobody(
    qtbot: QtBot, dialog: BadgesDialog, demo_file: Path, dialogs: Dialogs
) -> None:
    for row in range(dialog.people.rowCount()):
        dialog.people.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.save_button.click()
    dialog.preview_button.click()
    assert not dialog.busy()
    assert dialogs.critical[-1] == "nobody is ticked: tick the managers to print"
    assert _log(demo_file) == []

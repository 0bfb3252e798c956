"""Every window fits the screen's available area: a 900-pixel-high screen shows the preview's
buttons, and a size remembered on a larger screen is taken back to this one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from booster_desktop.ui import screen_fit
from booster_desktop.ui.pdf_preview import PdfPreview


def _area() -> tuple[int, int]:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    available = screen.availableGeometry()
    return available.width(), available.height()


def test_the_print_preview_is_never_taller_than_the_screen(
    qtbot: QtBot, demo_file: Path, tmp_path: Path
) -> None:
    from booster_desktop.services.agenda import export_agenda
    from booster_desktop.services.programme import open_programme

    target = tmp_path / "cat.pdf"
    with open_programme(demo_file) as programme:
        export_agenda(programme, target, tour="CAT")
    preview = PdfPreview(target)
    qtbot.addWidget(preview)
    width, height = _area()
    assert height < 1000  # the test screen is smaller than the page's wished height
    assert preview.height() <= height and preview.width() <= width
    preview.show()
    qtbot.waitExposed(preview)
    bottom = preview.print_button.mapTo(preview, preview.print_button.rect().bottomLeft()).y()
    assert bottom <= preview.height()  # the buttons are on the screen


def test_any_window_shown_larger_than_the_screen_is_taken_back_onto_it(qtbot: QtBot) -> None:
    application = QApplication.instance()
    assert application is not None
    fit = screen_fit.install(application)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.resize(3000, 2000)
        dialog.move(2500, 1500)
        dialog.show()
        qtbot.waitExposed(dialog)
        width, height = _area()
        assert dialog.width() <= width and dialog.height() <= height
        frame = dialog.frameGeometry()
        assert frame.right() <= width and frame.bottom() <= height
    finally:
        application.removeEventFilter(fit)

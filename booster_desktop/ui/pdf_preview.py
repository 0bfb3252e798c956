"""A PDF shown before printing (Qt's PDF viewer), and printed through QPrinter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.translation import tr


class PdfPreview(QDialog):
    """Pages of a PDF, scrollable, with Print and Close."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(tr("Preview · {name}").format(name=path.name))
        # A page's shape, but never taller than the screen (its buttons must show).
        fit_to_screen(self, 900, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = buttons.addButton(tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_document)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def pages(self) -> int:
        return int(self.document.pageCount())

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # 300 dpi is print quality for text; the printer's own 1,200 would make each page a
        # half-gigabyte image.
        printer.setResolution(300)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.critical(self, tr("Cannot print"), tr("The printer could not be started."))
            return
        try:
            for page in range(self.pages()):
                if page:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                # Fit the page into the printable area, keeping its shape (A4 on Letter too).
                size = self.document.pagePointSize(page).toSize()
                size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = self.document.render(page, size)
                painter.drawImage(area.topLeft(), image)
        finally:
            painter.end()

"""Tour > Print badges…: choose the layout and who, preview, then print or save.

The PDF is drawn on the thread pool with progress and Cancel (hundreds of badges take a few
seconds); printing goes through Qt at 100 % of the page (never "fit to page", which moves
labels), and only a finished print or save is written to the print log. A badge printed
before is asked about ("already printed on 12 May, print again?").
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QPainter, QStandardItem, QStandardItemModel
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.services import badges, choices
from booster_desktop.services.changes import Change
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.services.progress import Progress
from booster_desktop.ui.document import Job, ProgrammeDocument
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.translation import day_month, short_date, tr

EVERYONE = ""
MANAGER_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class BadgesDialog(QDialog):
    """Choose a layout and who, see the badges, print them or save the PDF."""

    def __init__(
        self,
        document: ProgrammeDocument,
        tour: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("badges_dialog")
        self.setWindowTitle(tr("Print badges"))
        fit_to_screen(self, 1100, 760)
        assert document.programme is not None
        self.programme_document = document
        self.programme: ProgrammeFile = document.programme
        self.found: badges.BadgeSet | None = None
        self.job: Job | None = None
        self._folder = Path(tempfile.mkdtemp(prefix="booster-badges-"))
        self._preview_path = self._folder / "preview.pdf"

        self.tour = QComboBox(self)
        self.tour.setObjectName("tour")
        self.tour.addItem(tr("Everyone (each manager's tours)"), EVERYONE)
        for _id, code, title in choices.tours(self.programme):
            self.tour.addItem(f"{code} · {title}", code)
        if tour is not None and self.tour.findData(tour) >= 0:
            self.tour.setCurrentIndex(self.tour.findData(tour))
        self.layout_choice = QComboBox(self)
        self.layout_choice.setObjectName("layout")
        for name, title in badges.layouts():
            self.layout_choice.addItem(_(title), name)  # the settings declare these titles
        chosen = self._setting("layout", badges.DEFAULT_LAYOUT)
        if self.layout_choice.findData(chosen) >= 0:
            self.layout_choice.setCurrentIndex(self.layout_choice.findData(chosen))
        self.confirmed_only = QCheckBox(tr("&Confirmed managers only"), self)
        self.unprinted_only = QCheckBox(tr("&Not yet printed only"), self)
        self.unprinted_only.setObjectName("unprinted_only")
        self.include_staff = QCheckBox(tr("Also &experts and host contacts"), self)
        self.back = QCheckBox(tr("Print the &backs (two-sided, flip on long edge)"), self)
        self.offset_x = self._millimetres("offset_x", -20, 20)
        self.offset_y = self._millimetres("offset_y", -20, 20)
        self.scale = QDoubleSpinBox(self)
        self.scale.setObjectName("scale")
        self.scale.setRange(90, 110)
        self.scale.setDecimals(1)
        self.scale.setSingleStep(0.1)
        self.scale.setSuffix(" %")
        self.scale.setValue(float(self._setting("scale", 100.0)))

        self.people = QStandardItemModel(self)
        self.people_view = QListView(self)
        self.people_view.setObjectName("people")
        self.people_view.setModel(self.people)
        self.people_view.setUniformItemSizes(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("&Tour:"), self.tour)
        form.addRow(tr("&Layout:"), self.layout_choice)
        form.addRow(self.confirmed_only)
        form.addRow(self.unprinted_only)
        form.addRow(self.include_staff)
        form.addRow(self.back)
        correction = QHBoxLayout()
        correction.addWidget(QLabel("x", self))
        correction.addWidget(self.offset_x)
        correction.addWidget(QLabel("y", self))
        correction.addWidget(self.offset_y)
        correction.addWidget(self.scale)
        form.addRow(tr("Printer correction:"), correction)

        self.calibration_button = QPushButton(tr("Calibration &page…"), self)
        self.reissue_button = QPushButton(tr("&Revoke and reissue…"), self)
        self.reissue_button.setToolTip(
            tr(
                "A lost badge: the selected manager's old code stops working and a new "
                "one is issued"
            )
        )
        self.preview_button = QPushButton(tr("Pre&view"), self)
        self.save_button = QPushButton(tr("&Save PDF…"), self)
        self.print_button = QPushButton(tr("&Print…"), self)
        self.print_button.setDefault(True)
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(tr("Who (untick to leave out):"), self))
        left.addWidget(self.people_view, 1)
        left.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.calibration_button)
        row.addWidget(self.reissue_button)
        left.addLayout(row)

        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("preview")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.view, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.bar, 1)
        progress_row.addWidget(self.cancel_button)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addLayout(progress_row)
        outer.addWidget(buttons)

        for box in (self.tour, self.layout_choice):
            box.currentIndexChanged.connect(self.refresh)
        for check in (self.confirmed_only, self.unprinted_only, self.include_staff):
            check.toggled.connect(self.refresh)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_badges)
        self.calibration_button.clicked.connect(self.calibration)
        self.reissue_button.clicked.connect(self.reissue)
        document.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        # A print logged, a token reissued, a manager or enrolment edited: who and what
        # "printed before" says may have changed.
        if change.touches(("badge_print", "badge_token", "manager", "enrolment", "tour")):
            # Someone else's change heard as the link drops: the list stays as it is.
            self.programme_document.follow(change, self.refresh)

    # -- settings ------------------------------------------------------------------------------

    def _setting(self, name: str, default: Any) -> Any:
        """This laptop's declared printer settings (Edit > Settings, `booster settings`)."""
        from booster_desktop.services import settings

        declared: dict[str, settings.Setting[Any]] = {
            "layout": settings.BADGE_LAYOUT,
            "offset_x": settings.PRINTER_OFFSET_X,
            "offset_y": settings.PRINTER_OFFSET_Y,
            "scale": settings.PRINTER_SCALE,
        }
        return settings.laptop_value(declared[name]) if name in declared else default

    def _remember(self) -> None:
        """What was printed with becomes this laptop's setting, for the window and the command."""
        from booster_desktop.domain.errors import BoosterError
        from booster_desktop.services import settings

        # A value the settings refuse is simply not remembered; the print went out already.
        with contextlib.suppress(BoosterError):
            settings.save_laptop_settings(
                {
                    settings.BADGE_LAYOUT.name: self.layout_name(),
                    settings.PRINTER_OFFSET_X.name: self.offset_x.value(),
                    settings.PRINTER_OFFSET_Y.name: self.offset_y.value(),
                    settings.PRINTER_SCALE.name: self.scale.value(),
                }
            )

    def _millimetres(self, name: str, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.1)
        spin.setSuffix(" mm")
        spin.setValue(float(self._setting(name, 0.0)))
        return spin

    # -- what to print -------------------------------------------------------------------------

    def layout_name(self) -> str:
        return str(self.layout_choice.currentData())

    def correction(self) -> badges.PrinterCorrection:
        return badges.PrinterCorrection(
            self.offset_x.value(), self.offset_y.value(), self.scale.value()
        )

    def _base_request(self) -> badges.BadgeRequest:
        code = str(self.tour.currentData() or "") or None
        return badges.BadgeRequest(
            tour=code,
            confirmed_only=self.confirmed_only.isChecked(),
            include_staff=self.include_staff.isChecked() and code is not None,
            only_unprinted=self.unprinted_only.isChecked(),
        )

    def request(self) -> badges.BadgeRequest:
        """The request for the ticked people (every manager ticked: the whole selection)."""
        base = self._base_request()
        ticked, everyone = [], True
        for row in range(self.people.rowCount()):
            item = self.people.item(row)
            manager_id = item.data(MANAGER_ROLE)
            if manager_id is None:
                continue
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(int(manager_id))
            else:
                everyone = False
        if everyone:
            return base
        if not ticked:
            raise BoosterError(tr("nobody is ticked: tick the managers to print"))
        return badges.BadgeRequest(
            tour=base.tour,
            managers=tuple(dict.fromkeys(ticked)),
            confirmed_only=base.confirmed_only,
            include_staff=base.include_staff,
            only_unprinted=base.only_unprinted,
        )

    def refresh(self) -> None:
        """Fill the list of who would be printed, with when each was printed before."""
        self.include_staff.setEnabled(bool(self.tour.currentData()))
        try:
            # Read before clearing: a read the server could not answer leaves the list shown.
            found = badges.gather_badges(self.programme, self._base_request())
        except BoosterError as error:
            self.people.clear()
            self.found = None
            self.summary.setText(str(error))
            self._enable(False)
            return
        self.people.clear()
        self.found = found
        printed = {(p.manager_id, p.tour_code): p for p in found.printed_before}
        for badge in found.badges:
            text = badge.name
            if badge.tour_code and not self.tour.currentData():
                text += f" · {badge.tour_code}"
            item = QStandardItem(text)
            item.setEditable(False)
            if badge.manager_id is None:
                item.setText(f"{text} ({badge.role.replace('_', ' ')})")
            else:
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Checked)
                item.setData(badge.manager_id, MANAGER_ROLE)
                before = printed.get((badge.manager_id, badge.tour_code))
                if before is not None:
                    item.setText(
                        tr("{text} — printed {at}").format(text=text, at=short_date(before.at))
                    )
            self.people.appendRow(item)
        staff = sum(1 for b in found.badges if b.manager_id is None)
        self.summary.setText(
            tr("{count} badges").format(count=len(found.badges))
            + (tr(" ({staff} staff)").format(staff=staff) if staff else "")
            + (tr(", {count} printed before").format(count=len(printed)) if printed else "")
        )
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(on and self.job is None)

    # -- work on the pool ----------------------------------------------------------------------

    def _run(self, work: Any, done: Any) -> None:
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.job = self.programme_document.run(work, self._advance, self.cancel_button.clicked)
        self.job.done.connect(lambda result: self._finished(done, result))
        self.job.failed.connect(self._failed)
        self._enable(False)

    def _advance(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.bar.setFormat(tr("{what}… %v of %m").format(what=what))

    def _idle(self) -> None:
        self.job = None
        self.bar.hide()
        self.cancel_button.hide()
        self._enable(self.found is not None)

    def _finished(self, done: Any, result: Any) -> None:
        self._idle()
        done(result)

    def _failed(self, message: str) -> None:
        self._idle()
        self.summary.setText(message)
        if not message.startswith("cancelled"):
            QMessageBox.critical(self, tr("Badges not made"), message)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def busy(self) -> bool:
        return self.job is not None

    def _reprint_confirmed(self, request: badges.BadgeRequest) -> bool | None:
        """None when the user declines; else whether badges printed before are included."""
        try:
            found = badges.gather_badges(self.programme, request)
        except BoosterError as error:
            QMessageBox.critical(self, tr("Nothing to print"), str(error))
            return None
        if not found.printed_before:
            return False
        first = found.printed_before[0]
        others = len(found.printed_before) - 1
        who = first.name + (tr(" and {others} others").format(others=others) if others else "")
        answer = QMessageBox.question(
            self,
            tr("Printed before"),
            tr("{who} already printed on {at}, print again?").format(
                who=who, at=day_month(first.at)
            ),
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    # -- actions -------------------------------------------------------------------------------

    def _draw(self, target: Path, record: bool, reprint: bool) -> Any:
        request, layout, correction = self.request(), self.layout_name(), self.correction()
        back = self.back.isChecked()

        def work(progress: Progress) -> badges.BadgeExport:
            return badges.export_badges(
                self.programme,
                target,
                request,
                layout=layout,
                correction=correction,
                back=back,
                reprint=reprint,
                record=record,
                progress=progress,
            )

        return work

    def _ticked(self) -> bool:
        """Whether anyone is ticked (else says so)."""
        try:
            self.request()
        except BoosterError as error:
            QMessageBox.critical(self, tr("Nothing to print"), str(error))
            return False
        return True

    def preview(self) -> None:
        self._remember()
        if not self._ticked():
            return
        self.pdf.close()
        self._run(self._draw(self._preview_path, False, True), self._show_preview)

    def _show_preview(self, result: badges.BadgeExport) -> None:
        self.pdf.load(str(self._preview_path))
        self.summary.setText(
            tr("{badges} badges on {pages} pages").format(badges=result.badges, pages=result.pages)
        )

    def save(self) -> None:
        self._remember()
        if not self._ticked():
            return
        reprint = self._reprint_confirmed(self.request())
        if reprint is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Save badges"), str(Path.home() / "badges.pdf"), tr("PDF (*.pdf)")
        )
        if not name:
            return
        target = Path(name)
        self._run(self._draw(target, True, reprint), lambda result: self._saved(target, result))

    def _saved(self, target: Path, result: badges.BadgeExport) -> None:
        self.summary.setText(
            tr("Saved {name}: {badges} badges on {pages} pages").format(
                name=target.name, badges=result.badges, pages=result.pages
            )
        )

    def print_badges(self) -> None:
        self._remember()
        if not self._ticked():
            return
        reprint = self._reprint_confirmed(self.request())
        if reprint is None:
            return
        request, layout = self.request(), self.layout_name()
        target = self._folder / "print.pdf"
        self._run(
            self._draw(target, False, True),
            lambda _result: self._send_to_printer(target, request, layout),
        )

    def _send_to_printer(self, path: Path, request: badges.BadgeRequest, layout: str) -> None:
        if not print_at_actual_size(path, self):
            return
        try:
            badges.log_printed(
                self.programme, badges.gather_badges(self.programme, request), layout
            )
        except BoosterError as error:
            QMessageBox.critical(self, tr("Print log not kept"), str(error))

    def calibration(self) -> None:
        self._remember()
        target = self._folder / "calibration.pdf"
        try:
            badges.export_calibration(target, self.layout_name(), self.correction())
        except BoosterError as error:
            QMessageBox.critical(self, tr("No calibration page"), str(error))
            return
        self.pdf.close()
        self.pdf.load(str(target))
        self.summary.setText(
            tr(
                "Calibration page: print it at 100 %, hold it over a label sheet "
                "against the light, and type what you measure into the printer "
                "correction."
            )
        )

    def reissue(self) -> None:
        index = self.people_view.currentIndex()
        manager_id = index.data(MANAGER_ROLE) if index.isValid() else None
        if manager_id is None:
            QMessageBox.critical(
                self, tr("Revoke and reissue"), tr("Select a manager in the list first.")
            )
            return
        answer = QMessageBox.question(
            self,
            tr("Revoke and reissue"),
            tr(
                "Revoke the badge of {index}? Their old badge will be refused at "
                "check-in and a new code issued; print their new badge next."
            ).format(index=index.data()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            badges.reissue_token(self.programme, int(manager_id))
        except BoosterError as error:
            QMessageBox.critical(self, tr("Revoke and reissue"), str(error))

    def done(self, result: int) -> None:
        self.cancel()
        self.pdf.close()
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self.programme_document.changed.disconnect(self._on_changed)
        super().done(result)


def actual_size_printer(path: Path) -> Any:
    """A printer set up for the PDF at `path`: 300 dpi, its page size, the whole sheet."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    document = QPdfDocument()
    document.load(str(path))
    first = document.pagePointSize(0)
    document.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(300)
    printer.setFullPage(True)
    size = QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point, "Badges")
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    return printer


def paint_at_actual_size(path: Path, printer: Any) -> bool:
    """Draw every page of the PDF on `printer` from the paper's corner at its own size: 1 mm on
    the page is 1 mm on paper (never fitted into the printable area). Whether it printed."""
    document = QPdfDocument()
    document.load(str(path))
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return False
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            painter.drawImage(0, 0, document.render(page, pixels))
    finally:
        painter.end()
        document.close()
    return True


def print_at_actual_size(path: Path, parent: QWidget) -> bool:
    """Ask for a printer and print the PDF at 100 %; whether it was sent."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = actual_size_printer(path)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    if not paint_at_actual_size(path, printer):
        QMessageBox.critical(parent, tr("Cannot print"), tr("The printer could not be started."))
        return False
    return True

"""Tour > Export roster…, Sign-in sheets… and Certificates…: the printed materials of a tour.

Each asks what it needs with the standard dialogs (which tour; whether to include sensitive
data, asked every time; the file, named after the tour), then writes off the UI thread with
a progress dialog (the roster's Cancel stops the work before anything is written).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services import choices
from booster_desktop.services.progress import Progress
from booster_desktop.ui.document import Job, ProgrammeDocument
from booster_desktop.ui.translation import QT_TR_NOOP, tr

WHOLE_PROGRAMME = QT_TR_NOOP("The whole programme (every tour)")
SENSITIVE_QUESTION = QT_TR_NOOP(
    "Include passport numbers and expiry dates, dates of birth and "
    "nationalities?\n\nThey go on a sheet of their own (Sensitive). Share "
    "such a workbook only with whoever books travel or visas, and delete "
    "it when done."
)


class BelowMinimumDialog(QDialog):
    """Managers below the attendance minimum, to tick those who get a certificate anyway."""

    def __init__(self, minimum: int, below: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Below the attendance minimum"))
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "{count} managers attended less than {minimum}% of the tour's training "
                "sessions and visits, and get no certificate. Tick any who should get "
                "one anyway."
            ).format(count=len(below), minimum=minimum)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.people = QListWidget(self)
        self.people.setObjectName("below_list")
        for person in below:
            item = QListWidgetItem(
                tr(
                    "{name} (ID {manager_id}): {attended} of {total} sessions, {percentage}%"
                ).format(
                    name=person.name,
                    manager_id=person.manager_id,
                    attended=person.attended,
                    total=person.total,
                    percentage=person.percentage,
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, person.manager_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        layout.addWidget(self.people)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def granted(self) -> tuple[int, ...]:
        items = (self.people.item(row) for row in range(self.people.count()))
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )


class TourExports(QObject):
    """The Tour menu's exports, for the window that owns the open programme."""

    finished = Signal(str)  # what was written, for the status bar
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        document: ProgrammeDocument,
        selected_tour: Callable[[], str | None],
        folder: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._document = document
        self._selected_tour = selected_tour
        self._folder = folder
        self._job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.roster_action = self._action(tr("Export &roster…"), self.export_roster, "roster")
        self.signin_action = self._action(tr("&Sign-in sheets…"), self.export_signin, "signin")
        self.certificates_action = self._action(
            tr("&Certificates…"), self.export_certificates, "certificates"
        )

    def _action(self, text: str, slot: Callable[[], None], name: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.roster_action, self.signin_action, self.certificates_action]

    def set_enabled(self, has_file: bool, writable: bool) -> None:
        self.roster_action.setEnabled(has_file)
        self.signin_action.setEnabled(has_file)
        # Certificate numbers are kept in the file: it must be open for writing.
        self.certificates_action.setEnabled(writable)

    # -- asking -------------------------------------------------------------------------------

    def _choose_tour(self, title: str, *, whole: bool) -> str | None:
        """A tour code (None: cancelled), or "" for the whole programme when offered."""
        programme = self._document.programme
        if programme is None:
            return None
        tours = choices.tours(programme)
        if not tours:
            QMessageBox.information(self._window, title, tr("The programme has no tours yet."))
            return None
        labels = [f"{code} · {name}" for _id, code, name in tours]
        if whole:
            labels.insert(0, tr(WHOLE_PROGRAMME))
        selected = self._selected_tour()
        current = next(
            (n for n, label in enumerate(labels) if selected and label.startswith(f"{selected} ")),
            0,
        )
        chosen, ok = QInputDialog.getItem(self._window, title, tr("Tour:"), labels, current, False)
        if not ok:
            return None
        return "" if chosen == tr(WHOLE_PROGRAMME) else chosen.split(" · ")[0]

    def _target(self, title: str, name: str, filters: str) -> Path | None:
        chosen, selected = QFileDialog.getSaveFileName(
            self._window, title, str(Path(self._folder()) / name), filters
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            found = re.search(r"\*(\.\w+)", selected or filters)
            path = path.with_suffix(found.group(1) if found else ".pdf")
        return path

    # -- the three exports --------------------------------------------------------------------

    def export_roster(self) -> None:
        from booster_desktop.services.rosters import export_roster, proposed_file_name

        programme = self._document.programme
        code = self._choose_tour(tr("Export roster"), whole=True)
        if programme is None or code is None:
            return
        answer = QMessageBox.question(
            self._window,
            tr("Sensitive data"),
            tr(SENSITIVE_QUESTION),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        sensitive = answer == QMessageBox.StandardButton.Yes
        name = proposed_file_name(programme, code or None, tr("Roster"))
        target = self._target(
            tr("Export roster"),
            f"{name}.xlsx",
            tr("Excel workbook (*.xlsx);;Participant list as CSV (*.csv)"),
        )
        if target is None:
            return
        self._run(
            tr("Writing the roster…"),
            lambda progress: export_roster(
                programme,
                target,
                tour=code or None,
                include_sensitive=sensitive,
                progress=progress,
            ),
            lambda roster: tr("Roster written to {target} ({count} managers)").format(
                target=target, count=len(roster.people)
            ),
        )

    def export_signin(self) -> None:
        from booster_desktop.services.rosters import proposed_file_name
        from booster_desktop.services.signin import export_signin

        programme = self._document.programme
        code = self._choose_tour(tr("Sign-in sheets"), whole=False)
        if programme is None or not code:
            return
        name = proposed_file_name(programme, code, tr("Sign-in sheets"))
        target = self._target(tr("Sign-in sheets"), f"{name}.pdf", tr("PDF (*.pdf)"))
        if target is None:
            return
        self._run(
            tr("Laying out the sign-in sheets…"),
            lambda progress: export_signin(programme, target, tour=code),
            lambda sheets: tr("Sign-in sheets written to {target} ({count} sessions)").format(
                target=target, count=len(sheets.sessions)
            ),
        )

    def export_certificates(self) -> None:
        from booster_desktop.services.certificates import attendance_below, export_certificates
        from booster_desktop.services.rosters import proposed_file_name

        programme = self._document.programme
        code = self._choose_tour(tr("Certificates"), whole=False)
        if programme is None or not code:
            return
        try:
            minimum, below = attendance_below(programme, code)
        except BoosterError as error:
            QMessageBox.warning(self._window, tr("Certificates"), str(error))
            return
        granted: tuple[int, ...] = ()
        if below:
            dialog = BelowMinimumDialog(minimum, below, self._window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            granted = dialog.granted()
        name = proposed_file_name(programme, code, tr("Certificates"))
        target = self._target(tr("Certificates"), f"{name}.pdf", tr("PDF (*.pdf)"))
        if target is None:
            return
        self._run(
            tr("Making the certificates…"),
            lambda progress: export_certificates(programme, target, tour=code, granted=granted),
            lambda run: tr("{count} certificates written to {target}").format(
                count=len(run.certificates), target=target
            ),
        )

    # -- off the UI thread --------------------------------------------------------------------

    def _run(
        self,
        label: str,
        work: Callable[[Progress], Any],
        said: Callable[[Any], str],
    ) -> None:
        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, self._window)
        dialog.setObjectName("export_progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        self.progress_dialog = dialog

        def advance(done: int, total: int, what: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"{what}…")

        def done(result: Any) -> None:
            self._finish()
            self.finished.emit(said(result))

        def failed(message: str) -> None:
            self._finish()
            self.failed.emit(message)
            QMessageBox.critical(self._window, tr("Nothing was written"), message)

        self._job = self._document.run(work, advance, dialog.canceled)
        self._job.done.connect(done)
        self._job.failed.connect(failed)

    def _finish(self) -> None:
        self._job = None
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

"""The window's side of personal data: export one person's data, erase a person (asked
twice), and the bar that proposes erasing travel data past the programme's retention rule.

The work is the services' (services.personal_data); an erase runs off the UI thread, and
clears the undo stack: an undo must never write an erased person's data back.
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
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.personal_data import (
    BackupChoice,
    Erased,
    TravelDataDue,
    erase_person,
    erase_travel_data,
    export_person,
    is_erased,
    person_label,
    travel_data_due,
)
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.translation import QT_TR_NOOP, tr

# The window's title for every question and message of this module.
ERASE_TITLE = QT_TR_NOOP("Erase this person")


def _typed_name(label: str) -> str:
    """The name the coordinator types to confirm: the label without the id."""
    return re.sub(r"\s*\(\d+\)$", "", label)


class EraseDialog(QDialog):
    """The second confirmation: type the person's name, and choose what becomes of the kept
    backups that hold them."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erase_dialog")
        self.setWindowTitle(tr(ERASE_TITLE))
        self.expected = _typed_name(label)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "<b>Erase {label}?</b><br><br>Their names, e-mail, phone, "
                "organisation, needs, notes and travel document are erased from this "
                "programme, its history and its kept backups. An anonymous record "
                "stays (country, status, topics, enrolments, check-ins), so counts "
                "stay right.<br><b>This cannot be undone.</b>"
            ).format(label=label),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(tr("Kept backups that hold this person:"), self))
        self.scrub = QRadioButton(tr("Erase the person in them too (the backups stay)"), self)
        self.scrub.setObjectName("scrub_backups")
        self.scrub.setChecked(True)
        self.delete = QRadioButton(tr("Delete those backups"), self)
        self.delete.setObjectName("delete_backups")
        layout.addWidget(self.scrub)
        layout.addWidget(self.delete)
        prompt = QLabel(
            tr("To confirm, type the person's name: <b>{expected}</b>").format(
                expected=self.expected
            ),
            self,
        )
        prompt.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(prompt)
        self.name = QLineEdit(self)
        self.name.setObjectName("erase_name")
        layout.addWidget(self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = self.buttons.addButton(
            tr("&Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("erase_button")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check_name)
        self.name.setFocus()
        self.resize(520, self.sizeHint().height())

    def _check_name(self, text: str) -> None:
        self.erase_button.setEnabled(" ".join(text.split()).casefold() == self.expected.casefold())

    @property
    def backups(self) -> BackupChoice:
        return BackupChoice.DELETE if self.delete.isChecked() else BackupChoice.SCRUB


class RetentionBar(QFrame):
    """A bar above the tables: travel data is due for erasure (non-modal; "Later" hides it)."""

    erase_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#retention_bar { background: #fff4ce; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(self)
        self.text.setObjectName("retention_text")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.erase_button = QPushButton(tr("Erase travel data now"), self)
        self.erase_button.setObjectName("retention_erase")
        self.erase_button.clicked.connect(self.erase_requested)
        self.later_button = QPushButton(tr("Later"), self)
        self.later_button.setObjectName("retention_later")
        self.later_button.clicked.connect(self.hide)
        layout.addWidget(self.erase_button)
        layout.addWidget(self.later_button)
        self.due: list[TravelDataDue] = []
        self.hide()

    def show_due(self, due: list[TravelDataDue]) -> None:
        self.due = due
        if not due:
            self.hide()
            return
        names = ", ".join(d.name for d in due[:5]) + (
            tr(" and {value} more").format(value=len(due) - 5) if len(due) > 5 else ""
        )
        self.text.setText(
            f"The travel data (passport, nationality, date of birth) of {len(due)} "
            f"manager{'s' if len(due) != 1 else ''} is due for erasure under the programme's "
            f"retention rule: {names}."
        )
        self.text.setToolTip(
            "\n".join(f"{d.name}: {d.last_tour} ended {d.ended:%Y-%m-%d}" for d in due[:40])
        )
        self.show()


class PersonalData(QObject):
    """Export this person's data…, Erase this person…, and the retention bar, for a window."""

    finished = Signal(str)  # what was done, for the status bar
    failed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        document: ProgrammeDocument,
        selected_manager: Callable[[], int | None],
        folder: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self._selected = selected_manager
        self._folder = folder
        self.export_action = QAction(tr("E&xport this person's data…"), window)
        self.export_action.setObjectName("export_person")
        self.export_action.triggered.connect(lambda: self.export())
        self.erase_action = QAction(tr("Erase this &person…"), window)
        self.erase_action.setObjectName("erase_person")
        self.erase_action.triggered.connect(lambda: self.erase())
        self.bar = RetentionBar(window)
        self.bar.erase_requested.connect(self.erase_due_travel_data)
        self.job: Any = None

    def actions(self) -> list[QAction]:
        return [self.export_action, self.erase_action]

    def set_enabled(self, readable: bool, writable: bool) -> None:
        """`readable`: a manager is selected; `writable`: and the file can be written."""
        self.export_action.setEnabled(readable)
        self.erase_action.setEnabled(writable and self.job is None)

    # -- export ---------------------------------------------------------------------------------

    def export(self, manager_id: int | None = None, parent: QWidget | None = None) -> None:
        programme = self.document.programme
        manager_id = manager_id if manager_id is not None else self._selected()
        if programme is None or manager_id is None:
            return
        parent = parent or self.window
        suggested = Path(self._folder()) / f"manager {manager_id} personal data.json"
        name, _ = QFileDialog.getSaveFileName(
            parent,
            tr("Export this person's data"),
            str(suggested),
            tr("JSON (*.json);;All files (*)"),
        )
        if not name:
            return
        try:
            written = export_person(programme, manager_id, Path(name))
        except BoosterError as error:
            QMessageBox.critical(parent, tr("Cannot export the person's data"), str(error))
            return
        self.finished.emit(written.message)

    # -- erase ----------------------------------------------------------------------------------

    def erase(self, manager_id: int | None = None) -> None:
        """Ask twice (a confirmation, then the typed name), then erase off the UI thread."""
        programme = self.document.programme
        manager_id = manager_id if manager_id is not None else self._selected()
        if programme is None or manager_id is None or not programme.writable:
            return
        try:
            if is_erased(programme, manager_id):
                QMessageBox.information(
                    self.window,
                    tr(ERASE_TITLE),
                    tr("Manager {manager_id} is already erased.").format(manager_id=manager_id),
                )
                return
            label = person_label(programme, manager_id)
        except BoosterError as error:
            QMessageBox.critical(self.window, tr(ERASE_TITLE), str(error))
            return
        answer = QMessageBox.warning(
            self.window,
            tr(ERASE_TITLE),
            tr(
                "Erase {label} from this programme and its backups, for good?\n\nUse "
                "this when the person asks for their data to be erased. It cannot be "
                "undone."
            ).format(label=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        dialog = EraseDialog(label, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        backups = dialog.backups
        self.erase_action.setEnabled(False)
        self.job = self.document.run(
            lambda progress: erase_person(programme, manager_id, backups=backups, progress=progress)
        )
        self.job.done.connect(self._erased)
        self.job.failed.connect(self._erase_failed)

    def _erased(self, erased: Erased) -> None:
        self.job = None
        # An undo must never write the erased data back.
        self.document.undo_stack.clear()
        self.erase_action.setEnabled(self.document.writable)
        self.finished.emit(erased.message)
        if erased.backup_problems:
            QMessageBox.warning(self.window, tr(ERASE_TITLE), "\n".join(erased.backup_problems))

    def _erase_failed(self, message: str) -> None:
        self.job = None
        self.erase_action.setEnabled(self.document.writable)
        self.failed.emit(message)
        QMessageBox.critical(self.window, tr("The person was not erased"), message)

    # -- retention ------------------------------------------------------------------------------

    def check_retention(self) -> None:
        """After opening: show the bar when travel data is due under the programme's rule."""
        programme = self.document.programme
        if programme is None or not programme.writable:
            self.bar.show_due([])
            return
        try:
            self.bar.show_due(travel_data_due(programme))
        except BoosterError:
            self.bar.show_due([])  # a proposal only: never stands in the way of opening

    def erase_due_travel_data(self) -> None:
        programme = self.document.programme
        due = self.bar.due
        if programme is None or not due:
            return
        ids = [d.manager_id for d in due]
        versions = {d.manager_id: d.version for d in due}  # as listed: changed since, refused
        self.bar.erase_button.setEnabled(False)
        job = self.document.run(lambda _progress: erase_travel_data(programme, ids, versions))
        job.done.connect(self._travel_data_erased)
        job.failed.connect(self._travel_data_failed)

    def _travel_data_erased(self, count: int) -> None:
        self.document.undo_stack.clear()  # an undo must not bring the travel data back
        self.bar.erase_button.setEnabled(True)
        self.bar.show_due([])
        self.finished.emit(tr("Erased the travel data of {count} managers").format(count=count))

    def _travel_data_failed(self, message: str) -> None:
        self.bar.erase_button.setEnabled(True)
        QMessageBox.critical(self.window, tr("The travel data was not erased"), message)

"""File > Restore from backup…, File > Save an encrypted copy…, and opening an encrypted copy.

The restore dialog lists the programme's kept backups, newest first, with what each holds
and why it was made. Restoring closes the programme (its lock is the window's), backs up the
state it replaces, puts the backup in place off the UI thread, and opens the programme
again through the window, as if it had just been chosen. Encrypting and decrypting (scrypt
takes a second or two on purpose) run off the UI thread too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.backups import KeptBackup, counts_words
from booster_desktop.services.encrypted_copies import MINIMUM_PASSPHRASE
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.translation import QT_TR_NOOP, date_time, number, tr

Index = QModelIndex | QPersistentModelIndex
BACKUP_FILTER = QT_TR_NOOP("Programmes and encrypted copies (*.booster *.age);;All files (*)")
ENCRYPTED_FILTER = QT_TR_NOOP("Encrypted copies (*.age);;All files (*)")
PROGRAMME_FILTER = QT_TR_NOOP("Booster programmes (*.booster);;All files (*)")
COUNTED = ("managers", "tours", "enrolments", "checkins")


class BackupModel(QAbstractTableModel):
    """The kept backups of one programme, newest first: when, why, and what each holds."""

    HEADINGS = (
        QT_TR_NOOP("Made"),
        QT_TR_NOOP("Why"),
        QT_TR_NOOP("Managers"),
        QT_TR_NOOP("Tours"),
        QT_TR_NOOP("Enrolments"),
        QT_TR_NOOP("Check-ins"),
    )

    def __init__(self, backups: list[KeptBackup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.rows = [
            (
                date_time(b.made_at),
                b.why_words + (tr(" (damaged copy)") if b.damaged else ""),
                *(number(b.counts[k]) if k in b.counts else "" for k in COUNTED),
            )
            for b in backups
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(self.backups[index.row()].path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADINGS[section])
        return None


class RestoreDialog(QDialog):
    """Choose a kept backup (or a file: a copy, an encrypted copy) to restore."""

    def __init__(
        self, backups: list[KeptBackup], programme: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.resize(820, 440)
        self.chosen: Path | None = None
        self.chosen_words = ""  # the chosen backup, as the confirmation names it
        self.intro = QLabel(
            tr(
                "Restoring puts the chosen backup in place of {name}. The programme as "
                "it is now is backed up first (“before a restore”), so a restore can "
                "be undone by restoring that one."
            ).format(name=programme.name)
        )
        self.intro.setWordWrap(True)
        self.model = BackupModel(backups, self)
        self.table = QTableView(self)
        self.table.setObjectName("backups")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self._fit_columns()
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.empty = QLabel(
            tr(
                "No backups are kept of this programme yet: one is made when it is "
                "opened, before an upgrade and before every import, allocation, merge "
                "or tour deletion."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(tr("&Restore"))
        self.restore_button.setObjectName("restore")
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(False)
        self.file_button = QPushButton(tr("From a &file…"))
        self.file_button.setObjectName("from_file")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(self._selected() is not None)
        )
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.empty, self.buttons):
            layout.addWidget(widget)
        if backups:
            self.table.selectRow(0)

    def _fit_columns(self) -> None:
        """Every heading and value whole, with room around it, however narrow the dialog
        is made (French headings are longer): the columns keep their width, "Why" takes
        what is left, and the table is never narrower than all of them."""
        header = self.table.horizontalHeader()
        room = self.table.fontMetrics().horizontalAdvance("MM")
        total = 0
        for column in range(self.model.columnCount()):
            width = max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
            if column == 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                width = min(width, header.sectionSizeHint(column) + 8 * room)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                width += room
                header.resizeSection(column, width)
            total += width
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumWidth(total + scroll_bar + 2 * self.table.frameWidth())

    def _selected(self) -> KeptBackup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        backup = self._selected()
        if backup is not None:
            self.chosen = backup.path
            self.chosen_words = tr("the backup made {made_at} ({why_words})").format(
                made_at=date_time(backup.made_at), why_words=backup.why_words
            )
            self.accept()

    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Restore from a file"), folder, tr(BACKUP_FILTER)
        )
        if name:
            self.chosen = Path(name)
            self.chosen_words = self.chosen.name
            self.accept()


class PassphraseDialog(QDialog):
    """Ask a passphrase: twice to encrypt (and at least the minimum length), once to open."""

    def __init__(self, text: str, *, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(tr("Passphrase"))
        self.setMinimumWidth(460)
        self.confirm = confirm
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        form = QFormLayout()
        form.addRow(tr("&Passphrase:"), self.first)
        if confirm:
            form.addRow(tr("&Again:"), self.second)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check_and_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.second.setVisible(confirm)

    def passphrase(self) -> str:
        return self.first.text()

    def check_and_accept(self) -> None:
        problem = ""
        if not self.first.text():
            problem = tr("Type the passphrase.")
        elif self.confirm and len(self.first.text()) < MINIMUM_PASSPHRASE:
            problem = tr(
                "At least {MINIMUM_PASSPHRASE} characters: the copy may be lost with it."
            ).format(MINIMUM_PASSPHRASE=MINIMUM_PASSPHRASE)
        elif self.confirm and self.second.text() != self.first.text():
            problem = tr("The two passphrases differ.")
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()


def ask_passphrase(parent: QWidget, text: str, *, confirm: bool) -> str | None:
    dialog = PassphraseDialog(text, confirm=confirm, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()


def restore_from_backup(
    document: ProgrammeDocument,
    parent: QWidget,
    *,
    close: Callable[[], bool],
    reopen: Callable[[Path], None],
    said: Callable[[str], None],
    damaged: Path | None = None,
) -> None:
    """File > Restore from backup…: choose, confirm, close, restore off the UI thread, reopen.

    `close` closes the programme in the window (False: it cannot now), `reopen` opens a file
    in the window, `said` shows a line in the status bar. `damaged`: a programme file that
    could not be opened (offered from its refusal), restored without being open."""
    from booster_desktop.services.backups import backups_of
    from booster_desktop.services.encrypted_copies import is_encrypted_copy

    if damaged is not None:
        path = damaged
    else:
        programme = document.programme
        if programme is None or not programme.writable:
            return
        file = programme.file
        if file is None:
            QMessageBox.information(
                parent,
                tr("Restore from backup"),
                tr(
                    "{path} is on a server: its administrator restores it (pg_restore), or "
                    "a backup is pushed into an empty database (booster push)."
                ).format(path=programme.path),
            )
            return
        path = file
    try:
        backups = backups_of(path)
    except BoosterError as error:
        QMessageBox.critical(parent, tr("Cannot list the backups"), str(error))
        return
    dialog = RestoreDialog(backups, path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    chosen, words = dialog.chosen, dialog.chosen_words
    passphrase = None
    if is_encrypted_copy(chosen):
        passphrase = ask_passphrase(
            parent,
            tr("{name} is an encrypted copy: its passphrase?").format(name=chosen.name),
            confirm=False,
        )
        if passphrase is None:
            return
    answer = QMessageBox.question(
        parent,
        tr("Restore from backup"),
        tr(
            "Restore {words} in place of {name}? The programme as it is now is backed up first."
        ).format(words=words, name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,  # it replaces the programme: Enter alone must not
    )
    if answer != QMessageBox.StandardButton.Yes or not close():
        return

    def work(_progress: object) -> Any:
        from booster_desktop.services.backups import restore_backup

        return restore_backup(path, chosen, passphrase=passphrase)

    job = document.run(work)

    def restored(result: Any) -> None:
        reopen(path)
        said(
            tr(
                "Restored {words}: {value}. The programme as it was is kept as a backup too."
            ).format(words=words, value=counts_words(result.counts))
        )

    def failed(message: str) -> None:
        reopen(path)  # nothing was changed: the programme as it was, open again
        QMessageBox.critical(parent, tr("The backup was not restored"), message)

    job.done.connect(restored)
    job.failed.connect(failed)


def save_encrypted_copy(
    document: ProgrammeDocument, parent: QWidget, said: Callable[[str], None]
) -> None:
    """File > Save an encrypted copy…: where, the passphrase twice, then encrypted off the
    UI thread."""
    from booster_desktop.services.encrypted_copies import check_copy_target, encrypt_copy

    programme = document.programme
    if programme is None:
        return
    path = programme.file
    if path is None:
        QMessageBox.information(
            parent,
            tr("Save an encrypted copy"),
            tr(
                "{path} is on a server: pull it into a file first (booster pull), "
                "then save an encrypted copy of that file."
            ).format(path=programme.path),
        )
        return
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Save an encrypted copy"),
        str(path.with_name(f"{path.stem}.booster.age")),
        tr(ENCRYPTED_FILTER),
    )
    if not name:
        return
    target = Path(name)
    try:
        # Refused before the passphrase is asked twice for nothing (the programme itself...).
        check_copy_target(path, target)
    except BoosterError as error:
        QMessageBox.critical(parent, tr("The encrypted copy was not saved"), str(error))
        return
    passphrase = ask_passphrase(
        parent,
        tr(
            "The copy can be opened only with this passphrase: keep it apart from "
            "the copy (not in the same e-mail, not on the same stick)."
        ),
        confirm=True,
    )
    if passphrase is None:
        return
    job = document.run(lambda _progress: encrypt_copy(path, target, passphrase))
    job.done.connect(
        lambda _result: said(tr("Saved an encrypted copy as {target}").format(target=target))
    )
    job.failed.connect(
        lambda message: QMessageBox.critical(
            parent, tr("The encrypted copy was not saved"), message
        )
    )


def open_encrypted_copy(
    document: ProgrammeDocument, parent: QWidget, copy: Path, opened: Callable[[Path], None]
) -> None:
    """An encrypted copy chosen to open: its passphrase, where the decrypted programme goes
    (never beside the copy: that is the stick it travels on), decrypted off the UI thread,
    then opened."""
    from booster_desktop.services.encrypted_copies import decrypt_copy

    passphrase = ask_passphrase(
        parent,
        tr("{name} is an encrypted copy of a programme: its passphrase?").format(name=copy.name),
        confirm=False,
    )
    if passphrase is None:
        return
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    stem = copy.name.removesuffix(".age").removesuffix(".booster")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Where to put the decrypted programme (on this computer)"),
        str(folder / f"{stem}.booster"),
        tr(PROGRAMME_FILTER),
    )
    if not name:
        return
    target = Path(name)
    job = document.run(lambda _progress: decrypt_copy(copy, target, passphrase))
    job.done.connect(lambda _result: opened(target))
    job.failed.connect(
        lambda message: QMessageBox.critical(
            parent, tr("The encrypted copy was not opened"), message
        )
    )

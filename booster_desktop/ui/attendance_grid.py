"""Check-in > Attendance from paper…: a tour's managers x sessions, ticked from sign-in sheets.

The backup when a laptop fails at the door: the printed sheets number the managers in
family-name order, and so do the grid's rows. A tick records a check-in from paper (device
"paper"); unticking voids the check-ins of that person at that session (kept in the file).
Certificates then count what really happened.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.attendance import AttendanceGrid, attendance_grid, set_attendance
from booster_desktop.services.changes import Change
from booster_desktop.services.checkin import SessionInfo
from booster_desktop.services.overview import tour_codes
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.translation import tr, weekday_date, weekday_day

Index = QModelIndex | QPersistentModelIndex


def _session_words(session: SessionInfo) -> str:
    """ "CAT lun. 19 nov. 2018 09:30-12:30 Title": its day in the window's language."""
    return (
        f"{session.tour_code} {weekday_date(session.day)} "
        f"{session.start:%H:%M}-{session.end:%H:%M} {session.title}"
    )


class AttendanceModel(QAbstractTableModel):
    """Rows: the tour's managers, numbered as on the sign-in sheet; columns: its sessions."""

    failed = Signal(str)

    def __init__(self, document: ProgrammeDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.grid: AttendanceGrid | None = None

    def load(self, tour: str) -> None:
        assert self.document.programme is not None
        self.beginResetModel()
        self.grid = attendance_grid(self.document.programme, tour)
        self.endResetModel()

    def reload(self) -> None:
        if self.grid is None or self.document.programme is None:
            return
        fresh = attendance_grid(self.document.programme, self.grid.tour)
        if [m.manager_id for m in fresh.managers] != [m.manager_id for m in self.grid.managers]:
            self.beginResetModel()
            self.grid = fresh
            self.endResetModel()
            return
        self.grid = fresh
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() or self.grid is None else len(self.grid.managers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.sessions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            session = self.grid.sessions[index.column()]
            manager = self.grid.managers[index.row()]
            present = self.grid.is_present(session.id, manager.manager_id)
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            session = self.grid.sessions[index.column()]
            return tr("{name} at {session}").format(
                name=self.grid.managers[index.row()].name, session=_session_words(session)
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable

    def setData(  # noqa: N802 (Qt's name)
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if self.grid is None or role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        assert self.document.programme is not None
        session = self.grid.sessions[index.column()]
        manager = self.grid.managers[index.row()]
        present = Qt.CheckState(value) == Qt.CheckState.Checked
        try:
            set_attendance(self.document.programme, session.id, manager.manager_id, present)
        except BoosterError as error:
            self.failed.emit(str(error))
            return False
        pair = (session.id, manager.manager_id)
        if present:
            self.grid.present.add(pair)
        else:
            self.grid.present.discard(pair)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.grid is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if orientation == Qt.Orientation.Vertical:
            person = self.grid.managers[section]
            return f"{person.number}  {person.name}"
        session = self.grid.sessions[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _session_words(session)
        return f"{weekday_day(session.day)}\n{session.start:%H:%M}\n{tr(session.kind.capitalize())}"


class AttendanceDialog(QDialog):
    """The attendance grid of one tour at a time."""

    def __init__(self, document: ProgrammeDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert document.programme is not None
        self.setObjectName("attendance_grid")
        self.setWindowTitle(tr("Attendance from paper sign-in sheets"))
        self.resize(1100, 700)
        self.document = document
        self.tour = QComboBox(self)
        self.tour.setObjectName("tour")
        for code, title in tour_codes(document.programme):
            self.tour.addItem(f"{code} — {title}", code)
        self.model = AttendanceModel(document, self)
        self.table = QTableView(self)
        self.table.setObjectName("grid")
        self.table.setModel(self.model)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e;")
        self.model.failed.connect(self.error.setText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Tour:")))
        top.addWidget(self.tour, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            QLabel(tr("Tick who signed each session's sheet (rows numbered as the sheets are)."))
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.tour.currentIndexChanged.connect(self._tour_chosen)
        document.changed.connect(self._on_changed)
        self._tour_chosen()

    def _tour_chosen(self, _index: int = 0) -> None:
        code = self.tour.currentData()
        if code is not None:
            self.model.load(code)
            self.table.resizeColumnsToContents()

    def _on_changed(self, change: Change) -> None:
        if change.touches(("checkin", "enrolment", "manager", "tour_session")):
            # Someone else's change heard as the link drops: the grid stays as it is.
            self.document.follow(change, self.model.reload)
